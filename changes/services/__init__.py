"""Every write in change management, by concern: ``rfc`` (create, edit, classify and the
lifecycle from submit to close, links to incidents and problems), ``cab`` (board votes, ECAB
ratification, CAB meetings), ``schedule`` (the forward schedule with blackout, model-window
and conflict checks). Reads are in ``changes.selectors`` and the CI graph walk in
``catalog.selectors``. The names are re-exported here (the reads too, for the callers that
found them here first), so callers write ``services.change_submit(...)``."""

from catalog.selectors import CONNECTING, ci_graph, connected_cis, reachable

from ..defaults import DEFAULT_CATEGORY_MATRIX
from ..selectors import (
    blackouts_for,
    board_for,
    category_for,
    change_metrics,
    conflict_reasons,
    conflicts_for,
    meeting_agenda,
    tally,
)
from .cab import change_vote, decision_of, meeting_next, meeting_record_decision
from .cmdb import (
    CI_ATTRIBUTES,
    apply_ci_updates,
    change_remove_ci_update,
    change_set_ci_update,
    restore_ci_updates,
)
from .proposal import (
    PROPOSAL_EDITABLE,
    change_evaluate,
    change_from_proposal,
    proposal_approve,
    proposal_create,
    proposal_reject,
    proposal_submit,
    proposal_update,
    proposal_withdraw,
)
from .release import (
    RELEASE_EDITABLE,
    release_add_changes,
    release_authorize,
    release_cancel,
    release_complete,
    release_create,
    release_remove_change,
    release_update,
)
from .rfc import (
    EDITABLE,
    REQUIRED,
    RISK_BANDS,
    RISK_QUESTIONS,
    VERBS,
    change_assess,
    change_authorize,
    change_authorize_deployment,
    change_cancel,
    change_close,
    change_complete,
    change_create,
    change_from_major_incident,
    change_from_problem,
    change_implement,
    change_link,
    change_reject,
    change_review,
    change_send_to_cab,
    change_submit,
    change_update,
    missing_fields,
    risk_from_answers,
)
from .schedule import change_schedule

__all__ = [
    "CONNECTING", "DEFAULT_CATEGORY_MATRIX", "EDITABLE", "REQUIRED", "RISK_BANDS", "RISK_QUESTIONS", "VERBS",
    "blackouts_for", "board_for", "category_for", "change_assess", "change_authorize", "change_cancel",
    "change_authorize_deployment",
    "change_close", "change_complete", "change_create", "change_from_major_incident", "change_from_problem",
    "change_implement", "change_link", "change_metrics", "change_reject", "change_review", "change_schedule",
    "change_send_to_cab", "change_submit", "change_update", "change_vote", "ci_graph", "conflict_reasons",
    "conflicts_for", "connected_cis", "decision_of", "meeting_agenda", "meeting_next", "meeting_record_decision",
    "missing_fields", "reachable", "risk_from_answers", "tally",
    "RELEASE_EDITABLE", "release_add_changes", "release_authorize", "release_cancel", "release_complete",
    "release_create", "release_remove_change", "release_update",
    "CI_ATTRIBUTES", "apply_ci_updates", "change_remove_ci_update", "change_set_ci_update", "restore_ci_updates",
    "PROPOSAL_EDITABLE", "change_evaluate", "change_from_proposal", "proposal_approve", "proposal_create",
    "proposal_reject", "proposal_submit", "proposal_update", "proposal_withdraw",
]
