from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Attachment, Incident, IncidentNote, PriorityMatrix


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
