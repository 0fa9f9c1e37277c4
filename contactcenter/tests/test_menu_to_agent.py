"""A free agent taken in one statement (issue 22 bench: ``routing._connect_free_agent``, the
gather hook's menu → agent): every row it leaves is the one ``route_call``'s locked path
leaves, compared on the same data (each path run, then rolled back to a savepoint): the
call, the agent's state, the closed and the new stretch, a helper's stint; a wrap-up to
credit, a call that has its agent and a busy desk are left to ``route_call``."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from catalog.tests.factories import AgentProfileFactory, SkillFactory
from contactcenter import routing
from contactcenter.choices import AgentStateChoice
from contactcenter.models import AgentState, AgentStateLog, Call, Queue
from core.roles import Role

from .factories import CallFactory
from .test_all_hands import outage  # noqa: F401, F811 (the fixture)

pytestmark = pytest.mark.django_db

AT = timezone.now().replace(microsecond=250_000)


def agent(make_user, username, skill=None, *, minutes=5):
    user = make_user(Role.AGENT, username=username)
    profile = AgentProfileFactory(user=user)
    if skill is not None:
        profile.skills.add(skill)
    routing.agent_set_state(user=user, state="available", at=AT - timezone.timedelta(minutes=minutes))
    return user


def snapshot(call_pk: int) -> dict:
    call = Call.objects.get(pk=call_pk)
    fields = ("queue_id", "queued_at", "priority", "agent_id", "temporary_agent_id", "service_id")
    return {
        "call": {name: getattr(call, name) for name in (*fields, "recording_notice", "wrap_up_seconds")},
        "others": sorted(Call.objects.exclude(pk=call_pk).values_list("pk", "agent_id", "wrap_up_seconds")),
        "states": sorted(AgentState.objects.values_list("pk", "user_id", "state", "since", "call_id")),
        "log": list(
            AgentStateLog.objects.order_by("user_id", "started_at", "id").values_list(
                "user_id", "state", "started_at", "ended_at", "call_id"
            )
        ),
    }


def both_ways(call: Call, queue, also=None, *, statements=2) -> dict:
    """The rows ``route_call`` leaves, and those ``route_call_waiting_first`` leaves (in
    ``statements``), from the same data; returns the second path's agent and rows."""
    also = also or {}
    point = transaction.savepoint()
    before = Call.objects.get(pk=call.pk)
    locked_agent = routing.route_call(call=before, queue=queue, at=AT, also=dict(also))
    expected = snapshot(call.pk)
    transaction.savepoint_rollback(point)
    fresh = Call.objects.select_related("customer").get(pk=call.pk)
    with CaptureQueriesContext(connection) as queries:
        fast_agent = routing.route_call_waiting_first(call=fresh, queue=queue, at=AT, also=dict(also))
    assert snapshot(call.pk) == expected
    assert len(queries) == statements, [q["sql"][:80] for q in queries]
    assert (fast_agent.user_id if fast_agent else None) == (locked_agent.user_id if locked_agent else None)
    assert fresh.agent_id == expected["call"]["agent_id"] and fresh.queued_at == expected["call"]["queued_at"]
    return {"agent": fast_agent, "call": fresh, "rows": expected}


def test_the_longest_idle_agent_with_the_skill_as_route_call_takes_them(make_user):
    cards, hosting = SkillFactory(name="cards"), SkillFactory(name="hosting")
    queue = Queue.objects.create(name="cards", skill=cards)
    agent(make_user, "hosting-only", hosting, minutes=30)  # longest idle, but not for cards
    agent(make_user, "ann", cards, minutes=5)
    bob = agent(make_user, "bob", cards, minutes=9)  # idle longer than ann
    call = CallFactory(queue=None, queued_at=None)
    result = both_ways(call, queue, {"recording_notice": True})
    assert result["agent"].user_id == bob.pk and result["call"].agent.username == "bob"
    assert result["agent"].state == AgentStateChoice.BUSY and result["agent"].call_id == call.pk
    rows = result["rows"]
    assert rows["call"]["recording_notice"] and rows["call"]["queued_at"] == AT
    closed = [entry for entry in rows["log"] if entry[0] == bob.pk]
    assert [(state, ended) for _user, state, _start, ended, _call in closed] == [("available", AT), ("busy", None)]


def test_a_call_already_queued_keeps_its_queued_at_and_the_service_is_written(make_user):
    cards = SkillFactory(name="cards")
    queue = Queue.objects.create(name="cards", skill=cards)
    agent(make_user, "ann", cards)
    earlier = AT - timezone.timedelta(minutes=2)
    call = CallFactory(queue=queue, queued_at=earlier)
    CallFactory(queue=None)  # another call, left alone
    rows = both_ways(call, queue, {"service_id": None})["rows"]
    assert rows["call"]["queued_at"] == earlier


@pytest.mark.parametrize("shape", ["no queue", "a queue without a skill"])
def test_any_free_agent_for_a_queue_without_a_skill(make_user, shape):
    queue = None if shape == "no queue" else Queue.objects.create(name="general")
    agent(make_user, "ann", minutes=3)
    cy = agent(make_user, "cy", SkillFactory(name="any"), minutes=7)
    call = CallFactory(queue=None, queued_at=None)
    assert both_ways(call, queue)["agent"].user_id == cy.pk


def test_an_agent_without_an_open_stretch_gets_one(make_user):
    cards = SkillFactory(name="cards")
    queue = Queue.objects.create(name="cards", skill=cards)
    ann = agent(make_user, "ann", cards)
    AgentStateLog.objects.filter(user=ann).delete()
    rows = both_ways(CallFactory(queue=None), queue)["rows"]
    assert [entry[1:2] + entry[3:4] for entry in rows["log"]] == [("busy", None)]


def test_a_helper_on_the_phones_marks_the_call_with_their_stint(outage):  # noqa: F811
    from contactcenter.all_hands import temporary_agent_join

    stint = temporary_agent_join(user=outage["helper"], major=outage["major"])
    call = CallFactory(queue=None)
    rows = both_ways(call, outage["cards_q"])["rows"]
    assert rows["call"]["temporary_agent_id"] == stint.pk and rows["call"]["agent_id"] == outage["helper"].pk


def test_an_open_wrap_up_to_credit_is_left_to_route_call(make_user):
    """An agent available while their open stretch is still a call's wrap-up (rows written
    by hand): that credit is ``_enter``'s, so the one statement takes no one and the locked
    path runs (the credit written as before)."""
    cards = SkillFactory(name="cards")
    queue = Queue.objects.create(name="cards", skill=cards)
    ann = agent(make_user, "ann", cards)
    earlier = CallFactory(queue=queue, agent=ann)
    AgentStateLog.objects.filter(user=ann, ended_at=None).update(state="wrap_up", call=earlier)
    # The UPDATE and the one statement (no row), then route_call's 10 in a savepoint.
    rows = both_ways(CallFactory(queue=None), queue, statements=12)["rows"]
    assert dict((pk, wrap) for pk, _agent, wrap in rows["others"])[earlier.pk] == 300


def test_a_call_that_has_its_agent_and_a_desk_with_no_one_free(make_user):
    cards = SkillFactory(name="cards")
    queue = Queue.objects.create(name="cards", skill=cards)
    ann = agent(make_user, "ann", cards)
    taken = CallFactory(queue=queue, agent=ann)
    # The call has its agent: no row, nothing written by the one statement.
    assert routing._connect_free_agent(call=taken, queue=queue, at=AT, priority=0, also={}) is None
    assert AgentState.objects.get(user=ann).state == "available" and AgentStateLog.objects.filter(user=ann).count() == 1
    # No one free with the skill: the call waits (the one UPDATE), as before.
    AgentState.objects.filter(user=ann).update(state="busy")
    call = CallFactory(queue=None)
    assert both_ways(call, queue, statements=1)["agent"] is None


def test_a_service_after_no_service_is_written_by_the_compiled_update():
    """The waiting ``UPDATE`` compiled for ``service_id=None`` (no marker: the NULL compiled
    in) is not the one run for a real service (it was: the service lost)."""
    from catalog.tests.factories import ServiceFactory

    queue, service = Queue.objects.create(name="general"), ServiceFactory(name="Hosting")
    first, second = CallFactory(queue=None), CallFactory(queue=None)
    routing._WAIT_SQL.clear()  # compiled for the first shape seen, as in a new process
    routing.route_call_waiting_first(call=first, queue=queue, at=AT, also={"service_id": None})
    routing.route_call_waiting_first(call=second, queue=queue, at=AT, also={"service_id": service.pk})
    assert Call.objects.get(pk=second.pk).service_id == service.pk
    assert Call.objects.get(pk=first.pk).queue_id == queue.pk
