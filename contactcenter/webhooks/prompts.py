"""Recording a prompt by phone (issue 22.1), and the recorded prompts' audio.

A staff member asks for a one-time code on the prompts page (``/contact-center/prompts/``: a
line's prompt, or an announcement in a language — a major incident's manager may record its
announcement), then calls the prompt-recording number, whose Twilio voice webhook is
``/telephony/twilio/prompts/voice/``: they key the code, hear which prompt they record, speak
after the tone and press ``#``. Twilio's recording status callback (signed, with the session in
the signed query) queues a task that fetches the audio, makes it the prompt's recording and
deletes Twilio's copy. Three wrong codes end the call.

``/telephony/prompts/<id>/<name>`` serves a recorded prompt's audio to Twilio's ``<Play>``
(GET, public: it is what every caller hears; the name is the stored file's random name)."""

from __future__ import annotations

from django.db import transaction
from django.http import FileResponse, Http404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET
from twilio.twiml.voice_response import Gather, VoiceResponse

from .. import prompts, speech
from ..models import PromptRecording, PromptRecordingSession
from ..telephony import hook_url
from .twilio_params import CallParams
from .views import _refused, _unidentified, twilio_webhook, twiml

MAX_TRIES = 3
ASK_CODE = _("Enter your six-digit recording code, then press the hash key.")


def _ask_code(response: VoiceResponse, tries: int) -> None:
    url = reverse("telephony:prompt-code") + f"?tries={tries}"
    gather = Gather(action=url, method="POST", num_digits=6, timeout=10, finish_on_key="#")
    speech.say(gather, None, ASK_CODE)
    response.append(gather)
    response.redirect(url, method="POST")


@twilio_webhook
def prompt_voice(request):
    params = CallParams.parse(request.POST)
    if not params.ok:
        return _unidentified()
    response = VoiceResponse()
    _ask_code(response, 0)
    return twiml(response)


def _what(session: PromptRecordingSession) -> str:
    if session.line_id:
        return f"{prompts.PROMPTS[session.key].label}, {session.line.name}"
    return f"{_('Announcement')} ({session.language})"


@twilio_webhook
def prompt_code(request):
    params = CallParams.parse(request.POST)
    if not params.ok:
        return _unidentified()
    response = VoiceResponse()
    tries = int(request.GET.get("tries", "0")) if request.GET.get("tries", "0").isdigit() else MAX_TRIES
    session = prompts.prompt_session_for_code(params["Digits"] or "")
    if session is None:
        if tries + 1 >= MAX_TRIES:
            speech.say(response, None, _("That code is not valid. Goodbye."))
            response.hangup()
        else:
            speech.say(response, None, _("That code is not valid."))
            _ask_code(response, tries + 1)
        return twiml(response)
    PromptRecordingSession.objects.filter(pk=session.pk).update(call_sid=params["CallSid"])
    speech.say(response, None, lambda: _("Record %(what)s after the tone. Press the hash key when you are done.")
               % {"what": _what(session)})
    query = f"session={session.pk}"
    response.record(action=reverse("telephony:prompt-recorded") + f"?{query}", method="POST", max_length=180,
                    finish_on_key="#", play_beep=True, timeout=10,
                    recording_status_callback=hook_url("prompt-recording-status", query),
                    recording_status_callback_method="POST", recording_status_callback_event="completed")
    speech.say(response, None, _("Nothing was recorded. Goodbye."))
    response.hangup()
    return twiml(response)


@twilio_webhook
def prompt_recorded(request):
    """The ``<Record>`` ended: thank the caller (the status callback brings the audio)."""
    response = VoiceResponse()
    speech.say(response, None, _("Thank you. Your recording will be played to callers within a minute. Goodbye."))
    response.hangup()
    return twiml(response)


@twilio_webhook(reports=True)
def prompt_recording_status(request):
    """The prompt's recording is ready: fetched by a task, once (a replay changes nothing)."""
    from .recordings import RecordingStatusParams  # the call recordings' form: the same fields

    params = RecordingStatusParams.parse(request.POST)
    if not params.ok:
        return _refused(params)
    session_id = request.GET.get("session", "")
    session = (PromptRecordingSession.objects.filter(pk=int(session_id)).first()
               if session_id.isdigit() and len(session_id) < 12 else None)
    # Only the call that keyed the code records for it.
    if session is not None and session.call_sid == params["CallSid"] and params["RecordingStatus"] == "completed":
        with transaction.atomic():
            if prompts.prompt_session_recorded(session_id=session.pk, call_sid=params["CallSid"],
                                               recording_sid=params["RecordingSid"]):
                from ..tasks import fetch_prompt_recording  # tasks import the services in their bodies

                transaction.on_commit(lambda: fetch_prompt_recording.delay(session.pk))
    return twiml(VoiceResponse())


@require_GET
def prompt_audio(request, pk: int, name: str):
    recording = (PromptRecording.objects.filter(pk=pk)
                 .only("audio", "content_type", "line_id", "announcement_id", "key", "language").first())
    if recording is None or not recording.audio or recording.audio.name.rsplit("/", 1)[-1] != name:
        raise Http404
    try:
        handle = recording.audio.open("rb")
    except (FileNotFoundError, OSError) as exc:
        # The file is gone from the storage: the next callers hear the prompt spoken (the
        # line's text, else its default message) instead of a <Play> of nothing.
        prompts.forget_recording(recording)
        raise Http404 from exc
    response = FileResponse(handle, content_type=recording.content_type or "application/octet-stream")
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "public, max-age=86400"  # a new recording has a new name
    return response
