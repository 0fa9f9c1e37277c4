"""The major incident a spike auto-declares is found like any other: its master incident
carries the spiking service (``incidents/?service=``) and the major incident is found by its
master (``major-incidents/?incident=``), whether the master was an existing report or
opened for a spike of calls only."""

from datetime import timedelta

import pytest
from django.utils import timezone

from catalog.tests.factories import ServiceFactory, TeamFactory
from core.roles import Role
from incidents import services
from incidents.models import MajorIncident, SpikeAlert, SpikeRule

pytestmark = pytest.mark.django_db


@pytest.fixture
def boss(make_user):
    return make_user(Role.MANAGER, username="duty-manager")


@pytest.fixture
def other_major(boss):
    """Another major incident on another service, which the filters must leave out."""
    service = ServiceFactory(name="Email", owner_team=TeamFactory(manager=boss))
    incident = services.incident_create(title="Mail down", actor=boss, service=service)
    return services.major_incident_declare(incident=incident, actor=boss, summary="Mail down")


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    body = response.json()
    return [row["id"] for row in (body["results"] if isinstance(body, dict) else body)]


@pytest.mark.parametrize("source", ["incidents", "calls"])
def test_the_auto_declared_major_incident_is_found_by_service_and_by_incident(api, boss, other_major, source):
    service = ServiceFactory(name="Web hosting", owner_team=TeamFactory(manager=boss))
    SpikeRule.objects.create(service=service, window_minutes=15, threshold=3, auto_declare=True)
    now = timezone.now()
    for n in range(3):
        if source == "incidents":
            services.incident_create(title=f"Site down {n}", actor=boss, service=service,
                                     at=now - timedelta(minutes=n + 1))
        else:
            services.demand_record(service=service, reference=f"CA{n}", at=now - timedelta(minutes=n + 1))
    services.detect_spikes(now=now)
    alert = SpikeAlert.objects.get(service=service)
    assert alert.status == "declared"
    major = alert.major_incident
    master = major.incident
    assert master.service_id == service.pk and list(major.services.all()) == [service]

    client = api.as_user(boss)
    found = ids(client.get(f"/api/v1/incidents/?service={service.pk}"))
    assert master.pk in found and other_major.incident_id not in found
    assert ids(client.get(f"/api/v1/incidents/?service={service.pk}&is_major=true")) == [master.pk]
    assert ids(client.get(f"/api/v1/major-incidents/?incident={master.pk}")) == [major.pk]
    assert ids(client.get(f"/api/v1/major-incidents/?incident={other_major.incident_id}")) == [other_major.pk]
    assert ids(client.get(f"/api/v1/major-incidents/?service={service.pk}")) == [major.pk]
    assert MajorIncident.objects.count() == 2
