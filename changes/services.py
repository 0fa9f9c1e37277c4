"""Every write in change management: RFCs and their classification, the approval routes
(change manager, CAB and ECAB by vote, IT management), scheduling with blackout and
conflict checks, implementation, completion, the post-implementation review, CAB meetings,
and the links to incidents, problems and major incidents."""

from __future__ import annotations

import zoneinfo
from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_fsm import can_proceed, has_transition_perm

from catalog.models import CIRelation
from core.errors import InvalidTransitionError
from core.roles import Role, is_staff_member
from incidents import services as incident_services
from incidents.models import MajorIncident
from notifications.services import notify
from problems.models import Problem

from .choices import (
    ApprovalStage,
    BoardKind,
    ChangeCategory,
    ChangeStatus,
    ChangeType,
    Outcome,
    Ratification,
    VoteDecision,
    VoteRule,
)
from .models import (
    BlackoutWindow,
    CABBoard,
    CABDecision,
    CABMeeting,
    CategoryMatrix,
    Change,
    ChangeModel,
    ChangeTask,
    Vote,
    is_change_manager,
)
from .signals import change_outage_changed

S = ChangeStatus
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


DEFAULT_CATEGORY_MATRIX = {
    1: {1: "significant", 2: "significant", 3: "major", 4: "major", 5: "major"},
    2: {1: "minor", 2: "minor", 3: "significant", 4: "significant", 5: "major"},
    3: {1: "minor", 2: "minor", 3: "minor", 4: "significant", 5: "significant"},
}


def category_for(risk: int, impact: int) -> str:
    cell = CategoryMatrix.objects.filter(risk=risk, impact=impact).values_list("category", flat=True).first()
    return cell or DEFAULT_CATEGORY_MATRIX[impact][risk]


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
         "cancel": gettext_lazy("cancel")}


def _guard(change: Change, action: str, actor, message: str | None = None, denied: str | None = None) -> None:
    """The model's transition is the rule: its source states (409) and who may (403,
    ``denied`` saying why when the caller has a better reason than the default)."""
    method = getattr(change, action)
    if not can_proceed(method):
        raise InvalidTransitionError(message or _("You cannot %(action)s a change that is %(status)s.")
                                     % {"action": VERBS[action], "status": change.get_status_display().lower()},
                                     change.status)
    if actor is not None and not has_transition_perm(method, actor):
        raise PermissionDenied(denied or _("You may not %(action)s changes.") % {"action": VERBS[action]})


def _tell(recipients, change: Change, key: str, subject: str, body: str = "", channels=("email", "in_app")) -> None:
    recipients = [r for r in dict.fromkeys(recipients) if r]
    if recipients:
        notify(recipients, "generic", {"subject": subject, "body": body or subject}, list(channels),
               idempotency_key=f"change:{change.pk}:{key}", related=f"changes.change:{change.pk}",
               url=change.get_absolute_url())


def _outage_changed(change: Change) -> None:
    change_id = change.pk
    transaction.on_commit(lambda: change_outage_changed.send(sender=Change, change_id=change_id))


def board_for(change: Change) -> CABBoard | None:
    kind = BoardKind.ECAB if change.type == ChangeType.EMERGENCY else BoardKind.CAB
    return CABBoard.objects.filter(kind=kind).first()


# --- create and edit -----------------------------------------------------------------------------
EDITABLE = ("title", "description", "type", "risk", "risk_answers", "impact", "planned_start", "planned_end",
            "implementation_plan", "backout_plan", "test_plan", "outage_start", "outage_end", "assignee")


def _classify(change: Change) -> None:
    if change.risk_answers:
        change.risk = risk_from_answers(change.risk_answers)
    change.category = category_for(change.risk, change.impact) if change.risk is not None else ""


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
                  outage_services=None, incidents=(), problems=(), **fields) -> Change:
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
                  **fields) -> Change:
    """Edit an RFC before it is approved (and the plans until it is implemented)."""
    _require_staff(actor)
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise ValueError(f"not editable here: {sorted(unknown)}")
    change = _locked(change)
    early = change.status in (S.DRAFT, S.SUBMITTED, S.ASSESSED)
    late_ok = {"implementation_plan", "backout_plan", "test_plan", "assignee", "description"}
    if not early and (set(fields) - late_ok or services is not None or cis is not None
                      or change.status not in (S.CAB_REVIEW, S.AUTHORIZED, S.SCHEDULED)):
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
    if change.status == S.SCHEDULED:
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
    change.submit()
    change.submitted_at = at or timezone.now()
    _classify(change)
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
    return change


def _send_to_board(change: Change, actor) -> Change:
    board = board_for(change)
    if board is None:
        raise InvalidTransitionError(_("There is no %(kind)s board to send it to; an administrator creates one.")
                                     % {"kind": "ECAB" if change.type == ChangeType.EMERGENCY else "CAB"},
                                     change.status)
    change.send_to_cab()
    _save(change, actor, f"sent to {board.name}")
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
    _guard(change, "send_to_cab", actor)
    if change.approval_stage not in (ApprovalStage.CAB, ApprovalStage.ECAB):
        raise InvalidTransitionError(_("A %(category)s change is approved by the change manager, not the CAB.")
                                     % {"category": change.get_category_display().lower() or "minor"},
                                     change.status)
    return _send_to_board(change, actor)


@transaction.atomic
def change_authorize(*, change: Change | int, actor, at: datetime | None = None) -> Change:
    """Approve by hand: the change manager for a minor change, IT management (a manager)
    for a major change the CAB approved. Board stages are decided by vote."""
    change = _locked(change)
    stage = change.approval_stage
    if stage in (ApprovalStage.CAB, ApprovalStage.ECAB) and change.status == S.CAB_REVIEW:
        raise InvalidTransitionError(_("The %(board)s decides this change by vote.")
                                     % {"board": "ECAB" if stage == ApprovalStage.ECAB else "CAB"}, change.status)
    _guard(change, "authorize", actor, denied=(
        _("IT management (a manager) approves a major change after the CAB.") if stage == ApprovalStage.MANAGEMENT
        else _("Only the change manager authorises minor changes.")))
    if change.status == S.SUBMITTED and change.type != ChangeType.STANDARD:
        raise InvalidTransitionError(_("Assess the change before authorising it."), change.status)
    return _authorize(change, actor, at, f"authorised by {getattr(actor, 'username', 'the system')}")


def _authorize(change: Change, actor, at, reason: str) -> Change:
    change.authorize()
    change.approval_stage = ApprovalStage.NONE
    change.authorized_at = at or timezone.now()
    _save(change, actor, reason)
    _tell([change.requested_by_id, change.assignee_id], change, "authorized",
          _("%(number)s is authorised: %(title)s") % {"number": change.number, "title": change.title})
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


# --- votes ---------------------------------------------------------------------------------------
def tally(change: Change, board: CABBoard) -> dict:
    votes = list(change.votes.filter(board=board).values_list("decision", flat=True))
    return {"approve": votes.count(VoteDecision.APPROVE), "reject": votes.count(VoteDecision.REJECT),
            "abstain": votes.count(VoteDecision.ABSTAIN), "quorum": board.quorum, "rule": board.rule,
            "veto": board.veto}


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
    ratifying = change.ratification == Ratification.PENDING
    if not ratifying and (change.status != S.CAB_REVIEW
                          or change.approval_stage not in (ApprovalStage.CAB, ApprovalStage.ECAB)):
        raise InvalidTransitionError(_("%(number)s is not awaiting a board's vote (it is %(status)s).")
                                     % {"number": change.number, "status": change.get_status_display().lower()},
                                     change.status)
    board = board_for(change)
    if board is None or actor is None or not board.members.filter(pk=actor.pk).exists():
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


# --- scheduling -----------------------------------------------------------------------------------
CONNECTING = ("depends_on", "runs_on")


def ci_graph(ci_ids: set[int], depth: int = 3) -> dict[int, set[int]]:
    """The "depends on" / "runs on" edges (either way) within ``depth`` hops of ``ci_ids``,
    as an adjacency map: at most ``depth`` queries, whatever the number of CIs."""
    adjacency: dict[int, set[int]] = {}
    seen, frontier = set(ci_ids), set(ci_ids)
    for _hop in range(depth):
        if not frontier:
            break
        edges = CIRelation.objects.filter(Q(source__in=frontier) | Q(target__in=frontier), kind__in=CONNECTING)
        found = set()
        for source, target in edges.values_list("source_id", "target_id"):
            adjacency.setdefault(source, set()).add(target)
            adjacency.setdefault(target, set()).add(source)
            found.update((source, target))
        frontier = found - seen
        seen |= found
    return adjacency


def reachable(start: set[int], adjacency: dict[int, set[int]], depth: int = 3) -> set[int]:
    seen, frontier = set(start), set(start)
    for _hop in range(depth):
        frontier = {n for ci in frontier for n in adjacency.get(ci, ())} - seen
        seen |= frontier
    return seen


def connected_cis(ci_ids: set[int], depth: int = 3) -> set[int]:
    """The CIs linked to ``ci_ids`` through "depends on" / "runs on" edges, either way, up to
    ``depth`` hops (a database server and the applications that run on it)."""
    return reachable(set(ci_ids), ci_graph(set(ci_ids), depth), depth)


def blackouts_for(change: Change, start: datetime, end: datetime):
    services = list(change.services.values_list("pk", flat=True))
    return (BlackoutWindow.objects.filter(start__lt=end, end__gt=start)
            .filter(Q(services__isnull=True) | Q(services__in=services)).distinct())


def conflict_reasons(*, services: set[int], cis: set[int], near: set[int], other_services: set[int],
                     other_cis: set[int]) -> list[str]:
    """Why two changes that overlap in time conflict: ``service`` (they share one), ``ci``
    (they share one) or ``connected_ci`` (``near``, the CIs connected to the first one's,
    holds one of the other's); empty when they do not."""
    reasons = []
    if services & other_services:
        reasons.append("service")
    if cis & other_cis:
        reasons.append("ci")
    elif near & other_cis:
        reasons.append("connected_ci")
    return reasons


def conflicts_for(change: Change, start: datetime | None = None, end: datetime | None = None) -> list[dict]:
    """Other changes on the schedule that overlap in time and touch the same service, the
    same CI, or a CI connected to one of this change's in the CI graph."""
    start, end = start or change.planned_start, end or change.planned_end
    if start is None or end is None:
        return []
    services = set(change.services.values_list("pk", flat=True))
    cis = set(change.cis.values_list("pk", flat=True))
    near = connected_cis(cis) if cis else set()
    others = (Change.objects.filter(status__in=[S.AUTHORIZED, S.SCHEDULED, S.IMPLEMENTING], planned_start__lt=end,
                                    planned_end__gt=start)
              .exclude(pk=change.pk).prefetch_related("services", "cis"))
    found = []
    for other in others:
        reasons = conflict_reasons(services=services, cis=cis, near=near,
                                   other_services={s.pk for s in other.services.all()},
                                   other_cis={c.pk for c in other.cis.all()})
        if reasons:
            found.append({"change": other.pk, "number": other.number, "title": other.title,
                          "planned_start": other.planned_start, "planned_end": other.planned_end,
                          "reasons": reasons})
    return found


def _in_model_windows(model: ChangeModel, start: datetime, end: datetime) -> bool:
    if not model.allowed_windows:
        return True
    tz = zoneinfo.ZoneInfo(model.timezone)
    local_start, local_end = start.astimezone(tz), end.astimezone(tz)
    for window in model.allowed_windows:
        begin, finish = time.fromisoformat(window["start"]), time.fromisoformat(window["end"])
        for day_offset in (0, -1):  # a window that runs past midnight may have begun yesterday
            day = local_start.date() + timedelta(days=day_offset)
            if day.weekday() not in window.get("weekdays", range(7)):
                continue
            opens = datetime.combine(day, begin, tzinfo=tz)
            closes = datetime.combine(day + timedelta(days=1 if finish <= begin else 0), finish, tzinfo=tz)
            if opens <= local_start and local_end <= closes:
                return True
    return False


@transaction.atomic
def change_schedule(*, change: Change | int, actor, planned_start: datetime | None = None,
                    planned_end: datetime | None = None, outage_start: datetime | None = None,
                    outage_end: datetime | None = None, outage_services=None) -> tuple[Change, list[dict]]:
    """Put an authorised change on the forward schedule (or move it). Refused (409) inside a
    blackout window on its services, except an emergency change, and outside its change
    model's windows; conflicts with other changes are returned for the people to weigh.
    The projected outage goes to the status page as scheduled maintenance."""
    change = _locked(change)
    _guard(change, "schedule", actor)
    change.planned_start = planned_start or change.planned_start
    change.planned_end = planned_end or change.planned_end
    if change.planned_start is None or change.planned_end is None:
        raise ValidationError({"planned_start": [_("Give the planned start and end.")]})
    if outage_start is not None or outage_end is not None:
        change.outage_start, change.outage_end = outage_start, outage_end
    _check_times(change)
    if change.outage_start and (change.outage_start < change.planned_start or change.outage_end > change.planned_end):
        raise ValidationError({"outage_start": [_("The outage must lie within the planned window.")]})
    if change.type != ChangeType.EMERGENCY:
        frozen = list(blackouts_for(change, change.planned_start, change.planned_end))
        if frozen:
            raise InvalidTransitionError(_("%(window)s is a change freeze (%(start)s – %(end)s); only emergency "
                                           "changes may be scheduled in it.")
                                         % {"window": frozen[0].name, "start": f"{frozen[0].start:%Y-%m-%d %H:%M}",
                                            "end": f"{frozen[0].end:%Y-%m-%d %H:%M}"}, change.status)
    if change.model_id and not _in_model_windows(change.model, change.planned_start, change.planned_end):
        raise InvalidTransitionError(_("The change model %(model)s may only be scheduled in its windows.")
                                     % {"model": change.model}, change.status)
    change.schedule()
    _save(change, actor, f"scheduled {change.planned_start:%Y-%m-%d %H:%M}")
    if outage_services is not None:
        change.outage_services.set(outage_services)
    elif change.outage_start and not change.outage_services.exists():
        change.outage_services.set(change.services.all())
    _outage_changed(change)
    return change, conflicts_for(change)


@transaction.atomic
def change_implement(*, change: Change | int, actor, at: datetime | None = None) -> Change:
    """Start the work. Refused before ``planned_start`` unless emergency; an emergency
    change still awaiting the ECAB may start if the ECAB allows implementing first (it is
    then ratified by the votes that follow)."""
    change = _locked(change)
    if change.status == S.CAB_REVIEW:
        board = board_for(change)
        if not (change.type == ChangeType.EMERGENCY and board and board.implement_before_ratification):
            raise InvalidTransitionError(_("The change is not authorised yet."), change.status)
        change.ratification = Ratification.PENDING
    elif change.status == S.SCHEDULED and not change.may_implement_now():
        raise InvalidTransitionError(_("Implementation starts at the planned start (%(start)s UTC).")
                                     % {"start": f"{change.planned_start:%Y-%m-%d %H:%M}"}, change.status)
    _guard(change, "implement", actor)
    change.implement()
    change.implemented_at = at or timezone.now()
    _save(change, actor, "implementation started")
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
    _guard(change, "review", actor)
    change.review()
    change.review_notes, change.reviewed_at = notes.strip(), timezone.now()
    _save(change, actor, "reviewed")
    return change


@transaction.atomic
def change_close(*, change: Change | int, actor) -> Change:
    change = _locked(change)
    if change.status == S.REVIEWING and not change.review_done():
        raise InvalidTransitionError(_("A %(what)s change needs its post-implementation review before it closes.")
                                     % {"what": change.get_outcome_display().lower() if change.outcome in
                                        (Outcome.FAILED, Outcome.BACKED_OUT) else
                                        (change.get_category_display().lower() if change.type != ChangeType.EMERGENCY
                                         else _("emergency"))}, change.status)
    _guard(change, "close", actor)
    change.close()
    change.closed_at = timezone.now()
    _save(change, actor, "closed")
    return change


@transaction.atomic
def change_cancel(*, change: Change | int, actor, reason: str = "") -> Change:
    change = _locked(change)
    _guard(change, "cancel", actor)
    had_outage = change.status == S.SCHEDULED and change.outage_start is not None
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


# --- CAB meetings --------------------------------------------------------------------------------
def meeting_agenda(meeting: CABMeeting) -> dict:
    """The changes awaiting this board's vote, and the recent ones awaiting their review."""
    stage = ApprovalStage.ECAB if meeting.board.kind == BoardKind.ECAB else ApprovalStage.CAB
    awaiting = Change.objects.filter(status=S.CAB_REVIEW, approval_stage=stage).order_by("submitted_at", "id")
    reviews = (Change.objects.filter(Q(status=S.FAILED) | Q(status=S.REVIEWING, reviewed_at__isnull=True),
                                     completed_at__gte=meeting.starts_at - timedelta(days=30))
               .order_by("completed_at", "id"))
    return {"approval": list(awaiting), "review": [c for c in reviews if c.needs_review]}


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
    if decision == "approve" and change.status == S.CAB_REVIEW:
        if change.category == ChangeCategory.MAJOR and change.type == ChangeType.NORMAL \
                and change.approval_stage == ApprovalStage.CAB:
            change.approval_stage = ApprovalStage.MANAGEMENT
            _save(change, actor, f"approved at {meeting}; IT management next")
        else:
            _authorize(change, actor, None, f"approved at {meeting}")
    elif decision == "reject" and change.status == S.CAB_REVIEW:
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


# --- trends --------------------------------------------------------------------------------------
def change_metrics(*, start: datetime, end: datetime) -> dict:
    """For the period [start, end): the success rate of changes completed in it (successful
    / all with an outcome), the emergency ratio of changes submitted in it, and the changes
    completed in it that caused incidents."""
    completed = Change.objects.filter(completed_at__gte=start, completed_at__lt=end).exclude(outcome="")
    done = completed.count()
    successful = completed.filter(outcome=Outcome.SUCCESSFUL).count()
    submitted = Change.objects.filter(submitted_at__gte=start, submitted_at__lt=end)
    total = submitted.count()
    emergency = submitted.filter(type=ChangeType.EMERGENCY).count()
    causing = completed.filter(caused_incidents__isnull=False).distinct().count()
    return {
        "from": start, "to": end, "completed": done, "successful": successful,
        "change_success_rate": round(successful / done, 4) if done else None,
        "submitted": total, "emergency": emergency,
        "emergency_change_ratio": round(emergency / total, 4) if total else None,
        "changes_causing_incidents": causing,
    }

