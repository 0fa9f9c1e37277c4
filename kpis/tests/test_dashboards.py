# ruff: noqa: F811 - the fixtures imported from factories are taken as test arguments
"""``/dashboards/``: managers only, every panel drawn, a query count that does not grow."""

from datetime import timedelta

import pytest

from core.roles import Role
from kpis.rollups import rollup_contact_center, rollup_itsm

from .factories import CallFactory, D, at, contact_center, itsm, kpi_settings  # noqa: F401

pytestmark = pytest.mark.django_db
PERIOD = {"start": "2025-03-03", "end": "2025-03-03", "interval": "1h"}


def rollup():
    rollup_contact_center(start=D, end=D + timedelta(days=1), now=D + timedelta(days=2))
    rollup_itsm(start=D - timedelta(days=10), end=D + timedelta(days=1), now=D + timedelta(days=2))


def test_only_managers(client, make_user):
    assert client.get("/dashboards/").status_code == 302  # to the login page
    client.force_login(make_user(Role.AGENT, username="dash-agent"))
    assert client.get("/dashboards/").status_code == 403
    client.force_login(make_user(Role.MANAGER, username="dash-manager"))
    assert client.get("/dashboards/").status_code == 200


def test_panels_and_drill_down(client, make_user, contact_center, itsm):
    rollup()
    client.force_login(make_user(Role.MANAGER, username="dash-manager"))
    page = client.get("/dashboards/", PERIOD).content.decode()
    for testid in ("volume-chart", "rate-chart", "heatmap", "queues", "agents", "sla-by-team", "major", "changes"):
        assert f'data-testid="{testid}"' in page
    assert '<dd data-testid="offered">7</dd>' in page
    assert '<dd data-testid="backlog">2</dd>' in page
    assert "<svg" in page and "kozea.github.io" not in page  # drawn here, no script from a CDN
    assert "/contact-center/calls/?outcome=abandoned&amp;started_after=" in page  # the call log page
    assert f"team={itsm['teams'][0].pk}&amp;breached=true" in page
    agent = contact_center["agents"][0]
    assert agent.get_full_name() in page and "agent-x" not in page  # agents by name, not username
    assert ">a<" in page  # the queue's name


def test_bad_period_falls_back_to_the_default(client, make_user):
    client.force_login(make_user(Role.MANAGER, username="dash-manager"))
    response = client.get("/dashboards/", {"start": "2025-03-04", "end": "2025-03-01", "interval": "1d"})
    assert response.status_code == 200
    assert "The end is before the start." in response.content.decode()


def test_query_count_does_not_grow_with_rows(client, make_user, contact_center, itsm,
                                              django_assert_max_num_queries):
    rollup()
    client.force_login(make_user(Role.MANAGER, username="dash-manager"))
    with django_assert_max_num_queries(32):  # 20, customers, ticket CSAT, opportunities, 4 knowledge, 5 providers
        assert client.get("/dashboards/", PERIOD).status_code == 200
    for minute in range(0, 900, 5):
        CallFactory(started_at=at(minute), outcome="answered", answered_at=at(minute), wait_seconds=2,
                    agent=contact_center["agents"][1])
    rollup()
    with django_assert_max_num_queries(32):  # 20, customers, ticket CSAT, opportunities, 4 knowledge, 5 providers
        assert client.get("/dashboards/", PERIOD).status_code == 200
