"""kpis/itsm/'s customers' figures (API.md "Customers"): CSAT of the survey answers in the
period, complaints received, their mean time to a response; one query for the four."""

from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalog.tests.factories import TeamFactory
from core.roles import Role
from crm.tests.factories_complaint import ComplaintFactory, SurveyFactory
from kpis.selectors import customer_kpis, itsm_kpis

pytestmark = pytest.mark.django_db

D = datetime(2025, 3, 3, tzinfo=UTC)
DAY = {"from": "2025-03-03", "to": "2025-03-04"}


@pytest.fixture
def figures():
    team = TeamFactory()
    for score, hour in ((5, 1), (4, 2), (1, 3)):
        SurveyFactory(score=score, answered_at=D + timedelta(hours=hour), team=team)
    SurveyFactory(score=1, answered_at=D - timedelta(hours=1))  # the day before
    SurveyFactory()  # not answered
    ComplaintFactory(created_at=D + timedelta(hours=1), responded_at=D + timedelta(hours=3), team=team)
    ComplaintFactory(created_at=D - timedelta(days=1), responded_at=D + timedelta(hours=4))  # received before
    ComplaintFactory(created_at=D + timedelta(hours=5))  # not answered yet
    ComplaintFactory(created_at=D + timedelta(hours=5), kind="compliment")
    return team


def test_the_figures_of_the_day(figures):
    with CaptureQueriesContext(connection) as queries:
        got = customer_kpis(start=D, end=D + timedelta(days=1))
    assert len(queries) == 1
    assert got == {"csat_mean": 3.33, "csat_responses": 3, "complaints": 2,
                   "complaint_response_seconds": (2 * 3600 + 28 * 3600) / 2, "kb_deflections": 0}
    narrowed = customer_kpis(start=D, end=D + timedelta(days=1), team=figures.pk)
    assert narrowed == {"csat_mean": 3.33, "csat_responses": 3, "complaints": 1,
                        "complaint_response_seconds": 7200.0, "kb_deflections": 0}


def test_nothing_answered_is_null_not_zero():
    got = customer_kpis(start=D, end=D + timedelta(days=1))
    assert got == {"csat_mean": None, "csat_responses": 0, "complaints": 0, "complaint_response_seconds": None,
                   "kb_deflections": 0}


def test_the_api_answers_them(api, make_user, figures):
    body = api.as_user(make_user(Role.MANAGER, username="mgr-csat")).get("/api/v1/kpis/itsm/", DAY).json()
    assert (body["csat_mean"], body["csat_responses"], body["complaints"], body["kb_deflections"]) == (3.33, 3, 2, 0)
    assert itsm_kpis(start=D, end=D + timedelta(days=1))["csat_responses"] == 3


def test_the_dashboard_shows_ticket_csat_beside_call_csat(client, make_user, figures):
    client.force_login(make_user(Role.MANAGER, username="dash-csat"))
    page = client.get("/dashboards/", {"start": "2025-03-03", "end": "2025-03-03", "interval": "1d"})
    assert page.status_code == 200
    html = page.content.decode()
    assert 'data-testid="ticket-csat">3.33 (3)<' in html and 'data-testid="complaints">2<' in html
