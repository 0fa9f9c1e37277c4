"""GET /api/v1/search/: the shape API.md names, its errors, and who may call it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalog.tests.factories import ContactPhoneFactory
from core.roles import Role
from incidents.tests.factories import IncidentFactory, MajorIncidentFactory

pytestmark = pytest.mark.django_db
URL = "/api/v1/search/"


def test_results_have_the_documented_shape(api, agent):
    incident = IncidentFactory(title="Payroll export fails", description="the CSV export of payroll stops halfway")
    answer = api.as_user(agent).get(URL, {"q": "payroll export"})
    assert answer.status_code == 200
    body = answer.json()
    assert body["match"] == "words"
    assert body["results"][0] == {
        "kind": "incident", "id": incident.pk, "number": incident.number, "title": "Payroll export fails",
        "url": f"/incidents/{incident.pk}/", "snippet": "the CSV export of payroll stops halfway",
        "rank": body["results"][0]["rank"]}


def test_a_number_and_a_phone(api, agent):
    incident = IncidentFactory(number="INC000314")
    phone = ContactPhoneFactory(number="+302101112233")
    client = api.as_user(agent)
    assert [(r["kind"], r["id"]) for r in client.get(URL, {"q": "inc314"}).json()["results"]] == [
        ("incident", incident.pk)]
    body = client.get(URL, {"q": "0030 210 111 2233"}).json()
    assert body["match"] == "phone"
    assert [(r["kind"], r["id"]) for r in body["results"]] == [("contact", phone.contact_id)]


@pytest.mark.parametrize("params", [{}, {"q": ""}, {"q": "   "}, {"q": "x" * 201}, {"q": "a\x00b"}])
def test_q_is_required(api, agent, params):
    answer = api.as_user(agent).get(URL, params)
    assert answer.status_code == 400
    assert "q" in answer.json()


def test_kind_is_checked(api, agent):
    client = api.as_user(agent)
    answer = client.get(URL, {"q": "printer", "kind": "spaceship"})
    assert answer.status_code == 400 and "kind" in answer.json()
    IncidentFactory(title="Printer offline")
    assert client.get(URL, {"q": "printer", "kind": "problem"}).json()["results"] == []
    assert len(client.get(URL, {"q": "printer", "kind": "incident"}).json()["results"]) == 1
    major = MajorIncidentFactory(summary="Printer fleet down", incident__number="INC000777")
    assert client.get(URL, {"q": "printer", "kind": "major_incident"}).json()["results"] == [{
        "kind": "major_incident", "id": major.pk, "number": "INC000777", "title": "Printer fleet down",
        "url": f"/major-incidents/{major.pk}/", "snippet": "",
        "rank": client.get(URL, {"q": "printer", "kind": "major_incident"}).json()["results"][0]["rank"]}]
    assert client.get(URL, {"q": "printer", "limit": "0"}).status_code == 400
    assert client.get(URL, {"q": "printer", "limit": "51"}).status_code == 400


def test_anonymous_callers_are_refused(api):
    assert api.get(URL, {"q": "printer"}).status_code == 401


def test_requesters_search_their_own(api, make_user):
    rita, other = make_user(Role.REQUESTER), make_user(Role.REQUESTER)
    mine = IncidentFactory(title="Printer offline", requester=rita)
    IncidentFactory(title="Printer offline too", requester=other)
    body = api.as_user(rita).get(URL, {"q": "printer"}).json()
    assert [(r["kind"], r["id"], r["url"]) for r in body["results"]] == [
        ("incident", mine.pk, f"/portal/incidents/{mine.pk}/")]


def test_query_count_does_not_grow(api, agent):
    client = api.as_user(agent)
    IncidentFactory(title="Token expired")
    client.get(URL, {"q": "token"})
    with CaptureQueriesContext(connection) as few:
        assert len(client.get(URL, {"q": "token"}).json()["results"]) == 1
    for n in range(20):
        IncidentFactory(title=f"Token expired {n}")
    with CaptureQueriesContext(connection) as many:
        assert len(client.get(URL, {"q": "token"}).json()["results"]) == 20
    assert len(many.captured_queries) == len(few.captured_queries)
