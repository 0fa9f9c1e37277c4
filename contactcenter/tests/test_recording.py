"""Call recording (issue 22.3): per queue and per line, the caller told first, the <Dial>'s
recording attributes, the signed recording status callback (unknown call, replays and
out-of-order callbacks change nothing twice), the media fetched from Twilio's REST API (a local
stub) into the default storage with retries, played only to those allowed, and deleted (file and
Twilio's copy) when the retention period ends."""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from catalog.tests.factories import ServiceFactory
from contactcenter import routing
from contactcenter.models import Call, CallRecording, Line, Queue
from contactcenter.recording import (
    call_recording_fetch,
    call_recordings_purge,
    dial_recording_kwargs,
)
from contactcenter.tasks import fetch_call_recording
from core.roles import Role

from .signed import BASE, incoming, post

pytestmark = pytest.mark.django_db

NOTICE = "This call is recorded for quality and training purposes."


@pytest.fixture
def recorded_queue():
    return Queue.objects.create(name="cards", record_calls=True)


@pytest.fixture
def recorded_line(recorded_queue):
    return Line.objects.create(number="+302100000000", name="Cards", service=ServiceFactory(), queue=recorded_queue)


def ready(user):
    routing.agent_set_state(user=user, state="available")


def status_params(call_sid, recording_sid, status, duration=None):
    params = {"AccountSid": "AC123", "CallSid": call_sid, "RecordingSid": recording_sid, "RecordingStatus": status,
              "RecordingUrl": f"https://api.twilio.com/2010-04-01/Accounts/AC123/Recordings/{recording_sid}",
              "RecordingChannels": "2", "RecordingSource": "DialVerb"}
    if duration is not None:
        params["RecordingDuration"] = str(duration)
    return params


def a_call(sid="CA1", agent=None, queue=None, **extra):
    return Call.objects.create(call_sid=sid, agent=agent, queue=queue, recording_notice=True, **extra)


class TestTwiML:
    def test_the_caller_is_told_before_the_agents_leg_is_recorded(self, client, recorded_line, make_user):
        ready(make_user(Role.AGENT, username="ann"))
        body = post(client, "voice", incoming("CA1", caller="+306900000077")).content.decode()
        body = post(client, "gather", {"CallSid": "CA1", "Digits": ""}, query="step=account").content.decode()
        assert NOTICE in body
        assert body.index(NOTICE) < body.index("<Dial")
        assert 'record="record-from-answer-dual"' in body
        assert f'recordingStatusCallback="{BASE}/telephony/twilio/recording-status/"' in body
        assert 'recordingStatusCallbackEvent="in-progress completed absent"' in body
        assert Call.objects.get(call_sid="CA1").recording_notice is True

    def test_a_waiting_caller_is_told_once_and_recorded_when_an_agent_frees_up(self, client, recorded_line,
                                                                             make_user):
        post(client, "voice", incoming("CA1", caller="+306900000077"))
        body = post(client, "gather", {"CallSid": "CA1", "Digits": ""}, query="step=account").content.decode()
        assert NOTICE in body and "<Enqueue" in body
        agent = make_user(Role.AGENT, username="ann")
        routing.agent_set_state(user=agent, state="available")
        body = post(client, "connect", {"CallSid": "CA1"}).content.decode()
        assert NOTICE not in body and 'record="record-from-answer-dual"' in body

    def test_a_queue_that_does_not_record_records_nothing(self, client, make_user):
        Line.objects.create(number="+302100000000", name="Plain", queue=Queue.objects.create(name="plain"))
        ready(make_user(Role.AGENT, username="ann"))
        post(client, "voice", incoming("CA1", caller="+306900000077"))
        body = post(client, "gather", {"CallSid": "CA1", "Digits": ""}, query="step=account").content.decode()
        assert NOTICE not in body and "record=" not in body and "<Dial" in body

    def test_the_lines_switch_records_every_queue(self, client, make_user):
        Line.objects.create(number="+302100000000", name="Recorded", record_calls=True,
                            queue=Queue.objects.create(name="plain"))
        ready(make_user(Role.AGENT, username="ann"))
        post(client, "voice", incoming("CA1", caller="+306900000077"))
        body = post(client, "gather", {"CallSid": "CA1", "Digits": ""}, query="step=account").content.decode()
        assert NOTICE in body and 'record="record-from-answer-dual"' in body

    def test_no_attributes_before_the_caller_is_told(self, recorded_queue):
        call = Call.objects.create(call_sid="CA1", queue=recorded_queue)
        assert dial_recording_kwargs(call) == {}
        call.recording_notice = True
        assert dial_recording_kwargs(call, conference=True)["record"] == "record-from-start"


class TestStatusCallback:
    def test_stored_once_and_fetched_once(self, client, recorded_queue, django_capture_on_commit_callbacks):
        call = a_call(queue=recorded_queue)
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            assert post(client, "recording-status", status_params("CA1", "RE1", "in-progress")).status_code == 200
            assert post(client, "recording-status", status_params("CA1", "RE1", "completed", 42)).status_code == 200
            assert post(client, "recording-status", status_params("CA1", "RE1", "completed", 42)).status_code == 200
            # out of order: an older status after the final one
            assert post(client, "recording-status", status_params("CA1", "RE1", "in-progress")).status_code == 200
        recording = CallRecording.objects.get()
        assert recording.call == call and recording.status == "completed" and recording.duration_seconds == 42
        assert len(callbacks) == 1  # one fetch queued
        assert recording.delete_after > timezone.now() + timedelta(days=89)

    def test_an_unknown_call_changes_nothing(self, client):
        response = post(client, "recording-status", status_params("CA404", "RE1", "completed", 3))
        assert response.status_code == 200 and not CallRecording.objects.exists()

    def test_bad_fields_are_400_and_a_bad_signature_403(self, client, recorded_queue):
        a_call(queue=recorded_queue)
        assert post(client, "recording-status", {"CallSid": "CA1", "RecordingSid": "RE1",
                                                 "RecordingStatus": "exploded"}).status_code == 400
        assert post(client, "recording-status", {"RecordingSid": "RE1",
                                                 "RecordingStatus": "completed"}).status_code == 400
        assert post(client, "recording-status", status_params("CA1", "RE1", "completed"),
                    signature="forged").status_code == 403
        assert not CallRecording.objects.exists()


class TestFetch:
    def completed(self, client, recorded_queue, sid="RE1", **call):
        a_call(queue=recorded_queue, **call)
        post(client, "recording-status", status_params("CA1", sid, "completed", 12))
        return CallRecording.objects.get(recording_sid=sid)

    def test_fetched_from_twilio_and_stored_once(self, client, recorded_queue, twilio_stub):
        sid = twilio_stub.add_recording(call_sid="CA1")
        recording = self.completed(client, recorded_queue, sid)
        assert call_recording_fetch(recording_id=recording.pk) is True
        assert call_recording_fetch(recording_id=recording.pk) is False  # a second task does nothing
        recording.refresh_from_db()
        assert recording.fetched_at is not None and recording.content_type == "audio/mpeg"
        with recording.file.open("rb") as handle:
            assert handle.read()[:3] in (b"ID3", b"\xff\xfb", b"\xff\xf3")
        fetched = twilio_stub.requests_to(f"Recordings/{sid}.mp3", "GET")
        assert len(fetched) == 1 and fetched[0].account == twilio_stub.account_sid
        # Replayed callbacks after the fetch queue nothing and store nothing again.
        post(client, "recording-status", status_params("CA1", sid, "completed", 12))
        assert CallRecording.objects.count() == 1

    def test_rate_limited_then_retried(self, client, recorded_queue, twilio_stub):
        sid = twilio_stub.add_recording(call_sid="CA1")
        recording = self.completed(client, recorded_queue, sid)
        twilio_stub.fail(20429, times=1, path_contains=f"Recordings/{sid}")
        result = fetch_call_recording.apply(args=[recording.pk], throw=False)  # a retry runs at once, eagerly
        assert result.get() is True
        recording.refresh_from_db()
        assert recording.fetched_at is not None and recording.fetch_error == ""
        assert len(twilio_stub.requests_to(f"Recordings/{sid}.mp3", "GET")) == 2

    def test_a_network_failure_is_noted_and_raised_for_a_retry(self, client, recorded_queue, twilio_stub):
        sid = twilio_stub.add_recording(call_sid="CA1")
        recording = self.completed(client, recorded_queue, sid)
        twilio_stub.drop(times=1, path_contains=f"Recordings/{sid}")
        with pytest.raises(Exception):  # noqa: B017, PT011 - requests' ConnectionError, retried by the task
            call_recording_fetch(recording_id=recording.pk)
        recording.refresh_from_db()
        assert recording.fetched_at is None and not recording.file


class TestPlayback:
    @pytest.fixture
    def stored(self, make_user, recorded_queue):
        agent = make_user(Role.AGENT, username="ann")
        call = a_call(agent=agent, queue=recorded_queue)
        recording = CallRecording.objects.create(call=call, recording_sid="RE1", status="completed",
                                                 fetched_at=timezone.now(), content_type="audio/mpeg",
                                                 delete_after=timezone.now() + timedelta(days=90))
        recording.file.save("RE1.mp3", ContentFile(b"ID3 some audio"), save=True)
        return recording

    def test_the_agent_of_the_call_and_supervisors_hear_it(self, client, stored, make_user):
        url = reverse("contactcenter:recording-audio", args=[stored.pk])
        client.force_login(stored.call.agent)
        response = client.get(url)
        assert response.status_code == 200 and b"".join(response.streaming_content) == b"ID3 some audio"
        assert response["Content-Type"] == "audio/mpeg" and response["X-Content-Type-Options"] == "nosniff"
        page = client.get(reverse("contactcenter:call", args=[stored.call.pk])).content.decode()
        assert url in page
        client.force_login(make_user(Role.MANAGER))
        assert client.get(url).status_code == 200

    def test_another_agent_gets_404(self, client, stored, make_user):
        client.force_login(make_user(Role.AGENT, username="bob"))
        assert client.get(reverse("contactcenter:recording-audio", args=[stored.pk])).status_code == 404
        page = client.get(reverse("contactcenter:call", args=[stored.call.pk]))
        assert page.status_code == 200 and "recording-player" not in page.content.decode()

    def test_the_api_lists_recordings_to_those_allowed(self, api, stored, make_user):
        url = f"/api/v1/calls/{stored.call.pk}/recordings/"
        data = api.as_user(stored.call.agent).get(url).json()
        assert [item["recording_sid"] for item in data] == ["RE1"]
        assert data[0]["audio_url"].endswith(reverse("contactcenter:recording-audio", args=[stored.pk]))
        assert api.as_user(make_user(Role.AGENT, username="bob")).get(url).status_code == 404


class TestRetention:
    def test_deletes_what_is_due_and_nothing_else(self, twilio_stub, recorded_queue):
        now = timezone.now()
        call = a_call(queue=recorded_queue)
        due, kept, gone = (CallRecording.objects.create(call=call, recording_sid=sid, status="completed",
                                                        delete_after=after, deleted_at=deleted)
                           for sid, after, deleted in (("REdue", now - timedelta(days=1), None),
                                                       ("REkept", now + timedelta(days=1), None),
                                                       ("REgone", now - timedelta(days=9), now - timedelta(days=8))))
        due.file.save("REdue.mp3", ContentFile(b"ID3 due"), save=True)
        kept.file.save("REkept.mp3", ContentFile(b"ID3 kept"), save=True)
        due_name, storage = due.file.name, due.file.storage
        assert call_recordings_purge(now=now) == 1
        due.refresh_from_db()
        kept.refresh_from_db()
        assert due.deleted_at == now and not due.file and not storage.exists(due_name)
        assert kept.deleted_at is None and storage.exists(kept.file.name)
        assert [r.path.rsplit("/", 1)[-1] for r in twilio_stub.requests if r.method == "DELETE"] == ["REdue.json"]
        assert call_recordings_purge(now=now) == 0  # nothing twice
        assert len([r for r in twilio_stub.requests if r.method == "DELETE"]) == 1
        assert due.history.first().history_change_reason == "retention period ended"

    def test_a_provider_error_leaves_it_for_the_next_run(self, twilio_stub, recorded_queue):
        now = timezone.now()
        recording = CallRecording.objects.create(call=a_call(queue=recorded_queue), recording_sid="RE1",
                                                 status="completed", delete_after=now - timedelta(hours=1))
        twilio_stub.fail(20500, times=1, method="DELETE")
        assert call_recordings_purge(now=now) == 0
        recording.refresh_from_db()
        assert recording.deleted_at is None
        assert call_recordings_purge(now=now) == 1

    def test_already_deleted_at_twilio_counts_as_deleted(self, twilio_stub, recorded_queue):
        now = timezone.now()
        CallRecording.objects.create(call=a_call(queue=recorded_queue), recording_sid="RE1", status="completed",
                                     delete_after=now - timedelta(hours=1))
        twilio_stub.fail(20404, times=1, method="DELETE")
        assert call_recordings_purge(now=now) == 1
