"""``alert-sources/<id>/events/``: what alerts do, posted as the monitoring systems post them."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from catalog.tests.factories import CIRelationFactory, ConfigurationItemFactory, ServiceFactory
from incidents.models import DemandSignal, Incident, IncidentNote, PriorityMatrix
from monitoring.models import Alert
from monitoring.payloads import fingerprint
from sla.models import SLATimer

from .conftest import am_alert, am_body
from .factories import AlertRuleFactory, AlertSourceFactory
from .payloads import load

pytestmark = pytest.mark.django_db


def test_alertmanagers_documented_body_opens_one_incident_with_the_sla_clocks(source, post):
    from sla.tests.factories import PolicyFactory

    PolicyFactory(channel="monitoring", response_minutes=15, resolution_minutes=120)
    service = ServiceFactory(name="Web shop")
    AlertRuleFactory(source=source, match={"job": "http_checks"}, service=service, impact=1)
    response = post(source, load("alertmanager.json"))
    assert response.status_code == 202, response.content
    body = response.json()
    [incident] = Incident.objects.all()
    assert body == {"accepted": 1, "incidents": [incident.pk], "suppressed": 0}
    assert incident.channel == "monitoring" and incident.service == service
    assert incident.title == "BlackBox Probe Failure: https://server.example.org"
    # impact 1 from the rule, urgency 1 from severity=critical: the matrix's cell.
    assert (incident.impact, incident.urgency) == (1, 1)
    assert incident.priority == PriorityMatrix.objects.get(impact=1, urgency=1).priority
    assert incident.created_by.username == "monitoring-channel" and not incident.created_by.is_active
    clocks = SLATimer.objects.filter(object_id=incident.pk)
    assert sorted(clocks.values_list("metric", "status")) == [("resolution", "running"), ("response", "running")]
    assert clocks.get(metric="response").target == timedelta(minutes=15)
    alert = Alert.objects.get()
    assert (alert.fingerprint, alert.status, alert.incident, alert.received_count) == (
        "1a30ba71cca2921f", "firing", incident, 1)
    assert alert.labels["instance"] == "https://server.example.org"
    assert alert.generator_url.startswith("http://prometheus.example.org:9090/")


def test_grafanas_body_opens_one_incident_per_alert(post):
    service = ServiceFactory()
    source = AlertSourceFactory(kind="grafana", default_service=service)
    response = post(source, load("grafana.json"))
    assert response.status_code == 202, response.content
    assert response.json()["accepted"] == 2 and len(response.json()["incidents"]) == 2
    assert set(Alert.objects.values_list("fingerprint", flat=True)) == {"c6eadffa33fcdf37", "bc97ff14869b13e3"}
    assert set(Incident.objects.values_list("service", flat=True)) == {service.pk}
    assert "valueString" in Alert.objects.get(fingerprint="c6eadffa33fcdf37").annotations


def test_the_generic_shape_with_a_computed_fingerprint(post):
    source = AlertSourceFactory(kind="generic", default_service=ServiceFactory())
    body = {"alerts": [{"title": "Disk almost full on db1", "severity": "info", "labels": {"host": "db1"}}]}
    assert post(source, body).status_code == 202
    alert = Alert.objects.get()
    assert alert.fingerprint == fingerprint({"host": "db1"})
    assert alert.incident.urgency == 3 and alert.incident.title == "Disk almost full on db1"
    # The same alert posted with the fingerprint it was given: the same alert.
    body["alerts"][0]["fingerprint"] = alert.fingerprint
    assert post(source, body).json()["incidents"] == [alert.incident_id]
    assert Alert.objects.get().received_count == 2


def test_repeats_count_and_never_open_a_second_incident(source, post):
    source.default_service = ServiceFactory()
    source.save()
    first = post(source, am_body(am_alert(instance="web1"))).json()
    for _ in range(4):
        assert post(source, am_body(am_alert(instance="web1"))).json() == {**first, "accepted": 1}
    alert = Alert.objects.get()
    assert alert.received_count == 5 and alert.last_received_at > alert.first_received_at
    assert Incident.objects.count() == 1


def test_a_repeat_costs_one_statement_after_the_token(source, post):
    post(source, am_body(am_alert(instance="web1")))
    with CaptureQueriesContext(connection) as queries:
        assert post(source, am_body(am_alert(instance="web1"))).status_code == 202
    statements = [q["sql"] for q in queries.captured_queries if not q["sql"].startswith(("SAVEPOINT", "RELEASE"))]
    assert len(statements) == 2, statements  # the source by id, the UPDATE … RETURNING


def test_resolved_adds_a_note_and_resolves_and_firing_again_reopens(source, post):
    source.default_service = ServiceFactory()
    source.save()
    incident_id = post(source, am_body(am_alert(instance="web1"))).json()["incidents"][0]
    response = post(source, am_body(am_alert(instance="web1", status="resolved"), status="resolved"))
    assert response.json()["incidents"] == [incident_id]
    incident = Incident.objects.get(pk=incident_id)
    assert incident.status == "resolved" and incident.resolution_code == "fixed"
    assert IncidentNote.objects.filter(incident=incident, body__startswith="Alert resolved").count() == 1
    # Alertmanager repeats the resolved alert in later notifications of the group: nothing more happens.
    post(source, am_body(am_alert(instance="web1", status="resolved"), status="resolved"))
    assert IncidentNote.objects.filter(incident=incident, body__startswith="Alert resolved").count() == 1

    refire = am_alert(instance="web1")
    refire["startsAt"] = "2030-02-06T15:00:00Z"  # a new episode
    assert post(source, am_body(refire)).json()["incidents"] == [incident_id]
    incident.refresh_from_db()
    assert incident.status == "in_progress" and incident.reopen_count == 1
    first, second = Alert.objects.order_by("id")
    assert (first.status, second.status, second.previous, second.incident_id) == ("resolved", "firing", first,
                                                                                  incident_id)


def test_a_late_copy_of_a_resolved_episode_opens_nothing(source, post):
    source.default_service = ServiceFactory()
    source.save()
    post(source, am_body(am_alert(instance="web1")))
    post(source, am_body(am_alert(instance="web1", status="resolved"), status="resolved"))
    post(source, am_body(am_alert(instance="web1")))  # same startsAt: a retried old notification
    assert Alert.objects.count() == 1 and Incident.objects.get().status == "resolved"


def test_firing_after_the_reopen_window_opens_a_new_incident_naming_the_old(source, post):
    source.default_service, source.reopen_minutes = ServiceFactory(), 30
    source.save()
    old_id = post(source, am_body(am_alert(instance="web1"))).json()["incidents"][0]
    post(source, am_body(am_alert(instance="web1", status="resolved"), status="resolved"))
    Incident.objects.filter(pk=old_id).update(resolved_at=timezone.now() - timedelta(hours=2))
    refire = am_alert(instance="web1")
    refire["startsAt"] = "2030-02-07T15:00:00Z"
    [new_id] = post(source, am_body(refire)).json()["incidents"]
    assert new_id != old_id
    old, new = Incident.objects.get(pk=old_id), Incident.objects.get(pk=new_id)
    assert old.status == "resolved" and new.description.startswith(f"Follow-up to {old.number}")


def test_without_auto_resolve_the_incident_stays_open_with_the_note(source, post):
    source.default_service, source.auto_resolve = ServiceFactory(), False
    source.save()
    [incident_id] = post(source, am_body(am_alert(instance="web1"))).json()["incidents"]
    post(source, am_body(am_alert(instance="web1", status="resolved"), status="resolved"))
    incident = Incident.objects.get(pk=incident_id)
    assert incident.is_open and incident.notes.filter(body__startswith="Alert resolved").exists()


def test_rules_are_tried_in_order_and_a_ci_gives_its_service(source, post):
    ci = ConfigurationItemFactory(name="db1")
    AlertRuleFactory(source=source, order=0, match={"job": "db", "env": "prod"}, ci=ci, urgency=1)
    AlertRuleFactory(source=source, order=1, match={"job": "db"}, service=ServiceFactory(), urgency=3)
    post(source, am_body(am_alert(job="db", env="prod"), am_alert(job="db", env="test")))
    prod = Alert.objects.get(labels__env="prod")
    test = Alert.objects.get(labels__env="test")
    assert (prod.ci, prod.service, prod.incident.ci, prod.incident.urgency) == (ci, ci.service, ci, 1)
    assert test.ci is None and test.incident.urgency == 3


def test_one_bad_alert_refuses_the_whole_post(source, post):
    source.default_service = ServiceFactory()
    source.save()
    bad = am_alert(instance="web2")
    bad["startsAt"] = "last tuesday"
    response = post(source, am_body(am_alert(instance="web1"), bad))
    assert response.status_code == 400
    assert "alerts[1].startsAt" in response.json()
    assert not Alert.objects.exists() and not Incident.objects.exists()


def test_storm_alerts_join_one_incident_and_count_as_demand(source, post, settings):
    settings.MONITORING_STORM_THRESHOLD = 3
    service = ServiceFactory()
    source.default_service = service
    source.save()
    response = post(source, am_body(*[am_alert(instance=f"web{i}") for i in range(20)]))
    assert response.status_code == 202
    assert Incident.objects.count() == 3
    assert DemandSignal.objects.filter(service=service, source="monitoring").count() == 17
    grouped = Alert.objects.filter(grouped=True)
    assert grouped.count() == 17 and {a.incident_id for a in grouped} == {max(response.json()["incidents"])}
    # The storm's grouped alerts resolve quietly; the incident resolves when its last alert does.
    storm_incident = grouped.first().incident
    post(source, am_body(*[am_alert(instance=f"web{i}", status="resolved") for i in range(20)], status="resolved"))
    storm_incident.refresh_from_db()
    assert storm_incident.status == "resolved"
    assert storm_incident.notes.filter(body__startswith="Alert resolved").count() == 1


def test_a_ci_one_hop_away_from_a_changed_ci_is_quiet(source, post):
    from changes.tests.factories import ChangeFactory

    database = ConfigurationItemFactory(name="pg-main")
    app = ConfigurationItemFactory(name="shop-app", service=database.service)
    CIRelationFactory(source=app, target=database, kind="depends_on")
    now = timezone.now()
    change = ChangeFactory(status="scheduled", planned_start=now - timedelta(minutes=5),
                           planned_end=now + timedelta(hours=1))
    change.cis.add(database)
    AlertRuleFactory(source=source, match={"job": "shop"}, ci=app)
    response = post(source, am_body(am_alert(job="shop")))
    assert response.json() == {"accepted": 1, "incidents": [], "suppressed": 1}
    alert = Alert.objects.get()
    assert alert.suppressed_by_change == change and alert.incident is None
    # Repeats stay quiet too.
    assert post(source, am_body(am_alert(job="shop"))).json()["suppressed"] == 1
    assert not Incident.objects.exists()


def test_a_change_outside_its_window_or_not_scheduled_silences_nothing(source, post):
    from changes.tests.factories import ChangeFactory

    service = ServiceFactory()
    source.default_service = service
    source.save()
    now = timezone.now()
    later = ChangeFactory(status="scheduled", planned_start=now + timedelta(hours=1),
                          planned_end=now + timedelta(hours=2))
    authorised = ChangeFactory(status="authorized", planned_start=now - timedelta(hours=1),
                               planned_end=now + timedelta(hours=2))
    for change in (later, authorised):
        change.services.add(service)
    assert post(source, am_body(am_alert())).json()["suppressed"] == 0
    assert Incident.objects.count() == 1


def test_an_alert_during_an_active_major_incident_links_to_its_master(source, post, make_user):
    from core.roles import Role
    from incidents import services as incidents

    service = ServiceFactory()
    source.default_service = service
    source.save()
    manager = make_user(Role.MANAGER)
    master = incidents.incident_create(title="Shop down", actor=manager, service=service)
    incidents.major_incident_declare(incident=master, actor=manager, summary="Shop down")
    [incident_id] = post(source, am_body(am_alert(instance="web9"))).json()["incidents"]
    assert Incident.objects.get(pk=incident_id).parent == master
