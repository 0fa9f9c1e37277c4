"""The RFC's own lifecycle: create and edit (with its classification by the risk
questionnaire and the category matrix), submit, assess, send to the board, authorise,
reject, implement, complete, review, close, cancel, and the links to incidents, problems
and major incidents. The board's votes and meetings are in ``cab``, the schedule in
``schedule``; the helpers here (row lock, history save, transition guard, notification)
serve all three."""

from __future__ import annotations

from datetime import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_fsm import can_proceed

from core.errors import InvalidTransitionError
from core.roles import Role, is_staff_member
from incidents import services as incident_services
from incidents.models import MajorIncident
from notifications.services import notify
from problems.models import Problem

from ..choices import (
    ApplyOn,
    ApprovalStage,
    ChangeCategory,
    ChangeStatus,
    ChangeType,
    Outcome,
    ProposalStatus,
    RaciStep,
    Ratification,
)
from ..models import Change, ChangeModel, ChangePolicy, ChangeProposal, ChangeTask
from ..selectors import board_for, category_for, raci_people
from ..signals import change_outage_changed

User = get_user_model()


# --- the RFC template and the risk questionnaire ------------------------------------------------
#: Fields an RFC of each type needs before ``submit``.
REQUIRED = {
    ChangeType.STANDARD: ("title", "model"),
    ChangeType.NORMAL: ("title", "description", "services_or_cis", "implementation_plan", "backout_plan",
                        "test_plan", "planned_start", "planned_end", "risk"),
    ChangeType.EMERGENCY: ("title", "description", "services_or_cis", "implementation_plan", "backout_plan"),
}

#: The risk questionnaire: key, question, weight. ``risk_answers`` maps keys to true/false;
#: the score (sum of the weights answered "yes") gives the risk 1–5.
RISK_QUESTIONS = [
    ("untested", gettext_lazy("Has the change not been tested in a test environment?"), 2),
    ("no_backout", gettext_lazy("Is there no tested way back?"), 2),
    ("customer_facing", gettext_lazy("Would customers notice if it went wrong?"), 2),
    ("business_hours", gettext_lazy("Is it done during business hours?"), 1),
    ("many_cis", gettext_lazy("Does it touch more than five configuration items?"), 1),
    ("first_time", gettext_lazy("Is it the first time this kind of change is done?"), 2),
]
RISK_BANDS = ((0, 1), (2, 2), (4, 3), (6, 4), (8, 5))  # score ≥ n → risk


def risk_from_answers(answers: dict) -> int:
    if not isinstance(answers, dict):
        raise ValidationError({"risk_answers": [_("Answer the questionnaire as {question: true/false}.")]})
    unknown = set(answers) - {key for key, _q, _w in RISK_QUESTIONS}
    if unknown:
        raise ValidationError({"risk_answers": [_("Unknown question(s): %s.") % ", ".join(sorted(unknown))]})
    score = sum(weight for key, _q, weight in RISK_QUESTIONS if answers.get(key) is True)
    return max(risk for floor, risk in RISK_BANDS if score >= floor)


# --- helpers -------------------------------------------------------------------------------------
def _locked(change: Change | int) -> Change:
    pk = change.pk if isinstance(change, Change) else change
    return Change.objects.select_for_update(of=("self",)).get(pk=pk)


def _save(change: Change, actor, reason: str, fields: list[str] | None = None) -> None:
    change._history_user = actor
    change._change_reason = reason[:100]
    change.save(update_fields=fields)


def _require_staff(actor) -> None:
    if actor is not None and not is_staff_member(actor):
        raise PermissionDenied(_("Only service desk staff work on changes."))


VERBS = {"submit": gettext_lazy("submit"), "assess": gettext_lazy("assess"),
         "send_to_cab": gettext_lazy("send to the CAB"), "authorize": gettext_lazy("authorise"),
         "schedule": gettext_lazy("schedule"), "implement": gettext_lazy("implement"),
         "complete_successfully": gettext_lazy("complete"), "complete_unsuccessfully": gettext_lazy("complete"),
         "review": gettext_lazy("review"), "close": gettext_lazy("close"), "reject": gettext_lazy("reject"),
         "cancel": gettext_lazy("cancel"), "authorize_deployment": gettext_lazy("authorise the deployment of")}


def _guard(change: Change, action: str, actor, message: str | None = None, denied: str | None = None,
           unmet: str | None = None) -> None:
    """The model's transition is the rule (``change_available_actions`` offers what it
    allows): its source states (409), who may (403, ``denied`` saying why when the caller
    has a better reason than the default), then its conditions (409, ``unmet`` saying what
    is missing)."""
    method = getattr(change, action)
    if not can_proceed(method, check_conditions=False):
        raise InvalidTransitionError(message or _("You cannot %(action)s a change that is %(status)s.")
                                     % {"action": VERBS[action], "status": change.get_status_display().lower()},
                                     change.status)
    # The permission alone (django-fsm's has_transition_perm checks the conditions too).
    if actor is not None and not method._django_fsm.get_transition(change.status).has_perm(change, actor):
        raise PermissionDenied(denied or _("You may not %(action)s changes.") % {"action": VERBS[action]})
    if not can_proceed(method):
        raise InvalidTransitionError(unmet or message or _("You cannot %(action)s a change that is %(status)s.")
                                     % {"action": VERBS[action], "status": change.get_status_display().lower()},
                                     change.status)


def _tell(recipients, change: Change, key: str, subject: str, body: str = "", channels=("email", "in_app")) -> None:
    recipients = [r for r in dict.fromkeys(recipients) if r]
    if recipients:
        notify(recipients, "generic", {"subject": subject, "body": body or subject}, list(channels),
               idempotency_key=f"change:{change.pk}:{key}", related=f"changes.change:{change.pk}",
               url=change.get_absolute_url())


def _outage_changed(change: Change) -> None:
    change_id = change.pk
    transaction.on_commit(lambda: change_outage_changed.send(sender=Change, change_id=change_id))


# --- create and edit -----------------------------------------------------------------------------
EDITABLE = ("title", "description", "type", "risk", "risk_answers", "impact", "planned_start", "planned_end",
            "implementation_plan", "backout_plan", "test_plan", "outage_start", "outage_end", "assignee",
            "major_criteria")


def _classify(change: Change) -> None:
    """Risk from the questionnaire, the category from the matrix; any of the change policy's
    major criteria that applies makes it major."""
    if change.risk_answers:
        change.risk = risk_from_answers(change.risk_answers)
    change.category = category_for(change.risk, change.impact) if change.risk is not None else ""
    criteria = change.major_criteria or []
    if criteria:
        known = ChangePolicy.current().criteria()
        if not isinstance(criteria, list) or set(map(str, criteria)) - set(known):
            raise ValidationError({"major_criteria": [_("Choose among the change policy's criteria: %(keys)s.")
                                                      % {"keys": ", ".join(known) or "—"}]})
        change.category = ChangeCategory.MAJOR


def _tell_raci(change: Change, step: str, subject: str) -> None:
    """Tell the people the change's RACI consults on or informs of ``step``."""
    people = raci_people(change, step, "C") | raci_people(change, step, "I")
    _tell(sorted(people), change, f"raci:{step}", subject)


def _check_times(change: Change) -> None:
    errors = {}
    if change.planned_start and change.planned_end and change.planned_end <= change.planned_start:
        errors["planned_end"] = [_("The end must be after the start.")]
    if bool(change.outage_start) != bool(change.outage_end):
        errors["outage_end"] = [_("Give both the start and the end of the outage.")]
    elif change.outage_start and change.outage_end <= change.outage_start:
        errors["outage_end"] = [_("The outage must end after it starts.")]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def change_create(*, actor, title: str = "", model: ChangeModel | None = None, services=None, cis=None,
                  outage_services=None, incidents=(), problems=(), proposal: ChangeProposal | None = None,
                  **fields) -> Change:
    """Record an RFC as a draft. From a change model it is a standard change with the model's
    plans, risk, impact and tasks (submitting it authorises it at once)."""
    _require_staff(actor)
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise ValueError(f"not editable here: {sorted(unknown)}")
    change = Change(title=(title or (model.name if model else "")).strip()[:200], requested_by=actor, **fields)
    if model is not None:
        if not model.is_active:
            raise ValidationError({"model": [_("This change model is retired.")]})
        change.model, change.type = model, ChangeType.STANDARD
        change.risk, change.impact = model.risk, model.impact
        for plan in ("implementation_plan", "backout_plan", "test_plan", "description"):
            if not getattr(change, plan):
                setattr(change, plan, getattr(model, plan))
    elif change.type == ChangeType.STANDARD:
        raise ValidationError({"model": [_("A standard change follows a change model.")]})
    if not change.title:
        raise ValidationError({"title": [_("Give the change a title.")]})
    if proposal is not None:
        if proposal.status != ProposalStatus.APPROVED:
            raise ValidationError({"proposal": [_("%(number)s is not approved by IT management yet: RFCs are raised "
                                                  "from approved proposals.") % {"number": proposal.number}]})
        change.proposal = proposal
    _classify(change)
    _check_times(change)
    change.full_clean(exclude=["number", "status", "model", "requested_by", "assignee"], validate_constraints=False)
    _save(change, actor, "created")
    change.number = f"CHG{change.pk:06d}"
    Change.objects.filter(pk=change.pk).update(number=change.number)
    change.history.filter(history_type="+").update(number=change.number)
    change.services.set(services if services is not None else (list(model.services.all()) if model else []))
    change.cis.set(cis or [])
    change.outage_services.set(outage_services or [])
    change.incidents.set(incidents)
    change.problems.set(problems)
    if model is not None:
        ChangeTask.objects.bulk_create([ChangeTask(change=change, title=str(t)[:300], order=i)
                                        for i, t in enumerate(model.tasks)])
    return change


@transaction.atomic
def change_update(*, change: Change | int, actor, services=None, cis=None, outage_services=None,
                  incidents=None, problems=None, **fields) -> Change:
    """Edit an RFC before it is approved (and the plans until it is implemented). The
    services, CIs and the incidents and problems it resolves (each replaced when given) are
    links of the RFC: set here, under the same edit guard, and recorded in its history."""
    _require_staff(actor)
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise ValueError(f"not editable here: {sorted(unknown)}")
    change = _locked(change)
    early = change.status in (ChangeStatus.DRAFT, ChangeStatus.SUBMITTED, ChangeStatus.ASSESSED)
    late_ok = {"implementation_plan", "backout_plan", "test_plan", "assignee", "description"}
    links_given = any(links is not None for links in (services, cis, incidents, problems))
    if not early and (set(fields) - late_ok or links_given
                      or change.status not in (ChangeStatus.CAB_REVIEW, ChangeStatus.AUTHORIZED,
                                               ChangeStatus.SCHEDULED)):
        raise InvalidTransitionError(_("A change that is %(status)s can no longer be edited that way.")
                                     % {"status": change.get_status_display().lower()}, change.status)
    for field, value in fields.items():
        setattr(change, field, value.strip() if isinstance(value, str) else value)
    if change.model_id and change.type != ChangeType.STANDARD:
        change.model = None
    if change.type == ChangeType.STANDARD and change.model_id is None:
        raise ValidationError({"type": [_("A standard change follows a change model: create it from the model.")]})
    _classify(change)
    _check_times(change)
    change.full_clean(exclude=["number", "status", "model", "requested_by", "assignee"], validate_constraints=False)
    _save(change, actor, "edited")
    if services is not None:
        change.services.set(services)
    if cis is not None:
        change.cis.set(cis)
    if outage_services is not None:
        change.outage_services.set(outage_services)
    if incidents is not None:
        change.incidents.set(incidents)
    if problems is not None:
        change.problems.set(problems)
    if change.status == ChangeStatus.SCHEDULED:
        _outage_changed(change)
    return change


# --- submit, assess, route -----------------------------------------------------------------------
def missing_fields(change: Change) -> list[str]:
    """What the RFC template still needs for the change's type."""
    missing = []
    for name in REQUIRED[change.type]:
        if name == "services_or_cis":
            if not change.services.exists() and not change.cis.exists():
                missing.append("services")
        elif name == "model":
            if change.model_id is None:
                missing.append("model")
        elif name == "risk":
            if change.risk is None:
                missing.append("risk")
        elif not getattr(change, name):
            missing.append(name)
    return missing


def _route(change: Change) -> None:
    """Who approves: a change model nobody; a minor change the change manager; a
    significant or major one the CAB (a major one IT management after it); an emergency
    one the ECAB."""
    if change.type == ChangeType.STANDARD:
        change.approval_stage = ApprovalStage.NONE
    elif change.type == ChangeType.EMERGENCY:
        change.approval_stage = ApprovalStage.ECAB
    elif change.category == ChangeCategory.MINOR:
        change.approval_stage = ApprovalStage.CHANGE_MANAGER
    else:
        change.approval_stage = ApprovalStage.CAB


@transaction.atomic
def change_submit(*, change: Change | int, actor, at: datetime | None = None) -> Change:
    """Submit the RFC. Refused (400, field by field) while the template is incomplete. A
    standard change from a model is authorised at once."""
    change = _locked(change)
    _guard(change, "submit", actor)
    missing = missing_fields(change)
    if missing:
        raise ValidationError({name: [_("Required to submit a %(type)s change.")
                                      % {"type": change.get_type_display().lower()}] for name in missing})
    _classify(change)
    if change.type == ChangeType.NORMAL and change.category == ChangeCategory.MAJOR \
            and ChangePolicy.current().major_needs_proposal \
            and (change.proposal is None or change.proposal.status != ProposalStatus.APPROVED):
        raise ValidationError({"proposal": [_("A major change is raised from a change proposal IT management "
                                              "approved.")]})
    change.submit()
    change.submitted_at = at or timezone.now()
    _route(change)
    _save(change, actor, "submitted")
    if change.type == ChangeType.STANDARD:
        change.authorize()
        change.authorized_at = change.submitted_at
        _save(change, actor, f"pre-authorised by the change model {change.model}")
        return change
    managers = User.objects.filter(groups__name=Role.CHANGE_MANAGER, is_active=True).values_list("pk", flat=True)
    _tell(list(managers), change, "submitted", _("%(number)s submitted: %(title)s")
          % {"number": change.number, "title": change.title})
    if change.type == ChangeType.EMERGENCY:  # no waiting for an assessment: straight to the ECAB
        return _send_to_board(change, actor)
    return change


@transaction.atomic
def change_assess(*, change: Change | int, actor, risk: int | None = None, impact: int | None = None,
                  risk_answers: dict | None = None) -> Change:
    """The change manager confirms (or corrects) risk and impact; the category and the
    approval route follow."""
    change = _locked(change)
    _guard(change, "assess", actor)
    if risk_answers is not None:
        change.risk_answers = risk_answers
    elif risk is not None:
        change.risk, change.risk_answers = risk, {}
    if impact is not None:
        change.impact = impact
    _classify(change)
    if change.risk is None:
        raise ValidationError({"risk": [_("Give the risk or answer the questionnaire.")]})
    change.full_clean(exclude=["number", "status", "model", "requested_by", "assignee"], validate_constraints=False)
    change.assess()
    _route(change)
    _save(change, actor, f"assessed: risk {change.risk}, impact {change.impact}, {change.category}")
    _tell_raci(change, RaciStep.ASSESS, _("%(number)s is assessed: %(category)s")
               % {"number": change.number, "category": change.get_category_display().lower()})
    return change


def _send_to_board(change: Change, actor) -> Change:
    board = board_for(change)
    if board is None:
        raise InvalidTransitionError(_("There is no %(kind)s board to send it to; an administrator creates one.")
                                     % {"kind": "ECAB" if change.type == ChangeType.EMERGENCY else "CAB"},
                                     change.status)
    change.send_to_cab()
    _save(change, actor, f"sent to {board.name}")
    _tell_raci(change, RaciStep.CAB, _("%(number)s is before the %(board)s: %(title)s")
               % {"number": change.number, "board": board.name, "title": change.title})
    _tell(list(board.members.values_list("pk", flat=True)), change, f"to-board:{board.pk}",
          _("%(board)s: please vote on %(number)s %(title)s") % {"board": board.name, "number": change.number,
                                                                 "title": change.title},
          _("%(number)s (%(category)s, risk %(risk)s) awaits your vote: approve, reject or abstain.")
          % {"number": change.number, "category": change.get_category_display() or change.get_type_display(),
             "risk": change.risk or "?"})
    return change


@transaction.atomic
def change_send_to_cab(*, change: Change | int, actor) -> Change:
    change = _locked(change)
    _guard(change, "send_to_cab", actor,
           unmet=_("Attach the evaluation report before the CAB decides on a %(category)s change.")
           % {"category": change.get_category_display().lower()} if change.routed_to_a_board()
           else _("A %(category)s change is approved by the change manager, not the CAB.")
           % {"category": change.get_category_display().lower() or "minor"})
    return _send_to_board(change, actor)


@transaction.atomic
def change_authorize(*, change: Change | int, actor, at: datetime | None = None) -> Change:
    """Approve by hand: the change manager for a minor change, IT management (a manager)
    for a major change the CAB approved. Board stages are decided by vote."""
    change = _locked(change)
    stage = change.approval_stage
    if stage in (ApprovalStage.CAB, ApprovalStage.ECAB) and change.status == ChangeStatus.CAB_REVIEW:
        raise InvalidTransitionError(_("The %(board)s decides this change by vote.")
                                     % {"board": "ECAB" if stage == ApprovalStage.ECAB else "CAB"}, change.status)
    _guard(change, "authorize", actor, denied=(
        _("IT management (a manager) approves a major change after the CAB.") if stage == ApprovalStage.MANAGEMENT
        else _("Only the change manager authorises minor changes.")),
        unmet=_("Assess the change before authorising it."))
    return _authorize(change, actor, at, f"authorised by {getattr(actor, 'username', 'the system')}")


def _authorize(change: Change, actor, at, reason: str) -> Change:
    change.authorize()
    change.approval_stage = ApprovalStage.NONE
    change.authorized_at = at or timezone.now()
    _save(change, actor, reason)
    _tell([change.requested_by_id, change.assignee_id], change, "authorized",
          _("%(number)s is authorised: %(title)s") % {"number": change.number, "title": change.title})
    _tell_raci(change, RaciStep.AUTHORIZE, _("%(number)s is authorised: %(title)s")
               % {"number": change.number, "title": change.title})
    if change.needs_deployment_authorization():
        approvers = raci_people(change, RaciStep.DEPLOYMENT, "A") or set(
            User.objects.filter(groups__name=Role.CHANGE_MANAGER, is_active=True).values_list("pk", flat=True))
        _tell(sorted(approvers), change, "deployment-needed",
              _("%(number)s needs its deployment authorised: %(title)s") % {"number": change.number,
                                                                             "title": change.title})
    return change


@transaction.atomic
def change_reject(*, change: Change | int, actor, reason: str) -> Change:
    if not (reason or "").strip():
        raise ValidationError({"reason": [_("Say why the change is rejected.")]})
    change = _locked(change)
    _guard(change, "reject", actor, denied=_("Only the change manager (or the board by vote) rejects changes."))
    return _reject(change, actor, reason.strip())


def _reject(change: Change, actor, reason: str) -> Change:
    change.reject()
    change.rejection_reason, change.approval_stage = reason, ApprovalStage.NONE
    _save(change, actor, f"rejected: {reason}")
    _tell([change.requested_by_id], change, "rejected", _("%(number)s was rejected") % {"number": change.number},
          reason)
    return change


@transaction.atomic
def change_authorize_deployment(*, change: Change | int, actor, at: datetime | None = None) -> Change:
    """The deployment authorisation: the gate before ``implement`` for the changes that need
    it by their change model or their category (``ChangePolicy``). The change manager gives
    it; authorising a release gives it to each of the release's changes."""
    change = _locked(change)
    _guard(change, "authorize_deployment", actor,
           denied=_("Only the change manager authorises deployments."),
           unmet=_("The deployment of %(number)s is authorised already.") % {"number": change.number}
           if change.deployment_authorized_at else
           _("%(number)s needs no deployment authorisation.") % {"number": change.number})
    _deployment_authorized(change, actor, at, f"deployment authorised by {getattr(actor, 'username', 'the system')}")
    return change


def _deployment_authorized(change: Change, actor, at, reason: str) -> None:
    change.authorize_deployment()
    change.deployment_authorized_at = at or timezone.now()
    change.deployment_authorized_by = actor
    _save(change, actor, reason)
    _tell([change.requested_by_id, change.assignee_id, *raci_people(change, RaciStep.IMPLEMENT, "R")], change,
          "deployment-authorized", _("%(number)s: deployment authorised") % {"number": change.number})
    _tell_raci(change, RaciStep.DEPLOYMENT, _("%(number)s: deployment authorised") % {"number": change.number})


# --- implement, complete, review, close, cancel ---------------------------------------------------
@transaction.atomic
def change_implement(*, change: Change | int, actor, at: datetime | None = None) -> Change:
    """Start the work. Refused before ``planned_start`` unless emergency; an emergency
    change still awaiting the ECAB may start if the ECAB allows implementing first (it is
    then ratified by the votes that follow)."""
    change = _locked(change)
    if change.status == ChangeStatus.CAB_REVIEW or change.planned_start is None:
        unmet = _("The change is not authorised yet.")
    elif not change.deployment_authorized_if_needed():
        unmet = _("The deployment of %(number)s is not authorised yet.") % {"number": change.number}
    else:
        unmet = _("Implementation starts at the planned start (%(start)s UTC).") \
            % {"start": f"{change.planned_start:%Y-%m-%d %H:%M}"}
    _guard(change, "implement", actor, unmet=unmet)
    if change.status == ChangeStatus.CAB_REVIEW:  # an emergency change the ECAB lets start: its votes ratify it
        change.ratification = Ratification.PENDING
    change.implement()
    change.implemented_at = at or timezone.now()
    _save(change, actor, "implementation started")
    from .cmdb import apply_ci_updates
    apply_ci_updates(change, actor, ApplyOn.IMPLEMENT)
    _tell_raci(change, RaciStep.IMPLEMENT, _("Implementation of %(number)s has started") % {"number": change.number})
    return change


@transaction.atomic
def change_complete(*, change: Change | int, actor, outcome: str, at: datetime | None = None) -> Change:
    if outcome not in Outcome.values:
        raise ValidationError({"outcome": [_("Choose successful, failed or backed_out.")]})
    change = _locked(change)
    action = "complete_successfully" if outcome == Outcome.SUCCESSFUL else "complete_unsuccessfully"
    _guard(change, action, actor)
    getattr(change, action)()
    change.outcome, change.completed_at = outcome, at or timezone.now()
    _save(change, actor, f"completed: {outcome}")
    from .cmdb import apply_ci_updates, restore_ci_updates
    if outcome == Outcome.SUCCESSFUL:
        apply_ci_updates(change, actor, ApplyOn.COMPLETE)
    elif outcome == Outcome.BACKED_OUT:
        restore_ci_updates(change, actor)
    if outcome != Outcome.SUCCESSFUL:
        managers = User.objects.filter(groups__name=Role.CHANGE_MANAGER, is_active=True).values_list("pk", flat=True)
        _tell(list(managers), change, f"outcome:{outcome}", _("%(number)s %(outcome)s: a review is needed")
              % {"number": change.number, "outcome": change.get_outcome_display().lower()})
    if change.outage_start:
        _outage_changed(change)
    return change


@transaction.atomic
def change_review(*, change: Change | int, actor, notes: str) -> Change:
    """Record the post-implementation review (what went well, what did not, follow-ups)."""
    if not (notes or "").strip():
        raise ValidationError({"notes": [_("Write the review.")]})
    change = _locked(change)
    _guard(change, "review", actor, unmet=_("The review of %(number)s is recorded already.") % {"number": change.number}
           if change.reviewed_at else _("%(number)s needs no post-implementation review.") % {"number": change.number})
    change.review()
    change.review_notes, change.reviewed_at = notes.strip(), timezone.now()
    _save(change, actor, "reviewed")
    _tell_raci(change, RaciStep.REVIEW, _("The review of %(number)s is recorded") % {"number": change.number})
    return change


@transaction.atomic
def change_close(*, change: Change | int, actor) -> Change:
    change = _locked(change)
    _guard(change, "close", actor,
           unmet=_("A %(what)s change needs its post-implementation review before it closes.")
           % {"what": change.get_outcome_display().lower() if change.outcome in (Outcome.FAILED, Outcome.BACKED_OUT)
              else (change.get_category_display().lower() if change.type != ChangeType.EMERGENCY
                    else _("emergency"))})
    change.close()
    change.closed_at = timezone.now()
    _save(change, actor, "closed")
    _tell_raci(change, RaciStep.CLOSE, _("%(number)s is closed") % {"number": change.number})
    return change


@transaction.atomic
def change_cancel(*, change: Change | int, actor, reason: str = "") -> Change:
    change = _locked(change)
    _guard(change, "cancel", actor)
    had_outage = change.status == ChangeStatus.SCHEDULED and change.outage_start is not None
    change.cancel()
    change.approval_stage = ApprovalStage.NONE
    _save(change, actor, f"cancelled: {reason}" if reason else "cancelled")
    if had_outage:
        _outage_changed(change)
    return change


# --- links ---------------------------------------------------------------------------------------
@transaction.atomic
def change_link(*, change: Change | int, actor, incidents=(), problems=(), caused_incidents=(),
                unlink: bool = False) -> Change:
    _require_staff(actor)
    change = _locked(change)
    for field, items in (("incidents", incidents), ("problems", problems), ("caused_incidents", caused_incidents)):
        items = list(items)
        if items:
            manager = getattr(change, field)
            (manager.remove if unlink else manager.add)(*items)
    _save(change, actor, "links changed", fields=["updated_at"])
    return change


@transaction.atomic
def change_from_problem(*, problem: Problem, actor, **fields) -> Change:
    """Raise an RFC to remove a problem's cause (a normal change, prefilled)."""
    fields.setdefault("description", _("Removes the cause of %(number)s: %(root_cause)s")
                      % {"number": problem.number, "root_cause": problem.root_cause or problem.title})
    return change_create(actor=actor, title=fields.pop("title", "") or _("Fix: %s") % problem.title,
                         services=list(problem.services.all()), cis=list(problem.cis.all()), problems=[problem],
                         **fields)


@transaction.atomic
def change_from_major_incident(*, major: MajorIncident, actor, **fields) -> Change:
    """Raise an emergency RFC from a major incident (prefilled); its postmortem links it."""
    fields.setdefault("type", ChangeType.EMERGENCY)
    fields.setdefault("description", _("Emergency fix for the major incident %(number)s: %(summary)s")
                      % {"number": major.incident.number, "summary": major.summary})
    fields.setdefault("impact", 1)
    change = change_create(actor=actor, title=fields.pop("title", "") or _("Emergency fix: %s") % major.summary,
                           services=list(major.services.all()), incidents=[major.incident], **fields)
    incident_services.postmortem_link(major=major, change=change.pk)
    return change
