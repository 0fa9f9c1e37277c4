"""A local stand-in for Twilio's REST API, for tests: a real threaded HTTP server on 127.0.0.1
that the real ``twilio.rest.Client`` talks to (``settings.TWILIO_API_BASE_URL`` points the
client's ``api`` domain at it). It answers the few resources the desk uses with JSON shaped as
Twilio documents them (2010-04-01 API):

- ``POST   /2010-04-01/Accounts/{AC}/Calls.json``                       create a call  (201, sid "CA…", status "queued")
- ``GET    /2010-04-01/Accounts/{AC}/Calls/{CA}.json``                  fetch a call
- ``POST   /2010-04-01/Accounts/{AC}/Calls/{CA}.json``                  update a call  (Url/Method/Twiml/Status)
- ``GET    /2010-04-01/Accounts/{AC}/Conferences.json``                 list conferences (FriendlyName, Status filters)
- ``GET|POST /2010-04-01/Accounts/{AC}/Conferences/{CF}.json``          fetch / update a conference
- ``GET|POST /2010-04-01/Accounts/{AC}/Conferences/{CF}/Participants.json``   list / create a participant
- ``GET|POST|DELETE …/Conferences/{CF}/Participants/{CA}.json``         fetch / update (Muted, Hold, Coaching,
  CallSidToCoach) / remove a participant
- ``GET    /2010-04-01/Accounts/{AC}/Recordings/{RE}.json``             recording metadata
- ``GET    /2010-04-01/Accounts/{AC}/Recordings/{RE}[.wav|.mp3]``       the media (a tiny valid WAV / some MP3 bytes)
- ``DELETE /2010-04-01/Accounts/{AC}/Recordings/{RE}[.json]``           delete (204)

Every request is recorded (``stub.requests``: method, path, form, query, account) before it is
answered. Faults on demand: ``stub.fail(code=21211, status=400)`` answers the next matching
request(s) with Twilio's error JSON ``{code, message, status, more_info}`` (``INVALID_NUMBER``,
``RATE_LIMITED``, ``NOT_FOUND`` presets), ``stub.drop()`` closes the connection without an answer
(the client raises ``requests.exceptions.ConnectionError``).

Use it through the ``twilio_stub`` pytest fixture (contactcenter/tests/conftest.py).
"""

from __future__ import annotations

import io
import json
import re
import secrets
import threading
import wave
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

API_VERSION = "2010-04-01"

# (status, code, message) presets, as Twilio answers them.
INVALID_NUMBER = (400, 21211, "Invalid 'To' Phone Number")
RATE_LIMITED = (429, 20429, "Too Many Requests")
NOT_FOUND = (404, 20404, "The requested resource was not found")
INTERNAL_ERROR = (500, 20500, "Internal Server Error")


def _sid(prefix: str) -> str:
    return prefix + secrets.token_hex(16)


def _now() -> str:
    return format_datetime(datetime.now(UTC).replace(microsecond=0), usegmt=False)


def tiny_wav(seconds: float = 0.1, rate: int = 8000) -> bytes:
    """A valid mono 8 kHz 16-bit WAV of silence (what Twilio serves for ``.wav``)."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(b"\x00\x00" * int(seconds * rate))
    return buffer.getvalue()


# An MPEG-1 layer III frame header followed by padding: enough for a content sniffer.
TINY_MP3 = b"ID3\x03\x00\x00\x00\x00\x00\x00" + b"\xff\xfb\x90\x64" + b"\x00" * 413


@dataclass
class StubRequest:
    method: str
    path: str
    form: dict[str, str]  # first value of each form field
    form_lists: dict[str, list[str]]  # every value (e.g. StatusCallbackEvent repeats)
    query: dict[str, str]
    account: str  # the Basic auth user (the account SID)

    def __repr__(self):
        return f"<{self.method} {self.path} {self.form}>"


@dataclass
class _Fault:
    kind: str  # "error" or "drop"
    times: int
    method: str | None
    path_contains: str | None
    status: int = 400
    code: int = 0
    message: str = ""

    def matches(self, method: str, path: str) -> bool:
        return (self.method is None or self.method == method) and (
            self.path_contains is None or self.path_contains in path)


@dataclass
class TwilioStub:
    account_sid: str = "AC" + "0" * 32
    requests: list[StubRequest] = field(default_factory=list)
    calls: dict[str, dict] = field(default_factory=dict)
    conferences: dict[str, dict] = field(default_factory=dict)
    participants: dict[tuple[str, str], dict] = field(default_factory=dict)
    recordings: dict[str, dict] = field(default_factory=dict)
    deleted_recordings: set[str] = field(default_factory=set)
    wav: bytes = field(default_factory=tiny_wav)

    def __post_init__(self):
        self._lock = threading.Lock()
        self._faults: list[_Fault] = []
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle ---------------------------------------------------------------------------
    def start(self) -> TwilioStub:
        stub = self

        class Handler(_Handler):
            pass

        Handler.stub = stub
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        # shutdown() waits for the serving loop to look at its flag, which it does every
        # poll_interval (0.5 s by default: half a second of nothing at the end of every test
        # that used the stub — ~60 of them, ~30 s of a run).
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.02},
                                        name="twilio-stub", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    # -- faults --------------------------------------------------------------------------------
    def fail(self, code: int = INVALID_NUMBER[1], status: int | None = None, message: str | None = None, *,
             times: int = 1, method: str | None = None, path_contains: str | None = None) -> None:
        """Answer the next ``times`` matching requests with Twilio's error JSON."""
        preset = {c: (s, m) for s, c, m in (INVALID_NUMBER, RATE_LIMITED, NOT_FOUND, INTERNAL_ERROR)}.get(code)
        status = status or (preset[0] if preset else 400)
        message = message or (preset[1] if preset else "Error")
        with self._lock:
            self._faults.append(_Fault("error", times, method, path_contains, status, code, message))

    def drop(self, *, times: int = 1, method: str | None = None, path_contains: str | None = None) -> None:
        """Close the connection of the next ``times`` matching requests without answering."""
        with self._lock:
            self._faults.append(_Fault("drop", times, method, path_contains))

    def clear_faults(self) -> None:
        with self._lock:
            self._faults.clear()

    def _take_fault(self, method: str, path: str) -> _Fault | None:
        with self._lock:
            for fault in self._faults:
                if fault.matches(method, path):
                    fault.times -= 1
                    if fault.times <= 0:
                        self._faults.remove(fault)
                    return fault
        return None

    # -- reading what was asked ------------------------------------------------------------------
    def requests_to(self, resource: str, method: str | None = None) -> list[StubRequest]:
        """The recorded requests whose path (after ``/Accounts/{AC}/``) starts with ``resource``,
        e.g. ``"Calls.json"``, ``"Calls/CA…"``, ``"Conferences/"``."""
        prefix = f"/{API_VERSION}/Accounts/{self.account_sid}/{resource}"
        return [r for r in list(self.requests) if r.path.startswith(prefix) and (method is None or r.method == method)]

    @property
    def created_calls(self) -> list[StubRequest]:
        return self.requests_to("Calls.json", "POST")

    def add_recording(self, sid: str | None = None, *, call_sid: str = "", duration: int = 12) -> str:
        """Make a recording known to the stub (any RE… sid is served anyway)."""
        sid = sid or _sid("RE")
        self.recordings[sid] = self._recording_json(sid, call_sid=call_sid, duration=duration)
        return sid

    # -- resources --------------------------------------------------------------------------------
    def _base(self) -> str:
        return f"/{API_VERSION}/Accounts/{self.account_sid}"

    def _call_json(self, sid: str, form: dict[str, str]) -> dict:
        base = self._base()
        return {
            "sid": sid, "account_sid": self.account_sid, "parent_call_sid": None,
            "to": form.get("To", ""), "to_formatted": form.get("To", ""),
            "from": form.get("From", ""), "from_formatted": form.get("From", ""),
            "phone_number_sid": None, "status": "queued", "start_time": None, "end_time": None,
            "duration": None, "price": None, "price_unit": "USD", "direction": "outbound-api",
            "answered_by": None, "api_version": API_VERSION, "forwarded_from": None, "group_sid": None,
            "caller_name": None, "queue_time": "0", "trunk_sid": None,
            "date_created": _now(), "date_updated": _now(),
            "uri": f"{base}/Calls/{sid}.json",
            "subresource_uris": {
                "notifications": f"{base}/Calls/{sid}/Notifications.json",
                "recordings": f"{base}/Calls/{sid}/Recordings.json",
                "payments": f"{base}/Calls/{sid}/Payments.json",
                "events": f"{base}/Calls/{sid}/Events.json",
                "siprec": f"{base}/Calls/{sid}/Siprec.json",
                "streams": f"{base}/Calls/{sid}/Streams.json",
                "user_defined_message_subscriptions": f"{base}/Calls/{sid}/UserDefinedMessageSubscriptions.json",
                "user_defined_messages": f"{base}/Calls/{sid}/UserDefinedMessages.json",
            },
        }

    def _conference_json(self, sid: str, friendly_name: str = "", status: str = "in-progress") -> dict:
        base = self._base()
        return {
            "sid": sid, "account_sid": self.account_sid, "friendly_name": friendly_name or sid,
            "status": status, "region": "us1", "api_version": API_VERSION, "reason_conference_ended": None,
            "call_sid_ending_conference": None, "date_created": _now(), "date_updated": _now(),
            "uri": f"{base}/Conferences/{sid}.json",
            "subresource_uris": {"participants": f"{base}/Conferences/{sid}/Participants.json",
                                 "recordings": f"{base}/Conferences/{sid}/Recordings.json"},
        }

    def _participant_json(self, conference_sid: str, call_sid: str, form: dict[str, str]) -> dict:
        def flag(name):
            return form.get(name, "false").lower() == "true"
        return {
            "account_sid": self.account_sid, "call_sid": call_sid, "conference_sid": conference_sid,
            "label": form.get("Label"), "call_sid_to_coach": form.get("CallSidToCoach"),
            "coaching": flag("Coaching"), "muted": flag("Muted"), "hold": flag("Hold"),
            "end_conference_on_exit": flag("EndConferenceOnExit"),
            "start_conference_on_enter": form.get("StartConferenceOnEnter", "true").lower() == "true",
            "status": "queued" if "To" in form else "connected",
            "queue_time": "0", "date_created": _now(), "date_updated": _now(),
            "uri": f"{self._base()}/Conferences/{conference_sid}/Participants/{call_sid}.json",
        }

    def _recording_json(self, sid: str, *, call_sid: str = "", duration: int = 12) -> dict:
        base = self._base()
        return {
            "sid": sid, "account_sid": self.account_sid, "call_sid": call_sid or _sid("CA"),
            "conference_sid": None, "api_version": API_VERSION, "channels": 1, "duration": str(duration),
            "price": None, "price_unit": "USD", "source": "DialVerb", "status": "completed",
            "track": "both", "error_code": None, "encryption_details": None, "start_time": _now(),
            "date_created": _now(), "date_updated": _now(),
            "media_url": f"{self.url}{base}/Recordings/{sid}",
            "uri": f"{base}/Recordings/{sid}.json",
            "subresource_uris": {"add_on_results": f"{base}/Recordings/{sid}/AddOnResults.json",
                                 "transcriptions": f"{base}/Recordings/{sid}/Transcriptions.json"},
        }

    @staticmethod
    def _page(key: str, items: list[dict], uri: str) -> dict:
        return {key: items, "uri": uri, "first_page_uri": uri, "next_page_uri": None, "previous_page_uri": None,
                "page": 0, "page_size": 50, "start": 0, "end": max(len(items) - 1, 0)}

    def answer(self, method: str, path: str, form: dict[str, str]) -> tuple[int, str, bytes]:
        """(status, content type, body) for one request; the routes listed in the module doc."""
        base = self._base()
        if not path.startswith(base + "/"):
            return self._error(*NOT_FOUND)
        rest = path[len(base) + 1:]
        with self._lock:
            if rest == "Calls.json" and method == "POST":
                if not form.get("To") or not form.get("From"):
                    return self._error(400, 21201, "No 'To' number is specified" if not form.get("To")
                                       else "No 'From' number is specified")
                if not (form.get("Url") or form.get("Twiml") or form.get("ApplicationSid")):
                    return self._error(400, 21205, "Url parameter is required.")
                sid = _sid("CA")
                self.calls[sid] = self._call_json(sid, form)
                return self._json(201, self.calls[sid])
            if m := re.fullmatch(r"Calls/(CA\w+)\.json", rest):
                sid = m[1]
                call = self.calls.setdefault(sid, self._call_json(sid, {}))
                if method == "POST":
                    if form.get("Status") in ("canceled", "completed"):
                        call["status"] = form["Status"]
                    call["date_updated"] = _now()
                    return self._json(200, call)
                if method == "GET":
                    return self._json(200, call)
            if rest == "Conferences.json" and method == "GET":
                items = [c for c in self.conferences.values()
                         if form.get("FriendlyName") in (None, c["friendly_name"])
                         and form.get("Status") in (None, c["status"])]
                return self._json(200, self._page("conferences", items, f"{base}/Conferences.json"))
            if m := re.fullmatch(r"Conferences/(CF\w+)\.json", rest):
                conference = self.conferences.setdefault(m[1], self._conference_json(m[1]))
                if method == "POST" and form.get("Status") == "completed":
                    conference["status"] = "completed"
                if method in ("GET", "POST"):
                    return self._json(200, conference)
            if m := re.fullmatch(r"Conferences/(CF\w+)/Participants\.json", rest):
                conference_sid = m[1]
                self.conferences.setdefault(conference_sid, self._conference_json(conference_sid))
                if method == "POST":
                    if not form.get("To") or not form.get("From"):
                        return self._error(400, 21201, "No 'To' number is specified")
                    call_sid = _sid("CA")
                    participant = self._participant_json(conference_sid, call_sid, form)
                    self.participants[(conference_sid, call_sid)] = participant
                    return self._json(201, participant)
                if method == "GET":
                    items = [p for (cf, _), p in self.participants.items() if cf == conference_sid]
                    return self._json(200, self._page("participants", items, f"{base}/{rest}"))
            if m := re.fullmatch(r"Conferences/(CF\w+)/Participants/(CA\w+)\.json", rest):
                key = (m[1], m[2])
                if method == "DELETE":
                    self.participants.pop(key, None)
                    return 204, "", b""
                participant = self.participants.setdefault(key, self._participant_json(m[1], m[2], {}))
                if method == "POST":
                    for name in ("Muted", "Hold", "Coaching", "EndConferenceOnExit"):
                        if name in form:
                            participant[name[0].lower() + re.sub(r"([A-Z])", r"_\1", name[1:]).lower()] = (
                                form[name].lower() == "true")
                    if "CallSidToCoach" in form:
                        participant["call_sid_to_coach"] = form["CallSidToCoach"]
                    participant["date_updated"] = _now()
                if method in ("GET", "POST"):
                    return self._json(200, participant)
            if m := re.fullmatch(r"Recordings/(RE\w+?)(\.json|\.wav|\.mp3)?", rest):
                sid, ext = m[1], m[2] or ""
                if sid in self.deleted_recordings:
                    return self._error(*NOT_FOUND)
                if method == "DELETE" and ext in ("", ".json"):
                    self.deleted_recordings.add(sid)
                    self.recordings.pop(sid, None)
                    return 204, "", b""
                if method == "GET" and ext == ".json":
                    return self._json(200, self.recordings.setdefault(sid, self._recording_json(sid)))
                if method == "GET" and ext == ".mp3":
                    return 200, "audio/mpeg", TINY_MP3
                if method == "GET":
                    return 200, "audio/x-wav", self.wav
        return self._error(*NOT_FOUND)

    @staticmethod
    def _json(status: int, payload: dict) -> tuple[int, str, bytes]:
        return status, "application/json", json.dumps(payload).encode()

    @staticmethod
    def _error(status: int, code: int, message: str) -> tuple[int, str, bytes]:
        return TwilioStub._json(status, {"code": code, "message": message, "status": status,
                                         "more_info": f"https://www.twilio.com/docs/errors/{code}"})


class _Handler(BaseHTTPRequestHandler):
    stub: TwilioStub
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):  # noqa: A002 - quiet test output
        pass

    def _handle(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode() if length else ""
        parts = urlsplit(self.path)
        form_lists = parse_qs(body, keep_blank_values=True)
        query_lists = parse_qs(parts.query, keep_blank_values=True)
        form = {k: v[0] for k, v in form_lists.items()}
        query = {k: v[0] for k, v in query_lists.items()}
        account = ""
        auth = self.headers.get("Authorization", "")
        if auth.startswith("Basic "):
            import base64

            account = base64.b64decode(auth[6:]).decode(errors="replace").split(":", 1)[0]
        stub = self.stub
        stub.requests.append(StubRequest(self.command, parts.path, form, form_lists, query, account))
        fault = stub._take_fault(self.command, parts.path)
        if fault is not None and fault.kind == "drop":
            self.close_connection = True
            return
        if fault is not None:
            status, ctype, payload = stub._error(fault.status, fault.code, fault.message)
        elif account != stub.account_sid:
            status, ctype, payload = stub._error(401, 20003, "Authenticate")
        else:
            # GET list filters come in the query string; the routes read them from ``form``.
            status, ctype, payload = stub.answer(self.command, parts.path, form if self.command != "GET" else query)
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if payload:
            self.wfile.write(payload)

    do_GET = do_POST = do_DELETE = _handle
