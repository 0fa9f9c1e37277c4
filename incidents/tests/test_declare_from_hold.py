"""A major incident declared from an incident on hold is worked: the incident is back in
progress and its resolution clock runs again, in the declaration's transaction, with the
resume in the incident's history. The same through the service and the API."""

from datetime import timedelta

import pytest
from django.utils import timezone

from catalog.tests.factories import ServiceFactory, TeamFactory
from core.roles import Role
from incidents import services
from incidents.models import Incident
from sla.models import SLATimer
from sla.tests.factories import PolicyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk(make_user):
    boss = make_user(Role.MANAGER, username="mia-manager")
    tech = make_user(Role.AGENT, username="tom-tech")
    team = TeamFactory(name="Payments ops", manager=boss)
    team.members.add(tech)
    service = ServiceFactory(name="Card payments", owner_team=team)
    PolicyFactory(response_minutes=60, resolution_minutes=480, pause_on=["on_hold"])
    start = timezone.now() - timedelta(hours=1)
    incident = services.incident_create(title="Card payments fail", actor=tech, service=service, at=start)
    services.incident_start(incident=incident, actor=tech, at=start)
    services.incident_hold(incident=incident, actor=tech, reason="waiting for the acquirer",
                           at=start + timedelta(minutes=10))
    incident = Incident.objects.get(pk=incident.pk)
    assert incident.status == "on_hold"
    assert SLATimer.objects.get(object_id=incident.pk, metric="resolution").status == "paused"
    return {"boss": boss, "tech": tech, "incident": incident}


def assert_worked(incident_pk):
    incident = Incident.objects.get(pk=incident_pk)
    assert incident.is_major and incident.status == "in_progress" and incident.hold_reason == ""
    resolution = SLATimer.objects.get(object_id=incident.pk, metric="resolution")
    assert resolution.status == "running" and resolution.due_at is not None
    reasons = list(incident.history.order_by("history_date", "history_id")
                   .values_list("status", "history_change_reason"))
    assert ("in_progress", "resumed: major incident declared") in reasons
    assert reasons[-1] == ("in_progress", "declared a major incident")


def test_declaring_resumes_an_incident_on_hold(desk):
    services.major_incident_declare(incident=desk["incident"], actor=desk["boss"], summary="Card payments down")
    assert_worked(desk["incident"].pk)


def test_declaring_through_the_api_resumes_it_too(api, desk):
    incident = desk["incident"]
    response = api.as_user(desk["boss"]).post(f"/api/v1/incidents/{incident.pk}/declare-major/",
                                              {"summary": "Card payments down"}, format="json")
    assert response.status_code == 201, response.content
    assert_worked(incident.pk)


def test_a_refused_declaration_leaves_the_incident_on_hold(desk):
    with pytest.raises(Exception):  # noqa: B017 - any refusal; the point is what stays
        services.major_incident_declare(incident=desk["incident"], actor=desk["tech"], summary="Card payments down")
    incident = Incident.objects.get(pk=desk["incident"].pk)
    assert incident.status == "on_hold" and not incident.is_major
    assert SLATimer.objects.get(object_id=incident.pk, metric="resolution").status == "paused"
