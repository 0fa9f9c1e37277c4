"""Routing races on real PostgreSQL connections: calls arriving together never share an
agent, and agents freeing up together never take the same waiting call."""

import pytest
from django.test import Client
from django.utils import timezone

from catalog.tests.factories import AgentProfileFactory, SkillFactory
from contactcenter import routing
from contactcenter.models import AgentState, AgentStateLog, Call, Line, Queue
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
    responses = run_together(
        *[
            (lambda sid=sid: post(Client(), "gather", {"CallSid": sid, "Digits": ""}, query="step=account"))
            for sid in ["CA1", "CA2", "CA3"]
        ]
    )
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
    run_together(
        lambda: routing.agent_set_state(user=ann, state="available"),
        lambda: routing.agent_set_state(user=bob, state="available"),
    )
    call.refresh_from_db()
    assert call.agent in (ann, bob)
    states = dict(AgentState.objects.values_list("user__username", "state"))
    assert sorted(states.values()) == ["available", "busy"]
    assert AgentState.objects.get(user=call.agent).call == call


# --- the gather hook's menu → agent in one statement (issue 22 bench: routing._connect_free_agent) ---
@pytest.fixture
def menu_queue(queue):
    from contactcenter.models import MenuOption

    MenuOption.objects.create(line=Line.objects.get(queue=queue), digit="1", label="cards", queue=queue)
    return queue


def test_two_menu_choices_at_once_with_one_free_agent(make_user, menu_queue):
    """Both callers press 1 at the same instant with ann the only free agent: one is put
    through to her, the other waits in the queue; her state and log hold one call."""
    ann = skilled_agent(make_user, menu_queue, "ann")
    for n, sid in enumerate(["CA1", "CA2"], start=1):
        post(Client(), "voice", incoming(sid, caller=f"+30690000000{n}"))
    responses = run_together(
        *[
            (lambda sid=sid: post(Client(), "gather", {"CallSid": sid, "Digits": "1"}, query="step=menu"))
            for sid in ["CA1", "CA2"]
        ]
    )
    assert all(r.status_code == 200 for r in responses), responses
    bodies = [r.content.decode() for r in responses]
    assert sum("<Client>ann</Client>" in b for b in bodies) == 1, bodies
    assert sum(">cards</Enqueue>" in b for b in bodies) == 1, bodies
    taken = Call.objects.get(agent=ann)
    assert Call.objects.filter(agent__isnull=True, queue=menu_queue, queued_at__isnull=False).count() == 1
    state = AgentState.objects.get(user=ann)
    assert (state.state, state.call_id) == ("busy", taken.pk)
    log = AgentStateLog.objects.filter(user=ann).order_by("id")
    assert [(entry.state, entry.ended_at is None, entry.call_id) for entry in log] == [
        ("available", False, None),
        ("busy", True, taken.pk),
    ]


def test_two_statements_at_once_never_take_the_same_agent(make_user, queue):
    """``_connect_free_agent`` itself on two connections at the same instant, ten times with
    one free agent: each time exactly one call gets her, the other statement writes nothing."""
    ann = skilled_agent(make_user, queue, "ann")
    for round_ in range(10):
        calls = [Call.objects.create(call_sid=f"CA{round_}-{k}") for k in range(2)]
        results = run_together(
            *[
                (
                    lambda call=call: routing._connect_free_agent(
                        call=call, queue=queue, at=timezone.now(), priority=0, also={}
                    )
                )
                for call in calls
            ]
        )
        assert not any(isinstance(r, Exception) for r in results), results
        assert sorted(r is not None for r in results) == [False, True], results
        winner = calls[[r is not None for r in results].index(True)]
        assert list(Call.objects.filter(pk__in=[c.pk for c in calls]).exclude(agent=None)) == [winner]
        assert AgentState.objects.get(user=ann).call_id == winner.pk
        assert AgentStateLog.objects.filter(user=ann, ended_at=None).get().call_id == winner.pk
        Call.objects.filter(pk=winner.pk).update(ended_at=timezone.now())  # ann is free again
        routing.agent_set_state(user=ann, state="available")
    assert AgentStateLog.objects.filter(user=ann, state="busy").count() == 10


def test_an_agent_being_taken_is_skipped_not_waited_for(make_user, queue):
    """Another transaction holds ann's row (taking her for another call): the one statement
    skips her at once (``SKIP LOCKED``) and writes nothing; the hook then routes under locks."""
    import threading

    from django.db import connection, transaction

    ann = skilled_agent(make_user, queue, "ann")
    call = Call.objects.create(call_sid="CA1")
    locked, release = threading.Event(), threading.Event()

    def hold():
        try:
            with transaction.atomic():
                AgentState.objects.select_for_update().get(user=ann)
                locked.set()
                release.wait(timeout=30)
        finally:
            connection.close()

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        assert locked.wait(timeout=10)
        assert routing._connect_free_agent(call=call, queue=queue, at=timezone.now(), priority=0, also={}) is None
        call.refresh_from_db()
        assert call.agent_id is None and call.queue_id is None
        assert AgentState.objects.get(user=ann).state == "available"
    finally:
        release.set()
        holder.join(timeout=30)
    assert routing._connect_free_agent(call=call, queue=queue, at=timezone.now(), priority=0, also={}).user_id == ann.pk
