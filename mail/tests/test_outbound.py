"""Ticket mail through Django's SMTP backend to a real SMTP server (aiosmtpd on the loopback):
an agent's public comment on an email ticket reaches the contact with threading headers,
internal notes and non-email tickets send nothing, the acknowledgement is marked automatic."""

import pytest
from django.db import transaction
from django.utils import timezone

from catalog.tests.factories import ContactFactory
from core.roles import Role
from incidents.services import incident_add_note, incident_create
from mail.choices import Direction, MessageStatus, Result
from mail.models import Mailbox, MailMessage
from mail.services import outbound
from mail.services.inbound import mail_receive
from notifications.models import Delivery
from servicerequests.models import ServiceRequest
from servicerequests.services import request_comment
from servicerequests.tests.factories import CatalogItemFactory, ServiceRequestFactory

pytestmark = pytest.mark.django_db

#: How long a test waits for a mail that must NOT come (one more than expected). Sending is
#: synchronous here (Celery eager, on-commit callbacks run): when the service returns, every mail
#: it sent was accepted by the sink; the grace only catches one sent behind the test's back.
GRACE = 0.5


@pytest.fixture
def mailbox(db):
    return Mailbox.objects.create(name="Acme Service Desk", address="Support@Desk.Example", protocol="push")


@pytest.fixture
def staff(make_user):
    return make_user(Role.AGENT, username="agent-olga", first_name="Olga", last_name="Agent")


def email_incident(mailbox, *, actor, contact=None, message_id="<first@customer.example>",
                   subject="Printer on fire"):
    """An incident as a mail opened it: the incident and its inbound MailMessage in one
    transaction, and its acknowledgement asked for after the commit (what mail_receive does)."""
    contact = contact or ContactFactory(name="Chris Customer", email="chris@customer.example")
    with transaction.atomic():
        incident = incident_create(title=subject, description="It burns.", channel="email", actor=actor,
                                   contact=contact)
        MailMessage.objects.create(mailbox=mailbox, direction=Direction.IN, message_id=message_id,
                                   from_address=contact.email, from_name=contact.name, subject=subject,
                                   incident=incident, status=MessageStatus.PROCESSED, result=Result.CREATED,
                                   source="push", date=timezone.now())
        transaction.on_commit(lambda: outbound.acknowledge_incident(incident.pk))
    return incident


def test_an_agents_public_comment_reaches_the_contact_threaded(mailbox, staff, smtp_sink, celery_eager,
                                                              django_capture_on_commit_callbacks):
    incident = email_incident(mailbox, actor=staff)
    smtp_sink.clear()  # (the acknowledgement is tested below)

    with django_capture_on_commit_callbacks(execute=True):
        note = incident_add_note(incident=incident, actor=staff, body="We sent a technician.",
                                 visibility="public")

    [mail] = smtp_sink.wait_for(1)
    sent = mail.message
    record = MailMessage.objects.get(direction=Direction.OUT, incident_note=note)
    assert mail.rcpt_tos == ["chris@customer.example"]
    assert sent["To"] == "chris@customer.example"
    assert sent["From"].addresses[0].addr_spec == "support@desk.example"
    assert sent["From"].addresses[0].display_name == "Acme Service Desk"
    assert sent["Reply-To"] == "support@desk.example"
    assert sent["Message-ID"] == record.message_id
    assert record.message_id.startswith(f"<incident-{incident.pk}-") and record.message_id.endswith("@desk.example>")
    assert sent["In-Reply-To"] == "<first@customer.example>"
    assert sent["References"] == "<first@customer.example>"
    assert sent["Subject"] == f"Re: [{incident.number}] Printer on fire"
    assert sent["X-Loop"] == "support@desk.example"
    assert sent["Auto-Submitted"] is None
    assert sent.get_content().startswith("We sent a technician.")
    assert "Olga Agent" in sent.get_content()
    assert record.delivery.status == "sent" and record.delivery.recipient == "chris@customer.example"
    assert record.to_addresses == "chris@customer.example"


def test_the_second_reply_chains_on_the_first(mailbox, staff, smtp_sink, celery_eager,
                                             django_capture_on_commit_callbacks):
    incident = email_incident(mailbox, actor=staff)
    with django_capture_on_commit_callbacks(execute=True):
        incident_add_note(incident=incident, actor=staff, body="First answer.", visibility="public")
    with django_capture_on_commit_callbacks(execute=True):
        incident_add_note(incident=incident, actor=staff, body="Second answer.", visibility="public")
    replies = [m.message for m in smtp_sink.wait_for(2)]
    first, second = replies
    assert second["In-Reply-To"] == "<first@customer.example>"  # still answering the customer's mail
    assert second["References"].split() == ["<first@customer.example>", first["Message-ID"]]
    assert first["Message-ID"] != second["Message-ID"]


def test_a_work_note_never_leaves(mailbox, staff, smtp_sink, celery_eager, django_capture_on_commit_callbacks):
    incident = email_incident(mailbox, actor=staff)
    smtp_sink.clear()
    with django_capture_on_commit_callbacks(execute=True):
        incident_add_note(incident=incident, actor=staff, body="Customer is difficult.", visibility="internal")
    assert not MailMessage.objects.filter(direction=Direction.OUT, incident_note__isnull=False).exists()
    assert not Delivery.objects.filter(template=outbound.TEMPLATE_REPLY).exists()
    assert smtp_sink.wait_for(1, timeout=GRACE) == []


def test_comments_on_other_channels_and_by_requesters_send_no_ticket_mail(mailbox, staff, make_user, smtp_sink,
                                                                          celery_eager,
                                                                          django_capture_on_commit_callbacks):
    contact = ContactFactory(email="pat@customer.example")
    with django_capture_on_commit_callbacks(execute=True):
        phone = incident_create(title="Phone call", channel="phone", actor=staff, contact=contact)
        incident_add_note(incident=phone, actor=staff, body="Called back.", visibility="public")
    requester = make_user(Role.REQUESTER, username="req-chris")
    incident = email_incident(mailbox, actor=staff, contact=ContactFactory(email="req@customer.example",
                                                                          user=requester))
    smtp_sink.clear()
    with django_capture_on_commit_callbacks(execute=True):
        incident_add_note(incident=incident, actor=requester, body="Any news?")
    assert not Delivery.objects.filter(template=outbound.TEMPLATE_REPLY).exists()
    assert [m for m in smtp_sink.wait_for(1, timeout=GRACE) if m.message["X-Loop"]] == []


def _staff_mail_comment(mailbox, incident, staff, *, to: str):
    """What mail_receive writes for a staff member's mail on a ticket: their public comment and
    the inbound message linked to it, in one transaction."""
    with transaction.atomic():
        note = incident_add_note(incident=incident, actor=staff, body="Replied from my phone.",
                                 visibility="public")
        MailMessage.objects.create(mailbox=mailbox, direction=Direction.IN, message_id=f"<staff-{note.pk}@desk>",
                                   from_address="olga@desk.example", to_addresses=to, incident=incident,
                                   incident_note=note, result=Result.APPENDED)
    return note


def test_an_agents_comment_sent_by_mail_reaches_the_customer(mailbox, staff, smtp_sink, celery_eager,
                                                             django_capture_on_commit_callbacks):
    incident = email_incident(mailbox, actor=staff)
    with django_capture_on_commit_callbacks(execute=True):
        note = _staff_mail_comment(mailbox, incident, staff, to="support@desk.example")
    [mail] = smtp_sink.wait_for(1)
    assert mail.rcpt_tos == ["chris@customer.example"]
    assert mail.message.get_content().startswith("Replied from my phone.")
    assert MailMessage.objects.filter(direction=Direction.OUT, incident_note=note).exists()


def test_an_agents_mail_that_the_customer_got_already_is_not_sent_twice(mailbox, staff, smtp_sink, celery_eager,
                                                                        django_capture_on_commit_callbacks):
    """The agent answered the customer from their mail client with the desk in Cc."""
    incident = email_incident(mailbox, actor=staff)
    with django_capture_on_commit_callbacks(execute=True):
        _staff_mail_comment(mailbox, incident, staff, to="Chris@Customer.example, support@desk.example")
    assert not Delivery.objects.filter(template=outbound.TEMPLATE_REPLY).exists()
    assert smtp_sink.wait_for(1, timeout=GRACE) == []


def test_sending_twice_for_one_comment_sends_once(mailbox, staff, smtp_sink, celery_eager,
                                                  django_capture_on_commit_callbacks):
    incident = email_incident(mailbox, actor=staff)
    smtp_sink.clear()
    with django_capture_on_commit_callbacks(execute=True):
        note = incident_add_note(incident=incident, actor=staff, body="Fixed.", visibility="public")
    again = outbound.mail_send_incident_comment(note=note)
    assert again == MailMessage.objects.get(direction=Direction.OUT, incident_note=note)
    assert len(smtp_sink.wait_for(2, timeout=GRACE)) == 1
    assert Delivery.objects.filter(template=outbound.TEMPLATE_REPLY).count() == 1


def test_a_new_email_ticket_is_acknowledged_as_automatic_mail(mailbox, staff, smtp_sink, celery_eager,
                                                             django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        incident = email_incident(mailbox, actor=staff, subject="Re: RE: VPN down")
    [mail] = smtp_sink.wait_for(1)
    ack = mail.message
    assert ack["Auto-Submitted"] == "auto-replied"
    assert ack["X-Auto-Response-Suppress"] == "All"
    assert ack["Subject"] == f"Re: [{incident.number}] VPN down"
    assert ack["In-Reply-To"] == "<first@customer.example>"
    assert incident.number in ack.get_content() and "Hello Chris Customer," in ack.get_content()
    assert mail.rcpt_tos == ["chris@customer.example"]
    # Once per ticket, and only for tickets a mail opened.
    assert outbound.mail_send_acknowledgement(ticket=incident).message_id == ack["Message-ID"]
    with django_capture_on_commit_callbacks(execute=True):
        incident_create(title="Portal ticket", channel="email", actor=staff, contact=ContactFactory())
    assert len(smtp_sink.wait_for(2, timeout=GRACE)) == 1


def test_a_staff_comment_on_an_email_request_reaches_the_requester(mailbox, staff, make_user, smtp_sink,
                                                                  celery_eager,
                                                                  django_capture_on_commit_callbacks):
    person = make_user(Role.REQUESTER, username="req-nina", email="nina@customer.example")
    request = ServiceRequestFactory(requested_by=person, channel="email")
    MailMessage.objects.create(mailbox=mailbox, direction=Direction.IN, message_id="<laptop@customer.example>",
                               from_address="nina@customer.example", subject="New laptop please",
                               request=request, result=Result.CREATED)
    smtp_sink.clear()
    with django_capture_on_commit_callbacks(execute=True):
        comment = request_comment(request=request, actor=staff, body="Which model?")
    mails = [m for m in smtp_sink.wait_for(2, timeout=GRACE) if m.message["X-Loop"]]
    [mail] = mails
    assert mail.message["Subject"] == f"Re: [{request.number}] New laptop please"
    assert mail.message["In-Reply-To"] == "<laptop@customer.example>"
    assert MailMessage.objects.get(direction=Direction.OUT, request_comment=comment).request == request
    assert ServiceRequest.objects.get(pk=request.pk).channel == "email"


def test_no_mail_to_one_of_the_desks_own_addresses(mailbox, staff, smtp_sink, celery_eager,
                                                   django_capture_on_commit_callbacks):
    incident = email_incident(mailbox, actor=staff, contact=ContactFactory(email="support@desk.example"))
    with django_capture_on_commit_callbacks(execute=True):
        incident_add_note(incident=incident, actor=staff, body="Hello me.", visibility="public")
    assert not Delivery.objects.filter(template__startswith="mail-").exists()
    assert [m for m in smtp_sink.wait_for(1, timeout=GRACE) if m.message["X-Loop"]] == []


def test_thread_headers_keep_the_root_and_the_latest_references():
    chain = [MailMessage(direction=Direction.IN if i % 2 == 0 else Direction.OUT, message_id=f"<m{i}@x>")
             for i in range(40)]
    chain.append(MailMessage(direction=Direction.IN, message_id="<abc@no-message-id.invalid>"))
    in_reply_to, references = outbound.thread_headers(chain)
    refs = references.split()
    assert in_reply_to == "<m38@x>"
    assert refs[0] == "<m0@x>" and refs[-1] == "<m39@x>" and len(refs) == outbound.REFERENCES_KEPT + 1


def test_a_request_a_mail_opened_is_acknowledged(staff, smtp_sink, celery_eager, django_capture_on_commit_callbacks):
    item = CatalogItemFactory(name="New laptop")
    box = Mailbox.objects.create(name="Orders", address="orders@desk.example", protocol="push", creates="request",
                                 catalog_item=item, create_contacts=True)
    raw = (b"From: Nina Nowak <nina@customer.example>\r\nTo: orders@desk.example\r\nSubject: Laptop please\r\n"
           b"Message-ID: <laptop-2@customer.example>\r\n\r\nA 14 inch one.\r\n")
    with django_capture_on_commit_callbacks(execute=True):
        outcome = mail_receive(mailbox=box, raw=raw)
    assert outcome.result == "created" and outcome.request.channel == "email"
    [mail] = smtp_sink.wait_for(1)
    assert mail.rcpt_tos == ["nina@customer.example"]
    assert mail.message["Subject"] == f"Re: [{outcome.request.number}] Laptop please"
    assert mail.message["Auto-Submitted"] == "auto-replied"
    assert mail.message["In-Reply-To"] == "<laptop-2@customer.example>"
    assert mail.message["From"].addresses[0].addr_spec == "orders@desk.example"


def test_a_contact_with_a_login_gets_the_comment_once_by_email_and_in_the_app(mailbox, staff, make_user, smtp_sink,
                                                                            celery_eager,
                                                                            django_capture_on_commit_callbacks):
    login = make_user(Role.REQUESTER, username="chris-login", email="chris@customer.example")
    contact = ContactFactory(name="Chris Customer", email="chris@customer.example", user=login)
    incident = email_incident(mailbox, actor=staff, contact=contact)
    smtp_sink.clear()

    with django_capture_on_commit_callbacks(execute=True):
        incident_add_note(incident=incident, actor=staff, body="Fixed the fuser.", visibility="public")

    [mail] = smtp_sink.wait_for(1)
    assert mail.message["In-Reply-To"] == "<first@customer.example>"  # the threaded reply, not a notification
    comment = Delivery.objects.filter(template="incident-comment", user=login)
    assert list(comment.values_list("channel", flat=True)) == ["in_app"]
