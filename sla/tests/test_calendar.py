"""Business-time arithmetic in ``sla.calendar``: properties on random calendars, hand-computed
edge cases around DST, holidays and lunch breaks, and rejected definitions.

Pure Python, no database. Expected instants are always compared in UTC: aware datetimes in
an ambiguous or nonexistent local time never compare equal across zones (PEP 495), so every
local wall time below goes through :func:`at`, which converts it to UTC.
"""

import time as wallclock
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from sla.calendar import (
    MINUTES_PER_DAY,
    CalendarError,
    CalendarSpec,
    add_business_minutes,
    add_business_time,
    business_minutes_between,
    business_time_between,
    intervals_from,
    parse_minute,
)

H = timedelta(hours=1)
MIN = timedelta(minutes=1)
US = timedelta(microseconds=1)
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)


def at(timezone: str, y: int, m: int, d: int, hh: int = 0, mm: int = 0, fold: int = 0) -> datetime:
    """A local wall time in ``timezone``, as a UTC instant."""
    return datetime(y, m, d, hh, mm, fold=fold, tzinfo=ZoneInfo(timezone)).astimezone(UTC)


def weekdays(days, start: str, end: str) -> list[tuple[int, int, int]]:
    return [(d, parse_minute(start), parse_minute(end)) for d in days]


# --------------------------------------------------------------------------------------------
# Property-based tests
# --------------------------------------------------------------------------------------------

TIMEZONES = ["Europe/Athens", "Asia/Tehran", "America/Sao_Paulo", "UTC", "Europe/Lisbon", "America/New_York"]
FIRST, LAST = datetime(2015, 1, 1, tzinfo=UTC), datetime(2030, 12, 31, tzinfo=UTC)


def _transitions(timezone: str) -> list[datetime]:
    """UTC noon of each day in 2015–2030 whose UTC offset differs from the previous day's."""
    tz, out = ZoneInfo(timezone), []
    day, previous = FIRST, FIRST.astimezone(tz).utcoffset()
    while day < LAST:
        day += timedelta(days=1)
        offset = (day + 12 * H).astimezone(tz).utcoffset()
        if offset != previous:
            out.append(day + 12 * H)
            previous = offset
    return out


TRANSITIONS = {tz: _transitions(tz) for tz in TIMEZONES}
# Historical DST in Tehran (to 2022) and São Paulo (to 2019) switched at local midnight; Athens at
# 03:00/04:00, Lisbon at 01:00/02:00, New York at 02:00. Boundaries there are what breaks first.
INTERESTING_MINUTES = [0, 30, 60, 90, 120, 150, 180, 210, 240, 270, 540, 780, 840, 1380, 1410, 1439, 1440]
minutes = st.one_of(st.sampled_from(INTERESTING_MINUTES), st.integers(0, MINUTES_PER_DAY))
# The strategies the composites below draw from are built once, here: a strategy built afresh
# at every draw is validated afresh too (a sixth of this module's CPU). The same strategies,
# so the same examples.
_COUNTS = st.integers(0, 4)
_POINTS = [st.lists(minutes, min_size=2 * count, max_size=2 * count) for count in range(5)]
_START_MINUTE = st.integers(0, MINUTES_PER_DAY - 1)
_WEEKDAY = st.integers(0, 6)
_HOLIDAY_OFFSETS = st.lists(st.integers(-2, 45), max_size=10)
_KINDS = st.sampled_from(["uniform", "near-dst", "local-minute"])
_UNIFORM = st.datetimes(FIRST.replace(tzinfo=None), LAST.replace(tzinfo=None), timezones=st.just(UTC))
_NEAR = st.timedeltas(-3 * timedelta(days=1), 3 * timedelta(days=1))
_DAYS_AROUND = st.integers(-2, 2)
_LOCAL_MINUTE = st.sampled_from(INTERESTING_MINUTES[:-1]) | st.integers(0, MINUTES_PER_DAY - 1)
_FOLD = st.integers(0, 1)
_ZONES = st.sampled_from(TIMEZONES)


@st.composite
def day_intervals(draw) -> list[tuple[int, int]]:
    """0–4 sorted, non-overlapping intervals (they may touch, e.g. 09:00–13:00 + 13:00–18:00)."""
    count = draw(_COUNTS)
    points = sorted(draw(_POINTS[count]))
    pairs = [(points[i], points[i + 1]) for i in range(0, len(points), 2)]
    return [(start, end) for start, end in pairs if start < end]


@st.composite
def calendars(draw, timezone: str, near: datetime | None = None) -> CalendarSpec:
    """Random weekly intervals (some days empty, at least one working minute in the week) and,
    given an instant, random holidays within a few weeks of it."""
    week = [draw(_DAY_INTERVALS) for _ in range(7)]
    if not any(week):  # at least one working minute in the week
        start = draw(_START_MINUTE)
        end = draw(st.integers(start + 1, MINUTES_PER_DAY))
        week[draw(_WEEKDAY)] = [(start, end)]
    hours = [(d, s, e) for d, intervals in enumerate(week) for s, e in intervals]
    holidays = []
    if near is not None:  # holidays only matter close to the instants under test
        base = near.astimezone(ZoneInfo(timezone)).date()
        holidays = [base + timedelta(days=k) for k in draw(_HOLIDAY_OFFSETS)]
    return CalendarSpec.build(timezone, hours, holidays)


@st.composite
def instants(draw, timezone: str) -> datetime:
    """Aware instants in 2015–2030, biased to the days around this zone's DST changes and to
    exact local minutes (interval edges, nonexistent and repeated wall times)."""
    kind = draw(_KINDS)
    transitions = _TRANSITION_DAYS[timezone]
    if kind == "uniform":
        return draw(_UNIFORM)
    if kind == "near-dst":
        return draw(transitions) + draw(_NEAR)
    tz = ZoneInfo(timezone)
    day = draw(transitions).astimezone(tz).date() + timedelta(days=draw(_DAYS_AROUND))
    minute = draw(_LOCAL_MINUTE)
    local = datetime.combine(day, time(minute // 60, minute % 60), tzinfo=tz).replace(fold=draw(_FOLD))
    # Sometimes hand the instant over in local time, not UTC: the module must not care.
    return local if draw(st.booleans()) else local.astimezone(UTC)


_DAY_INTERVALS = day_intervals()
_TRANSITION_DAYS = {tz: st.sampled_from(TRANSITIONS[tz] or [datetime(2026, 3, 29, 12, tzinfo=UTC)]) for tz in TIMEZONES}
_INSTANTS = {tz: instants(tz) for tz in TIMEZONES}


def weekly_work(spec: CalendarSpec) -> timedelta:
    return sum(((end - start) * MIN for intervals in spec.hours.values() for start, end in intervals), timedelta())


@st.composite
def scenarios(draw, amounts: int = 1):
    """(spec, start, [amount, ...]); amounts of 0 to 30 days of business time, but never more
    than ~6 weeks' worth of this calendar's working time so sparse calendars stay fast."""
    timezone = draw(_ZONES)
    start = draw(_INSTANTS[timezone])
    spec = draw(calendars(timezone, near=start))
    ceiling = min(timedelta(days=30), 6 * weekly_work(spec))
    ceiling_us = ceiling // US
    ahead = []  # the business time from start to the end of each of the next working intervals
    for begin, end in intervals_from(spec, start):
        ahead.append((ahead[-1] if ahead else timedelta()) + (end - begin))
        if ahead[-1] >= ceiling or len(ahead) == 20:
            break
    amount = st.one_of(
        st.integers(0, ceiling_us).map(lambda us: us * US),  # microsecond resolution
        st.integers(0, ceiling // MIN).map(lambda m: m * MIN),  # whole minutes
        st.sampled_from(ahead),  # exactly up to some closing time
    )
    return spec, start, [draw(amount) for _ in range(amounts)]


def raw_working_intervals(spec: CalendarSpec, instant: datetime) -> list[tuple[datetime, datetime]]:
    """Independent oracle: each working interval on the local days around ``instant`` mapped to
    UTC the plain ``zoneinfo`` way (fold=0), before any clipping. Clipping only ever moves an
    interval's beginning later, so a working instant lies inside one of these."""
    tz = spec.tz
    local_day = instant.astimezone(tz).date()
    out = []
    for day in (local_day - timedelta(days=1), local_day, local_day + timedelta(days=1)):
        if day in spec.holidays:
            continue
        for start, end in spec.hours.get(day.weekday(), ()):
            begin = datetime.combine(day, time(start // 60, start % 60), tzinfo=tz)
            stop = (datetime.combine(day, time(end // 60, end % 60), tzinfo=tz) if end < MINUTES_PER_DAY
                    else datetime.combine(day + timedelta(days=1), time(0), tzinfo=tz))
            out.append((begin.astimezone(UTC), stop.astimezone(UTC)))
    return out


PROPERTY = settings(deadline=None, max_examples=200, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(scenarios())
def test_round_trip(scenario):
    spec, start, (amount,) = scenario
    end = add_business_time(spec, start, amount)
    assert end.tzinfo is not None
    assert end >= start
    assert business_time_between(spec, start, end) == amount


@PROPERTY
@given(scenarios(amounts=2))
def test_additive(scenario):
    spec, start, (a, b) = scenario
    assert add_business_time(spec, add_business_time(spec, start, a), b) == add_business_time(spec, start, a + b)


@PROPERTY
@given(scenarios(amounts=2))
def test_monotonic(scenario):
    spec, start, amounts = scenario
    small, large = sorted(amounts)
    assert add_business_time(spec, start, small) <= add_business_time(spec, start, large)


@PROPERTY
@given(scenarios())
def test_result_is_working_time(scenario):
    """For amount > 0 the result lies within, or at the end of, a working interval: the last
    microsecond before it was business time, and the raw (unclipped) intervals contain it."""
    spec, start, (amount,) = scenario
    end = add_business_time(spec, start, amount)
    if amount == timedelta():
        event("zero amount")
        assert end == start.astimezone(UTC)  # (a local start in a DST fold never == a UTC instant)
        return
    assert end > start
    assert business_time_between(spec, end - US, end) == US
    event("ends at an interval's end" if business_time_between(spec, end, end + US) == timedelta()
          else "ends inside an interval")
    assert any(begin < end <= stop for begin, stop in raw_working_intervals(spec, end)), (
        end.astimezone(spec.tz), spec)


@PROPERTY
@given(scenarios(), st.timedeltas(timedelta(), timedelta(days=400)))
def test_between_backwards_is_zero(scenario, back):
    spec, start, _ = scenario
    # Backwards in absolute time: Python subtracts from an aware local datetime on the wall
    # clock, so ``start - timedelta(0)`` of a wall time in a DST gap with fold=1 (Lisbon,
    # 2015-03-29 01:00) is an hour *later* than ``start``.
    end = start.astimezone(UTC) - back
    assert business_time_between(spec, start, end) == timedelta()
    assert business_minutes_between(spec, start, end) == 0


long_span = st.one_of(
    st.timedeltas(timedelta(), timedelta(days=60)),
    st.timedeltas(timedelta(), timedelta(days=366 * 12)),  # past the ten-year search horizon
)


@settings(PROPERTY, max_examples=150)
@given(scenarios(), long_span, long_span)
def test_between_additive_over_split(scenario, first, second):
    spec, a, _ = scenario
    # Real-time offsets (in UTC), handed over in the calendar's zone like a caller would.
    b = (a.astimezone(UTC) + first).astimezone(spec.tz)
    c = (a.astimezone(UTC) + first + second).astimezone(spec.tz)
    whole = business_time_between(spec, a, c)
    event("span over ten years" if first + second > timedelta(days=3660) else "shorter span")
    assert whole == business_time_between(spec, a, b) + business_time_between(spec, b, c)
    assert timedelta() <= whole <= first + second


@PROPERTY
@given(st.sampled_from(TIMEZONES).flatmap(lambda tz: st.tuples(st.just(tz), instants(tz), instants(tz))),
       st.timedeltas(timedelta(), timedelta(days=3000)))
def test_24x7_is_plain_subtraction(zone_and_instants, amount):
    timezone, start, end = zone_and_instants
    spec = CalendarSpec.build(timezone)
    assert spec.is_24x7
    # Subtract and add in UTC: aware datetimes sharing a tzinfo do wall-clock arithmetic.
    start_utc, end_utc = start.astimezone(UTC), end.astimezone(UTC)
    assert add_business_time(spec, start, amount) == start_utc + amount
    assert business_time_between(spec, start, end) == max(end_utc - start_utc, timedelta())
    assert business_time_between(spec, start, start_utc + amount) == amount


@PROPERTY
@given(st.sampled_from(TIMEZONES).flatmap(lambda tz: st.tuples(st.just(tz), instants(tz))), st.data())
def test_local_day_is_nominal_hours_give_or_take_the_dst_shift(zone_and_instant, data):
    """Independent check of the local→UTC layout: a whole local day holds exactly its nominal
    working time, except on a DST day: up to the shift less on a 23-hour day (working minutes in
    the gap, or across it, did not happen), up to the shift more on a 25-hour day."""
    timezone, instant = zone_and_instant
    spec = data.draw(calendars(timezone, near=instant))
    tz = spec.tz
    day = instant.astimezone(tz).date()
    begin = datetime.combine(day, time(0), tzinfo=tz).astimezone(UTC)
    end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=tz).astimezone(UTC)
    nominal = timedelta() if day in spec.holidays else sum(
        ((e - s) * MIN for s, e in spec.hours.get(day.weekday(), ())), timedelta())
    measured = business_time_between(spec, begin, end)
    shift = (end - begin) - timedelta(days=1)
    event(f"day length shift {shift}")
    if shift == timedelta():
        assert measured == nominal
    elif shift < timedelta():
        assert nominal + shift <= measured <= nominal
    else:
        assert nominal <= measured <= nominal + shift


@PROPERTY
@given(scenarios())
def test_intervals_are_ordered_disjoint_and_after_start(scenario):
    spec, start, _ = scenario
    previous_end = start
    for count, (begin, end) in enumerate(intervals_from(spec, start)):
        assert previous_end <= begin < end
        previous_end = end
        if count == 30:
            break


# --------------------------------------------------------------------------------------------
# Hand-computed edge cases
# --------------------------------------------------------------------------------------------

ATHENS = "Europe/Athens"
# Mon–Fri 09:00–17:00. Greece: EET (UTC+2) in winter, EEST (UTC+3) in summer; in 2026 the clocks go
# 03:00→04:00 on Sunday 29 March and 04:00→03:00 on Sunday 25 October.
ATHENS_OFFICE = CalendarSpec.build(ATHENS, weekdays(range(MON, SAT), "09:00", "17:00"))


def test_athens_weekend_before_spring_forward():
    # Fri 27 March 16:00 EET: 1 h left on Friday (to 17:00), the weekend (with the DST change)
    # is skipped, 1 h more from Mon 30 March 09:00 EEST → 10:00 EEST = 07:00 UTC.
    start = at(ATHENS, 2026, 3, 27, 16)
    end = add_business_time(ATHENS_OFFICE, start, 2 * H)
    assert end == at(ATHENS, 2026, 3, 30, 10) == datetime(2026, 3, 30, 7, tzinfo=UTC)
    assert business_time_between(ATHENS_OFFICE, start, end) == 2 * H
    # Real time between them is 66 h - 1 h (the lost hour) = 65 h, none of it working but those 2 h.
    assert end - start == 65 * H


def test_athens_weekend_before_fall_back():
    # Fri 23 Oct 16:00 EEST → 1 h on Friday, Mon 26 Oct 09:00 EET + 1 h = 10:00 EET = 08:00 UTC.
    start = at(ATHENS, 2026, 10, 23, 16)
    end = add_business_time(ATHENS_OFFICE, start, 2 * H)
    assert end == at(ATHENS, 2026, 10, 26, 10) == datetime(2026, 10, 26, 8, tzinfo=UTC)
    assert end - start == 67 * H  # 66 h of wall clock + the repeated hour


ATHENS_NIGHT_SUNDAY = CalendarSpec.build(ATHENS, weekdays([SUN], "00:00", "06:00"))


def test_athens_night_shift_on_spring_forward_day_is_five_hours():
    # Sun 29 March 2026, 00:00 EET = Sat 22:00 UTC; 06:00 EEST = 03:00 UTC: 5 real hours.
    saturday, monday = at(ATHENS, 2026, 3, 28, 12), at(ATHENS, 2026, 3, 30, 12)
    assert business_time_between(ATHENS_NIGHT_SUNDAY, saturday, monday) == 5 * H
    # 4 h after midnight is 02:00 UTC = 05:00 EEST on the wall (03:00–04:00 never happened).
    assert add_business_time(ATHENS_NIGHT_SUNDAY, at(ATHENS, 2026, 3, 29), 4 * H) == at(ATHENS, 2026, 3, 29, 5)
    # The full 5 h ends at closing time, 06:00 EEST, not a week later.
    assert add_business_time(ATHENS_NIGHT_SUNDAY, saturday, 5 * H) == datetime(2026, 3, 29, 3, tzinfo=UTC)
    # A week later (no DST change) the same shift is 6 hours.
    assert business_time_between(ATHENS_NIGHT_SUNDAY, at(ATHENS, 2026, 4, 4), at(ATHENS, 2026, 4, 6)) == 6 * H


def test_athens_night_shift_on_fall_back_day_is_seven_hours():
    # Sun 25 Oct 2026, 00:00 EEST = Sat 21:00 UTC; 06:00 EET = 04:00 UTC: 7 real hours.
    saturday, monday = at(ATHENS, 2026, 10, 24, 12), at(ATHENS, 2026, 10, 26, 12)
    assert business_time_between(ATHENS_NIGHT_SUNDAY, saturday, monday) == 7 * H
    # 4 h after midnight is 01:00 UTC: the *second* 03:00 on the wall (EET, fold=1).
    end = add_business_time(ATHENS_NIGHT_SUNDAY, at(ATHENS, 2026, 10, 25), 4 * H)
    assert end == datetime(2026, 10, 25, 1, tzinfo=UTC) == at(ATHENS, 2026, 10, 25, 3, fold=1)
    assert end != at(ATHENS, 2026, 10, 25, 3, fold=0)  # the first 03:00 was 00:00 UTC
    assert add_business_time(ATHENS_NIGHT_SUNDAY, saturday, 7 * H) == datetime(2026, 10, 25, 4, tzinfo=UTC)


TEHRAN = "Asia/Tehran"
# Iran works Saturday to Wednesday, weekend Thursday–Friday; no DST since 2022 (UTC+03:30).
# Nowruz 1405: Fri 20 March to Tue 24 March 2026 as holidays.
NOWRUZ = [date(2026, 3, 20) + timedelta(days=k) for k in range(5)]
TEHRAN_OFFICE = CalendarSpec.build(TEHRAN, weekdays([SAT, SUN, MON, TUE, WED], "08:00", "16:00"), NOWRUZ)


def test_tehran_nowruz_is_skipped():
    # Wed 18 March 14:00: 2 h to closing; Thu–Fri weekend, Sat 21–Tue 24 Nowruz; Wed 25 March
    # 08:00 + 2 h = 10:00 (+03:30) = 06:30 UTC.
    start = at(TEHRAN, 2026, 3, 18, 14)
    end = add_business_time(TEHRAN_OFFICE, start, 4 * H)
    assert end == at(TEHRAN, 2026, 3, 25, 10) == datetime(2026, 3, 25, 6, 30, tzinfo=UTC)
    assert business_time_between(TEHRAN_OFFICE, start, end) == 4 * H
    # Anything started during the weekend or Nowruz counts from Wednesday 08:00.
    assert add_business_time(TEHRAN_OFFICE, at(TEHRAN, 2026, 3, 19, 11), H) == at(TEHRAN, 2026, 3, 25, 9)
    assert add_business_time(TEHRAN_OFFICE, at(TEHRAN, 2026, 3, 22, 9), H) == at(TEHRAN, 2026, 3, 25, 9)
    assert business_time_between(TEHRAN_OFFICE, at(TEHRAN, 2026, 3, 19), at(TEHRAN, 2026, 3, 25)) == timedelta()
    # Without the holidays Saturday 21 March would be a working day.
    plain = CalendarSpec.build(TEHRAN, weekdays([SAT, SUN, MON, TUE, WED], "08:00", "16:00"))
    assert add_business_time(plain, start, 4 * H) == at(TEHRAN, 2026, 3, 21, 10)


def test_tehran_historical_dst_at_midnight():
    # Thu 22 March 2018: 00:00 (+03:30) jumped to 01:00 (+04:30); 24:00 on Fri 21 Sept 2018 went
    # back to 23:00. A Thu/Fri 00:00–24:00 calendar: the spring day has 23 h, the autumn day 25 h.
    spec = CalendarSpec.build(TEHRAN, weekdays([THU], "00:00", "24:00") + weekdays([FRI], "00:00", "24:00"))
    assert business_time_between(spec, at(TEHRAN, 2018, 3, 21, 12), at(TEHRAN, 2018, 3, 23)) == 23 * H
    assert business_time_between(spec, at(TEHRAN, 2018, 3, 22), at(TEHRAN, 2018, 3, 24)) == 47 * H
    assert business_time_between(spec, at(TEHRAN, 2018, 9, 21), at(TEHRAN, 2018, 9, 22)) == 25 * H
    # Wed 21 March 23:30 (+03:30 = 20:00 UTC) + 1 h of Thursday: Thursday starts at the
    # nonexistent midnight, mapped with fold=0 to 20:30 UTC (01:00 +04:30); +1 h → 02:00 +04:30.
    assert add_business_time(spec, at(TEHRAN, 2018, 3, 21, 23, 30), H) == datetime(2018, 3, 21, 21, 30, tzinfo=UTC)


SAO_PAULO = "America/Sao_Paulo"


def test_sao_paulo_day_after_midnight_spring_forward():
    # Sun 4 Nov 2018: 00:00 (-03) jumped to 01:00 (-02). 08:00–18:00 every day is untouched:
    # Sat 17:00 -03 + 2 h = 1 h to 18:00 -03, then Sun 08:00 -02 (10:00 UTC) + 1 h = 11:00 UTC.
    spec = CalendarSpec.build(SAO_PAULO, weekdays(range(7), "08:00", "18:00"))
    end = add_business_time(spec, at(SAO_PAULO, 2018, 11, 3, 17), 2 * H)
    assert end == at(SAO_PAULO, 2018, 11, 4, 9) == datetime(2018, 11, 4, 11, tzinfo=UTC)
    assert business_time_between(spec, at(SAO_PAULO, 2018, 11, 4), at(SAO_PAULO, 2018, 11, 5)) == 10 * H


def test_sao_paulo_shift_starting_at_nonexistent_midnight():
    # Sat 20:00–24:00 and Sun 00:00–06:00. Sat 20:00 -03 = 23:00 UTC. "24:00" Saturday and
    # "00:00" Sunday are both the nonexistent midnight → fold=0 → -03 → 03:00 UTC (01:00 -02 on
    # the wall). Sun 06:00 -02 = 08:00 UTC. So Saturday holds 4 h, Sunday 5 h, back to back.
    spec = CalendarSpec.build(SAO_PAULO, weekdays([SAT], "20:00", "24:00") + weekdays([SUN], "00:00", "06:00"))
    saturday = at(SAO_PAULO, 2018, 11, 3, 20)
    assert business_time_between(spec, saturday, at(SAO_PAULO, 2018, 11, 4, 6)) == 9 * H
    assert add_business_time(spec, saturday, 4 * H) == datetime(2018, 11, 4, 3, tzinfo=UTC)
    assert add_business_time(spec, saturday, 4 * H + MIN) == datetime(2018, 11, 4, 3, 1, tzinfo=UTC)
    # From Sunday's own start: 1 h after the (mapped) midnight is 02:00 -02 on the wall.
    assert add_business_time(spec, at(SAO_PAULO, 2018, 11, 4), H) == at(SAO_PAULO, 2018, 11, 4, 2)
    assert business_time_between(spec, at(SAO_PAULO, 2018, 11, 4), at(SAO_PAULO, 2018, 11, 5)) == 5 * H


def test_sao_paulo_midnight_fall_back_repeats_saturday_night():
    # Sun 17 Feb 2019 00:00 (-02) went back to Sat 23:00 (-03): Sat 22:00–24:00 is 3 real hours
    # (22:00 -02 = 00:00 UTC to Sun 00:00 -03 = 03:00 UTC).
    spec = CalendarSpec.build(SAO_PAULO, weekdays([SAT], "22:00", "24:00"))
    assert business_time_between(spec, at(SAO_PAULO, 2019, 2, 16), at(SAO_PAULO, 2019, 2, 18)) == 3 * H
    assert add_business_time(spec, at(SAO_PAULO, 2019, 2, 16), 150 * MIN) == at(SAO_PAULO, 2019, 2, 16, 23, 30,
                                                                              fold=1)


LISBON = "Europe/Lisbon"


def test_holiday_on_friday_before_weekend():
    # Good Friday 3 April 2026 is a holiday (Lisbon, WEST = UTC+1). Thu 2 April 16:00 + 2 h:
    # 1 h to 17:00 Thursday, then Mon 6 April 09:00 + 1 h = 10:00.
    spec = CalendarSpec.build(LISBON, weekdays(range(MON, SAT), "09:00", "17:00"), [date(2026, 4, 3)])
    assert add_business_time(spec, at(LISBON, 2026, 4, 2, 16), 2 * H) == at(LISBON, 2026, 4, 6, 10)
    assert add_business_time(spec, at(LISBON, 2026, 4, 3, 10), H) == at(LISBON, 2026, 4, 6, 10)
    assert business_time_between(spec, at(LISBON, 2026, 4, 2, 17), at(LISBON, 2026, 4, 6, 9)) == timedelta()
    assert business_minutes_between(spec, at(LISBON, 2026, 4, 2, 16), at(LISBON, 2026, 4, 6, 10)) == 120


NEW_YORK = "America/New_York"
# Mon–Fri 09:00–13:00 and 14:00–18:00 (lunch 13:00–14:00). Mon 1 June 2026, EDT.
LUNCH = CalendarSpec.build(NEW_YORK, weekdays(range(MON, SAT), "09:00", "13:00")
                           + weekdays(range(MON, SAT), "14:00", "18:00"))


def test_lunch_break_is_skipped():
    # 12:30 + 1 h: 30 min to 13:00, lunch, 30 min from 14:00 → 14:30.
    assert add_business_time(LUNCH, at(NEW_YORK, 2026, 6, 1, 12, 30), H) == at(NEW_YORK, 2026, 6, 1, 14, 30)
    # Exactly the 30 min left before lunch ends at 13:00, not at 14:00.
    assert add_business_minutes(LUNCH, at(NEW_YORK, 2026, 6, 1, 12, 30), 30) == at(NEW_YORK, 2026, 6, 1, 13)
    # Starting during lunch counts from 14:00.
    assert add_business_time(LUNCH, at(NEW_YORK, 2026, 6, 1, 13, 15), MIN) == at(NEW_YORK, 2026, 6, 1, 14, 1)
    assert business_time_between(LUNCH, at(NEW_YORK, 2026, 6, 1, 9), at(NEW_YORK, 2026, 6, 2, 9)) == 8 * H


def test_start_on_saturday_counts_from_monday():
    start = at(NEW_YORK, 2026, 6, 6, 11)  # Saturday
    assert add_business_time(LUNCH, start, H) == at(NEW_YORK, 2026, 6, 8, 10)
    assert business_time_between(LUNCH, start, at(NEW_YORK, 2026, 6, 8, 9)) == timedelta()


def test_amount_equal_to_rest_of_day_ends_at_closing_time():
    monday_15 = at(NEW_YORK, 2026, 6, 1, 15)
    assert add_business_time(LUNCH, monday_15, 3 * H) == at(NEW_YORK, 2026, 6, 1, 18)
    # One microsecond more spills over to the next morning.
    assert add_business_time(LUNCH, monday_15, 3 * H + US) == at(NEW_YORK, 2026, 6, 2, 9) + US
    # Friday closing time is Friday 18:00, not Monday 09:00.
    assert add_business_time(LUNCH, at(NEW_YORK, 2026, 6, 5, 17), H) == at(NEW_YORK, 2026, 6, 5, 18)


def test_zero_amount_is_the_start_even_outside_working_hours():
    saturday = at(NEW_YORK, 2026, 6, 6, 11)
    assert add_business_time(LUNCH, saturday, timedelta()) == saturday


def test_parse_minute_and_end_of_day():
    assert parse_minute("00:00") == 0
    assert parse_minute("09:30") == 570
    assert parse_minute("24:00") == MINUTES_PER_DAY
    # Mon 18:00–24:00 and Tue 00:00–06:00 form one continuous night shift (UTC).
    spec = CalendarSpec.build("UTC", weekdays([MON], "18:00", "24:00") + weekdays([TUE], "00:00", "06:00"))
    assert add_business_time(spec, at("UTC", 2026, 6, 1, 18), 6 * H) == at("UTC", 2026, 6, 2, 0)
    assert add_business_time(spec, at("UTC", 2026, 6, 1, 23), 2 * H) == at("UTC", 2026, 6, 2, 1)
    assert business_time_between(spec, at("UTC", 2026, 6, 1), at("UTC", 2026, 6, 3)) == 12 * H


@pytest.mark.parametrize("text", ["24:01", "25:00", "12:60", "-1:00", "9", "nine:30", "", "9:30:00"])
def test_parse_minute_rejects(text):
    with pytest.raises(CalendarError):
        parse_minute(text)


def test_long_spans_are_not_cut_at_the_search_horizon():
    # Regression: the ten-year horizon is for "no working time at all", not a cap on spans.
    # Mon–Fri 09:00–17:00 UTC; 2015-01-05 (a Monday) to 2027-01-04 (a Monday) is 626 weeks.
    spec = CalendarSpec.build("UTC", weekdays(range(MON, SAT), "09:00", "17:00"))
    start, end = at("UTC", 2015, 1, 5), at("UTC", 2027, 1, 4)
    assert (end - start).days == 626 * 7
    assert business_time_between(spec, start, end) == 626 * 40 * H
    # ... and those 626 weeks of work end on the Friday of the last week, at 17:00.
    assert add_business_time(spec, start, 626 * 40 * H) == at("UTC", 2027, 1, 1, 17)


def test_between_local_instants_in_the_repeated_hour():
    # Regression: two datetimes sharing a tzinfo compare and subtract by wall clock. 03:30 (first,
    # EEST, 00:30 UTC) to 03:10 (second, EET, 01:10 UTC) on Sun 25 Oct 2026 is 40 real minutes.
    first = datetime(2026, 10, 25, 3, 30, fold=0, tzinfo=ZoneInfo(ATHENS))
    second = datetime(2026, 10, 25, 3, 10, fold=1, tzinfo=ZoneInfo(ATHENS))
    assert business_time_between(ATHENS_NIGHT_SUNDAY, first, second) == 40 * MIN
    assert business_time_between(ATHENS_NIGHT_SUNDAY, second, first) == timedelta()
    # 24×7: Sun 29 March 2026 00:00 to Mon 00:00 in Athens is 23 real hours, not 24.
    always = CalendarSpec.build(ATHENS)
    sunday, monday = (datetime(2026, 3, d, tzinfo=ZoneInfo(ATHENS)) for d in (29, 30))
    assert business_time_between(always, sunday, monday) == 23 * H


def test_json_round_trip():
    assert CalendarSpec.from_json(TEHRAN_OFFICE.to_json()) == TEHRAN_OFFICE
    assert CalendarSpec.from_json(LUNCH.to_json()) == LUNCH


# --------------------------------------------------------------------------------------------
# Bad input
# --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("timezone", ["Mars/Olympus_Mons", "", "../etc/passwd", "Europe/"])
def test_unknown_timezone(timezone):
    with pytest.raises(CalendarError):
        CalendarSpec.build(timezone)


@pytest.mark.parametrize("interval", [(MON, 600, 540), (MON, 540, 540), (MON, -1, 60), (MON, 0, 1441)])
def test_inverted_or_out_of_day_interval(interval):
    with pytest.raises(CalendarError):
        CalendarSpec.build("UTC", [interval])


def test_overlapping_intervals_on_one_weekday():
    with pytest.raises(CalendarError):
        CalendarSpec.build("UTC", [(MON, 540, 720), (MON, 700, 800)])
    with pytest.raises(CalendarError):  # contained
        CalendarSpec.build("UTC", [(TUE, 540, 1020), (TUE, 600, 660)])
    # Touching is fine, and the same interval on different days is no overlap.
    CalendarSpec.build("UTC", [(MON, 540, 720), (MON, 720, 800), (TUE, 540, 720)])


@pytest.mark.parametrize("weekday", [7, -1])
def test_weekday_out_of_range(weekday):
    with pytest.raises(CalendarError):
        CalendarSpec.build("UTC", [(weekday, 540, 1020)])


def test_negative_amount():
    start = at(NEW_YORK, 2026, 6, 1, 10)
    with pytest.raises(CalendarError):
        add_business_time(LUNCH, start, -US)
    with pytest.raises(CalendarError):
        add_business_minutes(LUNCH, start, -5)
    with pytest.raises(CalendarError):
        add_business_time(CalendarSpec.build("UTC"), start, -H)


def test_naive_instant():
    naive = datetime(2026, 6, 1, 10)  # noqa: DTZ001 (naive on purpose)
    with pytest.raises(CalendarError):
        add_business_time(LUNCH, naive, H)
    with pytest.raises(CalendarError):
        business_time_between(LUNCH, naive, naive + H)


def test_calendar_with_no_working_time_raises_promptly():
    # Only Mondays work, and every Monday from 2020 to 2045 is a holiday.
    mondays = [date(2020, 1, 6) + timedelta(weeks=k) for k in range(52 * 26)]
    spec = CalendarSpec.build("UTC", weekdays([MON], "09:00", "17:00"), mondays)
    start = at("UTC", 2026, 6, 1, 10)
    began = wallclock.perf_counter()
    with pytest.raises(CalendarError):
        add_business_time(spec, start, MIN)
    assert wallclock.perf_counter() - began < 2
    began = wallclock.perf_counter()
    assert business_time_between(spec, start, start + timedelta(days=365)) == timedelta()
    assert wallclock.perf_counter() - began < 2
