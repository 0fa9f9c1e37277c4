"""Reads: who sees which incidents, the queues, what an incident page shows."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from core.roles import is_staff_member
from sla.choices import TimerStatus
from sla.models import SLATimer
from sla.selectors import SLA_PREFETCH, TimerValues
from sla.selectors import page_timers as sla_page_timers

from .choices import OPEN_STATUSES, NoteVisibility
from .models import Attachment, Incident, IncidentNote, MajorIncident

User = get_user_model()


def incidents_visible_to(user) -> QuerySet[Incident]:
    """Staff see every incident; a requester those they reported or that were reported for them."""
    qs = Incident.objects.all()
    if is_staff_member(user):
        return qs
    if not getattr(user, "is_authenticated", False):
        return qs.none()
    return qs.filter(Q(requester=user) | Q(contact__user=user))


def attachment_visible_to(user, *, incident_id: int, attachment_id: int) -> Attachment | None:
    """The attachment ``user`` may download: one of an incident they may see and, for a
    requester, only a public one. None otherwise (answered as 404, so nothing leaks)."""
    qs = Attachment.objects.filter(pk=attachment_id, incident_id=incident_id,
                                   incident__in=incidents_visible_to(user))
    if not is_staff_member(user):
        qs = qs.filter(visibility=NoteVisibility.PUBLIC)
    return qs.first()


def incidents_reported_by(user) -> QuerySet[Incident]:
    """The incidents a person reported or that were reported for them (whatever their role:
    the portal shows one's own, the workspace shows everyone's)."""
    if not getattr(user, "is_authenticated", False):
        return Incident.objects.none()
    return Incident.objects.filter(Q(requester=user) | Q(contact__user=user))


def with_list_data(qs: QuerySet[Incident]) -> QuerySet[Incident]:
    """What a queue row shows, in a fixed number of queries. Few joins on purpose: every
    extra one costs the planner more than the page itself at a million incidents (the
    master is prefetched instead of joined)."""
    return qs.select_related("service", "team", "assignee", "customer").prefetch_related("parent", *SLA_PREFETCH)


def with_queue_data(qs: QuerySet[Incident]) -> QuerySet[Incident]:
    """:func:`with_list_data` without the SLA timers, which the queue reads for its page
    alone (``incidents.views.queue_rows.queue_timers``: the same queries, no queryset per row)."""
    return (qs.select_related("service", "team", "assignee", "customer").only(*QUEUE_COLUMNS)
            .prefetch_related(Prefetch("parent", queryset=Incident.objects.only("number"))))


#: The columns a queue row reads (the rest — the description, a user's password hash and
#: dates… — was a third of the rows' bytes, each parsed into Python on every page).
QUEUE_COLUMNS = ("number", "title", "status", "priority", "created_at", "parent", "service__name", "team__name",
                 "assignee__username", "assignee__first_name", "assignee__last_name", "customer__name",
                 "customer__tier")


def page_timers(incidents) -> dict[int, list[TimerValues]]:
    """incident id → its SLA timers (by metric: response, then resolution) as plain values with
    their calendar's rules (``sla.selectors.page_timers``: three queries, no model instance,
    one object per calendar), for a page of a list (the queue, the API's list)."""
    return sla_page_timers(Incident, [incident.pk for incident in incidents])


def with_detail_data(qs: QuerySet[Incident]) -> QuerySet[Incident]:
    """What the incident page shows."""
    return (with_list_data(qs).select_related("requester", "contact__customer", "ci__service")
            .prefetch_related("contact__phones", "attachments__uploaded_by"))


def _incident_timers():
    # By content type id, not by joining django_content_type: the join made PostgreSQL scan
    # every incident (2 s at a million) instead of probing the timers' unique index.
    return SLATimer.objects.filter(content_type=ContentType.objects.get_for_model(Incident), object_id=OuterRef("pk"))


def breached_filter() -> Exists:
    return Exists(_incident_timers().filter(status=TimerStatus.BREACHED, met_at__isnull=True))


def queue(user, name: str) -> QuerySet[Incident]:
    """The agent workspace's views: mine, team, unassigned, breached, at_risk, open, all."""
    qs = incidents_visible_to(user)
    open_qs = qs.filter(status__in=OPEN_STATUSES)
    if name == "mine":
        return open_qs.filter(assignee=user)
    if name == "team":
        return open_qs.filter(team__in=user.teams.all())
    if name == "unassigned":
        return open_qs.filter(assignee__isnull=True)
    if name == "breached":
        return open_qs.filter(breached_filter())
    if name == "at_risk":
        now = timezone.now()
        return open_qs.filter(Exists(_incident_timers().filter(
            status=TimerStatus.RUNNING, due_at__gt=now, due_at__lte=now + timedelta(hours=1))))
    if name == "open":
        return open_qs
    return qs


#: What can be done to an incident, in the order the page offers it: the lifecycle's
#: transitions (by their names on the model) and linking it to a master incident.
INCIDENT_ACTIONS = ("assign", "start", "hold", "resume", "resolve", "close", "reopen", "link")


def incident_available_actions(user, incident: Incident) -> list[str]:
    """What ``user`` may do to ``incident`` now: the transitions django-fsm lets them take
    (their source states, ``conditions=`` and ``permission=`` on the model), and ``link``
    while it is open. The incident page offers exactly these, and the API lists them as
    ``actions``; the services refuse the rest with the same guards (409 for the state, 403
    for the person)."""
    if user is None or not is_staff_member(user):
        return []
    allowed = {t.name for t in incident.get_available_user_status_transitions(user)}
    if incident.is_open:
        allowed.add("link")
    return [name for name in INCIDENT_ACTIONS if name in allowed]


def notes_visible_to(user, incident: Incident) -> QuerySet[IncidentNote]:
    notes = incident.notes.select_related("author")
    if is_staff_member(user):
        return notes
    return notes.filter(visibility=NoteVisibility.PUBLIC)


# --- major incidents ----------------------------------------------------------------------------
MAJOR_INCIDENT_ACTIONS = ("mobilise", "contain", "resolve", "review", "close")


def major_incidents_visible_to(user) -> QuerySet[MajorIncident]:
    """Staff see every major incident; nobody else sees one (the public reads the status page)."""
    return MajorIncident.objects.all() if is_staff_member(user) else MajorIncident.objects.none()


def major_incidents_with_list_data(qs=None):
    """What a list row needs, in a fixed number of queries: the master, the manager, the
    services and the number of linked incidents."""
    qs = qs if qs is not None else MajorIncident.objects.all()
    return (qs.select_related("incident", "manager")
            .prefetch_related("services", "members__user")
            .annotate(linked_incidents=Count("incident__children", distinct=True)))


def major_incident_available_actions(user, major: MajorIncident, *, waiting: bool = False) -> list[str]:
    """The lifecycle actions ``user`` may take on ``major`` now: the transitions django-fsm
    lets them take (source state, ``conditions=``, ``permission=``: those who run it). The
    API lists them as ``actions`` and accepts exactly these.

    With ``waiting``, also those the person may take once a condition is met (``review``
    before the postmortem is complete): the war room offers them so that pressing one says
    what is missing, and the service refuses it with that reason (409)."""
    if user is None or not is_staff_member(user):
        return []
    if waiting:
        allowed = {t.name for t in major.get_all_status_transitions()
                   if t.source in (major.status, "*") and t.has_perm(major, user)}
    else:
        allowed = {t.name for t in major.get_available_user_status_transitions(user)}
    return [name for name in MAJOR_INCIDENT_ACTIONS if name in allowed]


def _mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 1) if values else None


def major_incident_metrics(*, start, end, service=None) -> dict:
    """For major incidents declared in [start, end) (on ``service`` if given):

    - ``count``;
    - ``mtta_seconds``: mean time from the start of impact (the first report, or the spike's
      window) to the declaration;
    - ``mttr_seconds``: mean time from the start of impact to the resolution (resolved ones);
    - ``mtbf_seconds``: mean time between one major incident's resolution and the next one's
      start of impact (consecutive pairs in the period, per service when one is given);
    - ``by_service``: the same per affected service.
    """
    qs = MajorIncident.objects.filter(declared_at__gte=start, declared_at__lt=end)
    if service is not None:
        qs = qs.filter(services=service)
    rows = list(qs.order_by("started_at", "id").values("id", "started_at", "declared_at", "resolved_at"))
    service_rows = list(MajorIncident.services.through.objects.filter(majorincident_id__in=[r["id"] for r in rows])
                        .values_list("majorincident_id", "service_id", "service__name"))

    def figures(items: list[dict]) -> dict:
        ordered = sorted(items, key=lambda r: (r["started_at"], r["id"]))
        gaps = [(nxt["started_at"] - prev["resolved_at"]).total_seconds()
                for prev, nxt in zip(ordered, ordered[1:], strict=False)
                if prev["resolved_at"] is not None and nxt["started_at"] >= prev["resolved_at"]]
        return {
            "count": len(ordered),
            "mtta_seconds": _mean([(r["declared_at"] - r["started_at"]).total_seconds() for r in ordered]),
            "mttr_seconds": _mean([(r["resolved_at"] - r["started_at"]).total_seconds()
                                   for r in ordered if r["resolved_at"] is not None]),
            "mtbf_seconds": _mean(gaps),
        }

    by_id = {r["id"]: r for r in rows}
    per_service: dict[int, tuple[str, list[dict]]] = {}
    for major_id, service_id, name in service_rows:
        per_service.setdefault(service_id, (name, []))[1].append(by_id[major_id])
    return {
        **figures(rows),
        "from": start, "to": end, "service": service.pk if service is not None else None,
        "by_service": [{"service": sid, "name": name, **figures(items)}
                       for sid, (name, items) in sorted(per_service.items(), key=lambda kv: kv[1][0])],
    }
