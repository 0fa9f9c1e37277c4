"""Issue 23: resolving a master with many linked reports and declaring a major incident that
links them are set-based (queries do not grow with the children; one task tells the
requesters), and recording an incident through the API takes at most 12 queries."""

import time

import pytest
from celery.signals import task_prerun
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from catalog.tests.factories import ServiceFactory
from core.roles import Role
from incidents import services
from incidents.models import Incident, PriorityMatrix
from notifications.models import Delivery, Notification
from sla import services as sla
from sla.models import SLAEvent, SLATimer

pytestmark = pytest.mark.django_db


def reports(desk, make_user, n: int, *, parent=None, prefix="r"):
    made = []
    for k in range(n):
        requester = make_user(Role.REQUESTER, username=f"{prefix}{k}", email=f"{prefix}{k}@example.test")
        made.append(services.incident_create(title=f"Cannot log in {k}", actor=requester, service=desk["service"]))
    if parent is not None:
        services.incident_link_to_master(master=parent, incidents=made, actor=desk["agent"])
    return made


@pytest.fixture
def tasks_run():
    """The names of the Celery tasks run (eagerly) while the test lasts."""
    names = []

    def seen(sender=None, task=None, **kwargs):
        names.append(task.name)

    task_prerun.connect(seen, weak=False, dispatch_uid="test-set-based-tasks")
    yield names
    task_prerun.disconnect(dispatch_uid="test-set-based-tasks")


def resolve_queries(desk, make_user, n: int, prefix: str) -> int:
    master = services.incident_create(title="Internet banking down", actor=desk["agent"], service=desk["service"])
    reports(desk, make_user, n, parent=master, prefix=prefix)
    with CaptureQueriesContext(connection) as ctx:
        services.incident_resolve(incident=master, actor=desk["agent"], resolution_code="fixed",
                                  resolution="Load balancer restarted")
    return len(ctx)


class TestResolveWithMaster:
    def test_the_queries_do_not_grow_with_the_children(self, desk, make_user):
        assert resolve_queries(desk, make_user, 3, "a") == resolve_queries(desk, make_user, 30, "b")

    def test_each_child_is_resolved_with_a_history_row_its_clocks_stopped_and_its_requester_told_by_one_task(
            self, desk, make_user, celery_eager, tasks_run, django_capture_on_commit_callbacks):
        master = services.incident_create(title="Internet banking down", actor=desk["agent"],
                                          service=desk["service"])
        children = reports(desk, make_user, 12, parent=master)
        grandchild = reports(desk, make_user, 1, parent=children[0], prefix="g")[0]
        with django_capture_on_commit_callbacks(execute=True):
            services.incident_resolve(incident=master, actor=desk["agent"], resolution_code="fixed",
                                      resolution="Load balancer restarted")
        for child in [*children, grandchild]:
            fresh = Incident.objects.get(pk=child.pk)
            assert fresh.status == "resolved" and fresh.resolution == "Load balancer restarted"
            assert fresh.resolution_code == "fixed" and fresh.acknowledged_at is not None
            latest = fresh.history.order_by("-history_date", "-history_id").first()
            assert latest.status == "resolved" and latest.history_user == desk["agent"]
            parent = children[0] if child.pk == grandchild.pk else master
            assert latest.history_change_reason == f"resolved with master {parent.number}"
            timers = list(SLATimer.objects.filter(object_id=child.pk, content_type__model="incident"))
            assert len(timers) == 2 and all(t.status == "met" and t.met_at is not None for t in timers)
            assert all(t.next_escalation_at is None and t.last_resumed_at is None for t in timers)
            assert SLAEvent.objects.filter(timer__in=timers, kind="stop").count() == 2
            note = Notification.objects.get(user=child.requester)
            assert "is resolved" in note.subject and child.number in note.subject
        # one task told all 13 requesters; their 26 deliveries went out in one batch task
        assert tasks_run.count("incidents.tasks.linked_resolved") == 1
        assert tasks_run.count("notifications.tasks.deliver_batch") == 1
        assert Delivery.objects.filter(template="incident-resolved", status="sent").count() == 26

    def test_five_hundred_children_resolve_fast(self, desk, make_user):
        master = services.incident_create(title="Internet banking down", actor=desk["agent"],
                                          service=desk["service"])
        template = reports(desk, make_user, 1, parent=master)[0]
        clones = Incident.objects.bulk_create([
            Incident(title=f"Cannot log in {k}", service=desk["service"], requester_id=template.requester_id,
                     team=desk["team"], parent=master, priority=3) for k in range(500)])
        for clone in clones:  # their clocks, as incident_create starts them
            sla.sla_start_new(ticket=clone)
        started = time.perf_counter()
        services.incident_resolve(incident=master, actor=desk["agent"], resolution_code="fixed", resolution="ok")
        elapsed = time.perf_counter() - started
        assert Incident.objects.filter(parent=master, status="resolved").count() == 501
        assert SLATimer.objects.filter(object_id__in=[c.pk for c in clones], status="met").count() == 1000
        assert elapsed < 5, f"resolving 500 children took {elapsed:.1f} s"


def declare_queries(desk, make_user, n: int, prefix: str) -> int:
    service = ServiceFactory(name=f"Cards {prefix}", owner_team=desk["team"])
    master = services.incident_create(title="Card payments down", actor=desk["agent"], service=service)
    made = []
    for k in range(n):
        requester = make_user(Role.REQUESTER, username=f"{prefix}{k}", email=f"{prefix}{k}@example.test")
        made.append(services.incident_create(title=f"Card declined {k}", actor=requester, service=service))
    with CaptureQueriesContext(connection) as ctx:
        services.major_incident_declare(incident=master, actor=desk["boss"], summary="Card payments down")
    assert Incident.objects.filter(parent=master).count() == n
    last = made[-1].history.order_by("-history_date", "-history_id").first()
    assert last.parent_id == master.pk and last.history_change_reason == f"linked to {master.number}"
    return len(ctx)


class TestDeclareLinks:
    def test_the_queries_do_not_grow_with_the_reports_linked(self, desk, make_user):
        declare_queries(desk, make_user, 1, "w")  # what a process reads once (content types, templates)
        assert declare_queries(desk, make_user, 3, "a") == declare_queries(desk, make_user, 30, "b")


class TestCreateThroughTheApi:
    def test_at_most_twelve_queries_and_the_answer_as_before(self, desk, django_capture_on_commit_callbacks):
        client = APIClient()
        client.force_authenticate(desk["agent"])
        payload = {"title": "VPN drops", "service": desk["service"].pk, "impact": 1, "urgency": 2}
        with django_capture_on_commit_callbacks(execute=True):  # the reference data read once, kept
            assert client.post("/api/v1/incidents/", payload, format="json").status_code == 201
        with CaptureQueriesContext(connection) as ctx:
            response = client.post("/api/v1/incidents/", payload, format="json")
        assert response.status_code == 201, response.content
        assert len(ctx) <= 12, "\n".join(q["sql"][:120] for q in ctx.captured_queries)
        body = response.json()
        assert body["number"] == f"INC{body['id']:06d}" and body["priority"] == 2 and body["team"] == desk["team"].pk
        assert {clock["metric"] for clock in body["sla"]} == {"response", "resolution"}
        incident = Incident.objects.get(pk=body["id"])
        created = incident.history.get()
        assert created.history_type == "+" and created.number == incident.number
        assert created.history_user == desk["agent"] and created.history_change_reason == "created"
        assert SLAEvent.objects.filter(timer__object_id=incident.pk, kind="start").count() == 2

    def test_a_changed_matrix_cell_or_policy_is_used_at_once(self, desk, django_capture_on_commit_callbacks):
        with django_capture_on_commit_callbacks(execute=True):
            first = services.incident_create(title="a", actor=desk["agent"], service=desk["service"], impact=3,
                                             urgency=3)
        cell = PriorityMatrix.objects.get(impact=3, urgency=3)
        with django_capture_on_commit_callbacks(execute=True):
            cell.priority = 4
            cell.save()
            desk["policy"].resolution_minutes = 120
            desk["policy"].save()
        second = services.incident_create(title="b", actor=desk["agent"], service=desk["service"], impact=3,
                                          urgency=3)
        assert first.priority == 5 and second.priority == 4
        targets = dict(SLATimer.objects.filter(object_id=second.pk).values_list("metric", "target"))
        assert targets["resolution"].total_seconds() == 120 * 60
        with django_capture_on_commit_callbacks(execute=True):
            cell.priority = 5
            cell.save()


class TestClocksOfLinkedReports:
    def test_a_clock_past_its_target_is_breached_then_and_records_when_it_was_met(self, desk, make_user):
        from datetime import UTC, datetime, timedelta

        t0 = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
        master = services.incident_create(title="Down", actor=desk["agent"], service=desk["service"], at=t0)
        requester = make_user(Role.REQUESTER, username="late", email="late@example.test")
        child = services.incident_create(title="Me too", actor=requester, service=desk["service"], at=t0)
        services.incident_link(incident=child, actor=desk["agent"], parent=master)
        done = t0 + timedelta(hours=2)
        services.incident_resolve(incident=master, actor=desk["agent"], resolution_code="fixed", resolution="ok",
                                  at=done)
        timers = {t.metric: t for t in SLATimer.objects.filter(object_id=child.pk, content_type__model="incident")}
        response, resolution = timers["response"], timers["resolution"]
        assert response.status == "breached" and response.breached_at == t0 + timedelta(minutes=60)
        assert response.met_at == done and response.consumed == timedelta(hours=2)
        assert resolution.status == "met" and resolution.met_at == done and resolution.consumed == timedelta(hours=2)
        kinds = list(SLAEvent.objects.filter(timer=response).order_by("id").values_list("kind", flat=True))
        assert kinds == ["start", "breach", "stop"]
