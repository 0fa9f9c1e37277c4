"""Twilio's webhooks (API.md, "Telephony webhooks"). Each checks ``X-Twilio-Signature``
with twilio's ``RequestValidator`` against ``PUBLIC_BASE_URL`` + path + query (403
otherwise); they are CSRF-exempt and nothing else is. Hooks the caller waits on (voice,
gather) answer TwiML after indexed lookups only; callbacks that only report answer an empty
``<Response/>``. Whatever goes wrong inside, the caller hears a polite message, never a 500.

Every hook reads Twilio's fields through ``twilio_params`` (one form per hook): a field
the event cannot do without that is bad answers 400 on a reporting callback (Twilio logs
it and may retry) and a polite message on a hook the caller waits on, storing nothing;
any other bad field is left out and noted on the call (``Call.input_flags``). A reporting
callback that fails inside answers 503, never a 200 that would lose the event in silence.
"""

from __future__ import annotations

import logging
from functools import wraps

from django.conf import settings
from django.http import HttpResponse, HttpResponseForbidden
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from twilio.request_validator import RequestValidator
from twilio.twiml.voice_response import Gather, VoiceResponse

from catalog.choices import CustomerTier
from catalog.models import AgentProfile

from .. import compiled, routing, services, speech, supervision
from .. import recording as call_recording
from ..models import Call
from .twilio_params import (
    CallParams,
    DialParams,
    Parsed,
    QueueParams,
    RecordingParams,
    StatusParams,
    VoiceParams,
    WaitParams,
)

logger = logging.getLogger(__name__)
SORRY = "We are sorry, something went wrong on our side. Please call again in a few minutes."


def twiml(response: VoiceResponse | str, status: int = 200) -> HttpResponse:
    return HttpResponse(str(response), content_type="text/xml", status=status)


def _signed_url(request) -> str:
    query = request.META.get("QUERY_STRING", "")
    return f"{settings.PUBLIC_BASE_URL}{request.path}" + (f"?{query}" if query else "")


def twilio_webhook(view=None, *, reports: bool = False):
    """Signature first; then the view. Any error becomes a polite TwiML message on a hook
    the caller waits on; on a callback that only ``reports``, a 503, so the event is not
    taken as stored."""
    if view is None:
        return lambda actual: twilio_webhook(actual, reports=reports)

    @csrf_exempt
    @require_POST
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        validator = RequestValidator(settings.TWILIO_AUTH_TOKEN or "")
        signature = request.META.get("HTTP_X_TWILIO_SIGNATURE", "")
        if not settings.TWILIO_AUTH_TOKEN or not validator.validate(
            _signed_url(request), request.POST.dict(), signature
        ):
            return HttpResponseForbidden("invalid signature", content_type="text/plain")
        try:
            return view(request, *args, **kwargs)
        except Exception:
            logger.exception("telephony webhook %s failed", request.path)
            if reports:
                return HttpResponse(
                    "the event could not be stored; send it again", status=503, content_type="text/plain"
                )
            response = VoiceResponse()
            speech.say(response, None, prompt="sorry")
            return twiml(response)

    return wrapper


def _refused(parsed: Parsed) -> HttpResponse:
    """A reporting callback whose event cannot be stored: 400 naming the fields."""
    return HttpResponse(parsed.refusal(), status=400, content_type="text/plain")


def _unidentified() -> HttpResponse:
    response = VoiceResponse()
    speech.say(response, None, prompt="unidentified")
    return twiml(response)


def _menu(response: VoiceResponse, call: Call) -> None:
    """Greet (by name, and tell a VIP they go first), then the line's keypad menu, or the
    line's queue when it has no menu."""
    line = call.line
    if call.contact_id:
        speech.say(response, line, prompt="hello", params={"name": call.contact.name})
        if call.customer_id and call.customer.tier == CustomerTier.VIP:
            speech.say(response, line, prompt="vip")
    if line is not None and line.greeting:
        speech.say(response, line, line.greeting, prompt="greeting")
    options = list(line.menu.all()) if line is not None else []
    if not options:
        _route(response, call, line.queue if line is not None else None)
        return
    gather = Gather(num_digits=1, action=reverse("telephony:gather") + "?step=menu", method="POST", timeout=6)
    menu = speech.PROMPTS["menu"].text
    speech.say(
        gather,
        line,
        lambda: " ".join(str(menu) % {"label": option.label, "digit": option.digit} for option in options),
        prompt="menu",
    )
    response.append(gather)
    response.redirect(reverse("telephony:gather") + "?step=menu", method="POST")


def _route(response: VoiceResponse, call: Call, queue) -> None:
    """Into the queue: straight to an available agent, or wait there."""
    _routed(response, call, services.call_route(call=call, queue=queue))


def _routed(response: VoiceResponse, call: Call, routed: services.Routed) -> None:
    """Where the service sent the caller: an announcement first, or the call as routed."""
    if routed.announcement is not None:
        _play_announcement(response, call, routed.announcement, f"&option={routed.digit}")
        return
    _connect(response, call, notice_noted=routed.notice_noted)


def _connect(response: VoiceResponse, call: Call, *, notice_noted: bool = False) -> None:
    """The call as routing left it: ring its agent, or wait in its queue (music and position).
    A recorded call's caller is told first (once; ``notice_noted``: routing noted it on the
    call already), and the agent's leg is recorded."""
    call_recording.tell_caller(response, call, noted=notice_noted)
    if call.agent_id is not None and supervision.conference_routing():  # CC-C (issue 22.4)
        supervision.join_conference(response, call)  # the agent's leg is added to the call's conference
        return
    if call.agent_id is not None:
        dial = response.dial(
            action=reverse("telephony:dial"),
            method="POST",
            timeout=routing.ring_seconds(),
            answer_on_bridge=True,
            **call_recording.dial_recording_kwargs(call),
        )
        if settings.CONTACT_CENTER_AGENT_ENDPOINT == "phone":
            phone = AgentProfile.objects.filter(user_id=call.agent_id).values_list("phone", flat=True).first()
            dial.number(phone or "")
        else:
            dial.client(call.agent.get_username())
        return
    name = call.queue.name if call.queue_id else "support"
    response.enqueue(
        name,
        action=reverse("telephony:queue"),
        method="POST",
        wait_url=reverse("telephony:wait"),
        wait_url_method="POST",
    )


def _after_hours(response: VoiceResponse, call: Call) -> None:
    """Closed: the after-hours message, then a voicemail (the recording hook makes the callback)."""
    Call.objects.filter(pk=call.pk).update(after_hours=True)
    speech.say(response, call.line, call.line.after_hours_message or None, prompt="after_hours")
    response.record(action=reverse("telephony:recording"), method="POST", max_length=120, play_beep=True, timeout=5)
    response.hangup()


@twilio_webhook
def voice(request):
    """A call comes in: identify the caller, play an active announcement first (press 1 to
    continue to an agent), else greet and queue. A replay of the same CallSid answers the
    same way and records nothing twice."""
    params = VoiceParams.parse(request.POST)
    if not params.ok:
        return _unidentified()
    call, _new = services.call_arrived(
        call_sid=params["CallSid"],
        from_number=params["From"],
        to_number=params["To"],
        direction=params["Direction"],
        from_raw=params["From_raw"],
        flags=params.flags,
    )
    response = VoiceResponse()
    if call.to_number and call.to_number == settings.MAJOR_INCIDENT_BRIDGE_NUMBER:
        _ask(response, "bridge", call.line, prompt="bridge_pin")
        return twiml(response)
    if not services.line_is_open(call.line):
        _after_hours(response, call)
        return twiml(response)
    announcement = services.active_announcement(call.line)
    if announcement is not None:
        services.call_heard_announcement(call=call, announcement=announcement)
        _play_announcement(response, call, announcement)
        return twiml(response)
    if call.contact_id is None:
        _ask(response, "account", call.line, prompt="account")
        return twiml(response)
    _menu(response, call)
    return twiml(response)


def _ask(response: VoiceResponse, step: str, line, *, prompt: str, digits: int | None = None, then: str = "") -> None:
    """A ``Gather`` for keys ending in ``#``, with the line's ``prompt`` (speech.say)."""
    url = reverse("telephony:gather") + f"?step={step}" + (f"&{then}" if then else "")
    gather = Gather(
        action=url, method="POST", timeout=8, finish_on_key="#", **({"num_digits": digits} if digits else {})
    )
    speech.say(gather, line, prompt=prompt)
    response.append(gather)
    response.redirect(url, method="POST")  # no keys pressed: the same step hears nothing and moves on


def _play_announcement(response: VoiceResponse, call: Call, announcement, then: str = "") -> None:
    """The announcement in the caller's language (its recording, else its text: speech.announce)."""
    line = call.line
    if announcement.allow_continue:
        gather = Gather(
            num_digits=1, action=reverse("telephony:gather") + "?step=announcement" + then, method="POST", timeout=6
        )
        speech.announce(gather, line, announcement)
        speech.say(gather, line, prompt="announcement_continue")
        response.append(gather)
        speech.say(response, line, prompt="goodbye")
    else:
        speech.announce(response, line, announcement)
    response.hangup()


def _gather_account(digits: str, call: Call, response: VoiceResponse) -> None:
    if not digits.isdigit():
        _menu(response, call)  # skipped: continue anonymously
        return
    _ask(response, "pin", call.line, prompt="pin", then=f"account={digits[:20]}")


def _gather_pin(request, digits: str, call: Call, response: VoiceResponse) -> None:
    account = (request.GET.get("account") or "").strip()
    account = account if account.isascii() and account.isdigit() and len(account) <= 20 else ""
    if services.call_identify(call=call, account_number=account, pin=digits):
        call.refresh_from_db()
        _menu(response, call)
        return
    call.refresh_from_db()
    if call.pin_tries >= services.MAX_PIN_TRIES:
        speech.say(response, call.line, prompt="pin_failed")
        _menu(response, call)
        return
    _ask(response, "pin", call.line, prompt="pin_again", then=f"account={account}")


def _gather_bridge(digits: str, call: Call, response: VoiceResponse) -> None:
    major = services.bridge_for_pin(digits)
    if major is None:
        speech.say(response, call.line, prompt="bridge_wrong")
        _ask(response, "bridge", call.line, prompt="bridge_pin")
        return
    speech.say(response, call.line, prompt="bridge_joining")
    dial = response.dial()
    dial.conference(f"major-incident-{major.pk}", start_conference_on_enter=True, end_conference_on_exit=False)


@twilio_webhook
def gather(request):
    """Keys pressed at a prompt: after an announcement, 1 continues to an agent."""
    params = CallParams.parse(request.POST)
    call = _call(params)
    response = VoiceResponse()
    if call is None:
        return _unidentified()
    services.call_flag_input(call_sid=call.call_sid, flags=params.flags)
    digits = params["Digits"] or ""  # keys that are not keys: none pressed
    step = request.GET.get("step")
    if step == "menu":  # the rule (the option's service, its announcement, its queue): the service's
        _routed(response, call, services.call_route_from_menu(call=call, digits=digits))
        return twiml(response)
    if step == "announcement" and digits == "1":
        routed = services.call_route_after_announcement(call=call, digit=request.GET.get("option", ""))
        if routed is not None:
            _routed(response, call, routed)
        elif call.contact_id is None:
            _ask(response, "account", call.line, prompt="account_again")
        else:
            _menu(response, call)
        return twiml(response)
    if step == "account":
        _gather_account(digits, call, response)
        return twiml(response)
    if step == "pin":
        _gather_pin(request, digits, call, response)
        return twiml(response)
    if step == "bridge":
        _gather_bridge(digits, call, response)
        return twiml(response)
    if step == "csat":
        # W1 (issue 24.14): then "Was your issue solved on this call?" (1 yes, 2 no), for
        # first-call resolution as the caller sees it.
        rated = services.call_rated(call=call, digits=digits)
        gather = Gather(
            num_digits=1,
            action=reverse("telephony:gather") + "?step=fcr" + ("&rated=1" if rated else ""),
            method="POST",
            timeout=6,
        )
        speech.say(gather, call.line, prompt="fcr")
        response.append(gather)
        speech.say(response, call.line, prompt="csat_thanks" if rated else "thanks")
        response.hangup()
        return twiml(response)
    if step == "fcr":
        answered = services.call_solved_answered(call=call, digits=digits)
        speech.say(response, call.line, prompt="csat_thanks" if answered or request.GET.get("rated") else "thanks")
        response.hangup()
        return twiml(response)
    speech.say(response, call.line, prompt="goodbye")
    response.hangup()
    return twiml(response)


@twilio_webhook(reports=True)
def status(request):
    """Call progress: stored once per (CallSid, SequenceNumber), applied in order. A
    ``Timestamp`` far from the server's clock, or a bad ``CallDuration``, is left out (the
    server's clock and measure stand in) and noted on the call."""
    params = StatusParams.parse(request.POST)
    if not params.ok:
        return _refused(params)
    sequence = params["SequenceNumber"]
    services.call_status(
        call_sid=params["CallSid"],
        sequence=sequence,
        status=params["CallStatus"],
        at=params["Timestamp"],
        duration=params["CallDuration"],
        flags=[{**flag, "sequence": sequence} for flag in params.flags],
    )
    return twiml(VoiceResponse())


@twilio_webhook(reports=True)
def queue(request):
    """The queue's result for a call (``QueueResult``, ``QueueTime``)."""
    params = QueueParams.parse(request.POST)
    if not params.ok:
        return _refused(params)
    call_sid, result = params["CallSid"], params["QueueResult"]
    services.call_queue_result(
        call_sid=call_sid,
        result=result,
        queue_seconds=params["QueueTime"],
        flags=[{**flag, "result": result} for flag in params.flags],
    )
    response = VoiceResponse()
    call = Call.objects.select_related("line").filter(call_sid=call_sid).first()
    if result == "bridged" and call is not None:
        _survey(response, call)  # the agent hung up and the caller is still here
    elif result == "redirected":
        pass  # an agent freed up: the call was moved to them (the connect hook answers)
    return twiml(response)


def _survey(response: VoiceResponse, call: Call) -> None:
    """The post-call survey, when the line asks for one."""
    if call.line is not None and call.line.csat_survey:
        gather = Gather(num_digits=1, action=reverse("telephony:gather") + "?step=csat", method="POST", timeout=6)
        speech.say(gather, call.line, prompt="csat")
        response.append(gather)
        speech.say(response, call.line, prompt="goodbye")
    response.hangup()


@twilio_webhook
def connect(request):
    """Where the desk moved a live call (an agent freed up, a hold ended, a transfer): ring the
    call's agent, or wait in its queue."""
    call = _call(CallParams.parse(request.POST))
    response = VoiceResponse()
    if call is None:
        return _unidentified()
    _connect(response, call)
    return twiml(response)


@twilio_webhook
def dial(request):
    """The agent's leg ended (``DialCallStatus``, ``DialCallDuration``): answered → the talk
    time, the agent to wrap-up, the survey; not answered → the next agent or the queue."""
    params = DialParams.parse(request.POST)
    response = VoiceResponse()
    call = _call(params)
    if call is None:
        return _unidentified()
    services.call_flag_input(call_sid=call.call_sid, flags=params.flags)
    if call.held_since is not None:  # moved to hold music: nothing ended
        _hold_music(response, call)
        return twiml(response)
    outcome = params["DialCallStatus"] or ""
    if outcome == "completed":
        routing.call_connected(call_sid=call.call_sid, talk_seconds=params["DialCallDuration"])
        _survey(response, call)
        return twiml(response)
    if outcome in ("no-answer", "busy", "failed"):
        call = routing.call_not_answered(call_sid=call.call_sid)
        _connect(response, call)
        return twiml(response)
    response.hangup()  # canceled: the caller hung up while it rang
    return twiml(response)


def _hold_music(response: VoiceResponse, call: Call) -> None:
    music = (call.queue.hold_music_url if call.queue_id else "") or settings.CONTACT_CENTER_HOLD_MUSIC_URL
    if music:
        response.play(music, loop=0)
    else:
        speech.say(response, call.line if call.line_id else None, prompt="hold")
        response.pause(length=30)
        response.redirect(reverse("telephony:hold"), method="POST")


@twilio_webhook
def hold(request):
    """A held caller hears music until the agent resumes (the desk moves the call back)."""
    call = _call(CallParams.parse(request.POST))
    response = VoiceResponse()
    if call is None:
        response.hangup()
        return twiml(response)
    _hold_music(response, call)
    return twiml(response)


@twilio_webhook
def wait(request):
    """Enqueue's wait URL: the caller's place in the queue, then music (Twilio loops it)."""
    params = WaitParams.parse(request.POST)
    call = _call(params)
    response = VoiceResponse()
    position = params["QueuePosition"]  # a bad one is not announced
    line = call.line if call is not None and call.line_id else None
    if position:
        speech.say(
            response, line, prompt="queue_first" if position == 1 else "queue_position", params={"position": position}
        )
    music = (
        call.queue.hold_music_url if call is not None and call.queue_id else ""
    ) or settings.CONTACT_CENTER_HOLD_MUSIC_URL
    if music:
        response.play(music)
    else:
        speech.say(response, line, prompt="queue_wait")
        response.pause(length=20)
    return twiml(response)


def _call(params: Parsed) -> Call | None:
    sid = params["CallSid"]
    if not sid:
        return None
    return compiled.first(Call, "hook_call", _call_query, {"call_sid": sid}, _CALL_MARKERS)


def _call_query(values: dict):
    """``_call``'s query: the call with what the hooks read of it (one query)."""
    return Call.objects.select_related("line__queue", "queue", "agent", "contact", "customer").filter(
        call_sid=values["call_sid"]
    )


#: ``_call``'s value as a marker no real ``CallSid`` equals (``compiled.first``).
_CALL_MARKERS = {"call_sid": "\x00hook-call-sid\x00"}


@twilio_webhook(reports=True)
def recording(request):
    """A voicemail is ready: a callback task with the recording. A bad or missing
    ``RecordingUrl`` or ``RecordingDuration`` still makes the callback (the caller asked to
    be called back), without it and noted on the call."""
    params = RecordingParams.parse(request.POST)
    if not params.ok:
        return _refused(params)
    services.call_voicemail(
        call_sid=params["CallSid"],
        recording_url=params["RecordingUrl"],
        seconds=params["RecordingDuration"],
        flags=params.flags,
    )
    return twiml(VoiceResponse())
