"""``notify()`` and the delivery of what it queues."""

import functools
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.dispatch import Signal
from django.template import Context, Template
from django.utils import timezone

from core import live

from .choices import Channel, DeliveryStatus
from .models import Delivery, MessageTemplate, Notification, StakeholderGroup
from .sms import get_sms_backend
from .tasks import deliver, deliver_batch

logger = logging.getLogger(__name__)
User = get_user_model()

#: ``email_delivery_prepare(delivery, message)``: sent in the Celery task just before an email
#: delivery goes out, with the :class:`Delivery` and the ``django.core.mail.EmailMessage``
#: about to be sent. A receiver in an app below this one that owns the delivery (the mail
#: app's ticket mail, recognised by its ``template``) completes the message in place: its
#: threading headers, From and Reply-To. A receiver never sends anything itself.
email_delivery_prepare = Signal()


@dataclass(frozen=True)
class Rendered:
    subject: str
    body: str
    sms: str


def render_template(template: MessageTemplate, context: dict) -> Rendered:
    ctx = Context(context, autoescape=False)
    subject = " ".join(Template(template.subject).render(ctx).split())[:200]
    body = Template(template.body).render(ctx).strip()
    sms = Template(template.sms_body).render(ctx).strip() if template.sms_body else subject
    return Rendered(subject=subject, body=body, sms=sms[:480])


def _address(user, channel: str) -> str:
    if channel == Channel.EMAIL:
        return user.email or ""
    if channel == Channel.SMS:
        profile = getattr(user, "profile", None)
        return profile.phone if profile else ""
    return f"user:{user.pk}"


def expand_recipients(recipients: Iterable) -> list:
    """Users from users, user ids and stakeholder groups, each once, in order."""
    ids: list[int] = []
    for item in recipients:
        if isinstance(item, StakeholderGroup):
            ids.extend(item.members.values_list("pk", flat=True))
        elif isinstance(item, int):
            ids.append(item)
        elif item is not None:
            ids.append(item.pk)
    users = User.objects.select_related("profile").in_bulk(list(dict.fromkeys(ids)))
    return [users[pk] for pk in dict.fromkeys(ids) if pk in users and users[pk].is_active]


@dataclass(frozen=True)
class Message:
    """One message of :func:`notify_each`: who, the template's context, the idempotency key,
    what it is about and where it points (as :func:`notify`'s arguments)."""

    recipients: Iterable
    context: dict
    idempotency_key: str
    related: str = ""
    url: str = ""


#: A call that queues at least this many deliveries sends them in batch tasks
#: (``deliver_batch``, up to :data:`DELIVER_BATCH` each) instead of one task per delivery.
DELIVER_BATCH_MIN = 10
DELIVER_BATCH = 500


def notify(
    recipients: Iterable,
    template: str,
    context: dict,
    channels: Sequence[str],
    idempotency_key: str,
    *,
    related: str = "",
    url: str = "",
) -> list[Delivery]:
    """Tell ``recipients`` (users, user ids or stakeholder groups) on ``channels``.

    One delivery per (key, channel, person). Calling again with the same
    ``idempotency_key`` creates and sends nothing new. Sending happens in Celery tasks
    queued after the surrounding transaction commits, so nothing goes out for a change
    that was rolled back.
    """
    if not idempotency_key:
        raise ValueError("notify() needs an idempotency_key")
    return notify_each(template, channels, [Message(recipients, context, idempotency_key, related, url)])


def notify_each(template: str, channels: Sequence[str], messages: Iterable[Message]) -> list[Delivery]:
    """:func:`notify` for many messages of one template at once (each requester of 5,000
    linked incidents told of their own): set-based, a fixed number of queries whatever the
    number of messages and people — the template, the people, the keys already used, and
    the deliveries inserted in batches — and the sending queued in batch tasks."""
    unknown = set(channels) - set(Channel.values)
    if unknown:
        raise ValueError(f"unknown channel(s): {sorted(unknown)}")
    messages = list(messages)
    if any(not m.idempotency_key for m in messages):
        raise ValueError("notify() needs an idempotency_key")
    message_template = MessageTemplate.objects.get(key=template)
    compiled = _compiled(message_template)
    wanted = [_recipient_ids(m.recipients) for m in messages]
    users = User.objects.select_related("profile").in_bulk(list({pk for ids in wanted for pk in ids}))
    rows: dict[str, Delivery] = {}
    for message, ids in zip(messages, wanted, strict=True):
        base_context = {"site_url": settings.PUBLIC_BASE_URL, "url": message.url, **message.context}
        for pk in ids:
            user = users.get(pk)
            if user is None or not user.is_active:
                continue
            rendered = _render(compiled, {**base_context, "recipient": user})
            for channel in channels:
                key = f"{message.idempotency_key}:{channel}:{user.pk}"[:255]
                address = _address(user, channel)
                delivery = Delivery(
                    idempotency_key=key, channel=channel, user=user, recipient=address, template=template,
                    subject=rendered.subject, body=rendered.sms if channel == Channel.SMS else rendered.body,
                    related=message.related[:120], url=message.url[:300])
                if not address:
                    delivery.status = DeliveryStatus.FAILED
                    delivery.last_error = f"{user} has no {channel} address."
                rows.setdefault(key, delivery)
    if not rows:
        return []
    used = set()
    keys = list(rows)
    for start in range(0, len(keys), 5000):
        used.update(Delivery.objects.filter(idempotency_key__in=keys[start:start + 5000])
                    .values_list("idempotency_key", flat=True))
    new = [delivery for key, delivery in rows.items() if key not in used]
    try:
        with transaction.atomic():
            Delivery.objects.bulk_create(new, batch_size=1000)
    except IntegrityError:  # a concurrent notify() used one of the keys: one by one, as it wins
        new = _create_one_by_one(new)
    created = [delivery for delivery in new if delivery.status == DeliveryStatus.QUEUED]
    _queue_many([delivery.pk for delivery in created])
    return created


def _recipient_ids(recipients: Iterable) -> list[int]:
    ids: list[int] = []
    for item in recipients:
        if isinstance(item, StakeholderGroup):
            ids.extend(item.members.values_list("pk", flat=True))
        elif isinstance(item, int):
            ids.append(item)
        elif item is not None:
            ids.append(item.pk)
    return list(dict.fromkeys(ids))


def _create_one_by_one(deliveries: list[Delivery]) -> list[Delivery]:
    created = []
    for delivery in deliveries:
        try:
            with transaction.atomic():
                delivery.pk = None
                delivery.save(force_insert=True)
        except IntegrityError:
            continue
        created.append(delivery)
    return created


@dataclass(frozen=True)
class _Compiled:
    subject: Template
    body: Template
    sms: Template | None


def _compiled(template: MessageTemplate) -> _Compiled:
    return _compiled_texts(template.subject, template.body, template.sms_body)


@functools.lru_cache(maxsize=256)
def _compiled_texts(subject: str, body: str, sms_body: str) -> _Compiled:
    """A message template's texts compiled once per process and text (an edited template is
    other texts: compiled afresh); a compiled Django template renders any number of times."""
    return _Compiled(Template(subject), Template(body), Template(sms_body) if sms_body else None)


def _render(compiled: _Compiled, context: dict) -> Rendered:
    ctx = Context(context, autoescape=False)
    subject = " ".join(compiled.subject.render(ctx).split())[:200]
    body = compiled.body.render(ctx).strip()
    sms = compiled.sms.render(ctx).strip() if compiled.sms is not None else subject
    return Rendered(subject=subject, body=body, sms=sms[:480])


def deliver_email(*, recipient: str, subject: str, body: str, idempotency_key: str, template: str = "email",
                  related: str = "", url: str = "") -> tuple[Delivery, bool]:
    """Email one address that need not belong to a user (a ticket's contact, the sender of a
    mail) through the delivery log: one :class:`Delivery` per ``idempotency_key``, sent after
    the surrounding transaction commits by the same Celery task, with the same retries, as
    ``notify()``'s email. The caller renders subject and body; headers beyond Django's own
    are added at send time by an ``email_delivery_prepare`` receiver. Returns the delivery
    and whether this call created it (False: the key was used before, nothing new is sent)."""
    return _deliver_to_address(Channel.EMAIL, recipient=recipient, subject=" ".join(subject.split()), body=body,
                               idempotency_key=idempotency_key, template=template, related=related, url=url,
                               missing="No email address.")


def deliver_sms(*, recipient: str, body: str, idempotency_key: str, template: str = "sms", related: str = "",
                url: str = "") -> tuple[Delivery, bool]:
    """``deliver_email``'s twin for a phone number (E.164) that need not belong to a user."""
    return _deliver_to_address(Channel.SMS, recipient=recipient, subject=body, body=body[:480],
                               idempotency_key=idempotency_key, template=template, related=related, url=url,
                               missing="No phone number.")


def _deliver_to_address(channel: str, *, recipient: str, subject: str, body: str, idempotency_key: str,
                        template: str, related: str, url: str, missing: str) -> tuple[Delivery, bool]:
    if not idempotency_key:
        raise ValueError(f"deliver_{channel}() needs an idempotency_key")
    defaults = {"channel": channel, "user": None, "recipient": (recipient or "")[:254], "template": template[:80],
                "subject": subject[:200], "body": body, "related": related[:120], "url": url[:300]}
    if not recipient:
        defaults.update(status=DeliveryStatus.FAILED, last_error=missing)
    try:
        # Insert first (the unique key decides), instead of looking first: one statement fewer.
        with transaction.atomic():
            delivery = Delivery.objects.create(idempotency_key=idempotency_key[:255], **defaults)
    except IntegrityError:  # this key was used before (or by a concurrent call): nothing new
        return Delivery.objects.get(idempotency_key=idempotency_key[:255]), False
    if delivery.status == DeliveryStatus.QUEUED:
        _queue(delivery.pk)
    return delivery, True


def delivery_mark_failed(*, delivery_id: int, error: str) -> int:
    """A failure reported after the send (a bounce): the delivery is ``failed`` with the
    reason, as the send task leaves one that failed at once. Returns the rows changed."""
    return Delivery.objects.filter(pk=delivery_id).update(status=DeliveryStatus.FAILED, last_error=error[:2000])


def _queue(delivery_id: int) -> None:
    transaction.on_commit(lambda: deliver.delay(delivery_id))


def _queue_many(delivery_ids: list[int]) -> None:
    """One task per delivery for a few; for many, one ``deliver_batch`` task per
    :data:`DELIVER_BATCH` (all queued by one after-commit callback)."""
    if len(delivery_ids) < DELIVER_BATCH_MIN:
        for delivery_id in delivery_ids:
            _queue(delivery_id)
        return
    chunks = [delivery_ids[i:i + DELIVER_BATCH] for i in range(0, len(delivery_ids), DELIVER_BATCH)]
    transaction.on_commit(lambda: [deliver_batch.delay(chunk) for chunk in chunks])


class Outcome:
    SENT = "sent"
    ALREADY_DONE = "already_done"
    RETRY = "retry"
    FAILED = "failed"


def delivery_send(*, delivery_id: int) -> str:
    """Send one queued delivery exactly once.

    The row is locked while sending, so a second run of the same task waits, then sees
    ``sent`` and does nothing."""
    with transaction.atomic():
        delivery = Delivery.objects.select_for_update().filter(pk=delivery_id).first()
        if delivery is None or delivery.status != DeliveryStatus.QUEUED:
            return Outcome.ALREADY_DONE
        delivery.attempts += 1
        try:
            delivery.provider_id = _send(delivery)[:64]
        except Exception as exc:  # any provider failure is recorded and retried
            logger.warning("delivery %s failed (attempt %s): %s", delivery.pk, delivery.attempts, exc)
            delivery.last_error = f"{type(exc).__name__}: {exc}"[:2000]
            if delivery.attempts >= settings.NOTIFICATIONS_MAX_ATTEMPTS:
                delivery.status = DeliveryStatus.FAILED
            delivery.save(update_fields=["attempts", "last_error", "status"])
            return Outcome.FAILED if delivery.status == DeliveryStatus.FAILED else Outcome.RETRY
        delivery.status = DeliveryStatus.SENT
        delivery.sent_at = timezone.now()
        delivery.last_error = ""
        delivery.save(update_fields=["attempts", "status", "sent_at", "provider_id", "last_error"])
        return Outcome.SENT


def _send(delivery: Delivery) -> str:
    if delivery.channel == Channel.EMAIL:
        message = EmailMessage(subject=delivery.subject, body=delivery.body, to=[delivery.recipient])
        email_delivery_prepare.send(sender=Delivery, delivery=delivery, message=message)
        message.send()
        return ""
    if delivery.channel == Channel.SMS:
        return get_sms_backend().send(to=delivery.recipient, body=delivery.body)
    notification, _created = Notification.objects.get_or_create(
        delivery=delivery,
        defaults={"user_id": delivery.user_id, "subject": delivery.subject, "body": delivery.body,
                  "url": delivery.url, "related": delivery.related},
    )
    return f"notification-{notification.pk}"


def notification_mark_read(*, notification: Notification) -> Notification:
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def notifications_mark_all_read(*, user) -> int:
    count = Notification.objects.filter(user=user, read_at__isnull=True).update(read_at=timezone.now())
    if count:  # update() sends no post_save: the live badge is told here (core/live.py)
        transaction.on_commit(lambda: live.bump([f"notifications:{user.pk}"], actor=user))
    return count
