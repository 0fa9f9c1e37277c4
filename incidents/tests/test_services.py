"""Incident lifecycle, guards, priority, routing, duplicates and SLA, through the services."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from catalog.tests.factories import (
    ConfigurationItemFactory,
    ContactFactory,
    ServiceFactory,
    TeamFactory,
    UserFactory,
)
from core.errors import InvalidTransitionError
from core.roles import Role
from incidents import services
from incidents.models import Incident, PriorityMatrix
from notifications.models import Notification
from sla.models import SLATimer
from sla.tests.factories import PolicyFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("celery_eager", "run_on_commit")]
T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


@pytest.fixture
def run_on_commit(monkeypatch):
    """Side effects queued for after commit (notifications) run at once: inside the test's
    transaction there is no commit to wait for. Tests of the commit itself use
    django_capture_on_commit_callbacks."""
    from django.db import transaction

    monkeypatch.setattr(transaction, "on_commit", lambda func, using=None, robust=False: func())


@pytest.fixture
def desk(make_user):
    team = TeamFactory(name="Service Desk")
    agent, other = make_user(Role.AGENT, username="ann"), make_user(Role.AGENT, username="bob")
    team.members.add(agent, other)
    service = ServiceFactory(name="Internet banking", owner_team=team)
    requester = make_user(Role.REQUESTER, username="rita")
    contact = ContactFactory(user=requester, customer__tier="vip")
    PolicyFactory(name="incidents", response_minutes=60, resolution_minutes=480, pause_on=["on_hold"])
    return {"team": team, "agent": agent, "other": other, "service": service, "requester": requester,
            "contact": contact}


def create(desk, **kw):
    params = {"title": "Cannot log in", "actor": desk["requester"], "service": desk["service"], "at": T0}
    params.update(kw)
    return services.incident_create(**params)


class TestCreate:
    def test_number_priority_team_customer_and_clocks(self, desk):
        incident = create(desk, impact=1, urgency=2)
        assert incident.number == f"INC{incident.pk:06d}"
        assert incident.priority == 2 and incident.status == "new"
        assert incident.team == desk["team"]
        assert incident.requester == desk["requester"] and incident.contact == desk["contact"]
        assert incident.customer.tier == "vip"
        timers = {t.metric: t for t in SLATimer.objects.filter(object_id=incident.pk)}
        assert timers["response"].due_at == T0 + timedelta(minutes=60)
        assert incident.history.first().number == incident.number

    def test_the_matrix_is_configurable(self, desk):
        PriorityMatrix.objects.filter(impact=3, urgency=3).update(priority=4)
        assert create(desk, impact=3, urgency=3).priority == 4
        PriorityMatrix.objects.filter(impact=3, urgency=3).delete()
        assert create(desk, impact=3, urgency=3).priority == 5

    def test_the_ci_owner_team_routes_before_the_service(self, desk):
        network = TeamFactory(name="Network")
        ci = ConfigurationItemFactory(service=desk["service"], owner_team=network)
        assert create(desk, ci=ci).team == network

    def test_bad_input_is_refused_and_nothing_saved(self, desk):
        with pytest.raises(ValidationError):
            create(desk, title="x" * 201)
        with pytest.raises(ValidationError):
            create(desk, impact=7)
        assert Incident.objects.count() == 0


class TestLifecycle:
    def test_assign_start_hold_resume_resolve_close(self, desk):
        agent = desk["agent"]
        incident = create(desk)
        incident = services.incident_assign(incident=incident, actor=desk["other"], assignee=agent)
        assert incident.status == "assigned" and incident.assignee == agent
        assert Notification.objects.filter(user=agent, subject__contains="assigned to you").exists()
        incident = services.incident_start(incident=incident, actor=agent, at=T0 + timedelta(minutes=10))
        assert incident.status == "in_progress" and incident.acknowledged_at == T0 + timedelta(minutes=10)
        assert SLATimer.objects.get(object_id=incident.pk, metric="response").status == "met"
        incident = services.incident_hold(incident=incident, actor=agent, reason="waiting for the customer",
                                          at=T0 + timedelta(minutes=20))
        assert SLATimer.objects.get(object_id=incident.pk, metric="resolution").status == "paused"
        incident = services.incident_resume(incident=incident, actor=agent, at=T0 + timedelta(minutes=80))
        resolution = SLATimer.objects.get(object_id=incident.pk, metric="resolution")
        assert resolution.status == "running" and resolution.consumed == timedelta(minutes=20)
        incident = services.incident_resolve(incident=incident, actor=agent, resolution_code="fixed",
                                             resolution="Password reset", at=T0 + timedelta(minutes=90))
        assert incident.status == "resolved" and incident.resolution == "Password reset"
        assert [m.subject for m in mail.outbox if "resolved" in m.subject] == [
            f"{incident.number} is resolved: Cannot log in"]
        incident = services.incident_close(incident=incident, actor=agent)
        assert incident.status == "closed"
        reasons = list(incident.history.order_by("history_date").values_list("history_change_reason", flat=True))
        assert reasons[:2] == ["created", "assigned"] and reasons[-1] == "closed"

    @pytest.mark.parametrize("action, kwargs", [
        ("incident_resume", {}), ("incident_hold", {"reason": "x"}), ("incident_close", {}),
        ("incident_reopen", {"reason": "x"}),
    ])
    def test_disallowed_transitions_are_refused_with_the_current_status(self, desk, action, kwargs):
        incident = create(desk)
        with pytest.raises(InvalidTransitionError) as err:
            getattr(services, action)(incident=incident, actor=desk["agent"], **kwargs)
        assert err.value.status == "new"

    def test_requesters_cannot_work_incidents(self, desk):
        incident = create(desk)
        with pytest.raises(PermissionDenied):
            services.incident_start(incident=incident, actor=desk["requester"])

    def test_resolution_needs_a_code_and_a_text(self, desk):
        incident = create(desk)
        with pytest.raises(ValidationError) as err:
            services.incident_resolve(incident=incident, actor=desk["agent"], resolution_code="magic", resolution="")
        assert set(err.value.message_dict) == {"resolution_code", "resolution"}

    def test_reopen_within_the_window_continues_the_resolution_clock(self, desk, settings):
        agent = desk["agent"]
        incident = services.incident_resolve(incident=create(desk), actor=agent, resolution_code="fixed",
                                             resolution="done")
        incident = services.incident_reopen(incident=incident, actor=agent, reason="Still broken")
        assert incident.status == "in_progress" and incident.reopen_count == 1
        assert SLATimer.objects.get(object_id=incident.pk, metric="resolution").status in ("running", "breached")
        incident = services.incident_resolve(incident=incident, actor=agent, resolution_code="fixed",
                                             resolution="really")
        Incident.objects.filter(pk=incident.pk).update(resolved_at=datetime.now(UTC) - timedelta(days=30))
        with pytest.raises(InvalidTransitionError, match="within 7 days"):
            services.incident_reopen(incident=incident, actor=agent, reason="again")

    def test_hold_needs_a_reason(self, desk):
        incident = services.incident_start(incident=create(desk), actor=desk["agent"])
        with pytest.raises(ValidationError):
            services.incident_hold(incident=incident, actor=desk["agent"], reason=" ")

    def test_assignee_must_be_staff_and_in_the_team(self, desk):
        incident = create(desk)
        with pytest.raises(ValidationError):
            services.incident_assign(incident=incident, actor=desk["agent"], assignee=desk["requester"])
        outsider = UserFactory(roles=[Role.AGENT])
        with pytest.raises(ValidationError):
            services.incident_assign(incident=incident, actor=desk["agent"], assignee=outsider, team=desk["team"])

    def test_auto_close_after_n_days(self, desk, settings):
        settings.INCIDENT_AUTOCLOSE_DAYS = 3
        old = services.incident_resolve(incident=create(desk), actor=desk["agent"], resolution_code="fixed",
                                        resolution="done", at=datetime.now(UTC) - timedelta(days=4))
        recent = services.incident_resolve(incident=create(desk), actor=desk["agent"], resolution_code="fixed",
                                           resolution="done")
        assert services.incidents_auto_close() == 1
        old.refresh_from_db()
        recent.refresh_from_db()
        assert old.status == "closed" and recent.status == "resolved"
        assert old.history.first().history_change_reason == "closed automatically"


class TestDuplicates:
    def test_resolving_the_master_resolves_its_children_and_tells_each_requester(self, desk, make_user):
        master = create(desk, title="Internet banking down")
        children = []
        for name in ("carla", "dimitris"):
            requester = make_user(Role.REQUESTER, username=name)
            child = create(desk, actor=requester, title=f"{name}: cannot log in")
            children.append(services.incident_link(incident=child, actor=desk["agent"], parent=master))
        services.incident_resolve(incident=master, actor=desk["agent"], resolution_code="fixed",
                                  resolution="Load balancer restarted")
        for child in children:
            child.refresh_from_db()
            assert child.status == "resolved" and child.resolution == "Load balancer restarted"
            assert Notification.objects.filter(user=child.requester, subject__contains="is resolved").count() == 1

    def test_no_self_links_no_cycles_and_only_open_masters(self, desk):
        a, b, c = create(desk), create(desk), create(desk)
        with pytest.raises(ValidationError, match="own master"):
            services.incident_link(incident=a, actor=desk["agent"], parent=a)
        services.incident_link(incident=b, actor=desk["agent"], parent=a)
        services.incident_link(incident=c, actor=desk["agent"], parent=b)
        with pytest.raises(ValidationError, match="cycle"):
            services.incident_link(incident=a, actor=desk["agent"], parent=c)
        done = services.incident_resolve(incident=create(desk), actor=desk["agent"], resolution_code="fixed",
                                         resolution="x")
        with pytest.raises(ValidationError, match="already resolved"):
            services.incident_link(incident=create(desk), actor=desk["agent"], parent=done)


class TestNotes:
    def test_an_agents_first_public_comment_acknowledges_and_the_requester_hears(self, desk):
        incident = create(desk)
        services.incident_add_note(incident=incident, actor=desk["agent"], body="Looking at it",
                                   visibility="public", at=T0 + timedelta(minutes=5))
        incident.refresh_from_db()
        assert incident.acknowledged_at == T0 + timedelta(minutes=5)
        assert SLATimer.objects.get(object_id=incident.pk, metric="response").status == "met"
        assert Notification.objects.filter(user=desk["requester"], subject__contains="new comment").count() == 1

    def test_work_notes_do_not_acknowledge_or_notify(self, desk):
        incident = create(desk)
        services.incident_add_note(incident=incident, actor=desk["agent"], body="internal", visibility="internal")
        incident.refresh_from_db()
        assert incident.acknowledged_at is None
        assert not Notification.objects.filter(user=desk["requester"]).exists()

    def test_requesters_only_write_comments(self, desk):
        # Issue 16: asking for an internal note is refused, no longer silently made public.
        incident = create(desk)
        with pytest.raises(PermissionDenied, match="not internal work notes"):
            services.incident_add_note(incident=incident, actor=desk["requester"], body="any news?",
                                       visibility="internal")
        assert not incident.notes.exists()
        note = services.incident_add_note(incident=incident, actor=desk["requester"], body="any news?")
        assert note.visibility == "public"
        assert services.incident_add_note(incident=incident, actor=desk["agent"], body="db").visibility == "internal"


def test_a_new_priority_re_targets_the_clocks_keeping_consumed_time(desk):
    PolicyFactory(name="P1", priority=1, response_minutes=15, resolution_minutes=120)
    incident = create(desk, impact=3, urgency=3)  # P5: the 60/480 policy
    incident = services.incident_update(incident=incident, actor=desk["agent"], impact=1, urgency=1,
                                        at=T0 + timedelta(minutes=10))
    assert incident.priority == 1
    response = SLATimer.objects.get(object_id=incident.pk, metric="response")
    assert response.policy.name == "P1" and response.consumed == timedelta(minutes=10)
    assert response.due_at == T0 + timedelta(minutes=15)
    with pytest.raises(ValueError):
        services.incident_update(incident=incident, actor=desk["agent"], status="closed")


def test_auto_close_runs_on_beat(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["incidents-auto-close"]
    assert entry["task"] == "incidents.tasks.auto_close"
    from incidents.tasks import auto_close

    assert auto_close.apply().get() == 0


def test_a_ci_of_another_service_is_refused(desk):
    other_ci = ConfigurationItemFactory(service=ServiceFactory(name="Card payments"))
    with pytest.raises(ValidationError) as err:
        create(desk, ci=other_ci)
    assert "ci" in err.value.message_dict
