"""A raw message in, a ticket change out: ``mail_receive`` is the one door every inbound
message goes through (the ``inbound/`` API, the IMAP poll, the Postfix/Exim pipe).

What happens to a message (docs/mail.md, API.md "Channels: email and monitoring"):

1. Larger than ``MAIL_MAX_MESSAGE_BYTES``: refused (:class:`MessageTooLarge`), kept nowhere.
2. Unreadable (:class:`mail.parsing.MalformedMail`): stored ``failed`` with the raw bytes
   and the error, answered ``ignored``; an admin may retry it (``mail_retry``).
3. Its ``Message-ID`` is inserted into :class:`MailMessage` first. The unique constraint is
   the "processed once" guarantee: a second copy (a re-fetch, a retried push, a race between
   two workers) fails the insert and is answered ``duplicate`` — nothing else changes.
4. Automatic mail is recorded and ``ignored``: the desk's own addresses, our own
   ``X-Loop``, delivery-status reports (which mark the bounced delivery ``failed``),
   ``Auto-Submitted`` other than ``no``, ``Precedence: bulk/junk/list``; so is a sender over
   the rate limit.
5. Threading: ``In-Reply-To``/``References`` looked up in the table, else the
   ``[INC000123]``/``[REQ000123]`` tag in the subject. A reply to an open ticket is a public
   comment (``appended``); to a resolved incident it reopens it (``reopened``); to a closed
   one it opens a new incident that names the old one (``created``).
6. Otherwise a new ticket (``created``, ``channel=email``) of the mailbox's kind.

All of a message's writes happen in one transaction with its ``MailMessage`` row, so a
crash leaves either everything or nothing (and IMAP acknowledges only after the commit).
"""

from __future__ import annotations

import functools
import hashlib
import logging
import re
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, InterfaceError, OperationalError, connection, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from catalog.models import Contact
from catalog.services import contact_create, user_create
from core.errors import DomainError, InvalidTransitionError
from core.roles import Role, is_admin, is_staff_member
from incidents import services as incidents
from incidents.choices import Channel, IncidentStatus, NoteVisibility
from incidents.models import Incident
from notifications.services import delivery_mark_failed
from servicerequests import services as requests
from servicerequests.choices import RequestStatus
from servicerequests.models import ServiceRequest
from sla import services as sla

from ..choices import Creates, Direction, MessageStatus, Result
from ..models import Mailbox, MailMessage
from ..parsing import MalformedMail, ParsedMail, parse, synthetic_message_id
from . import outbound

logger = logging.getLogger(__name__)
User = get_user_model()

#: The account that writes the comments of senders who have no login of their own (see
#: ``mail_channel_user``). Inactive: nobody signs in as it and it receives no notifications.
MAIL_CHANNEL_USERNAME = "email-channel"
#: ``[INC000123]`` or ``[REQ000123]`` anywhere in the subject.
TICKET_TAG = re.compile(r"\[(INC|REQ)(\d{6,})\]", re.IGNORECASE)
#: Statuses in which a request takes comments by mail; after them a reply opens a new ticket.
REQUEST_COMMENTABLE = {RequestStatus.SUBMITTED, RequestStatus.AWAITING_APPROVAL, RequestStatus.APPROVED,
                       RequestStatus.FULFILLING, RequestStatus.FULFILLED}
#: The longest a threading lookup may look back along ``References``.
MAX_REFERENCES = 50


class MessageTooLarge(DomainError):
    """The raw message is larger than MAIL_MAX_MESSAGE_BYTES (the API answers 413)."""


@dataclass
class InboundResult:
    result: str
    incident: Incident | None = None
    request: ServiceRequest | None = None
    reason: str = ""
    message: MailMessage | None = None

    def as_dict(self) -> dict:
        return {"result": self.result, "incident": self.incident.pk if self.incident else None,
                "request": self.request.pk if self.request else None, "reason": self.reason}


class _Ignore(Exception):  # noqa: N818 - control flow inside the transaction, never leaves this module
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


# --- the entry points --------------------------------------------------------------------------
def mail_receive(*, mailbox: Mailbox, raw: bytes, source: str = "push") -> InboundResult:
    """Take one raw RFC 822 message for ``mailbox``. Never raises for what the message says
    (a message that cannot be read or handled is stored ``failed`` and answered ``ignored``);
    raises :class:`MessageTooLarge` over the size limit, ``ValidationError`` for no bytes at
    all, and database errors (the caller retries: nothing was committed)."""
    raw = bytes(raw or b"")
    if len(raw) > settings.MAIL_MAX_MESSAGE_BYTES:
        raise MessageTooLarge(_("The message is %(size)s bytes; this desk takes messages of at most %(limit)s "
                                "bytes.") % {"size": len(raw), "limit": settings.MAIL_MAX_MESSAGE_BYTES})
    if not raw.strip():
        raise ValidationError(_("The message is empty."))
    try:
        parsed = parse(raw)
    except MalformedMail as exc:
        return _store_failed(mailbox=mailbox, raw=raw, parsed=None, source=source,
                             reason=_("The message could not be read: %(error)s") % {"error": exc})
    try:
        return _receive(mailbox=mailbox, raw=raw, parsed=parsed, source=source)
    except IntegrityError:
        existing = MailMessage.objects.filter(message_id=parsed.message_id).select_related(
            "incident", "request").first()
        if existing is None:  # another constraint failed: a fault in the handling, kept for an admin
            logger.exception("mail: storing %s failed", parsed.message_id)
            return _store_failed(mailbox=mailbox, raw=raw, parsed=parsed, source=source,
                                 reason=_("The message could not be stored."))
        return InboundResult(Result.DUPLICATE, incident=existing.incident, request=existing.request,
                             reason=_("Message %(id)s was already received.") % {"id": parsed.message_id},
                             message=existing)
    except (OperationalError, InterfaceError):
        raise  # the database is away: nothing committed, the caller tries again later
    except Exception as exc:  # noqa: BLE001 - never lose a message: keep it for an admin instead
        _log(exc, "mail: handling %s failed", parsed.message_id)
        return _store_failed(mailbox=mailbox, raw=raw, parsed=parsed, source=source, reason=_error(exc))


@transaction.atomic
def mail_retry(*, message: MailMessage, actor) -> InboundResult:
    """Run a ``failed`` message again (after the fault that stopped it was fixed). Admins only;
    a message that fails again stays ``failed`` with the new error."""
    if actor is not None and not is_admin(actor):
        raise PermissionDenied(_("Only administrators can retry email messages."))
    row = MailMessage.objects.select_for_update(of=("self",)).select_related("mailbox").get(pk=message.pk)
    if row.status != MessageStatus.FAILED or row.direction != Direction.IN:
        raise InvalidTransitionError(_("Only failed incoming messages can be retried."), row.status)
    if row.mailbox is None:
        raise ValidationError(_("The message's mailbox was deleted."))
    if not row.raw:
        raise ValidationError(_("The raw message was not kept."))
    with row.raw.open("rb") as handle:
        raw = handle.read()
    try:
        parsed = parse(raw)
    except MalformedMail as exc:
        row.reason = _("The message could not be read: %(error)s") % {"error": exc}
        row.save(update_fields=["reason"])
        return InboundResult(Result.IGNORED, reason=row.reason, message=row)
    try:
        with transaction.atomic():
            if row.message_id != parsed.message_id:  # it was unreadable before: now it has its own id
                row.message_id = parsed.message_id
            _fill(row, parsed)
            outcome = _handle(row, parsed, row.mailbox)
            row.save()
            return outcome
    except IntegrityError:
        row.status, row.result = MessageStatus.IGNORED, Result.DUPLICATE
        row.reason = _("Message %(id)s was already received.") % {"id": parsed.message_id}
        row.save(update_fields=["status", "result", "reason"])
        return InboundResult(Result.DUPLICATE, reason=row.reason, message=row)
    except (OperationalError, InterfaceError):
        raise
    except Exception as exc:  # noqa: BLE001 - it stays failed, with the new reason
        _log(exc, "mail: retrying %s failed", row.message_id)
        row.reason = _error(exc)
        row.save(update_fields=["reason"])
        return InboundResult(Result.IGNORED, reason=row.reason, message=row)


# --- storing -------------------------------------------------------------------------------
def _log(exc: Exception, message: str, *args) -> None:
    """A refusal by a service (permission, validation, state) is the message's problem: a
    warning. Anything else is ours: the traceback."""
    if isinstance(exc, (DomainError, PermissionDenied, ValidationError)):
        logger.warning(message + ": %s", *args, exc)
    else:
        logger.exception(message, *args)


def _error(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        messages = [f"{field}: {'; '.join(errors)}" if field != "__all__" else "; ".join(errors)
                    for field, errors in exc.message_dict.items()] if hasattr(exc, "error_dict") else exc.messages
        text = "; ".join(messages)
    else:
        text = str(exc) or exc.__class__.__name__
    return (_("The message could not be handled: %(error)s") % {"error": text})[:2000]


def _fill(row: MailMessage, parsed: ParsedMail) -> None:
    row.in_reply_to = parsed.in_reply_to
    row.references = " ".join(parsed.references)
    row.from_address = parsed.from_address
    row.from_name = parsed.from_name
    row.to_addresses = ", ".join(parsed.to + parsed.cc)
    row.subject = parsed.subject
    row.date = parsed.date
    row.attachment_count = min(len(parsed.attachments), 32767)


def _keep_raw(row: MailMessage, raw: bytes) -> None:
    name = f"{hashlib.sha256(raw).hexdigest()[:16]}-{row.pk}.eml"
    row.raw.save(name, ContentFile(raw), save=False)


def _new_row(*, mailbox: Mailbox, raw: bytes, parsed: ParsedMail | None, source: str) -> MailMessage:
    row = MailMessage(mailbox=mailbox, direction=Direction.IN, source=source[:10], size=len(raw),
                      message_id=parsed.message_id if parsed else synthetic_message_id(raw))
    if parsed is not None:
        _fill(row, parsed)
    return row


def _store_failed(*, mailbox: Mailbox, raw: bytes, parsed: ParsedMail | None, source: str,
                  reason: str) -> InboundResult:
    try:
        with transaction.atomic():
            row = _new_row(mailbox=mailbox, raw=raw, parsed=parsed, source=source)
            row.status, row.result, row.reason = MessageStatus.FAILED, Result.IGNORED, reason
            row.save()
            _keep_raw(row, raw)
            row.save(update_fields=["raw"])
    except IntegrityError:
        existing = MailMessage.objects.filter(message_id=row.message_id).first()
        return InboundResult(Result.DUPLICATE, reason=_("Message %(id)s was already received.")
                             % {"id": row.message_id}, message=existing)
    return InboundResult(Result.IGNORED, reason=reason, message=row)


def _receive(*, mailbox: Mailbox, raw: bytes, parsed: ParsedMail, source: str) -> InboundResult:
    with transaction.atomic():
        row = _new_row(mailbox=mailbox, raw=raw, parsed=parsed, source=source)
        row.save()  # the unique Message-ID: a second copy stops here (IntegrityError)
        outcome = _handle(row, parsed, mailbox)
        _keep_raw(row, raw)  # after the handling: a message that fails leaves no file behind here
        row.save()
    return outcome


# --- deciding ------------------------------------------------------------------------------
def _handle(row: MailMessage, parsed: ParsedMail, mailbox: Mailbox) -> InboundResult:
    """Decide and do, writing the outcome onto ``row`` (saved by the caller)."""
    try:
        _check_automatic(parsed)
        sender = _Sender.find(parsed, mailbox)
        _check_rate(parsed, sender)
    except _Ignore as ignored:
        row.status, row.result, row.reason = MessageStatus.IGNORED, Result.IGNORED, ignored.reason
        return InboundResult(Result.IGNORED, reason=ignored.reason, message=row)
    incident, request = _thread(parsed, row)
    skipped: list[str] = []
    if incident is not None:
        outcome = _on_incident(row, parsed, mailbox, sender, incident, skipped)
    elif request is not None:
        outcome = _on_request(row, parsed, mailbox, sender, request, skipped)
    else:
        outcome = _create(row, parsed, mailbox, sender, skipped, follow_up=None)
    row.status, row.result = MessageStatus.PROCESSED, outcome.result
    row.incident, row.request = outcome.incident, outcome.request
    if skipped:
        row.reason = "\n".join(skipped)[:2000]
        outcome.reason = row.reason
    outcome.message = row
    return outcome


def _mailbox_addresses() -> set[str]:
    return set(Mailbox.objects.values_list("address", flat=True))


def _check_automatic(parsed: ParsedMail) -> None:
    ours = _mailbox_addresses()
    if parsed.from_address in ours:
        raise _Ignore(_("Sent from the desk's own address %(address)s.") % {"address": parsed.from_address})
    looped = [value for value in parsed.x_loop if any(address in value for address in ours)]
    if looped:
        raise _Ignore(_("Our own X-Loop header (%(value)s): the message came back to us.") % {"value": looped[0]})
    if parsed.is_dsn:
        raise _Ignore(_bounce(parsed))
    if parsed.auto_submitted:
        raise _Ignore(_("Automatic mail (%(why)s).") % {"why": parsed.auto_submitted})


def _bounce(parsed: ParsedMail) -> str:
    """Mark the delivery of the bounced message failed; the reason for the record."""
    diagnostic = parsed.dsn_diagnostic or _("delivery failed")
    original = (MailMessage.objects.filter(message_id=parsed.dsn_original_message_id, direction=Direction.OUT)
                .only("pk", "delivery_id").first()) if parsed.dsn_original_message_id else None
    if original is not None and original.delivery_id:
        delivery_mark_failed(delivery_id=original.delivery_id, error=str(diagnostic))
        return _("Delivery-status report: message %(id)s to %(to)s failed (%(why)s); its delivery is marked "
                 "failed.") % {"id": parsed.dsn_original_message_id, "to": parsed.dsn_recipient or "?",
                               "why": diagnostic}
    return _("Delivery-status report for a message the desk did not send (%(id)s): %(why)s") % {
        "id": parsed.dsn_original_message_id or "?", "why": diagnostic}


def _check_rate(parsed: ParsedMail, sender: _Sender) -> None:
    """At most MAIL_SENDER_LIMIT messages per sender per MAIL_SENDER_WINDOW_SECONDS (a fixed
    window counted atomically in the cache); staff are not counted. 0 turns it off."""
    limit, window = settings.MAIL_SENDER_LIMIT, settings.MAIL_SENDER_WINDOW_SECONDS
    if limit <= 0 or sender.staff is not None:
        return
    key = f"mail:sender:{hashlib.sha256(parsed.from_address.encode()).hexdigest()[:40]}"
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # the window ended between add and incr
        cache.add(key, 0, timeout=window)
        count = cache.incr(key)
    if count > limit:
        raise _Ignore(_("Sender %(address)s sent more than %(limit)s messages in %(minutes)s minutes.")
                      % {"address": parsed.from_address, "limit": limit, "minutes": max(1, window // 60)})


def _thread(parsed: ParsedMail, row: MailMessage) -> tuple[Incident | None, ServiceRequest | None]:
    """The ticket this message answers: by the Message-IDs it names (newest first; one
    indexed lookup), else by the ticket tag in its subject."""
    ids = [mid for mid in dict.fromkeys([parsed.in_reply_to, *reversed(parsed.references)])
           if mid and mid != row.message_id][:MAX_REFERENCES]
    if ids:
        found = {mid: (incident_id, request_id) for mid, incident_id, request_id in
                 MailMessage.objects.filter(message_id__in=ids)
                 .filter(Q(incident__isnull=False) | Q(request__isnull=False))
                 .values_list("message_id", "incident_id", "request_id")}
        for mid in ids:
            if mid in found:
                incident_id, request_id = found[mid]
                if incident_id:
                    return Incident.objects.get(pk=incident_id), None
                return None, ServiceRequest.objects.select_related("catalog_item").get(pk=request_id)
    tag = TICKET_TAG.search(parsed.subject or "")
    if tag:
        number = f"{tag.group(1).upper()}{tag.group(2)}"
        if number.startswith("INC"):
            return Incident.objects.filter(number=number).first(), None
        return None, ServiceRequest.objects.select_related("catalog_item").filter(number=number).first()
    return None, None


# --- who wrote it --------------------------------------------------------------------------------
def mail_channel_user():
    """The account that writes comments and orders requests for senders without a login of
    their own (services need a user; the sender's address is on the ``MailMessage``)."""
    user = User.objects.filter(username=MAIL_CHANNEL_USERNAME).first()
    if user is not None:
        return user
    try:
        with transaction.atomic():
            return user_create(username=MAIL_CHANNEL_USERNAME, first_name="Email", last_name="channel",
                               roles=[Role.REQUESTER], is_active=False)
    except IntegrityError:  # made by a concurrent message
        return User.objects.get(username=MAIL_CHANNEL_USERNAME)


@dataclass
class _Sender:
    address: str
    name: str
    staff: object | None = None
    contact: Contact | None = None

    @classmethod
    def find(cls, parsed: ParsedMail, mailbox: Mailbox) -> _Sender:
        sender = cls(address=parsed.from_address, name=parsed.from_name)
        users = [user for user in User.objects.filter(email__iexact=parsed.from_address, is_active=True)
                 .order_by("pk") if is_staff_member(user)]
        sender.staff = users[0] if users else None
        sender.contact = (Contact.objects.filter(email__iexact=parsed.from_address).select_related("user", "customer")
                          .order_by("pk").first())
        return sender

    def ensure_contact(self, mailbox: Mailbox) -> Contact | None:
        """The sender's contact; made (without a customer) when the mailbox allows it."""
        if self.contact is not None or self.staff is not None or not mailbox.create_contacts:
            return self.contact
        if connection.vendor == "postgresql":  # two first messages of one sender at once: one contact
            key = int.from_bytes(hashlib.sha256(self.address.encode()).digest()[:8], "big", signed=True)
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])
            self.contact = Contact.objects.filter(email__iexact=self.address).order_by("pk").first()
            if self.contact is not None:
                return self.contact
        name = (self.name or self.address.split("@")[0])[:160]
        self.contact = contact_create(name=name, email=self.address)
        return self.contact

    @property
    def login(self):
        """The sender's own account: staff, or the contact's login."""
        if self.staff is not None:
            return self.staff
        return self.contact.user if self.contact is not None and self.contact.user_id else None

    @property
    def author(self):
        """Who a comment is written as: the sender's account, else the email channel's."""
        return self.login or mail_channel_user()


# --- doing -------------------------------------------------------------------------------------
def _body(parsed: ParsedMail, *, reply: bool) -> str:
    text = (parsed.reply_text if reply else parsed.text) or parsed.text
    if text.strip():
        return text.strip()
    if parsed.attachments:
        return _("(no text; %(count)s attachments)") % {"count": len(parsed.attachments)}
    return _("(empty message)")


def _uploads(parsed: ParsedMail, skipped: list[str]):
    for attachment in parsed.attachments:
        upload = SimpleUploadedFile(attachment.name, attachment.content, content_type=attachment.content_type)
        try:
            incidents.validate_upload(upload)
        except ValidationError as exc:
            skipped.append(_("Attachment %(name)s not stored: %(why)s") % {"name": attachment.name,
                                                                           "why": " ".join(exc.messages)})
            continue
        yield upload


def _attach(incident: Incident, parsed: ParsedMail, actor, note, skipped: list[str]) -> None:
    for upload in _uploads(parsed, skipped):
        incidents.incident_attach(incident=incident, actor=actor, upload=upload, visibility=NoteVisibility.PUBLIC,
                                  note=note)


def _on_incident(row, parsed, mailbox, sender, incident: Incident, skipped) -> InboundResult:
    staff = sender.staff
    if incident.status == IncidentStatus.CLOSED and staff is None:
        return _create(row, parsed, mailbox, sender, skipped, follow_up=incident)
    result = Result.APPENDED
    if incident.status == IncidentStatus.RESOLVED and staff is None:
        if not incident.can_reopen():
            return _create(row, parsed, mailbox, sender, skipped, follow_up=incident)
        incident = incidents.incident_reopen(
            incident=incident, actor=None,
            reason=_("reply by email from %(address)s") % {"address": sender.address})
        result = Result.REOPENED
    author = sender.author
    note = incidents.incident_add_note(incident=incident, actor=author, body=_body(parsed, reply=True),
                                       visibility=NoteVisibility.PUBLIC)
    _attach(incident, parsed, author, note, skipped)
    row.incident_note = note
    return InboundResult(result, incident=incident)


def _on_request(row, parsed, mailbox, sender, request: ServiceRequest, skipped) -> InboundResult:
    if request.status not in REQUEST_COMMENTABLE and sender.staff is None:
        return _create(row, parsed, mailbox, sender, skipped, follow_up=request)
    comment = requests.request_comment(request=request, actor=sender.author, body=_body(parsed, reply=True))
    row.request_comment = comment
    _request_attachments_note(parsed, skipped)
    return InboundResult(Result.APPENDED, request=request)


def _request_attachments_note(parsed: ParsedMail, skipped: list[str]) -> None:
    if parsed.attachments:
        # Service requests have no attachments: the files stay in the kept raw message.
        skipped.append(_("%(count)s attachments kept only in the raw message (requests take no files).")
                       % {"count": len(parsed.attachments)})


def _create(row, parsed, mailbox, sender, skipped, *, follow_up) -> InboundResult:
    contact = sender.ensure_contact(mailbox)
    text = _body(parsed, reply=False)
    title = " ".join(TICKET_TAG.sub("", parsed.subject).split()) or \
        _("Email from %(address)s") % {"address": sender.address}
    if mailbox.creates == Creates.REQUEST and mailbox.catalog_item_id:
        if follow_up is not None:  # a request names the closed incident it follows in its text
            text = _("Follow-up to %(number)s, which is %(status)s.") % {
                "number": follow_up.number, "status": follow_up.get_status_display().lower()} + "\n\n" + text
        return _create_request(row, parsed, mailbox, sender, title, text, skipped)
    actor = sender.login
    incident = incidents.incident_create(
        title=title[:200], actor=actor, description=text, channel=Channel.EMAIL, contact=contact,
        service=mailbox.default_service, team=mailbox.default_team, follow_up_of=follow_up)
    _attach(incident, parsed, actor, None, skipped)
    # The acknowledgement once this mail's row (processed, "created") is committed with the incident.
    transaction.on_commit(functools.partial(outbound.acknowledge_incident, incident.pk))
    return InboundResult(Result.CREATED, incident=incident)


#: Form fields a mail's subject and text go into, by name (else the first text/textarea field).
SUBJECT_FIELDS = ("subject", "title", "summary")
TEXT_FIELDS = ("description", "details", "body", "message", "text", "comment")


def _answers(item, title: str, text: str) -> tuple[dict, bool]:
    """Answers for the item's form from the mail: (answers, the text found a field)."""
    fields = {spec.get("name"): spec for spec in (item.form or []) if isinstance(spec, dict)}
    answers, text_placed = {}, False
    subject_field = next((name for name in SUBJECT_FIELDS if fields.get(name, {}).get("type") == "text"), None)
    text_field = next((name for name in TEXT_FIELDS if fields.get(name, {}).get("type") in ("textarea", "text")),
                      None) or next((name for name, spec in fields.items() if spec.get("type") == "textarea"), None)
    if subject_field:
        answers[subject_field] = title[:200]
    if text_field and text_field != subject_field:
        answers[text_field] = text
        text_placed = True
    return answers, text_placed


def _create_request(row, parsed, mailbox, sender, title, text, skipped) -> InboundResult:
    item = mailbox.catalog_item
    actor = sender.author
    answers, text_placed = _answers(item, title, text)
    request = requests.request_submit(item=item, actor=actor, answers=answers)
    # request_submit has no channel: set it here and let the SLA re-match on it.
    ServiceRequest.objects.filter(pk=request.pk).update(channel=Channel.EMAIL)
    request.channel = Channel.EMAIL
    sla.sla_retarget(ticket=request, actor=actor, reason="email")
    if not text_placed:
        requests.request_comment(request=request, actor=actor, body=f"{title}\n\n{text}")
    _request_attachments_note(parsed, skipped)
    return InboundResult(Result.CREATED, request=request)
