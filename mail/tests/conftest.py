"""Fixtures of the mail app's tests: a real Dovecot and a real SMTP sink on the loopback
(see ``servers.py``). Each pytest-xdist worker is its own process, so the session-scoped
servers below are per worker: own ports, own directories.

The "mail core" tests may add fixtures here; theirs are prefixed ``core_``."""

from __future__ import annotations

import os

import pytest

from .servers import SKIP_ENV, Dovecot, MailServerMissing, SmtpSink


@pytest.fixture(scope="session")
def dovecot_server(tmp_path_factory):
    """The worker's Dovecot, started once. ``SKIP_IMAP_TESTS=1`` skips the tests that need it;
    otherwise a missing Dovecot fails them with what to install."""
    if os.environ.get(SKIP_ENV) == "1":
        pytest.skip(f"{SKIP_ENV}=1: tests needing Dovecot skipped")
    try:
        server = Dovecot(tmp_path_factory.mktemp("dovecot"))
    except MailServerMissing as exc:
        pytest.fail(str(exc), pytrace=False)
    server.start()
    yield server
    server.cleanup()


@pytest.fixture
def imap_account(dovecot_server):
    """A fresh mail user on the worker's Dovecot: an empty INBOX, UIDs from 1."""
    return dovecot_server.add_user()


@pytest.fixture(scope="session")
def _smtp_sink_server():
    sink = SmtpSink().start()
    yield sink
    sink.stop()


@pytest.fixture
def smtp_sink(_smtp_sink_server, settings):
    """Outbound mail goes through Django's SMTP backend to a real aiosmtpd on the loopback;
    ``smtp_sink.messages`` holds what it received (emptied for each test)."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = _smtp_sink_server.host
    settings.EMAIL_PORT = _smtp_sink_server.port
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    _smtp_sink_server.clear()
    yield _smtp_sink_server
    _smtp_sink_server.clear()
