"""Every outcome of ``mail_receive`` against the real database: created, appended, reopened,
ignored (with each reason), duplicate, failed-and-kept, and ``mail_retry``."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import override_settings

from catalog.tests.factories import ContactFactory, ServiceFactory, TeamFactory, UserFactory
from core.errors import InvalidTransitionError
from core.roles import Role
from incidents import services as incident_services
from incidents.choices import IncidentStatus, NoteVisibility
from incidents.models import Incident
from mail.choices import Direction, MessageStatus, Result
from mail.models import MailMessage
from mail.services.inbound import MAIL_CHANNEL_USERNAME, MessageTooLarge, mail_receive, mail_retry
from notifications.choices import DeliveryStatus
from notifications.tests.factories import DeliveryFactory
from servicerequests.models import ServiceRequest
from servicerequests.tests.factories import CatalogItemFactory
from sla.models import SLATimer
from sla.tests.factories import PolicyFactory

from .factories import MailboxFactory, MailMessageFactory
from .mails import build, golden

pytestmark = pytest.mark.django_db


@pytest.fixture
def mailbox():
    return MailboxFactory(address="support@desk.example.com")


def receive(mailbox, raw, source="push"):
    return mail_receive(mailbox=mailbox, raw=raw, source=source)


# --- created -----------------------------------------------------------------------------------
def test_a_new_message_opens_an_email_incident_with_a_new_contact(mailbox):
    service, team = ServiceFactory(), TeamFactory()
    mailbox.default_service, mailbox.default_team = service, team
    mailbox.save()

    outcome = receive(mailbox, golden("plain"))

    assert outcome.result == Result.CREATED
    incident = outcome.incident
    incident.refresh_from_db()
    assert incident.channel == "email"
    assert incident.title == "VPN drops every few minutes"
    assert "disconnects every three or four minutes" in incident.description
    assert incident.service == service and incident.team == team
    assert incident.contact.email == "maria.lopes@example.org"  # stored lower case
    assert incident.contact.name == "Maria Lopes"
    assert incident.contact.customer is None
    row = MailMessage.objects.get(message_id="<20261103091402.4411@mx.example.org>")
    assert (row.direction, row.status, row.result, row.incident) == (Direction.IN, MessageStatus.PROCESSED,
                                                                     Result.CREATED, incident)
    assert row.from_address == "maria.lopes@example.org" and row.source == "push"
    assert row.raw.read() == golden("plain")  # kept, byte for byte


def test_without_create_contacts_the_ticket_has_no_contact_but_the_address_is_kept(mailbox):
    mailbox.create_contacts = False
    mailbox.save()

    outcome = receive(mailbox, golden("plain"))

    assert outcome.incident.contact is None
    assert outcome.message.from_address == "maria.lopes@example.org"
    assert not ContactFactory._meta.model.objects.filter(email__iexact="maria.lopes@example.org").exists()


def test_the_contact_is_found_by_address_whatever_its_case(mailbox):
    user = UserFactory(roles=[Role.REQUESTER])
    contact = ContactFactory(email="Maria.LOPES@Example.org", user=user)

    outcome = receive(mailbox, golden("plain"))

    incident = Incident.objects.get(pk=outcome.incident.pk)
    assert incident.contact == contact and incident.customer == contact.customer
    assert incident.requester == user  # the contact's login reported it
    assert ContactFactory._meta.model.objects.filter(email__iexact="maria.lopes@example.org").count() == 1


def test_an_email_incident_gets_the_email_sla_policy(mailbox):
    PolicyFactory(name="Portal", channel="portal", response_minutes=60)
    PolicyFactory(name="Email", channel="email", response_minutes=120)

    incident = receive(mailbox, golden("plain")).incident

    timer = SLATimer.objects.get(object_id=incident.pk, metric="response", content_type__model="incident")
    assert timer.policy.name == "Email"


def test_attachments_and_inline_images_become_public_attachments(mailbox):
    created = receive(mailbox, golden("attachments")).incident
    inline = receive(mailbox, golden("inline_image")).incident

    files = {a.name: a for a in created.attachments.all()}
    assert set(files) == {"order-2026-117.pdf", "inventário portáteis.csv"}
    assert files["order-2026-117.pdf"].content_type == "application/pdf"
    assert files["order-2026-117.pdf"].file.read().startswith(b"%PDF-1.4")
    assert all(a.visibility == NoteVisibility.PUBLIC for a in files.values())
    (image,) = inline.attachments.all()
    assert (image.name, image.content_type) == ("screenshot.png", "image/png")
    assert image.file.read().startswith(b"\x89PNG")


def test_an_attachment_over_the_limits_is_left_out_and_said_so(mailbox, settings):
    settings.ATTACHMENT_MAX_BYTES = 1024
    raw = build(attachments=[("big.pdf", "application/pdf", b"%PDF" + b"x" * 4096),
                             ("tool.exe", "application/x-msdownload", b"MZ"),
                             ("ok.txt", "text/plain", b"fine")])

    outcome = receive(mailbox, raw)

    assert outcome.result == Result.CREATED
    assert [a.name for a in outcome.incident.attachments.all()] == ["ok.txt"]
    assert "big.pdf" in outcome.reason and "tool.exe" in outcome.reason
    assert MailMessage.objects.get(pk=outcome.message.pk).reason == outcome.reason


def test_html_only_mail_becomes_safe_text(mailbox):
    incident = receive(mailbox, golden("html_only")).incident

    assert "<" not in incident.description and "alert" not in incident.description
    assert 'shows "paper jam"' in incident.description
    assert "- restarted & waited 5 minutes" in incident.description


def test_a_request_mailbox_orders_its_item_by_email(mailbox):
    item = CatalogItemFactory(name="Folder access", form=[
        {"name": "details", "label": "Details", "type": "textarea", "required": True}])
    mailbox.creates, mailbox.catalog_item = "request", item
    mailbox.save()
    user = UserFactory(roles=[Role.REQUESTER])
    ContactFactory(email="sara.ahmadi@example.ir", user=user)

    outcome = receive(mailbox, golden("persian_windows1256"))

    assert outcome.result == Result.CREATED and outcome.incident is None
    request = ServiceRequest.objects.get(pk=outcome.request.pk)
    assert request.channel == "email" and request.sla_facts().channel == "email"
    assert request.requested_by == user
    assert "دسترسي خواندن" in request.answers["details"]
    assert outcome.message.request == request


def test_a_request_from_a_sender_without_a_login_is_ordered_by_the_email_channel(mailbox):
    mailbox.creates, mailbox.catalog_item = "request", CatalogItemFactory(form=[])
    mailbox.save()

    outcome = receive(mailbox, golden("plain"))

    request = outcome.request
    assert request.requested_by.username == MAIL_CHANNEL_USERNAME
    assert not request.requested_by.is_active  # nobody signs in as it
    (comment,) = request.comments.all()  # the item's form had no field for the text
    assert "VPN drops every few minutes" in comment.body


# --- threading ---------------------------------------------------------------------------------
def test_a_reply_is_appended_as_a_public_comment(mailbox):
    first = receive(mailbox, golden("plain"))
    reply = build(subject="Re: VPN drops every few minutes", body="Now it also drops on the guest Wi-Fi.\n\n"
                  "On Tue, 3 Nov 2026 at 09:14, Maria Lopes <maria.lopes@example.org> wrote:\n> since this morning",
                  headers={"In-Reply-To": "<20261103091402.4411@mx.example.org>"})

    outcome = receive(mailbox, reply)

    assert outcome.result == Result.APPENDED and outcome.incident == first.incident
    note = outcome.message.incident_note
    assert note.visibility == NoteVisibility.PUBLIC
    assert note.body == "Now it also drops on the guest Wi-Fi."  # the quoted history trimmed
    assert note.author.username == MAIL_CHANNEL_USERNAME  # Maria has no login
    assert Incident.objects.count() == 1


def test_references_find_the_ticket_through_any_message_of_the_thread(mailbox):
    incident = receive(mailbox, golden("plain")).incident
    MailMessageFactory(message_id="<incident-42-0f1e2d3c@desk.example.com>", direction=Direction.OUT,
                       incident=incident, mailbox=mailbox)

    outcome = receive(mailbox, golden("outlook_reply"))  # tag [INC000042] names no incident here

    assert outcome.result == Result.APPENDED and outcome.incident == incident
    assert outcome.message.incident_note.body == "It still happens after the update, twice this morning."


def test_the_subject_tag_threads_a_reply_without_headers(mailbox):
    incident = receive(mailbox, golden("plain")).incident

    outcome = receive(mailbox, build(subject=f"Re: [{incident.number}] VPN", body="Any news?"))

    assert outcome.result == Result.APPENDED and outcome.incident == incident


def test_a_contact_with_a_login_comments_as_themselves(mailbox):
    user = UserFactory(roles=[Role.REQUESTER])
    ContactFactory(email="maria.lopes@example.org", user=user)
    incident = receive(mailbox, golden("plain")).incident

    outcome = receive(mailbox, build(subject=f"[{incident.number}]", body="More details."))

    assert outcome.message.incident_note.author == user


def test_mail_from_a_staff_address_is_their_public_comment(mailbox):
    agent = UserFactory(roles=[Role.AGENT], email="Ann.Agent@Desk.example.com")
    incident = receive(mailbox, golden("plain")).incident

    outcome = receive(mailbox, build(sender="Ann <ann.agent@desk.example.com>", subject=f"RE: [{incident.number}]",
                                     body="Please restart the VPN client."))

    note = outcome.message.incident_note
    assert (outcome.result, note.author, note.visibility) == (Result.APPENDED, agent, NoteVisibility.PUBLIC)
    incident.refresh_from_db()
    assert incident.acknowledged_at is not None  # an agent's first public comment


def test_a_reply_to_a_resolved_incident_reopens_it(mailbox, agent):
    incident = receive(mailbox, golden("plain")).incident
    incident_services.incident_resolve(incident=incident, actor=agent, resolution_code="fixed",
                                       resolution="VPN client updated.")

    outcome = receive(mailbox, build(subject=f"Re: [{incident.number}]", body="It is back again."))

    incident.refresh_from_db()
    assert outcome.result == Result.REOPENED and incident.status == IncidentStatus.IN_PROGRESS
    assert incident.reopen_count == 1
    assert incident.notes.filter(visibility=NoteVisibility.PUBLIC, body="It is back again.").exists()


def test_a_reply_to_a_closed_incident_opens_a_new_one_that_names_it(mailbox, agent):
    old = receive(mailbox, golden("plain")).incident
    incident_services.incident_resolve(incident=old, actor=agent, resolution_code="fixed", resolution="Done.")
    incident_services.incident_close(incident=old, actor=agent)

    outcome = receive(mailbox, build(subject=f"Re: [{old.number}] VPN drops", body="It happens again."))

    assert outcome.result == Result.CREATED and outcome.incident != old
    assert outcome.incident.title == "Re: VPN drops"
    assert f"Follow-up to {old.number}" in outcome.incident.description
    assert outcome.incident.channel == "email"
    old.refresh_from_db()
    assert old.status == IncidentStatus.CLOSED


def test_a_reply_on_a_request_is_its_comment(mailbox):
    mailbox.creates, mailbox.catalog_item = "request", CatalogItemFactory(form=[])
    mailbox.save()
    request = receive(mailbox, golden("alternative")).request

    outcome = receive(mailbox, build(sender="priya.n@example.com", subject=f"Re: [{request.number}]",
                                     body="Thanks, it works again."))

    assert outcome.result == Result.APPENDED and outcome.request == request
    assert request.comments.filter(body="Thanks, it works again.").exists()


# --- ignored ---------------------------------------------------------------------------------
def test_automatic_mail_never_opens_or_reopens(mailbox, agent):
    incident = receive(mailbox, golden("plain")).incident
    MailMessageFactory(message_id="<incident-42-0f1e2d3c@desk.example.com>", direction=Direction.OUT,
                       incident=incident, mailbox=mailbox)
    incident_services.incident_resolve(incident=incident, actor=agent, resolution_code="fixed", resolution="Done.")

    auto = receive(mailbox, golden("auto_reply"))
    listed = receive(mailbox, golden("mailing_list"))

    assert (auto.result, auto.incident) == (Result.IGNORED, None)
    assert "auto-replied" in auto.reason
    assert listed.result == Result.IGNORED and "Precedence: list" in listed.reason
    incident.refresh_from_db()
    assert incident.status == IncidentStatus.RESOLVED
    assert Incident.objects.count() == 1
    row = MailMessage.objects.get(message_id="<oof-4451@example.net>")
    assert (row.status, row.result) == (MessageStatus.IGNORED, Result.IGNORED) and row.raw


def test_mail_from_our_own_addresses_and_our_x_loop_is_ignored(mailbox):
    MailboxFactory(address="helpdesk@desk.example.com")

    own = receive(mailbox, build(sender="Help <HelpDesk@desk.example.com>"))
    looped = receive(mailbox, build(headers={"X-Loop": "support@desk.example.com"}))

    assert own.result == Result.IGNORED and "own address" in own.reason
    assert looped.result == Result.IGNORED and "X-Loop" in looped.reason
    assert not Incident.objects.exists()


def test_a_bounce_marks_the_delivery_failed(mailbox):
    delivery = DeliveryFactory(channel="email", status=DeliveryStatus.SENT, recipient="nobody@example.org")
    MailMessageFactory(message_id="<incident-42-bounced-5e6f@desk.example.com>", direction=Direction.OUT,
                       delivery=delivery, mailbox=mailbox)

    outcome = receive(mailbox, golden("bounce"))

    assert outcome.result == Result.IGNORED and "Delivery-status report" in outcome.reason
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.FAILED
    assert "550 5.1.1" in delivery.last_error and "User unknown" in delivery.last_error
    assert not Incident.objects.exists()


@override_settings(MAIL_SENDER_LIMIT=3, MAIL_SENDER_WINDOW_SECONDS=600)
def test_a_sender_over_the_rate_limit_is_ignored_but_kept(mailbox):
    outcomes = [receive(mailbox, build(subject=f"Storm {n}")) for n in range(5)]

    assert [o.result for o in outcomes] == ["created"] * 3 + ["ignored"] * 2
    assert "more than 3 messages" in outcomes[-1].reason
    assert Incident.objects.count() == 3
    assert MailMessage.objects.filter(status=MessageStatus.IGNORED).count() == 2
    assert receive(mailbox, build(sender="someone.else@example.org")).result == Result.CREATED


@override_settings(MAIL_SENDER_LIMIT=1)
def test_staff_are_not_rate_limited(mailbox):
    UserFactory(roles=[Role.AGENT], email="ann.agent@desk.example.com")

    results = [receive(mailbox, build(sender="ann.agent@desk.example.com", subject=f"Note {n}")).result
               for n in range(3)]

    assert results == ["created"] * 3


# --- once only, never lost ------------------------------------------------------------------------
def test_the_same_message_id_twice_changes_nothing(mailbox):
    first = receive(mailbox, golden("plain"))
    again = receive(mailbox, golden("plain"), source="imap")

    assert again.result == Result.DUPLICATE and again.incident == first.incident
    assert Incident.objects.count() == 1 and MailMessage.objects.count() == 1


def test_a_message_without_message_id_gets_a_stable_one(mailbox):
    raw = build().replace(b"Message-ID:", b"X-Old-Message-ID:")

    first, again = receive(mailbox, raw), receive(mailbox, raw)

    assert first.message.message_id.endswith("@no-message-id.invalid>")
    assert (first.result, again.result) == (Result.CREATED, Result.DUPLICATE)


def test_a_malformed_message_is_kept_failed_with_its_error(mailbox):
    outcome = receive(mailbox, golden("malformed"))

    assert outcome.result == Result.IGNORED and "no sender address" in outcome.reason
    row = MailMessage.objects.get(pk=outcome.message.pk)
    assert row.status == MessageStatus.FAILED and row.raw.read() == golden("malformed")
    assert receive(mailbox, golden("malformed")).result == Result.DUPLICATE


def test_a_message_the_desk_cannot_handle_is_kept_and_can_be_retried(mailbox, admin_user):
    item = CatalogItemFactory(form=[], roles=["agent"])  # an item the sender may not order
    mailbox.creates, mailbox.catalog_item = "request", item
    mailbox.save()

    outcome = receive(mailbox, golden("plain"))

    assert outcome.result == Result.IGNORED and "may not order" in outcome.reason
    row = MailMessage.objects.get(pk=outcome.message.pk)
    assert row.status == MessageStatus.FAILED and not ServiceRequest.objects.exists()
    with pytest.raises(PermissionDenied):
        mail_retry(message=row, actor=UserFactory(roles=[Role.AGENT]))

    again = mail_retry(message=row, actor=admin_user)  # still refused: stays failed
    assert again.result == Result.IGNORED
    item.roles = []
    item.save()
    retried = mail_retry(message=row, actor=admin_user)

    row.refresh_from_db()
    assert retried.result == Result.CREATED and (row.status, row.result) == (MessageStatus.PROCESSED, "created")
    assert row.request == retried.request
    with pytest.raises(InvalidTransitionError):
        mail_retry(message=row, actor=admin_user)


def test_too_large_and_empty_messages_are_refused(mailbox, settings):
    settings.MAIL_MAX_MESSAGE_BYTES = 1000
    with pytest.raises(MessageTooLarge):
        receive(mailbox, build(body="x" * 2000))
    with pytest.raises(ValidationError):
        receive(mailbox, b"  \r\n")
    assert not MailMessage.objects.exists()
