"""A major incident end to end, through the services and the API as people and integrators
use them: a spike of reports raises one alert; the manager declares; the team gets the
bridge; updates reach users and the public status page and its subscribers; the reminder
fires when nobody updates; resolving resolves the linked reports and records the outage; the
postmortem gates the review; the metrics add up."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from catalog.tests.factories import ContactFactory, ServiceFactory, TeamFactory
from core.roles import Role
from incidents import services
from incidents.models import Incident, MajorIncident, SpikeAlert, SpikeRule
from notifications.models import Delivery
from sla.models import ServiceOutage
from statuspage import services as status

pytestmark = pytest.mark.django_db


def test_major_incident_from_spike_to_review(api, make_user, celery_eager, django_capture_on_commit_callbacks,
                                             client):
    boss = make_user(Role.MANAGER, username="duty", email="duty@bank.example")
    tech = make_user(Role.AGENT, username="tech", email="tech@bank.example")
    team = TeamFactory(name="Digital banking", manager=boss)
    team.members.add(tech)
    banking = ServiceFactory(name="Internet banking", owner_team=team)
    SpikeRule.objects.create(service=banking, window_minutes=15, threshold=5)
    # A subscriber of the status page, confirmed by the double opt-in.
    with django_capture_on_commit_callbacks(execute=True):
        subscriber = status.subscriber_subscribe(email="watcher@example.test", services=[banking])
    status.subscriber_confirm(token=subscriber.confirm_token)
    mail.outbox.clear()

    # Customers report the outage; the sweep raises one alert, however often it runs.
    reporters = [make_user(Role.REQUESTER, email=f"customer{i}@example.test") for i in range(6)]
    for person in reporters:
        ContactFactory(user=person, email=person.email)
        services.incident_create(title="Cannot log in to internet banking", actor=person, service=banking)
    assert len(services.detect_spikes()) == 1
    assert services.detect_spikes() == []
    alert = SpikeAlert.objects.get()
    assert alert.count == 6 and Delivery.objects.filter(template="spike-alert", user=boss).exists()

    # The duty manager declares from the alert.
    manager_api = api.as_user(boss)
    with django_capture_on_commit_callbacks(execute=True):
        declared = manager_api.post(f"/api/v1/spike-alerts/{alert.pk}/declare/", {"summary": "Internet banking down"},
                                    format="json")
    assert declared.status_code == 200, declared.content
    major = MajorIncident.objects.get(pk=declared.json()["major_incident"])
    master = major.incident
    assert Incident.objects.filter(parent=master).count() == 5
    base = f"/api/v1/major-incidents/{major.pk}"

    # The team hears of the bridge and its PIN.
    with django_capture_on_commit_callbacks(execute=True):
        assert manager_api.post(f"{base}/team/", {"user": tech.pk, "role": "technical_lead"},
                                format="json").status_code == 201
    pin_mail = Delivery.objects.get(template="major-incident-mobilise", user=tech, channel="email")
    assert major.bridge_pin in pin_mail.body and major.bridge_number in pin_mail.body

    # An update to the users and the public: on the status page, in the subscribers' mail.
    with django_capture_on_commit_callbacks(execute=True):
        posted = manager_api.post(f"{base}/updates/", {
            "audiences": ["users", "public"], "what": "Internet banking", "where": "Web and app",
            "event": "unplanned", "eta": (timezone.now() + timedelta(hours=1)).isoformat(),
            "contact": "+30 210 000 0000", "body": "Logins fail; we are failing over to the standby site."},
            format="json")
    assert posted.status_code == 201
    page = client.get("/status/")
    assert page.status_code == 200 and "we are failing over to the standby site" in page.content.decode()
    assert len([m for m in mail.outbox if m.to == ["watcher@example.test"] and "failing over" in m.body]) == 1
    told = set(Delivery.objects.filter(template="major-incident-update", channel="email",
                                       idempotency_key__contains=f"update:{posted.json()['id']}")
               .values_list("user__email", flat=True))
    assert {p.email for p in reporters} <= told

    # Nobody updates for the priority-1 cadence (30 minutes): the communications lead is reminded.
    comms = make_user(Role.AGENT, username="comms")
    manager_api.post(f"{base}/team/", {"user": comms.pk, "role": "communications_lead"}, format="json")
    last = MajorIncident.objects.get(pk=major.pk).last_update_at
    assert services.major_incident_remind_updates(now=last + timedelta(minutes=31)) == 1
    assert Delivery.objects.filter(template="major-incident-reminder", user=comms).exists()

    # Resolve: the reports resolve with the master; the outage is recorded.
    manager_api.post(f"{base}/mobilise/")
    resolved = manager_api.post(f"{base}/resolve/", {"resolution": "Failed over to the standby site"},
                                format="json")
    assert resolved.json()["status"] == "resolved"
    assert set(Incident.objects.filter(parent=master).values_list("status", flat=True)) == {"resolved"}
    outage = ServiceOutage.objects.get(service=banking)
    assert outage.ended_at is not None and outage.started_at <= alert.window_end
    availability = manager_api.get(f"/api/v1/service-availability/?service={banking.pk}").json()
    assert [row["service"] for row in availability["results"]] == [banking.pk]

    # The review waits for a complete postmortem.
    assert manager_api.post(f"{base}/review/").status_code == 409
    manager_api.put(f"{base}/postmortem/", {
        "summary": "The primary site's load balancer failed.", "root_cause": "Firmware bug in the LB pair",
        "actions": [{"title": "Upgrade LB firmware", "owner": tech.pk, "due_at": "2026-12-15"}],
        "complete": True}, format="json")
    assert manager_api.post(f"{base}/review/").json()["status"] == "reviewed"

    metrics = manager_api.get(f"/api/v1/major-incidents/metrics/?service={banking.pk}").json()
    assert metrics["count"] == 1 and metrics["mttr_seconds"] > 0 and metrics["mtta_seconds"] >= 0
