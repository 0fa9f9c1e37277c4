"""Outbound calls (issue 22.2) against the local Twilio stub (tests/twilio_stub.py): the REST
requests it received (To, From, Url), the signed hooks that follow, a callback closed by an
answered call only, Twilio's errors as messages and retries, permissions and CSRF, and the
auto-dial list's opening hours and retry limit."""

from datetime import UTC, timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from catalog.models import ContactPhone
from catalog.tests.factories import AgentProfileFactory, ContactFactory, SkillFactory
from contactcenter import routing
from contactcenter.choices import CallbackStatus, CallOutcome, DialEntryStatus
from contactcenter.models import AgentState, Call, Callback, DialList, DialListEntry, Queue, TelephonyRequest
from contactcenter.tasks import place_outbound_call
from core.roles import Role
from incidents import services as incidents
from sla.tests.factories import CalendarFactory, WorkingHoursFactory

from .signed import BASE, post, status

pytestmark = pytest.mark.django_db

AGENT_PHONE = "+306970000001"
CUSTOMER = "+306900000001"


@pytest.fixture
def queue(line):
    line.queue = Queue.objects.create(name="cards")
    line.save()
    return line.queue


@pytest.fixture
def agent(make_user):
    user = make_user(Role.AGENT, username="agent-ann", first_name="Ann")
    AgentProfileFactory(user=user, phone=AGENT_PHONE)
    return user


@pytest.fixture
def contact():
    contact = ContactFactory(name="Eleni Papadopoulou")
    ContactPhone.objects.create(contact=contact, number=CUSTOMER)
    return contact


@pytest.fixture
def callback(line, queue, contact, agent):
    missed = Call.objects.create(call_sid="CA" + "9" * 32, from_number=CUSTOMER, to_number=line.number, line=line,
                                 queue=queue, contact=contact, status="completed", outcome="abandoned",
                                 ended_at=timezone.now())
    return Callback.objects.create(call=missed, contact=contact, number=CUSTOMER, reason="abandoned", agent=agent)


def _dial(client, agent, kind, pk, **data):
    client.force_login(agent)
    return client.post(reverse("contactcenter:dial", args=[kind, pk]), data)


def _outbound_flow(client, call, *, answered: bool, talk: int = 42):
    """What Twilio posts after the agent answers: the agent hook, the customer's leg, the
    dial action, then the agent call's final status."""
    query = f"call={call.pk}"
    confirm = post(client, "outbound-agent", {"CallSid": call.call_sid, "CallStatus": "in-progress"}, query)
    assert "Press 1 to call" in confirm.content.decode() and "<Dial" not in confirm.content.decode()
    twiml = post(client, "outbound-agent", {"CallSid": call.call_sid, "Digits": "1"}, f"{query}&step=connect")
    leg = "CA" + "7" * 32
    if answered:
        post(client, "outbound-leg", {"CallSid": leg, "ParentCallSid": call.call_sid, "CallStatus": "in-progress",
                                      "SequenceNumber": "0"}, query)
        post(client, "outbound-leg", {"CallSid": leg, "ParentCallSid": call.call_sid, "CallStatus": "completed",
                                      "CallDuration": str(talk), "SequenceNumber": "1"}, query)
    dial = post(client, "outbound-dial", {"CallSid": call.call_sid, "DialCallSid": leg,
                                          "DialCallStatus": "completed" if answered else "no-answer",
                                          **({"DialCallDuration": str(talk)} if answered else {})}, query)
    for seq, state in enumerate(["initiated", "ringing", "in-progress", "completed"]):
        assert post(client, "outbound-status", status(call.call_sid, seq, state, duration=talk + 10 if
                                                      state == "completed" else None), query).status_code == 200
    return twiml, dial


def test_a_callback_dialled_rings_the_agent_then_the_customer_and_closes_when_answered(
        client, twilio_stub, line, callback, agent):
    routing.agent_set_state(user=agent, state="available")
    response = _dial(client, agent, "callback", callback.pk)
    assert response.status_code == 302
    sent = twilio_stub.created_calls
    assert len(sent) == 1
    call = Call.objects.get(direction="outbound")
    assert sent[0].form["To"] == AGENT_PHONE and sent[0].form["From"] == line.number
    assert sent[0].form["Url"] == f"{BASE}{reverse('telephony:outbound-agent')}?call={call.pk}"
    assert sent[0].form["StatusCallback"] == f"{BASE}{reverse('telephony:outbound-status')}?call={call.pk}"
    assert sent[0].form_lists["StatusCallbackEvent"] == ["initiated", "ringing", "answered", "completed"]
    assert call.call_sid in twilio_stub.calls
    assert (call.placed_by, call.agent, call.callback_task, call.contact, call.to_number) == (
        agent, agent, callback, callback.contact, CUSTOMER)
    state = AgentState.objects.get(user=agent)
    assert (state.state, state.call) == ("busy", call)  # no inbound call is offered meanwhile

    twiml, _dial_response = _outbound_flow(client, call, answered=True)
    body = twiml.content.decode()
    assert f'callerId="{line.number}"' in body and f">{CUSTOMER}</Number>" in body
    assert f"{reverse('telephony:outbound-dial')}?call={call.pk}" in body
    assert "Eleni Papadopoulou" in body
    call.refresh_from_db()
    assert (call.status, call.outcome, call.talk_seconds) == ("completed", CallOutcome.ANSWERED, 42)
    callback.refresh_from_db()
    assert callback.status == CallbackStatus.DONE and callback.done_at is not None
    assert callback.history.first().history_user == agent
    assert AgentState.objects.get(user=agent).state == "wrap_up"  # after a conversation
    # A replayed final status changes nothing twice; the outbound call made no callback of its own.
    post(client, "outbound-status", status(call.call_sid, 3, "completed", duration=52), f"call={call.pk}")
    assert Callback.objects.count() == 1


def test_an_unanswered_call_leaves_the_callback_open(client, twilio_stub, callback, agent):
    _dial(client, agent, "callback", callback.pk)
    call = Call.objects.get(direction="outbound")
    _twiml, dial = _outbound_flow(client, call, answered=False)
    assert "did not answer" in dial.content.decode()
    call.refresh_from_db()
    callback.refresh_from_db()
    assert call.outcome == CallOutcome.MISSED and call.answered_at is None
    assert callback.status == CallbackStatus.OPEN
    assert Callback.objects.count() == 1  # no callback for the outbound call itself


def test_an_invalid_number_is_a_clear_message_and_a_logged_failed_call(client, twilio_stub, callback, agent,
                                                                       django_capture_on_commit_callbacks):
    twilio_stub.fail(21211)
    with django_capture_on_commit_callbacks(execute=False) as scheduled:
        response = _dial(client, agent, "callback", callback.pk)
    assert scheduled == []  # the refusal is final: nothing is queued for a retry
    assert response.status_code == 400
    assert "21211" in response.content.decode() and "not valid" in response.content.decode()
    call = Call.objects.get(direction="outbound")
    assert call.status == "failed" and call.ended_at and "21211" in call.outbound_error
    assert len(twilio_stub.created_calls) == 1
    callback.refresh_from_db()
    assert callback.status == CallbackStatus.OPEN


def test_a_rate_limit_is_retried_by_the_task(client, twilio_stub, callback, agent,
                                             django_capture_on_commit_callbacks):
    twilio_stub.fail(20429, times=2)
    with django_capture_on_commit_callbacks(execute=False) as scheduled:
        response = _dial(client, agent, "callback", callback.pk)
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "rate limit" in page and "tries again" in page
    assert len(scheduled) == 1  # the Celery retry, once the click's transaction commits
    call = Call.objects.get(direction="outbound")
    assert call.call_sid.startswith("pending-")
    place_outbound_call.apply(args=(call.pk,))  # the task: one more 429, then Twilio takes it
    call.refresh_from_db()
    assert len(twilio_stub.created_calls) == 3
    assert call.call_sid in twilio_stub.calls and call.status == "initiated" and not call.outbound_error


def test_retries_stop_at_the_limit_and_the_call_is_given_up(client, twilio_stub, callback, agent):
    twilio_stub.drop(times=20)  # the network fails every time
    response = _dial(client, agent, "callback", callback.pk)
    assert response.status_code == 302
    assert "could not be reached" in client.get(response["Location"]).content.decode()
    call = Call.objects.get(direction="outbound")
    place_outbound_call.apply(args=(call.pk,))
    call.refresh_from_db()
    assert len(twilio_stub.created_calls) == 1 + 1 + place_outbound_call.max_retries
    assert call.status == "failed" and "several tries" in call.outbound_error
    place_outbound_call.apply(args=(call.pk,))  # a late duplicate does nothing
    assert len(twilio_stub.created_calls) == 1 + 1 + place_outbound_call.max_retries


def test_dialling_from_an_incident_links_the_call(client, twilio_stub, agent, contact, line):
    incident = incidents.incident_create(title="Card blocked", actor=agent, contact=contact, channel="phone")
    client.force_login(agent)
    dial_url = reverse("contactcenter:dial", args=["incident", incident.pk])
    assert dial_url in client.get(incident.get_absolute_url()).content.decode()  # the incident page links here
    assert reverse("contactcenter:dial", args=["contact", contact.pk]) in client.get(
        reverse("crm:contact", args=[contact.pk])).content.decode()  # and the contact's 360° page
    page = client.get(dial_url)
    assert page.status_code == 200 and CUSTOMER in page.content.decode()
    assert _dial(client, agent, "incident", incident.pk, number=CUSTOMER).status_code == 302
    call = Call.objects.get(direction="outbound")
    assert (call.ticket_kind, call.ticket_id, call.incident, call.contact) == ("incident", incident.pk, incident,
                                                                               contact)
    assert twilio_stub.created_calls[0].form["To"] == AGENT_PHONE


def test_bad_input_is_a_400_message(client, twilio_stub, agent, contact, make_user):
    # a number that is not the contact's; a contact without a number; an agent without a phone
    response = _dial(client, agent, "contact", contact.pk, number="+306900000099")
    assert response.status_code == 400 and "one of the contact" in response.content.decode()
    response = _dial(client, agent, "contact", contact.pk, number="not a number")
    assert response.status_code == 400
    nobody = ContactFactory(name="No Phone")
    page = client.get(reverse("contactcenter:dial", args=["contact", nobody.pk])).content.decode()
    assert 'data-testid="no-number"' in page
    assert _dial(client, agent, "contact", nobody.pk).status_code == 400
    phoneless = make_user(Role.AGENT)
    response = _dial(client, phoneless, "contact", contact.pk)
    assert response.status_code == 400 and "profile" in response.content.decode()
    assert twilio_stub.created_calls == [] and not Call.objects.filter(direction="outbound").exists()


def test_permissions_and_csrf(client, twilio_stub, callback, agent, make_user, contact):
    other = make_user(Role.AGENT)
    AgentProfileFactory(user=other, phone="+306970000002")
    assert _dial(client, other, "callback", callback.pk).status_code == 404  # another agent's callback
    assert _dial(client, other, "incident", 999999).status_code == 404
    assert _dial(client, other, "request", 999999).status_code == 404
    assert _dial(client, other, "nonsense", contact.pk).status_code == 404
    assert _dial(client, other, "contact", 2**64).status_code == 404  # beyond any id: not a 500
    requester = make_user(Role.REQUESTER)
    assert _dial(client, requester, "contact", contact.pk).status_code == 403
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(agent)
    assert strict.post(reverse("contactcenter:dial", args=["callback", callback.pk])).status_code == 403
    assert twilio_stub.created_calls == []


def test_the_hooks_are_signed_and_check_the_call(client, twilio_stub, callback, agent):
    _dial(client, agent, "callback", callback.pk)
    call = Call.objects.get(direction="outbound")
    query = f"call={call.pk}"
    assert post(client, "outbound-agent", {"CallSid": call.call_sid}, query, signature="forged").status_code == 403
    # The agent's voicemail answered (no key pressed): the customer is not called.
    silent = post(client, "outbound-agent", {"CallSid": call.call_sid}, f"{query}&step=connect").content.decode()
    assert "<Dial" not in silent and "<Hangup" in silent
    wrong = post(client, "outbound-agent", {"CallSid": "CA" + "1" * 32}, f"{query}&step=connect",
                 ).content.decode()
    assert "could not be identified" in wrong and "<Dial" not in wrong
    assert post(client, "outbound-status", {"CallSid": call.call_sid}, query).status_code == 400  # no status


def test_the_api_dials_a_callback(api, twilio_stub, callback, agent, make_user):
    response = api.as_user(agent).post(f"/api/v1/callbacks/{callback.pk}/dial/", {}, format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["direction"] == "outbound" and body["placed_by"] == agent.pk and body["callback_task"] == callback.pk
    other = make_user(Role.AGENT)
    assert api.as_user(other).post(f"/api/v1/callbacks/{callback.pk}/dial/", {}, format="json").status_code == 404
    twilio_stub.fail(21211)
    AgentState.objects.filter(user=agent).update(call=None, state="offline")
    refused = api.as_user(agent).post(f"/api/v1/callbacks/{callback.pk}/dial/", {}, format="json")
    assert refused.status_code == 400 and "21211" in refused.json()["detail"]


def test_the_outbox_backend_records_the_call(client, callback, agent):
    assert _dial(client, agent, "callback", callback.pk).status_code == 302
    request = TelephonyRequest.objects.get(action="call")
    assert request.params["To"] == AGENT_PHONE and request.call_sid == Call.objects.get(direction="outbound").call_sid


# --- the auto-dial list (preview mode) -------------------------------------------------------------
def _always_open():
    calendar = CalendarFactory()
    for weekday in range(7):
        WorkingHoursFactory(calendar=calendar, weekday=weekday, start_minute=0, end_minute=24 * 60)
    return calendar


def _closed_now():
    """Open one hour a day, twelve hours from now."""
    calendar = CalendarFactory()
    start = timezone.now().astimezone(UTC) + timedelta(hours=12)
    minute = start.hour * 60
    WorkingHoursFactory(calendar=calendar, weekday=start.weekday(), start_minute=minute, end_minute=minute + 60)
    return calendar


def test_the_dial_list_previews_respects_hours_and_stops_after_the_retry_limit(
        client, twilio_stub, line, queue, callback, agent):
    dial_list = DialList.objects.create(name="Missed cards calls", queue=queue, line=line, calendar=_closed_now(),
                                        max_attempts=2, retry_minutes=30)
    client.force_login(agent)
    url = reverse("contactcenter:dial-list", args=[dial_list.pk])
    page = client.get(url).content.decode()
    assert 'data-testid="closed"' in page and "preview-dial" not in page
    entry = DialListEntry.objects.get(dial_list=dial_list)
    assert entry.number == CUSTOMER and entry.callback == callback
    # Outside opening hours the dial is refused even when posted.
    refused = client.post(reverse("contactcenter:dial-entry", args=[dial_list.pk, entry.pk, "dial"]))
    assert refused.status_code == 400 and "opening hours" in refused.content.decode()
    assert twilio_stub.created_calls == []

    DialList.objects.filter(pk=dial_list.pk).update(calendar=_always_open())
    page = client.get(url).content.decode()
    assert 'data-testid="preview-number"' in page and CUSTOMER in page and "Eleni Papadopoulou" in page
    dial_url = reverse("contactcenter:dial-entry", args=[dial_list.pk, entry.pk, "dial"])
    for attempt in (1, 2):
        assert client.post(dial_url).status_code == 302
        call = Call.objects.filter(direction="outbound").latest("id")
        assert twilio_stub.created_calls[-1].form["From"] == line.number
        _outbound_flow(client, call, answered=False)
        entry.refresh_from_db()
        assert entry.attempts == attempt and entry.last_call == call
        if attempt == 1:
            assert entry.status == DialEntryStatus.PENDING
            assert entry.next_attempt_at > timezone.now() + timedelta(minutes=29)
            assert 'data-testid="nothing"' in client.get(url).content.decode()  # not before the delay
            again = client.post(reverse("contactcenter:dial-entry", args=[dial_list.pk, entry.pk, "dial"]))
            assert again.status_code == 400 and "tried again from" in again.content.decode()
            DialListEntry.objects.filter(pk=entry.pk).update(next_attempt_at=timezone.now())
    assert entry.status == DialEntryStatus.EXHAUSTED
    assert len(twilio_stub.created_calls) == 2
    final = client.post(reverse("contactcenter:dial-entry", args=[dial_list.pk, entry.pk, "dial"]))
    assert final.status_code == 409 and len(twilio_stub.created_calls) == 2
    callback.refresh_from_db()
    assert callback.status == CallbackStatus.OPEN


def test_skip_and_an_answered_entry(client, twilio_stub, line, queue, callback, agent, make_user):
    dial_list = DialList.objects.create(name="Cards", queue=queue, line=line, calendar=_always_open())
    client.force_login(agent)
    client.get(reverse("contactcenter:dial-list", args=[dial_list.pk]))
    entry = DialListEntry.objects.get()
    assert client.post(reverse("contactcenter:dial-entry", args=[dial_list.pk, entry.pk, "skip"])).status_code == 302
    entry.refresh_from_db()
    assert entry.attempts == 0 and entry.next_attempt_at > timezone.now()
    DialListEntry.objects.filter(pk=entry.pk).update(next_attempt_at=timezone.now())
    client.post(reverse("contactcenter:dial-entry", args=[dial_list.pk, entry.pk, "dial"]))
    _outbound_flow(client, Call.objects.get(direction="outbound"), answered=True)
    entry.refresh_from_db()
    callback.refresh_from_db()
    assert entry.status == DialEntryStatus.DONE and callback.status == CallbackStatus.DONE
    # An agent without the queue's skill does not see a skilled queue's list.
    Queue.objects.filter(pk=queue.pk).update(skill=SkillFactory(name="loans"))
    outsider = make_user(Role.AGENT)
    client.force_login(outsider)
    assert client.get(reverse("contactcenter:dial-list", args=[dial_list.pk])).status_code == 404


def test_dialling_from_a_complaint_crm_registered(client, twilio_stub, agent, contact, make_user, line):
    from crm.tests.factories_complaint import ComplaintFactory

    complaint = ComplaintFactory(contact=contact)
    assert _dial(client, agent, "complaint", complaint.pk).status_code == 302
    call = Call.objects.get(direction="outbound")
    assert (call.ticket_kind, call.ticket_id, call.to_number) == ("complaint", complaint.pk, CUSTOMER)
    assert _dial(client, make_user(Role.REQUESTER), "complaint", complaint.pk).status_code == 403
