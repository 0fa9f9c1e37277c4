"""The conference hooks of calls routed through a conference (issue 22.4, ``supervision.py``):

- ``conference/?call=<CallSid>[&leg=<id>]``: Twilio's conference status callbacks
  (``StatusCallbackEvent`` participant-join, participant-leave, conference-end, …, with the
  ``ConferenceSid`` and the participant's ``CallSid``) and, with ``leg``, the progress of a leg
  the desk rang (``CallStatus``). Signed like every hook; each is stored once per (sid,
  ``SequenceNumber``), so a replay changes nothing; a bad essential field answers 400, a
  callback about an unknown call or conference 200 and nothing changes.
- ``conference/hold/?call=<CallSid>``: the hold music of a caller held inside the conference
  (an agent's hold, a transfer until the next agent joins).
- ``conference/done/``: the caller's ``<Dial>`` action once the conference ended: the survey
  when an agent answered, else back to routing (the next agent or the queue).
"""

from __future__ import annotations

from django import forms
from django.http import HttpResponse
from django.urls import reverse
from twilio.twiml.voice_response import VoiceResponse

from .. import speech, supervision
from ..choices import CALL_STATUSES
from ..models import Call
from .twilio_params import MAX_SEQUENCE, CallParams, SidField, TwilioParams
from .views import _call, _connect, _refused, _survey, _unidentified, twilio_webhook, twiml

#: The conference events the desk asks for (``start end join leave``) and the others Twilio
#: may send; any other value is refused.
CONFERENCE_EVENTS = ["conference-start", "conference-end", "participant-join", "participant-leave",
                     "participant-mute", "participant-unmute", "participant-hold", "participant-unhold",
                     "participant-modify", "participant-speech-start", "participant-speech-stop", "announcement-end",
                     "announcement-fail", "conference-record-start", "conference-record-end"]


class ConferenceQuery(TwilioParams):
    """The hook's own query (it is in the signed URL): the caller's call and the desk's leg."""

    essential = ("call",)
    call = SidField()
    leg = forms.IntegerField(min_value=1, max_value=MAX_SEQUENCE, required=False)


class ConferenceEventParams(TwilioParams):
    essential = ("ConferenceSid", "StatusCallbackEvent", "SequenceNumber")
    ConferenceSid = SidField()
    StatusCallbackEvent = forms.ChoiceField(choices=[(e, e) for e in CONFERENCE_EVENTS])
    SequenceNumber = forms.IntegerField(min_value=0, max_value=MAX_SEQUENCE)
    CallSid = SidField(required=False)


class LegProgressParams(TwilioParams):
    essential = ("CallSid", "CallStatus", "SequenceNumber")
    CallSid = SidField()
    CallStatus = forms.ChoiceField(choices=[(s, s) for s in CALL_STATUSES])
    SequenceNumber = forms.IntegerField(min_value=0, max_value=MAX_SEQUENCE)


@twilio_webhook(reports=True)
def conference(request) -> HttpResponse:
    query = ConferenceQuery.parse(request.GET)
    if not query.ok:
        return _refused(query)
    if query["leg"] is not None:
        params = LegProgressParams.parse(request.POST)
        if not params.ok:
            return _refused(params)
        event = supervision.Event(call_sid=query["call"], sid=params["CallSid"], sequence=params["SequenceNumber"],
                                  event=params["CallStatus"], participant=params["CallSid"], leg=query["leg"])
    else:
        params = ConferenceEventParams.parse(request.POST)
        if not params.ok:
            return _refused(params)
        event = supervision.Event(call_sid=query["call"], sid=params["ConferenceSid"],
                                  sequence=params["SequenceNumber"], event=params["StatusCallbackEvent"],
                                  participant=params["CallSid"] or "")
    supervision.conference_event(event)
    return twiml(VoiceResponse())


@twilio_webhook
def conference_done(request) -> HttpResponse:
    """The conference ended for the caller (the agent hung up, or nobody joined)."""
    call = _call(CallParams.parse(request.POST))
    response = VoiceResponse()
    if call is None:
        return _unidentified()
    if call.answered_at is not None:
        _survey(response, call)
    else:
        _connect(response, call)  # no agent took it: ring the call's agent again, or wait in the queue
    return twiml(response)


@twilio_webhook
def conference_hold(request) -> HttpResponse:
    """``conference/hold/?call=<CallSid>``: what a caller held in the call's conference hears
    (the participant's ``HoldUrl``): the queue's music, else the line's "please hold" prompt (its
    recording when there is one) and a pause, again and again. Twilio allows only ``<Play>``,
    ``<Say>``, ``<Pause>`` and ``<Redirect>`` here, so an unknown call hears a pause, never a
    hang-up."""
    from django.conf import settings

    query = ConferenceQuery.parse(request.GET)
    call = (Call.objects.select_related("line", "queue").filter(call_sid=query["call"]).first()
            if query.ok else None)
    response = VoiceResponse()
    if call is None:
        response.pause(length=30)
        return twiml(response)
    music = (call.queue.hold_music_url if call.queue_id else "") or settings.CONTACT_CENTER_HOLD_MUSIC_URL
    if music:
        response.play(music, loop=0)
        return twiml(response)
    speech.say(response, call.line if call.line_id else None, prompt="hold")
    response.pause(length=30)
    response.redirect(reverse("telephony:conference_hold") + f"?call={call.call_sid}", method="POST")
    return twiml(response)
