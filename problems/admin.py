from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import KnownError, Problem, ProblemCandidate, WorkaroundApplication


@admin.register(Problem)
class ProblemAdmin(SimpleHistoryAdmin):
    """Read-mostly: the lifecycle moves through the pages and the API."""

    list_display = ["number", "title", "status", "priority", "owner", "needs_review", "created_at"]
    list_filter = ["status", "priority", "needs_review"]
    list_select_related = ["owner"]
    search_fields = ["number", "title"]
    readonly_fields = ["number", "status", "priority", "known_error_at", "resolved_at", "closed_at", "created_at",
                       "needs_review", "review_reason", "major_incident"]
    raw_id_fields = ["owner", "team", "incidents", "services", "cis"]


@admin.register(KnownError)
class KnownErrorAdmin(SimpleHistoryAdmin):
    list_display = ["number", "title", "status", "applied_count", "problem"]
    list_filter = ["status"]
    list_select_related = ["problem"]
    search_fields = ["number", "title", "symptom"]
    readonly_fields = ["number", "applied_count"]
    raw_id_fields = ["problem", "services", "cis"]


@admin.register(WorkaroundApplication)
class WorkaroundApplicationAdmin(admin.ModelAdmin):
    list_display = ["known_error", "incident", "applied_by", "applied_at"]
    list_select_related = ["known_error", "incident", "applied_by"]
    raw_id_fields = ["known_error", "incident", "applied_by"]


@admin.register(ProblemCandidate)
class ProblemCandidateAdmin(SimpleHistoryAdmin):
    list_display = ["signature", "incident_count", "status", "last_seen"]
    list_filter = ["status"]
    readonly_fields = ["signature", "incident_count", "first_seen", "last_seen", "problem", "decided_by",
                       "decided_at"]
    raw_id_fields = ["service", "ci", "incidents"]
