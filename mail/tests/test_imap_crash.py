"""A fetch killed mid-batch (SIGKILL, no clean-up of any kind) and started again takes every
message exactly once: none lost, none twice.

``fetch_mail`` runs in a real subprocess against the real PostgreSQL test database and the
real Dovecot. The process is killed at the two moments that matter — inside a message's
transaction (before its ticket committed) and just after the commit (before the message was
flagged on the server and the stored UID moved) — and at a moment the test does not choose
(killed from outside once some messages were taken). Then ``fetch_mail`` runs again, in the
test's own process: what a restart finds is all in PostgreSQL and on the server (the dead
process's rows, its lock, the flags it set), none of it in a process's memory, so a second
child process (~1.5 s of CPU to start Django) would prove nothing more."""

import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from incidents.models import Incident
from mail.models import Mailbox, MailMessage

from .test_imap import build, imap_mailbox

pytestmark = [pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]

# Runs ``fetch_mail --mailbox ID`` and, with a mode, SIGKILLs itself at the chosen moment of
# the n-th message. Celery runs the acknowledgement's delivery in-process (no worker here).
DRIVER = r"""
import os, signal, sys
import django
django.setup()
from django.core.management import call_command
from django.db import transaction
from django.db.models.signals import post_save
from mail.models import MailMessage
from servicedesk.celery import app

app.conf.task_always_eager = True
mode, nth, mailbox_id = sys.argv[1], int(sys.argv[2]), sys.argv[3]
seen = 0


def die():
    os.kill(os.getpid(), signal.SIGKILL)


def crash(sender, instance, created, **kwargs):
    global seen
    if not created or instance.direction != "in":
        return
    seen += 1
    if seen != nth:
        return
    if mode == "before-commit":
        die()  # inside mail_receive's transaction: the row was just inserted
    elif mode == "after-commit":
        transaction.on_commit(die)  # the ticket is committed; the IMAP flag is not set yet


post_save.connect(crash, sender=MailMessage)
call_command("fetch_mail", "--mailbox", mailbox_id)
"""


def _env() -> dict:
    db = connection.settings_dict
    host, port = db["HOST"] or "127.0.0.1", db["PORT"] or 5432
    url = f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{host}:{port}/{db['NAME']}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update({"DJANGO_SETTINGS_MODULE": "servicedesk.settings.test", "TEST_DATABASE_URL": url})
    return env


def _fetch(mode: str = "none", nth: int = 0, mailbox: Mailbox | None = None) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", DRIVER, mode, str(nth), str(mailbox.pk)], cwd=ROOT,  # noqa: S603
                            env=_env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def _restart(mailbox: Mailbox) -> str:
    """fetch_mail again, in this process, until it ran (PostgreSQL drops the dead process's lock
    within moments). Celery runs the acknowledgement's delivery in-process, as in the driver."""
    from servicedesk.celery import app

    deadline = time.monotonic() + 30
    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    try:
        while True:
            out = io.StringIO()
            call_command("fetch_mail", "--mailbox", str(mailbox.pk), stdout=out, stderr=out)  # CommandError: failed
            output = out.getvalue()
            if "being fetched by another worker" not in output or time.monotonic() > deadline:
                return output
            time.sleep(0.2)
    finally:
        app.conf.task_always_eager = previous


def _assert_exactly_once(account, mailbox: Mailbox, ids: list[str]) -> None:
    stored = list(MailMessage.objects.filter(direction="in").values_list("message_id", flat=True))
    assert sorted(stored) == sorted(ids)  # each message once, none missing
    assert Incident.objects.count() == len(ids)
    assert sorted(Incident.objects.values_list("title", flat=True)) == sorted(f"Crash {i}" for i in range(len(ids)))
    assert account.uids() == []
    mailbox.refresh_from_db()
    assert mailbox.imap_last_uid == len(ids) and mailbox.last_error == ""


def _fill(account, count: int) -> list[str]:
    ids = [f"<crash-{i}@customer.example>" for i in range(count)]
    account.append_many(build(subject=f"Crash {i}", message_id=message_id, sender=f"c{i}@customer.example")
                        for i, message_id in enumerate(ids))
    return ids


@pytest.mark.parametrize("mode", ["before-commit", "after-commit"])
def test_a_fetch_killed_at_the_commit_and_restarted_takes_every_message_once(imap_account, mode):
    mailbox = imap_mailbox(imap_account)
    ids = _fill(imap_account, 12)

    crashed = _fetch(mode, 5, mailbox)
    output, _ = crashed.communicate(timeout=120)
    assert crashed.returncode == -signal.SIGKILL, output
    committed = 4 if mode == "before-commit" else 5
    assert MailMessage.objects.filter(direction="in").count() == committed
    mailbox.refresh_from_db()
    assert mailbox.imap_last_uid == 4  # the 5th was never acknowledged, whichever side of the commit
    assert len(imap_account.uids(criteria="UNDELETED")) == 8
    assert len(imap_account.uids()) == 12  # four flagged \Deleted, not expunged: the run died

    output = _restart(mailbox)
    expected = "created 7, duplicate 1" if mode == "after-commit" else "created 8"
    assert f"8 message(s) ({expected})" in output, output
    _assert_exactly_once(imap_account, mailbox, ids)


def test_a_fetch_killed_from_outside_mid_batch_and_restarted_takes_every_message_once(imap_account):
    mailbox = imap_mailbox(imap_account)
    ids = _fill(imap_account, 60)

    running = _fetch(mailbox=mailbox)
    deadline = time.monotonic() + 120
    while MailMessage.objects.filter(direction="in").count() < 10 and time.monotonic() < deadline:
        assert running.poll() is None, running.stdout.read()
        time.sleep(0.01)
    running.send_signal(signal.SIGKILL)
    running.communicate(timeout=30)
    taken = MailMessage.objects.filter(direction="in").count()
    assert 10 <= taken < 60

    _restart(mailbox)
    _assert_exactly_once(imap_account, mailbox, ids)
