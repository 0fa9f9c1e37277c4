"""Menus, queues and agents: calls go to the longest-idle agent with the queue's skill, wait
VIP first when nobody is free, move to the next agent when one does not answer, are held
and transferred, and leave talk, hold and wrap-up times behind; repeat calls and callback
assignment; the agent state API."""

from datetime import timedelta

import pytest
from django.utils import timezone

from catalog.choices import CustomerTier
from catalog.models import ContactPhone
from catalog.tests.factories import AgentProfileFactory, ContactFactory, CustomerFactory, ServiceFactory, SkillFactory
from contactcenter import routing
from contactcenter.models import (
    AgentState,
    AgentStateLog,
    Call,
    Callback,
    CallTransfer,
    MenuOption,
    Queue,
    TelephonyRequest,
)
from core.roles import Role

from .signed import BASE, incoming, post, status

pytestmark = pytest.mark.django_db


@pytest.fixture
def skills():
    return SkillFactory(name="cards"), SkillFactory(name="hosting")


@pytest.fixture
def queues(skills):
    cards, hosting = skills
    return (Queue.objects.create(name="cards", skill=cards, priority=1),
            Queue.objects.create(name="hosting", skill=hosting))


@pytest.fixture
def menu_line(line, queues):
    cards, hosting = queues
    line.queue = cards
    line.save()
    MenuOption.objects.create(line=line, digit="1", label="cards", queue=cards, service=line.service)
    MenuOption.objects.create(line=line, digit="2", label="web hosting", queue=hosting,
                              service=ServiceFactory(name="Hosting"))
    return line


def agent_with(make_user, *skills, state="available", since=None):
    user = make_user(Role.AGENT)
    profile = AgentProfileFactory(user=user)
    profile.skills.set(skills)
    if state:
        routing.agent_set_state(user=user, state=state, at=since or timezone.now())
    return user


def caller(number="+306900000001", tier=CustomerTier.STANDARD, name="Eleni Papadopoulou"):
    contact = ContactFactory(name=name, customer=CustomerFactory(tier=tier))
    ContactPhone.objects.create(contact=contact, number=number)
    return contact


class TestMenusAndRouting:
    def test_a_known_vip_caller_is_routed_answered_and_surveyed(self, client, menu_line, skills, make_user):
        cards, hosting = skills
        agent = agent_with(make_user, cards)
        caller(tier=CustomerTier.VIP)
        body = post(client, "voice", incoming("CA1")).content.decode()
        assert "Hello Eleni Papadopoulou." in body and "VIP customer" in body
        assert "For cards, press 1. For web hosting, press 2." in body and "step=menu" in body
        body = post(client, "gather", {"CallSid": "CA1", "Digits": "1"}, query="step=menu").content.decode()
        assert f"<Client>{agent.username}</Client>" in body and "/telephony/twilio/dial/" in body
        call = Call.objects.get(call_sid="CA1")
        assert (call.agent, call.queue.name, call.priority) == (agent, "cards", 2)
        assert AgentState.objects.get(user=agent).state == "busy"

        body = post(client, "dial", {"CallSid": "CA1", "DialCallStatus": "completed",
                                     "DialCallDuration": "180"}).content.decode()
        assert "Press 1 to 5" in body
        call.refresh_from_db()
        assert (call.outcome, call.talk_seconds) == ("answered", 180) and call.answered_at is not None
        assert AgentState.objects.get(user=agent).state == "wrap_up"
        post(client, "gather", {"CallSid": "CA1", "Digits": "5"}, query="step=csat")
        post(client, "status", status("CA1", 3, "completed", duration=240))
        state = routing.agent_set_state(user=agent, state="available",
                                        at=AgentStateLog.objects.get(user=agent, state="wrap_up").started_at
                                        + timedelta(seconds=45))
        call.refresh_from_db()
        assert (call.csat, call.wrap_up_seconds, call.agent) == (5, 45, agent) and state.state == "available"
        assert not Callback.objects.exists()

    def test_the_longest_idle_agent_with_the_skill_gets_the_call(self, client, menu_line, skills, make_user):
        cards, hosting = skills
        now = timezone.now()
        agent_with(make_user, hosting, since=now - timedelta(hours=1))  # idle longest, wrong skill
        fresh = agent_with(make_user, cards, since=now - timedelta(minutes=1))
        idle = agent_with(make_user, cards, since=now - timedelta(minutes=9))
        agent_with(make_user, cards, state="offline")
        post(client, "voice", incoming("CA1", caller="anonymous"))
        post(client, "gather", {"CallSid": "CA1", "Digits": "1"}, query="step=menu")
        assert Call.objects.get(call_sid="CA1").agent == idle
        post(client, "voice", incoming("CA2", caller="+306900000002"))
        post(client, "gather", {"CallSid": "CA2", "Digits": "1"}, query="step=menu")
        assert Call.objects.get(call_sid="CA2").agent == fresh

    def test_no_agent_free_means_waiting_and_the_next_free_agent_takes_the_vip_first(
            self, client, menu_line, skills, make_user, celery_eager, django_capture_on_commit_callbacks):
        cards, _hosting = skills
        caller("+306900000001", CustomerTier.STANDARD, "Early Standard")
        caller("+306900000002", CustomerTier.VIP, "Later Vip")
        for sid, number in (("CA1", "+306900000001"), ("CA2", "+306900000002")):
            post(client, "voice", incoming(sid, caller=number))
            body = post(client, "gather", {"CallSid": sid, "Digits": "1"}, query="step=menu").content.decode()
            assert ">cards</Enqueue>" in body and "/telephony/twilio/wait/" in body
        wait = post(client, "wait", {"CallSid": "CA1", "QueuePosition": "2", "QueueTime": "30"}).content.decode()
        assert "number 2 in line" in wait
        with django_capture_on_commit_callbacks(execute=True):
            agent = agent_with(make_user, cards)  # becomes available: takes the VIP, who came later
        assert Call.objects.get(call_sid="CA2").agent == agent and Call.objects.get(call_sid="CA1").agent is None
        assert list(TelephonyRequest.objects.values_list("call_sid", "url")) == [
            ("CA2", f"{BASE}/telephony/twilio/connect/")]
        body = post(client, "connect", {"CallSid": "CA2"}).content.decode()
        assert f"<Client>{agent.username}</Client>" in body
        post(client, "queue", {"CallSid": "CA2", "QueueResult": "redirected", "QueueTime": "40"})
        post(client, "dial", {"CallSid": "CA2", "DialCallStatus": "completed", "DialCallDuration": "60"})
        post(client, "status", status("CA2", 2, "completed"))
        routing.agent_set_state(user=agent, state="available")  # after wrap-up: the standard caller now
        assert Call.objects.get(call_sid="CA1").agent == agent

    def test_an_agent_who_does_not_answer_goes_offline_and_the_call_moves_on(self, client, menu_line, skills,
                                                                            make_user):
        cards, _hosting = skills
        first = agent_with(make_user, cards, since=timezone.now() - timedelta(minutes=5))
        second = agent_with(make_user, cards)
        post(client, "voice", incoming("CA1", caller="anonymous"))
        post(client, "gather", {"CallSid": "CA1", "Digits": "1"}, query="step=menu")
        body = post(client, "dial", {"CallSid": "CA1", "DialCallStatus": "no-answer"}).content.decode()
        assert f"<Client>{second.username}</Client>" in body
        assert AgentState.objects.get(user=first).state == "offline"
        body = post(client, "dial", {"CallSid": "CA1", "DialCallStatus": "busy"}).content.decode()
        assert ">cards</Enqueue>" in body  # nobody left: it waits
        assert Call.objects.get(call_sid="CA1").agent is None

    def test_a_wrong_key_or_none_goes_to_the_lines_own_queue(self, client, menu_line, make_user):
        post(client, "voice", incoming("CA1", caller="anonymous"))
        body = post(client, "gather", {"CallSid": "CA1", "Digits": "7"}, query="step=menu").content.decode()
        assert ">cards</Enqueue>" in body

    def test_a_menu_choice_for_a_service_with_an_announcement_hears_it_first(self, client, menu_line, queues):
        from contactcenter.models import Announcement

        hosting_service = MenuOption.objects.get(digit="2").service
        Announcement.objects.create(message="Web hosting is down in Athens.").services.add(hosting_service)
        post(client, "voice", incoming("CA1", caller="anonymous"))
        body = post(client, "gather", {"CallSid": "CA1", "Digits": "2"}, query="step=menu").content.decode()
        assert "Web hosting is down in Athens." in body and "option=2" in body
        body = post(client, "gather", {"CallSid": "CA1", "Digits": "1"},
                    query="step=announcement&option=2").content.decode()
        assert ">hosting</Enqueue>" in body
        call = Call.objects.get(call_sid="CA1")
        assert call.continued and call.service == hosting_service and call.queue.name == "hosting"


class TestHoldTransferAndTimes:
    def test_hold_and_transfer_are_recorded_and_the_call_ends_transferred(self, client, menu_line, skills, make_user,
                                                                         celery_eager,
                                                                         django_capture_on_commit_callbacks):
        cards, hosting = skills
        first = agent_with(make_user, cards)
        second = agent_with(make_user, hosting)
        post(client, "voice", incoming("CA1", caller="anonymous"))
        post(client, "gather", {"CallSid": "CA1", "Digits": "1"}, query="step=menu")
        call = Call.objects.get(call_sid="CA1")
        start = timezone.now()
        with django_capture_on_commit_callbacks(execute=True):
            routing.call_hold(call_id=call.pk, user=first, at=start)
        with pytest.raises(routing.InvalidTransitionError):
            routing.call_hold(call_id=call.pk, user=first, at=start)
        with pytest.raises(routing.InvalidTransitionError):  # not theirs
            routing.call_resume(call_id=call.pk, user=second, at=start)
        with django_capture_on_commit_callbacks(execute=True):
            routing.call_resume(call_id=call.pk, user=first, at=start + timedelta(seconds=25))
        assert Call.objects.get(pk=call.pk).hold_seconds == 25
        assert [url.rsplit("/", 2)[-2] for url in TelephonyRequest.objects.values_list("url", flat=True)] == [
            "hold", "connect"]
        routing.call_transfer(call_id=call.pk, user=first, queue=Queue.objects.get(name="hosting"))
        call.refresh_from_db()
        assert (call.agent, call.queue.name, call.transfers) == (second, "hosting", 1)
        assert CallTransfer.objects.get().to_queue.name == "hosting"
        assert AgentState.objects.get(user=first).state == "available"  # not answered: no wrap-up
        post(client, "dial", {"CallSid": "CA1", "DialCallStatus": "completed", "DialCallDuration": "100"})
        post(client, "status", status("CA1", 2, "completed"))
        call.refresh_from_db()
        assert call.outcome == "transferred" and AgentState.objects.get(user=second).state == "wrap_up"

    def test_the_api_holds_and_transfers_the_agents_own_call_only(self, client, api, menu_line, skills, make_user):
        cards, hosting = skills
        agent = agent_with(make_user, cards)
        post(client, "voice", incoming("CA1", caller="anonymous"))
        post(client, "gather", {"CallSid": "CA1", "Digits": "1"}, query="step=menu")
        call = Call.objects.get(call_sid="CA1")
        other = make_user(Role.AGENT)
        assert api.as_user(other).post(f"/api/v1/calls/{call.pk}/hold/").status_code == 409
        assert api.as_user(agent).post(f"/api/v1/calls/{call.pk}/hold/").json()["hold_seconds"] == 0
        assert api.post(f"/api/v1/calls/{call.pk}/resume/").status_code == 200
        assert api.post(f"/api/v1/calls/{call.pk}/transfer/", {"queue": 999}, format="json").status_code == 400
        moved = api.post(f"/api/v1/calls/{call.pk}/transfer/", {"queue": Queue.objects.get(name="hosting").pk},
                         format="json").json()
        assert (moved["queue"], moved["agent"], moved["transfers"]) == ("hosting", None, 1)


class TestRepeatCallsAndCallbacks:
    def test_the_same_contact_calling_again_within_the_window_is_a_repeat(self, client, line, settings):
        settings.CONTACT_CENTER_REPEAT_WINDOW_HOURS = 24
        caller()
        post(client, "voice", incoming("CA1"))
        post(client, "voice", incoming("CA2"))
        first, second = Call.objects.get(call_sid="CA1"), Call.objects.get(call_sid="CA2")
        assert second.repeat_of == first and first.repeat_of is None
        Call.objects.filter(pk__in=[first.pk, second.pk]).update(started_at=timezone.now() - timedelta(hours=30))
        post(client, "voice", incoming("CA3"))
        assert Call.objects.get(call_sid="CA3").repeat_of is None
        post(client, "voice", incoming("CA4", caller="anonymous"))
        post(client, "voice", incoming("CA5", caller="anonymous"))
        assert Call.objects.get(call_sid="CA5").repeat_of is None  # withheld numbers never match

    def test_an_abandoned_call_is_called_back_by_an_agent_with_the_skill(self, client, api, menu_line, skills,
                                                                         make_user):
        cards, hosting = skills
        busy = agent_with(make_user, cards, state="offline")
        at_work = agent_with(make_user, cards, state="busy")
        agent_with(make_user, hosting)
        Callback.objects.create(call=Call.objects.create(call_sid="OLD"), reason="missed", agent=at_work)
        post(client, "voice", incoming("CA1", caller="+306900000077"))
        post(client, "gather", {"CallSid": "CA1", "Digits": "1"}, query="step=menu")
        post(client, "queue", {"CallSid": "CA1", "QueueResult": "hangup", "QueueTime": "75"})
        post(client, "status", status("CA1", 1, "completed"))
        callback = Callback.objects.get(call__call_sid="CA1")
        # At work beats offline, even with one open callback already.
        assert callback.agent == at_work and callback.agent != busy
        assert Call.objects.get(call_sid="CA1").wait_seconds == 75
        api.as_user(at_work)
        assert api.post(f"/api/v1/callbacks/{callback.pk}/claim/").status_code == 200
        done = api.post(f"/api/v1/callbacks/{callback.pk}/complete/").json()
        assert done["status"] == "done" and done["time_to_callback_seconds"] >= 0


class TestApi:
    def test_agent_state(self, api, make_user):
        agent = make_user(Role.AGENT)
        api.as_user(agent)
        assert api.get("/api/v1/agents/me/state/").json()["state"] == "offline"
        response = api.put("/api/v1/agents/me/state/", {"state": "available"}, format="json")
        assert response.status_code == 200 and response.json()["state"] == "available"
        assert response.json()["since"]
        assert api.put("/api/v1/agents/me/state/", {"state": "lunch"}, format="json").status_code == 400
        assert api.as_user(make_user(Role.REQUESTER)).get("/api/v1/agents/me/state/").status_code == 403
        assert list(AgentStateLog.objects.filter(user=agent).values_list("state", flat=True)) == ["available"]

    def test_leaving_a_live_call_is_refused(self, client, api, menu_line, skills, make_user):
        agent = agent_with(make_user, skills[0])
        post(client, "voice", incoming("CA1", caller="anonymous"))
        post(client, "gather", {"CallSid": "CA1", "Digits": "1"}, query="step=menu")
        response = api.as_user(agent).put("/api/v1/agents/me/state/", {"state": "offline"}, format="json")
        assert response.status_code == 409 and response.json()["status"] == "busy"

    def test_queues_and_lines_with_their_menu(self, api, make_user, skills):
        manager = make_user(Role.MANAGER)
        api.as_user(manager)
        queue = api.post("/api/v1/queues/", {"name": "cards", "skill": skills[0].pk, "priority": 2}, format="json")
        assert queue.status_code == 201 and queue.json()["service_level_seconds"] == 20
        assert api.post("/api/v1/queues/", {"name": "two words"}, format="json").status_code == 400
        menu = [{"digit": "1", "label": "cards", "queue": queue.json()["id"], "service": None}]
        line = api.post("/api/v1/lines/", {"number": "+30 210 1234567", "name": "Cards", "menu": menu},
                        format="json")
        assert line.status_code == 201 and line.json()["number"] == "+302101234567"
        assert line.json()["menu"] == menu
        twice = api.post("/api/v1/lines/", {"number": "+302101234568", "name": "X", "menu": menu * 2}, format="json")
        assert twice.status_code == 400 and "menu" in twice.json()
        changed = api.patch(f"/api/v1/lines/{line.json()['id']}/", {"menu": []}, format="json").json()
        assert changed["menu"] == [] and not MenuOption.objects.exists()
        assert api.as_user(make_user(Role.AGENT)).post("/api/v1/queues/", {"name": "x"},
                                                        format="json").status_code == 403


def test_waiting_calls_and_free_agents_that_missed_each_other_are_matched(menu_line, skills, make_user):
    agent = agent_with(make_user, skills[0])
    call = Call.objects.create(call_sid="CA1", queue=Queue.objects.get(name="cards"), queued_at=timezone.now())
    assert routing.match_waiting_calls() == 1
    assert Call.objects.get(pk=call.pk).agent == agent and routing.match_waiting_calls() == 0


def test_saying_busy_during_a_call_keeps_the_call(client, menu_line, skills, make_user):
    agent = agent_with(make_user, skills[0])
    post(client, "voice", incoming("CA1", caller="anonymous"))
    post(client, "gather", {"CallSid": "CA1", "Digits": "1"}, query="step=menu")
    state = routing.agent_set_state(user=agent, state="busy")
    assert state.state == "busy" and state.call == Call.objects.get(call_sid="CA1")


def test_a_withheld_caller_who_gives_up_leaves_no_callback_task(client, line):
    post(client, "voice", incoming("CA1", caller="anonymous"))
    post(client, "gather", {"CallSid": "CA1", "Digits": ""}, query="step=account")
    post(client, "queue", {"CallSid": "CA1", "QueueResult": "hangup", "QueueTime": "40"})
    post(client, "status", status("CA1", 1, "completed"))
    assert Call.objects.get(call_sid="CA1").outcome == "abandoned" and not Callback.objects.exists()
