"""Twilio's requests as Twilio sends them: form-encoded and signed with the real
``RequestValidator`` for the URL it calls (``PUBLIC_BASE_URL`` + path + query)."""

from datetime import UTC
from email.utils import format_datetime

from django.urls import reverse
from django.utils import timezone
from twilio.request_validator import RequestValidator

TOKEN = "test-auth-token-0123456789abcdef"
BASE = "https://desk.example.test"


def post(client, name, params, query="", signature=None):
    path = reverse(f"telephony:{name}") + (f"?{query}" if query else "")
    signature = signature if signature is not None else RequestValidator(TOKEN).compute_signature(
        f"{BASE}{path}", params)
    return client.post(path, params, HTTP_X_TWILIO_SIGNATURE=signature)


def incoming(sid, caller="+306900000001", to="+302100000000"):
    return {"CallSid": sid, "From": caller, "To": to, "CallStatus": "ringing", "Direction": "inbound",
            "Caller": caller, "AccountSid": "AC123"}


def twilio_time(moment=None) -> str:
    """A ``Timestamp`` as Twilio writes it (RFC 2822), by default now: the hooks believe one
    only within a day of the server's clock."""
    return format_datetime((moment or timezone.now()).astimezone(UTC).replace(microsecond=0))


def status(sid, seq, call_status, duration=None, at=None):
    params = {"CallSid": sid, "CallStatus": call_status, "SequenceNumber": str(seq), "Timestamp": at or twilio_time()}
    if duration is not None:
        params["CallDuration"] = str(duration)
    return params
