from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import AgentState, Announcement, Call, Callback, CallEvent, Line, MenuOption, Queue


class MenuOptionInline(admin.TabularInline):
    model = MenuOption
    extra = 1


@admin.register(Line)
class LineAdmin(SimpleHistoryAdmin):
    list_display = ["name", "number", "service", "queue", "calendar", "csat_survey", "is_active"]
    search_fields = ["name", "number"]
    inlines = [MenuOptionInline]


@admin.register(Queue)
class QueueAdmin(SimpleHistoryAdmin):
    list_display = ["name", "skill", "priority", "service_level_seconds"]
    search_fields = ["name"]


@admin.register(Announcement)
class AnnouncementAdmin(SimpleHistoryAdmin):
    list_display = ["message", "active", "allow_continue", "major_incident", "created_at"]
    list_filter = ["active"]
    filter_horizontal = ["lines", "services"]


class CallEventInline(admin.TabularInline):
    model = CallEvent
    extra = 0
    can_delete = False
    readonly_fields = ["sequence", "status", "at", "duration", "received_at"]


@admin.register(Call)
class CallAdmin(admin.ModelAdmin):
    """The call log is built by the webhooks: read-only here."""

    list_display = ["call_sid", "from_number", "contact", "queue", "agent", "outcome", "started_at", "wait_seconds",
                    "talk_seconds"]
    list_filter = ["outcome", "queue", "direction"]
    search_fields = ["call_sid", "from_number"]
    date_hierarchy = "started_at"
    list_select_related = ["contact", "queue", "agent"]
    raw_id_fields = ["contact", "customer", "agent", "incident", "repeat_of", "announcement"]
    inlines = [CallEventInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Callback)
class CallbackAdmin(SimpleHistoryAdmin):
    list_display = ["number", "contact", "reason", "agent", "status", "created_at", "done_at"]
    list_filter = ["status", "reason"]
    raw_id_fields = ["call", "contact", "agent"]


@admin.register(AgentState)
class AgentStateAdmin(admin.ModelAdmin):
    list_display = ["user", "state", "since", "call"]
    list_filter = ["state"]
    raw_id_fields = ["user", "call"]


# --- CC-B (issue 22.2): auto-dial lists ------------------------------------------------------------
from .models import DialList, DialListEntry  # noqa: E402 (kept with its section)


class DialListEntryInline(admin.TabularInline):
    model = DialListEntry
    extra = 0
    fields = ["number", "contact", "callback", "status", "attempts", "next_attempt_at", "last_result"]
    readonly_fields = ["attempts", "last_result"]
    raw_id_fields = ["contact", "callback"]


@admin.register(DialList)
class DialListAdmin(SimpleHistoryAdmin):
    list_display = ["name", "queue", "line", "calendar", "max_attempts", "retry_minutes", "active"]
    list_filter = ["active"]
    inlines = [DialListEntryInline]


# CC-C (issue 22.4): supervision is read here; it is done from the live calls page.
from .models import SupervisionAction  # noqa: E402 (kept with its section)


@admin.register(SupervisionAction)
class SupervisionActionAdmin(SimpleHistoryAdmin):
    list_display = ["at", "supervisor", "action", "call"]
    list_filter = ["action"]
    raw_id_fields = ["call", "leg"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
