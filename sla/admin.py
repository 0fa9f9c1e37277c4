from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    BusinessCalendar,
    EscalationRule,
    Holiday,
    ServiceOutage,
    SLAEvent,
    SLAPolicy,
    SLATimer,
    WorkingHours,
)


class WorkingHoursInline(admin.TabularInline):
    model = WorkingHours
    extra = 0


class HolidayInline(admin.TabularInline):
    model = Holiday
    extra = 0


@admin.register(BusinessCalendar)
class BusinessCalendarAdmin(SimpleHistoryAdmin):
    """Edits here bypass the re-timing of running timers: prefer the API or the SLA pages."""

    list_display = ["name", "timezone"]
    search_fields = ["name"]
    inlines = [WorkingHoursInline, HolidayInline]


class EscalationRuleInline(admin.TabularInline):
    model = EscalationRule
    extra = 0


@admin.register(SLAPolicy)
class SLAPolicyAdmin(SimpleHistoryAdmin):
    list_display = ["name", "applies_to", "priority", "customer_tier", "channel", "service", "calendar",
                    "response_minutes", "resolution_minutes", "is_active"]
    list_filter = ["applies_to", "is_active", "customer_tier"]
    list_select_related = ["service", "calendar"]
    search_fields = ["name"]
    inlines = [EscalationRuleInline]


class SLAEventInline(admin.TabularInline):
    model = SLAEvent
    extra = 0
    can_delete = False
    readonly_fields = ["kind", "at", "data", "actor", "recorded_at"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(SLATimer)
class SLATimerAdmin(admin.ModelAdmin):
    """Read-only: timers move only through the ticket that owns them."""

    list_display = ["id", "content_type", "object_id", "metric", "status", "due_at", "breached_at", "met_at"]
    list_filter = ["status", "metric", "kind"]
    list_select_related = ["content_type"]
    inlines = [SLAEventInline]

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in SLATimer._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(ServiceOutage)
class ServiceOutageAdmin(SimpleHistoryAdmin):
    list_display = ["service", "started_at", "ended_at", "source"]
    list_filter = ["service"]
    list_select_related = ["service"]
