# ruff: noqa: F811 - the fixtures imported from factories are taken as test arguments
"""The rollups against the hand-built fixtures in ``factories.py``: every formula, the
idempotence of a recomputed window, late events, and the query budget."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from contactcenter.models import Call
from kpis import formulas
from kpis.models import AgentInterval, CallInterval, DeskDaily, IncidentDaily
from kpis.rollups import ceil_interval, floor_interval, rollup_contact_center, rollup_itsm, rollup_recent
from kpis.selectors import CallFilters, contact_center_kpis, itsm_kpis

from .factories import T0, CallFactory, D, at, contact_center, itsm, kpi_settings  # noqa: F401

pytestmark = pytest.mark.django_db
NOW = D + timedelta(days=2)


def snapshot(model) -> list[tuple]:
    fields = [f.name for f in model._meta.concrete_fields if not f.primary_key]
    return list(model.objects.order_by(*fields[:4]).values_list(*fields))


def rollup_day() -> None:
    rollup_contact_center(start=D, end=D + timedelta(days=1), now=NOW)


# --- contact center ---------------------------------------------------------------------------
def test_interval_helpers():
    assert floor_interval(at(7.5)) == T0
    assert ceil_interval(at(7.5)) == at(15)
    assert ceil_interval(T0) == T0


def test_every_contact_center_formula_for_one_interval(contact_center):
    rollup_day()
    figures = contact_center_kpis(start=T0, end=at(15))
    # offered: #1 #2 #3 #4 #5 #7 (#6 hung up within the grace, #8 never queued)
    assert figures["arrivals"] == 8
    assert figures["offered"] == 6
    assert figures["answered"] == 4
    assert figures["abandoned"] == 2  # #5 and #7 (5 s is not within a 5 s grace)
    assert figures["short_abandoned"] == 1
    assert figures["abandonment_rate"] == 0.3333  # 2 / 6
    assert figures["average_speed_of_answer_seconds"] == 21.0  # (10 + 20 + 25 + 29) / 4
    assert figures["service_level"] == 0.5  # #1, #2 within A's 20 s, #4 within B's 30 s: 3 / 6
    assert figures["average_talk_seconds"] == 250.0  # 1000 / 4
    assert figures["average_hold_seconds"] == 10.0  # 40 / 4
    assert figures["average_wrap_up_seconds"] == 40.0  # (20 + 40 + 60) / 3 (#3 still wrapping up)
    assert figures["average_handle_time_seconds"] == 300.0  # 250 + 10 + 40
    assert figures["transfer_rate"] == 0.25  # #3
    assert figures["first_contact_resolution_rate"] == 0.75  # #1 was called again (#10)
    assert figures["csat_percent"] == 0.6667  # 5 and 4 of 5, 4, 2
    assert figures["csat_mean"] == 3.67  # 11 / 3
    assert figures["deflected"] == 1
    # X: 300 s available + 300 busy + 120 wrap-up + 480 available → 480 + 300 + 120 = 900 logged in
    # (available 09:00–09:05 and 09:12–09:15); Y: 900 busy. (300 + 120 + 900) / 1800
    assert figures["occupancy"] == 0.7333
    assert figures["logged_in_hours"] == 0.5
    assert figures["cost_per_call"] == 3.75  # 30 × 0.5 h / 4
    assert figures["callbacks_done"] == 0  # both were completed later


def test_contact_center_over_half_an_hour_with_series(contact_center):
    rollup_day()
    figures = contact_center_kpis(start=at(-15), end=at(45), interval="15m")
    assert figures["offered"] == 7 and figures["answered"] == 5
    assert figures["average_speed_of_answer_seconds"] == 19.8  # (84 + 15) / 5
    assert figures["first_contact_resolution_rate"] == 0.8  # #2, #3, #4, #10 of 5
    assert figures["callbacks_done"] == 2
    assert figures["callback_time_seconds"] == 1200.0  # (1800 + 600) / 2
    starts = [bucket["start"] for bucket in figures["series"]]
    assert starts == [at(-15), T0, at(15), at(30)]
    early, first, second, third = figures["series"]
    assert early["offered"] == 0 and early["occupancy"] == 0.0  # X available 08:50–09:00 only
    assert early["average_speed_of_answer_seconds"] is None
    assert first["offered"] == 6 and second["answered"] == 1 and second["callbacks_done"] == 1
    assert third["callback_time_seconds"] == 1800.0
    hourly = contact_center_kpis(start=T0, end=at(60), interval="1h")
    assert [(b["start"], b["offered"]) for b in hourly["series"]] == [(T0, 7)]


def test_filters(contact_center):
    rollup_day()
    queue_a, queue_b = contact_center["queues"]
    x, y = contact_center["agents"]
    by_queue = contact_center_kpis(start=T0, end=at(15), filters=CallFilters(queue=queue_b.pk))
    assert (by_queue["offered"], by_queue["answered"], by_queue["service_level"]) == (2, 1, 0.5)
    assert by_queue["occupancy"] is None and by_queue["cost_per_call"] is None
    by_agent = contact_center_kpis(start=T0, end=at(15), filters=CallFilters(agent=x.pk))
    assert by_agent["answered"] == 2 and by_agent["occupancy"] == 0.4667  # (300 + 120) / 900
    by_team = contact_center_kpis(start=T0, end=at(15), filters=CallFilters(team=contact_center["team"].pk))
    assert by_team["answered"] == 2 and by_team["logged_in_hours"] == 0.25
    by_service = contact_center_kpis(start=T0, end=at(15), filters=CallFilters(service=contact_center["service"].pk))
    assert by_service["answered"] == 4


def test_rollup_is_idempotent(contact_center, itsm):
    rollup_day()
    rollup_itsm(start=D, end=D + timedelta(days=1), now=NOW)
    first = [snapshot(model) for model in (CallInterval, AgentInterval, IncidentDaily, DeskDaily)]
    rollup_day()
    rollup_itsm(start=D, end=D + timedelta(days=1), now=NOW)
    assert [snapshot(model) for model in (CallInterval, AgentInterval, IncidentDaily, DeskDaily)] == first
    assert all(first)


def test_a_late_event_corrects_its_interval(contact_center):
    late = CallFactory(started_at=at(9), queue=contact_center["queues"][0])  # still ringing
    rollup_day()
    assert contact_center_kpis(start=T0, end=at(15))["abandoned"] == 2
    # The status callback arrives an hour later: the caller had hung up after 60 s.
    Call.objects.filter(pk=late.pk).update(outcome="abandoned", wait_seconds=60)
    rollup_contact_center(start=at(60), end=at(75), now=NOW)  # another window: nothing changes here
    assert contact_center_kpis(start=T0, end=at(15))["abandoned"] == 2
    rollup_contact_center(start=at(10), end=at(11), now=NOW)  # widened to 09:00–09:15
    figures = contact_center_kpis(start=T0, end=at(15))
    assert (figures["offered"], figures["abandoned"]) == (7, 3)


def test_rows_vanish_when_their_source_does(contact_center):
    rollup_day()
    Call.objects.filter(started_at__gte=T0, started_at__lt=at(15)).delete()
    rollup_day()
    assert contact_center_kpis(start=T0, end=at(15))["arrivals"] == 0


def test_rollup_recent_picks_up_a_repeat_of_an_older_call(contact_center, settings):
    settings.KPI_ROLLUP_LOOKBACK_HOURS = 1
    rollup_day()
    first = contact_center["calls"][2]
    assert contact_center_kpis(start=T0, end=at(15))["first_contact_resolution_rate"] == 0.75
    # Two days later the caller of #2 calls again: #2 was not resolved at first contact.
    later = at(2 * 24 * 60)
    CallFactory(started_at=later, repeat_of=first)
    rollup_recent(now=later + timedelta(minutes=5))
    assert contact_center_kpis(start=T0, end=at(15))["first_contact_resolution_rate"] == 0.5
    assert contact_center_kpis(start=later, end=later + timedelta(minutes=15))["arrivals"] == 1


def test_contact_center_rollup_query_count_is_fixed(contact_center, django_assert_max_num_queries):
    with CaptureQueriesContext(connection) as small:
        rollup_day()
    for minute in range(40):
        CallFactory(started_at=at(minute * 10), outcome="answered", answered_at=at(minute * 10), wait_seconds=3,
                    talk_seconds=60)
    with django_assert_max_num_queries(len(small)):
        rollup_day()


# --- ITSM -------------------------------------------------------------------------------------
def test_every_itsm_formula_for_one_day(itsm):
    rollup_itsm(start=D - timedelta(days=10), end=D + timedelta(days=1), now=NOW)
    figures = itsm_kpis(start=D, end=D + timedelta(days=1), today=NOW)
    assert figures["mtta_seconds"] == 1200.0  # (600 + 1800 + 1200) / 3
    assert figures["mttr_seconds"] == 10800.0  # (7200 + 14400) / 2
    assert figures["reopen_rate"] == 0.5  # i2 of i1, i2
    assert figures["backlog"] == 2  # i3, i4
    assert figures["ageing"] == {"lt_1d": 1, "1_3d": 0, "3_7d": 0, "7_30d": 1, "gt_30d": 0}
    assert figures["sla_compliance"] == 0.75  # 3 met, 1 breached
    assert figures["major_incidents"] == 1
    assert figures["mtbf_seconds"] == 446400.0  # D−5d 04:00 → D 08:00 = 5 days 4 hours
    assert figures["change_success_rate"] == 0.6667  # 2 of 3 completed
    assert figures["emergency_change_ratio"] == 0.5  # 2 of 4 submitted
    assert figures["changes_causing_incidents"] == 1
    assert figures["problem_to_known_error_seconds"] == 172800.0
    assert figures["request_fulfilment_seconds"] == 5400.0
    assert figures["by_priority"] == [
        {"priority": 1, "acknowledged": 1, "resolved": 0, "mtta_seconds": 1200.0, "mttr_seconds": None},
        {"priority": 2, "acknowledged": 2, "resolved": 2, "mtta_seconds": 1200.0, "mttr_seconds": 10800.0}]


def test_itsm_filters_and_past_backlog(itsm):
    t1, t2 = itsm["teams"]
    rollup_itsm(start=D - timedelta(days=10), end=D + timedelta(days=1), now=NOW)
    team1 = itsm_kpis(start=D, end=D + timedelta(days=1), team=t1.pk, today=NOW)
    assert (team1["backlog"], team1["sla_compliance"], team1["major_incidents"]) == (0, 1.0, 1)
    team2 = itsm_kpis(start=D, end=D + timedelta(days=1), team=t2.pk, today=NOW)
    assert (team2["backlog"], team2["sla_compliance"], team2["mttr_seconds"]) == (2, 0.0, None)
    # At the end of D−1: i3 only (i4 came on D); i0 was resolved on D−5.
    before = itsm_kpis(start=D - timedelta(days=1), end=D, today=NOW)
    assert before["backlog"] == 1 and before["ageing"]["7_30d"] == 1


def test_empty_period_gives_zeros_and_nulls(db):
    figures = itsm_kpis(start=D, end=D + timedelta(days=1))
    assert figures["backlog"] == 0 and figures["mtta_seconds"] is None and figures["sla_compliance"] is None
    calls = contact_center_kpis(start=T0, end=at(15), interval="15m")
    assert calls["offered"] == 0 and calls["service_level"] is None and len(calls["series"]) == 1


def test_backfill_command(contact_center, itsm, capsys):
    call_command("rollup_kpis", "--from", "2025-03-03", "--to", "2025-03-04")
    assert "call intervals" in capsys.readouterr().out
    assert contact_center_kpis(start=T0, end=at(15))["offered"] == 6
    assert itsm_kpis(start=D, end=D + timedelta(days=1))["mttr_seconds"] == 10800.0


def test_backfill_command_refuses_a_bad_period(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="--to"):
        call_command("rollup_kpis", "--from", "2025-03-04", "--to", "2025-03-03")


def test_formulas_never_divide_by_zero():
    empty = formulas.contact_center_figures({}, {}, cost_per_agent_hour=30)
    assert empty["offered"] == 0 and empty["average_handle_time_seconds"] is None
    assert empty["cost_per_call"] is None and empty["occupancy"] is None
    assert formulas.itsm_figures({}, {}, {})["mtbf_seconds"] is None


def test_the_daily_tables_add_up_to_the_same_figures(contact_center):
    """A whole-day period reads the daily tables; a finer series reads the 15-minute ones:
    the figures are the same, and the beat task's repeat correction reaches both."""
    from kpis.models import AgentDaily, CallDaily

    def both() -> tuple[dict, dict]:
        day = contact_center_kpis(start=D, end=D + timedelta(days=1))
        fine = contact_center_kpis(start=D, end=D + timedelta(days=1), interval="1h")
        fine.pop("series"), fine.pop("interval")
        return day, fine

    rollup_day()
    day, fine = both()
    assert day == fine and day["answered"] > 0
    assert CallDaily.objects.filter(start=D).exists() and AgentDaily.objects.filter(start=D).exists()
    later = D + timedelta(days=2)
    CallFactory(started_at=later, repeat_of=Call.objects.filter(answered_at__isnull=False, repeats=None).first())
    rollup_recent(now=later + timedelta(minutes=5))
    after, after_fine = both()
    assert after == after_fine
    assert after["first_contact_resolution_rate"] < day["first_contact_resolution_rate"]


def test_the_heatmap_from_hourly_arrivals_matches_the_15_minute_rows(contact_center):
    from datetime import UTC

    from kpis.models import ArrivalHour
    from kpis.selectors import arrival_heatmap

    rollup_day()
    assert ArrivalHour.objects.exists()
    grid = arrival_heatmap(D, D + timedelta(days=1), CallFilters())
    expected = [[0] * 24 for _ in range(7)]
    for row in CallInterval.objects.all():
        moment = row.start.astimezone(UTC)
        expected[moment.isoweekday() - 1][moment.hour] += row.arrivals
    assert grid == expected and sum(map(sum, grid)) == Call.objects.filter(direction="inbound").count()
