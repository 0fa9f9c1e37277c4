"""Twilio's hooks for outbound calls (issue 22.2; ``contactcenter.outbound``), signed like every
other hook (``twilio_webhook``). Each names its call with ``?call=<pk>`` (the query is under
the signature) and the ``CallSid`` must belong to it:

- ``outbound/agent/``: the agent answered their phone: "press 1 to call <name>", then
  (``?step=connect``, ``Digits=1``) TwiML that dials the customer with the line's caller ID
  (``<Dial callerId action>`` + ``<Number statusCallback>``);
- ``outbound/dial/``: the customer's leg ended (``DialCallStatus``, ``DialCallDuration``);
- ``outbound/leg/``: the customer's leg's progress (answered, completed);
- ``outbound/status/``: the agent's (parent) call progress, stored once per sequence like
  ``status/``; its final status closes the callback when the customer answered.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from twilio.twiml.voice_response import Gather, VoiceResponse

from catalog.models import AgentProfile

from .. import outbound, services
from ..choices import CALL_STATUSES
from ..recording import dial_recording_kwargs
from ..telephony import hook_url
from .twilio_params import (
    DIAL_STATUSES,
    CallParams,
    DialParams,
    SecondsField,
    SidField,
    StatusParams,
    TimestampField,
    TwilioParams,
)
from .views import _refused, twilio_webhook, twiml


class LegParams(TwilioParams):
    """``outbound/leg/``: the customer's leg (a child of the agent's call)."""

    essential = ("CallSid", "CallStatus")
    CallSid = SidField()
    ParentCallSid = SidField(required=False)
    CallStatus = forms.ChoiceField(choices=[(s, s) for s in [*CALL_STATUSES, *DIAL_STATUSES]])
    CallDuration = SecondsField()
    Timestamp = TimestampField()


def _call_pk(request) -> int | None:
    raw = request.GET.get("call", "")
    return int(raw) if raw.isascii() and raw.isdigit() and len(raw) < 19 else None


def _agent_language(call) -> str:
    language = AgentProfile.objects.filter(user_id=call.placed_by_id).values_list("language", flat=True).first()
    return language or settings.LANGUAGE_CODE


def _gone() -> VoiceResponse:
    response = VoiceResponse()
    response.say(_("This call could not be identified. Goodbye."))
    response.hangup()
    return response


@twilio_webhook
def agent(request):
    """The agent's phone answered: they press 1 to call the customer (a voicemail that took the
    call presses nothing: the customer is not called into it); then the customer is dialled
    from the line's number."""
    params = CallParams.parse(request.POST)
    call = outbound.outbound_call(_call_pk(request), params["CallSid"] or "") if params.ok else None
    if call is None or call.ended_at is not None:
        return twiml(_gone())
    response = VoiceResponse()
    query = f"call={call.pk}"
    with translation.override(_agent_language(call)):
        name = call.contact.name if call.contact_id else call.to_number
        if request.GET.get("step") != "connect" or (params["Digits"] or "")[:1] != "1":
            if request.GET.get("step") == "connect":  # answered, but 1 was not pressed
                response.say(_("The call is cancelled. Goodbye."))
                response.hangup()
                return twiml(response)
            gather = Gather(num_digits=1, action=reverse("telephony:outbound-agent") + f"?{query}&step=connect",
                            method="POST", timeout=8)
            gather.say(_("Press 1 to call %(name)s.") % {"name": name})
            response.append(gather)
            response.redirect(reverse("telephony:outbound-agent") + f"?{query}&step=connect", method="POST")
            return twiml(response)
        response.say(_("Calling %(name)s.") % {"name": name})
        dial = response.dial(caller_id=call.line.number if call.line_id else call.from_number,
                             action=reverse("telephony:outbound-dial") + f"?{query}", method="POST",
                             timeout=outbound.CUSTOMER_RING_SECONDS, answer_on_bridge=True,
                             **dial_recording_kwargs(call))
        dial.number(call.to_number, status_callback=hook_url("outbound-leg", query),
                    status_callback_method="POST", status_callback_event="answered completed")
    return twiml(response)


@twilio_webhook
def dial(request):
    """The customer's leg ended: answered (its talk time) or not (the agent hears so)."""
    params = DialParams.parse(request.POST)
    call = outbound.outbound_call(_call_pk(request), params["CallSid"] or "") if params.ok else None
    response = VoiceResponse()
    if call is None:
        response.hangup()
        return twiml(response)
    services.call_flag_input(call_sid=call.call_sid, flags=params.flags)
    status = params["DialCallStatus"] or ""
    outbound.customer_leg(call_id=call.pk, status=status, duration=params["DialCallDuration"])
    if status != "completed":
        with translation.override(_agent_language(call)):
            response.say(_("The customer did not answer. Goodbye."))
    response.hangup()
    return twiml(response)


@twilio_webhook(reports=True)
def leg(request):
    """The customer's leg: answered, completed (with its duration), or not reached."""
    params = LegParams.parse(request.POST)
    if not params.ok:
        return _refused(params)
    pk = _call_pk(request)
    call = outbound.outbound_call(pk, params["ParentCallSid"] or "") if params["ParentCallSid"] else None
    if call is None:  # a leg without its parent's sid: the pk alone, once the parent is named
        call = outbound.outbound_call(pk, "")
    if call is not None:
        outbound.customer_leg(call_id=call.pk, status=params["CallStatus"], duration=params["CallDuration"],
                              at=params["Timestamp"])
    return twiml(VoiceResponse())


@twilio_webhook(reports=True)
def status(request):
    """The agent's call: stored once per sequence (``services.call_status``); its end closes the
    callback when the customer answered, or schedules the dial-list entry's next try."""
    params = StatusParams.parse(request.POST)
    if not params.ok:
        return _refused(params)
    call = outbound.outbound_call(_call_pk(request), params["CallSid"])
    if call is None:
        return twiml(VoiceResponse())  # not one of ours: nothing to store
    sequence = params["SequenceNumber"]
    services.call_status(call_sid=call.call_sid, sequence=sequence, status=params["CallStatus"],
                         at=params["Timestamp"], duration=params["CallDuration"],
                         flags=[{**flag, "sequence": sequence} for flag in params.flags])
    outbound.outbound_ended(call_id=call.pk)
    return twiml(VoiceResponse())
