from django.contrib import admin
from django.db import transaction
from simple_history.admin import SimpleHistoryAdmin

from . import caching
from .models import ScheduledMaintenance, Subscriber, SubscriberNotice


@admin.register(ScheduledMaintenance)
class ScheduledMaintenanceAdmin(SimpleHistoryAdmin):
    list_display = ["title", "starts_at", "ends_at", "source"]
    list_filter = ["starts_at"]
    search_fields = ["title", "description", "source"]
    filter_horizontal = ["services"]
    date_hierarchy = "starts_at"

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        transaction.on_commit(caching.invalidate)  # the public page shows it at once

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        transaction.on_commit(caching.invalidate)


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ["email", "confirmed_at", "created_at", "language"]
    list_filter = [("confirmed_at", admin.EmptyFieldListFilter)]
    search_fields = ["email"]
    filter_horizontal = ["services"]
    readonly_fields = ["created_at", "confirmed_at", "pending_services"]


@admin.register(SubscriberNotice)
class SubscriberNoticeAdmin(admin.ModelAdmin):
    """The delivery log: read-only."""

    list_display = ["update", "subscriber", "created_at", "sent_at"]
    list_select_related = ["update", "subscriber"]
    search_fields = ["subscriber__email"]
    readonly_fields = ["subscriber", "update", "created_at", "sent_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
