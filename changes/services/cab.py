"""The change advisory boards: a member's vote (the decision is taken once, by the vote
that meets the board's rule; an ECAB may ratify an emergency change after it was
implemented), and CAB meetings (the chair's decisions on the agenda, the next occurrence of
a recurring meeting)."""

from __future__ import annotations

from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from core.errors import InvalidTransitionError
from core.roles import Role

from ..choices import ApprovalStage, ChangeCategory, ChangeStatus, ChangeType, Ratification, VoteDecision, VoteRule
from ..models import CABDecision, CABMeeting, Change, Vote, is_change_manager
from ..selectors import awaits_vote, board_for, on_board, tally
from .rfc import User, _authorize, _locked, _reject, _save, _tell


# --- votes ---------------------------------------------------------------------------------------
def decision_of(counts: dict) -> str | None:
    """``approve``, ``reject`` or None (not decided yet) under the board's rule: a decision
    needs ``quorum`` approve/reject votes; with veto any reject rejects at once; majority is
    more approves than rejects; unanimous is no reject."""
    if counts["veto"] and counts["reject"]:
        return VoteDecision.REJECT
    if counts["approve"] + counts["reject"] < counts["quorum"]:
        return None
    if counts["rule"] == VoteRule.UNANIMOUS:
        return VoteDecision.APPROVE if counts["reject"] == 0 else VoteDecision.REJECT
    return VoteDecision.APPROVE if counts["approve"] > counts["reject"] else VoteDecision.REJECT


@transaction.atomic
def change_vote(*, change: Change | int, actor, decision: str, comment: str = "") -> Vote:
    """A board member votes (again: the vote is replaced). The change row is locked, so
    votes arriving together are counted one after the other and the decision is taken
    exactly once, by the vote that meets the rule."""
    if decision not in VoteDecision.values:
        raise ValidationError({"decision": [_("Choose approve, reject or abstain.")]})
    change = _locked(change)
    # ``change_available_actions`` offers ``vote`` by the same two rules.
    if not awaits_vote(change):
        raise InvalidTransitionError(_("%(number)s is not awaiting a board's vote (it is %(status)s).")
                                     % {"number": change.number, "status": change.get_status_display().lower()},
                                     change.status)
    ratifying = change.ratification == Ratification.PENDING
    board = board_for(change)
    if not on_board(board, actor):
        raise PermissionDenied(_("Only members of the %(board)s vote on this change.")
                               % {"board": board.name if board else "board"})
    if decision == VoteDecision.REJECT and board.veto and not comment.strip():
        raise ValidationError({"comment": [_("A veto needs a reason.")]})
    vote, _created = Vote.objects.update_or_create(change=change, board=board, member=actor,
                                                   defaults={"decision": decision, "comment": comment.strip()})
    outcome = decision_of(tally(change, board))
    if outcome is None:
        return vote
    reason = f"{board.name} decided: {outcome}"
    if ratifying:
        change.ratification = Ratification.RATIFIED if outcome == VoteDecision.APPROVE else Ratification.REFUSED
        change.approval_stage = ApprovalStage.NONE
        _save(change, actor, f"{board.name}: {change.get_ratification_display()}")
        if change.ratification == Ratification.REFUSED:
            managers = User.objects.filter(groups__name=Role.CHANGE_MANAGER, is_active=True).values_list("pk",
                                                                                                       flat=True)
            _tell([*managers, change.assignee_id], change, "ratification-refused",
                  _("%(number)s was implemented but the ECAB refused to ratify it") % {"number": change.number})
    elif outcome == VoteDecision.REJECT:
        _reject(change, actor, _("Rejected by the %(board)s vote.") % {"board": board.name})
    elif change.category == ChangeCategory.MAJOR and change.type == ChangeType.NORMAL:
        change.approval_stage = ApprovalStage.MANAGEMENT
        _save(change, actor, reason + "; IT management next")
        managers = User.objects.filter(groups__name=Role.MANAGER, is_active=True).values_list("pk", flat=True)
        _tell(list(managers), change, "to-management",
              _("%(number)s: the CAB approved a major change; IT management's approval is needed")
              % {"number": change.number})
    else:
        _authorize(change, actor, None, reason)
    return vote


# --- CAB meetings --------------------------------------------------------------------------------
@transaction.atomic
def meeting_record_decision(*, meeting: CABMeeting, change: Change | int, actor, decision: str,
                            notes: str = "") -> CABDecision:
    """The chair records the board's decision on an agenda item; approve and reject move the
    change as the vote would."""
    if not is_change_manager(actor):
        raise PermissionDenied(_("The change manager chairs the CAB and records its decisions."))
    if decision not in ("approve", "reject", "defer", "reviewed"):
        raise ValidationError({"decision": [_("Choose approve, reject, defer or reviewed.")]})
    change = _locked(change)
    try:
        with transaction.atomic():
            record = CABDecision.objects.create(meeting=meeting, change=change, decision=decision, notes=notes)
    except IntegrityError as exc:
        raise ValidationError({"change": [_("This meeting already decided on %s.") % change.number]}) from exc
    if decision == "approve" and change.status == ChangeStatus.CAB_REVIEW:
        if change.category == ChangeCategory.MAJOR and change.type == ChangeType.NORMAL \
                and change.approval_stage == ApprovalStage.CAB:
            change.approval_stage = ApprovalStage.MANAGEMENT
            _save(change, actor, f"approved at {meeting}; IT management next")
        else:
            _authorize(change, actor, None, f"approved at {meeting}")
    elif decision == "reject" and change.status == ChangeStatus.CAB_REVIEW:
        _reject(change, actor, notes or _("Rejected at %s.") % meeting)
    return record


@transaction.atomic
def meeting_next(*, meeting: CABMeeting) -> CABMeeting | None:
    """The next occurrence of a recurring meeting (made once)."""
    if not meeting.repeat_days:
        return None
    starts = meeting.starts_at + timedelta(days=meeting.repeat_days)
    following, _created = CABMeeting.objects.get_or_create(
        board=meeting.board, starts_at=starts,
        defaults={"duration_minutes": meeting.duration_minutes, "repeat_days": meeting.repeat_days})
    return following
