from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    BlackoutWindow,
    CABBoard,
    CABDecision,
    CABMeeting,
    CategoryMatrix,
    Change,
    ChangeCIUpdate,
    ChangeModel,
    ChangePolicy,
    ChangeProposal,
    EvaluationReport,
    RaciAssignment,
    Release,
    Vote,
)


@admin.register(CategoryMatrix)
class CategoryMatrixAdmin(SimpleHistoryAdmin):
    list_display = ["impact", "risk", "category"]
    list_editable = ["category"]
    ordering = ["impact", "risk"]


@admin.register(Change)
class ChangeAdmin(SimpleHistoryAdmin):
    """Read-mostly: the lifecycle moves through the pages and the API."""

    list_display = ["number", "title", "type", "category", "status", "planned_start", "requested_by"]
    list_filter = ["status", "type", "category"]
    list_select_related = ["requested_by"]
    search_fields = ["number", "title"]
    readonly_fields = ["number", "status", "category", "approval_stage", "ratification", "outcome", "submitted_at",
                       "authorized_at", "implemented_at", "completed_at", "reviewed_at", "closed_at"]
    raw_id_fields = ["model", "requested_by", "assignee", "services", "cis", "outage_services", "incidents",
                     "problems", "caused_incidents"]


@admin.register(ChangeModel)
class ChangeModelAdmin(SimpleHistoryAdmin):
    list_display = ["name", "risk", "impact", "needs_deployment_authorization", "is_active"]
    filter_horizontal = ["services"]


@admin.register(CABBoard)
class CABBoardAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "quorum", "rule", "veto", "implement_before_ratification"]
    filter_horizontal = ["members"]


@admin.register(Vote)
class VoteAdmin(SimpleHistoryAdmin):
    list_display = ["change", "member", "decision", "updated_at"]
    list_select_related = ["change", "member"]
    readonly_fields = ["change", "board", "member", "decision", "comment"]


@admin.register(BlackoutWindow)
class BlackoutWindowAdmin(SimpleHistoryAdmin):
    list_display = ["name", "start", "end"]
    filter_horizontal = ["services"]


class DecisionInline(admin.TabularInline):
    model = CABDecision
    extra = 0
    raw_id_fields = ["change"]


@admin.register(CABMeeting)
class CABMeetingAdmin(SimpleHistoryAdmin):
    list_display = ["board", "starts_at", "repeat_days"]
    filter_horizontal = ["attendees"]
    inlines = [DecisionInline]


@admin.register(ChangePolicy)
class ChangePolicyAdmin(SimpleHistoryAdmin):
    """The change policy (one row): services and CIs under change control, what makes a change
    major, and the categories needing a deployment authorisation or an evaluation report."""

    list_display = ["name", "major_needs_proposal"]
    filter_horizontal = ["services", "cis"]


class RaciInline(admin.TabularInline):
    model = RaciAssignment
    extra = 0
    raw_id_fields = ["user"]


ChangeModelAdmin.inlines = [RaciInline]


@admin.register(RaciAssignment)
class RaciAssignmentAdmin(SimpleHistoryAdmin):
    """RACI per change model (no model: the default)."""

    list_display = ["model", "step", "raci", "user", "role"]
    list_filter = ["step", "raci", "model"]
    raw_id_fields = ["user"]


@admin.register(Release)
class ReleaseAdmin(SimpleHistoryAdmin):
    list_display = ["number", "name", "status", "window_start", "owner"]
    list_filter = ["status"]
    readonly_fields = ["number", "status", "authorized_at", "authorized_by", "deployed_at"]
    raw_id_fields = ["owner", "created_by"]


@admin.register(ChangeProposal)
class ChangeProposalAdmin(SimpleHistoryAdmin):
    list_display = ["number", "title", "status", "cost", "requested_by"]
    list_filter = ["status"]
    readonly_fields = ["number", "status", "decided_by", "decided_at"]
    raw_id_fields = ["requested_by", "services"]


@admin.register(EvaluationReport)
class EvaluationReportAdmin(SimpleHistoryAdmin):
    list_display = ["change", "recommendation", "author", "updated_at"]
    raw_id_fields = ["change", "author"]


@admin.register(ChangeCIUpdate)
class ChangeCIUpdateAdmin(SimpleHistoryAdmin):
    list_display = ["change", "ci", "apply_on", "applied_at", "restored_at"]
    raw_id_fields = ["change", "ci"]
    readonly_fields = ["before", "applied_at", "restored_at"]
