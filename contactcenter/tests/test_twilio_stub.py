"""The local Twilio stub answers the real Twilio client as Twilio documents, and fails on demand."""

import pytest
import requests
from twilio.base.exceptions import TwilioRestException

from contactcenter.telephony import get_telephony_backend, twilio_client


def test_calls_create_update_fetch(twilio_stub):
    client = twilio_client()
    call = client.calls.create(to="+306900000001", from_="+302100000000", url="https://desk.example.test/hook",
                               status_callback="https://desk.example.test/status",
                               status_callback_event=["initiated", "answered", "completed"])
    assert call.sid.startswith("CA") and len(call.sid) == 34 and call.status == "queued"
    sent = twilio_stub.created_calls[-1]
    assert sent.form["To"] == "+306900000001" and sent.form["From"] == "+302100000000"
    assert sent.form["Url"] == "https://desk.example.test/hook"
    assert sent.form_lists["StatusCallbackEvent"] == ["initiated", "answered", "completed"]
    assert sent.account == twilio_stub.account_sid
    get_telephony_backend().redirect(call_sid=call.sid, url="https://desk.example.test/other")
    update = twilio_stub.requests_to(f"Calls/{call.sid}.json", "POST")[-1]
    assert update.form == {"Url": "https://desk.example.test/other", "Method": "POST"}
    assert client.calls(call.sid).fetch().to == "+306900000001"


def test_conference_participants(twilio_stub):
    client = twilio_client()
    participant = client.conferences("CF" + "1" * 32).participants.create(
        from_="+302100000000", to="+306900000009", coaching=True, call_sid_to_coach="CA" + "2" * 32, muted=True)
    assert participant.call_sid.startswith("CA") and participant.coaching and participant.muted
    updated = client.conferences("CF" + "1" * 32).participants(participant.call_sid).update(muted=False, coaching=False)
    assert updated.muted is False and updated.coaching is False
    sent = twilio_stub.requests_to("Conferences/CF" + "1" * 32 + "/Participants/", "POST")[-1]
    assert sent.form == {"Muted": "false", "Coaching": "false"}


def test_recording_media_and_delete(twilio_stub):
    sid = twilio_stub.add_recording(duration=7)
    client = twilio_client()
    assert client.recordings(sid).fetch().duration == "7"
    media = requests.get(f"{twilio_stub.url}/2010-04-01/Accounts/{twilio_stub.account_sid}/Recordings/{sid}.wav",
                         auth=(twilio_stub.account_sid, "x"), timeout=5)
    assert media.status_code == 200 and media.content[:4] == b"RIFF" and media.content[8:12] == b"WAVE"
    assert client.recordings(sid).delete() is True
    assert twilio_stub.requests_to(f"Recordings/{sid}.json", "DELETE")
    with pytest.raises(TwilioRestException) as error:
        client.recordings(sid).fetch()
    assert error.value.status == 404 and error.value.code == 20404


def test_errors_and_dropped_connection(twilio_stub):
    client = twilio_client()
    twilio_stub.fail(21211)
    with pytest.raises(TwilioRestException) as error:
        client.calls.create(to="+1", from_="+302100000000", url="https://desk.example.test/hook")
    assert (error.value.status, error.value.code) == (400, 21211)
    twilio_stub.fail(20429, path_contains="Calls.json")
    with pytest.raises(TwilioRestException) as error:
        client.calls.create(to="+306900000001", from_="+302100000000", url="https://desk.example.test/hook")
    assert (error.value.status, error.value.code) == (429, 20429)
    twilio_stub.drop()
    with pytest.raises(requests.exceptions.ConnectionError):
        client.calls.create(to="+306900000001", from_="+302100000000", url="https://desk.example.test/hook")
    # Faults are used up: the next request succeeds.
    assert client.calls.create(to="+306900000001", from_="+302100000000", url="https://x.test/h").status == "queued"
    assert len(twilio_stub.created_calls) == 4
