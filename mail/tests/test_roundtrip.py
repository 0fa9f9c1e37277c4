"""The whole email conversation through real servers: a customer's mail lands in Dovecot and
is fetched into a ticket; the acknowledgement and the agent's answer leave through a real
Celery worker and Django's SMTP backend to a real SMTP server; the customer's client
replies to the answer it received, and the reply lands on the same ticket.

Nothing is mocked: IMAP (Dovecot), SMTP (aiosmtpd), the broker (Redis) and the database
(PostgreSQL, committed transactions: the mail goes out after commit) are all real."""

from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

import pytest
from celery.contrib.testing.worker import start_worker
from django.utils import timezone

from core.roles import Role
from incidents.models import Incident
from mail.imap import mailbox_fetch
from mail.models import MailMessage
from notifications.models import Delivery
from servicedesk.celery import app

from .test_imap import build, imap_mailbox

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def worker(django_db_blocker):
    assert app.conf.broker_url.startswith("redis://"), "tests must use the real Redis broker"
    app.control.purge()  # earlier tests' on-commit tasks, whose rows are gone
    with django_db_blocker.unblock(), start_worker(app, perform_ping_check=False, pool="solo",
                                                   shutdown_timeout=10) as running:
        yield running


def reply_to(received: EmailMessage, *, sender: str, body: str, headers: dict | None = None) -> bytes:
    """What a mail client sends when its user presses Reply on ``received``."""
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = received["Reply-To"] or received["From"]
    msg["Subject"] = "Re: " + received["Subject"]
    msg["Date"] = format_datetime(timezone.now())
    msg["Message-ID"] = make_msgid(domain="customer.example")
    msg["In-Reply-To"] = received["Message-ID"]
    msg["References"] = " ".join(filter(None, [received["References"], received["Message-ID"]]))
    for name, value in (headers or {}).items():
        msg[name] = value
    quoted = "\n".join("> " + line for line in received.get_content().splitlines())
    msg.set_content(f"{body}\n\nOn {received['Date']}, {received['From']} wrote:\n{quoted}\n")
    return msg.as_bytes()


def test_a_customer_and_an_agent_write_back_and_forth(imap_account, smtp_sink, worker, client, make_user):
    mailbox = imap_mailbox(imap_account, name="Acme Support")
    agent = make_user(Role.AGENT, username="agent-ann", first_name="Ann", last_name="Agent")

    # 1. The customer writes to the desk.
    imap_account.append(build(sender="Chris Customer <chris@customer.example>", to=mailbox.address,
                              subject="Printer on fire", body="Smoke everywhere.",
                              message_id="<printer-1@customer.example>"))
    assert mailbox_fetch(mailbox=mailbox).results == {"created": 1}
    incident = Incident.objects.get()
    assert incident.channel == "email" and incident.contact.email == "chris@customer.example"

    # ... and is told the ticket's number, as automatic mail.
    [ack] = smtp_sink.wait_for(1)
    assert ack.rcpt_tos == ["chris@customer.example"]
    assert ack.message["Auto-Submitted"] == "auto-replied"
    assert ack.message["Subject"] == f"Re: [{incident.number}] Printer on fire"
    assert ack.message["In-Reply-To"] == "<printer-1@customer.example>"

    # 2. The agent answers on the incident page; a work note stays inside.
    client.force_login(agent)
    response = client.post(f"/incidents/{incident.pk}/note/",
                           {"note-body": "A technician is on the way.", "note-visibility": "public"})
    assert response.status_code in (200, 302)
    client.post(f"/incidents/{incident.pk}/note/",
                {"note-body": "Customer sounds stressed.", "note-visibility": "internal"})
    mails = smtp_sink.wait_for(2)
    answer = mails[1].message
    record = MailMessage.objects.get(direction="out", incident_note__body="A technician is on the way.")
    assert mails[1].rcpt_tos == ["chris@customer.example"]
    assert answer["Message-ID"] == record.message_id
    assert answer["In-Reply-To"] == "<printer-1@customer.example>"
    assert answer["References"].split() == ["<printer-1@customer.example>", ack.message["Message-ID"]]
    assert answer["Subject"] == f"Re: [{incident.number}] Printer on fire"
    assert answer["Reply-To"] == mailbox.address and answer["X-Loop"] == mailbox.address
    assert answer["From"].addresses[0].addr_spec == mailbox.address
    assert answer["Auto-Submitted"] is None
    assert answer.get_content().startswith("A technician is on the way.")
    assert "Customer sounds stressed." not in "".join(m.raw.decode(errors="replace") for m in smtp_sink.messages)

    # 3. The customer's client replies to the answer it received: same ticket.
    imap_account.append(reply_to(answer, sender="Chris Customer <chris@customer.example>",
                                 body="Thanks, the fire is out."))
    assert mailbox_fetch(mailbox=mailbox).results == {"appended": 1}
    assert Incident.objects.count() == 1
    comment = incident.notes.filter(visibility="public").order_by("-created_at", "-pk").first()
    assert comment.body.startswith("Thanks, the fire is out.")
    assert MailMessage.objects.get(in_reply_to=record.message_id).incident == incident

    # 4. The customer's out-of-office answer to our mail, and our own mail coming back
    #    (a forwarding rule): no ticket, no comment, nothing sent — no loop.
    imap_account.append(reply_to(answer, sender="chris@customer.example", body="I am away until Monday.",
                                 headers={"Auto-Submitted": "auto-replied"}))
    imap_account.append(mails[1].raw)
    assert mailbox_fetch(mailbox=mailbox).results == {"ignored": 1, "duplicate": 1}
    assert Incident.objects.count() == 1
    assert not incident.notes.filter(body__contains="away until Monday").exists()

    deliveries = Delivery.objects.filter(template__startswith="mail-")
    assert sorted(deliveries.values_list("template", "status")) == [("mail-acknowledgement", "sent"),
                                                                     ("mail-reply", "sent")]
    # Both deliveries are "sent": the sink accepted each before its SMTP answer, so nothing is on
    # its way any more; a short grace still catches a third message sent behind our back.
    assert len(smtp_sink.wait_for(3, timeout=0.5)) == 2  # the acknowledgement and the answer, nothing else
    assert imap_account.uids() == []
