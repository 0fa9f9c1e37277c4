"""Issue 22.1 leftovers: a prompt recorded by phone (the signed ``<Record>`` flow, its audio
fetched from the local Twilio stub) is played (``<Play>`` of the stored recording) wherever the
desk speaks that prompt — the voice hook, the queue's wait and hold music, the survey, a hold
inside a conference — and when the recording is missing (its file gone from the storage, or
the row deleted some other way than the prompts page) the line's own text is spoken again,
never a ``<Play>`` of nothing."""

import pytest
from django.utils import translation

from catalog.models import ContactPhone
from catalog.tests.factories import ContactFactory, ServiceFactory
from contactcenter.models import Call, Line, PromptRecording, Queue
from contactcenter.prompts import PROMPTS, prompt_session_fetch, prompt_session_start
from core.roles import Role

from .signed import BASE, incoming, post

pytestmark = pytest.mark.django_db
GREEK = '<Say language="el-GR" voice="Google.el-GR-Wavenet-A">'
GREETING = "Καλώς ήρθατε στην τράπεζα."


@pytest.fixture
def greek_line():
    queue = Queue.objects.create(name="cards")
    return Line.objects.create(number="+302100000000", name="Τράπεζα", service=ServiceFactory(), language="el",
                               greeting=GREETING, queue=queue)


@pytest.fixture
def caller():
    contact = ContactFactory(name="Eleni Papadopoulou")
    ContactPhone.objects.create(contact=contact, number="+306900000001")
    return contact


def record_by_phone(client, stub, manager, line, key, call_sid="CA" + "5" * 32) -> PromptRecording:
    """The manager's code, their call keying it, Twilio's recording callback, the task's fetch."""
    session, code = prompt_session_start(actor=manager, line=line, key=key)
    body = post(client, "prompt-code", {"CallSid": call_sid, "Digits": code}, query="tries=0").content.decode()
    assert "<Record" in body
    sid = stub.add_recording(call_sid=call_sid)
    params = {"CallSid": call_sid, "RecordingSid": sid, "RecordingStatus": "completed", "RecordingDuration": "3"}
    assert post(client, "prompt-recording-status", params, query=f"session={session.pk}").status_code == 200
    assert prompt_session_fetch(session_id=session.pk) is True
    recording = PromptRecording.objects.get(line=line, key=key)
    assert recording.source == "phone" and recording.content_type == "audio/mpeg"
    return recording


def played(recording) -> str:
    return f"<Play>{BASE}/telephony/prompts/{recording.pk}/{recording.audio.name.rsplit('/', 1)[-1]}</Play>"


def greek(key, **params):
    with translation.override("el"):
        text = str(PROMPTS[key].text)
    return text % params if params else text


def _waiting_call(line, caller, sid):
    return Call.objects.create(call_sid=sid, from_number="+306900000001", to_number=line.number, line=line,
                               queue=line.queue, contact=caller, status="in-progress")


# Each prompt, and the hook that speaks it: (key, a function making the request, the text it replaces).
def _voice(client, line, caller):
    return post(client, "voice", incoming("CA1")).content.decode()


def _account(client, line, caller):
    return post(client, "voice", incoming("CA2", caller="+306900009999")).content.decode()


def _wait(client, line, caller):
    _waiting_call(line, caller, "CA3")
    return post(client, "wait", {"CallSid": "CA3", "QueuePosition": "1"}).content.decode()


def _hold(client, line, caller):
    from django.utils import timezone

    call = _waiting_call(line, caller, "CA4")
    Call.objects.filter(pk=call.pk).update(held_since=timezone.now())
    return post(client, "hold", {"CallSid": "CA4"}).content.decode()


def _survey(client, line, caller):
    _waiting_call(line, caller, "CA5")
    return post(client, "queue", {"CallSid": "CA5", "QueueResult": "bridged", "QueueTime": "20"}).content.decode()


HOOKS = [("greeting", _voice, GREETING), ("account", _account, None), ("queue_first", _wait, None),
         ("hold", _hold, None), ("csat", _survey, None)]


@pytest.mark.parametrize(("key", "hook", "text"), HOOKS, ids=[key for key, _h, _t in HOOKS])
def test_a_prompt_recorded_by_phone_is_played_where_it_is_spoken(client, twilio_stub, make_user, greek_line, caller,
                                                                  settings, key, hook, text):
    settings.CONTACT_CENTER_HOLD_MUSIC_URL = ""
    spoken = f"{GREEK}{text or greek(key)}</Say>"
    assert spoken in hook(client, greek_line, caller)  # before: the line's text in Greek
    Call.objects.all().delete()
    recording = record_by_phone(client, twilio_stub, make_user(Role.MANAGER), greek_line, key)
    body = hook(client, greek_line, caller)
    assert played(recording) in body and spoken not in body
    audio = client.get(played(recording)[len("<Play>") + len(BASE):-len("</Play>")])
    assert audio.status_code == 200 and audio["Content-Type"] == "audio/mpeg"


def test_a_recording_whose_file_is_gone_falls_back_to_the_lines_text(client, twilio_stub, make_user, greek_line,
                                                                     caller):
    recording = record_by_phone(client, twilio_stub, make_user(Role.MANAGER), greek_line, "greeting")
    assert played(recording) in post(client, "voice", incoming("CA1")).content.decode()
    recording.audio.storage.delete(recording.audio.name)
    # What Twilio fetches is gone: 404, and the line stops pointing at it.
    url = played(recording)[len("<Play>") + len(BASE):-len("</Play>")]
    assert client.get(url).status_code == 404
    greek_line.refresh_from_db()
    assert "greeting" not in greek_line.prompt_audio
    body = post(client, "voice", incoming("CA2")).content.decode()
    assert f"{GREEK}{GREETING}</Say>" in body and "<Play>" not in body
    assert PromptRecording.objects.filter(pk=recording.pk).exists()  # the row stays, for the admin to see


def test_a_recording_deleted_outside_the_prompts_page_is_not_played(client, twilio_stub, make_user, greek_line,
                                                                    caller):
    manager = make_user(Role.MANAGER)
    greeting = record_by_phone(client, twilio_stub, manager, greek_line, "greeting")
    record_by_phone(client, twilio_stub, manager, greek_line, "hello", call_sid="CA" + "6" * 32)
    PromptRecording.objects.filter(pk=greeting.pk).delete()  # e.g. the admin's bulk delete
    greek_line.refresh_from_db()
    assert set(greek_line.prompt_audio) == {"hello"}  # the other prompt keeps its recording
    body = post(client, "voice", incoming("CA1")).content.decode()
    assert f"{GREEK}{GREETING}</Say>" in body and body.count("<Play>") == 1


def test_a_persian_line_without_its_recording_speaks_the_default_in_english(client, twilio_stub, make_user, caller):
    line = Line.objects.create(number="+302100000000", name="Persian", service=ServiceFactory(), language="fa",
                               greeting="خوش آمدید")
    recording = record_by_phone(client, twilio_stub, make_user(Role.MANAGER), line, "greeting")
    assert played(recording) in post(client, "voice", incoming("CA1")).content.decode()
    recording.audio.storage.delete(recording.audio.name)
    client.get(played(recording)[len("<Play>") + len(BASE):-len("</Play>")])
    body = post(client, "voice", incoming("CA2")).content.decode()
    assert "<Say>Welcome to our service desk.</Say>" in body and "خوش آمدید" not in body
