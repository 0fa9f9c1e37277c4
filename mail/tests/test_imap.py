"""Polling a real IMAP server (a throw-away Dovecot on the loopback, see servers.py):
messages become tickets once, are acknowledged on the server only after that, and a mail
server's failure lands in the mailbox's ``last_error`` instead of crashing the poll."""

from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

import psycopg
import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone

from incidents.models import Incident
from mail.imap import LOCK_NAMESPACE, mailbox_fetch
from mail.models import Mailbox, MailMessage
from mail.tasks import fetch_all, fetch_mailbox

pytestmark = pytest.mark.django_db


def build(*, sender="Maria Lopes <maria@customer.example>", subject="Printer broken", body="It prints nothing.",
          message_id=None, headers=None, to="desk@example.test") -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = format_datetime(timezone.now())
    msg["Message-ID"] = message_id or make_msgid(domain="customer.example")
    for name, value in (headers or {}).items():
        msg[name] = value
    msg.set_content(body)
    return msg.as_bytes()


def imap_mailbox(account, **extra) -> Mailbox:
    fields = {"name": "IMAP desk", "address": account.username, "protocol": "imap", "host": account.host,
              "port": account.port, "username": account.username, "password": account.password,
              "use_tls": False, "create_contacts": True, **extra}
    return Mailbox.objects.create(**fields)


def test_new_messages_become_tickets_and_leave_the_server(imap_account):
    mailbox = imap_mailbox(imap_account)
    for n in range(3):
        imap_account.append(build(subject=f"Problem {n}", sender=f"Customer {n} <c{n}@customer.example>"))

    result = mailbox_fetch(mailbox=mailbox)

    assert result.ran and result.error == "" and result.fetched == 3
    assert result.results == {"created": 3}
    assert sorted(Incident.objects.values_list("title", flat=True)) == ["Problem 0", "Problem 1", "Problem 2"]
    assert set(Incident.objects.values_list("channel", flat=True)) == {"email"}
    assert MailMessage.objects.filter(direction="in", source="imap", mailbox=mailbox).count() == 3
    assert imap_account.uids() == []  # flagged \Deleted and expunged
    mailbox.refresh_from_db()
    assert mailbox.imap_last_uid == 3 and mailbox.imap_uidvalidity == imap_account.uidvalidity()
    assert mailbox.last_fetched_at is not None and mailbox.last_error == ""


def test_fetching_twice_takes_every_message_once(imap_account):
    mailbox = imap_mailbox(imap_account)
    imap_account.append(build(message_id="<one@customer.example>"))
    imap_account.append(build(message_id="<two@customer.example>"))
    assert mailbox_fetch(mailbox=mailbox).fetched == 2
    assert mailbox_fetch(mailbox=mailbox).fetched == 0

    # The same message delivered again (a client's resend, a second copy on the server).
    imap_account.append(build(message_id="<one@customer.example>"))
    again = mailbox_fetch(mailbox=mailbox)
    assert again.results == {"duplicate": 1}
    assert Incident.objects.count() == 2 and MailMessage.objects.count() == 2
    assert imap_account.uids() == []


def test_a_message_whose_acknowledgement_was_lost_is_a_duplicate(imap_account):
    """The crash window between the commit and the flag: the message is still on the server
    and above the stored UID. The next run must not open a second ticket."""
    mailbox = imap_mailbox(imap_account)
    raw = build(message_id="<lost-ack@customer.example>")
    imap_account.append(raw)
    assert mailbox_fetch(mailbox=mailbox).results == {"created": 1}
    imap_account.append(raw)  # as if the flag had never been set (new UID, same bytes)
    Mailbox.objects.filter(pk=mailbox.pk).update(imap_last_uid=0)
    assert mailbox_fetch(mailbox=mailbox).results == {"duplicate": 1}
    assert Incident.objects.count() == 1


def test_a_reply_lands_on_its_ticket(imap_account):
    mailbox = imap_mailbox(imap_account)
    imap_account.append(build(message_id="<start@customer.example>", subject="VPN down"))
    mailbox_fetch(mailbox=mailbox)
    incident = Incident.objects.get()
    imap_account.append(build(message_id="<reply@customer.example>", subject="Re: VPN down", body="Still down.",
                              headers={"In-Reply-To": "<start@customer.example>",
                                       "References": "<start@customer.example>"}))
    assert mailbox_fetch(mailbox=mailbox).results == {"appended": 1}
    assert Incident.objects.count() == 1
    assert incident.notes.filter(visibility="public", body__contains="Still down.").exists()


def test_automatic_mail_is_taken_off_the_server_but_opens_nothing(imap_account):
    mailbox = imap_mailbox(imap_account)
    imap_account.append(build(subject="Out of office", headers={"Auto-Submitted": "auto-replied"}))
    result = mailbox_fetch(mailbox=mailbox)
    assert result.results == {"ignored": 1}
    assert Incident.objects.count() == 0 and imap_account.uids() == []


def test_a_changed_uidvalidity_starts_again_from_the_first_uid(imap_account):
    mailbox = imap_mailbox(imap_account)
    imap_account.append(build(message_id="<a@customer.example>"))
    imap_account.append(build(message_id="<b@customer.example>"))
    # The stored position belongs to another incarnation of the folder.
    Mailbox.objects.filter(pk=mailbox.pk).update(imap_uidvalidity=1, imap_last_uid=500)
    result = mailbox_fetch(mailbox=mailbox)
    assert result.fetched == 2 and result.results == {"created": 2}
    mailbox.refresh_from_db()
    assert mailbox.imap_uidvalidity == imap_account.uidvalidity() and mailbox.imap_last_uid == 2


def test_a_message_deleted_by_someone_else_is_skipped(imap_account):
    mailbox = imap_mailbox(imap_account)
    imap_account.append(build(subject="Spam"), flags=r"(\Deleted)")
    imap_account.append(build(subject="Real problem"))
    assert mailbox_fetch(mailbox=mailbox).fetched == 1
    assert list(Incident.objects.values_list("title", flat=True)) == ["Real problem"]


def test_the_limit_leaves_the_rest_for_the_next_run(imap_account):
    mailbox = imap_mailbox(imap_account)
    for n in range(5):
        imap_account.append(build(subject=f"Batch {n}"))
    assert mailbox_fetch(mailbox=mailbox, limit=2).fetched == 2
    assert len(imap_account.uids()) == 3
    assert mailbox_fetch(mailbox=mailbox).fetched == 3
    assert Incident.objects.count() == 5


def test_a_message_over_the_size_limit_stays_on_the_server_flagged(imap_account, settings):
    settings.MAIL_MAX_MESSAGE_BYTES = 4000
    mailbox = imap_mailbox(imap_account)
    big_uid = imap_account.append(build(subject="Huge", body="x" * 8000))
    imap_account.append(build(subject="Small"))
    result = mailbox_fetch(mailbox=mailbox)
    assert result.fetched == 1 and result.too_large == [big_uid] and result.error == ""
    assert list(Incident.objects.values_list("title", flat=True)) == ["Small"]
    assert imap_account.flags() == {big_uid: {r"\Flagged"}}
    mailbox.refresh_from_db()
    assert f"UID {big_uid}" in mailbox.last_error and mailbox.last_fetched_at is not None
    assert mailbox_fetch(mailbox=mailbox).fetched == 0  # not tried again every minute


def test_an_empty_message_stays_on_the_server_flagged_and_blocks_nothing(imap_account):
    mailbox = imap_mailbox(imap_account)
    empty_uid = imap_account.append(b"\r\n")
    imap_account.append(build(subject="After the empty one"))
    result = mailbox_fetch(mailbox=mailbox)
    assert result.too_large == [empty_uid] and result.results == {"created": 1} and result.error == ""
    assert imap_account.flags() == {empty_uid: {r"\Flagged"}}


def test_a_refused_login_is_recorded_not_raised(imap_account):
    mailbox = imap_mailbox(imap_account, password="wrong")
    result = mailbox_fetch(mailbox=mailbox)
    assert result.error.startswith(f"login as {imap_account.username} refused")
    mailbox.refresh_from_db()
    assert mailbox.last_error == result.error and mailbox.last_fetched_at is None


def test_an_unreachable_server_is_recorded_and_success_clears_it(imap_account):
    mailbox = imap_mailbox(imap_account, port=1)  # nothing listens on port 1
    assert mailbox_fetch(mailbox=mailbox).error.startswith("cannot connect to 127.0.0.1:1")
    Mailbox.objects.filter(pk=mailbox.pk).update(port=imap_account.port)
    assert mailbox_fetch(mailbox=mailbox).error == ""
    mailbox.refresh_from_db()
    assert mailbox.last_error == "" and mailbox.last_fetched_at is not None


def test_a_missing_folder_is_recorded(imap_account):
    mailbox = imap_mailbox(imap_account, folder="Support Requests")
    assert mailbox_fetch(mailbox=mailbox).error.startswith("cannot open folder Support Requests")
    imap_account.create_folder("Support Requests")
    imap_account.append(build(subject="From the folder"), folder="Support Requests")
    assert mailbox_fetch(mailbox=mailbox).results == {"created": 1}


def test_a_mailbox_being_fetched_elsewhere_is_skipped(imap_account):
    """Another worker holds the mailbox's lock (its own database session): this run does
    nothing, and the messages wait for the lock holder."""
    mailbox = imap_mailbox(imap_account)
    imap_account.append(build())
    params = connection.get_connection_params()
    with psycopg.connect(**{k: v for k, v in params.items() if k in {"host", "port", "user", "password", "dbname"}},
                         autocommit=True) as other:
        other.execute("SELECT pg_advisory_lock(%s, %s)", [LOCK_NAMESPACE, mailbox.pk])
        result = mailbox_fetch(mailbox=mailbox)
        assert not result.ran and result.fetched == 0
        assert imap_account.uids() != []
        other.execute("SELECT pg_advisory_unlock(%s, %s)", [LOCK_NAMESPACE, mailbox.pk])  # that worker is done
    assert mailbox_fetch(mailbox=mailbox).fetched == 1


def test_the_tasks_and_the_command(imap_account, celery_eager, settings):
    mailbox = imap_mailbox(imap_account)
    Mailbox.objects.create(name="Push only", address="push@desk.example", protocol="push")
    Mailbox.objects.create(name="Off", address="off@desk.example", protocol="imap", host="127.0.0.1", port=1,
                           active=False)
    imap_account.append(build(subject="By beat"))
    assert fetch_all.delay().get() == 1  # only the active IMAP mailbox
    assert Incident.objects.filter(title="By beat").exists()

    imap_account.append(build(subject="By task"))
    summary = fetch_mailbox.delay(mailbox.pk).get()
    assert summary == {"mailbox": mailbox.pk, "ran": True, "fetched": 1, "results": {"created": 1},
                       "too_large": [], "error": ""}

    imap_account.append(build(subject="By command"))
    call_command("fetch_mail", "--mailbox", str(mailbox.pk))
    assert Incident.objects.filter(title="By command").exists()
    with pytest.raises(CommandError, match="No mailbox 999999"):
        call_command("fetch_mail", "--mailbox", "999999")
    broken = Mailbox.objects.create(name="Broken", address="broken@desk.example", protocol="imap",
                                    host="127.0.0.1", port=1, username="x", password="y", use_tls=False)
    with pytest.raises(CommandError, match="could not be fetched"):
        call_command("fetch_mail")
    broken.refresh_from_db()
    assert broken.last_error.startswith("cannot connect")
