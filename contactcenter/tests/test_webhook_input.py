"""Bad input on Twilio's webhooks (signed for real with twilio's RequestValidator): a field
the event cannot do without answers 400 on a reporting callback (nothing stored, Twilio
retries) and a polite TwiML message on a hook the caller waits on; any other bad field is
left out, the event stored without it and the call flagged (``Call.input_flags``). Never a
200 that loses the event, never garbage in the database, and a replay changes nothing twice."""

from datetime import timedelta
from xml.etree import ElementTree

import pytest
from django.utils import timezone

from contactcenter import services
from contactcenter.models import Call, Callback, CallEvent

from .signed import incoming, post, status, twilio_time

pytestmark = pytest.mark.django_db

HUGE = str(10**30)


def flags_of(sid="CA1"):
    return Call.objects.get(call_sid=sid).input_flags


def is_twiml(response) -> bool:
    return (response.status_code == 200 and response["Content-Type"].startswith("text/xml")
            and ElementTree.fromstring(response.content).tag == "Response")  # noqa: S314 (our own answer)


class TestTimestamps:
    @pytest.mark.parametrize("stamp", ["Fri, 31 Dec 9999 23:59:59 +0000", "Mon, 01 Jan 1900 00:00:00 +0000",
                                       "9999-12-31T23:59:59Z", "yesterday-ish", "Mon, 99 Foo 2026 99:99:99 +0000",
                                       "Mon, 23 Nov 2026 10:00:00 +0000\x00", "x" * 500])
    def test_a_timestamp_far_from_the_server_clock_is_replaced_by_it_and_flagged(self, client, line, stamp):
        post(client, "voice", incoming("CA1"))
        before = timezone.now()
        response = post(client, "status", status("CA1", 0, "completed", duration=30, at=stamp))
        assert response.status_code == 200
        event = CallEvent.objects.get(call__call_sid="CA1")
        assert before - timedelta(seconds=1) <= event.at <= timezone.now()
        assert Call.objects.get(call_sid="CA1").ended_at == event.at
        [flag] = flags_of()
        assert flag["field"] == "Timestamp" and flag["sequence"] == 0 and "\x00" not in flag["value"]
        assert len(flag["value"]) <= 64

    def test_a_timestamp_within_a_day_is_believed(self, client, line):
        post(client, "voice", incoming("CA1"))
        moment = timezone.now().replace(microsecond=0) - timedelta(hours=20)
        post(client, "status", status("CA1", 0, "completed", duration=30, at=twilio_time(moment)))
        assert CallEvent.objects.get().at == moment and flags_of() == []

    def test_a_replay_of_a_flagged_event_changes_nothing_twice(self, client, line):
        post(client, "voice", incoming("CA1"))
        params = status("CA1", 0, "completed", duration=-5, at="Fri, 31 Dec 9999 23:59:59 +0000")
        for _ in range(3):
            assert post(client, "status", params).status_code == 200
        assert CallEvent.objects.count() == 1 and len(flags_of()) == 2  # Timestamp and CallDuration, once


class TestCallerIds:
    @pytest.mark.parametrize(("sent", "number", "raw"), [
        ("+306900000001", "+306900000001", ""),
        ("+30 690 000 0001", "+306900000001", ""),
        ("anonymous", "", "anonymous"),
        ("client:ann", "", "client:ann"),
        ("", "", ""),
        ("+30690\x000000001", "", "+30690\\00000001"),
        ("9" * 200, "", "9" * 63 + "…"),
    ])
    def test_from_is_stored_in_e164_or_left_empty_with_the_raw_value_kept_apart(self, client, line, sent, number,
                                                                             raw):
        assert is_twiml(post(client, "voice", incoming("CA1", caller=sent)))
        call = Call.objects.get(call_sid="CA1")
        assert (call.from_number, call.from_raw) == (number, raw)

    def test_a_bad_direction_is_left_out_and_flagged(self, client, line):
        params = {**incoming("CA1"), "Direction": "sideways" * 10}
        assert is_twiml(post(client, "voice", params))
        call = Call.objects.get()
        assert call.direction == "inbound" and [f["field"] for f in call.input_flags] == ["Direction"]


class TestCallSids:
    @pytest.mark.parametrize("sid", ["CA" + "f" * 63, "CA1\x00", "CA 1", "CA1;DROP", ""])
    def test_a_bad_call_sid_is_a_polite_message_on_the_voice_hook_and_stores_nothing(self, client, line, sid):
        response = post(client, "voice", incoming(sid))
        assert is_twiml(response) and "could not be identified" in response.content.decode()
        assert not Call.objects.exists()

    @pytest.mark.parametrize("hook", ["gather", "connect", "dial", "hold", "wait"])
    def test_the_other_hooks_the_caller_waits_on_answer_twiml(self, client, line, hook):
        assert is_twiml(post(client, hook, {"CallSid": "CA" + "f" * 100, "Digits": "1\x00", "QueuePosition": HUGE,
                                            "DialCallStatus": "\x00", "DialCallDuration": "-1"}))

    @pytest.mark.parametrize(("hook", "params"), [
        ("status", {"CallSid": "CA" + "f" * 63, "CallStatus": "completed", "SequenceNumber": "0"}),
        ("queue", {"CallSid": "CA1\x00", "QueueResult": "hangup"}),
        ("recording", {"CallSid": "", "RecordingUrl": "https://api.twilio.com/r/RE1"}),
    ])
    def test_on_a_reporting_callback_it_is_400(self, client, line, hook, params):
        response = post(client, hook, params)
        assert response.status_code == 400 and "CallSid" in response.content.decode()
        assert not CallEvent.objects.exists() and not Callback.objects.exists()


class TestStatusFields:
    @pytest.mark.parametrize("sequence", ["-1", str(2**31), HUGE, "x", "1.5", "", "1\x00"])
    def test_a_sequence_number_that_cannot_be_stored_is_400(self, client, line, sequence):
        post(client, "voice", incoming("CA1"))
        response = post(client, "status", {**status("CA1", 0, "completed"), "SequenceNumber": sequence})
        assert response.status_code == 400 and "SequenceNumber" in response.content.decode()
        assert not CallEvent.objects.exists()
        assert Call.objects.get().status == "ringing"

    @pytest.mark.parametrize("call_status", ["done", "completed\x00", "x" * 30, ""])
    def test_a_status_twilio_does_not_send_is_400(self, client, line, call_status):
        post(client, "voice", incoming("CA1"))
        response = post(client, "status", status("CA1", 0, call_status))
        assert response.status_code == 400 and "CallStatus" in response.content.decode()
        assert not CallEvent.objects.exists()

    @pytest.mark.parametrize("duration", ["-1", HUGE, str(24 * 3600 + 1), "ten"])
    def test_a_bad_duration_is_left_out_and_flagged(self, client, line, duration):
        post(client, "voice", incoming("CA1"))
        response = post(client, "status", {**status("CA1", 0, "completed"), "CallDuration": duration})
        assert response.status_code == 200
        event = CallEvent.objects.get()
        assert event.duration is None and event.status == "completed"
        assert [(f["field"], f["value"]) for f in flags_of()] == [("CallDuration", duration)]

    def test_a_status_for_a_call_never_seen_is_still_stored(self, client, line):
        assert post(client, "status", status("CA9", 0, "completed", duration=-3)).status_code == 200
        assert CallEvent.objects.filter(call__call_sid="CA9").count() == 1 and len(flags_of("CA9")) == 1


class TestQueueAndRecording:
    @pytest.mark.parametrize("queue_time", ["-5", HUGE, "soon"])
    def test_a_bad_queue_time_is_left_out_the_server_measures_it_and_it_is_flagged(self, client, line, queue_time):
        post(client, "voice", incoming("CA1"))
        post(client, "gather", {"CallSid": "CA1", "Digits": ""}, query="step=account")  # into the queue
        response = post(client, "queue", {"CallSid": "CA1", "QueueResult": "hangup", "QueueTime": queue_time})
        assert response.status_code == 200
        call = Call.objects.get()
        assert call.outcome == "abandoned" and call.wait_seconds is not None and 0 <= call.wait_seconds < 60
        assert [f["field"] for f in call.input_flags] == ["QueueTime"]
        post(client, "queue", {"CallSid": "CA1", "QueueResult": "hangup", "QueueTime": queue_time})  # replay
        assert len(flags_of()) == 1

    def test_a_queue_result_twilio_does_not_send_is_400(self, client, line):
        post(client, "voice", incoming("CA1"))
        response = post(client, "queue", {"CallSid": "CA1", "QueueResult": "x" * 100})
        assert response.status_code == 400 and "QueueResult" in response.content.decode()
        assert Call.objects.get().outcome == ""

    @pytest.mark.parametrize(("extra", "flagged"), [
        ({"RecordingDuration": "-14"}, ["RecordingDuration"]),
        ({"RecordingDuration": HUGE}, ["RecordingDuration"]),
        ({"RecordingUrl": "https://api.twilio.com/r/RE1\x00"}, ["RecordingUrl"]),
        ({"RecordingUrl": "https://api.twilio.com/" + "r" * 600}, ["RecordingUrl"]),
        ({"RecordingUrl": "javascript:alert(1)"}, ["RecordingUrl"]),
    ])
    def test_a_voicemail_with_a_bad_field_still_makes_its_callback(self, client, line, extra, flagged):
        post(client, "voice", incoming("CA1"))
        params = {"CallSid": "CA1", "RecordingSid": "RE1", "RecordingDuration": "14",
                  "RecordingUrl": "https://api.twilio.com/recordings/RE1", **extra}
        assert post(client, "recording", params).status_code == 200
        callback = Callback.objects.get()
        assert callback.reason == "voicemail" and callback.number == "+306900000001"
        if "RecordingDuration" in extra:
            assert callback.recording_seconds is None
            assert callback.recording_url == "https://api.twilio.com/recordings/RE1"
        else:
            assert callback.recording_url == "" and callback.recording_seconds == 14
        assert [f["field"] for f in flags_of()] == flagged
        assert post(client, "recording", params).status_code == 200  # a replay
        assert Callback.objects.count() == 1 and len(flags_of()) == len(flagged)


class TestFailuresAreNotSilent:
    def test_a_reporting_callback_that_fails_inside_is_503_not_200(self, client, line, monkeypatch):
        post(client, "voice", incoming("CA1"))

        def broken(**kwargs):
            raise RuntimeError("database went away")

        monkeypatch.setattr(services, "call_status", broken)
        response = post(client, "status", status("CA1", 0, "completed"))
        assert response.status_code == 503

    def test_the_caller_still_hears_a_polite_message_when_the_voice_hook_fails(self, client, line, monkeypatch):
        def broken(**kwargs):
            raise RuntimeError("database went away")

        monkeypatch.setattr(services, "call_arrived", broken)
        response = post(client, "voice", incoming("CA1"))
        assert is_twiml(response) and "something went wrong" in response.content.decode()


def test_good_keys_and_bad_keys_at_the_menu(client, line):
    post(client, "voice", incoming("CA1"))
    response = post(client, "gather", {"CallSid": "CA1", "Digits": "١"}, query="step=menu")  # not a phone key
    assert is_twiml(response) and ">support</Enqueue>" in response.content.decode()
    assert [f["field"] for f in flags_of()] == ["Digits"]
