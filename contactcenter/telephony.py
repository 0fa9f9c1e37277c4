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

    # CC-A (issue 22.3): a recording's media, and its deletion at the provider.
    def fetch_recording(self, *, recording_sid: str) -> tuple[bytes, str]:
        """The recording's audio and its content type. Raise on failure."""
        raise NotImplementedError

    def delete_recording(self, *, recording_sid: str) -> None:
        """Delete the provider's copy; one already gone counts as deleted. Raise on failure."""
        raise NotImplementedError

    # CC-C (issue 22.4): legs of a call's conference (the agent's, a supervisor's).
    def add_participant(self, *, conference_sid: str, to: str, from_: str, label: str, status_callback: str,
                        muted: bool = False, start_on_enter: bool = True, end_on_exit: bool = False,
                        timeout: int = 20) -> str:
        """Ring ``to`` and join them to the conference when they answer; their leg's progress
        (and whether they answered) to ``status_callback``. Returns the leg's CallSid."""
        raise NotImplementedError

    def update_participant(self, *, conference_sid: str, call_sid: str, muted: bool | None = None,
                           coaching: bool | None = None, call_sid_to_coach: str | None = None,
                           hold: bool | None = None, hold_url: str | None = None,
                           end_conference_on_exit: bool | None = None) -> None:
        """Mute or unmute a leg; make it coach (only ``call_sid_to_coach`` hears it) or stop;
        put it on hold (hearing ``hold_url``, fetched with POST) or back; whether its leaving
        ends the conference (a transferred agent's leg: no longer)."""
        raise NotImplementedError

    def remove_participant(self, *, conference_sid: str, call_sid: str) -> None:
        """Take a leg out of the conference (its call ends); one already gone counts as removed."""
        raise NotImplementedError


#: What the outbox backend answers for a recording: a valid WAV of 0.1 s of silence.
OUTBOX_WAV = (b"RIFF$\x06\x00\x00WAVEfmt \x10\x00\x00\x00\x01\x00\x01\x00@\x1f\x00\x00\x80>\x00\x00\x02\x00"
              b"\x10\x00data\x00\x06\x00\x00" + b"\x00" * 1536)


class OutboxBackend(BaseTelephonyBackend):
    def redirect(self, *, call_sid: str, url: str) -> None:
        TelephonyRequest.objects.create(call_sid=call_sid, action="redirect", url=url)

    def place_call(self, *, to: str, from_: str, url: str, status_callback: str, timeout: int = 20) -> str:
        call_sid = "CA" + uuid.uuid4().hex
        TelephonyRequest.objects.create(call_sid=call_sid, action="call", url=url, params={
            "To": to, "From": from_, "StatusCallback": status_callback, "Timeout": timeout})
        return call_sid

    def fetch_recording(self, *, recording_sid: str) -> tuple[bytes, str]:
        TelephonyRequest.objects.create(call_sid="", action="fetch_recording", url=recording_sid)
        return OUTBOX_WAV, "audio/wav"

    def delete_recording(self, *, recording_sid: str) -> None:
        TelephonyRequest.objects.create(call_sid="", action="delete_recording", url=recording_sid)

    def add_participant(self, *, conference_sid: str, to: str, from_: str, label: str, status_callback: str,
                        muted: bool = False, start_on_enter: bool = True, end_on_exit: bool = False,
                        timeout: int = 20) -> str:
        call_sid = "CA" + uuid.uuid4().hex
        TelephonyRequest.objects.create(call_sid=call_sid, action="participant_add", url=status_callback, params={
            "ConferenceSid": conference_sid, "To": to, "From": from_, "Label": label, "Muted": muted,
            "StartConferenceOnEnter": start_on_enter, "EndConferenceOnExit": end_on_exit, "Timeout": timeout})
        return call_sid

    def update_participant(self, *, conference_sid: str, call_sid: str, muted: bool | None = None,
                           coaching: bool | None = None, call_sid_to_coach: str | None = None,
                           hold: bool | None = None, hold_url: str | None = None,
                           end_conference_on_exit: bool | None = None) -> None:
        params = {"ConferenceSid": conference_sid, "Muted": muted, "Coaching": coaching,
                  "CallSidToCoach": call_sid_to_coach, "Hold": hold, "HoldUrl": hold_url,
                  "HoldMethod": "POST" if hold_url else None, "EndConferenceOnExit": end_conference_on_exit}
        TelephonyRequest.objects.create(call_sid=call_sid, action="participant_update", url="",
                                        params={k: v for k, v in params.items() if v is not None})

    def remove_participant(self, *, conference_sid: str, call_sid: str) -> None:
        TelephonyRequest.objects.create(call_sid=call_sid, action="participant_remove", url="",
                                        params={"ConferenceSid": conference_sid})


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

    def fetch_recording(self, *, recording_sid: str) -> tuple[bytes, str]:
        # Twilio's own HTTP client decodes bodies as text: the media is fetched with requests
        # (which the twilio package depends on), as Twilio documents it: GET …/Recordings/{sid}.mp3.
        import requests

        base = (getattr(settings, "TWILIO_API_BASE_URL", "") or "https://api.twilio.com").rstrip("/")
        url = f"{base}/2010-04-01/Accounts/{settings.TWILIO_ACCOUNT_SID}/Recordings/{recording_sid}.mp3"
        response = requests.get(url, auth=(settings.TWILIO_ACCOUNT_SID, settings.TWILIO_AUTH_TOKEN), timeout=30)
        response.raise_for_status()
        return response.content, (response.headers.get("Content-Type") or "audio/mpeg").split(";")[0]

    def delete_recording(self, *, recording_sid: str) -> None:
        from twilio.base.exceptions import TwilioRestException  # only this backend needs twilio's REST package

        try:
            self.client.recordings(recording_sid).delete()
        except TwilioRestException as exc:
            if exc.status != 404:  # already gone: deleted
                raise

    def add_participant(self, *, conference_sid: str, to: str, from_: str, label: str, status_callback: str,
                        muted: bool = False, start_on_enter: bool = True, end_on_exit: bool = False,
                        timeout: int = 20) -> str:
        participant = self.client.conferences(conference_sid).participants.create(
            from_=from_, to=to, label=label, muted=muted, beep="false", start_conference_on_enter=start_on_enter,
            end_conference_on_exit=end_on_exit, timeout=timeout, status_callback=status_callback,
            status_callback_method="POST", status_callback_event=["ringing", "answered", "completed"])
        return participant.call_sid

    def update_participant(self, *, conference_sid: str, call_sid: str, muted: bool | None = None,
                           coaching: bool | None = None, call_sid_to_coach: str | None = None,
                           hold: bool | None = None, hold_url: str | None = None,
                           end_conference_on_exit: bool | None = None) -> None:
        from twilio.base import values  # only this backend needs twilio's REST package

        def unset(value):
            return values.unset if value is None else value

        self.client.conferences(conference_sid).participants(call_sid).update(
            muted=unset(muted), coaching=unset(coaching), call_sid_to_coach=unset(call_sid_to_coach),
            hold=unset(hold), hold_url=unset(hold_url), hold_method="POST" if hold_url else values.unset,
            end_conference_on_exit=unset(end_conference_on_exit))

    def remove_participant(self, *, conference_sid: str, call_sid: str) -> None:
        from twilio.base.exceptions import TwilioRestException  # only this backend needs twilio's REST package

        try:
            self.client.conferences(conference_sid).participants(call_sid).delete()
        except TwilioRestException as exc:
            if exc.status != 404:  # already gone (hung up, the conference ended): removed
                raise


def get_telephony_backend() -> BaseTelephonyBackend:
    return import_string(settings.TELEPHONY_BACKEND)()


def hook_url(name: str, query: str = "") -> str:
    """The absolute address of one of our webhooks, as Twilio must call it."""
    return f"{settings.PUBLIC_BASE_URL}{reverse(f'telephony:{name}')}" + (f"?{query}" if query else "")
