"""Business-time arithmetic on a calendar: pure functions, no database.

A :class:`CalendarSpec` is a timezone, working intervals per weekday (minutes from local
midnight, several per day, e.g. 09:00–13:00 and 14:00–18:00) and holidays (local dates).
No intervals at all means 24×7.

Business time is real elapsed time that falls inside working intervals. Intervals are laid
out in the calendar's own timezone and converted to UTC, so a working day that contains a
DST change is an hour shorter or longer, as the clock on the wall says. Local times that
do not exist (inside a spring-forward gap) are mapped the way ``zoneinfo`` maps them
(``fold=0``) and the resulting UTC intervals are clipped so they never overlap: adding and
then measuring business time always round-trips.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

ZERO = timedelta(0)
MINUTES_PER_DAY = 24 * 60
#: How far ahead to look for working time before deciding a calendar has none.
HORIZON_DAYS = 366 * 10


class CalendarError(ValueError):
    """The calendar cannot answer (no working time within the horizon, bad definition)."""


@dataclass(frozen=True)
class CalendarSpec:
    timezone: str = "UTC"
    #: weekday (0 = Monday) → sorted, non-overlapping (start_minute, end_minute) pairs
    hours: dict[int, tuple[tuple[int, int], ...]] = field(default_factory=dict)
    holidays: frozenset[date] = frozenset()

    def __post_init__(self):
        try:
            ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise CalendarError(f"Unknown timezone: {self.timezone!r}.") from exc
        for weekday, intervals in self.hours.items():
            if weekday not in range(7):
                raise CalendarError(f"Weekday must be 0 (Monday) to 6 (Sunday), not {weekday}.")
            previous_end = -1
            for start, end in intervals:
                if not (0 <= start < end <= MINUTES_PER_DAY):
                    raise CalendarError(f"Working interval {fmt_minute(start)}–{fmt_minute(end)} is not a "
                                        "forward interval within one day.")
                if start < previous_end:
                    raise CalendarError(f"Working intervals overlap on weekday {weekday}.")
                previous_end = end

    @property
    def is_24x7(self) -> bool:
        return not any(self.hours.values())

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @classmethod
    def build(cls, timezone: str, hours: Iterable[tuple[int, int, int]] = (),
              holidays: Iterable[date] = ()) -> CalendarSpec:
        """From (weekday, start_minute, end_minute) triples in any order."""
        per_day: dict[int, list[tuple[int, int]]] = {}
        for weekday, start, end in hours:
            per_day.setdefault(weekday, []).append((start, end))
        return cls(timezone=timezone, hours={d: tuple(sorted(v)) for d, v in per_day.items()},
                   holidays=frozenset(holidays))

    def to_json(self) -> dict:
        return {"timezone": self.timezone,
                "hours": [[d, s, e] for d in sorted(self.hours) for s, e in self.hours[d]],
                "holidays": sorted(h.isoformat() for h in self.holidays)}

    @classmethod
    def from_json(cls, data: dict) -> CalendarSpec:
        return cls.build(data["timezone"], [tuple(h) for h in data.get("hours", [])],
                         [date.fromisoformat(h) for h in data.get("holidays", [])])


def fmt_minute(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def parse_minute(text: str) -> int:
    """"09:30" → 570; "24:00" → 1440 (the end of the day)."""
    try:
        hours, minutes = text.split(":")
        value = int(hours) * 60 + int(minutes)
    except (ValueError, AttributeError) as exc:
        raise CalendarError(f"{text!r} is not a time like 09:00.") from exc
    if not (0 <= int(minutes) < 60 and 0 <= value <= MINUTES_PER_DAY):
        raise CalendarError(f"{text!r} is not a time between 00:00 and 24:00.")
    return value


def _to_utc(day: date, minute: int, tz: ZoneInfo) -> datetime:
    if minute == MINUTES_PER_DAY:  # "24:00" is the next day's midnight
        day, minute = day + timedelta(days=1), 0
    return datetime.combine(day, time(minute // 60, minute % 60), tzinfo=tz).astimezone(UTC)


def intervals_from(spec: CalendarSpec, start: datetime) -> Iterator[tuple[datetime, datetime]]:
    """Working intervals in UTC, in order, clipped to begin at or after ``start``."""
    if start.tzinfo is None:
        raise CalendarError("Instants must be timezone-aware.")
    start = start.astimezone(UTC)
    if spec.is_24x7:
        yield start, datetime.max.replace(tzinfo=UTC)
        return
    tz = spec.tz
    day = start.astimezone(tz).date() - timedelta(days=1)
    last_end = start
    idle_days = 0  # consecutive days without working time: the horizon is a gap, not a total span
    while idle_days < HORIZON_DAYS:
        idle_days += 1
        if day not in spec.holidays:
            for begin_minute, end_minute in spec.hours.get(day.weekday(), ()):
                begin = max(_to_utc(day, begin_minute, tz), last_end)
                end = _to_utc(day, end_minute, tz)
                if end > begin:
                    yield begin, end
                    last_end = end
                    idle_days = 0
        day += timedelta(days=1)
    raise CalendarError("The calendar has no working time in the next ten years.")


def add_business_time(spec: CalendarSpec, start: datetime, amount: timedelta) -> datetime:
    """The instant when ``amount`` of business time has passed since ``start``."""
    if amount < ZERO:
        raise CalendarError("Cannot add a negative amount of business time.")
    if amount == ZERO:
        return start.astimezone(UTC)
    if spec.is_24x7:
        return start.astimezone(UTC) + amount
    remaining = amount
    for begin, end in intervals_from(spec, start):
        length = end - begin
        if remaining <= length:
            return begin + remaining
        remaining -= length
    raise AssertionError("unreachable: intervals_from raises past its horizon")


def business_time_between(spec: CalendarSpec, start: datetime, end: datetime) -> timedelta:
    """Business time inside [start, end); zero when end is not after start."""
    if start.tzinfo is None or end.tzinfo is None:
        raise CalendarError("Instants must be timezone-aware.")
    # In UTC: two datetimes sharing a tzinfo compare and subtract by wall clock (PEP 495).
    start, end = start.astimezone(UTC), end.astimezone(UTC)
    if end <= start:
        return ZERO
    if spec.is_24x7:
        return end - start
    total = ZERO
    try:
        for begin, stop in intervals_from(spec, start):
            if begin >= end:
                break
            total += min(stop, end) - begin
    except CalendarError:
        pass  # no working time after start: what was counted is all there is
    return total


def add_business_minutes(spec: CalendarSpec, start: datetime, minutes: float) -> datetime:
    return add_business_time(spec, start, timedelta(minutes=minutes))


def business_minutes_between(spec: CalendarSpec, start: datetime, end: datetime) -> float:
    return business_time_between(spec, start, end) / timedelta(minutes=1)
