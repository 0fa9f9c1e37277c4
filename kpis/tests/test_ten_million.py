# ruff: noqa: F811 - the fixtures imported from factories are taken as test arguments
"""Issue 23 (a year of 10,000,000 calls): the coarse call tables (``CallQueueDaily``,
``CallAgentMonthly``) add up to the daily rows, the reads that use them give the figures the
daily rows give, and the figures are cached under the rollups' version (a rollup that writes
makes the next read see its rows)."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.db.models import Sum

from core.roles import Role
from kpis import formulas
from kpis.models import CallAgentMonthly, CallDaily, CallQueueDaily
from kpis.rollups import rollup_contact_center, rollup_window
from kpis.selectors import CallFilters, agent_call_sums, contact_center_kpis, per_agent

from .factories import CallFactory, D, at, contact_center, kpi_settings  # noqa: F401

pytestmark = pytest.mark.django_db
MARCH, APRIL, MAY = (datetime(2025, month, 1, tzinfo=UTC) for month in (3, 4, 5))


def _late_call(contact_center, day: datetime, agent_index: int = 1):
    queue_a = contact_center["queues"][0]
    return CallFactory(started_at=day + timedelta(hours=10), queue=queue_a, outcome="answered",
                       answered_at=day + timedelta(hours=10, seconds=4), wait_seconds=4, talk_seconds=90,
                       agent=contact_center["agents"][agent_index], service=contact_center["service"])


def test_the_coarse_tables_add_up_to_the_daily_rows(contact_center):
    _late_call(contact_center, datetime(2025, 3, 20, tzinfo=UTC))
    rollup_window(start=D, end=D + timedelta(days=1), now=D + timedelta(days=30))
    rollup_window(start=datetime(2025, 3, 20, tzinfo=UTC), end=datetime(2025, 3, 21, tzinfo=UTC),
                  now=D + timedelta(days=30))
    names = formulas.CALL_SUMS
    daily = CallDaily.objects.aggregate(**{name: Sum(name) for name in names})
    assert daily["answered"] == 6 and daily["offered"] == 8  # the fixture's 5 and 7, and the late call
    assert CallQueueDaily.objects.aggregate(**{name: Sum(name) for name in names}) == daily
    assert CallAgentMonthly.objects.aggregate(**{name: Sum(name) for name in names}) == daily
    assert set(CallAgentMonthly.objects.values_list("start", flat=True)) == {MARCH}
    # per queue and day: what CallDaily says once the agents are added up
    by_queue = {(row.start, row.queue_id): row.answered for row in CallQueueDaily.objects.all()}
    expected = {}
    for row in CallDaily.objects.all():
        expected[(row.start, row.queue_id)] = expected.get((row.start, row.queue_id), 0) + row.answered
    assert by_queue == expected
    # a day rolled up again replaces its rows, it does not add to them
    rollup_window(start=D, end=D + timedelta(days=1), now=D + timedelta(days=30))
    assert CallAgentMonthly.objects.aggregate(n=Sum("answered"))["n"] == 6
    assert CallQueueDaily.objects.aggregate(n=Sum("answered"))["n"] == 6


def test_per_agent_from_whole_months_and_edge_days_is_the_daily_sum(contact_center):
    x, y = contact_center["agents"]
    for day, agent_index in ((datetime(2025, 2, 27, tzinfo=UTC), 1), (datetime(2025, 3, 20, tzinfo=UTC), 0),
                             (datetime(2025, 4, 2, tzinfo=UTC), 1), (datetime(2025, 4, 30, tzinfo=UTC), 0)):
        _late_call(contact_center, day, agent_index=agent_index)
        rollup_window(start=day, end=day + timedelta(days=1), now=day + timedelta(days=1))
    rollup_window(start=D, end=D + timedelta(days=1), now=D + timedelta(days=2))
    start, end = datetime(2025, 2, 27, tzinfo=UTC), datetime(2025, 4, 3, tzinfo=UTC)  # Feb 27 – Apr 2
    # The monthly table is only right when it is used: make sure it is (March is whole).
    assert CallAgentMonthly.objects.filter(start=MARCH).exists()
    sums = agent_call_sums(start, end, CallFilters())
    for agent in (x, y):
        expected = CallDaily.objects.filter(start__gte=start, start__lt=end, agent_id=agent.pk).aggregate(
            **{name: Sum(name) for name in formulas.CALL_SUMS})
        assert {name: sums[agent.pk][name] for name in formulas.CALL_SUMS} == expected
    assert sums[x.pk]["answered"] == 3 + 1  # March 3 (three) and March 20; not April 30 (after the period)
    assert sums[y.pk]["answered"] == 2 + 1 + 1  # March 3 (two), Feb 27 and Apr 2 (the edge days)
    rows = {row["agent"]: row for row in per_agent(start, end, CallFilters())}
    assert rows[x.pk]["answered"] == 4 and rows[y.pk]["answered"] == 4
    # a team narrows it (the team holds X only); a queue filter reads the daily rows instead
    assert set(agent_call_sums(start, end, CallFilters(team=contact_center["team"].pk))) == {x.pk}
    queue_b = contact_center["queues"][1]
    assert {k: v["answered"] for k, v in agent_call_sums(start, end, CallFilters(queue=queue_b.pk)).items()
            if v["answered"]} == {y.pk: 1}


def test_totals_with_a_series_are_the_totals_without(contact_center):
    rollup_contact_center(start=D, end=D + timedelta(days=1), now=D + timedelta(days=2))
    for start, end in ((D, D + timedelta(days=1)), (at(0), at(30))):
        plain = contact_center_kpis(start=start, end=end)
        for interval in ("15m", "1h", "1d"):
            series = contact_center_kpis(start=start, end=end, interval=interval)
            assert {key: series[key] for key in plain} == plain
            assert sum(bucket["offered"] for bucket in series["series"]) == plain["offered"] == 7


def test_the_figures_follow_the_rollups_version(contact_center, django_assert_max_num_queries):
    rollup_contact_center(start=D, end=D + timedelta(days=1), now=D + timedelta(days=2))
    period = {"start": D, "end": D + timedelta(days=1)}
    assert contact_center_kpis(**period)["answered"] == 5
    with django_assert_max_num_queries(0):  # the same version: from the cache
        assert contact_center_kpis(**period)["answered"] == 5
    _late_call(contact_center, D)
    assert contact_center_kpis(**period)["answered"] == 5  # not rolled up yet
    rollup_contact_center(start=D, end=D + timedelta(days=1), now=D + timedelta(days=2))
    assert contact_center_kpis(**period)["answered"] == 6  # a new version: read again


def test_the_dashboard_reads_once_per_rollup_version(client, make_user, contact_center,
                                                     django_assert_max_num_queries):
    rollup_contact_center(start=D, end=D + timedelta(days=1), now=D + timedelta(days=2))
    client.force_login(make_user(Role.MANAGER, username="dash-ten-million"))
    period = {"start": "2025-03-03", "end": "2025-03-03", "interval": "1h"}
    with django_assert_max_num_queries(32) as cold:
        first = client.get("/dashboards/", period)
    with django_assert_max_num_queries(len(cold.captured_queries) - 8) as warm:
        second = client.get("/dashboards/", period)
    assert '<dd data-testid="offered">7</dd>' in second.content.decode()
    call_tables = ("kpis_callinterval", "kpis_calldaily", "kpis_callqueuedaily", "kpis_callagentmonthly",
                   "kpis_arrivalhour", "kpis_incidentdaily")
    assert not [q["sql"] for q in warm.captured_queries if any(table in q["sql"] for table in call_tables)]
    # every chart carries this response's nonce, not the one it was drawn with
    for response in (first, second):
        nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
        assert response.content.decode().count(f'nonce="{nonce}"') >= 3
        assert "kpi-nonce" not in response.content.decode()
    _late_call(contact_center, D)
    rollup_contact_center(start=D, end=D + timedelta(days=1), now=D + timedelta(days=2))
    assert '<dd data-testid="offered">8</dd>' in client.get("/dashboards/", period).content.decode()
