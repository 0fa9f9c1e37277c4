from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Delivery, MessageTemplate, Notification, SmsMessage, StakeholderGroup


@admin.register(MessageTemplate)
class MessageTemplateAdmin(SimpleHistoryAdmin):
    list_display = ["key", "subject", "description"]
    search_fields = ["key", "subject", "description"]


@admin.register(StakeholderGroup)
class StakeholderGroupAdmin(SimpleHistoryAdmin):
    list_display = ["name"]
    search_fields = ["name"]
    filter_horizontal = ["members"]


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ["created_at", "channel", "recipient", "template", "status", "attempts", "sent_at"]
    list_filter = ["channel", "status", "template"]
    search_fields = ["recipient", "subject", "idempotency_key", "related"]
    list_select_related = ["user"]
    readonly_fields = [f.name for f in Delivery._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["created_at", "user", "subject", "read_at"]
    list_select_related = ["user"]
    search_fields = ["subject"]
    raw_id_fields = ["user", "delivery"]


@admin.register(SmsMessage)
class SmsMessageAdmin(admin.ModelAdmin):
    list_display = ["created_at", "to", "body"]
    search_fields = ["to", "body"]
