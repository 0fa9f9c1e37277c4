# ruff: noqa: F811 - the fixtures imported from factories are taken as test arguments
"""Issue 24.13/24.14 (W1): providers side by side and first-call resolution from the keypad
survey, against figures worked out by hand from the ``contact_center`` fixture:

queue a (provider "In-house", 30.00 per agent hour, team Phones = agent X): calls 1, 2, 3, 5,
6 (short abandon), 10 → offered 5, answered 4, abandoned 1, in SL (≤ 20 s: #1, #2, #10) 3 →
service level 3/5 = 0.6, abandonment 1/5 = 0.2, FCR by repeat (#1 repeated by #10) 3/4 = 0.75,
CSAT 4–5 (#1 5, #2 4, #3 2) 2/3 = 0.6667; survey: #1 no, #2 yes, #3 yes → 2/3 = 0.6667.
X was logged in 08:50–09:20 = 0.5 h → cost per call 30 × 0.5 / 4 = 3.75.
queue b (provider "Vendor", outsourced, 4.50 per answered call): calls 4, 7 → offered 2,
answered 1, abandoned 1, in SL (29 ≤ 30 s) 1 → 0.5, 0.5, FCR 1/1, no CSAT; survey #4 yes → 1/1.
Call 8 (no queue, deflected) is the "no provider" row: nothing offered.
"""

from datetime import timedelta
from decimal import Decimal

import pytest

from contactcenter.models import Call, Provider, TeamProvider
from core.roles import Role
from kpis import formulas
from kpis.rollups import rollup_contact_center
from kpis.selectors import per_provider

from .factories import D, contact_center, kpi_settings  # noqa: F401

pytestmark = pytest.mark.django_db
PERIOD = {"from": D.date().isoformat(), "to": (D + timedelta(days=1)).date().isoformat()}


@pytest.fixture
def providers(contact_center, kpi_settings):
    kpi_settings.KPI_COST_CURRENCY = "EUR"
    calls = contact_center["calls"]
    for number, solved in ((1, False), (2, True), (3, True), (4, True)):
        Call.objects.filter(pk=calls[number].pk).update(solved_on_call=solved)
    in_house = Provider.objects.create(name="In-house", kind="in_house", cost_basis="per_hour", cost=Decimal("30.00"))
    vendor = Provider.objects.create(name="Vendor", kind="outsourced", cost_basis="per_call", cost=Decimal("4.50"),
                                     currency="GBP")
    queue_a, queue_b = contact_center["queues"]
    queue_a.provider, queue_b.provider = in_house, vendor
    queue_a.save()
    queue_b.save()
    TeamProvider.objects.create(team=contact_center["team"], provider=in_house)
    rollup_contact_center(start=D, end=D + timedelta(days=1), now=D + timedelta(days=2))
    return in_house, vendor


def test_providers_side_by_side_by_hand(providers):
    in_house, vendor = providers
    rows = per_provider(D, D + timedelta(days=1))
    assert [row["provider"] for row in rows] == [in_house.pk, vendor.pk, None]
    mine, theirs, none = rows
    assert {key: mine[key] for key in ("offered", "answered", "abandoned", "service_level", "abandonment_rate",
                                       "first_contact_resolution_rate", "fcr_survey_answers", "fcr_survey_rate",
                                       "csat_percent", "logged_in_hours", "cost_per_call", "currency")} == {
        "offered": 5, "answered": 4, "abandoned": 1, "service_level": 0.6, "abandonment_rate": 0.2,
        "first_contact_resolution_rate": 0.75, "fcr_survey_answers": 3, "fcr_survey_rate": 0.6667,
        "csat_percent": 0.6667, "logged_in_hours": 0.5, "cost_per_call": 3.75, "currency": "EUR"}
    assert {key: theirs[key] for key in ("offered", "answered", "service_level", "abandonment_rate",
                                         "first_contact_resolution_rate", "fcr_survey_rate", "csat_percent",
                                         "cost_per_call", "currency", "kind")} == {
        "offered": 2, "answered": 1, "service_level": 0.5, "abandonment_rate": 0.5,
        "first_contact_resolution_rate": 1.0, "fcr_survey_rate": 1.0, "csat_percent": None, "cost_per_call": 4.5,
        "currency": "GBP", "kind": "outsourced"}
    assert none["offered"] == 0 and none["cost_per_call"] is None and none["name"] is None
    # The same figures from the 15-minute rows (a period that is not whole days).
    assert per_provider(D + timedelta(hours=8), D + timedelta(hours=10))[0]["cost_per_call"] == 3.75


def test_fcr_both_ways_in_the_contact_center_api(api, make_user, providers):
    body = api.as_user(make_user(Role.MANAGER, username="mgr-fcr")).get("/api/v1/kpis/contact-center/",
                                                                         PERIOD).json()
    assert body["first_contact_resolution_rate"] == 0.8  # repeat calls: 4 of the 5 answered
    assert (body["fcr_survey_answers"], body["fcr_survey_rate"]) == (4, 0.75)  # survey: 3 yes of 4


def test_providers_api_and_permissions(api, make_user, providers):
    url = "/api/v1/kpis/providers/"
    assert api.get(url).status_code in (401, 403)
    assert api.as_user(make_user(Role.AGENT, username="agent-prov")).get(url).status_code == 403
    response = api.as_user(make_user(Role.MANAGER, username="mgr-prov")).get(url, PERIOD)
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"providers", "from", "to"}
    assert [(row["name"], row["cost_per_call"]) for row in body["providers"]] == [
        ("In-house", 3.75), ("Vendor", 4.5), (None, None)]
    bad = api.as_user(make_user(Role.MANAGER, username="mgr-prov2")).get(url, {"from": "nope"})
    assert bad.status_code == 400 and "from" in bad.json()


def test_dashboard_shows_providers_and_both_fcr_definitions(client, make_user, providers,
                                                            django_assert_max_num_queries):
    client.force_login(make_user(Role.MANAGER, username="mgr-dash-prov"))
    with django_assert_max_num_queries(32):  # 27 before, + 5 for the providers table
        page = client.get("/dashboards/", {"start": "2025-03-03", "end": "2025-03-03", "interval": "1h"}
                          ).content.decode()
    assert 'data-testid="providers"' in page and "In-house" in page and "Outsourced" in page
    assert "3.75 EUR" in page and "4.50 GBP" in page
    assert 'data-testid="fcr-definitions"' in page and "Was your issue solved on this call?" in page
    assert "repeat window" in page


def test_provider_cost_formula_edges():
    calls = {"answered": 0}
    assert formulas.provider_figures(calls, cost_basis="per_call", cost=4)["cost_per_call"] is None
    assert formulas.provider_figures({"answered": 3}, cost_basis="per_hour", cost=30)["cost_per_call"] is None
    assert formulas.provider_figures({"answered": 3}, cost_basis="per_hour", cost=30,
                                     logged_in_seconds=3600)["cost_per_call"] == 10.0
    assert formulas.provider_figures({"answered": 3}, cost_basis=None, cost=None)["cost_per_call"] is None


def test_ticket_survey_first_contact_resolution_by_hand(client, make_user):
    """Ticket surveys answered on D: yes, yes, no, and one that skipped the question → 2/3."""
    from crm.services.survey import survey_token
    from crm.tests.factories_complaint import SurveyFactory
    from kpis.selectors import customer_kpis

    surveys = [SurveyFactory() for _ in range(5)]
    for survey, solved in zip(surveys[:4], ("yes", "yes", "no", ""), strict=True):
        response = client.post(f"/surveys/{survey_token(survey)}/", {"score": "4", "solved": solved})
        assert response.status_code == 200
    assert client.post(f"/surveys/{survey_token(surveys[4])}/", {"score": "4", "solved": "maybe"}).status_code == 400
    assert [s.solved_first_contact for s in surveys[:4] if not s.refresh_from_db()] == [True, True, False, None]
    from django.utils import timezone
    today = timezone.now().replace(hour=0, minute=0, second=0, microsecond=0)
    got = customer_kpis(start=today, end=today + timedelta(days=1))
    assert (got["ticket_fcr_survey_answers"], got["ticket_fcr_survey_rate"]) == (3, 0.6667)
    assert got["csat_responses"] == 4
    page = client.get(f"/surveys/{survey_token(surveys[4])}/").content.decode()
    assert "Was your issue solved the first time you contacted us?" in page
