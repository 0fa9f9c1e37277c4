"""Reads for change management: the category a risk and an impact give, the board that
decides a change and its vote count, the forward schedule of change with its conflicts and
blackouts, the CAB inbox and meeting agenda, and the change metrics."""

from datetime import datetime, timedelta

from django.db.models import Prefetch, Q, QuerySet

from catalog.selectors import ci_graph, connected_cis, reachable
from core.roles import Role, has_role, is_staff_member

from .choices import (
    ApprovalStage,
    BoardKind,
    ChangeStatus,
    ChangeType,
    Outcome,
    Ratification,
    ReleaseStatus,
    VoteDecision,
)
from .defaults import DEFAULT_CATEGORY_MATRIX
from .models import (
    BlackoutWindow,
    CABBoard,
    CABMeeting,
    CategoryMatrix,
    Change,
    ChangePolicy,
    ChangeProposal,
    EvaluationReport,
    RaciAssignment,
    Release,
    Vote,
    _may_run_release,
    raci_users,
)

ON_SCHEDULE = (ChangeStatus.AUTHORIZED, ChangeStatus.SCHEDULED, ChangeStatus.IMPLEMENTING, ChangeStatus.REVIEWING,
               ChangeStatus.FAILED, ChangeStatus.CLOSED)
BOARD_STAGES = (ApprovalStage.CAB, ApprovalStage.ECAB)
#: Before the CAB decides, the evaluation report may be written or replaced.
EVALUABLE = (ChangeStatus.DRAFT, ChangeStatus.SUBMITTED, ChangeStatus.ASSESSED, ChangeStatus.CAB_REVIEW)
#: Before approval everything may be edited; after it, only the plans (``change_update``).
EDITABLE = (ChangeStatus.DRAFT, ChangeStatus.SUBMITTED, ChangeStatus.ASSESSED, ChangeStatus.CAB_REVIEW,
            ChangeStatus.AUTHORIZED, ChangeStatus.SCHEDULED)


def changes_visible_to(user) -> QuerySet[Change]:
    """Staff see every change; requesters none (the pages and the API answer them 403)."""
    return Change.objects.all() if is_staff_member(user) else Change.objects.none()


#: The relations a change's lists and ``ChangeSerializer`` show (the API as lists of ids).
LINKED = ("services", "cis", "incidents", "problems", "caused_incidents", "outage_services")


def changes_with_list_data(qs: QuerySet[Change] | None = None) -> QuerySet[Change]:
    qs = qs if qs is not None else Change.objects.all()
    return qs.select_related("model", "requested_by", "assignee").prefetch_related(*LINKED)


def changes_for_the_api(qs: QuerySet[Change] | None = None) -> QuerySet[Change]:
    """:func:`changes_with_list_data` as the API's change answer reads it: each linked record
    by its id alone (the serializer shows ids; the prefetches no longer join and build whole
    incidents and problems), the same rows in the same order, and the tasks."""
    qs = qs if qs is not None else Change.objects.all()
    linked = [Prefetch(name, queryset=Change._meta.get_field(name).related_model._default_manager.only("pk"))
              for name in LINKED]
    return qs.select_related("model", "requested_by", "assignee").prefetch_related(*linked, "tasks")


def category_for(risk: int, impact: int) -> str:
    cell = CategoryMatrix.objects.filter(risk=risk, impact=impact).values_list("category", flat=True).first()
    return cell or DEFAULT_CATEGORY_MATRIX[impact][risk]


def board_for(change: Change) -> CABBoard | None:
    kind = BoardKind.ECAB if change.type == ChangeType.EMERGENCY else BoardKind.CAB
    return CABBoard.objects.filter(kind=kind).first()


def awaits_vote(change: Change) -> bool:
    """Before the board (or an emergency change implemented first, awaiting ratification)."""
    return (change.status == ChangeStatus.CAB_REVIEW and change.approval_stage in BOARD_STAGES) \
        or change.ratification == Ratification.PENDING


def on_board(board: CABBoard | None, user) -> bool:
    return board is not None and user is not None and board.members.filter(pk=user.pk).exists()


#: The verbs on a change, in the order the page offers them, and the transition each takes
#: (``complete`` takes ``complete_unsuccessfully`` too: the same states and people).
CHANGE_TRANSITIONS = {
    "submit": "submit", "send-to-cab": "send_to_cab", "authorize": "authorize", "implement": "implement",
    "close": "close", "assess": "assess", "schedule": "schedule", "complete": "complete_successfully",
    "review": "review", "reject": "reject", "cancel": "cancel", "authorize-deployment": "authorize_deployment",
}
_LOOK_UP = object()


def change_available_actions(user, change: Change, *, board=_LOOK_UP) -> list[str]:
    """What ``user`` may do to ``change`` now: the lifecycle transitions django-fsm lets
    them take (source state, ``conditions=`` such as the approval route and the planned
    start, ``permission=`` such as the change manager's), ``vote`` for a member of the board
    it awaits, ``edit`` (the RFC, ``PATCH`` in the API) while it may be edited, and ``link``.
    The change page offers exactly these and the API accepts exactly these: the services
    refuse the rest with the same guards (409 for the state or a condition, 403 for the
    person). ``board``: the change's board, when the caller has it already."""
    if user is None or not is_staff_member(user):
        return []
    allowed = {t.name for t in change.get_available_user_status_transitions(user)}
    actions = [verb for verb, name in CHANGE_TRANSITIONS.items() if name in allowed]
    if awaits_vote(change) and on_board(board_for(change) if board is _LOOK_UP else board, user):
        actions.append("vote")
    if change.status in EDITABLE:
        actions.append("edit")
    if change.status in EDITABLE and change.status not in (ChangeStatus.CANCELLED,):
        actions.append("cmdb")
    if change.status in EVALUABLE and change.type == ChangeType.NORMAL and has_role(user, Role.CHANGE_MANAGER,
                                                                                      Role.ADMIN):
        actions.append("evaluate")
    actions.append("link")
    return actions


def tally(change: Change, board: CABBoard) -> dict:
    votes = list(change.votes.filter(board=board).values_list("decision", flat=True))
    return {"approve": votes.count(VoteDecision.APPROVE), "reject": votes.count(VoteDecision.REJECT),
            "abstain": votes.count(VoteDecision.ABSTAIN), "quorum": board.quorum, "rule": board.rule,
            "veto": board.veto}


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
    others = (Change.objects.filter(status__in=[ChangeStatus.AUTHORIZED, ChangeStatus.SCHEDULED,
                                                ChangeStatus.IMPLEMENTING],
                                    planned_start__lt=end, planned_end__gt=start)
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


def forward_schedule(*, start: datetime, end: datetime) -> dict:
    """Changes planned to overlap [start, end) with, for each, the other changes it
    conflicts with (overlapping in time on the same service, the same CI, or CIs connected
    in the CI graph); ``conflicts``, each conflicting pair once with the reasons
    (``conflict_reasons``, as when a change is scheduled) and the time they share; and the
    blackout windows in the period. A fixed number of queries."""
    changes = list(Change.objects.filter(status__in=ON_SCHEDULE, planned_start__lt=end, planned_end__gt=start)
                   .prefetch_related("services", "cis").order_by("planned_start", "id"))
    all_cis = {ci.pk for change in changes for ci in change.cis.all()}
    adjacency = ci_graph(all_cis)  # one walk of the CI graph for the whole period
    live = [c for c in changes
            if c.status in (ChangeStatus.AUTHORIZED, ChangeStatus.SCHEDULED, ChangeStatus.IMPLEMENTING)]
    services = {c.pk: {s.pk for s in c.services.all()} for c in changes}
    cis = {c.pk: {ci.pk for ci in c.cis.all()} for c in changes}
    rows, pairs = [], []
    for change in changes:
        near = reachable(cis[change.pk], adjacency) if cis[change.pk] else set()
        conflicts = []
        if change in live:
            for other in live:
                if other.pk == change.pk or not (other.planned_start < change.planned_end
                                                  and change.planned_start < other.planned_end):
                    continue
                reasons = conflict_reasons(services=services[change.pk], cis=cis[change.pk], near=near,
                                           other_services=services[other.pk], other_cis=cis[other.pk])
                if not reasons:
                    continue
                conflicts.append(other.pk)
                if change.pk < other.pk:
                    pairs.append({"changes": [change, other], "reasons": reasons,
                                  "start": max(change.planned_start, other.planned_start),
                                  "end": min(change.planned_end, other.planned_end)})
        rows.append({"change": change, "services": sorted(services[change.pk]), "cis": sorted(cis[change.pk]),
                     "conflicts": conflicts})
    pairs.sort(key=lambda pair: (pair["start"], [c.pk for c in pair["changes"]]))
    blackouts = list(BlackoutWindow.objects.filter(start__lt=end, end__gt=start).prefetch_related("services"))
    return {"from": start, "to": end, "changes": rows, "conflicts": pairs, "blackouts": blackouts}


def awaiting_vote(user) -> QuerySet[Change]:
    """The CAB inbox: changes awaiting a vote of a board ``user`` sits on (and ECAB
    ratifications)."""
    kinds = set(CABBoard.objects.filter(members=user).values_list("kind", flat=True))
    stages = [ApprovalStage.CAB] if BoardKind.CAB in kinds else []
    if BoardKind.ECAB in kinds:
        stages.append(ApprovalStage.ECAB)
    if not stages:
        return Change.objects.none()
    cond = Q(status=ChangeStatus.CAB_REVIEW, approval_stage__in=stages)
    if BoardKind.ECAB in kinds:
        cond |= Q(ratification="pending", type="emergency")
    return changes_with_list_data(Change.objects.filter(cond)).prefetch_related("votes").order_by("submitted_at",
                                                                                                   "id")


def meeting_agenda(meeting: CABMeeting) -> dict:
    """The changes awaiting this board's vote, and the recent ones awaiting their review."""
    stage = ApprovalStage.ECAB if meeting.board.kind == BoardKind.ECAB else ApprovalStage.CAB
    awaiting = (Change.objects.filter(status=ChangeStatus.CAB_REVIEW, approval_stage=stage)
                .order_by("submitted_at", "id"))
    reviews = (Change.objects.filter(Q(status=ChangeStatus.FAILED)
                                     | Q(status=ChangeStatus.REVIEWING, reviewed_at__isnull=True),
                                     completed_at__gte=meeting.starts_at - timedelta(days=30))
               .order_by("completed_at", "id"))
    awaiting = list(awaiting)
    evaluations = {e.change_id: e for e in EvaluationReport.objects.filter(change__in=awaiting)}
    return {"approval": awaiting, "review": [c for c in reviews if c.needs_review], "evaluations": evaluations}


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


def votes_of(user) -> QuerySet[Vote]:
    """The votes ``user`` cast, latest first: the CAB inbox's "recent" and the CAB member's home."""
    return Vote.objects.filter(member=user).select_related("change", "board").order_by("-updated_at", "-id")


#: RFCs not yet authorised, shown on the forward schedule beside the scheduled ones.
PROPOSED = (ChangeStatus.SUBMITTED, ChangeStatus.ASSESSED, ChangeStatus.CAB_REVIEW)
#: Changes that hold their slot (``forward_schedule`` checks these for conflicts).
LIVE = (ChangeStatus.AUTHORIZED, ChangeStatus.SCHEDULED, ChangeStatus.IMPLEMENTING)


def proposed_on_schedule(schedule: dict, start: datetime, end: datetime) -> list[dict]:
    """The proposed RFCs (submitted, assessed, at the CAB) planned to overlap [start, end),
    each with the changes on the schedule it would conflict with (the same rule as
    ``forward_schedule``: overlapping in time on the same service, the same CI or a
    connected CI). Three queries, and at most three for the CI graph."""
    changes = list(Change.objects.filter(status__in=PROPOSED, planned_start__lt=end, planned_end__gt=start)
                   .prefetch_related("services", "cis").order_by("planned_start", "id"))
    if not changes:
        return []
    live = [row for row in schedule["changes"] if row["change"].status in LIVE]
    services_of = {c.pk: {s.pk for s in c.services.all()} for c in changes}
    cis_of = {c.pk: {ci.pk for ci in c.cis.all()} for c in changes}
    all_cis = set().union(*cis_of.values())
    adjacency = ci_graph(all_cis) if all_cis and live else {}
    rows = []
    for change in changes:
        near = reachable(cis_of[change.pk], adjacency) if cis_of[change.pk] else set()
        conflicts = [row["change"].pk for row in live
                     if row["change"].planned_start < change.planned_end
                     and change.planned_start < row["change"].planned_end
                     and conflict_reasons(services=services_of[change.pk], cis=cis_of[change.pk],
                                                    near=near, other_services=set(row["services"]),
                                                    other_cis=set(row["cis"]))]
        rows.append({"change": change, "services": sorted(services_of[change.pk]), "conflicts": conflicts})
    return rows


def freezes_of(change: Change, services: list[int], blackouts) -> list:
    """The change freezes ``change`` falls in: overlapping in time, for every service or one
    of the change's."""
    return [w for w in blackouts if w.start < change.planned_end and change.planned_start < w.end
            and (not w.services.all() or {s.pk for s in w.services.all()} & set(services))]


# --- releases ------------------------------------------------------------------------------------
def releases_visible_to(user) -> QuerySet[Release]:
    """Staff see every release; requesters none."""
    return Release.objects.all() if is_staff_member(user) else Release.objects.none()


def releases_with_list_data(qs: QuerySet[Release] | None = None) -> QuerySet[Release]:
    qs = qs if qs is not None else Release.objects.all()
    return qs.select_related("owner", "authorized_by").prefetch_related("changes")


#: The verbs on a release and the transition each takes.
RELEASE_TRANSITIONS = {"authorize": "authorize", "complete": "complete", "cancel": "cancel"}


def release_available_actions(user, release: Release) -> list[str]:
    """What ``user`` may do to ``release`` now: the transitions django-fsm lets them take
    (source, ``conditions=``, ``permission=``), and ``edit`` / ``add-changes`` /
    ``remove-change`` while it is being planned, for its owner and the change manager."""
    if user is None or not is_staff_member(user):
        return []
    allowed = {t.name for t in release.get_available_user_status_transitions(user)}
    actions = [verb for verb, name in RELEASE_TRANSITIONS.items() if name in allowed]
    if release.status == ReleaseStatus.PLANNING and _may_run_release(release, user):
        actions += ["edit", "add-changes", "remove-change"]
    return actions


def releasable_changes(release: Release) -> QuerySet[Change]:
    """The changes a release being planned may take: authorised or scheduled, in no release."""
    return (Change.objects.filter(status__in=[ChangeStatus.AUTHORIZED, ChangeStatus.SCHEDULED], release__isnull=True)
            .order_by("planned_start", "id"))


# --- the CMDB, proposals, the policy and RACI ------------------------------------------------------
def changes_touching_ci(ci) -> QuerySet[Change]:
    """The changes that list the CI or set something on it, newest first (the CI page)."""
    return (Change.objects.filter(Q(cis=ci) | Q(ci_updates__ci=ci)).distinct()
            .order_by("-created_at", "-id"))


def ci_updates_of(change: Change):
    return change.ci_updates.select_related("ci").order_by("ci__name", "id")


def proposals_visible_to(user) -> QuerySet[ChangeProposal]:
    """Staff see every change proposal; requesters none."""
    return ChangeProposal.objects.all() if is_staff_member(user) else ChangeProposal.objects.none()


PROPOSAL_TRANSITIONS = {"submit": "submit", "approve": "approve", "reject": "reject", "withdraw": "withdraw"}


def proposal_available_actions(user, proposal: ChangeProposal) -> list[str]:
    """The proposal's transitions ``user`` may take now, ``edit`` while a draft (its author
    or a manager), ``raise-rfc`` once approved."""
    if user is None or not is_staff_member(user):
        return []
    allowed = {t.name for t in proposal.get_available_user_status_transitions(user)}
    actions = [verb for verb, name in PROPOSAL_TRANSITIONS.items() if name in allowed]
    if proposal.status == "draft":
        actions.append("edit")
    if proposal.status == "approved":
        actions.append("raise-rfc")
    return actions


def change_policy() -> ChangePolicy:
    return ChangePolicy.current()


def under_change_control(*, services=(), cis=()) -> dict:
    """Which of ``services`` and ``cis`` (ids or records) the change policy puts under change
    control: work on them is done through a recorded change, not as an unrecorded task."""
    policy = ChangePolicy.current()
    if policy.pk is None:
        return {"controlled": False, "services": [], "cis": []}
    service_ids = {getattr(s, "pk", s) for s in services}
    ci_ids = {getattr(c, "pk", c) for c in cis}
    found_services = sorted(policy.services.filter(pk__in=service_ids).values_list("pk", flat=True))
    found_cis = sorted(policy.cis.filter(pk__in=ci_ids).values_list("pk", flat=True))
    return {"controlled": bool(found_services or found_cis), "services": found_services, "cis": found_cis}


def raci_people(change: Change, step: str, letter: str) -> set[int]:
    """Who the change's RACI names for ``step`` and ``letter`` (``models.raci_users``)."""
    return raci_users(change, step, letter)


def raci_of(change: Change) -> list[dict]:
    """The change's RACI, step by step: each letter with the names of the people and roles."""
    from .choices import Raci, RaciStep

    rows = list(RaciAssignment.objects.filter(model_id=change.model_id).select_related("user"))
    if not rows and change.model_id is not None:
        rows = list(RaciAssignment.objects.filter(model__isnull=True).select_related("user"))
    out = []
    for step, label in RaciStep.choices:
        letters = {}
        for letter, _letter_label in Raci.choices:
            who = [(r.user.get_full_name() or r.user.username) if r.user_id else r.get_role_display()
                   for r in rows if r.step == step and r.raci == letter]
            if who:
                letters[letter] = who
        if letters:
            out.append({"step": step, "label": label, **{k: letters.get(k, []) for k in "RACI"}})
    return out
