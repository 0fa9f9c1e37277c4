"""Issue 22.4: calls routed through a conference (CONTACT_CENTER_CONFERENCE) and live
supervision. Twilio's REST API is the local stub (tests/twilio_stub.py) the real client talks
to; the conference callbacks are signed with the real RequestValidator."""

from datetime import timedelta

import pytest
from django.utils import timezone

from catalog.tests.factories import AgentProfileFactory
from contactcenter import routing
from contactcenter.models import AgentState, Call, ConferenceEvent, ConferenceLeg, Queue, SupervisionAction
from core.roles import Role

from .signed import post

pytestmark = pytest.mark.django_db
CF = "CF" + "a" * 32


@pytest.fixture
def conference_on(settings, twilio_stub, celery_eager):
    settings.CONTACT_CENTER_CONFERENCE = True
    settings.CONTACT_CENTER_AGENT_ENDPOINT = "client"
    return twilio_stub


@pytest.fixture
def queue_line(line):
    line.queue = Queue.objects.create(name="cards")
    line.save()
    return line


def available_agent(make_user, username, since=None):
    user = make_user(Role.AGENT, username=username)
    AgentProfileFactory(user=user)
    routing.agent_set_state(user=user, state="available", at=since or timezone.now())
    return user


def conference_hook(client, call_sid, params, leg=None):
    query = f"call={call_sid}" + (f"&leg={leg}" if leg else "")
    return post(client, "conference", params, query=query)


def event(name, sequence, participant="", conference=CF):
    params = {"ConferenceSid": conference, "StatusCallbackEvent": name, "SequenceNumber": str(sequence),
              "FriendlyName": "call-x", "AccountSid": "AC123"}
    if participant:
        params["CallSid"] = participant
    return params


def answered_call(client, make_user, capture, sid="CA1"):
    """A call put through to agent ``ann`` in its conference: the caller joined, the agent's
    leg was rung (through the stub) and joined. Returns (call, agent, agent leg's CallSid)."""
    agent = available_agent(make_user, "ann")
    with capture(execute=True):
        body = post(client, "voice", {"CallSid": sid, "From": "+306900000001", "To": "+302100000000",
                                      "CallStatus": "ringing", "Direction": "inbound"}).content.decode()
        # an unknown caller is asked for an account number first: skip it
        body = post(client, "gather", {"CallSid": sid, "Digits": ""}, query="step=account").content.decode()
    assert f">call-{sid}</Conference>" in body
    with capture(execute=True):
        conference_hook(client, sid, event("participant-join", 1, participant=sid))
    leg = ConferenceLeg.objects.get(role="agent")
    with capture(execute=True):
        conference_hook(client, sid, event("participant-join", 2, participant=leg.call_sid))
    return Call.objects.get(call_sid=sid), agent, leg.call_sid


class TestConferenceRouting:
    def test_the_caller_joins_the_calls_conference_and_the_agent_is_added(
            self, client, queue_line, make_user, conference_on, django_capture_on_commit_callbacks):
        call, agent, agent_leg = answered_call(client, make_user, django_capture_on_commit_callbacks)
        created = conference_on.requests_to(f"Conferences/{CF}/Participants.json", "POST")
        assert len(created) == 1
        form = created[0].form
        assert (form["To"], form["From"], form["Label"], form["EndConferenceOnExit"], form["Muted"]) == (
            f"client:{agent.username}", "+302100000000", "agent", "true", "false")
        assert "/telephony/twilio/conference/?call=CA1&leg=" in form["StatusCallback"]
        assert call.answered_at is not None and call.conference.sid == CF
        assert AgentState.objects.get(user=agent).state == "busy"

    def test_the_callers_twiml(self, client, queue_line, make_user, conference_on, django_capture_on_commit_callbacks):
        available_agent(make_user, "ann")
        post(client, "voice", {"CallSid": "CA9", "From": "+306900000001", "To": "+302100000000"})
        body = post(client, "gather", {"CallSid": "CA9", "Digits": ""}, query="step=account").content.decode()
        assert "<Client>" not in body  # the agent is not dialled from the caller's TwiML
        assert 'action="/telephony/twilio/conference/done/"' in body
        assert 'startConferenceOnEnter="false"' in body and 'endConferenceOnExit="true"' in body
        assert 'statusCallback="https://desk.example.test/telephony/twilio/conference/?call=CA9"' in body

    def test_a_recorded_line_records_the_conference(self, client, queue_line, make_user, conference_on):
        queue_line.record_calls = True  # CC-A's switch: the caller is told, then the conference records
        queue_line.save()
        available_agent(make_user, "ann")
        post(client, "voice", {"CallSid": "CA8", "From": "+306900000001", "To": "+302100000000"})
        body = post(client, "gather", {"CallSid": "CA8", "Digits": ""}, query="step=account").content.decode()
        conference = body[body.index("<Conference"):body.index("</Conference>")]
        assert 'record="record-from-start"' in conference
        assert 'recordingStatusCallback="https://desk.example.test/telephony/twilio/recording-status/"' in conference

    def test_a_replayed_event_changes_nothing(self, client, queue_line, make_user, conference_on,
                                              django_capture_on_commit_callbacks):
        call, _agent, agent_leg = answered_call(client, make_user, django_capture_on_commit_callbacks)
        events, answered_at = ConferenceEvent.objects.count(), call.answered_at
        with django_capture_on_commit_callbacks(execute=True):
            for _ in range(2):
                replay = conference_hook(client, "CA1", event("participant-join", 1, participant="CA1"))
                assert replay.status_code == 200
        assert ConferenceEvent.objects.count() == events
        assert len(conference_on.requests_to(f"Conferences/{CF}/Participants.json", "POST")) == 1  # no second leg
        call.refresh_from_db()
        assert call.answered_at == answered_at

    def test_the_agent_leaving_ends_the_talk_and_the_caller_hears_the_survey(
            self, client, queue_line, make_user, conference_on, django_capture_on_commit_callbacks):
        call, agent, agent_leg = answered_call(client, make_user, django_capture_on_commit_callbacks)
        ConferenceLeg.objects.filter(call_sid=agent_leg).update(joined_at=timezone.now() - timedelta(seconds=95))
        conference_hook(client, "CA1", event("participant-leave", 3, participant=agent_leg))
        call.refresh_from_db()
        assert (call.outcome, call.talk_seconds) == ("answered", 95)
        assert AgentState.objects.get(user=agent).state == "wrap_up"
        body = post(client, "conference_done", {"CallSid": "CA1", "DialCallStatus": "completed"}).content.decode()
        assert "Press 1 to 5" in body or "<Gather" in body

    def test_an_agent_who_does_not_answer_goes_offline_and_the_next_is_rung(
            self, client, queue_line, make_user, conference_on, django_capture_on_commit_callbacks):
        first = available_agent(make_user, "ann", since=timezone.now() - timedelta(minutes=5))
        second = available_agent(make_user, "bob")
        with django_capture_on_commit_callbacks(execute=True):
            post(client, "voice", {"CallSid": "CA2", "From": "+306900000001", "To": "+302100000000"})
            post(client, "gather", {"CallSid": "CA2", "Digits": ""}, query="step=account")
            conference_hook(client, "CA2", event("participant-join", 1, participant="CA2"))
        leg = ConferenceLeg.objects.get(user=first)
        with django_capture_on_commit_callbacks(execute=True):
            response = conference_hook(client, "CA2", {"CallSid": leg.call_sid, "CallStatus": "no-answer",
                                                       "SequenceNumber": "2"}, leg=leg.pk)
        assert response.status_code == 200
        assert AgentState.objects.get(user=first).state == "offline"
        assert Call.objects.get(call_sid="CA2").agent == second
        rung = [r.form["To"] for r in conference_on.requests_to(f"Conferences/{CF}/Participants.json", "POST")]
        assert rung == ["client:ann", "client:bob"]

    def test_bad_unsigned_and_unknown_callbacks(self, client, queue_line, conference_on):
        assert conference_hook(client, "CA404", event("participant-join", 1, participant="CA404")).status_code == 200
        assert not ConferenceEvent.objects.exists()  # an unknown call: nothing stored
        assert conference_hook(client, "CA1", event("no-such-event", 1)).status_code == 400
        assert conference_hook(client, "CA1", {"ConferenceSid": CF}).status_code == 400
        response = post(client, "conference", event("participant-join", 1), query="call=CA1", signature="forged")
        assert response.status_code == 403


class TestSupervision:
    def test_listen_whisper_barge_leave(self, client, queue_line, make_user, conference_on,
                                        django_capture_on_commit_callbacks):
        call, agent, agent_leg = answered_call(client, make_user, django_capture_on_commit_callbacks)
        boss = make_user(Role.MANAGER, username="boss")
        client.force_login(boss)
        page = client.get("/contact-center/live/").content.decode()
        assert f'data-call="{call.pk}"' in page and 'data-testid="supervise-listen"' in page

        assert client.post(f"/contact-center/live/{call.pk}/listen/").status_code == 302
        listen = conference_on.requests_to(f"Conferences/{CF}/Participants.json", "POST")[-1].form
        assert (listen["To"], listen["Muted"], listen["Label"], listen["EndConferenceOnExit"]) == (
            "client:boss", "true", f"supervisor-{boss.pk}", "false")
        supervisor_leg = ConferenceLeg.objects.get(role="supervisor").call_sid
        assert supervisor_leg.startswith("CA")

        client.post(f"/contact-center/live/{call.pk}/whisper/")
        whisper = conference_on.requests_to(f"Conferences/{CF}/Participants/{supervisor_leg}.json", "POST")[-1].form
        assert (whisper["Coaching"], whisper["CallSidToCoach"], whisper["Muted"]) == ("true", agent_leg, "false")
        assert conference_on.participants[(CF, supervisor_leg)]["coaching"] is True

        client.post(f"/contact-center/live/{call.pk}/barge/")
        barge = conference_on.requests_to(f"Conferences/{CF}/Participants/{supervisor_leg}.json", "POST")[-1].form
        assert (barge["Coaching"], barge["Muted"]) == ("false", "false")

        client.post(f"/contact-center/live/{call.pk}/leave/")
        assert conference_on.requests_to(f"Conferences/{CF}/Participants/{supervisor_leg}.json", "DELETE")
        assert list(SupervisionAction.objects.filter(call=call).values_list("action", "supervisor")) == [
            ("listen", boss.pk), ("whisper", boss.pk), ("barge", boss.pk), ("leave", boss.pk)]
        assert SupervisionAction.history.count() == 4
        assert ConferenceLeg.objects.get(role="supervisor").status == "left"

    def test_whisper_before_listening_is_refused(self, client, queue_line, make_user, conference_on,
                                                 django_capture_on_commit_callbacks):
        call, _agent, _leg = answered_call(client, make_user, django_capture_on_commit_callbacks)
        client.force_login(make_user(Role.MANAGER, username="boss"))
        response = client.post(f"/contact-center/live/{call.pk}/whisper/", follow=True)
        assert "Listen to the call first." in response.content.decode()
        assert not SupervisionAction.objects.exists()

    def test_a_twilio_error_is_a_message_and_a_retry(self, client, queue_line, make_user, conference_on,
                                                     django_capture_on_commit_callbacks):
        call, _agent, _leg = answered_call(client, make_user, django_capture_on_commit_callbacks)
        client.force_login(make_user(Role.MANAGER, username="boss"))
        conference_on.fail(code=20429, method="POST", path_contains="/Participants.json")
        response = client.post(f"/contact-center/live/{call.pk}/listen/", follow=True)
        assert response.status_code == 200
        assert "Too Many Requests" in response.content.decode()
        # the retry (run at once here: tasks are eager) got through
        assert len(conference_on.requests_to(f"Conferences/{CF}/Participants.json", "POST")) == 3
        assert ConferenceLeg.objects.get(role="supervisor").call_sid.startswith("CA")

    def test_only_supervisors(self, client, queue_line, make_user, conference_on,
                              django_capture_on_commit_callbacks):
        call, _agent, _leg = answered_call(client, make_user, django_capture_on_commit_callbacks)
        assert client.get("/contact-center/live/").status_code == 302  # to the login page
        client.force_login(make_user(Role.AGENT, username="peer"))
        assert client.get("/contact-center/live/").status_code == 404
        assert client.post(f"/contact-center/live/{call.pk}/listen/").status_code == 404
        assert not SupervisionAction.objects.exists()
        client.force_login(make_user(Role.MANAGER, username="boss"))
        assert client.post(f"/contact-center/live/{call.pk}/nonsense/").status_code == 404
        page = client.get("/dashboards/wallboard/").content.decode()
        assert 'data-testid="wallboard-live-calls"' in page and f'data-call="{call.pk}"' in page


def test_the_outbox_backend_records_the_participant_requests():
    from contactcenter.models import TelephonyRequest
    from contactcenter.telephony import OutboxBackend

    backend = OutboxBackend()
    leg = backend.add_participant(conference_sid=CF, to="client:boss", from_="+302100000000", label="supervisor-1",
                                  status_callback="https://desk.example.test/x", muted=True)
    backend.update_participant(conference_sid=CF, call_sid=leg, muted=False, coaching=True, call_sid_to_coach="CA7")
    backend.remove_participant(conference_sid=CF, call_sid=leg)
    requests = list(TelephonyRequest.objects.values_list("action", "call_sid", "params"))
    assert [(action, sid) for action, sid, _ in requests] == [
        ("participant_add", leg), ("participant_update", leg), ("participant_remove", leg)]
    assert requests[0][2]["Muted"] is True and requests[1][2] == {
        "ConferenceSid": CF, "Muted": False, "Coaching": True, "CallSidToCoach": "CA7"}


def test_the_live_calls_page_says_when_conferences_are_off(client, make_user, settings):
    settings.CONTACT_CENTER_CONFERENCE = False
    client.force_login(make_user(Role.ADMIN, username="root"))
    page = client.get("/contact-center/live/").content.decode()
    assert "CONTACT_CENTER_CONFERENCE is off" in page and "No call is live in a conference now." in page


def test_the_service_refuses_a_supervisor_who_is_not_one(make_user):
    """The rule lives in the service, not only in the pages' decorator."""
    from django.core.exceptions import PermissionDenied

    from contactcenter import supervision

    agent = make_user(Role.AGENT, username="not-a-supervisor")
    with pytest.raises(PermissionDenied):
        supervision.supervise(call_id=1, supervisor=agent, action="listen")
    assert not supervision.may_supervise(agent) and supervision.may_supervise(make_user(Role.MANAGER, username="m2"))
