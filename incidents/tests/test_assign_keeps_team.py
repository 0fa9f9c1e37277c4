"""Assigning someone outside the incident's team keeps the team: the team moves only when a
team is given. The same through the service, the API and the page's "Assign to me"."""

import pytest
from django.urls import reverse

from catalog.tests.factories import ServiceFactory, TeamFactory
from core.roles import Role
from incidents import services
from sla.tests.factories import PolicyFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("celery_eager")]


@pytest.fixture
def desk(make_user):
    """An incident of the Network team; Ann works in Applications (and, first by name, in
    Accounts), not in Network."""
    network, applications = TeamFactory(name="Network"), TeamFactory(name="Applications")
    accounts = TeamFactory(name="Accounts")
    ann, nina = make_user(Role.AGENT, username="ann"), make_user(Role.AGENT, username="nina")
    applications.members.add(ann)
    accounts.members.add(ann)
    network.members.add(nina)
    PolicyFactory(response_minutes=60, resolution_minutes=480)
    service = ServiceFactory(name="VPN", owner_team=network)
    incident = services.incident_create(title="VPN drops", actor=nina, service=service)
    assert incident.team == network
    return {"network": network, "applications": applications, "ann": ann, "nina": nina, "incident": incident}


def test_the_service_keeps_the_team_when_the_assignee_is_not_a_member(desk):
    incident = services.incident_assign(incident=desk["incident"], actor=desk["ann"], assignee=desk["ann"])
    incident.refresh_from_db()
    assert incident.assignee == desk["ann"] and incident.team == desk["network"]
    assert not incident.history.filter(team=desk["applications"]).exists()


def test_the_team_moves_when_it_is_given(desk):
    incident = services.incident_assign(incident=desk["incident"], actor=desk["ann"], assignee=desk["ann"],
                                        team=desk["applications"])
    assert incident.team == desk["applications"]


def test_the_api_keeps_the_team(api, desk):
    incident = desk["incident"]
    response = api.as_user(desk["ann"]).post(f"/api/v1/incidents/{incident.pk}/assign/",
                                             {"assignee": desk["ann"].pk}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["assignee"] == desk["ann"].pk and response.json()["team"] == desk["network"].pk
    incident.refresh_from_db()
    assert incident.team == desk["network"]


def test_assign_to_me_on_the_page_keeps_the_team(client, desk):
    incident = desk["incident"]
    client.force_login(desk["ann"])
    response = client.post(reverse("incidents:action", args=[incident.pk, "take"]))
    assert response.status_code == 302, response.content
    incident.refresh_from_db()
    assert incident.assignee == desk["ann"] and incident.team == desk["network"]
