"""The two pipes an MTA delivers through, run as the MTA runs them (real processes) with the
exit codes Postfix and Exim act on: ``manage.py deliver_mail`` and ``contrib/mail-pipe``."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from rest_framework.authtoken.models import Token

from core.roles import Role
from incidents.models import Incident
from mail.choices import Direction, Result
from mail.management.commands.deliver_mail import EX_DATAERR, EX_OK, EX_TEMPFAIL, Command
from mail.models import MailMessage

from .factories import MailboxFactory
from .mails import build, golden

ROOT = Path(__file__).resolve().parents[2]


def _env(database_url: str | None = None) -> dict:
    db = connection.settings_dict
    url = database_url or (f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}:"
                           f"{db['PORT'] or 5432}/{db['NAME']}")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "SERVICEDESK_"))}
    env.update({"DJANGO_SETTINGS_MODULE": "servicedesk.settings.test", "TEST_DATABASE_URL": url})
    return env


def run(args, raw: bytes, env=None) -> subprocess.CompletedProcess:
    return subprocess.run(args, input=raw, capture_output=True, cwd=ROOT, env=env or _env(), timeout=120,  # noqa: S603
                          check=False)


def deliver(mailbox: str, raw: bytes) -> int:
    return Command(stdout=io.StringIO(), stderr=io.StringIO()).deliver(mailbox, io.BytesIO(raw))


# --- manage.py deliver_mail ---------------------------------------------------------------------
@pytest.mark.django_db(transaction=True)
def test_deliver_mail_takes_a_message_from_standard_input(monkeypatch):
    mailbox = MailboxFactory(address="support@desk.example.com")
    mbox_line = b"From maria.lopes@example.org Tue Nov  3 09:14:07 2026\n"  # Exim's pipe puts it first

    done = run([sys.executable, "manage.py", "deliver_mail", "--mailbox", "support@desk.example.com"],
               mbox_line + golden("plain"))

    assert done.returncode == EX_OK, done.stderr.decode()
    incident = Incident.objects.get()
    assert done.stdout.decode().strip().endswith(f"support@desk.example.com: created {incident.number}")
    assert MailMessage.objects.get(mailbox=mailbox, direction=Direction.IN).source == "pipe"
    # The same message again, by the mailbox's id: the duplicate is found in the database, so
    # the command runs in this process (a second child would cost ~1.5 s of CPU to start Django).
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(golden("plain"))))
    with pytest.raises(SystemExit) as again:
        call_command("deliver_mail", "--mailbox", str(mailbox.pk), stdout=out)
    assert again.value.code == EX_OK and "duplicate" in out.getvalue()


def test_deliver_mail_asks_the_mta_to_try_again_while_the_database_is_down():
    done = run([sys.executable, "manage.py", "deliver_mail", "--mailbox", "1"], golden("plain"),
               env=_env("postgres://postgres@127.0.0.1:1/nowhere"))

    assert done.returncode == EX_TEMPFAIL
    assert b"database unavailable" in done.stderr


@pytest.mark.django_db
def test_deliver_mail_exit_codes(settings):
    MailboxFactory(address="support@desk.example.com")
    MailboxFactory(address="old@desk.example.com", active=False)
    settings.MAIL_MAX_MESSAGE_BYTES = 5000

    assert deliver("support@desk.example.com", golden("auto_reply")) == EX_OK  # recorded and ignored
    assert deliver("support@desk.example.com", golden("malformed")) == EX_OK  # kept failed for an admin
    assert deliver("support@desk.example.com", build(body="x" * 6000)) == EX_DATAERR
    assert deliver("support@desk.example.com", b"\n\n") == EX_DATAERR
    assert deliver("nobody@desk.example.com", golden("plain")) == EX_TEMPFAIL
    assert deliver("old@desk.example.com", golden("plain")) == EX_TEMPFAIL
    assert not Incident.objects.exists()


# --- contrib/mail-pipe ------------------------------------------------------------------------------
PIPE = [sys.executable, str(ROOT / "contrib" / "mail-pipe")]


@pytest.fixture
def token_file(tmp_path, make_user):
    admin = make_user(Role.ADMIN, username="pipe-admin")
    path = tmp_path / "token"
    path.write_text(Token.objects.create(user=admin).key + "\n")
    return path


def test_mail_pipe_posts_the_message_to_the_inbound_api(live_server, token_file):
    mailbox = MailboxFactory(address="support@desk.example.com")
    args = [*PIPE, "--url", live_server.url, "--mailbox", str(mailbox.pk), "--token-file", str(token_file)]

    done = run(args, golden("persian_windows1256"))

    assert done.returncode == EX_OK, done.stderr.decode()
    incident = Incident.objects.get()
    assert done.stdout.decode().strip() == f"mail-pipe: {Result.CREATED} incident {incident.pk}"
    assert incident.title == "درخواست دسترسي به پوشه مالي"
    assert run(args, golden("persian_windows1256")).stdout.decode().startswith("mail-pipe: duplicate")


def test_mail_pipe_exit_codes(live_server, token_file, tmp_path, settings):
    mailbox = MailboxFactory(address="support@desk.example.com")
    inactive = MailboxFactory(address="old@desk.example.com", active=False)
    wrong = tmp_path / "wrong"
    wrong.write_text("not-a-token")

    def pipe(raw, mailbox_id=mailbox.pk, token=token_file, url=live_server.url):
        return run([*PIPE, "--url", url, "--mailbox", str(mailbox_id), "--token-file", str(token)], raw).returncode

    assert pipe(b"") == EX_DATAERR
    assert pipe(golden("plain"), token=wrong) == EX_TEMPFAIL  # a set-up mistake keeps the mail queued
    assert pipe(golden("plain"), mailbox_id=999999) == EX_TEMPFAIL
    assert pipe(golden("plain"), mailbox_id=inactive.pk) == EX_TEMPFAIL
    assert pipe(golden("plain"), url="http://127.0.0.1:1") == EX_TEMPFAIL
    assert not Incident.objects.exists()
    settings.MAIL_MAX_MESSAGE_BYTES = 5000  # the live server runs in this process: it sees the change
    assert pipe(build(body="x" * 6000)) == EX_DATAERR
    assert not Incident.objects.exists()
