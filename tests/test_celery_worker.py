"""Tasks go through a real Celery worker on the real Redis broker."""

import time

import pytest
from celery.contrib.testing.worker import start_worker
from django.core import mail

from catalog.tests.factories import UserFactory
from notifications.models import Delivery, Notification
from notifications.services import notify
from servicedesk.celery import app
from servicedesk.tasks import ping

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


@pytest.fixture(scope="module")
def worker(django_db_blocker):
    assert app.conf.broker_url.startswith("redis://"), "tests must use the real Redis broker"
    # Tests that ran earlier in this process queued their on-commit tasks on this process's
    # queue with nobody consuming; their rows are gone. Drop them, or the worker spends the
    # first tests' timeouts retrying them (seen with the parallel run's test order).
    app.control.purge()
    with django_db_blocker.unblock(), start_worker(app, perform_ping_check=False, pool="solo",
                                                   shutdown_timeout=10) as running:
        yield running


def test_a_task_round_trips_through_the_worker(worker):
    assert ping.delay("hello").get(timeout=20) == "hello"


def test_notifications_are_delivered_by_the_worker_after_commit(worker):
    user = UserFactory(email="ops@example.test")
    notify([user], "generic", {"subject": "Worker check", "body": "Delivered by Celery"}, ["email", "in_app"],
           idempotency_key="worker-check")
    # notify() ran outside a transaction block here, so the tasks were queued at once.
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and Delivery.objects.filter(status="sent").count() < 2:
        time.sleep(0.1)
    assert set(Delivery.objects.values_list("channel", "status")) == {("email", "sent"), ("in_app", "sent")}
    assert Notification.objects.get(user=user).subject == "Worker check"
    assert [m.subject for m in mail.outbox] == ["Worker check"]


def test_the_sla_sweep_escalates_through_the_worker(worker):
    from datetime import timedelta

    from django.utils import timezone

    from catalog.services import profile_for
    from notifications.models import SmsMessage
    from sla import services
    from sla.tasks import sweep
    from sla.tests.factories import EscalationRuleFactory, PolicyFactory, TicketFactory

    policy = PolicyFactory(response_minutes=60, resolution_minutes=600)
    EscalationRuleFactory(policy=policy, at_percent=75, notify="assignee", channels=["sms"])
    ticket = TicketFactory(title="Card payments failing")
    profile = profile_for(ticket.assignee)
    profile.phone = "+306933333333"
    profile.save()
    services.sla_start(ticket=ticket, at=timezone.now() - timedelta(minutes=50))

    assert sweep.delay().get(timeout=30) == {"breached": 0, "escalated": 1}
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not SmsMessage.objects.exists():
        time.sleep(0.1)
    [sms] = SmsMessage.objects.all()
    assert sms.to == "+306933333333" and "15 minutes are left" in sms.body
    assert sweep.delay().get(timeout=30) == {"breached": 0, "escalated": 0}


def test_spike_detection_and_update_reminders_run_through_the_worker(worker):
    from datetime import timedelta

    from django.utils import timezone

    from catalog.tests.factories import ServiceFactory, TeamFactory
    from core.roles import Role
    from incidents import services
    from incidents.models import MajorIncident, SpikeAlert, SpikeRule
    from incidents.tasks import detect_spikes, remind_updates

    boss = UserFactory(roles=[Role.MANAGER], email="duty@example.test")
    service = ServiceFactory(owner_team=TeamFactory(manager=boss))
    SpikeRule.objects.create(service=service, window_minutes=15, threshold=3)
    for _ in range(3):
        services.incident_create(title="Site down", actor=boss, service=service)
    assert detect_spikes.delay().get(timeout=30) == 1
    assert detect_spikes.delay().get(timeout=30) == 0  # one alert per spike, not one per sweep
    alert = SpikeAlert.objects.get()
    assert alert.count == 3 and alert.status == "open"

    services.spike_alert_declare(alert=alert, actor=boss)
    major = MajorIncident.objects.get()
    MajorIncident.objects.filter(pk=major.pk).update(last_update_at=timezone.now() - timedelta(hours=1))
    assert remind_updates.delay().get(timeout=30) == 1
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not Delivery.objects.filter(template="major-incident-reminder",
                                                                      status="sent").exists():
        time.sleep(0.1)
    assert Delivery.objects.filter(template="major-incident-reminder", user=boss, status="sent").exists()
