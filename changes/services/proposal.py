"""Change proposals (major changes: business case, cost, benefit, risks, approved by IT
management before the RFCs it spawns are raised) and the evaluation report a significant or
major change carries to the CAB (risk, cost, capacity, security, go / no-go)."""

from __future__ import annotations

from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_fsm import can_proceed

from core.errors import InvalidTransitionError
from core.roles import Role
from notifications.services import notify

from ..choices import ChangeStatus, ChangeType, ProposalStatus, Recommendation
from ..models import Change, ChangeProposal, EvaluationReport, is_change_manager
from .rfc import _locked, _require_staff, _save, change_create

User = get_user_model()
PROPOSAL_EDITABLE = ("title", "business_case", "cost", "benefit", "risks")
PROPOSAL_VERBS = {"submit": gettext_lazy("submit"), "approve": gettext_lazy("approve"),
                  "reject": gettext_lazy("reject"), "withdraw": gettext_lazy("withdraw")}


def _locked_proposal(proposal: ChangeProposal | int) -> ChangeProposal:
    pk = proposal.pk if isinstance(proposal, ChangeProposal) else proposal
    return ChangeProposal.objects.select_for_update(of=("self",)).get(pk=pk)


def _save_proposal(proposal: ChangeProposal, actor, reason: str) -> None:
    proposal._history_user = actor
    proposal._change_reason = reason[:100]
    proposal.save()


def _tell(recipients, proposal: ChangeProposal, key: str, subject: str) -> None:
    recipients = [r for r in dict.fromkeys(recipients) if r]
    if recipients:
        notify(recipients, "generic", {"subject": subject, "body": subject}, ["email", "in_app"],
               idempotency_key=f"proposal:{proposal.pk}:{key}", related=f"changes.changeproposal:{proposal.pk}",
               url=proposal.get_absolute_url())


def _proposal_guard(proposal: ChangeProposal, action: str, actor, unmet: str = "") -> None:
    method = getattr(proposal, action)
    if not can_proceed(method, check_conditions=False):
        raise InvalidTransitionError(_("You cannot %(action)s a proposal that is %(status)s.")
                                     % {"action": PROPOSAL_VERBS[action],
                                        "status": proposal.get_status_display().lower()}, proposal.status)
    if actor is not None and not method._django_fsm.get_transition(proposal.status).has_perm(proposal, actor):
        raise PermissionDenied(_("IT management (a manager) decides on change proposals.")
                               if action in ("approve", "reject") else _("You may not do this to the proposal."))
    if not can_proceed(method):
        raise InvalidTransitionError(unmet, proposal.status)


def _clean(fields: dict) -> dict:
    cost = fields.get("cost")
    if cost not in (None, ""):
        try:
            cost = Decimal(str(cost))
        except ArithmeticError as exc:
            raise ValidationError({"cost": [_("Give the cost as a number.")]}) from exc
        if cost < 0 or not cost.is_finite():
            raise ValidationError({"cost": [_("The cost cannot be negative.")]})
        fields["cost"] = cost
    elif "cost" in fields:
        fields["cost"] = None
    return {k: v.strip() if isinstance(v, str) else v for k, v in fields.items()}


@transaction.atomic
def proposal_create(*, actor, title: str, services=None, **fields) -> ChangeProposal:
    _require_staff(actor)
    unknown = set(fields) - set(PROPOSAL_EDITABLE)
    if unknown:
        raise ValueError(f"not editable here: {sorted(unknown)}")
    title = (title or "").strip()[:200]
    if not title:
        raise ValidationError({"title": [_("Give the proposal a title.")]})
    proposal = ChangeProposal(title=title, requested_by=actor, **_clean(fields))
    proposal.full_clean(exclude=["number", "status", "requested_by", "decided_by"])
    _save_proposal(proposal, actor, "created")
    proposal.number = f"PRP{proposal.pk:06d}"
    ChangeProposal.objects.filter(pk=proposal.pk).update(number=proposal.number)
    proposal.history.filter(history_type="+").update(number=proposal.number)
    proposal.services.set(services or [])
    return proposal


@transaction.atomic
def proposal_update(*, proposal: ChangeProposal | int, actor, services=None, **fields) -> ChangeProposal:
    """Edit a draft proposal (its author or a manager)."""
    _require_staff(actor)
    unknown = set(fields) - set(PROPOSAL_EDITABLE)
    if unknown:
        raise ValueError(f"not editable here: {sorted(unknown)}")
    proposal = _locked_proposal(proposal)
    if proposal.status != ProposalStatus.DRAFT:
        raise InvalidTransitionError(_("A proposal that is %(status)s can no longer be edited.")
                                     % {"status": proposal.get_status_display().lower()}, proposal.status)
    for field, value in _clean(fields).items():
        setattr(proposal, field, value)
    if not proposal.title:
        raise ValidationError({"title": [_("Give the proposal a title.")]})
    proposal.full_clean(exclude=["number", "status", "requested_by", "decided_by"])
    _save_proposal(proposal, actor, "edited")
    if services is not None:
        proposal.services.set(services)
    return proposal


@transaction.atomic
def proposal_submit(*, proposal: ChangeProposal | int, actor) -> ChangeProposal:
    proposal = _locked_proposal(proposal)
    _proposal_guard(proposal, "submit", actor,
                    _("Write the business case, the benefit and the risks before submitting the proposal."))
    proposal.submit()
    _save_proposal(proposal, actor, "submitted")
    managers = User.objects.filter(groups__name=Role.MANAGER, is_active=True).values_list("pk", flat=True)
    _tell(list(managers), proposal, "submitted",
          _("%(number)s awaits IT management's decision: %(title)s") % {"number": proposal.number,
                                                                        "title": proposal.title})
    return proposal


def _decide(proposal, actor, action: str, notes: str) -> ChangeProposal:
    proposal = _locked_proposal(proposal)
    _proposal_guard(proposal, action, actor)
    getattr(proposal, action)()
    proposal.decided_by, proposal.decided_at, proposal.decision_notes = actor, timezone.now(), notes
    _save_proposal(proposal, actor, f"{action}d" if action == "approve" else "rejected")
    _tell([proposal.requested_by_id], proposal, action,
          _("%(number)s is %(status)s") % {"number": proposal.number,
                                            "status": proposal.get_status_display().lower()})
    return proposal


@transaction.atomic
def proposal_approve(*, proposal: ChangeProposal | int, actor, notes: str = "") -> ChangeProposal:
    """IT management approves: the RFCs it spawns may now be raised."""
    return _decide(proposal, actor, "approve", (notes or "").strip())


@transaction.atomic
def proposal_reject(*, proposal: ChangeProposal | int, actor, notes: str = "") -> ChangeProposal:
    if not (notes or "").strip():
        raise ValidationError({"notes": [_("Say why the proposal is rejected.")]})
    return _decide(proposal, actor, "reject", notes.strip())


@transaction.atomic
def proposal_withdraw(*, proposal: ChangeProposal | int, actor) -> ChangeProposal:
    proposal = _locked_proposal(proposal)
    _proposal_guard(proposal, "withdraw", actor)
    proposal.withdraw()
    _save_proposal(proposal, actor, "withdrawn")
    return proposal


@transaction.atomic
def change_from_proposal(*, proposal: ChangeProposal | int, actor, **fields) -> Change:
    """Raise an RFC from an approved proposal (a normal change, prefilled, linked back)."""
    proposal = ChangeProposal.objects.get(pk=proposal.pk if isinstance(proposal, ChangeProposal) else proposal)
    fields.setdefault("description", proposal.business_case)
    return change_create(actor=actor, title=fields.pop("title", "") or proposal.title, proposal=proposal,
                         services=list(proposal.services.all()), **fields)


# --- the evaluation report -----------------------------------------------------------------------
#: Before the CAB decides: the report may be written or replaced.
EVALUABLE = (ChangeStatus.DRAFT, ChangeStatus.SUBMITTED, ChangeStatus.ASSESSED, ChangeStatus.CAB_REVIEW)


@transaction.atomic
def change_evaluate(*, change: Change | int, actor, risk: str, cost: str, capacity: str, security: str,
                    recommendation: str, summary: str = "") -> EvaluationReport:
    """The change manager attaches (or replaces) the evaluation report before the CAB decides."""
    if actor is not None and not is_change_manager(actor):
        raise PermissionDenied(_("The change manager writes the evaluation report."))
    change = _locked(change)
    if change.status not in EVALUABLE or change.type != ChangeType.NORMAL:
        raise InvalidTransitionError(_("The evaluation of a change that is %(status)s can no longer change.")
                                     % {"status": change.get_status_display().lower()}, change.status)
    values = {"risk": risk, "cost": cost, "capacity": capacity, "security": security}
    errors = {name: [_("Say what the evaluation found.")] for name, value in values.items()
              if not (value or "").strip()}
    if recommendation not in Recommendation.values:
        errors["recommendation"] = [_("Recommend go or no_go.")]
    if errors:
        raise ValidationError(errors)
    report = EvaluationReport.objects.filter(change=change).first() or EvaluationReport(change=change)
    for name, value in values.items():
        setattr(report, name, value.strip())
    report.recommendation, report.summary, report.author = recommendation, (summary or "").strip(), actor
    report._history_user = actor
    report._change_reason = f"evaluated: {recommendation}"
    report.save()
    _save(change, actor, f"evaluation report: {recommendation}", fields=["updated_at"])
    return report
