"""Reads: which policy applies, what a clock shows, compliance and availability reports."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import NamedTuple

from django.contrib.contenttypes.models import ContentType
from django.db import connections
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from catalog.models import Service

from .calendar import CalendarSpec, add_business_time, business_time_between
from .choices import TimerStatus
from .models import BusinessCalendar, Holiday, ServiceOutage, SLAPolicy, SLATimer, WorkingHours
from .protocol import SLAFacts

#: For ticket querysets that embed ``sla``: ``.prefetch_related(*SLA_PREFETCH)``.
SLA_PREFETCH = (
    Prefetch("sla_timers", queryset=SLATimer.objects.select_related("calendar").order_by("metric")),
    Prefetch("sla_timers__calendar__hours", queryset=WorkingHours.objects.all()),
    Prefetch("sla_timers__calendar__holidays", queryset=Holiday.objects.all()),
)


def calendars_with_rules() -> QuerySet[BusinessCalendar]:
    return BusinessCalendar.objects.prefetch_related("hours", "holidays")


def policy_for(facts: SLAFacts) -> SLAPolicy | None:
    """The most specific active policy matching the ticket (one query).

    Specificity is the number of match fields set. Ties are broken by which fields are set
    (service, then customer tier, then priority, then channel), then by the lowest id, so
    the choice never depends on row order. A policy the ticket names (``facts.policy_id``)
    wins when it is active."""
    if facts.policy_id is not None:
        named = (
            SLAPolicy.objects.select_related("calendar")
            .prefetch_related("escalations")
            .filter(pk=facts.policy_id, is_active=True)
            .first()
        )
        if named is not None:
            return named
    candidates = (
        SLAPolicy.objects.select_related("calendar")
        .prefetch_related("escalations")
        .filter(
            Q(is_active=True),
            Q(applies_to=facts.kind),
            Q(priority__isnull=True) | Q(priority=facts.priority),
            Q(customer_tier__isnull=True) | Q(customer_tier=facts.customer_tier or ""),
            Q(channel__isnull=True) | Q(channel=facts.channel or ""),
            Q(service__isnull=True) | Q(service_id=facts.service_id),
        )
    )

    def rank(policy: SLAPolicy):
        return (
            policy.specificity,
            policy.service_id is not None,
            policy.customer_tier is not None,
            policy.priority is not None,
            policy.channel is not None,
            -policy.pk,
        )

    return max(candidates, key=rank, default=None)


def timers_for(ticket) -> QuerySet[SLATimer]:
    return SLATimer.objects.filter(content_type=ContentType.objects.get_for_model(ticket), object_id=ticket.pk)


class PageCalendar:
    """A business calendar as a page's clocks read it, from plain values: its id, time zone,
    working intervals ``(weekday, start_minute, end_minute)`` and holidays; ``spec()`` builds
    its rules once (:meth:`BusinessCalendar.spec <sla.models.BusinessCalendar.spec>` builds the
    same :class:`CalendarSpec` from the same values)."""

    def __init__(self, pk: int, timezone: str):
        self.pk, self.timezone = pk, timezone
        self.hours: list[tuple[int, int, int]] = []
        self.holidays: list = []
        self._spec: CalendarSpec | None = None

    def spec(self) -> CalendarSpec:
        if self._spec is None:
            self._spec = CalendarSpec.build(self.timezone, self.hours, self.holidays)
        return self._spec


class TimerValues(NamedTuple):
    """An SLA timer as a page's clocks read it: the columns :func:`clock` and the badges
    (``sla_tags.clock_badge``) read, under the model's attribute names, and its calendar as
    a :class:`PageCalendar` (one object per calendar a page). No model instance: building ~100
    ``SLATimer`` objects (their FSM state, their descriptors) was a third of the API list's CPU
    at 50 rows. :func:`page_timers` reads them."""

    pk: int
    object_id: int
    metric: str
    kind: str
    status: str
    target: timedelta
    consumed: timedelta
    last_resumed_at: datetime | None
    due_at: datetime | None
    met_at: datetime | None
    breached_at: datetime | None
    calendar: PageCalendar

    def get_metric_display(self) -> str:
        """What ``SLATimer.get_metric_display()`` answers for the same metric."""
        return str(_METRIC_LABELS.get(self.metric, self.metric))


_METRIC_LABELS = dict(SLATimer._meta.get_field("metric").flatchoices)
#: The columns of :class:`TimerValues` (its calendar as its id and time zone), in its order.
_TIMER_COLUMNS = (*TimerValues._fields[:-1], "calendar_id", "calendar__timezone")


def page_timers(model, ids) -> dict[int, list[TimerValues]]:
    """Ticket id → its SLA timers as :class:`TimerValues` (ordered by metric, as
    :data:`SLA_PREFETCH` orders them), for a page of a list of ``model`` tickets (the incident
    queue, the incidents API list): three queries (the timers with their calendar's time zone,
    the calendars' working hours, their holidays; none without ids, two fewer without timers),
    read as plain values. :func:`clock` and ``sla_tags.clock_badge`` read them as they read
    ``SLATimer`` objects, with the same code, so the clocks are the same."""
    ids = list(ids)
    if not ids:
        return {}
    read = _PageReads.for_database(SLATimer.objects.db)
    calendars: dict[int, PageCalendar] = {}
    by_ticket: dict[int, list[TimerValues]] = {pk: [] for pk in ids}
    for *values, calendar_id, tz in read.timers(ContentType.objects.get_for_model(model).pk, ids):
        calendar = calendars.get(calendar_id)
        if calendar is None:
            calendar = calendars[calendar_id] = PageCalendar(calendar_id, tz)
        by_ticket[values[1]].append(TimerValues(*values, calendar))
    if calendars:
        for calendar_id, *interval in read.hours(list(calendars)):
            calendars[calendar_id].hours.append(tuple(interval))
        for calendar_id, day in read.holidays(list(calendars)):
            calendars[calendar_id].holidays.append(day)
    return by_ticket


class _PageReads:
    """The three reads of :func:`page_timers`. On PostgreSQL, statements written once a process
    (``= ANY(%s)`` of the ids: the same SQL whatever the page's size) and run on the cursor:
    the ORM built and compiled each of them on every request (~0.5 ms of CPU each, a third of
    the reads). Elsewhere the ORM's ``values_list``, the same columns in the same order. The
    values are the same: PostgreSQL's driver answers ``interval``, ``timestamptz`` and ``date``
    as the ORM's fields do (no converter)."""

    _by_alias: dict[str, _PageReads] = {}

    def __init__(self, alias: str):
        self.alias = alias
        connection = connections[alias]
        self.sql = None
        if connection.vendor == "postgresql":
            qn = connection.ops.quote_name
            timer, calendar = SLATimer._meta, BusinessCalendar._meta

            def t(name: str) -> str:
                return "t." + qn(timer.pk.column if name == "pk" else timer.get_field(name).column)

            columns = ", ".join(t(name) for name in _TIMER_COLUMNS[:-1])
            self.sql = (
                f"SELECT {columns}, c.{qn(calendar.get_field('timezone').column)} "  # noqa: S608 — names, no values
                f"FROM {qn(timer.db_table)} t JOIN {qn(calendar.db_table)} c "
                f"ON c.{qn(calendar.pk.column)} = {t('calendar')} "
                f"WHERE {t('content_type')} = %s AND {t('object_id')} = ANY(%s) ORDER BY {t('metric')}",
                _rules_sql(qn, WorkingHours, ("calendar", "weekday", "start_minute", "end_minute")),
                _rules_sql(qn, Holiday, ("calendar", "date")),
            )

    @classmethod
    def for_database(cls, alias: str) -> _PageReads:
        reads = cls._by_alias.get(alias)
        if reads is None:
            reads = cls._by_alias[alias] = cls(alias)
        return reads

    def _run(self, sql: str, params: list) -> list[tuple]:
        with connections[self.alias].cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def timers(self, content_type_id: int, ids: list[int]):
        if self.sql:
            return self._run(self.sql[0], [content_type_id, ids])
        return (
            SLATimer.objects.using(self.alias)
            .filter(content_type_id=content_type_id, object_id__in=ids)
            .order_by("metric")
            .values_list(*_TIMER_COLUMNS)
        )

    def hours(self, calendar_ids: list[int]):
        if self.sql:
            return self._run(self.sql[1], [calendar_ids])
        return (
            WorkingHours.objects.using(self.alias)
            .filter(calendar_id__in=calendar_ids)
            .values_list("calendar_id", "weekday", "start_minute", "end_minute")
        )

    def holidays(self, calendar_ids: list[int]):
        if self.sql:
            return self._run(self.sql[2], [calendar_ids])
        return Holiday.objects.using(self.alias).filter(calendar_id__in=calendar_ids).values_list("calendar_id", "date")


def _rules_sql(qn, model, names: tuple[str, ...]) -> str:
    meta = model._meta
    columns = ", ".join(qn(meta.get_field(name).column) for name in names)
    return f"SELECT {columns} FROM {qn(meta.db_table)} WHERE {qn(meta.get_field('calendar').column)} = ANY(%s)"  # noqa: S608


@dataclass(frozen=True)
class Clock:
    metric: str
    status: str
    due_at: datetime | None
    remaining_seconds: int
    breached: bool
    paused: bool


def clock(timer: SLATimer | TimerValues, now: datetime | None = None, spec: CalendarSpec | None = None) -> Clock:
    """What the timer shows at ``now``: business seconds left on its calendar (0 once
    breached), frozen while paused or stopped. ``timer`` is an :class:`SLATimer` or a
    :class:`TimerValues` (a page's timers read as values): the one rule for both."""
    now = now or timezone.now()
    left = timer.target - timer.consumed
    breached = timer.status == TimerStatus.BREACHED or (timer.met_at is not None and timer.breached_at is not None)
    if timer.status == TimerStatus.RUNNING and timer.last_resumed_at is not None:
        if timer.due_at is not None and timer.due_at <= now:
            breached, left = True, timedelta(0)
        else:
            left -= business_time_between(spec or timer.calendar.spec(), timer.last_resumed_at, now)
    if breached:
        left = timedelta(0)
    return Clock(
        metric=timer.metric,
        status=TimerStatus.BREACHED if breached and timer.status == TimerStatus.RUNNING else timer.status,
        due_at=timer.due_at,
        remaining_seconds=max(0, int(left.total_seconds())),
        breached=breached,
        paused=timer.status == TimerStatus.PAUSED,
    )


def expected_by(timers, metric: str = "resolution", now: datetime | None = None) -> datetime | None:
    """When a ticket is expected to be done (``metric`` met), from its timers (prefetched
    with :data:`SLA_PREFETCH`: no query): the timer's ``due_at`` while it runs, was met or was
    missed; while paused (a request awaiting approval), the business time left laid out from
    ``now`` on its calendar, since the clock goes on from there. None without a timer."""
    timer = next((t for t in timers if t.metric == metric), None)
    if timer is None:
        return None
    if timer.status == TimerStatus.PAUSED:
        now = now or timezone.now()
        left = max(timer.target - timer.consumed, timedelta(0))
        return add_business_time(timer.calendar.spec(), now, left)
    return timer.due_at


# --- reports -------------------------------------------------------------------------------
GROUPINGS = {
    "policy": ("policy_id", "policy__name"),
    "team": ("team_id", "team__name"),
    "priority": ("priority", "priority"),
    "metric": ("metric", "metric"),
    "kind": ("kind", "kind"),
    "customer_tier": ("customer_tier", "customer_tier"),
}


def _outcome_in(start: datetime, end: datetime) -> Q:
    met = Q(status=TimerStatus.MET, met_at__gte=start, met_at__lt=end)
    breached = Q(status=TimerStatus.BREACHED, breached_at__gte=start, breached_at__lt=end)
    return met | breached


def compliance(*, start: datetime, end: datetime, group_by: str | None = None, filters: Q | None = None) -> dict:
    """Share of timers whose outcome fell in [start, end) that were met within target.

    ``{"total", "met", "breached", "compliance", "groups": [{"key", "label", ...}]}``;
    compliance is a fraction 0–1, or None when nothing was measured."""
    qs = SLATimer.objects.filter(_outcome_in(start, end))
    if filters is not None:
        qs = qs.filter(filters)
    counts = {
        "met": Count("id", filter=Q(status=TimerStatus.MET)),
        "breached": Count("id", filter=Q(status=TimerStatus.BREACHED)),
    }
    total = qs.aggregate(**counts)
    result = _rate(total)
    if group_by:
        key, label = GROUPINGS[group_by]
        rows = qs.values(key, label).annotate(**counts).order_by(key)
        result["groups"] = [{"key": row[key], "label": row[label], **_rate(row)} for row in rows]
    return result


def _rate(row: dict) -> dict:
    met, breached = row["met"], row["breached"]
    total = met + breached
    return {"total": total, "met": met, "breached": breached, "compliance": round(met / total, 4) if total else None}


def open_breaches() -> QuerySet[SLATimer]:
    """Timers past their target whose ticket is still not answered/resolved."""
    return (
        SLATimer.objects.filter(status=TimerStatus.BREACHED, met_at__isnull=True)
        .select_related("policy", "team", "content_type")
        .order_by("breached_at", "id")
    )


def at_risk(*, within: timedelta, now: datetime | None = None) -> QuerySet[SLATimer]:
    """Running timers due within ``within`` from now (not yet breached)."""
    now = now or timezone.now()
    return (
        SLATimer.objects.filter(status=TimerStatus.RUNNING, due_at__gt=now, due_at__lte=now + within)
        .select_related("policy", "team", "content_type")
        .order_by("due_at", "id")
    )


def service_availability(*, start: datetime, end: datetime, services=None) -> list[dict]:
    """Measured availability per service in [start, end) from recorded outages, against
    each service's target. Overlapping outages count once."""
    services = list(services if services is not None else Service.objects.filter(is_active=True))
    outages = (
        ServiceOutage.objects.filter(
            Q(service__in=services), Q(started_at__lt=end), Q(ended_at__isnull=True) | Q(ended_at__gt=start)
        )
        .order_by("service_id", "started_at")
        .values_list("service_id", "started_at", "ended_at")
    )
    spans: dict[int, list[tuple[datetime, datetime]]] = {}
    for service_id, began, ended in outages:
        spans.setdefault(service_id, []).append((max(began, start), min(ended or end, end)))
    period = (end - start).total_seconds()
    report = []
    for service in services:
        down = _merged_seconds(spans.get(service.pk, []))
        measured = 1 - down / period if period > 0 else None
        target = float(service.availability_target / Decimal(100))
        report.append(
            {
                "service": service.pk,
                "name": service.name,
                "target": target,
                "measured": round(measured, 6) if measured is not None else None,
                "downtime_seconds": int(down),
                "outages": len(spans.get(service.pk, [])),
                "met": measured is not None and measured >= target,
            }
        )
    return report


def _merged_seconds(spans: list[tuple[datetime, datetime]]) -> float:
    total, current_start, current_end = 0.0, None, None
    for began, ended in sorted(spans):
        if current_end is None or began > current_end:
            if current_end is not None:
                total += (current_end - current_start).total_seconds()
            current_start, current_end = began, ended
        else:
            current_end = max(current_end, ended)
    if current_end is not None:
        total += (current_end - current_start).total_seconds()
    return total
