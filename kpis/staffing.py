"""The day's staffing plan: forecast calls and handle time per quarter-hour, the agents
Erlang C says each interval needs, and the agents who were (or are) logged in.

The forecast for an interval is the mean number of inbound calls that started in the same interval
of the same weekday over the last ``STAFFING_FORECAST_WEEKS`` weeks (a week with no call
counts as zero), read in one ``GROUP BY`` over ``contactcenter.Call``. Its handle time is the
mean talk + hold + wrap-up of the answered calls in that interval over those weeks; an
interval with none uses the day's mean, and a day with none ``STAFFING_DEFAULT_AHT_SECONDS``.
Intervals are in the current time zone (``TIME_ZONE``), so that 09:00 is 09:00 on the floor.
The queries work on PostgreSQL and SQLite alike (Django's Extract functions)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from functools import reduce
from operator import or_

from django.conf import settings
from django.db.models import Count, IntegerField, Q, Sum, Value
from django.db.models.functions import Coalesce, ExtractHour, ExtractMinute
from django.utils import timezone

from contactcenter.choices import AgentStateChoice
from contactcenter.models import AgentState, AgentStateLog, Call

from . import erlang

#: The planning interval, in minutes (a quarter-hour, the industry's usual grain).
INTERVAL_MINUTES = 15
INTERVAL_SECONDS = INTERVAL_MINUTES * 60
INTERVALS_PER_DAY = 24 * 60 // INTERVAL_MINUTES


@dataclass(frozen=True)
class Targets:
    """What each interval is staffed for."""

    service_level: float
    seconds: float
    shrinkage: float

    @classmethod
    def from_settings(cls) -> Targets:
        return cls(service_level=settings.STAFFING_TARGET_SERVICE_LEVEL, seconds=settings.STAFFING_TARGET_SECONDS,
                   shrinkage=settings.STAFFING_SHRINKAGE)


@dataclass(frozen=True)
class IntervalForecast:
    """One quarter-hour of the forecast day."""

    index: int
    start: datetime
    end: datetime
    calls: float
    aht_seconds: float
    answered_sample: int  # answered calls the handle time was measured on (0: a fallback)


@dataclass(frozen=True)
class IntervalPlan:
    """An interval's forecast, requirement and staffing."""

    forecast: IntervalForecast
    requirement: erlang.StaffingResult
    logged_in: int | None  # distinct agents logged in during the interval; None for the future

    @property
    def short(self) -> bool:
        """Fewer agents were logged in than the interval needed (before shrinkage)."""
        return self.logged_in is not None and self.logged_in < self.requirement.agents


def day_bounds(day: date, tz: tzinfo | None = None) -> tuple[datetime, datetime]:
    """The instants a calendar day starts and ends in ``tz`` (the current time zone)."""
    tz = tz or timezone.get_current_timezone()
    return (datetime.combine(day, time(0), tzinfo=tz),
            datetime.combine(day + timedelta(days=1), time(0), tzinfo=tz))


def interval_starts(day: date, tz: tzinfo | None = None) -> list[datetime]:
    """The start of each quarter-hour of ``day`` (wall-clock times in ``tz``)."""
    tz = tz or timezone.get_current_timezone()
    return [datetime.combine(day, time(i * INTERVAL_MINUTES // 60, i * INTERVAL_MINUTES % 60), tzinfo=tz)
            for i in range(INTERVALS_PER_DAY)]


def forecast_day(*, day: date, weeks: int | None = None, queue_id: int | None = None) -> list[IntervalForecast]:
    """The forecast for every quarter-hour of ``day`` from the same weekday of the ``weeks``
    weeks before it (one query)."""
    weeks = settings.STAFFING_FORECAST_WEEKS if weeks is None else weeks
    tz = timezone.get_current_timezone()
    windows = [day_bounds(day - timedelta(weeks=k), tz) for k in range(1, weeks + 1)]
    counts: dict[int, int] = defaultdict(int)
    handle: dict[int, int] = defaultdict(int)
    answered: dict[int, int] = defaultdict(int)
    if windows:
        same_weekday = reduce(or_, (Q(started_at__gte=s, started_at__lt=e) for s, e in windows))
        calls = Call.objects.filter(same_weekday, direction="inbound")
        if queue_id is not None:
            calls = calls.filter(queue_id=queue_id)
        is_answered = Q(answered_at__isnull=False, talk_seconds__isnull=False)
        handle_time = (Coalesce("talk_seconds", Value(0)) + Coalesce("hold_seconds", Value(0))
                       + Coalesce("wrap_up_seconds", Value(0)))
        rows = (calls.order_by()
                .annotate(hour=ExtractHour("started_at", tzinfo=tz), minute=ExtractMinute("started_at", tzinfo=tz))
                .values("hour", "minute")
                .annotate(n=Count("id"), answered=Count("id", filter=is_answered),
                          handle=Sum(handle_time, filter=is_answered, output_field=IntegerField())))
        for row in rows:
            index = (int(row["hour"]) * 60 + int(row["minute"])) // INTERVAL_MINUTES
            counts[index] += row["n"]
            answered[index] += row["answered"]
            handle[index] += row["handle"] or 0
    total_answered = sum(answered.values())
    day_aht = sum(handle.values()) / total_answered if total_answered else float(settings.STAFFING_DEFAULT_AHT_SECONDS)
    starts = interval_starts(day, tz)
    _day_start, day_end = day_bounds(day, tz)
    return [
        IntervalForecast(
            index=i, start=start, end=starts[i + 1] if i + 1 < len(starts) else day_end,
            calls=counts[i] / weeks if weeks else 0.0,
            aht_seconds=handle[i] / answered[i] if answered[i] else day_aht,
            answered_sample=answered[i],
        )
        for i, start in enumerate(starts)
    ]


def logged_in_by_interval(*, day: date, until: datetime) -> dict[int, int]:
    """Distinct agents logged in (any state but offline) at some moment of each interval of
    ``day`` that started before ``until``, from the agents' state log (one query)."""
    tz = timezone.get_current_timezone()
    day_start, day_end = day_bounds(day, tz)
    until = min(until, day_end)
    stretches = (AgentStateLog.objects.exclude(state=AgentStateChoice.OFFLINE)
                 .filter(started_at__lt=until).filter(Q(ended_at__isnull=True) | Q(ended_at__gt=day_start))
                 .order_by().values_list("user_id", "started_at", "ended_at"))
    starts = interval_starts(day, tz)
    ends = [*starts[1:], day_end]
    agents: dict[int, set[int]] = defaultdict(set)
    for user_id, started_at, ended_at in stretches:
        ended_at = ended_at or until
        for i, (start, end) in enumerate(zip(starts, ends, strict=True)):
            if start >= until:
                break
            if started_at < end and ended_at > start:
                agents[i].add(user_id)
    return {i: len(agents[i]) for i, start in enumerate(starts) if start < until}


def logged_in_now() -> int:
    """Agents in any state but offline right now."""
    return AgentState.objects.exclude(state=AgentStateChoice.OFFLINE).count()


def plan_day(*, day: date, targets: Targets | None = None, weeks: int | None = None,
             now: datetime | None = None) -> list[IntervalPlan]:
    """The staffing plan for ``day``: forecast, requirement (Erlang C at the targets) and,
    for intervals already begun, the agents logged in then. Two queries."""
    targets = targets or Targets.from_settings()
    now = now or timezone.now()
    forecasts = forecast_day(day=day, weeks=weeks)
    logged = logged_in_by_interval(day=day, until=now) if day_bounds(day)[0] <= now else {}
    return [
        IntervalPlan(
            forecast=f,
            requirement=erlang.required_agents(
                calls=f.calls, interval_seconds=INTERVAL_SECONDS, aht_seconds=f.aht_seconds,
                target_service_level=targets.service_level, target_seconds=targets.seconds,
                shrinkage=targets.shrinkage),
            logged_in=logged.get(f.index),
        )
        for f in forecasts
    ]
