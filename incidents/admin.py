from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Attachment,
    Incident,
    IncidentNote,
    MajorIncident,
    MajorIncidentMember,
    MajorIncidentTask,
    Postmortem,
    PriorityMatrix,
    SpikeAlert,
    SpikeRule,
    StakeholderUpdate,
)


@admin.register(PriorityMatrix)
class PriorityMatrixAdmin(SimpleHistoryAdmin):
    list_display = ["impact", "urgency", "priority"]
    list_editable = ["priority"]
    ordering = ["impact", "urgency"]


class NoteInline(admin.TabularInline):
    model = IncidentNote
    extra = 0
    readonly_fields = ["author", "body", "visibility", "created_at"]
    can_delete = False


@admin.register(Incident)
class IncidentAdmin(SimpleHistoryAdmin):
    """Read-mostly: the lifecycle moves through the workspace and the API, never here."""

    list_display = ["number", "title", "status", "priority", "service", "team", "assignee", "created_at"]
    list_filter = ["status", "priority", "channel", "is_major"]
    list_select_related = ["service", "team", "assignee"]
    search_fields = ["number", "title"]
    readonly_fields = ["number", "status", "priority", "acknowledged_at", "resolved_at", "closed_at", "created_at",
                       "resolution_code", "resolution", "parent", "is_major", "reopen_count", "created_by"]
    raw_id_fields = ["service", "ci", "contact", "customer", "requester", "team", "assignee"]
    inlines = [NoteInline]


@admin.register(Attachment)
class AttachmentAdmin(admin.ModelAdmin):
    list_display = ["name", "incident", "size", "content_type", "created_at"]
    list_select_related = ["incident"]
    raw_id_fields = ["incident", "note", "uploaded_by"]


class MemberInline(admin.TabularInline):
    model = MajorIncidentMember
    extra = 0
    raw_id_fields = ["user", "added_by"]


class TaskInline(admin.TabularInline):
    model = MajorIncidentTask
    extra = 0
    raw_id_fields = ["assignee", "created_by"]


@admin.register(MajorIncident)
class MajorIncidentAdmin(SimpleHistoryAdmin):
    """Read-mostly: major incidents are run from the war room and the API."""

    list_display = ["incident", "summary", "status", "impact", "manager", "declared_at", "resolved_at"]
    list_filter = ["status", "impact"]
    list_select_related = ["incident", "manager"]
    search_fields = ["summary", "incident__number"]
    readonly_fields = ["incident", "status", "declared_by", "started_at", "declared_at", "mobilised_at",
                       "contained_at", "resolved_at", "reviewed_at", "closed_at", "bridge_pin", "last_update_at"]
    raw_id_fields = ["manager"]
    inlines = [MemberInline, TaskInline]


@admin.register(StakeholderUpdate)
class StakeholderUpdateAdmin(admin.ModelAdmin):
    list_display = ["major_incident", "what", "audiences", "created_at"]
    list_select_related = ["major_incident"]
    raw_id_fields = ["major_incident", "author"]
    readonly_fields = ["is_public"]


@admin.register(Postmortem)
class PostmortemAdmin(SimpleHistoryAdmin):
    list_display = ["major_incident", "complete", "completed_at", "updated_at"]
    raw_id_fields = ["major_incident", "updated_by"]


@admin.register(SpikeRule)
class SpikeRuleAdmin(SimpleHistoryAdmin):
    list_display = ["service", "window_minutes", "threshold", "baseline_multiplier", "auto_declare", "is_active"]
    list_filter = ["is_active", "auto_declare"]
    list_select_related = ["service"]
    filter_horizontal = ["notify"]


@admin.register(SpikeAlert)
class SpikeAlertAdmin(SimpleHistoryAdmin):
    list_display = ["service", "count", "window_start", "status", "major_incident"]
    list_filter = ["status"]
    list_select_related = ["service", "major_incident"]
    readonly_fields = ["rule", "service", "count", "baseline", "window_start", "window_end", "major_incident",
                       "decided_by", "decided_at", "created_at"]
