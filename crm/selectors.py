"""Reads of the crm app: a contact's or customer's timeline (every interaction, newest
first), the 360° view's figures, and the opportunities' pipeline.

The timeline is ONE ``UNION ALL`` query over the sources (calls, incidents, requests,
inbound email, complaints, surveys, opportunities), each branch a ``.values()`` of the same
seven annotated columns, ordered and sliced by the paginator in the database: a page costs
the count and the page whatever the history's length. It was chosen over a maintained
interaction table (docs/customers.md, "The 360° view"): no second copy of every record to
keep in step with seven apps' writes, and with an index per source on (contact or
customer, time) PostgreSQL merges the branches' index scans for a page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.db import connection
from django.db.models import Case, CharField, Count, F, IntegerField, Q, QuerySet, Sum, Value, When
from django.db.models.functions import Coalesce, Lower, NullIf, TruncMonth
from django.utils import timezone

from catalog.models import Contact, Customer, Service
from contactcenter.models import Call
from core.roles import Role, has_role, is_staff_member
from incidents.choices import ACTIVE_MAJOR_STATUSES, OPEN_STATUSES
from incidents.models import Incident, MajorIncident
from mail.models import MailMessage
from servicerequests.choices import OPEN_REQUEST_STATUSES
from servicerequests.models import ServiceRequest
from sla.selectors import SLA_PREFETCH

from .choices import OPEN_OPPORTUNITY_STAGES, OpportunityStage, TimelineKind
from .models import Complaint, Opportunity, Survey
from .models.opportunity import may_work_on

K = TimelineKind
#: The timeline's columns, in the order every branch of the union selects them.
COLUMNS = ("t_at", "t_kind", "t_id", "t_number", "t_title", "t_status", "t_channel", "t_score")
KINDS = tuple(K.values)


def _text(value=None):
    return Value(value, output_field=CharField())


def _row(qs: QuerySet, *, kind: str, at, number, title, status, channel, score=None) -> QuerySet:
    """One branch of the union: ``qs`` reduced to the timeline's columns (no ordering)."""
    return qs.order_by().annotate(
        t_at=at if not isinstance(at, str) else F(at), t_kind=_text(kind), t_id=F("pk"),
        t_number=number if not isinstance(number, str) else F(number),
        t_title=title if not isinstance(title, str) else F(title),
        t_status=status if not isinstance(status, str) else F(status),
        t_channel=channel if not isinstance(channel, str) else F(channel),
        t_score=score if score is not None else Value(None, output_field=IntegerField()),
    ).values(*COLUMNS)


@dataclass(frozen=True)
class Subject:
    """Whose timeline: a contact (its own records) or a customer (every contact's)."""

    contact: Contact | None = None
    customer: Customer | None = None


def _requests_of(subject: Subject) -> QuerySet[ServiceRequest]:
    """Requests relate to people through their login: a contact's are those its user asked
    for or was asked for; a customer's those asked for its contacts' users."""
    contact = subject.contact
    if contact is None:
        return ServiceRequest.objects.filter(requested_for__contact__customer=subject.customer)
    if not contact.user_id:
        return ServiceRequest.objects.none()
    return ServiceRequest.objects.filter(Q(requested_for_id=contact.user_id) | Q(requested_by_id=contact.user_id))


def _branches(subject: Subject) -> dict[str, QuerySet]:
    contact, customer = subject.contact, subject.customer
    by_contact = contact is not None
    who = {"contact": contact} if by_contact else {"customer": customer}
    branches: dict[str, QuerySet] = {}

    branches[K.CALL] = _row(Call.objects.filter(**who), kind=K.CALL, at="started_at", number=_text(),
                            title="from_number", status="outcome", channel=_text("phone"), score=F("csat"))
    branches[K.INCIDENT] = _row(Incident.objects.filter(**who), kind=K.INCIDENT, at="created_at", number="number",
                                title="title", status="status", channel="channel")
    requests = _requests_of(subject)
    branches[K.REQUEST] = _row(requests, kind=K.REQUEST, at="created_at", number="number",
                               title="catalog_item__name", status="status", channel="channel")
    if by_contact:
        addresses = [contact.email.lower()] if contact.email else []
    else:
        addresses = (Contact.objects.filter(customer=customer).exclude(email="")
                     .annotate(address=Lower("email")).values("address"))
    mail = MailMessage.objects.filter(direction="in", from_address__in=addresses)
    branches[K.EMAIL] = _row(mail, kind=K.EMAIL, at="received_at",
                             number=Coalesce("incident__number", "request__number"), title="subject",
                             status="result", channel=_text("email"))
    branches[K.COMPLAINT] = _row(Complaint.objects.filter(**who), kind=K.COMPLAINT, at="created_at",
                                 number="number", title="subject", status="status", channel="channel")
    branches[K.SURVEY] = _row(Survey.objects.filter(**who), kind=K.SURVEY, at=Coalesce("answered_at", "sent_at"),
                              number=NullIf("ticket_number", _text("")), title="ticket_kind",
                              status=Case(When(answered_at__isnull=False, then=_text("answered")),
                                          default=_text("sent")),
                              channel="channel", score=F("score"))
    branches[K.OPPORTUNITY] = _row(Opportunity.objects.filter(**who), kind=K.OPPORTUNITY, at="created_at",
                                   number=_text(), title="title", status="stage", channel=_text())
    return branches


ORDER = ("-t_at", "-t_id", "t_kind")


class Timeline:
    """A timeline the paginator pages through: ``count()`` is one ``COUNT`` over the union,
    and a slice ``[start:stop]`` is one ``UNION ALL`` of the branches, each already ordered
    and cut to its newest ``stop`` rows (no branch can give more to the page), then ordered
    and cut again. PostgreSQL thus reads at most ``stop`` rows of each source through its
    (contact or customer, time) index instead of sorting the whole history for every page."""

    def __init__(self, branches: list[QuerySet]):
        self.branches = branches

    def _union(self, branches: list[QuerySet]) -> QuerySet:
        first, *rest = branches
        return first.union(*rest, all=True) if rest else first

    def count(self) -> int:
        return self._union(self.branches).count() if self.branches else 0

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice) or index.step is not None or (index.start or 0) < 0:
            rows = list(self)
            return rows[index]
        start, stop = index.start or 0, index.stop
        if not self.branches or (stop is not None and stop <= start):
            return []
        if len(self.branches) == 1:
            return list(self.branches[0].order_by(*ORDER)[start:stop])
        branches = self.branches
        if stop is not None and connection.features.supports_slicing_ordering_in_compound:  # not SQLite
            branches = [branch.order_by(*ORDER[:2])[:stop] for branch in branches]
        return list(self._union(branches).order_by(*ORDER)[start:stop])

    def __iter__(self):
        return iter(list(self._union(self.branches).order_by(*ORDER)) if self.branches else [])


def timeline(*, contact: Contact | None = None, customer: Customer | None = None,
             kinds: list[str] | None = None) -> Timeline:
    """Every interaction of ``contact`` (or of all of ``customer``'s contacts), newest first,
    as rows of :data:`COLUMNS`, lazily: the paginator asks for the count and a slice, one
    query each (see :class:`Timeline`). ``kinds`` keeps only those kinds."""
    branches = _branches(Subject(contact=contact, customer=customer))
    if kinds:
        branches = {kind: qs for kind, qs in branches.items() if kind in kinds}
    return Timeline(list(branches.values()))


def timeline_rows(rows) -> list[dict]:
    """The page's rows under the API's names."""
    return [{"at": r["t_at"], "kind": r["t_kind"], "id": r["t_id"], "number": r["t_number"] or None,
             "title": r["t_title"] or "", "status": r["t_status"] or None, "channel": r["t_channel"] or None,
             "score": r["t_score"]} for r in rows]


# --- the 360° view -------------------------------------------------------------------------------
def open_tickets(*, contact: Contact | None = None, customer: Customer | None = None, limit: int = 20):
    """Open incidents and requests with their SLA clocks (prefetched: constant queries)."""
    if contact is not None:
        incidents = Incident.objects.filter(contact=contact)
    else:
        incidents = Incident.objects.filter(customer=customer)
    requests = _requests_of(Subject(contact=contact, customer=customer))
    incidents = list(incidents.filter(status__in=OPEN_STATUSES).select_related("service", "assignee")
                     .prefetch_related(*SLA_PREFETCH).order_by("-created_at", "-id")[:limit])
    requests = list(requests.filter(status__in=OPEN_REQUEST_STATUSES).select_related("catalog_item")
                    .prefetch_related(*SLA_PREFETCH).order_by("-created_at", "-id")[:limit])
    return incidents, requests


def services_in_use(*, contact: Contact | None = None, customer: Customer | None = None, limit: int = 20):
    """The services the contact (customer) has had incidents or calls about, with the active
    major incident on each, if any: three queries."""
    who = {"contact": contact} if contact is not None else {"customer": customer}
    ids = set(Incident.objects.filter(**who, service__isnull=False).order_by()
              .values_list("service_id", flat=True).distinct()[:limit])
    ids |= set(Call.objects.filter(**who, service__isnull=False).order_by()
               .values_list("service_id", flat=True).distinct()[:limit])
    services = list(Service.objects.filter(pk__in=ids).order_by("name")[:limit])
    majors = {}
    for major in (MajorIncident.objects.filter(status__in=ACTIVE_MAJOR_STATUSES, services__in=ids)
                  .select_related("incident").annotate(service_id=F("services__id"))):
        majors.setdefault(major.service_id, major)
    return [(service, majors.get(service.pk)) for service in services]


def totals(*, contact: Contact | None = None, customer: Customer | None = None) -> dict:
    """Tickets this year, the CSAT trend (call ratings and answered surveys by month, the last
    six months) and open complaints."""
    now = timezone.now()
    year_start = now.replace(month=1, day=1, hour=0, minute=0, second=0, microsecond=0)
    branches = _branches(Subject(contact=contact, customer=customer))
    tickets = (branches[K.INCIDENT].filter(t_at__gte=year_start).count()
               + branches[K.REQUEST].filter(t_at__gte=year_start).count())
    since = (now - timedelta(days=183)).replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    who = {"contact": contact} if contact is not None else {"customer": customer}
    months: dict = {}
    for row in (Call.objects.filter(**who, csat__isnull=False, started_at__gte=since).order_by()
                .annotate(month=TruncMonth("started_at")).values("month")
                .annotate(total=Sum("csat"), n=Count("id"))):
        months.setdefault(row["month"], [0, 0])
        months[row["month"]][0] += row["total"]
        months[row["month"]][1] += row["n"]
    for row in (Survey.objects.filter(**who, score__isnull=False, answered_at__gte=since).order_by()
                .annotate(month=TruncMonth("answered_at")).values("month")
                .annotate(total=Sum("score"), n=Count("id"))):
        months.setdefault(row["month"], [0, 0])
        months[row["month"]][0] += row["total"]
        months[row["month"]][1] += row["n"]
    trend = [{"month": month, "mean": round(total / n, 2), "responses": n}
             for month, (total, n) in sorted(months.items())]
    open_complaints = Complaint.objects.filter(**who).exclude(status="closed").count()
    return {"tickets_this_year": tickets, "csat_trend": trend, "open_complaints": open_complaints}


# --- opportunities -------------------------------------------------------------------------------
OPPORTUNITY_TRANSITIONS = {"qualify": "qualify", "propose": "propose", "win": "win", "lose": "lose"}


def sees_every_opportunity(user) -> bool:
    return has_role(user, Role.MANAGER, Role.ADMIN)


def opportunities_visible_to(user) -> QuerySet[Opportunity]:
    """Managers and administrators see every opportunity; other staff the ones they own;
    requesters none."""
    qs = Opportunity.objects.select_related("contact", "customer", "owner")
    if not is_staff_member(user):
        return qs.none()
    if sees_every_opportunity(user):
        return qs
    return qs.filter(owner=user)


def opportunity_available_actions(user, opportunity: Opportunity) -> list[str]:
    """What ``user`` may do to ``opportunity`` now: the transitions django-fsm allows (source
    stage, conditions, permission) plus ``edit`` while it is open. ``lose`` is offered while
    open (its reason is asked for), though its condition is the reason itself."""
    if user is None or not is_staff_member(user):
        return []
    allowed = {t.name for t in opportunity.get_available_user_stage_transitions(user)}
    actions = [verb for verb, name in OPPORTUNITY_TRANSITIONS.items() if name in allowed]
    if opportunity.is_open and may_work_on(opportunity, user):
        if "lose" not in actions:
            actions.append("lose")
        actions.append("edit")
    return actions


def pipeline(user) -> dict:
    """The board: the visible opportunities by stage (open ones all, closed ones of the last
    90 days), with each column's count and value by currency."""
    since = timezone.now() - timedelta(days=90)
    qs = opportunities_visible_to(user).filter(Q(stage__in=OPEN_OPPORTUNITY_STAGES) | Q(closed_at__gte=since))
    columns = {stage: {"stage": stage, "label": label, "items": [], "values": {}}
               for stage, label in OpportunityStage.choices}
    for opportunity in qs.order_by("expected_close", "-created_at", "-id")[:500]:
        column = columns[opportunity.stage]
        column["items"].append(opportunity)
        column["values"][opportunity.currency] = column["values"].get(opportunity.currency, 0) + opportunity.value
    return {"columns": list(columns.values())}


def agent_figures(*, since=None) -> list[dict]:
    """Per agent: opportunities raised, won, and the won value by currency (one query)."""
    qs = Opportunity.objects.filter(owner__isnull=False)
    if since is not None:
        qs = qs.filter(created_at__gte=since)
    rows = (qs.order_by().values("owner_id", "owner__username", "owner__first_name", "owner__last_name", "currency")
            .annotate(raised=Count("id"), won=Count("id", filter=Q(stage=OpportunityStage.WON)),
                      won_value=Coalesce(Sum("value", filter=Q(stage=OpportunityStage.WON)), Value(0),
                                         output_field=Opportunity._meta.get_field("value")))
            .order_by("owner__username", "currency"))
    agents: dict[int, dict] = {}
    for row in rows:
        name = f"{row['owner__first_name']} {row['owner__last_name']}".strip() or row["owner__username"]
        agent = agents.setdefault(row["owner_id"], {"owner": row["owner_id"], "name": name, "raised": 0, "won": 0,
                                                     "won_value": {}})
        agent["raised"] += row["raised"]
        agent["won"] += row["won"]
        if row["won"]:
            agent["won_value"][row["currency"]] = row["won_value"]
    return sorted(agents.values(), key=lambda a: (-a["won"], -a["raised"], a["name"]))

