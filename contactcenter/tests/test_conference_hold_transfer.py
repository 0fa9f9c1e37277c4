"""Issue 22.4 leftovers: hold and transfer while a call is in its conference
(CONTACT_CENTER_CONFERENCE). The caller stays in the conference — a supervisor listening stays
on the call — through Twilio's participant update (``Hold``/``HoldUrl``; ``EndConferenceOnExit``
then removal of the first agent's leg; the next agent rung into the same conference). Twilio's
REST API is the local stub (tests/twilio_stub.py); its errors are a message and a retry."""

from datetime import timedelta

import pytest
from django.utils import timezone

from contactcenter import routing
from contactcenter.models import AgentState, Call, Conference, ConferenceLeg, Queue
from contactcenter.prompts import prompt_recording_save
from contactcenter.telephony import OUTBOX_WAV
from core.roles import Role

from .signed import BASE, post
from .test_supervision import CF, answered_call, available_agent, conference_hook, event

pytestmark = pytest.mark.django_db
HOLD_URL = f"{BASE}/telephony/twilio/conference/hold/?call=CA1"


@pytest.fixture
def conference_on(settings, twilio_stub, celery_eager):
    settings.CONTACT_CENTER_CONFERENCE = True
    settings.CONTACT_CENTER_AGENT_ENDPOINT = "client"
    settings.CONTACT_CENTER_HOLD_MUSIC_URL = ""
    return twilio_stub


@pytest.fixture
def queue_line(line):
    line.queue = Queue.objects.create(name="cards")
    line.save()
    return line


def caller_updates(stub):
    return [r.form for r in stub.requests_to(f"Conferences/{CF}/Participants/CA1.json", "POST")]


def test_hold_and_resume_keep_the_caller_in_the_conference(client, queue_line, make_user, conference_on,
                                                            django_capture_on_commit_callbacks):
    call, agent, agent_leg = answered_call(client, make_user, django_capture_on_commit_callbacks)
    started = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        held = routing.call_hold(call_id=call.pk, user=agent, at=started)
    assert held.provider_problem is None
    assert caller_updates(conference_on) == [{"Hold": "true", "HoldUrl": HOLD_URL, "HoldMethod": "POST"}]
    assert conference_on.participants[(CF, "CA1")]["hold"] is True
    assert not conference_on.requests_to("Calls/CA1.json", "POST")  # no redirect: the caller is not moved out
    assert Conference.objects.get(call=call).caller_held is True
    with django_capture_on_commit_callbacks(execute=True):
        routing.call_resume(call_id=call.pk, user=agent, at=started + timedelta(seconds=40))
    assert caller_updates(conference_on)[-1] == {"Hold": "false"}
    assert conference_on.participants[(CF, "CA1")]["hold"] is False
    call.refresh_from_db()
    assert call.hold_seconds == 40 and call.held_since is None
    assert not Conference.objects.get(call=call).caller_held
    assert not conference_on.requests_to(f"Conferences/{CF}/Participants/{agent_leg}.json", "DELETE")


def test_the_agent_hanging_up_during_a_conference_hold_ends_the_talk(client, queue_line, make_user, conference_on,
                                                                     django_capture_on_commit_callbacks):
    call, agent, agent_leg = answered_call(client, make_user, django_capture_on_commit_callbacks)
    ConferenceLeg.objects.filter(call_sid=agent_leg).update(joined_at=timezone.now() - timedelta(seconds=80))
    with django_capture_on_commit_callbacks(execute=True):
        routing.call_hold(call_id=call.pk, user=agent)
    conference_hook(client, "CA1", event("participant-leave", 3, participant=agent_leg))
    call.refresh_from_db()
    assert call.outcome == "answered" and call.talk_seconds == 80 and call.held_since is None
    assert AgentState.objects.get(user=agent).state == "wrap_up"


def test_the_hold_music_hook(client, queue_line, make_user, conference_on, django_capture_on_commit_callbacks):
    answered_call(client, make_user, django_capture_on_commit_callbacks)
    body = post(client, "conference_hold", {"AccountSid": "AC1"}, query="call=CA1").content.decode()
    assert "<Say>Please hold.</Say>" in body and '<Pause length="30"' in body
    assert '<Redirect method="POST">/telephony/twilio/conference/hold/?call=CA1</Redirect>' in body
    # The line's recorded "please hold" (e.g. recorded by phone) is played instead.
    recording = prompt_recording_save(line=queue_line, key="hold", content=OUTBOX_WAV, content_type="audio/wav")
    body = post(client, "conference_hold", {}, query="call=CA1").content.decode()
    assert f"<Play>{BASE}/telephony/prompts/{recording.pk}/" in body and "Please hold" not in body
    Queue.objects.filter(name="cards").update(hold_music_url="https://music.example.test/hold.mp3")
    body = post(client, "conference_hold", {}, query="call=CA1").content.decode()
    assert '<Play loop="0">https://music.example.test/hold.mp3</Play>' in body
    # An unknown or bad call: a pause (Twilio allows no <Hangup> in a hold URL), never an error.
    for query in ("call=CA404", "call=bad!", ""):
        response = post(client, "conference_hold", {}, query=query)
        assert response.status_code == 200 and "<Pause" in response.content.decode()
        assert "<Hangup" not in response.content.decode()
    assert post(client, "conference_hold", {}, query="call=CA1", signature="forged").status_code == 403


def test_a_transfer_keeps_the_conference_and_the_supervisor(client, api, queue_line, make_user, conference_on,
                                                            django_capture_on_commit_callbacks):
    call, ann, ann_leg = answered_call(client, make_user, django_capture_on_commit_callbacks)
    boss = make_user(Role.MANAGER, username="boss")
    client.force_login(boss)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/contact-center/live/{call.pk}/listen/")
    supervisor_leg = ConferenceLeg.objects.get(role="supervisor")
    with django_capture_on_commit_callbacks(execute=True):
        conference_hook(client, "CA1", event("participant-join", 3, participant=supervisor_leg.call_sid))
    loans = Queue.objects.create(name="loans")
    bob = available_agent(make_user, "bob")
    before = len(conference_on.requests)
    with django_capture_on_commit_callbacks(execute=True):
        response = api.as_user(ann).post(f"/api/v1/calls/{call.pk}/transfer/", {"queue": loans.pk}, format="json")
    assert response.status_code == 200, response.content
    sent = [(r.method, r.path.rsplit("/", 1)[-1], r.form) for r in conference_on.requests[before:]]
    assert sent[0] == ("POST", f"{ann_leg}.json", {"EndConferenceOnExit": "false"})  # its leaving ends nothing
    assert sent[1][:2] == ("DELETE", f"{ann_leg}.json")
    assert sent[2] == ("POST", "CA1.json", {"Hold": "true", "HoldUrl": HOLD_URL, "HoldMethod": "POST"})
    assert sent[3][:2] == ("POST", "Participants.json") and sent[3][2]["To"] == "client:bob"
    assert len(sent) == 4 and not conference_on.requests_to("Calls/CA1.json", "POST")  # the caller stays
    assert (CF, supervisor_leg.call_sid) in conference_on.participants  # the supervisor too
    call.refresh_from_db()
    assert call.agent == bob and call.queue == loans and call.transfers == 1
    assert AgentState.objects.get(user=ann).state == "wrap_up"
    bob_leg = ConferenceLeg.objects.get(role="agent", user=bob)
    # The first agent's leave (Twilio's callback) changes nothing now; bob joining takes the caller off hold.
    conference_hook(client, "CA1", event("participant-leave", 4, participant=ann_leg))
    with django_capture_on_commit_callbacks(execute=True):
        conference_hook(client, "CA1", event("participant-join", 5, participant=bob_leg.call_sid))
    assert caller_updates(conference_on)[-1] == {"Hold": "false"}
    assert not Conference.objects.get(call=call).caller_held
    call.refresh_from_db()
    assert call.ended_at is None and call.agent == bob
    # The supervisor now coaches the new agent.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/contact-center/live/{call.pk}/whisper/")
    whisper = conference_on.requests_to(f"Conferences/{CF}/Participants/{supervisor_leg.call_sid}.json", "POST")
    assert whisper[-1].form["CallSidToCoach"] == bob_leg.call_sid
    ConferenceLeg.objects.filter(pk=bob_leg.pk).update(joined_at=timezone.now() - timedelta(seconds=30))
    conference_hook(client, "CA1", event("participant-leave", 6, participant=bob_leg.call_sid))
    call.refresh_from_db()
    assert call.outcome == "transferred" and AgentState.objects.get(user=bob).state == "wrap_up"


def test_a_transfer_with_nobody_free_waits_on_hold_in_the_conference(client, queue_line, make_user, conference_on,
                                                                      django_capture_on_commit_callbacks):
    call, ann, ann_leg = answered_call(client, make_user, django_capture_on_commit_callbacks)
    loans = Queue.objects.create(name="loans")
    with django_capture_on_commit_callbacks(execute=True):
        routing.call_transfer(call_id=call.pk, user=ann, queue=loans)
    call.refresh_from_db()
    assert call.agent is None and call.queued_at is not None
    assert caller_updates(conference_on)[-1]["Hold"] == "true"
    assert len(conference_on.requests_to(f"Conferences/{CF}/Participants.json", "POST")) == 1  # only ann's, earlier
    carl = make_user(Role.AGENT, username="carl")
    with django_capture_on_commit_callbacks(execute=True):
        routing.agent_set_state(user=carl, state="available")
    rung = conference_on.requests_to(f"Conferences/{CF}/Participants.json", "POST")
    assert [r.form["To"] for r in rung] == ["client:ann", "client:carl"]
    assert not conference_on.requests_to("Calls/CA1.json", "POST")  # not moved to the queue's <Enqueue>
    # carl does not answer: the caller keeps waiting on hold in the conference, not moved out.
    leg = ConferenceLeg.objects.get(user=carl)
    with django_capture_on_commit_callbacks(execute=True):
        conference_hook(client, "CA1", {"CallSid": leg.call_sid, "CallStatus": "no-answer", "SequenceNumber": "1"},
                        leg=leg.pk)
    assert Call.objects.get(pk=call.pk).agent is None
    assert not conference_on.requests_to("Calls/CA1.json", "POST")
    assert Conference.objects.get(call=call).caller_held is True


def test_a_twilio_error_is_a_message_and_a_retry(client, queue_line, make_user, conference_on,
                                                 django_capture_on_commit_callbacks):
    call, agent, _leg = answered_call(client, make_user, django_capture_on_commit_callbacks)
    conference_on.fail(code=20429, method="POST", path_contains="/Participants/CA1.json")
    with django_capture_on_commit_callbacks(execute=True):
        held = routing.call_hold(call_id=call.pk, user=agent)
    assert "Too Many Requests" in held.provider_problem and "tries again" in held.provider_problem
    # the retry (run at once here: tasks are eager) got through
    assert len(caller_updates(conference_on)) == 2
    assert conference_on.participants[(CF, "CA1")]["hold"] is True
    conference_on.drop(method="POST", path_contains="/Participants/CA1.json")
    with django_capture_on_commit_callbacks(execute=True):
        resumed = routing.call_resume(call_id=call.pk, user=agent)
    assert "could not be reached" in resumed.provider_problem
    assert conference_on.participants[(CF, "CA1")]["hold"] is False


@pytest.mark.django_db(transaction=True)
def test_the_page_and_the_api_say_so(client, api, queue_line, make_user, conference_on,
                                     django_capture_on_commit_callbacks):
    call, agent, _leg = answered_call(client, make_user, django_capture_on_commit_callbacks)
    conference_on.fail(code=20429, method="POST", path_contains="/Participants/CA1.json")
    response = api.as_user(agent).post(f"/api/v1/calls/{call.pk}/hold/")
    assert response.status_code == 202 and "Too Many Requests" in response.json()["detail"]
    assert response.json()["id"] == call.pk
    conference_on.fail(code=20429, method="POST", path_contains="/Participants/CA1.json")
    client.force_login(agent)
    page = client.post(f"/contact-center/calls/{call.pk}/resume/", follow=True)
    assert page.status_code == 200 and "Too Many Requests" in page.content.decode()
    assert conference_on.participants[(CF, "CA1")]["hold"] is False  # the retry got through


def test_bad_input_is_a_4xx(client, api, queue_line, make_user, conference_on, django_capture_on_commit_callbacks):
    call, agent, _leg = answered_call(client, make_user, django_capture_on_commit_callbacks)
    assert api.as_user(agent).post(f"/api/v1/calls/{call.pk}/transfer/", {"queue": "x"},
                                   format="json").status_code == 400
    assert api.as_user(agent).post(f"/api/v1/calls/{call.pk}/transfer/", {"queue": 10**12},
                                   format="json").status_code == 400
    peer = make_user(Role.AGENT, username="peer")
    assert api.as_user(peer).post(f"/api/v1/calls/{call.pk}/hold/").status_code == 409  # not their call
    client.force_login(agent)
    page = client.post(f"/contact-center/calls/{call.pk}/transfer/", {"queue": "99999999999999999999"}, follow=True)
    assert page.status_code == 200 and "Choose the queue to transfer to." in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        routing.call_hold(call_id=call.pk, user=agent)
    again = api.as_user(agent).post(f"/api/v1/calls/{call.pk}/hold/")
    assert again.status_code == 409 and len(caller_updates(conference_on)) == 1
