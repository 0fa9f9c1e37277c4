"""Locust users for ``bench/load_test.py`` (issue 23): one class per scenario, run headless
against gunicorn on the loopback. The runner passes everything a user needs in ``LOAD_*``
environment variables (tokens, a session cookie, ids) and picks the class by name.

Not imported by the service desk: it runs in the bench's own virtualenv (``locust`` from
PyPI), so it needs neither Django nor the project's packages — the Twilio signature is
computed here as Twilio documents it (HMAC-SHA1 of the URL and the sorted form fields).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import itertools
import os
import random
import uuid

from locust import HttpUser, constant, task

ENV = os.environ
SERVICES = [int(x) for x in ENV.get("LOAD_SERVICES", "1").split(",")]
CALLERS = ENV.get("LOAD_CALLERS", "+306900000001").split(",")
API = ENV.get("LOAD_API", "/api/v1")
_counter = itertools.count()


class _Base(HttpUser):
    abstract = True
    wait_time = constant(0)  # closed loop: each client sends its next request when the last one answers


class AgentQueue(_Base):
    """The agent's incident queue page, logged in (a session cookie made by the runner)."""

    def on_start(self):
        self.client.cookies.set("sessionid", ENV["LOAD_SESSION"])

    @task
    def queue(self):
        self.client.get(ENV.get("LOAD_QUEUE_PATH", "/incidents/"), name="agent queue")


class IncidentList(_Base):
    @task
    def incidents(self):
        self.client.get(API + "/incidents/", headers={"Authorization": f"Token {ENV['LOAD_TOKEN']}"},
                        name="GET /api/v1/incidents/")


class IncidentCreate(_Base):
    @task
    def create(self):
        k = next(_counter)
        self.client.post(API + "/incidents/", json={
            "title": f"Load test incident {k}", "service": SERVICES[k % len(SERVICES)],
            "impact": 1 + k % 3, "urgency": 1 + (k // 3) % 3, "channel": "portal"},
            headers={"Authorization": f"Token {ENV['LOAD_TOKEN']}"}, name="POST /api/v1/incidents/")


def twilio_signature(token: str, url: str, params: dict) -> str:
    payload = url + "".join(f"{key}{params[key]}" for key in sorted(params))
    return base64.b64encode(hmac.new(token.encode(), payload.encode(), hashlib.sha1).digest()).decode()


class VoiceWebhook(_Base):
    """Twilio's first request for a new call (a new CallSid each time), signed."""

    @task
    def voice(self):
        path = "/telephony/twilio/voice/"
        caller = random.choice(CALLERS)  # noqa: S311 - load generation, not security
        params = {"CallSid": "CA" + uuid.uuid4().hex, "From": caller, "To": ENV["LOAD_LINE_NUMBER"],
                  "CallStatus": "ringing", "Direction": "inbound", "Caller": caller,
                  "AccountSid": "AC" + "0" * 32}
        signature = twilio_signature(ENV["LOAD_TWILIO_TOKEN"], ENV["LOAD_PUBLIC_BASE"] + path, params)
        self.client.post(path, data=params, headers={"X-Twilio-Signature": signature}, name="voice webhook")


class StatusPage(_Base):
    @task
    def status(self):
        self.client.get("/status/", name="status page")


class AlertEvents(_Base):
    """Alertmanager posting one alert: nine in ten repeat one of 500 firing alerts, one in ten is new."""

    @task
    def alert(self):
        k = next(_counter)
        fingerprint = f"load-{random.randrange(500):04d}" if k % 10 else f"new-{uuid.uuid4().hex[:12]}"  # noqa: S311
        body = {"version": "4", "status": "firing", "receiver": "servicedesk", "groupKey": "{}:{}",
                "alerts": [{"status": "firing", "fingerprint": fingerprint,
                            "labels": {"alertname": "LoadTest", "instance": fingerprint, "severity": "warning"},
                            "annotations": {"summary": f"Load test alert {fingerprint}"},
                            "startsAt": "2030-01-01T00:00:00Z"}]}
        self.client.post(f"{API}/alert-sources/{ENV['LOAD_ALERT_SOURCE']}/events/", json=body,
                         headers={"Authorization": f"Bearer {ENV['LOAD_ALERT_TOKEN']}"}, name="alert event")


class MailInbound(_Base):
    """An MTA pipe posting one new message (a new Message-ID each time) as the mailbox's admin."""

    @task
    def inbound(self):
        k = next(_counter)
        message = (f"From: Customer {k % 200} <customer{k % 200}@example.net>\r\n"
                   f"To: {ENV['LOAD_MAILBOX_ADDRESS']}\r\n"
                   f"Subject: Cannot reach the portal ({k})\r\n"
                   f"Message-ID: <{uuid.uuid4().hex}@example.net>\r\n"
                   "Date: Mon, 07 Dec 2026 05:00:00 +0000\r\nMIME-Version: 1.0\r\n"
                   "Content-Type: text/plain; charset=utf-8\r\n\r\n"
                   "Hello,\r\nthe portal answers with an error since this morning.\r\nRegards\r\n").encode()
        self.client.post(f"{API}/mailboxes/{ENV['LOAD_MAILBOX']}/inbound/", data=message,
                         headers={"Authorization": f"Token {ENV['LOAD_ADMIN_TOKEN']}",
                                  "Content-Type": "message/rfc822"}, name="mail inbound")


class HelpdeskTicketList(_Base):
    """django-helpdesk's agent ticket list (the yardstick), logged in as its staff user."""

    def on_start(self):
        self.client.cookies.set("sessionid", ENV["LOAD_SESSION"])

    @task
    def tickets(self):
        self.client.get("/helpdesk/tickets/", name="django-helpdesk ticket list")


class HelpdeskTicketData(_Base):
    """The JSON django-helpdesk's ticket table loads after the page (25 rows, its default sort)."""

    def on_start(self):
        self.client.cookies.set("sessionid", ENV["LOAD_SESSION"])

    @task
    def data(self):
        self.client.get(ENV["LOAD_HD_DATA_PATH"] + "?draw=1&start=0&length=25", name="django-helpdesk table JSON")
