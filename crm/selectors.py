"""Reads of the crm app: a contact's or customer's timeline (every interaction, newest
first), the 360° view's figures, and the opportunities' pipeline.

The timeline is ONE ``UNION ALL`` query over the sources (calls, incidents, requests,
inbound email, complaints, surveys, opportunities), each branch a ``.values()`` of the same
seven annotated columns, ordered and sliced by the paginator in the database: a page costs
the count and the page whatever the history's length. It was chosen over a maintained
interaction table (docs/customers.md, "The 360° view"): no second copy of every record to
keep in step with seven apps' writes. Each source has an index on (contact, time) and
(customer, time) — surveys on their ``COALESCE(answered_at, sent_at)``, inbound mail on
(from_address, received_at) — so that a page reads each branch backwards along its index
and the count reads the indexes alone (see bench/README.md, "The 360° timeline").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Case, CharField, Count, F, IntegerField, Q, QuerySet, Sum, Value, When
from django.db.models.functions import Coalesce, Lower, NullIf, TruncMonth
from django.utils import timezone
from django.utils.functional import cached_property

from catalog.models import Contact, Customer, Service
from contactcenter.models import Call
from core.api.pagination import planner_rows_of
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

#: The timeline's columns, in the order every branch of the union selects them.
COLUMNS = ("t_at", "t_kind", "t_id", "t_number", "t_title", "t_status", "t_channel", "t_score")
KINDS = tuple(TimelineKind.values)
#: When a survey happened: its answer, else its sending (the timeline's order and the CSAT trend).
SURVEY_AT = Coalesce("answered_at", "sent_at")
#: The CSAT trend reads at most this many of the latest call ratings and as many survey answers.
TREND_RATINGS = 2000
#: The 360° totals count tickets this year and open complaints up to this many ("5000+").
COUNTED = 5000


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


def _request_parts(subject: Subject) -> list[QuerySet[ServiceRequest]]:
    """:func:`_requests_of` in parts that do not overlap, for the timeline: a contact's
    requests its user was asked for, then those it asked for someone else, so that each part
    reads its own (person, time) index in order (one ``OR`` sorts all of them for a page)."""
    contact = subject.contact
    if contact is None:
        return [_requests_of(subject)]
    if not contact.user_id:
        return []
    user = contact.user_id
    return [ServiceRequest.objects.filter(requested_for_id=user),
            ServiceRequest.objects.filter(requested_by_id=user).exclude(requested_for_id=user)]


@dataclass(frozen=True)
class Branch:
    """One source of the timeline: ``rows`` its records as the timeline's columns, ``source``
    the same records bare (what the count counts: no column to read, no join)."""

    kind: str
    rows: QuerySet
    source: QuerySet


def _branches(subject: Subject) -> list[Branch]:
    contact, customer = subject.contact, subject.customer
    by_contact = contact is not None
    who = {"contact": contact} if by_contact else {"customer": customer}

    def branch(qs: QuerySet, kind: str, **columns) -> Branch:
        return Branch(kind, _row(qs, kind=kind, **columns), qs.order_by())

    branches = [
        branch(Call.objects.filter(**who), TimelineKind.CALL, at="started_at", number=_text(), title="from_number",
               status="outcome", channel=_text("phone"), score=F("csat")),
        branch(Incident.objects.filter(**who), TimelineKind.INCIDENT, at="created_at", number="number", title="title",
               status="status", channel="channel"),
    ]
    branches += [branch(requests, TimelineKind.REQUEST, at="created_at", number="number", title="catalog_item__name",
                        status="status", channel="channel") for requests in _request_parts(subject)]
    if by_contact:
        addresses = [contact.email.lower()] if contact.email else []
    else:
        addresses = (Contact.objects.filter(customer=customer).exclude(email="")
                     .annotate(address=Lower("email")).values("address"))
    branches += [
        branch(MailMessage.objects.filter(direction="in", from_address__in=addresses), TimelineKind.EMAIL,
               at="received_at", number=Coalesce("incident__number", "request__number"), title="subject",
               status="result", channel=_text("email")),
        branch(Complaint.objects.filter(**who), TimelineKind.COMPLAINT, at="created_at", number="number",
               title="subject", status="status", channel="channel"),
        # Ordered by the answer (else the sending): crm_survey_*_at indexes that expression.
        branch(Survey.objects.filter(**who), TimelineKind.SURVEY, at=SURVEY_AT,
               number=NullIf("ticket_number", _text("")), title="ticket_kind",
               status=Case(When(answered_at__isnull=False, then=_text("answered")), default=_text("sent")),
               channel="channel", score=F("score")),
        branch(Opportunity.objects.filter(**who), TimelineKind.OPPORTUNITY, at="created_at", number=_text(),
               title="title", status="stage", channel=_text()),
    ]
    return branches


ORDER = ("-t_at", "-t_id", "t_kind")


class Timeline:
    """A timeline the paginator pages through. ``count()`` is one query adding up each
    source's own ``COUNT(*)`` (an index-only scan of its (contact or customer, time) index:
    no row is read, whatever the columns the page shows). A slice ``[start:stop]`` is one
    ``UNION ALL`` of the branches, each already ordered and cut to its newest ``stop`` rows
    (no branch can give more to the page), then ordered and cut again: PostgreSQL reads at
    most ``stop`` rows of each source, backwards along that index, instead of sorting the
    whole history for every page.

    On PostgreSQL the bounded count and the page run SQL compiled once per process and
    *shape* (see :class:`_Compiled`): building and compiling the seven branches' querysets
    was about half of an API request's Python. The querysets themselves (:attr:`branches`,
    :attr:`sources`) are built only when something else asks for them."""

    def __init__(self, subject: Subject, kinds: list[str] | None = None):
        self.subject, self.kinds = subject, tuple(kinds) if kinds else None

    @cached_property
    def _parts(self) -> list[Branch]:
        branches = _branches(self.subject)
        if self.kinds:
            branches = [branch for branch in branches if branch.kind in self.kinds]
        return branches

    @property
    def branches(self) -> list[QuerySet]:
        return [branch.rows for branch in self._parts]

    @property
    def sources(self) -> list[QuerySet]:
        return [branch.source for branch in self._parts]

    @cached_property
    def _sql(self) -> _Bound | None:
        """The compiled statements bound to this subject (PostgreSQL), else None."""
        if connection.vendor != "postgresql" or not connection.features.supports_slicing_ordering_in_compound:
            return None
        return _Compiled.of(self.subject, self.kinds).bind(self.subject)

    def _union(self, branches: list[QuerySet]) -> QuerySet:
        first, *rest = branches
        return first.union(*rest, all=True) if rest else first

    def count(self) -> int:
        if not self.sources:
            return 0
        counts = [source.annotate(one=Value(1)).values("one").annotate(n=Count("*")).values("n")
                  for source in self.sources]
        return sum(n for (n,) in self._union(counts).values_list("n"))

    def count_up_to(self, limit: int | None) -> tuple[int, bool]:
        """``(count, exact)`` for the paginator (core.api.pagination): each source counted up
        to ``limit + 1`` rows, in one query (a bounded index range each, whatever the
        history's length). When no source reaches ``limit + 1`` their sum is exact; else the
        count is PostgreSQL's estimate of the sources' rows (one ``EXPLAIN`` of their union),
        never less than what was counted. Without a limit, or on SQLite: :meth:`count`."""
        bound = self._sql
        if limit is None or bound is None:
            return self.count(), True
        sources = bound.sources  # bound once: the counts, then perhaps the estimate
        if not sources:
            return 0, True
        parts, params = [], []
        for sql, part_params in sources:
            parts.append(f"SELECT COUNT(*) FROM ({sql} LIMIT {int(limit) + 1}) AS part")  # noqa: S608 - Django's SQL
            params += part_params
        with connection.cursor() as cursor:
            cursor.execute(" UNION ALL ".join(parts), params)
            capped = [n for (n,) in cursor.fetchall()]
        total = sum(capped)
        if max(capped) <= limit:
            return total, True
        union = " UNION ALL ".join(f"({sql})" for sql, _ in sources)
        return max(planner_rows_of(union, [p for _, part_params in sources for p in part_params]), total), False

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice) or index.step is not None or (index.start or 0) < 0:
            rows = list(self)
            return rows[index]
        start, stop = index.start or 0, index.stop
        bound = self._sql
        if bound is not None and stop is not None:
            if not bound.compiled.sources or stop <= start:
                return []
            sql, params = bound.page(start, stop)
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                return [dict(zip(COLUMNS, row, strict=True)) for row in cursor.fetchall()]
        branches = self.branches
        if not branches or (stop is not None and stop <= start):
            return []
        if len(branches) == 1:
            return list(branches[0].order_by(*ORDER)[start:stop])
        if stop is not None and connection.features.supports_slicing_ordering_in_compound:  # not SQLite
            branches = [branch.order_by(*ORDER[:2])[:stop] for branch in branches]
        return list(self._union(branches).order_by(*ORDER)[start:stop])

    def __iter__(self):
        return iter(list(self._union(self.branches).order_by(*ORDER)) if self.branches else [])


#: Values no record has, which the timeline's SQL is compiled with (see :class:`_Compiled`).
_SENTINEL_ID, _SENTINEL_USER = -7_100_000_001, -7_100_000_002
_SENTINEL_EMAIL = "crm-timeline-sentinel.7100000003@invalid"
#: A page's offset and end in the compiled page statement (its LIMITs and OFFSET are literals).
_SENTINEL_START, _SENTINEL_STOP = 711_111_111, 733_333_333


@dataclass(frozen=True)
class _Bound:
    """:class:`_Compiled` with one subject's values in its parameters."""

    compiled: _Compiled
    values: dict

    @property
    def sources(self) -> list[tuple[str, list]]:
        return [(sql, self._bind(params)) for sql, params in self.compiled.sources]

    def _bind(self, params) -> list:
        values = self.values
        return [values.get(p, p) if type(p) in (int, str) else p for p in params]

    def page(self, start: int, stop: int) -> tuple[str, list]:
        sql = (self.compiled.page_sql.replace(f"LIMIT {_SENTINEL_STOP - _SENTINEL_START}", f"LIMIT {stop - start}")
               .replace(f"OFFSET {_SENTINEL_START}", f"OFFSET {start}")
               .replace(f"LIMIT {_SENTINEL_STOP}", f"LIMIT {stop}"))
        return sql, self._bind(self.compiled.page_params)


def _stand_in(shape: tuple) -> Subject:
    """A subject of ``shape`` (:meth:`_Compiled.shape`) made of stand-in values."""
    if shape[0] == "customer":
        return Subject(customer=Customer(pk=_SENTINEL_ID))
    return Subject(contact=Contact(pk=_SENTINEL_ID, user_id=_SENTINEL_USER if shape[1] else None,
                                   email=_SENTINEL_EMAIL if shape[2] else ""))


def _subject_values(subject: Subject) -> dict:
    """The subject's own values for the stand-ins of :func:`_stand_in`."""
    contact = subject.contact
    if contact is None:
        return {_SENTINEL_ID: subject.customer.pk}
    return {_SENTINEL_ID: contact.pk, _SENTINEL_USER: contact.user_id,
            _SENTINEL_EMAIL: contact.email.lower() if contact.email else ""}


#: Statements compiled once per process and key (see :func:`_statement`).
_STATEMENTS: dict[tuple, tuple[str, list]] = {}
_BINDABLE = (int, str, datetime)


def _statement(key: tuple, compile_, values: dict) -> tuple[str, list]:
    """``compile_()`` — SQL and parameters the ORM compiled with stand-in values (the keys
    of ``values``) — once per process and ``key``; then those parameters bound to
    ``values``. A stand-in written into the SQL text itself is an error: it could not be
    bound."""
    compiled = _STATEMENTS.get(key)
    if compiled is None:
        sql, params = compile_()
        for stand_in in values:
            if str(stand_in) in sql:
                raise AssertionError(f"a stand-in value is in the SQL itself: {stand_in}")
        compiled = _STATEMENTS[key] = (sql, list(params))
    sql, params = compiled
    return sql, [values.get(p, p) if type(p) in _BINDABLE else p for p in params]


class _Compiled:
    """The timeline's statements for one *shape* of subject — a contact or a customer;
    for a contact, whether it has a login (its requests) and an email address (its inbound
    mail); which kinds — compiled by the ORM once per process with stand-in values
    (:data:`_SENTINEL_ID` …) that :class:`_Bound` replaces by the subject's in the
    parameters. The SQL text is the ORM's own; a shape whose stand-ins do not come out as
    parameters exactly (the page's LIMITs and OFFSET, literals, by text) is not cached."""

    _cache: dict[tuple, _Compiled | None] = {}

    def __init__(self, sources: list[tuple[str, list]], page_sql: str, page_params: list):
        self.sources, self.page_sql, self.page_params = sources, page_sql, page_params

    @staticmethod
    def shape(subject: Subject, kinds: tuple | None) -> tuple:
        contact = subject.contact
        if contact is None:
            return ("customer", kinds)
        return ("contact", bool(contact.user_id), bool(contact.email), kinds)

    @classmethod
    def of(cls, subject: Subject, kinds: tuple | None) -> _Compiled:
        key = cls.shape(subject, kinds)
        compiled = cls._cache.get(key)
        if compiled is None:
            compiled = cls._cache[key] = cls._compile(key)
        return compiled

    @classmethod
    def _compile(cls, key: tuple) -> _Compiled:
        branches = _branches(_stand_in(key))
        if key[-1]:
            branches = [branch for branch in branches if branch.kind in key[-1]]
        sources, rows = [], []
        for branch in branches:
            try:
                sources.append(branch.source.order_by().values("pk").query.sql_with_params())
            except EmptyResultSet:  # e.g. a contact without an address has no mail: nothing to read
                continue
            rows.append(branch.rows)
        page_sql, page_params = "", []
        if len(rows) == 1:
            page = rows[0].order_by(*ORDER)[_SENTINEL_START:_SENTINEL_STOP]
        elif rows:
            cut = [branch.order_by(*ORDER[:2])[:_SENTINEL_STOP] for branch in rows]
            page = cut[0].union(*cut[1:], all=True).order_by(*ORDER)[_SENTINEL_START:_SENTINEL_STOP]
        if rows:
            page_sql, page_params = page.query.sql_with_params()
            expected = f"LIMIT {_SENTINEL_STOP - _SENTINEL_START} OFFSET {_SENTINEL_START}"
            if expected not in page_sql:
                raise AssertionError(f"the timeline's page is not cut as expected: {page_sql[-200:]}")
        texts = [sql for sql, _ in sources] + [page_sql.replace(expected, "")
                                                .replace(f"LIMIT {_SENTINEL_STOP}", "") if rows else ""]
        for value in (_SENTINEL_ID, _SENTINEL_USER, _SENTINEL_EMAIL, _SENTINEL_START, _SENTINEL_STOP):
            if any(str(value) in text for text in texts):  # a stand-in written into the SQL itself
                raise AssertionError(f"the timeline's SQL holds a stand-in value: {value}")
        return cls(sources, page_sql, list(page_params))

    def bind(self, subject: Subject) -> _Bound:
        return _Bound(self, _subject_values(subject))


def timeline(*, contact: Contact | None = None, customer: Customer | None = None,
             kinds: list[str] | None = None) -> Timeline:
    """Every interaction of ``contact`` (or of all of ``customer``'s contacts), newest first,
    as rows of :data:`COLUMNS`, lazily: the paginator asks for the count and a slice, one
    query each (see :class:`Timeline`). ``kinds`` keeps only those kinds."""
    return Timeline(Subject(contact=contact, customer=customer), kinds)


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


def services_in_use(*, contact: Contact | None = None, customer: Customer | None = None, limit: int = 20,
                    recent: int = 200):
    """The services of the contact's (customer's) latest ``recent`` incidents and calls, with
    the active major incident on each, if any: two queries, read along the timeline's
    indexes (never the whole history)."""
    subject = Subject(contact=contact, customer=customer)

    def used(subject: Subject) -> QuerySet[Service]:
        who = {"contact": subject.contact} if subject.contact is not None else {"customer": subject.customer}
        incidents = Incident.objects.filter(**who).order_by("-created_at", "-id").values("service_id")[:recent]
        calls = Call.objects.filter(**who).order_by("-started_at", "-id").values("service_id")[:recent]
        return Service.objects.filter(Q(pk__in=incidents) | Q(pk__in=calls)).order_by("name")[:limit]

    if connection.vendor == "postgresql":  # compiled once per process and shape (see _statement)
        shape = _Compiled.shape(subject, None)
        services = list(Service.objects.raw(*_statement(
            ("services", shape, limit, recent), lambda: used(_stand_in(shape)).query.sql_with_params(),
            _subject_values(subject))))
    else:
        services = list(used(subject))
    majors = {}
    if services:
        for major in (MajorIncident.objects.filter(status__in=ACTIVE_MAJOR_STATUSES, services__in=services)
                      .select_related("incident").annotate(service_id=F("services__id"))):
            majors.setdefault(major.service_id, major)
    return [(service, majors.get(service.pk)) for service in services]


def _counts(named: dict[str, list[QuerySet]], cap: int) -> dict[str, int]:
    """Each name's querysets counted, at most ``cap`` rows of each, and added up, in ONE query
    (a UNION ALL of ``COUNT(*)`` over each queryset cut to ``cap`` rows): a fixed cost,
    whatever the history's length."""
    return _run_counts(named, *_counts_sql(named, cap))


def _counts_sql(named: dict[str, list[QuerySet]], cap: int) -> tuple[str, list]:
    parts, params = [], []
    for name, querysets in named.items():
        for qs in querysets:
            sql, part_params = qs.order_by().values("pk")[:cap].query.sql_with_params()
            parts.append(f"SELECT CAST(%s AS varchar(20)), COUNT(*) FROM ({sql}) AS part")  # noqa: S608 - Django's SQL
            params += [name, *part_params]
    return " UNION ALL ".join(parts), params


def _run_counts(names, sql: str, params: list) -> dict[str, int]:
    got = dict.fromkeys(names, 0)
    if sql:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            for name, n in cursor.fetchall():
                got[name] += n
    return got


#: Stand-ins for the start of the year and of the CSAT trend's window (see _statement).
_SENTINEL_YEAR = datetime(1901, 1, 1, tzinfo=UTC)
_SENTINEL_SINCE = datetime(1902, 2, 1, tzinfo=UTC)


def _totals_querysets(subject: Subject, year_start, since):
    """The totals' querysets: what is counted, by name; the latest call ratings and survey
    answers of the trend's window, each as (month, rating)."""
    who = {"contact": subject.contact} if subject.contact is not None else {"customer": subject.customer}
    requests = _request_parts(subject)
    counts = {
        "tickets": [Incident.objects.filter(**who, created_at__gte=year_start),
                    *(qs.filter(created_at__gte=year_start) for qs in requests)],
        "open_complaints": [Complaint.objects.filter(**who).exclude(status="closed")]}
    # The latest TREND_RATINGS of each kind at most (a fixed cost: a contact or customer with
    # more in six months shows the months those cover), newest first along an index.
    calls = (Call.objects.filter(**who, csat__isnull=False, started_at__gte=since).order_by("-started_at")
             .annotate(month=TruncMonth("started_at"), rating=F("csat")).values_list("month", "rating"))
    surveys = (Survey.objects.annotate(at=SURVEY_AT).filter(**who, score__isnull=False, at__gte=since)
               .order_by("-at").annotate(month=TruncMonth("at"), rating=F("score")).values_list("month", "rating"))
    return counts, calls[:TREND_RATINGS], surveys[:TREND_RATINGS]


def totals(*, contact: Contact | None = None, customer: Customer | None = None) -> dict:
    """Tickets this year and open complaints (counted up to :data:`COUNTED`; ``*_capped`` when
    there are at least that many), the CSAT trend (call ratings and answered surveys by month,
    the last six months): two queries, each along a (contact or customer, time) index over a
    bounded window, never the whole history."""
    now = timezone.now()
    year_start = now.replace(month=1, day=1, hour=0, minute=0, second=0, microsecond=0)
    since = (now - timedelta(days=183)).replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    subject = Subject(contact=contact, customer=customer)
    months: dict = {}
    names = ("tickets", "open_complaints")
    if connection.features.supports_slicing_ordering_in_compound:  # not SQLite
        # Both statements compiled once per process and shape (see _statement): compiling
        # them was ~3 ms of the page's Python.
        shape = _Compiled.shape(subject, None)
        values = {**_subject_values(subject), _SENTINEL_YEAR: year_start, _SENTINEL_SINCE: since}
        # COUNTED and TREND_RATINGS are the statements' LIMITs (literals): part of the key.
        key = ("totals", shape, timezone.get_current_timezone_name(), COUNTED, TREND_RATINGS)

        def compile_(part: int):
            def compile_part():
                counts, calls, surveys = _totals_querysets(_stand_in(shape), _SENTINEL_YEAR, _SENTINEL_SINCE)
                if part == 0:
                    return _counts_sql(counts, COUNTED)
                sql, params = calls.union(surveys, all=True).query.sql_with_params()
                return f"SELECT month, SUM(rating), COUNT(*) FROM ({sql}) AS ratings GROUP BY month", params  # noqa: S608 - Django's SQL
            return compile_part

        counted = _run_counts(names, *_statement((*key, "counts"), compile_(0), values))
        # Added up by month in the database: a few rows come back, not thousands of ratings
        # each turned into an aware datetime (that was 30-60 ms of the page).
        with connection.cursor() as cursor:
            cursor.execute(*_statement((*key, "trend"), compile_(1), values))
            zone = timezone.get_current_timezone()
            for month, total, n in cursor.fetchall():
                month = timezone.make_aware(month, zone) if timezone.is_naive(month) else month
                months[month] = [total, n]
    else:
        counts, calls, surveys = _totals_querysets(subject, year_start, since)
        counted = _counts(counts, cap=COUNTED)
        for month, rating in [*calls, *surveys]:
            months.setdefault(month, [0, 0])
            months[month][0] += rating
            months[month][1] += 1
    trend = [{"month": month, "mean": round(total / n, 2), "responses": n}
             for month, (total, n) in sorted(months.items())]
    return {"tickets_this_year": min(counted["tickets"], COUNTED), "csat_trend": trend,
            "open_complaints": min(counted["open_complaints"], COUNTED),
            "tickets_capped": counted["tickets"] >= COUNTED, "complaints_capped": counted["open_complaints"] >= COUNTED}


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

