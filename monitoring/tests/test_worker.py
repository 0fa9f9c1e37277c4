"""What goes through Celery, through a real worker on the real Redis broker: the release of
alerts a change window held back (beat's ``monitoring.tasks.release_suppressed``) and spike
detection fed by an alert storm (``incidents.tasks.detect_spikes``). Time is moved by the
test (the change's window is moved, or the task is told what "now" is), never slept."""

from datetime import timedelta

import pytest
from celery.contrib.testing.worker import start_worker
from django.utils import timezone

from catalog.tests.factories import ServiceFactory, TeamFactory, UserFactory
from changes.models import Change
from changes.tests.factories import ChangeFactory
from core.roles import Role
from incidents.models import DemandSignal, Incident, SpikeAlert, SpikeRule
from monitoring.models import Alert
from servicedesk.celery import app

from .conftest import am_alert, am_body
from .factories import AlertSourceFactory

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


@pytest.fixture(scope="module")
def worker(django_db_blocker):
    assert app.conf.broker_url.startswith("redis://"), "tests must use the real Redis broker"
    app.control.purge()  # on-commit tasks of earlier tests in this process, whose rows are gone
    with django_db_blocker.unblock(), start_worker(app, perform_ping_check=False, pool="solo",
                                                   shutdown_timeout=10) as running:
        yield running


def test_a_change_window_holds_alerts_back_and_its_end_releases_those_still_firing(worker, post):
    from monitoring.tasks import release_suppressed

    service = ServiceFactory(name="Web shop")
    source = AlertSourceFactory(default_service=service)
    now = timezone.now()
    change = ChangeFactory(status="scheduled", planned_start=now + timedelta(hours=1),
                           planned_end=now + timedelta(hours=2))
    change.services.add(service)

    # Before the window: an alert opens its incident as usual.
    assert post(source, am_body(am_alert(instance="before"))).json()["suppressed"] == 0
    # The window starts (moved to now): alerts are logged and held back.
    Change.objects.filter(pk=change.pk).update(planned_start=now - timedelta(minutes=1))
    held = post(source, am_body(am_alert(instance="web1"), am_alert(instance="web2")))
    assert held.json() == {"accepted": 2, "incidents": [], "suppressed": 2}
    post(source, am_body(am_alert(instance="web2", status="resolved"), status="resolved"))  # clears inside it
    assert release_suppressed.delay().get(timeout=60) == 0  # the window still holds them
    assert Incident.objects.count() == 1

    # The window ends (its end moved to the past): what still fires opens its incident now.
    Change.objects.filter(pk=change.pk).update(planned_end=timezone.now() - timedelta(seconds=1))
    assert release_suppressed.delay().get(timeout=60) == 1
    assert release_suppressed.delay().get(timeout=60) == 0  # once only
    web1 = Alert.objects.get(labels__instance="web1")
    web2 = Alert.objects.get(labels__instance="web2")
    assert web1.incident is not None and web1.incident.channel == "monitoring"
    assert web1.suppressed_by_change_id == change.pk  # still the evidence on the change page
    assert web2.incident is None and web2.status == "resolved" and web2.suppressed_by_change_id == change.pk
    assert Incident.objects.count() == 2


def test_a_release_with_the_clock_moved_by_the_task_argument(worker, post):
    from monitoring.tasks import release_suppressed

    service = ServiceFactory()
    source = AlertSourceFactory(default_service=service)
    now = timezone.now()
    change = ChangeFactory(status="implementing", planned_start=now - timedelta(minutes=5),
                           planned_end=now + timedelta(minutes=30))
    change.services.add(service)
    assert post(source, am_body(am_alert(instance="db1"))).json()["suppressed"] == 1
    assert release_suppressed.delay(at=(now + timedelta(minutes=29)).isoformat()).get(timeout=60) == 0
    assert release_suppressed.delay(at=(now + timedelta(minutes=31)).isoformat()).get(timeout=60) == 1
    assert Alert.objects.get().incident is not None


def test_an_alert_storm_raises_one_spike_alert_and_joins_the_declared_major_incident(worker, post, settings):
    from incidents import services as incidents
    from incidents.tasks import detect_spikes

    settings.MONITORING_STORM_THRESHOLD = 10
    boss = UserFactory(roles=[Role.MANAGER], email="duty@example.test")
    service = ServiceFactory(name="Card payments", owner_team=TeamFactory(manager=boss))
    SpikeRule.objects.create(service=service, window_minutes=15, threshold=50)
    source = AlertSourceFactory(default_service=service)

    # Hundreds of fingerprints within minutes, in Alertmanager's groups of 100.
    for group in range(3):
        response = post(source, am_body(*[am_alert(instance=f"pos-{group}-{i}") for i in range(100)]))
        assert response.status_code == 202
    assert Incident.objects.filter(service=service).count() == 10  # not 300 P1s
    assert DemandSignal.objects.filter(service=service, source="monitoring").count() == 290

    assert detect_spikes.delay().get(timeout=60) == 1
    assert detect_spikes.delay().get(timeout=60) == 0  # one alert per spike, not one per sweep
    spike = SpikeAlert.objects.get()
    assert spike.count == 300 and spike.status == "open"

    spike = incidents.spike_alert_declare(alert=spike, actor=boss)
    master = spike.major_incident.incident
    assert set(Incident.objects.filter(service=service).exclude(pk=master.pk).values_list("parent", flat=True)) == {
        master.pk}
    # Alerts arriving while the major incident is open go to its master.
    [joined] = post(source, am_body(am_alert(instance="late-1"))).json()["incidents"]
    assert joined == master.pk
    assert Alert.objects.get(labels__instance="late-1").grouped
