"""Two sweeps at once, on two real PostgreSQL connections: every escalation fires once."""

import threading
from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection

from catalog.services import profile_for
from notifications.models import Delivery
from sla import services
from sla.models import SLAEscalation, SLAEvent, SLATimer
from sla.tests.factories import EscalationRuleFactory, PolicyFactory, TicketFactory

pytestmark = pytest.mark.django_db(transaction=True)
T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def test_two_concurrent_sweeps_fire_each_escalation_exactly_once(celery_eager):
    policy = PolicyFactory(response_minutes=60, resolution_minutes=120)
    for percent in (50, 75, 100, 150):
        EscalationRuleFactory(policy=policy, metric="response", at_percent=percent, channels=["sms", "in_app"])
    tickets = [TicketFactory() for _ in range(40)]
    for ticket in tickets:
        profile = profile_for(ticket.assignee)
        profile.phone = f"+3069{ticket.pk:08d}"
        profile.save()
        services.sla_start(ticket=ticket, at=T0)
    expected = SLAEscalation.objects.count()
    assert expected == 160

    barrier = threading.Barrier(2)
    results, errors = [], []

    def sweep():
        try:
            barrier.wait(timeout=10)
            results.append(services.sla_sweep(now=T0 + timedelta(hours=5), batch=7))
        except Exception as exc:  # surfaced below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=sweep) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    assert sum(r.escalated for r in results) == expected
    assert sum(r.breached for r in results) == 80
    assert all(r.escalated > 0 for r in results), results  # both really took part
    assert SLAEscalation.objects.filter(fired_at__isnull=True).count() == 0
    assert SLAEvent.objects.filter(kind="escalation").count() == expected
    assert SLAEvent.objects.filter(kind="breach").count() == 80
    # one SMS and one in-app message per escalation, never two
    assert Delivery.objects.count() == expected * 2
    assert Delivery.objects.values("idempotency_key").distinct().count() == expected * 2
    assert set(SLATimer.objects.values_list("status", flat=True)) == {"breached"}
