"""All hands on the phones (issue 24.11): during an active major incident a staff member
outside the contact center joins the affected queues in one click, is routed their calls
like any agent (the calls marked and counted apart), leaves by hand or is logged out when
the major incident is resolved; every join and leave has history; staff only, CSRF."""

import pytest
from django.test import Client
from django.urls import reverse

from catalog.tests.factories import AgentProfileFactory, ServiceFactory, SkillFactory, TeamFactory
from contactcenter import routing
from contactcenter.all_hands import (
    affected_queues,
    temporary_agent_calls,
    temporary_agent_join,
    temporary_agent_leave,
    temporary_agents_release,
)
from contactcenter.choices import AgentStateChoice
from contactcenter.models import AgentState, AgentStateLog, Call, Queue, TemporaryAgent
from core.errors import ConflictError, InvalidTransitionError
from core.roles import Role
from incidents import services

from .factories import CallFactory, LineFactory, MenuOptionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def outage(make_user):
    boss = make_user(Role.MANAGER, username="mia-manager")
    tech = make_user(Role.AGENT, username="tom-tech")
    team = TeamFactory(name="Payments ops", manager=boss)
    team.members.add(tech)
    cards, other = ServiceFactory(name="Card payments", owner_team=team), ServiceFactory(name="Mail")
    cards_q = Queue.objects.create(name="cards", skill=SkillFactory(name="cards"))
    menu_q = Queue.objects.create(name="billing", skill=SkillFactory(name="billing"))
    mail_q = Queue.objects.create(name="mail", skill=SkillFactory(name="mail"))
    line = LineFactory(service=cards, queue=cards_q)
    MenuOptionFactory(line=line, queue=menu_q, digit="2")
    LineFactory(service=other, queue=mail_q)
    rita = make_user(Role.REQUESTER, username="rita")
    incident = services.incident_create(title="Card payments fail", actor=rita, service=cards)
    services.incident_start(incident=incident, actor=tech)
    major = services.major_incident_declare(incident=incident, actor=boss, summary="Cards down", services=[cards])
    helper = make_user(Role.AGENT, username="hugo-hosting")  # staff, no skill: not in the contact center
    agent = make_user(Role.AGENT, username="ada-agent")
    AgentProfileFactory(user=agent).skills.add(cards_q.skill)
    return {"boss": boss, "major": major, "cards_q": cards_q, "menu_q": menu_q, "mail_q": mail_q,
            "helper": helper, "agent": agent, "rita": rita, "cards": cards, "other": other}


def test_affected_queues_follow_lines_and_menu_options_else_the_default_queues(outage):
    assert [q.name for q in affected_queues(outage["major"])] == ["billing", "cards"]
    outage["major"].services.set([ServiceFactory(name="Unrouted")])
    # No line or menu option serves it: the default queues of the active lines.
    assert [q.name for q in affected_queues(outage["major"])] == ["cards", "mail"]


def test_join_routes_the_affected_queues_calls_to_the_helper_and_marks_them(outage):
    helper = outage["helper"]
    waiting = CallFactory(queue=outage["menu_q"])  # waits: nobody has the billing skill
    assert routing.route_call(call=waiting, queue=outage["menu_q"]) is None

    stint = temporary_agent_join(user=helper, major=outage["major"])

    assert set(stint.queues.values_list("name", flat=True)) == {"billing", "cards"}
    # Becoming available took the waiting call at once, marked as a temporary agent's.
    waiting.refresh_from_db()
    assert waiting.agent == helper and waiting.temporary_agent == stint
    assert AgentState.objects.get(user=helper).state == AgentStateChoice.BUSY
    assert stint.history.filter(history_type="+").count() == 1
    assert temporary_agent_join(user=helper, major=outage["major"]) == stint  # a second click: no-op


def test_helper_is_picked_for_their_queues_only_and_agents_calls_are_not_marked(outage):
    helper, agent = outage["helper"], outage["agent"]
    temporary_agent_join(user=helper, major=outage["major"])
    # The mail queue is not affected: the helper is not offered its calls.
    mail_call = CallFactory(queue=outage["mail_q"])
    assert routing.route_call(call=mail_call, queue=outage["mail_q"]) is None
    card_call = CallFactory(queue=outage["cards_q"])
    assert routing.pick_agent(outage["cards_q"]).user_id == helper.pk
    assert routing.route_call(call=card_call, queue=outage["cards_q"]).user_id == helper.pk
    routing.agent_set_state(user=agent, state=AgentStateChoice.AVAILABLE)
    agent_call = CallFactory(queue=outage["cards_q"])
    routing.route_call(call=agent_call, queue=outage["cards_q"])
    agent_call.refresh_from_db()
    assert agent_call.agent == agent and agent_call.temporary_agent_id is None
    assert Call.objects.get(pk=card_call.pk).temporary_agent is not None
    assert temporary_agent_calls(major=outage["major"]) == 1
    assert temporary_agent_calls() == 1


def test_contact_center_agents_and_resolved_incidents_get_no_button_and_one_stint_at_a_time(outage):
    with pytest.raises(InvalidTransitionError):
        temporary_agent_join(user=outage["agent"], major=outage["major"])
    with pytest.raises(InvalidTransitionError):
        temporary_agent_join(user=outage["rita"], major=outage["major"])
    temporary_agent_join(user=outage["helper"], major=outage["major"])
    other = services.incident_create(title="Mail down", actor=outage["rita"], service=outage["other"])
    services.incident_start(incident=other, actor=outage["boss"])
    second = services.major_incident_declare(incident=other, actor=outage["boss"], summary="Mail down")
    with pytest.raises(ConflictError):
        temporary_agent_join(user=outage["helper"], major=second)


def test_leave_is_refused_during_a_call_then_logs_out_with_history(outage):
    helper = outage["helper"]
    stint = temporary_agent_join(user=helper, major=outage["major"])
    call = CallFactory(queue=outage["cards_q"])
    routing.route_call(call=call, queue=outage["cards_q"])
    with pytest.raises(InvalidTransitionError):
        temporary_agent_leave(user=helper)
    Call.objects.filter(pk=call.pk).update(ended_at=call.started_at)
    temporary_agent_leave(user=helper)
    stint.refresh_from_db()
    assert stint.left_at is not None and stint.ended_by == "left"
    assert AgentState.objects.get(user=helper).state == AgentStateChoice.OFFLINE
    assert AgentStateLog.objects.get(user=helper, ended_at__isnull=True).state == AgentStateChoice.OFFLINE
    # The join (with its queues) and the leave are both in the history.
    assert stint.history.order_by("history_id").first().ended_by == ""
    assert stint.history.order_by("history_id").last().ended_by == "left"
    assert set(stint.history.order_by("history_id").last().queues.values_list("queue__name", flat=True)) == {
        "billing", "cards"}
    # Out of the queues: the next card call waits.
    assert routing.route_call(call=CallFactory(queue=outage["cards_q"]), queue=outage["cards_q"]) is None


def test_resolving_the_major_incident_logs_every_helper_out(outage, make_user, django_capture_on_commit_callbacks):
    helper, second = outage["helper"], make_user(Role.CHANGE_MANAGER, username="cleo-change")
    temporary_agent_join(user=helper, major=outage["major"])
    temporary_agent_join(user=second, major=outage["major"])
    busy = CallFactory(queue=outage["cards_q"])
    routing.route_call(call=busy, queue=outage["cards_q"])  # the longest idle (helper) is on a live call
    with django_capture_on_commit_callbacks(execute=True):
        services.major_incident_transition(major=outage["major"], actor=outage["boss"], action="resolve",
                                           resolution="Card processor restarted")
    stints = TemporaryAgent.objects.filter(major_incident=outage["major"])
    assert set(stints.values_list("ended_by", flat=True)) == {"resolved"}
    assert all(s.history.filter(ended_by="resolved").count() == 1 for s in stints)
    assert AgentState.objects.get(user=second).state == AgentStateChoice.OFFLINE
    # The helper on a call keeps it; no more calls come to them.
    assert AgentState.objects.get(user=helper).state == AgentStateChoice.BUSY
    assert temporary_agents_release(major_incident_id=outage["major"].pk) == 0


def test_pages_staff_only_csrf_and_managers_see_the_helpers(outage, client):
    join = reverse("contactcenter:all-hands-join", args=[outage["major"].pk])
    war_room = reverse("major:detail", args=[outage["major"].pk])
    client.force_login(outage["rita"])
    assert client.post(join).status_code == 404
    assert not TemporaryAgent.objects.exists()

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(outage["helper"])
    assert strict.post(join).status_code == 403  # no CSRF token
    assert strict.get(join).status_code == 405

    client.force_login(outage["helper"])
    page = client.get(war_room).content.decode()
    assert 'data-action="all-hands-join"' in page
    response = client.post(join)
    assert response.status_code == 302 and response.url == reverse("contactcenter:console")
    assert TemporaryAgent.objects.filter(user=outage["helper"], left_at__isnull=True).exists()
    page = client.get(war_room).content.decode()
    assert 'data-action="all-hands-leave"' in page and 'data-action="all-hands-join"' not in page

    client.force_login(outage["agent"])  # a contact-center agent: no button
    assert 'data-testid="all-hands"' not in client.get(war_room).content.decode()

    client.force_login(outage["boss"])
    page = client.get(war_room).content.decode()
    assert 'data-testid="all-hands-helper"' in page and "hugo-hosting" in page

    client.force_login(outage["helper"])
    assert client.post(reverse("contactcenter:all-hands-leave")).status_code == 302
    assert TemporaryAgent.objects.get(user=outage["helper"]).ended_by == "left"
