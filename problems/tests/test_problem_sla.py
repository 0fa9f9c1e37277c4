"""Issue 24, item 8: problems have their own SLA (``applies_to: problem``): a root-cause
target (the response clock, met when a root cause is first on record) and a fix target (the
resolution clock, met on resolve), escalated through the real sweep, shown on the problem page
and as ``sla`` in the API."""

from datetime import UTC, datetime, timedelta

import pytest

from catalog.tests.factories import ServiceFactory, TeamFactory
from core.roles import Role
from notifications.models import Delivery
from problems import services
from sla import services as sla
from sla.models import SLATimer
from sla.tests.factories import CalendarFactory, EscalationRuleFactory, PolicyFactory

pytestmark = pytest.mark.django_db

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def minutes(n):
    return timedelta(minutes=n)


@pytest.fixture
def people(make_user):
    return {"boss": make_user(Role.MANAGER, username="pm", email="pm@example.test"),
            "tech": make_user(Role.AGENT, username="tech", email="tech@example.test")}


@pytest.fixture
def policy(people):
    policy = PolicyFactory(name="Problems", applies_to="problem", calendar=CalendarFactory(), response_minutes=120,
                           resolution_minutes=600, pause_on=[])
    EscalationRuleFactory(policy=policy, metric="response", at_percent=100, notify="assignee",
                          channels=["email"])
    EscalationRuleFactory(policy=policy, metric="resolution", at_percent=100, notify="team_manager",
                          channels=["in_app"])
    return policy


def timers(problem):
    return {t.metric: t for t in SLATimer.objects.filter(kind="problem", object_id=problem.pk)}


def test_root_cause_and_fix_targets_start_and_are_met(people, policy):
    team = TeamFactory(manager=people["boss"])
    problem = services.problem_create(actor=people["tech"], title="Mail queue stalls", team=team)
    clocks, start = timers(problem), problem.created_at
    assert clocks["response"].due_at == start + minutes(120) and clocks["resolution"].due_at == start + minutes(600)
    services.problem_update(problem=problem, actor=people["tech"], root_cause="A full disk on the relay")
    problem.refresh_from_db()
    clocks = timers(problem)
    assert problem.root_cause_at is not None
    assert clocks["response"].status == "met" and clocks["resolution"].status == "running"
    services.problem_investigate(problem=problem, actor=people["tech"])
    services.problem_resolve(problem=problem, actor=people["tech"], resolution="Disk grown, alert added")
    assert timers(problem)["resolution"].status == "met"


def test_escalations_fire_through_the_real_sweep(people, policy, celery_eager, django_capture_on_commit_callbacks):
    team = TeamFactory(manager=people["boss"])
    problem = services.problem_create(actor=people["tech"], title="VPN drops", team=team, owner=people["tech"],
                                      at=T0)
    with django_capture_on_commit_callbacks(execute=True):
        result = sla.sla_sweep(now=T0 + minutes(121))
    assert (result.breached, result.escalated) == (1, 1)
    owner_told = Delivery.objects.get(template="sla-escalation", user=people["tech"])
    assert problem.number in owner_told.subject and owner_told.url == problem.get_absolute_url()
    assert owner_told.related == f"problems.problem:{problem.pk}"
    assert not Delivery.objects.filter(template="sla-escalation", user=people["boss"]).exists()
    with django_capture_on_commit_callbacks(execute=True):
        result = sla.sla_sweep(now=T0 + minutes(601))
    assert (result.breached, result.escalated) == (1, 1)
    assert Delivery.objects.filter(template="sla-escalation", user=people["boss"], channel="in_app").count() == 1
    # a sweep that runs again fires nothing twice
    with django_capture_on_commit_callbacks(execute=True):
        assert sla.sla_sweep(now=T0 + minutes(700)).escalated == 0
    assert Delivery.objects.filter(template="sla-escalation").count() == 2


def test_a_higher_priority_picks_a_tighter_policy(people, policy):
    PolicyFactory(name="P1 problems", applies_to="problem", priority=1, calendar=CalendarFactory(),
                  response_minutes=30, resolution_minutes=240, pause_on=[])
    problem = services.problem_create(actor=people["tech"], title="Core switch", at=T0)
    assert timers(problem)["resolution"].policy == policy
    services.problem_update(problem=problem, actor=people["tech"], impact=1, urgency=1)
    assert {t.policy.name for t in timers(problem).values()} == {"P1 problems"}


def test_a_service_policy_applies_to_the_problem_of_that_service(people, policy):
    service = ServiceFactory(name="Payroll")
    PolicyFactory(name="Payroll problems", applies_to="problem", service=service, calendar=CalendarFactory(),
                  response_minutes=45, resolution_minutes=300, pause_on=[])
    problem = services.problem_create(actor=people["tech"], title="Payslips late", services=[service], at=T0)
    assert timers(problem)["response"].policy.name == "Payroll problems"


def test_api_and_page_show_the_clocks(api, client, people, policy):
    problem = services.problem_create(actor=people["tech"], title="Printer spooler")
    body = api.as_user(people["tech"]).get(f"/api/v1/problems/{problem.pk}/").json()
    assert {c["metric"] for c in body["sla"]} == {"response", "resolution"}
    assert all(c["status"] == "running" and c["remaining_seconds"] > 0 for c in body["sla"])
    listed = api.as_user(people["tech"]).get("/api/v1/problems/").json()["results"][0]
    assert len(listed["sla"]) == 2 and listed["root_cause_at"] is None
    client.force_login(people["tech"])
    page = client.get(f"/problems/{problem.pk}/").content.decode()
    assert page.count('data-testid="sla-clock"') == 2
    assert '<span class="sla-clock-metric">Root cause</span>' in page
    assert '<span class="sla-clock-metric">Fix</span>' in page
