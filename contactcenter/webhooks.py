"""Twilio's webhooks (API.md, "Telephony webhooks"). Each checks ``X-Twilio-Signature``
with twilio's ``RequestValidator`` against ``PUBLIC_BASE_URL`` + path + query (403
otherwise); they are CSRF-exempt and nothing else is. Hooks the caller waits on (voice,
gather) answer TwiML after indexed lookups only; callbacks that only report answer an empty
``<Response/>``. Whatever goes wrong inside, the caller hears a polite message, never a 500.
"""

from __future__ import annotations

import logging
from datetime import UTC
from email.utils import parsedate_to_datetime
from functools import wraps

from django.conf import settings
from django.http import HttpResponse, HttpResponseForbidden
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from twilio.request_validator import RequestValidator
from twilio.twiml.voice_response import Gather, VoiceResponse

from . import services
from .models import Call

logger = logging.getLogger(__name__)
SORRY = "We are sorry, something went wrong on our side. Please call again in a few minutes."


def twiml(response: VoiceResponse | str, status: int = 200) -> HttpResponse:
    return HttpResponse(str(response), content_type="text/xml", status=status)


def _signed_url(request) -> str:
    query = request.META.get("QUERY_STRING", "")
    return f"{settings.PUBLIC_BASE_URL}{request.path}" + (f"?{query}" if query else "")


def twilio_webhook(view):
    """Signature first; then the view; any error becomes a polite TwiML message."""

    @csrf_exempt
    @require_POST
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        validator = RequestValidator(settings.TWILIO_AUTH_TOKEN or "")
        signature = request.META.get("HTTP_X_TWILIO_SIGNATURE", "")
        if not settings.TWILIO_AUTH_TOKEN or not validator.validate(_signed_url(request), request.POST.dict(),
                                                                    signature):
            return HttpResponseForbidden("invalid signature", content_type="text/plain")
        try:
            return view(request, *args, **kwargs)
        except Exception:
            logger.exception("telephony webhook %s failed", request.path)
            response = VoiceResponse()
            response.say(SORRY)
            return twiml(response)

    return wrapper


def _menu(response: VoiceResponse, call: Call) -> None:
    line = call.line
    if call.contact_id:
        response.say(f"Hello {call.contact.name}.")
    if line is not None and line.greeting:
        response.say(line.greeting)
    response.enqueue(line.queue_name if line else "support", action=reverse("telephony:queue"), method="POST")


def _after_hours(response: VoiceResponse, call: Call) -> None:
    """Closed: the after-hours message, then a voicemail (the recording hook makes the callback)."""
    Call.objects.filter(pk=call.pk).update(after_hours=True)
    response.say(call.line.after_hours_message or "We are closed now. Leave a message after the tone and we "
                                                   "will call you back.")
    response.record(action=reverse("telephony:recording"), method="POST", max_length=120, play_beep=True,
                    timeout=5)
    response.hangup()


@twilio_webhook
def voice(request):
    """A call comes in: identify the caller, play an active announcement first (press 1 to
    continue to an agent), else greet and queue. A replay of the same CallSid answers the
    same way and records nothing twice."""
    data = request.POST
    call_sid = (data.get("CallSid") or "").strip()
    if not call_sid:
        response = VoiceResponse()
        response.say("This call could not be identified. Please call again.")
        return twiml(response)
    call, _new = services.call_arrived(call_sid=call_sid, from_number=(data.get("From") or "").strip(),
                                       to_number=(data.get("To") or "").strip(),
                                       direction=data.get("Direction") or "inbound")
    response = VoiceResponse()
    if call.to_number and call.to_number == settings.MAJOR_INCIDENT_BRIDGE_NUMBER:
        _ask(response, "bridge", "Enter the bridge PIN, then press the hash key.")
        return twiml(response)
    if not services.line_is_open(call.line):
        _after_hours(response, call)
        return twiml(response)
    announcement = services.active_announcement(call.line)
    if announcement is not None:
        services.call_heard_announcement(call=call, announcement=announcement)
        if announcement.allow_continue:
            gather = Gather(num_digits=1, action=reverse("telephony:gather") + "?step=announcement", method="POST",
                            timeout=6)
            gather.say(announcement.message)
            gather.say("If you still need to speak to someone, press 1. Otherwise you may hang up.")
            response.append(gather)
            response.say("Thank you for calling. Goodbye.")
            response.hangup()
        else:
            response.say(announcement.message)
            response.hangup()
        return twiml(response)
    if call.contact_id is None:
        _ask(response, "account", "Welcome. Enter your customer account number, then press the hash key. "
                                  "To skip, just press the hash key.")
        return twiml(response)
    _menu(response, call)
    return twiml(response)


def _ask(response: VoiceResponse, step: str, prompt: str, digits: int | None = None, then: str = "") -> None:
    url = reverse("telephony:gather") + f"?step={step}" + (f"&{then}" if then else "")
    gather = Gather(action=url, method="POST", timeout=8, finish_on_key="#", **({"num_digits": digits}
                                                                                 if digits else {}))
    gather.say(prompt)
    response.append(gather)
    response.redirect(url, method="POST")  # no keys pressed: the same step hears nothing and moves on


def _gather_account(request, call: Call, response: VoiceResponse) -> None:
    digits = (request.POST.get("Digits") or "").strip()
    if not digits.isdigit():
        _menu(response, call)  # skipped: continue anonymously
        return
    _ask(response, "pin", "Now enter your PIN, then press the hash key.", then=f"account={digits[:20]}")


def _gather_pin(request, call: Call, response: VoiceResponse) -> None:
    account = (request.GET.get("account") or "").strip()
    if services.call_identify(call=call, account_number=account, pin=request.POST.get("Digits") or ""):
        call.refresh_from_db()
        _menu(response, call)
        return
    call.refresh_from_db()
    if call.pin_tries >= services.MAX_PIN_TRIES:
        response.say("We could not check your details. We will put you through anyway.")
        _menu(response, call)
        return
    _ask(response, "pin", "That did not match. Enter your PIN again, then press the hash key.",
         then=f"account={account}")


def _gather_bridge(request, call: Call, response: VoiceResponse) -> None:
    major = services.bridge_for_pin(request.POST.get("Digits") or "")
    if major is None:
        response.say("That PIN does not open a live bridge.")
        _ask(response, "bridge", "Enter the bridge PIN, then press the hash key.")
        return
    response.say("Joining the major incident bridge.")
    dial = response.dial()
    dial.conference(f"major-incident-{major.pk}", start_conference_on_enter=True, end_conference_on_exit=False)


@twilio_webhook
def gather(request):
    """Keys pressed at a prompt: after an announcement, 1 continues to an agent."""
    data = request.POST
    call = Call.objects.select_related("line", "contact").filter(call_sid=data.get("CallSid", "")).first()
    response = VoiceResponse()
    if call is None:
        response.say("This call could not be identified. Please call again.")
        return twiml(response)
    step = request.GET.get("step")
    if step == "announcement" and (data.get("Digits") or "").strip() == "1":
        services.call_continued(call=call)
        if call.contact_id is None:
            _ask(response, "account", "Enter your customer account number, then press the hash key. "
                                      "To skip, just press the hash key.")
        else:
            _menu(response, call)
        return twiml(response)
    if step == "account":
        _gather_account(request, call, response)
        return twiml(response)
    if step == "pin":
        _gather_pin(request, call, response)
        return twiml(response)
    if step == "bridge":
        _gather_bridge(request, call, response)
        return twiml(response)
    if step == "csat":
        rated = services.call_rated(call=call, digits=data.get("Digits") or "")
        response.say("Thank you for your feedback. Goodbye." if rated else "Thank you. Goodbye.")
        response.hangup()
        return twiml(response)
    response.say("Thank you for calling. Goodbye.")
    response.hangup()
    return twiml(response)


def _timestamp(value: str | None):
    if not value:
        return None
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@twilio_webhook
def status(request):
    """Call progress: stored once per (CallSid, SequenceNumber), applied in order."""
    data = request.POST
    call_sid, call_status = (data.get("CallSid") or "").strip(), (data.get("CallStatus") or "").strip()
    try:
        sequence = int(data.get("SequenceNumber", ""))
        duration = int(data["CallDuration"]) if data.get("CallDuration") else None
    except ValueError:
        return HttpResponse("SequenceNumber and CallDuration are integers", status=400, content_type="text/plain")
    if not call_sid or not call_status or sequence < 0:
        return HttpResponse("CallSid, CallStatus and SequenceNumber are required", status=400,
                            content_type="text/plain")
    services.call_status(call_sid=call_sid, sequence=sequence, status=call_status,
                         at=_timestamp(data.get("Timestamp")), duration=duration)
    return twiml(VoiceResponse())


def _seconds(value: str | None) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except ValueError:
        return None


@twilio_webhook
def queue(request):
    """The queue's result for a call (``QueueResult``, ``QueueTime``)."""
    data = request.POST
    call_sid, result = (data.get("CallSid") or "").strip(), (data.get("QueueResult") or "").strip()
    if not call_sid or not result:
        return HttpResponse("CallSid and QueueResult are required", status=400, content_type="text/plain")
    services.call_queue_result(call_sid=call_sid, result=result, queue_seconds=_seconds(data.get("QueueTime")))
    response = VoiceResponse()
    call = Call.objects.select_related("line").filter(call_sid=call_sid).first()
    if result == "bridged" and call is not None and call.line is not None and call.line.csat_survey:
        # The agent hung up and the caller is still here: the post-call survey.
        gather = Gather(num_digits=1, action=reverse("telephony:gather") + "?step=csat", method="POST", timeout=6)
        gather.say("Before you go: how satisfied were you with this call? Press 1 to 5, 5 being very satisfied.")
        response.append(gather)
    return twiml(response)


@twilio_webhook
def recording(request):
    """A voicemail is ready: a callback task with the recording."""
    data = request.POST
    call_sid, url = (data.get("CallSid") or "").strip(), (data.get("RecordingUrl") or "").strip()
    if not call_sid or not url:
        return HttpResponse("CallSid and RecordingUrl are required", status=400, content_type="text/plain")
    services.call_voicemail(call_sid=call_sid, recording_url=url[:500],
                            seconds=_seconds(data.get("RecordingDuration")))
    return twiml(VoiceResponse())
