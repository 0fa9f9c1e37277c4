"""The one validation layer for the form fields Twilio posts to the webhooks: a small Django
form per webhook declares each field's type and bounds, and which fields the event cannot
do without.

- An *essential* field that is missing or bad (a ``CallSid`` that is not a SID, a
  ``SequenceNumber`` that is negative or too big, a ``CallStatus`` Twilio does not send)
  means the event cannot be stored: a reporting callback answers 400 (Twilio logs it and may
  retry), a hook the caller waits on answers a polite TwiML message and stores nothing.
- Any other bad field (a negative ``CallDuration``, a ``Timestamp`` in 1900 or 9999, a
  ``From`` that is not a phone number, NUL characters...) is dropped, the event is stored
  without it (the server's clock stands in for a timestamp, the server's own measure for a
  duration) and the call is flagged with what was dropped and why (``Call.input_flags``).

Nothing is lost in silence and nothing unchecked reaches the database."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, timedelta
from email.utils import parsedate_to_datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from catalog.phone import try_normalize_phone

from ..choices import CALL_STATUSES

#: How far a Twilio ``Timestamp`` may be from the server's clock (clocks drift, callbacks
#: queue up at Twilio when we are down); anything further is not believed.
TIMESTAMP_WINDOW = timedelta(days=1)
#: The longest a Twilio call (and so any of its durations) can last: 24 hours.
MAX_SECONDS = 24 * 3600
MAX_SEQUENCE = 2**31 - 1  # the column is a 32-bit integer
#: What Twilio sends for a phone number: E.164 (kept as sent, as the lines are configured).
E164 = re.compile(r"\A\+[1-9][0-9]{1,14}\Z")

DIRECTIONS = ["inbound", "outbound-api", "outbound-dial", "trunking-originating", "trunking-terminating"]
QUEUE_RESULTS = ["bridged", "bridging-in-process", "error", "hangup", "leave", "redirected",
                 "redirected-from-bridged", "queue-full", "system-error"]
DIAL_STATUSES = ["completed", "answered", "busy", "no-answer", "failed", "canceled"]


def printable(value: str, limit: int = 64) -> str:
    """A raw value as it may be kept for a person to read: NULs shown, not stored (the
    database refuses them), and no longer than ``limit``."""
    text = str(value).replace("\x00", "\\0")
    return text if len(text) <= limit else text[:limit - 1] + "…"


class SidField(forms.RegexField):
    """A Twilio SID (``CA`` + 32 hex digits for a call): letters and digits, at most 64."""

    def __init__(self, **kwargs):
        super().__init__(r"\A[A-Za-z0-9]{2,64}\Z", max_length=64, **kwargs)


class SecondsField(forms.IntegerField):
    """A count of seconds Twilio measured: 0 to 24 hours."""

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 0)
        kwargs.setdefault("max_value", MAX_SECONDS)
        super().__init__(required=False, **kwargs)


class TimestampField(forms.CharField):
    """Twilio's ``Timestamp`` (RFC 2822, e.g. ``Mon, 23 Nov 2026 10:00:00 +0000``; ISO 8601 is
    read too), believed only within ``TIMESTAMP_WINDOW`` of the server's clock."""

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)

    def to_python(self, value):
        text = super().to_python(value)
        if not text:
            return None
        if len(text) > 64 or "\x00" in text:
            raise ValidationError("not a date and time", code="invalid")
        try:
            moment = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError, OverflowError):
            try:
                moment = parse_datetime(text)
            except ValueError:
                moment = None
        if moment is None:
            raise ValidationError("not a date and time", code="invalid")
        moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
        if abs(moment - timezone.now()) > TIMESTAMP_WINDOW:
            raise ValidationError("more than a day away from the server's clock: the server's clock is used",
                                  code="out_of_window")
        return moment


class PhoneField(forms.CharField):
    """A caller ID or a dialled number as sent (``+30 690…``, ``anonymous``, ``client:ann``):
    the clean value is the raw text; ``TwilioParams.phone()`` gives E.164 or nothing."""

    def __init__(self, **kwargs):
        super().__init__(required=False, max_length=64, **kwargs)


class KeysField(forms.RegexField):
    """Keys pressed on a phone: digits, ``*`` and ``#``."""

    def __init__(self, **kwargs):
        super().__init__(r"\A[0-9*#]*\Z", max_length=64, required=False, **kwargs)


@dataclass
class Parsed:
    """A webhook's fields after the check: ``values`` (a dropped field is ``None``),
    ``refused`` (essential fields that were bad: the event cannot be stored), ``flags``
    (what was dropped, with the raw value, for ``Call.input_flags``)."""

    values: dict
    refused: dict[str, str] = field(default_factory=dict)
    flags: list[dict] = field(default_factory=list)

    def __getitem__(self, name):
        return self.values.get(name)

    @property
    def ok(self) -> bool:
        return not self.refused

    def refusal(self) -> str:
        return "; ".join(f"{name}: {problem}" for name, problem in sorted(self.refused.items()))


class TwilioParams(forms.Form):
    """The base of every webhook's form. ``essential`` names the fields the event cannot do
    without; every other field is optional and, when bad, dropped and flagged."""

    essential: tuple[str, ...] = ()

    @classmethod
    def parse(cls, data, **context) -> Parsed:
        form = cls(data)
        form.is_valid()
        values = {name: form.cleaned_data.get(name) for name in form.fields}
        parsed = Parsed(values=values)
        for name, errors in form.errors.as_data().items():
            problem = "; ".join(message for error in errors for message in error.messages)
            if name in cls.essential:
                parsed.refused[name] = problem
            else:
                raw = data.get(name, "")
                parsed.flags.append({"field": name, "value": printable(raw), "problem": problem, **context})
        form.finish(parsed, data)
        return parsed

    def finish(self, parsed: Parsed, data) -> None:
        """Per-form adjustments once the fields are checked (defaults, derived values)."""


def _phone(parsed: Parsed, data, name: str) -> str:
    """``From``/``To`` in E.164, or "" when it is none (withheld, ``anonymous``, a SIP or
    client address, garbage); returns the raw value as it may be kept ("" when it was E.164)."""
    raw = parsed[name]
    number = raw if raw and E164.match(raw) else try_normalize_phone(raw) if raw else None
    parsed.values[name] = number or ""
    return "" if number else printable(raw if raw is not None else data.get(name, "")).strip()


class VoiceParams(TwilioParams):
    """``voice/``: a call comes in."""

    essential = ("CallSid",)
    CallSid = SidField()
    From = PhoneField()
    To = PhoneField()
    Direction = forms.ChoiceField(choices=[(d, d) for d in DIRECTIONS], required=False)

    def finish(self, parsed, data):
        parsed.values["From_raw"] = _phone(parsed, data, "From")  # kept apart: Call.from_raw
        to_raw = _phone(parsed, data, "To")
        if to_raw and "To" not in {flag["field"] for flag in parsed.flags}:  # our own line: always E.164
            parsed.flags.append({"field": "To", "value": to_raw, "problem": "not a phone number"})
        parsed.values["Direction"] = parsed["Direction"] or "inbound"


class CallParams(TwilioParams):
    """``gather/``, ``connect/``, ``hold/``: the call and the keys pressed, if any."""

    essential = ("CallSid",)
    CallSid = SidField()
    Digits = KeysField()


class StatusParams(TwilioParams):
    """``status/``: stored once per (CallSid, SequenceNumber)."""

    essential = ("CallSid", "CallStatus", "SequenceNumber")
    CallSid = SidField()
    CallStatus = forms.ChoiceField(choices=[(s, s) for s in CALL_STATUSES])
    SequenceNumber = forms.IntegerField(min_value=0, max_value=MAX_SEQUENCE)
    CallDuration = SecondsField()
    Timestamp = TimestampField()


class QueueParams(TwilioParams):
    """``queue/``: the queue's verdict."""

    essential = ("CallSid", "QueueResult")
    CallSid = SidField()
    QueueResult = forms.ChoiceField(choices=[(r, r) for r in QUEUE_RESULTS])
    QueueTime = SecondsField()


class RecordingParams(TwilioParams):
    """``recording/``: a voicemail. A bad or missing URL still makes the callback (flagged):
    the caller asked to be called back."""

    essential = ("CallSid",)
    CallSid = SidField()
    RecordingUrl = forms.URLField(max_length=500, required=False, assume_scheme="https")
    RecordingDuration = SecondsField()

    def finish(self, parsed, data):
        if not parsed["RecordingUrl"] and "RecordingUrl" not in {flag["field"] for flag in parsed.flags}:
            parsed.flags.append({"field": "RecordingUrl", "value": "", "problem": "missing"})
        parsed.values["RecordingUrl"] = parsed["RecordingUrl"] or ""


class DialParams(TwilioParams):
    """``dial/``: the agent's leg ended."""

    essential = ("CallSid",)
    CallSid = SidField()
    DialCallStatus = forms.ChoiceField(choices=[(s, s) for s in DIAL_STATUSES], required=False)
    DialCallDuration = SecondsField()


class WaitParams(TwilioParams):
    """``wait/``: the caller's place in the queue (the call itself is optional here)."""

    CallSid = SidField(required=False)
    QueuePosition = forms.IntegerField(min_value=1, max_value=100000, required=False)
