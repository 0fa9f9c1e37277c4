"""Compute the KPI rollup tables for a window, set-based (``GROUP BY`` on truncated time).

Each ``rollup_*`` function recomputes every bucket of ``[start, end)`` from the source
records and replaces the window's rows in one transaction (delete, then insert with
``update_conflicts`` so that two overlapping runs cannot trip the unique constraint). Running
it twice gives the same rows; an event that arrives late (a status callback that turns a
call into an abandoned one, a CSAT rating, a wrap-up) is folded in when its window is
recomputed, which the beat task does for the last ``KPI_ROLLUP_LOOKBACK_HOURS``.

The number of queries per window is fixed (contact center) or one per day of the window
for the backlog snapshot (ITSM), never a function of how many records there are.
The formulas these sums feed are in ``docs/kpis.md`` and :mod:`kpis.formulas`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from django.conf import settings
from django.db import connection, transaction
from django.db.models import (
    Case,
    CharField,
    Count,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, ExtractMinute, Floor, Trunc, TruncDate, TruncHour
from django.db.models.lookups import LessThanOrEqual
from django.utils import timezone

from changes.choices import ChangeType, Outcome
from changes.models import Change
from contactcenter.choices import AgentStateChoice, CallOutcome
from contactcenter.models import AgentStateLog, Call, Callback
from incidents.models import Incident, MajorIncident
from problems.models import Problem
from servicerequests.models import ServiceRequest
from sla.choices import TimerStatus
from sla.models import SLATimer

from .caching import rollups_changed
from .models import (
    NO_CHANNEL,
    NONE,
    AgentDaily,
    AgentInterval,
    ArrivalHour,
    CallAgentMonthly,
    CallDaily,
    CallInterval,
    CallQueueDaily,
    DeskDaily,
    IncidentDaily,
)

INTERVAL = timedelta(minutes=15)
DAY = timedelta(days=1)
#: Ageing buckets of the backlog, in days: [lower, upper) → IncidentDaily field.
AGE_BUCKETS = ((0, 1, "age_lt_1d"), (1, 3, "age_1_3d"), (3, 7, "age_3_7d"), (7, 30, "age_7_30d"),
               (30, None, "age_gt_30d"))


@dataclass(frozen=True)
class RollupResult:
    """What one run wrote: the aligned window and the rows per table."""

    start: datetime
    end: datetime
    rows: dict[str, int]


# --- time helpers ---------------------------------------------------------------------------------
def floor_interval(moment: datetime) -> datetime:
    """The start of the 15-minute interval holding ``moment`` (UTC)."""
    moment = moment.astimezone(UTC)
    return moment.replace(minute=moment.minute - moment.minute % 15, second=0, microsecond=0)


def ceil_interval(moment: datetime) -> datetime:
    floored = floor_interval(moment)
    return floored if floored == moment.astimezone(UTC) else floored + INTERVAL


def day_start(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=UTC)


def days_touching(start: datetime, end: datetime) -> tuple[date, date]:
    """The UTC days ``[first, last]`` that overlap ``[start, end)``."""
    return start.astimezone(UTC).date(), (end.astimezone(UTC) - timedelta(microseconds=1)).date()


def _seconds(value: timedelta | None) -> int:
    return round(value.total_seconds()) if value else 0


def _duration(later: str, earlier: str) -> ExpressionWrapper:
    return ExpressionWrapper(F(later) - F(earlier), output_field=DurationField())


def _quarter(field: str) -> dict:
    """Annotations naming a row's 15-minute interval: the UTC hour and the quarter in it."""
    return {"hour": TruncHour(field, tzinfo=UTC), "quarter": Floor(ExtractMinute(field, tzinfo=UTC) / Value(15))}


def _bucket(row: dict) -> datetime:
    return row["hour"].astimezone(UTC) + INTERVAL * int(row["quarter"])


def _replace(model, window: Q, objects: list, unique_fields: list[str]) -> int:
    """Swap the window's rows for ``objects`` (call inside a transaction)."""
    model.objects.filter(window).delete()
    if not objects:
        return 0
    update_fields = [f.name for f in model._meta.concrete_fields if not f.primary_key and f.name not in unique_fields]
    model.objects.bulk_create(objects, update_conflicts=True, unique_fields=unique_fields,
                              update_fields=update_fields)
    return len(objects)


# --- contact center -------------------------------------------------------------------------------
def _call_sums() -> dict:
    """The aggregates of one ``CallInterval`` row (see docs/kpis.md for each definition),
    named ``k_<column>``: some columns share a name with a field of ``Call`` (``transfers``)."""
    grace = settings.KPI_ABANDON_GRACE_SECONDS
    # Outbound calls share the read (issue 22.5): every inbound figure is filtered to inbound.
    inbound, outbound = Q(direction="inbound"), Q(direction="outbound")
    queued = inbound & Q(queued_at__isnull=False)
    short = queued & Q(answered_at__isnull=True, outcome=CallOutcome.ABANDONED, wait_seconds__lt=grace)
    offered = queued & ~Q(answered_at__isnull=True, outcome=CallOutcome.ABANDONED, wait_seconds__lt=grace)
    answered = queued & Q(answered_at__isnull=False)
    abandoned = offered & Q(answered_at__isnull=True, outcome=CallOutcome.ABANDONED)
    in_sl = answered & Q(LessThanOrEqual(Coalesce("wait_seconds", 0), Coalesce("queue__service_level_seconds", 20)))
    wrapped = answered & Q(wrap_up_seconds__isnull=False)
    rated = inbound & Q(csat__isnull=False)
    sums = {
        "arrivals": Count("id", filter=inbound),
        "offered": Count("id", filter=offered),
        "answered": Count("id", filter=answered),
        "abandoned": Count("id", filter=abandoned),
        "short_abandoned": Count("id", filter=short),
        "answered_in_sl": Count("id", filter=in_sl),
        "wait_sum": Sum("wait_seconds", filter=answered, default=0),
        "talk_sum": Sum("talk_seconds", filter=answered, default=0),
        "hold_sum": Sum("hold_seconds", filter=answered, default=0),
        "wrap_sum": Sum("wrap_up_seconds", filter=wrapped, default=0),
        "wrap_count": Count("id", filter=wrapped),
        "transfers": Sum("transfers", filter=answered, default=0),
        "transferred": Count("id", filter=answered & Q(transfers__gt=0)),
        "fcr": Count("id", filter=answered & Q(has_repeat=False)),
        "csat_count": Count("id", filter=rated),
        "csat_good": Count("id", filter=rated & Q(csat__gte=4)),
        "csat_sum": Sum("csat", filter=rated, default=0),
        "fcr_survey_count": Count("id", filter=inbound & Q(solved_on_call__isnull=False)),
        "fcr_survey_yes": Count("id", filter=inbound & Q(solved_on_call=True)),
        "deflected": Count("id", filter=inbound & Q(outcome=CallOutcome.DEFLECTED)),
        "outbound": Count("id", filter=outbound),
        "outbound_answered": Count("id", filter=outbound & (Q(answered_at__isnull=False) | Q(
            outcome__in=[CallOutcome.ANSWERED, CallOutcome.TRANSFERRED]))),
        "recorded": Count("id", filter=Q(has_recording=True)),
    }
    return {f"k_{name}": aggregate for name, aggregate in sums.items()}


def _recorded():
    """Whether a call has a recording (kept when retention deletes the audio: the call was
    recorded all the same). ``False`` before the recording model exists (issue 22.3)."""
    try:
        from contactcenter.models import CallRecording
    except ImportError:  # pragma: no cover - the recording models come with issue 22.3
        return Value(False)
    return Exists(CallRecording.objects.filter(call=OuterRef("pk")))


def _evaluations(start: datetime, end: datetime):
    """Quality evaluations submitted in ``[start, end)`` per 15-minute interval, under the
    evaluation's queue and agent (the call's when the evaluation names none) and the call's
    service: a late review is folded in when the window of its submission is rolled up, as
    a completed callback is. One grouped read of the evaluations (a small table)."""
    try:
        from contactcenter.models import Evaluation
    except ImportError:  # pragma: no cover - the quality models come with issue 22.3
        return []
    return (Evaluation.objects.filter(submitted_at__gte=start, submitted_at__lt=end)
            .annotate(**_quarter("submitted_at"), k_queue=Coalesce("queue_id", "call__queue_id"),
                      k_agent=Coalesce("agent_id", "call__agent_id"))
            .values("hour", "quarter", "k_queue", "k_agent", "call__service_id")
            .annotate(n=Count("id"), total=Sum("score")).order_by())


def _agent_seconds(start: datetime, end: datetime, now: datetime) -> dict[tuple[datetime, int], dict[str, int]]:
    """Logged-in seconds per (interval, agent) and state: every ``AgentStateLog`` stretch
    overlapping the window (one query), clipped to each interval it spans. Clipping is done
    here rather than in SQL because it needs a series of intervals, which PostgreSQL and
    SQLite spell differently; the query count stays one."""
    field = {AgentStateChoice.AVAILABLE: "available_seconds", AgentStateChoice.BUSY: "busy_seconds",
             AgentStateChoice.WRAP_UP: "wrap_seconds"}
    # Both arms are indexed: stretches ending after the window's start (``agent_log_end``),
    # and the open ones (one per agent, ``agent_log_open``), so the read stays small however
    # long the history.
    stretches = (AgentStateLog.objects.filter(started_at__lt=end, state__in=list(field))
                 .filter(Q(ended_at__isnull=True) | Q(ended_at__gt=start))
                 .values_list("user_id", "state", "started_at", "ended_at"))
    totals: dict[tuple[datetime, int], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for user_id, state, began, ended in stretches.iterator():
        lo, hi = max(began, start), min(ended or now, end)
        cursor = floor_interval(lo)
        while cursor < hi:
            upper = cursor + INTERVAL
            seconds = (min(hi, upper) - max(lo, cursor)).total_seconds()
            if seconds > 0:
                totals[(cursor, user_id)][field[state]] += seconds
            cursor = upper
    return totals


def _no_jit() -> None:
    """PostgreSQL: no JIT compilation for the rest of this transaction. The grouped read of a
    day's calls is estimated far above ``jit_above_cost`` (its EXISTS subplans), and compiling it
    took 292 of its 739 ms (EXPLAIN ANALYZE, a day of the 10,000,000-call year) for a read that
    runs once; SQLite has no such setting."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL jit = off")


@transaction.atomic
def rollup_contact_center(*, start: datetime, end: datetime, now: datetime | None = None) -> RollupResult:
    """Recompute ``CallInterval`` and ``AgentInterval`` for the 15-minute intervals covering
    ``[start, end)`` (widened to whole intervals). Six reads, two deletes, two inserts."""
    start, end, now = floor_interval(start), ceil_interval(end), now or timezone.now()
    _no_jit()
    rows: dict[tuple, dict] = defaultdict(dict)
    sums = _call_sums()
    calls = (Call.objects.filter(direction__in=["inbound", "outbound"], started_at__gte=start, started_at__lt=end)
             .alias(has_repeat=Exists(Call.objects.filter(repeat_of=OuterRef("pk"))), has_recording=_recorded())
             .annotate(**_quarter("started_at"))
             .values("hour", "quarter", "queue_id", "agent_id", "service_id")
             .annotate(**sums).order_by())
    for row in calls:
        key = (_bucket(row), row["queue_id"] or NONE, row["agent_id"] or NONE, row["service_id"] or NONE)
        rows[key].update({name.removeprefix("k_"): row[name] for name in sums})
    callbacks = (Callback.objects.filter(status="done", done_at__gte=start, done_at__lt=end)
                 .annotate(**_quarter("done_at"))
                 .values("hour", "quarter", "call__queue_id", "agent_id", "call__service_id")
                 .annotate(done=Count("id"), seconds=Sum(_duration("done_at", "created_at"))).order_by())
    for row in callbacks:
        key = (_bucket(row), row["call__queue_id"] or NONE, row["agent_id"] or NONE, row["call__service_id"] or NONE)
        rows[key].update(callbacks_done=row["done"], callback_seconds_sum=_seconds(row["seconds"]))
    for row in _evaluations(start, end):
        key = (_bucket(row), row["k_queue"] or NONE, row["k_agent"] or NONE, row["call__service_id"] or NONE)
        rows[key].update(quality_count=row["n"], quality_sum=row["total"] or 0)
    call_rows = [CallInterval(start=key[0], queue_id=key[1], agent_id=key[2], service_id=key[3], **values)
                 for key, values in sorted(rows.items())]
    agent_rows = []
    for (bucket, agent_id), seconds in sorted(_agent_seconds(start, end, now).items()):
        values = {name: round(value) for name, value in seconds.items()}
        agent_rows.append(AgentInterval(start=bucket, agent_id=agent_id, **values,
                                        logged_in_seconds=sum(values.values())))
    window = Q(start__gte=start, start__lt=end)
    written = {
        "call_intervals": _replace(CallInterval, window, call_rows, ["start", "queue_id", "agent_id", "service_id"]),
        "agent_intervals": _replace(AgentInterval, window, agent_rows, ["start", "agent_id"]),
    }
    written.update(_roll_days(start, end))
    rollups_changed()
    return RollupResult(start=start, end=end, rows=written)


def _roll_days(start: datetime, end: datetime) -> dict[str, int]:
    """The daily call and agent tables and the hourly arrivals for the UTC days touching
    ``[start, end)``, added up from those days' 15-minute rows (three grouped reads, three
    deletes, three inserts); then the coarser call tables from the new daily rows
    (:func:`roll_coarse`)."""
    first, last = days_touching(start, end)
    begin, finish = day_start(first), day_start(last) + DAY
    window = Q(start__gte=begin, start__lt=finish)
    day = Trunc("start", "day", tzinfo=UTC)
    call_names = [f.name for f in CallInterval._meta.concrete_fields
                  if f.name not in ("id", "start", "queue_id", "agent_id", "service_id")]
    calls = (CallInterval.objects.filter(window).annotate(day=day).values("day", "queue_id", "agent_id", "service_id")
             .annotate(**{f"k_{name}": Sum(name) for name in call_names}).order_by())
    call_rows = [CallDaily(start=row["day"], queue_id=row["queue_id"], agent_id=row["agent_id"],
                           service_id=row["service_id"], **{name: row[f"k_{name}"] for name in call_names})
                 for row in calls]
    agent_names = ["available_seconds", "busy_seconds", "wrap_seconds", "logged_in_seconds"]
    agents = (AgentInterval.objects.filter(window).annotate(day=day).values("day", "agent_id")
              .annotate(**{f"k_{name}": Sum(name) for name in agent_names}).order_by())
    agent_rows = [AgentDaily(start=row["day"], agent_id=row["agent_id"],
                             **{name: row[f"k_{name}"] for name in agent_names}) for row in agents]
    hours = (CallInterval.objects.filter(window).annotate(hour=Trunc("start", "hour", tzinfo=UTC))
             .values("hour", "queue_id", "service_id").annotate(n=Sum("arrivals")).order_by())
    hour_rows = [ArrivalHour(start=row["hour"], queue_id=row["queue_id"], service_id=row["service_id"],
                             arrivals=row["n"]) for row in hours if row["n"]]
    written = {"call_days": _replace(CallDaily, window, call_rows, ["start", "queue_id", "agent_id", "service_id"]),
               "agent_days": _replace(AgentDaily, window, agent_rows, ["start", "agent_id"]),
               "arrival_hours": _replace(ArrivalHour, window, hour_rows, ["start", "queue_id", "service_id"])}
    written.update(roll_coarse(first, last))
    return written


#: The summed columns of every call table (``CallFigures``).
CALL_FIGURES = tuple(f.name for f in CallQueueDaily._meta.concrete_fields
                     if f.name not in ("id", "start", "queue_id", "service_id"))


def _month_start(day: date) -> datetime:
    return day_start(day.replace(day=1))


def _next_month(day: date) -> datetime:
    return day_start((day.replace(day=1) + timedelta(days=32)).replace(day=1))


def roll_coarse(first: date, last: date) -> dict[str, int]:
    """``CallQueueDaily`` for the UTC days ``[first, last]`` and ``CallAgentMonthly`` for the
    months touching them, added up from ``CallDaily`` (two grouped reads, two deletes, two
    inserts; a month is at most 31 days × the day's agent rows). Call inside a transaction,
    after the days' ``CallDaily`` rows; also the backfill of these two tables alone."""
    begin, finish = day_start(first), day_start(last) + DAY
    sums = {f"k_{name}": Sum(name) for name in CALL_FIGURES}
    days = (CallDaily.objects.filter(start__gte=begin, start__lt=finish)
            .values("start", "queue_id", "service_id").annotate(**sums).order_by())
    day_rows = [CallQueueDaily(start=row["start"], queue_id=row["queue_id"], service_id=row["service_id"],
                               **{name: row[f"k_{name}"] or 0 for name in CALL_FIGURES}) for row in days]
    month_begin, month_finish = _month_start(first), _next_month(last)
    months = (CallDaily.objects.filter(start__gte=month_begin, start__lt=month_finish)
              .annotate(month=Trunc("start", "month", tzinfo=UTC)).values("month", "agent_id")
              .annotate(**sums).order_by())
    month_rows = [CallAgentMonthly(start=row["month"], agent_id=row["agent_id"],
                                   **{name: row[f"k_{name}"] or 0 for name in CALL_FIGURES}) for row in months]
    return {"call_queue_days": _replace(CallQueueDaily, Q(start__gte=begin, start__lt=finish), day_rows,
                                        ["start", "queue_id", "service_id"]),
            "call_agent_months": _replace(CallAgentMonthly, Q(start__gte=month_begin, start__lt=month_finish),
                                          month_rows, ["start", "agent_id"])}


# --- ITSM -----------------------------------------------------------------------------------------
#: IncidentDaily's dimensions (after the day), as columns of Incident and of the annotated SLATimer.
DIMS = ("team_id", "service_id", "priority", "channel")
#: Ticket models with a ``channel``: an SLA timer of one of them is filed under its ticket's channel.
CHANNEL_TICKETS = (Incident, ServiceRequest)


def _dims(row: dict, team: str = "team_id", service: str = "service_id", priority: str = "priority",
          channel: str = "channel") -> tuple:
    return row[team] or NONE, row[service] or NONE, row[priority] or NONE, row[channel] or NO_CHANNEL


def _ticket_channel() -> Case:
    """The channel of an SLA timer's ticket, in the timer query itself: the timer keeps its
    ticket's team, service and priority but not its channel, and the ticket is a generic
    relation, so a correlated subquery per ticket model (matched on the content type's
    natural key: a join, not a content-type lookup of its own) reads it; ``""`` for tickets
    that have none (problems, changes)."""
    return Case(*(When(content_type__app_label=model._meta.app_label, content_type__model=model._meta.model_name,
                       then=Subquery(model.objects.filter(pk=OuterRef("object_id")).order_by().values("channel")[:1]))
                  for model in CHANNEL_TICKETS),
                default=Value(NO_CHANNEL), output_field=CharField())


def _backlog(day: date, now: datetime) -> list[dict]:
    """Incidents open at the end of ``day`` (or now, for today), per dimension, with ages."""
    end = min(day_start(day) + DAY, now)
    ages = {}
    for lower, upper, name in AGE_BUCKETS:
        condition = Q(created_at__lte=end - timedelta(days=lower))
        if upper is not None:
            condition &= Q(created_at__gt=end - timedelta(days=upper))
        ages[name] = Count("id", filter=condition)
    return list(Incident.objects.filter(created_at__lt=end)
                .filter(Q(resolved_at__isnull=True) | Q(resolved_at__gte=end))
                .values(*DIMS).annotate(backlog=Count("id"), **ages).order_by())


def _mtbf_gaps(start: datetime, end: datetime) -> dict[date, list[int]]:
    """For major incidents declared in the window: seconds from the previous major incident's
    resolution (previous by start of impact, over all history) to this one's start of impact.
    Overlapping ones (started before the previous was resolved) have no gap."""
    previous = (MajorIncident.objects.filter(Q(started_at__lt=OuterRef("started_at"))
                                             | Q(started_at=OuterRef("started_at"), id__lt=OuterRef("id")))
                .order_by("-started_at", "-id").values("resolved_at")[:1])
    gaps: dict[date, list[int]] = defaultdict(list)
    for declared, started, previous_resolved in (
            MajorIncident.objects.filter(declared_at__gte=start, declared_at__lt=end)
            .annotate(previous_resolved=Subquery(previous)).values_list("declared_at", "started_at",
                                                                         "previous_resolved")):
        if previous_resolved is not None and started >= previous_resolved:
            gaps[declared.astimezone(UTC).date()].append(_seconds(started - previous_resolved))
    return gaps


@transaction.atomic
def rollup_itsm(*, start: datetime, end: datetime, now: datetime | None = None) -> RollupResult:
    """Recompute ``IncidentDaily`` and ``DeskDaily`` for every UTC day touching
    ``[start, end)``: a fixed set of grouped queries for the whole window, plus one backlog
    snapshot per day."""
    now = now or timezone.now()
    first, last = days_touching(start, end)
    start, end = day_start(first), day_start(last) + DAY
    incidents: dict[tuple, dict] = defaultdict(lambda: defaultdict(int))
    desk: dict[date, dict] = defaultdict(lambda: defaultdict(int))

    def grouped(qs, stamp: str, dims: tuple[str, ...] = DIMS, **sums):
        return (qs.filter(**{f"{stamp}__gte": start, f"{stamp}__lt": end})
                .annotate(day=TruncDate(stamp, tzinfo=UTC)).values("day", *dims).annotate(**sums).order_by())

    for row in grouped(Incident.objects, "created_at", n=Count("id")):
        incidents[(row["day"], *_dims(row))]["created"] += row["n"]
    for row in grouped(Incident.objects, "acknowledged_at", n=Count("id"),
                       seconds=Sum(_duration("acknowledged_at", "created_at"))):
        values = incidents[(row["day"], *_dims(row))]
        values["acknowledged"] += row["n"]
        values["ack_seconds_sum"] += _seconds(row["seconds"])
    for row in grouped(Incident.objects, "resolved_at", n=Count("id"),
                       reopened=Count("id", filter=Q(reopen_count__gt=0)),
                       seconds=Sum(_duration("resolved_at", "created_at"))):
        values = incidents[(row["day"], *_dims(row))]
        values["resolved"] += row["n"]
        values["resolved_after_reopen"] += row["reopened"]
        values["resolve_seconds_sum"] += _seconds(row["seconds"])
    for status, stamp, name in ((TimerStatus.MET, "met_at", "sla_met"),
                                (TimerStatus.BREACHED, "breached_at", "sla_breached")):
        for row in grouped(SLATimer.objects.filter(status=status).annotate(channel=_ticket_channel()), stamp,
                           n=Count("id")):
            incidents[(row["day"], *_dims(row))][name] += row["n"]
    for row in grouped(MajorIncident.objects, "declared_at", tuple(f"incident__{dim}" for dim in DIMS),
                       n=Count("id")):
        dims = _dims(row, *(f"incident__{dim}" for dim in DIMS))
        incidents[(row["day"], *dims)]["major_incidents"] += row["n"]
    day = first
    while day <= last and day_start(day) <= now:
        for row in _backlog(day, now):
            values = incidents[(day, *_dims(row))]
            for name in ("backlog", *(bucket[2] for bucket in AGE_BUCKETS)):
                values[name] += row[name]
        day += DAY

    for day_, gaps in _mtbf_gaps(start, end).items():
        desk[day_]["mtbf_gaps"] += len(gaps)
        desk[day_]["mtbf_seconds_sum"] += sum(gaps)
    caused = Exists(Change.caused_incidents.through.objects.filter(change_id=OuterRef("pk")))
    for row in grouped(Change.objects.exclude(outcome=""), "completed_at", (), n=Count("id"),
                       ok=Count("id", filter=Q(outcome=Outcome.SUCCESSFUL)),
                       causing=Count("id", filter=Q(caused))):
        desk[row["day"]].update(changes_completed=row["n"], changes_successful=row["ok"],
                                changes_causing_incidents=row["causing"])
    for row in grouped(Change.objects, "submitted_at", (), n=Count("id"),
                       emergency=Count("id", filter=Q(type=ChangeType.EMERGENCY))):
        desk[row["day"]].update(changes_submitted=row["n"], changes_emergency=row["emergency"])
    for row in grouped(Problem.objects, "known_error_at", (), n=Count("id"),
                       seconds=Sum(_duration("known_error_at", "created_at"))):
        desk[row["day"]].update(problems_known_error=row["n"], problem_known_error_seconds_sum=_seconds(row["seconds"]))
    for row in grouped(ServiceRequest.objects, "fulfilled_at", (), n=Count("id"),
                       seconds=Sum(_duration("fulfilled_at", "created_at"))):
        desk[row["day"]].update(requests_fulfilled=row["n"], request_fulfilment_seconds_sum=_seconds(row["seconds"]))

    incident_rows = [IncidentDaily(day=key[0], team_id=key[1], service_id=key[2], priority=key[3], channel=key[4],
                                   **values)
                     for key, values in sorted(incidents.items())]
    desk_rows = [DeskDaily(day=key, **values) for key, values in sorted(desk.items())]
    window = Q(day__gte=first, day__lte=last)
    written = {
        "incident_days": _replace(IncidentDaily, window, incident_rows, ["day", *DIMS]),
        "desk_days": _replace(DeskDaily, window, desk_rows, ["day"]),
    }
    rollups_changed()
    return RollupResult(start=start, end=end, rows=written)


# --- entry points ---------------------------------------------------------------------------------
def rollup_window(*, start: datetime, end: datetime, now: datetime | None = None) -> dict[str, int]:
    """Both rollups for ``[start, end)``, a day at a time (small transactions for backfills)."""
    totals: dict[str, int] = defaultdict(int)
    cursor = start
    while cursor < end:
        upper = min(end, day_start(cursor.astimezone(UTC).date()) + DAY)
        for result in (rollup_contact_center(start=cursor, end=upper, now=now),
                       rollup_itsm(start=cursor, end=upper, now=now)):
            for name, count in result.rows.items():
                totals[name] += count
        cursor = upper
    return dict(totals)


def rollup_recent(*, now: datetime | None = None) -> dict[str, int]:
    """The beat task's body: the last ``KPI_ROLLUP_LOOKBACK_HOURS`` (late events), plus the
    intervals of earlier calls that a recent call made repeats of (their first-contact
    resolution changed)."""
    now = now or timezone.now()
    start = now - timedelta(hours=settings.KPI_ROLLUP_LOOKBACK_HOURS)
    totals = rollup_window(start=start, end=now + timedelta(microseconds=1), now=now)
    earlier = (Call.objects.filter(started_at__gte=start, started_at__lte=now,
                                   repeat_of__started_at__lt=floor_interval(start))
               .annotate(**_quarter("repeat_of__started_at")).values("hour", "quarter").distinct().order_by())
    totals["fcr_corrected"] = _refresh_fcr(sorted({_bucket(row) for row in earlier}))
    return totals


@transaction.atomic
def _refresh_fcr(buckets: list[datetime]) -> int:
    """Earlier intervals whose calls were repeated since: only their first-contact count
    changed, so only it is recomputed (one grouped read over those intervals, one update)
    instead of rolling each interval up again. Returns the rows corrected."""
    if not buckets:
        return 0
    window = Q()
    for bucket in buckets:
        window |= Q(started_at__gte=bucket, started_at__lt=bucket + INTERVAL)
    counts = (Call.objects.filter(window, direction="inbound")
              .alias(has_repeat=Exists(Call.objects.filter(repeat_of=OuterRef("pk"))))
              .annotate(**_quarter("started_at"))
              .values("hour", "quarter", "queue_id", "agent_id", "service_id")
              .annotate(k_fcr=_call_sums()["k_fcr"]).order_by())
    wanted = {(_bucket(row), row["queue_id"] or NONE, row["agent_id"] or NONE, row["service_id"] or NONE):
              row["k_fcr"] for row in counts}
    changed = []
    for row in CallInterval.objects.filter(start__in=buckets):
        value = wanted.get((row.start, row.queue_id, row.agent_id, row.service_id), 0)
        if row.fcr != value:
            row.fcr = value
            changed.append(row)
    CallInterval.objects.bulk_update(changed, ["fcr"], batch_size=500)
    for first, last in _day_runs({bucket.astimezone(UTC).date() for bucket in buckets}):
        _roll_days(day_start(first), day_start(last) + DAY)
    rollups_changed()
    return len(changed)


def _day_runs(days: set[date]) -> list[tuple[date, date]]:
    """Consecutive days as (first, last) runs: one daily rollup per run."""
    runs: list[tuple[date, date]] = []
    for day in sorted(days):
        if runs and day - runs[-1][1] == timedelta(days=1):
            runs[-1] = (runs[-1][0], day)
        else:
            runs.append((day, day))
    return runs
