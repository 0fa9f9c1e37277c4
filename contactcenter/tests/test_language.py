"""The caller's language (issue 22.1): every prompt spoken with <Say> in the line's language and a
voice Twilio offers for it, or played from its recording; a language Twilio cannot speak
(Persian) plays its recordings and falls back to the default message in English, never silence.
Prompts uploaded (audio only, size limit) or recorded by phone through a signed <Record> flow."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from catalog.models import ContactPhone
from catalog.tests.factories import ContactFactory, ServiceFactory
from contactcenter import prompts
from contactcenter.models import (
    Announcement,
    Line,
    MenuOption,
    PromptRecording,
    PromptRecordingSession,
    Queue,
    TelephonyRequest,
)
from contactcenter.prompts import PROMPTS, prompt_recording_save, prompt_session_fetch, prompt_session_start
from contactcenter.telephony import OUTBOX_WAV
from core.roles import Role
from incidents import services as incidents

from .signed import BASE, incoming, post

pytestmark = pytest.mark.django_db

GREEK = '<Say language="el-GR" voice="Google.el-GR-Wavenet-A">'
WAV = OUTBOX_WAV


def wav(name="prompt.wav", content=WAV, content_type="audio/wav"):
    return SimpleUploadedFile(name, content, content_type=content_type)


@pytest.fixture
def caller():
    contact = ContactFactory(name="Eleni Papadopoulou")
    ContactPhone.objects.create(contact=contact, number="+306900000001")
    return contact


def make_line(language, number, **extra):
    return Line.objects.create(number=number, name=f"Line {language}", service=ServiceFactory(),
                               language=language, **extra)


def greek(key, **params):
    with translation.override("el"):
        text = str(PROMPTS[key].text)
    return text % params if params else text


class TestSpokenInTheLinesLanguage:
    def test_a_greek_line_says_greek_with_a_greek_voice(self, client, caller):
        make_line("el", "+302100000000", greeting="Καλώς ήρθατε στην εξυπηρέτηση.")
        body = post(client, "voice", incoming("CA1")).content.decode()
        assert f"{GREEK}{greek('hello', name='Eleni Papadopoulou')}</Say>" in body
        assert f"{GREEK}Καλώς ήρθατε στην εξυπηρέτηση.</Say>" in body  # the line's own Greek text
        assert "<Say>" not in body  # nothing in Twilio's default (English) voice

    def test_the_unknown_caller_is_asked_in_greek(self, client):
        make_line("el", "+302100000000")
        body = post(client, "voice", incoming("CA2", caller="+306900000099")).content.decode()
        assert f"{GREEK}{greek('account')}</Say>" in body

    def test_a_portuguese_line_uses_the_european_portuguese_voice(self, client, caller):
        make_line("pt", "+302100000000")
        body = post(client, "voice", incoming("CA3")).content.decode()
        assert '<Say language="pt-PT" voice="Polly.Ines-Neural">' in body

    def test_the_lines_own_voice_wins(self, client, caller):
        make_line("el", "+302100000000", voice="Google.el-GR-Standard-A")
        body = post(client, "voice", incoming("CA4")).content.decode()
        assert '<Say language="el-GR" voice="Google.el-GR-Standard-A">' in body

    def test_an_english_line_is_unchanged(self, client, caller):
        make_line("en", "+302100000000", greeting="Welcome.")
        body = post(client, "voice", incoming("CA5")).content.decode()
        assert "<Say>Hello Eleni Papadopoulou.</Say><Say>Welcome.</Say>" in body


class TestPersian:
    def test_a_persian_line_plays_its_recording(self, client, caller):
        line = make_line("fa", "+302100000000", greeting="خوش آمدید")
        recording = prompt_recording_save(line=line, key="greeting", upload=wav(), actor=None)
        body = post(client, "voice", incoming("CA1")).content.decode()
        url = f"{BASE}/telephony/prompts/{recording.pk}/{recording.audio.name.rsplit('/', 1)[-1]}"
        assert f"<Play>{url}</Play>" in body
        assert "خوش آمدید" not in body  # Persian text is never handed to an English voice
        # What Twilio fetches: the stored audio.
        response = client.get(url.removeprefix(BASE))
        assert response.status_code == 200 and response["Content-Type"] == "audio/wav"
        assert b"".join(response.streaming_content) == WAV

    def test_a_missing_recording_falls_back_to_the_default_message_in_english(self, client, caller):
        make_line("fa", "+302100000000", greeting="خوش آمدید")
        body = post(client, "voice", incoming("CA2")).content.decode()
        assert "<Say>Hello Eleni Papadopoulou.</Say><Say>Welcome to our service desk.</Say>" in body

    def test_a_menu_without_its_recording_is_spoken_in_english(self, client, caller):
        line = make_line("fa", "+302100000000")
        MenuOption.objects.create(line=line, digit="1", label="cards", queue=Queue.objects.create(name="cards"))
        body = post(client, "voice", incoming("CA3")).content.decode()
        assert "<Say>For cards, press 1.</Say></Gather>" in body
        recording = prompt_recording_save(line=line, key="menu", upload=wav(), actor=None)
        body = post(client, "voice", incoming("CA4")).content.decode()
        assert f"/telephony/prompts/{recording.pk}/" in body and "For cards" not in body

    def test_a_wrong_name_is_404(self, client):
        line = make_line("fa", "+302100000000")
        recording = prompt_recording_save(line=line, key="greeting", upload=wav(), actor=None)
        assert client.get(reverse("telephony:prompt-audio", args=[recording.pk, "other.wav"])).status_code == 404


class TestAnnouncements:
    def test_the_recording_in_the_callers_language_else_the_text_in_its_own(self, client, make_user,
                                                                             django_capture_on_commit_callbacks):
        greek_line = make_line("el", "+302100000000")
        english_line = make_line("en", "+302100000001")
        boss = make_user(Role.MANAGER)
        announcement = Announcement.objects.create(message="Online banking is down.", language="en")
        announcement.lines.set([greek_line, english_line])
        recording = prompt_recording_save(announcement=announcement, language="el", upload=wav(), actor=boss)
        body = post(client, "voice", incoming("CA1", to=greek_line.number)).content.decode()
        assert re.search(rf"<Play>{BASE}/telephony/prompts/{recording.pk}/[0-9a-f]+\.wav</Play>", body)
        assert f"{GREEK}{greek('announcement_continue')}</Say>" in body
        body = post(client, "voice", incoming("CA2", to=english_line.number)).content.decode()
        assert "<Say>Online banking is down.</Say>" in body and "<Play>" not in body

    def test_the_incident_manager_records_the_announcement_by_phone(self, client, make_user, twilio_stub,
                                                                     django_capture_on_commit_callbacks, settings):
        settings.CONTACT_CENTER_PROMPT_NUMBER = "+302100000999"
        line = make_line("fa", "+302100000000")
        boss, manager = make_user(Role.MANAGER), make_user(Role.AGENT)
        master = incidents.incident_create(title="Banking down", actor=boss, service=line.service)
        with django_capture_on_commit_callbacks(execute=True):
            major = incidents.major_incident_declare(incident=master, actor=boss, summary="Online banking down",
                                                     announcement="Online banking is down.")
        major.manager = manager
        major.save(update_fields=["manager"])
        announcement = Announcement.objects.get(major_incident=major)
        session, code = prompt_session_start(actor=manager, announcement=announcement, language="fa")

        body = post(client, "prompt-voice", {"CallSid": "CA9"}).content.decode()
        assert 'numDigits="6"' in body
        wrong = post(client, "prompt-code", {"CallSid": "CA9", "Digits": "000000" if code != "000000" else "111111"},
                     query="tries=0").content.decode()
        assert "That code is not valid." in wrong and "<Record" not in wrong
        body = post(client, "prompt-code", {"CallSid": "CA9", "Digits": code}, query="tries=0").content.decode()
        assert "<Record" in body
        assert f'recordingStatusCallback="{BASE}/telephony/twilio/prompts/recording-status/' in body
        assert f"session={session.pk}" in body

        sid = twilio_stub.add_recording(call_sid="CA9")
        params = {"CallSid": "CA9", "RecordingSid": sid, "RecordingStatus": "completed", "RecordingDuration": "4"}
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            assert post(client, "prompt-recording-status", params, query=f"session={session.pk}").status_code == 200
            post(client, "prompt-recording-status", params, query=f"session={session.pk}")  # a replay
        assert len(callbacks) == 1  # one fetch queued
        assert prompt_session_fetch(session_id=session.pk) is True
        assert prompt_session_fetch(session_id=session.pk) is False  # stored once
        announcement.refresh_from_db()
        stored = PromptRecording.objects.get(announcement=announcement, language="fa")
        assert stored.source == "phone" and stored.recorded_by == manager
        assert announcement.prompt_audio["fa"].startswith(f"/telephony/prompts/{stored.pk}/")
        media = twilio_stub.requests_to(f"Recordings/{sid}.mp3", "GET")
        deletes = twilio_stub.requests_to(f"Recordings/{sid}", "DELETE")
        assert len(media) == 1 and len(deletes) == 1
        # A Persian caller now hears the manager's voice.
        body = post(client, "voice", incoming("CA10", caller="+306900000088")).content.decode()
        assert f"<Play>{BASE}{announcement.prompt_audio['fa']}</Play>" in body

    def test_another_call_cannot_record_for_a_session(self, client, make_user):
        line = make_line("el", "+302100000000")
        session, code = prompt_session_start(actor=make_user(Role.MANAGER), line=line, key="greeting")
        post(client, "prompt-code", {"CallSid": "CA1", "Digits": code}, query="tries=0")
        params = {"CallSid": "CA2", "RecordingSid": "RE1", "RecordingStatus": "completed"}
        assert post(client, "prompt-recording-status", params, query=f"session={session.pk}").status_code == 200
        assert PromptRecordingSession.objects.get(pk=session.pk).recording_sid == ""

    def test_three_wrong_codes_end_the_call(self, client):
        body = post(client, "prompt-code", {"CallSid": "CA1", "Digits": "123"}, query="tries=2").content.decode()
        assert "<Hangup />" in body and "<Gather" not in body

    def test_only_managers_or_the_incident_manager_get_a_code(self, make_user):
        line = make_line("el", "+302100000000")
        with pytest.raises(Exception, match="managers"):
            prompt_session_start(actor=make_user(Role.AGENT), line=line, key="greeting")


class TestUploads:
    def test_not_audio_is_refused_with_a_clear_error(self, client, make_user):
        line = make_line("fa", "+302100000000")
        client.force_login(make_user(Role.MANAGER))
        response = client.post(reverse("contactcenter:prompt-upload"), {
            "line": line.pk, "key": "greeting", "audio": wav("evil.mp3", b"<script>alert(1)</script>", "audio/mpeg")})
        assert response.status_code == 400 and "not MP3, WAV or AIFF audio" in response.content.decode()
        response = client.post(reverse("contactcenter:prompt-upload"), {
            "line": line.pk, "key": "greeting", "audio": wav("notes.txt", b"hello", "text/plain")})
        assert response.status_code == 400 and "text/plain are not accepted" in response.content.decode()
        assert not PromptRecording.objects.exists()

    def test_too_large_is_refused(self, client, make_user, settings):
        settings.CONTACT_CENTER_PROMPT_MAX_BYTES = 1000
        line = make_line("fa", "+302100000000")
        client.force_login(make_user(Role.MANAGER))
        response = client.post(reverse("contactcenter:prompt-upload"), {"line": line.pk, "key": "greeting",
                                                                         "audio": wav()})
        assert response.status_code == 400 and "at most" in response.content.decode()
        assert not PromptRecording.objects.exists()

    def test_a_manager_uploads_and_replaces(self, client, make_user):
        line = make_line("fa", "+302100000000")
        client.force_login(make_user(Role.MANAGER))
        url = reverse("contactcenter:prompt-upload")
        assert client.post(url, {"line": line.pk, "key": "greeting", "audio": wav()}).status_code == 302
        first = PromptRecording.objects.get(line=line, key="greeting").audio.name
        assert client.post(url, {"line": line.pk, "key": "greeting", "audio": wav()}).status_code == 302
        assert PromptRecording.objects.filter(line=line).count() == 1
        line.refresh_from_db()
        assert line.prompt_audio["greeting"] != f"/telephony/prompts/x/{first}"
        page = client.get(reverse("contactcenter:prompts"))
        assert page.status_code == 200 and "Line fa" in page.content.decode()

    def test_an_agent_may_not(self, client, make_user):
        line = make_line("fa", "+302100000000")
        client.force_login(make_user(Role.AGENT))
        assert client.post(reverse("contactcenter:prompt-upload"), {"line": line.pk, "key": "greeting",
                                                                     "audio": wav()}).status_code == 404
        assert client.get(reverse("contactcenter:prompts")).status_code == 404


def test_the_outbox_backend_fetches_a_prompt_recording(make_user):
    line = make_line("el", "+302100000000")
    session, _code = prompt_session_start(actor=make_user(Role.MANAGER), line=line, key="menu")
    prompts.prompt_session_recorded(session_id=session.pk, call_sid="CA1", recording_sid="RE1")
    assert prompt_session_fetch(session_id=session.pk) is True
    assert list(TelephonyRequest.objects.values_list("action", flat=True)) == ["fetch_recording", "delete_recording"]
    line.refresh_from_db()
    assert "menu" in line.prompt_audio
