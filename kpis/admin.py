"""The rollup tables, read-only: they are written by ``kpis.rollups`` alone."""

from django.contrib import admin

from .models import AgentDaily, AgentInterval, ArrivalHour, CallDaily, CallInterval, DeskDaily, IncidentDaily


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(CallInterval, CallDaily)
class CallIntervalAdmin(ReadOnlyAdmin):
    list_display = ["start", "queue_id", "agent_id", "service_id", "offered", "answered", "abandoned"]
    list_filter = ["queue_id"]
    date_hierarchy = "start"


@admin.register(AgentInterval, AgentDaily)
class AgentIntervalAdmin(ReadOnlyAdmin):
    list_display = ["start", "agent_id", "available_seconds", "busy_seconds", "wrap_seconds"]
    date_hierarchy = "start"


@admin.register(ArrivalHour)
class ArrivalHourAdmin(ReadOnlyAdmin):
    list_display = ["start", "queue_id", "service_id", "arrivals"]
    date_hierarchy = "start"


@admin.register(IncidentDaily)
class IncidentDailyAdmin(ReadOnlyAdmin):
    list_display = ["day", "team_id", "service_id", "priority", "channel", "created", "resolved", "backlog"]
    list_filter = ["channel"]
    date_hierarchy = "day"


@admin.register(DeskDaily)
class DeskDailyAdmin(ReadOnlyAdmin):
    list_display = ["day", "changes_completed", "changes_successful", "requests_fulfilled"]
    date_hierarchy = "day"
