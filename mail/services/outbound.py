"""Ticket mail: what the desk sends to the contact of an email ticket.

Two things go out, both through the notifications app's delivery log (one ``Delivery`` per
idempotency key, sent by its Celery task after commit, with its retries):

- every **public** comment an agent adds to an incident or service request whose channel is
  email (internal work notes never leave), also one an agent sent by mail to the desk, unless
  that mail was addressed to the customer too (they have it already);
- the **acknowledgement** of a ticket that a mail opened (``Auto-Submitted: auto-replied``,
  so a well-behaved auto-responder at the other end stays quiet).

Each message gets its own ``Message-ID`` (``<incident-42-<uuid>@<mailbox domain>>``),
``In-Reply-To`` the customer's latest message and ``References`` the ticket's chain, the
ticket's number in brackets in the subject (``Re: [INC000042] Printer on fire``), ``From`` and
``Reply-To`` the mailbox's address and ``X-Loop`` the mailbox's address. It is recorded as a
``MailMessage(direction=out)``: the threading table then finds the ticket when the
customer's client answers it, and a bounce finds the delivery to mark failed.

The headers are stored on the ``MailMessage`` and put on the message in the Celery task, just
before it is sent (the ``email_delivery_prepare`` receiver below), so a retried or re-queued
delivery sends exactly the same message.
"""

from __future__ import annotations

import logging
import re
import uuid
from email.utils import formataddr

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from incidents.choices import NoteVisibility
from incidents.models import Incident, IncidentNote
from notifications.services import deliver_email
from servicerequests.models import RequestComment, ServiceRequest

from ..choices import Creates, Direction, MessageStatus, Result
from ..models import Mailbox, MailMessage

logger = logging.getLogger(__name__)

#: The ``Delivery.template`` of ticket mail: how the send-time receiver recognises its own.
TEMPLATE_REPLY = "mail-reply"
TEMPLATE_ACKNOWLEDGEMENT = "mail-acknowledgement"
TEMPLATES = {TEMPLATE_REPLY, TEMPLATE_ACKNOWLEDGEMENT}
#: ``References`` keeps the thread's first message and the latest ones (RFC 5322 §3.6.4
#: allows trimming; mail clients need the root and the parent).
REFERENCES_KEPT = 20
EMAIL_CHANNEL = "email"

_PREFIX = re.compile(r"^\s*((re|fw|fwd|aw|wg|sv|vs|antw|ref|rif|res|enc|odp|πρθ|σχετ|ΑΠ|ΣΧΕΤ|پاسخ)\s*:\s*)+",
                     re.IGNORECASE)
_SYNTHETIC = "@no-message-id.invalid>"


# --- the thread -------------------------------------------------------------------------------
def _ticket_filter(ticket) -> dict:
    return {"incident": ticket} if isinstance(ticket, Incident) else {"request": ticket}


def _kind(ticket) -> str:
    return "incident" if isinstance(ticket, Incident) else "request"


def _thread(ticket) -> list[MailMessage]:
    return list(MailMessage.objects.filter(status=MessageStatus.PROCESSED, **_ticket_filter(ticket))
                .select_related("mailbox").order_by("created_at", "pk"))


def thread_headers(thread: list[MailMessage]) -> tuple[str, str]:
    """``In-Reply-To`` (the customer's latest message, else our latest) and ``References``
    (the chain, root first) for a new message on a ticket."""
    real = [m for m in thread if not m.message_id.endswith(_SYNTHETIC)]
    if not real:
        return "", ""
    inbound = [m for m in real if m.direction == Direction.IN]
    parent = (inbound or real)[-1]
    chain = [m.message_id for m in real]
    chain = list(dict.fromkeys(chain))
    if len(chain) > REFERENCES_KEPT + 1:
        chain = [chain[0], *chain[-REFERENCES_KEPT:]]
    if parent.message_id not in chain:
        chain.append(parent.message_id)
    return parent.message_id, " ".join(chain)


def ticket_mailbox(ticket, thread: list[MailMessage]) -> Mailbox | None:
    """The mailbox the customer wrote to (their latest message), else the first active
    mailbox that opens this kind of ticket."""
    for message in reversed(thread):
        if message.mailbox_id and message.direction == Direction.IN:
            return message.mailbox
    for message in reversed(thread):
        if message.mailbox_id:
            return message.mailbox
    creates = Creates.INCIDENT if isinstance(ticket, Incident) else Creates.REQUEST
    return Mailbox.objects.filter(active=True, creates=creates).order_by("pk").first()


def ticket_recipient(ticket, thread: list[MailMessage]) -> str:
    """The incident's contact's address; else whoever last wrote to the ticket by mail;
    for a request without mail, the person it is for."""
    if isinstance(ticket, Incident) and ticket.contact_id and ticket.contact.email:
        return ticket.contact.email.strip().lower()
    for message in reversed(thread):
        if message.direction == Direction.IN and message.from_address:
            return message.from_address
    if isinstance(ticket, ServiceRequest) and ticket.requested_for.email:
        return ticket.requested_for.email.strip().lower()
    return ""


def ticket_subject(ticket, thread: list[MailMessage]) -> str:
    """``Re: [INC000042] <the customer's subject>`` (the number once, prefixes once)."""
    number = ticket.number or ""
    first_in = next((m for m in thread if m.direction == Direction.IN and m.subject), None)
    base = first_in.subject if first_in else (ticket.title if isinstance(ticket, Incident)
                                              else ticket.catalog_item.name)
    base = _PREFIX.sub("", base.replace(f"[{number}]", "")).strip() if number else _PREFIX.sub("", base).strip()
    base = " ".join(base.split())
    return f"Re: [{number}] {base}".strip() if number else f"Re: {base}".strip()


def new_message_id(kind: str, ticket_id: int, mailbox: Mailbox) -> str:
    return f"<{kind}-{ticket_id}-{uuid.uuid4().hex}@{mailbox.domain}>"


# --- sending ----------------------------------------------------------------------------------
def _send(*, ticket, thread: list[MailMessage], body: str, key: str, template: str,
          note: IncidentNote | None = None, comment: RequestComment | None = None,
          author=None) -> MailMessage | None:
    mailbox = ticket_mailbox(ticket, thread)
    recipient = ticket_recipient(ticket, thread)
    if mailbox is None or not recipient:
        logger.info("no mail for %s %s: %s", _kind(ticket), ticket.pk,
                    "no mailbox" if mailbox is None else "no address to write to")
        return None
    if recipient == mailbox.address or Mailbox.objects.filter(address=recipient).exists():
        return None  # never write to one of the desk's own addresses (a loop in the making)
    if author is not None and (author.email or "").strip().lower() == recipient:
        return None  # a staff member who wrote to the desk is not sent their own words back
    if (note is not None and _already_has_it(recipient, incident_note=note)) or \
            (comment is not None and _already_has_it(recipient, request_comment=comment)):
        return None
    in_reply_to, references = thread_headers(thread)
    subject = ticket_subject(ticket, thread)
    with transaction.atomic():
        delivery, created = deliver_email(
            recipient=recipient, subject=subject, body=body, idempotency_key=key, template=template,
            related=f"{ticket._meta.label_lower}:{ticket.pk}", url=ticket.get_absolute_url())
        if not created:
            return MailMessage.objects.filter(delivery=delivery).first()
        return MailMessage.objects.create(
            mailbox=mailbox, direction=Direction.OUT, message_id=new_message_id(_kind(ticket), ticket.pk, mailbox),
            in_reply_to=in_reply_to, references=references, from_address=mailbox.address,
            from_name=mailbox.name[:200], to_addresses=recipient, subject=subject[:998], date=timezone.now(),
            source="desk", delivery=delivery, incident_note=note, request_comment=comment,
            status=MessageStatus.PROCESSED, size=len(body.encode()),
            **_ticket_filter(ticket))


def _signature(author, mailbox: Mailbox | None) -> str:
    name = (author.get_full_name() or author.get_username()) if author is not None else ""
    lines = [line for line in (name, mailbox.name if mailbox else "") if line]
    return "\n\n-- \n" + "\n".join(lines) if lines else ""


def _already_has_it(recipient: str, **filters) -> bool:
    """A comment that arrived by mail (a staff member answering from their mail client) was
    also addressed to the customer when their To/Cc named them: no second copy."""
    for addresses in MailMessage.objects.filter(direction=Direction.IN, **filters).values_list("to_addresses",
                                                                                              flat=True):
        if recipient in {a.strip().lower() for a in addresses.split(",")}:
            return True
    return False


def mail_send_incident_comment(*, note: IncidentNote | int) -> MailMessage | None:
    """Email an agent's public comment on an email incident to its contact (once per note),
    also one the agent sent by mail, unless that mail was addressed to the contact already.
    Nothing for a work note or a non-email incident."""
    note = IncidentNote.objects.select_related("incident__contact", "author").get(
        pk=note.pk if isinstance(note, IncidentNote) else note)
    incident = note.incident
    if note.visibility != NoteVisibility.PUBLIC or incident.channel != EMAIL_CHANNEL:
        return None
    with translation.override(settings.LANGUAGE_CODE):
        thread = _thread(incident)
        body = note.body + _signature(note.author, ticket_mailbox(incident, thread))
        return _send(ticket=incident, thread=thread, body=body, key=f"mail:incident:{incident.pk}:note:{note.pk}",
                     template=TEMPLATE_REPLY, note=note, author=note.author)


def mail_send_request_comment(*, comment: RequestComment | int) -> MailMessage | None:
    """Email a staff comment on an email service request to whoever asked (once per comment)."""
    comment = RequestComment.objects.select_related("request__catalog_item", "request__requested_for",
                                                    "author").get(
        pk=comment.pk if isinstance(comment, RequestComment) else comment)
    request = comment.request
    if request.channel != EMAIL_CHANNEL:
        return None
    with translation.override(settings.LANGUAGE_CODE):
        thread = _thread(request)
        body = comment.body + _signature(comment.author, ticket_mailbox(request, thread))
        return _send(ticket=request, thread=thread, body=body, key=f"mail:request:{request.pk}:comment:{comment.pk}",
                     template=TEMPLATE_REPLY, comment=comment, author=comment.author)


def _opening_mail(thread: list[MailMessage]) -> MailMessage | None:
    """The mail that created the ticket, if a mail did."""
    return next((m for m in thread if m.direction == Direction.IN and m.result == Result.CREATED), None)


def mail_send_acknowledgement(*, ticket: Incident | ServiceRequest,
                              thread: list[MailMessage] | None = None) -> MailMessage | None:
    """Tell the sender of a mail that opened ``ticket`` its number (once per ticket).
    Only for a ticket a mail created: nothing for tickets opened any other way. ``thread``:
    the ticket's processed messages (``_thread``), if the caller read them already."""
    thread = _thread(ticket) if thread is None else thread
    first = _opening_mail(thread)
    if first is None:
        return None
    with translation.override(settings.LANGUAGE_CODE):
        mailbox = ticket_mailbox(ticket, thread)
        greeting = _("Hello %(name)s,") % {"name": first.from_name} if first.from_name else _("Hello,")
        body = "\n\n".join([
            greeting,
            _("We have received your message and recorded it as %(number)s. We will answer as soon as we can.")
            % {"number": ticket.number},
            _("To add anything, reply to this message and keep %(number)s in the subject.")
            % {"number": ticket.number},
        ]) + _signature(None, mailbox)
        return _send(ticket=ticket, thread=thread, body=body,
                     key=f"mail:{_kind(ticket)}:{ticket.pk}:acknowledgement",
                     template=TEMPLATE_ACKNOWLEDGEMENT)


# --- the send-time headers --------------------------------------------------------------------
def prepare_ticket_mail(*, delivery, message) -> None:
    """Put the recorded ``MailMessage``'s headers on the message about to be sent
    (``notifications.services.email_delivery_prepare``)."""
    if delivery.template not in TEMPLATES:
        return
    record = (MailMessage.objects.filter(delivery=delivery, direction=Direction.OUT)
              .select_related("mailbox").first())
    if record is None:
        return
    mailbox = record.mailbox
    address = mailbox.address if mailbox else record.from_address
    message.from_email = formataddr((mailbox.name if mailbox else "", address))
    message.reply_to = [address]
    message.subject = record.subject or message.subject
    headers = {"Message-ID": record.message_id, "X-Loop": address}
    if record.in_reply_to:
        headers["In-Reply-To"] = record.in_reply_to
    if record.references:
        headers["References"] = record.references
    if delivery.template == TEMPLATE_ACKNOWLEDGEMENT:
        headers["Auto-Submitted"] = "auto-replied"
        # Outlook/Exchange: no out-of-office answer to an automatic message.
        headers["X-Auto-Response-Suppress"] = "All"
    message.extra_headers.update(headers)


# --- receivers (connected in MailConfig.ready) ---------------------------------------------
# They run after the ticket's transaction committed (the signals are sent on commit) and
# write the delivery rows in a transaction of their own; the sending is a Celery task.
def on_incident_note_added(sender, *, note_id: int, visibility: str, by_staff: bool, **kwargs) -> None:
    if visibility == NoteVisibility.PUBLIC and by_staff:
        _guarded(mail_send_incident_comment, note=note_id)


def on_request_comment_added(sender, *, comment_id: int, by_staff: bool, **kwargs) -> None:
    if by_staff:
        _guarded(mail_send_request_comment, comment=comment_id)


def acknowledge_incident(incident_id: int) -> None:
    """After the commit of a mail that opened incident ``incident_id`` (``inbound._create``):
    tell its sender the number. Only a mail's incident gets here: one an agent, the API or a
    call records with the email channel sends nothing and reads nothing (it used to be heard
    through ``incident_created``, at one query per such create to learn that no mail opened it)."""
    thread = _thread(Incident(pk=incident_id))
    if not _opening_mail(thread):
        return
    incident = Incident.objects.select_related("contact").filter(pk=incident_id, channel=EMAIL_CHANNEL).first()
    if incident is not None:
        _guarded(mail_send_acknowledgement, ticket=incident, thread=thread)


def on_request_submitted(sender, *, request_id: int, **kwargs) -> None:
    request = ServiceRequest.objects.select_related("catalog_item", "requested_for").filter(
        pk=request_id, channel=EMAIL_CHANNEL).first()
    if request is not None:
        _guarded(mail_send_acknowledgement, ticket=request)


def on_email_delivery_prepare(sender, *, delivery, message, **kwargs) -> None:
    prepare_ticket_mail(delivery=delivery, message=message)


def _guarded(function, **kwargs) -> None:
    """The comment is saved whatever happens to its mail: a failure here is logged, never
    raised into the page or API call that added the comment (it has committed already)."""
    try:
        function(**kwargs)
    except Exception:
        logger.exception("ticket mail %s(%s) failed", function.__name__, kwargs)
