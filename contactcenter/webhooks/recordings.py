"""Twilio's recording status callback for call recordings (issue 22.3):
``/telephony/twilio/recording-status/``, signed like every hook. Stored once per
``RecordingSid`` and only moved forward (``contactcenter.recording.call_recording_reported``);
a recording of a call we do not know changes nothing and answers 200 (Twilio need not retry)."""

from __future__ import annotations

from django import forms
from twilio.twiml.voice_response import VoiceResponse

from ..models import RecordingStatus
from ..recording import call_recording_reported
from .twilio_params import SecondsField, SidField, TwilioParams
from .views import _refused, twilio_webhook, twiml


class RecordingStatusParams(TwilioParams):
    """``recording-status/``: the recording, its status and the call (or conference) it belongs to."""

    essential = ("RecordingSid", "RecordingStatus")
    RecordingSid = SidField()
    RecordingStatus = forms.ChoiceField(choices=RecordingStatus.choices)
    CallSid = SidField(required=False)
    ConferenceSid = SidField(required=False)
    RecordingDuration = SecondsField()
    RecordingChannels = forms.IntegerField(min_value=1, max_value=2, required=False)

    def finish(self, parsed, data):
        if not parsed["CallSid"] and not parsed["ConferenceSid"]:
            parsed.refused["CallSid"] = "a CallSid or ConferenceSid is required"


@twilio_webhook(reports=True)
def recording_status(request):
    params = RecordingStatusParams.parse(request.POST)
    if not params.ok:
        return _refused(params)
    call_recording_reported(call_sid=params["CallSid"] or "", conference_sid=params["ConferenceSid"] or "",
                            recording_sid=params["RecordingSid"], status=params["RecordingStatus"],
                            duration=params["RecordingDuration"], channels=params["RecordingChannels"])
    return twiml(VoiceResponse())
