"""An SLA policy pauses only on statuses its kind of ticket has (the ticket models' status
choices, declared by their apps): anything else is a 400 naming the bad values, through the
API and the browser form alike."""

import pytest

from core.roles import Role
from sla.models import SLAPolicy
from sla.protocol import ticket_statuses
from sla.tests.factories import CalendarFactory, PolicyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager(make_user):
    return make_user(Role.MANAGER)


def policy(calendar, **change):
    return {"name": "Policy", "calendar": calendar.pk, "resolution_minutes": 240, **change}


def test_the_statuses_come_from_the_ticket_models():
    from changes.choices import ChangeStatus
    from crm.choices import ComplaintStatus
    from incidents.choices import IncidentStatus
    from problems.choices import ProblemStatus
    from servicerequests.choices import RequestStatus

    assert ticket_statuses("incident") == tuple(IncidentStatus.values)
    assert ticket_statuses("request") == tuple(RequestStatus.values)
    assert ticket_statuses("problem") == tuple(ProblemStatus.values)
    assert ticket_statuses("change") == tuple(ChangeStatus.values)
    assert ticket_statuses("complaint") == tuple(ComplaintStatus.values)


@pytest.mark.parametrize(("applies_to", "pause_on"), [
    ("incident", ["on_hold"]),
    ("request", ["awaiting_approval"]),
    ("problem", ["known_error"]),
    ("change", ["cab_review", "scheduled"]),
    ("incident", []),
])
def test_real_statuses_are_accepted(api, manager, applies_to, pause_on):
    response = api.as_user(manager).post("/api/v1/sla-policies/", policy(
        CalendarFactory(), applies_to=applies_to, pause_on=pause_on), format="json")
    assert response.status_code == 201, response.content
    assert response.json()["pause_on"] == pause_on


@pytest.mark.parametrize(("applies_to", "pause_on", "bad"), [
    ("incident", ["on_hold", "awaiting_approval"], ["awaiting_approval"]),  # a request's status
    ("request", ["on_hold"], ["on_hold"]),  # an incident's
    ("problem", ["paused", "sleeping"], ["paused", "sleeping"]),
    ("incident", ["ON_HOLD"], ["ON_HOLD"]),
    ("incident", [""], []),
])
def test_statuses_the_kind_does_not_have_are_400_naming_them(api, manager, applies_to, pause_on, bad):
    response = api.as_user(manager).post("/api/v1/sla-policies/", policy(
        CalendarFactory(), applies_to=applies_to, pause_on=pause_on), format="json")
    assert response.status_code == 400, response.content
    message = " ".join(map(str, response.json()["pause_on"]))
    assert all(value in message for value in bad)
    assert not SLAPolicy.objects.exists()


def test_changing_applies_to_checks_the_statuses_kept(api, manager):
    existing = PolicyFactory(applies_to="incident", pause_on=["on_hold"])
    response = api.as_user(manager).patch(f"/api/v1/sla-policies/{existing.pk}/", {"applies_to": "request"},
                                          format="json")
    assert response.status_code == 400 and "on_hold" in str(response.json()["pause_on"])
    response = api.as_user(manager).patch(f"/api/v1/sla-policies/{existing.pk}/", {
        "applies_to": "request", "pause_on": ["awaiting_approval"]}, format="json")
    assert response.status_code == 200 and response.json()["pause_on"] == ["awaiting_approval"]


def test_complaints_are_a_kind_with_their_own_statuses(api, manager):
    response = api.as_user(manager).post("/api/v1/sla-policies/", policy(
        CalendarFactory(), applies_to="complaint", pause_on=["escalated"]), format="json")
    assert response.status_code == 201, response.content
    refused = api.as_user(manager).post("/api/v1/sla-policies/", policy(
        CalendarFactory(), name="Complaints 2", applies_to="complaint", pause_on=["on_hold"]), format="json")
    assert refused.status_code == 400 and "on_hold" in str(refused.json()["pause_on"])


def test_the_browser_form_refuses_them_too(client, manager):
    from sla.forms import PolicyForm

    form = PolicyForm(data={"name": "P", "applies_to": "request", "calendar": CalendarFactory().pk,
                            "resolution_minutes": "240", "pause_on": "on_hold"})
    assert not form.is_valid() and "on_hold" in str(form.errors["pause_on"])
