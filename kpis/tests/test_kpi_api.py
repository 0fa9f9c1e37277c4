# ruff: noqa: F811 - the fixtures imported from factories are taken as test arguments
"""``kpis/contact-center/`` and ``kpis/itsm/``: shapes, permissions, bad input, CSV, and a
query budget that does not grow with the rows behind the figures."""

import csv
import io
from datetime import timedelta

import pytest

from core.roles import Role
from kpis.rollups import rollup_contact_center, rollup_itsm

from .factories import T0, CallFactory, D, at, contact_center, itsm, kpi_settings  # noqa: F401

pytestmark = pytest.mark.django_db
CC = "/api/v1/kpis/contact-center/"
ITSM = "/api/v1/kpis/itsm/"
API_KEYS = {"offered", "answered", "abandoned", "abandonment_rate", "average_speed_of_answer_seconds",
            "service_level", "average_talk_seconds", "average_hold_seconds", "average_wrap_up_seconds",
            "average_handle_time_seconds", "transfer_rate", "first_contact_resolution_rate", "csat_percent",
            "csat_mean", "deflected"}
ITSM_KEYS = {"mtta_seconds", "mttr_seconds", "backlog", "sla_compliance", "reopen_rate", "major_incidents",
             "mtbf_seconds", "change_success_rate", "emergency_change_ratio"}


@pytest.fixture
def manager_api(api, make_user):
    return api.as_user(make_user(Role.MANAGER, username="mgr-kpi"))


@pytest.fixture
def rolled(contact_center, itsm):
    rollup_contact_center(start=D, end=D + timedelta(days=1), now=D + timedelta(days=2))
    rollup_itsm(start=D - timedelta(days=10), end=D + timedelta(days=1), now=D + timedelta(days=2))
    return contact_center


def test_contact_center_totals_and_series(manager_api, rolled):
    response = manager_api.get(CC, {"from": T0.isoformat(), "to": at(30).isoformat(), "interval": "15m"})
    assert response.status_code == 200, response.content
    body = response.json()
    assert API_KEYS <= set(body)
    assert body["offered"] == 7 and body["answered"] == 5
    assert [(row["start"], row["offered"]) for row in body["series"]] == [
        ("2025-03-03T09:00:00Z", 6), ("2025-03-03T09:15:00Z", 1)]
    assert API_KEYS <= set(body["series"][0])
    no_series = manager_api.get(CC, {"from": "2025-03-03", "to": "2025-03-04",
                                     "queue": rolled["queues"][1].pk}).json()
    assert "series" not in no_series and no_series["offered"] == 2


def test_itsm(manager_api, rolled):
    response = manager_api.get(ITSM, {"from": "2025-03-03", "to": "2025-03-04"})
    assert response.status_code == 200, response.content
    body = response.json()
    assert ITSM_KEYS <= set(body)
    assert body["mttr_seconds"] == 10800.0 and body["backlog"] == 2 and body["sla_compliance"] == 0.75
    assert body["by_priority"][0]["priority"] == 1


@pytest.mark.parametrize("url", [CC, ITSM])
def test_permissions(api, make_user, url):
    assert api.get(url).status_code == 401
    for role in (Role.AGENT, Role.REQUESTER, Role.CHANGE_MANAGER):
        response = api.as_user(make_user(role, username=f"kpi-{role}")).get(url)
        assert response.status_code == 403
        assert "manager" in response.json()["detail"]
    assert api.as_user(make_user(Role.ADMIN, username="kpi-admin")).get(url).status_code == 200


@pytest.mark.parametrize(("url", "params", "field"), [
    (CC, {"from": "yesterday"}, "from"),
    (CC, {"to": "2025-13-45"}, "to"),
    (CC, {"from": "2025-03-04", "to": "2025-03-03"}, "to"),
    (CC, {"interval": "5m"}, "interval"),
    (CC, {"from": "2020-01-01", "to": "2025-01-01", "interval": "15m"}, "interval"),
    (CC, {"queue": "abc"}, "queue"),
    (ITSM, {"from": "2025-03-03T25:00"}, "from"),
    (ITSM, {"team": "-1"}, "team"),
])
def test_bad_input_is_400_with_a_field_error(manager_api, url, params, field):
    response = manager_api.get(url, params)
    assert response.status_code == 400
    assert field in response.json()


def test_empty_period_is_zeros(manager_api, db):
    body = manager_api.get(CC, {"from": "2024-01-01", "to": "2024-01-02", "interval": "1h"}).json()
    assert body["offered"] == 0 and body["service_level"] is None and len(body["series"]) == 24
    itsm_body = manager_api.get(ITSM, {"from": "2024-01-01", "to": "2024-01-02"}).json()
    assert itsm_body["backlog"] == 0 and itsm_body["mttr_seconds"] is None


def test_csv_export(manager_api, rolled):
    response = manager_api.get(CC, {"from": T0.isoformat(), "to": at(30).isoformat(), "interval": "15m",
                                    "format": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "kpis-contact-center.csv" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [(row["start"], row["offered"], row["service_level"]) for row in rows] == [
        ("2025-03-03T09:00:00+00:00", "6", "0.5"), ("2025-03-03T09:15:00+00:00", "1", "1.0")]
    totals = list(csv.DictReader(io.StringIO(
        manager_api.get(ITSM, {"from": "2025-03-03", "to": "2025-03-04", "format": "csv"}).content.decode())))
    assert len(totals) == 1 and totals[0]["backlog"] == "2" and totals[0]["ageing_7_30d"] == "1"
    bad = manager_api.get(CC, {"interval": "5m", "format": "csv"})
    assert bad.status_code == 400 and b"interval" in bad.content


def test_query_count_does_not_grow_with_calls(manager_api, rolled, django_assert_max_num_queries):
    params = {"from": "2025-03-03", "to": "2025-03-04", "interval": "1h", "team": rolled["team"].pk}
    with django_assert_max_num_queries(6):
        assert manager_api.get(CC, params).status_code == 200
    for minute in range(0, 600, 7):
        CallFactory(started_at=at(minute), outcome="answered", answered_at=at(minute), wait_seconds=1)
    rollup_contact_center(start=D, end=D + timedelta(days=1), now=D + timedelta(days=2))
    with django_assert_max_num_queries(6):
        assert manager_api.get(CC, params).status_code == 200
    with django_assert_max_num_queries(7):  # 6, and the customers' figures (one read of the crm tables)
        assert manager_api.get(ITSM, {"from": "2025-03-01", "to": "2025-03-05"}).status_code == 200
