"""A call you can try: the demo rings the desk as Twilio would, without a Twilio account.

:func:`simulate_call` sends the voice webhook the request Twilio sends when a contact's
number calls a line: form-encoded, signed with twilio's own ``RequestValidator`` and
``TWILIO_AUTH_TOKEN`` over ``PUBLIC_BASE_URL`` + path (exactly what the webhook checks),
then follows the TwiML it gets back as a caller who presses nothing would (past the menu
to the line's own queue; ``1`` to continue after an announcement), so routing offers the
call to an available agent: the console's screen pop, the caller's 360° view and the call
log show it like any other call. :func:`simulate_hangup` ends it (a signed ``completed``
status callback). ``manage.py simulate_call`` and the console's button call the same code.

How the request travels: through Django's own request handling in this process (the WSGI
handler: middleware, URL resolving, the signature check, the real view), on a thread of its
own, so the webhook has its own database connection and transaction as a real request has.
It is not a real HTTP request to the site itself: under gunicorn's sync workers the worker
serving the button would wait for another worker (with one worker, for ever), and
``PUBLIC_BASE_URL`` (a proxy's public address) need not be reachable from the server. The
same code therefore works under ``runserver``, gunicorn and in a management command.

Only when :func:`simulation_enabled`: ``settings.DEMO_TELEPHONY`` (default: ``DEBUG``, the
quick start), and a ``TWILIO_AUTH_TOKEN`` to sign with (the webhook refuses everything
without one)."""

from __future__ import annotations

import io
import sys
import threading
import uuid
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlencode, urlsplit
from xml.etree import ElementTree

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.handlers.wsgi import WSGIHandler
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from twilio.request_validator import RequestValidator

from catalog.models import Contact, ContactPhone

from . import routing
from .choices import AgentStateChoice
from .models import AgentState, Call, Line

#: Simulated calls' SIDs: ``CA`` + ``5151`` + 28 hex digits, the shape of a real one.
SIM_SID_PREFIX = "CA5151"
#: The settings flag (and its default: the quick start's DEBUG).
SETTING = "DEMO_TELEPHONY"
#: A caller follows at most this many prompts before the simulation stops listening.
MAX_STEPS = 4
TIMEOUT_SECONDS = 30


def simulation_enabled() -> bool:
    return bool(getattr(settings, SETTING, settings.DEBUG))


def can_sign() -> bool:
    return bool(settings.TWILIO_AUTH_TOKEN)


@dataclass
class Exchange:
    """One webhook request and the answer: what a person can read in the command's output."""

    path: str
    params: dict
    status: int
    body: str


@dataclass
class SimulatedCall:
    call: Call | None
    exchanges: list[Exchange] = field(default_factory=list)

    @property
    def agent(self):
        return self.call.agent if self.call is not None and self.call.agent_id else None


# --- the request, as Twilio sends it ------------------------------------------------------------
def sign(url: str, params: dict) -> str:
    """``X-Twilio-Signature`` for a POST of ``params`` to ``url``: twilio's own algorithm."""
    return RequestValidator(settings.TWILIO_AUTH_TOKEN).compute_signature(url, params)


def _environ(path: str, params: dict, signature: str | None = None) -> dict:
    base = urlsplit(settings.PUBLIC_BASE_URL)
    route, _sep, query = path.partition("?")
    body = urlencode(params).encode()
    secure = base.scheme == "https"
    return {
        "REQUEST_METHOD": "POST", "SCRIPT_NAME": "", "PATH_INFO": route, "QUERY_STRING": query,
        "CONTENT_TYPE": "application/x-www-form-urlencoded", "CONTENT_LENGTH": str(len(body)),
        "SERVER_NAME": base.hostname or "127.0.0.1", "SERVER_PORT": str(base.port or (443 if secure else 80)),
        "SERVER_PROTOCOL": "HTTP/1.1", "HTTP_HOST": base.netloc or "127.0.0.1",
        "HTTP_X_TWILIO_SIGNATURE": sign(f"{settings.PUBLIC_BASE_URL}{path}", params) if signature is None
        else signature,
        "HTTP_USER_AGENT": "TwilioProxy/1.1 (servicedesk simulate_call)", "REMOTE_ADDR": "127.0.0.1",
        "wsgi.version": (1, 0), "wsgi.url_scheme": base.scheme or "http", "wsgi.input": io.BytesIO(body),
        "wsgi.errors": sys.stderr, "wsgi.multithread": True, "wsgi.multiprocess": True, "wsgi.run_once": False,
    }


def post(path: str, params: dict, *, signature: str | None = None) -> Exchange:
    """POST ``params`` to one of our webhooks (``path`` with its query) through Django's
    request handling, on its own thread (its own database connection), signed as Twilio signs
    (or with ``signature``, to show that anything else is refused)."""
    result: dict = {}

    def run():
        started: dict = {}

        def start_response(status, headers, exc_info=None):
            started["status"] = int(status.split(" ", 1)[0])

        response = WSGIHandler()(_environ(path, params, signature), start_response)
        try:
            result["body"] = b"".join(response).decode("utf-8", "replace")
        finally:
            response.close()  # request_finished: the thread's database connection is closed
        result["status"] = started.get("status", 500)

    worker = threading.Thread(target=run, name="simulate-call", daemon=True)
    worker.start()
    worker.join(TIMEOUT_SECONDS)
    if worker.is_alive() or "status" not in result:
        raise RuntimeError(f"the webhook {path} did not answer")
    return Exchange(path=path, params=params, status=result["status"], body=result["body"])


def _gather(twiml: str) -> tuple[str, str] | None:
    """The prompt a caller hears next: (action path, step), or None when the call is put
    through, queued or over."""
    try:
        root = ElementTree.fromstring(twiml)  # noqa: S314 -- our own webhook's TwiML, not outside input
    except ElementTree.ParseError:
        return None
    gather = root.find("Gather")
    if gather is None or not gather.get("action"):
        return None
    action = gather.get("action")
    step = parse_qs(urlsplit(action).query).get("step", [""])[0]
    return action, step


# --- the simulation -----------------------------------------------------------------------------
def demo_callers(limit: int | None = 20):
    """Contacts with a phone number the demo can call from, by name (``limit=None``: all, a queryset)."""
    qs = (Contact.objects.filter(pk__in=ContactPhone.objects.values("contact_id")).select_related("customer")
          .order_by("name", "id"))
    return qs if limit is None else qs[:limit]


def _caller_number(contact: Contact) -> str:
    number = contact.phones.order_by("position", "id").values_list("number", flat=True).first()
    if not number:
        raise ValidationError(_("%(name)s has no phone number to call from.") % {"name": contact.name},
                              code="no_phone")
    return number


def simulate_call(*, contact: Contact, line: Line | None = None, agent=None) -> SimulatedCall:
    """Ring ``line`` (default: the first active line) from ``contact``'s first number. With
    ``agent``, they become available first (unless on a call), so the call is offered to
    them if no other agent has been idle longer."""
    if not can_sign():
        raise ValidationError(_("Set TWILIO_AUTH_TOKEN: the webhook only accepts signed requests."), code="token")
    line = line or Line.objects.filter(is_active=True).order_by("pk").first()
    if line is None:
        raise ValidationError(_("There is no telephone line to call: run the demo set-up first."), code="no_line")
    number = _caller_number(contact)
    if agent is not None:
        state = AgentState.objects.filter(user=agent).select_related("call").first()
        on_call = state is not None and state.call_id and state.call.ended_at is None
        if not on_call and (state is None or state.state != AgentStateChoice.AVAILABLE):
            routing.agent_set_state(user=agent, state=AgentStateChoice.AVAILABLE)
    sid = SIM_SID_PREFIX + uuid.uuid4().hex[:28]
    call_params = {"AccountSid": settings.TWILIO_ACCOUNT_SID or "AC" + "0" * 32, "CallSid": sid, "From": number,
                   "To": line.number, "Caller": number, "Called": line.number, "CallStatus": "ringing",
                   "Direction": "inbound", "ApiVersion": "2010-04-01"}
    result = SimulatedCall(call=None)
    exchange = post(reverse("telephony:voice"), call_params)
    result.exchanges.append(exchange)
    for _step in range(MAX_STEPS):
        prompt = _gather(exchange.body) if exchange.status == 200 else None
        if prompt is None:
            break
        action, step = prompt
        if step not in ("menu", "announcement", "account"):
            break  # a PIN or a bridge: a caller who presses nothing would be asked again
        # No key at the menu or the account prompt (the line's own queue, as an anonymous
        # caller would skip); 1 after an announcement (continue to an agent).
        digits = "1" if step == "announcement" else ""
        exchange = post(action, {**call_params, "CallStatus": "in-progress", "Digits": digits})
        result.exchanges.append(exchange)
    result.call = Call.objects.select_related("contact", "agent", "queue").filter(call_sid=sid).first()
    return result


def simulate_hangup(*, call: Call) -> Exchange:
    """The caller hangs up: Twilio's signed ``completed`` status callback for the call."""
    sequence = max(call.last_sequence + 1, 1)
    seconds = 0
    if call.started_at is not None:
        seconds = max(0, round((timezone.now() - call.started_at).total_seconds()))
    return post(reverse("telephony:status"), {
        "AccountSid": settings.TWILIO_ACCOUNT_SID or "AC" + "0" * 32, "CallSid": call.call_sid,
        "CallStatus": "completed", "SequenceNumber": str(sequence), "CallDuration": str(seconds)})


def is_simulated(call: Call | None) -> bool:
    return call is not None and call.call_sid.startswith(SIM_SID_PREFIX)
