"""Reads for change management: the forward schedule of change with its conflicts and
blackouts, and the CAB inbox."""

from datetime import datetime

from django.db.models import Q, QuerySet

from .choices import ApprovalStage, BoardKind, ChangeStatus
from .models import BlackoutWindow, CABBoard, Change
from .services import ci_graph, conflict_reasons, reachable

S = ChangeStatus
ON_SCHEDULE = (S.AUTHORIZED, S.SCHEDULED, S.IMPLEMENTING, S.REVIEWING, S.FAILED, S.CLOSED)


def changes_with_list_data(qs: QuerySet[Change] | None = None) -> QuerySet[Change]:
    qs = qs if qs is not None else Change.objects.all()
    return qs.select_related("model", "requested_by", "assignee").prefetch_related(
        "services", "cis", "incidents", "problems", "caused_incidents", "outage_services")


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
    live = [c for c in changes if c.status in (S.AUTHORIZED, S.SCHEDULED, S.IMPLEMENTING)]
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
    cond = Q(status=S.CAB_REVIEW, approval_stage__in=stages)
    if BoardKind.ECAB in kinds:
        cond |= Q(ratification="pending", type="emergency")
    return changes_with_list_data(Change.objects.filter(cond)).prefetch_related("votes").order_by("submitted_at",
                                                                                                   "id")
