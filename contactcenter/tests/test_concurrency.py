"""Routing races on real PostgreSQL connections: calls arriving together never share an
agent, and agents freeing up together never take the same waiting call."""

import pytest
from django.test import Client
from django.utils import timezone

from catalog.tests.factories import AgentProfileFactory, SkillFactory
from contactcenter import routing
from contactcenter.models import AgentState, Call, Line, Queue
from core.roles import Role
from incidents.tests.test_concurrency import run_together

from .signed import incoming, post

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def queue():
    skill = SkillFactory(name="cards")
    queue = Queue.objects.create(name="cards", skill=skill)
    Line.objects.create(number="+302100000000", name="Cards", queue=queue)
    return queue


def skilled_agent(make_user, queue, username, state="available"):
    user = make_user(Role.AGENT, username=username)
    AgentProfileFactory(user=user).skills.add(queue.skill)
    routing.agent_set_state(user=user, state=state)
    return user


def test_three_calls_at_once_with_two_free_agents(make_user, queue):
    ann, bob = skilled_agent(make_user, queue, "ann"), skilled_agent(make_user, queue, "bob")
    for n, sid in enumerate(["CA1", "CA2", "CA3"], start=1):  # unknown callers: asked who they are
        post(Client(), "voice", incoming(sid, caller=f"+30690000000{n}"))
    # All three skip the account number at the same instant and are routed together.
    responses = run_together(*[(lambda sid=sid: post(Client(), "gather", {"CallSid": sid, "Digits": ""},
                                                     query="step=account")) for sid in ["CA1", "CA2", "CA3"]])
    assert all(r.status_code == 200 for r in responses), responses
    bodies = [r.content.decode() for r in responses]
    assert sum("<Client>" in b for b in bodies) == 2 and sum(">cards</Enqueue>" in b for b in bodies) == 1
    agents = list(Call.objects.exclude(agent=None).values_list("agent__username", flat=True))
    assert sorted(agents) == ["ann", "bob"]
    assert set(AgentState.objects.values_list("state", flat=True)) == {"busy"}
    assert ann != bob


def test_two_agents_freeing_up_at_once_take_one_waiting_call(make_user, queue):
    ann = skilled_agent(make_user, queue, "ann", state="offline")
    bob = skilled_agent(make_user, queue, "bob", state="offline")
    call = Call.objects.create(call_sid="CA1", queue=queue, queued_at=timezone.now())
    run_together(lambda: routing.agent_set_state(user=ann, state="available"),
                 lambda: routing.agent_set_state(user=bob, state="available"))
    call.refresh_from_db()
    assert call.agent in (ann, bob)
    states = dict(AgentState.objects.values_list("user__username", "state"))
    assert sorted(states.values()) == ["available", "busy"]
    assert AgentState.objects.get(user=call.agent).call == call
