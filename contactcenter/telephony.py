"""Telephony backends, chosen by ``settings.TELEPHONY_BACKEND`` (a dotted path), for the few
things the desk asks of the provider rather than answers: move a live call to other TwiML
(an agent freed up for a waiting caller, a hold, a transfer).

``OutboxBackend`` records each request in the database (development and tests: nothing
leaves the machine); ``TwilioBackend`` sends it with Twilio's REST client.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from django.utils.module_loading import import_string

from .models import TelephonyRequest


class BaseTelephonyBackend:
    def redirect(self, *, call_sid: str, url: str) -> None:
        """Fetch new TwiML for the live call from ``url`` (POST). Raise on failure."""
        raise NotImplementedError

    # CC-B (issue 22.2): an outbound call.
    def place_call(self, *, to: str, from_: str, url: str, status_callback: str, timeout: int = 20) -> str:
        """Ring ``to`` from ``from_``; when answered, run the TwiML at ``url`` (POST); progress to
        ``status_callback``. Returns the new CallSid. Raise on failure (Twilio's
        ``TwilioRestException``, requests' ``ConnectionError``)."""
        raise NotImplementedError


class OutboxBackend(BaseTelephonyBackend):
    def redirect(self, *, call_sid: str, url: str) -> None:
        TelephonyRequest.objects.create(call_sid=call_sid, action="redirect", url=url)

    def place_call(self, *, to: str, from_: str, url: str, status_callback: str, timeout: int = 20) -> str:
        call_sid = "CA" + uuid.uuid4().hex
        TelephonyRequest.objects.create(call_sid=call_sid, action="call", url=url, params={
            "To": to, "From": from_, "StatusCallback": status_callback, "Timeout": timeout})
        return call_sid


def twilio_client():
    """Twilio's REST client for our account; its ``api`` domain (Calls, Conferences, Recordings)
    points at ``settings.TWILIO_API_BASE_URL`` when that is set (the tests' local stub)."""
    # Twilio's REST client is a heavy import that only the Twilio backend needs.
    from twilio.rest import Client

    client = Client(settings.TWILIO_ACCOUNT_SID, settings.TWILIO_AUTH_TOKEN)
    base_url = getattr(settings, "TWILIO_API_BASE_URL", "")
    if base_url:
        client.api.base_url = base_url.rstrip("/")
    return client


class TwilioBackend(BaseTelephonyBackend):
    def __init__(self):
        if not (settings.TWILIO_ACCOUNT_SID and settings.TWILIO_AUTH_TOKEN):
            raise ImproperlyConfigured("TwilioBackend needs TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN.")
        self._client = None

    @property
    def client(self):
        if self._client is None:
            self._client = twilio_client()
        return self._client

    def redirect(self, *, call_sid: str, url: str) -> None:
        self.client.calls(call_sid).update(url=url, method="POST")

    def place_call(self, *, to: str, from_: str, url: str, status_callback: str, timeout: int = 20) -> str:
        call = self.client.calls.create(
            to=to, from_=from_, url=url, method="POST", timeout=timeout, status_callback=status_callback,
            status_callback_method="POST", status_callback_event=["initiated", "ringing", "answered", "completed"])
        return call.sid


def get_telephony_backend() -> BaseTelephonyBackend:
    return import_string(settings.TELEPHONY_BACKEND)()


def hook_url(name: str, query: str = "") -> str:
    """The absolute address of one of our webhooks, as Twilio must call it."""
    return f"{settings.PUBLIC_BASE_URL}{reverse(f'telephony:{name}')}" + (f"?{query}" if query else "")
