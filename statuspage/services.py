"""Every write of the status page: maintenance windows, subscriptions (double opt-in,
confirm, unsubscribe) and the mail to subscribers.

Mail goes out from Celery tasks queued after commit (:mod:`statuspage.tasks`); the
functions that send it are here, idempotent, so a task that runs twice sends nothing twice.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable
from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, get_connection
from django.core.validators import validate_email
from django.db import IntegrityError, connection, transaction
from django.db.models import Exists, Min, OuterRef, Q, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from catalog.models import Service
from changes.choices import ChangeStatus
from changes.models import Change
from incidents.models import StakeholderUpdate

from . import caching
from .choices import IncidentPhase, phase_of
from .models import MaintenanceNotice, ScheduledMaintenance, Subscriber, SubscriberNotice
from .tasks import send_confirmation

logger = logging.getLogger(__name__)


def _absolute(path: str) -> str:
    return f"{settings.PUBLIC_BASE_URL}{path}"


def _invalidate_after_commit() -> None:
    transaction.on_commit(caching.invalidate)


# --- maintenance -----------------------------------------------------------------------------
@transaction.atomic
def maintenance_schedule(*, title: str, services: Iterable[Service], starts_at: datetime, ends_at: datetime,
                         description: str = "", source: str = "", actor=None) -> ScheduledMaintenance:
    """Announce planned work on ``services`` (none: every service) from ``starts_at`` to
    ``ends_at``. With a ``source`` (say ``"changes.change:7"``) the caller's window is
    created once and moved on later calls, so a rescheduled change moves its window.
    ``actor`` (a user, or None for the system) is recorded in the window's history."""
    errors = {}
    title = (title or "").strip()
    if not title:
        errors["title"] = [_("Say what the maintenance is.")]
    for name, value in (("starts_at", starts_at), ("ends_at", ends_at)):
        if value is None or timezone.is_naive(value):
            errors[name] = [_("Give a date and time with its time zone.")]
    if not errors and ends_at <= starts_at:
        errors["ends_at"] = [_("The maintenance must end after it starts.")]
    if errors:
        raise ValidationError(errors)
    fields = {"title": title[:200], "description": (description or "").strip(), "starts_at": starts_at,
              "ends_at": ends_at}
    window = None
    if source:
        window = ScheduledMaintenance.objects.select_for_update().filter(source=source).first()
    created = window is None
    if created:
        window = ScheduledMaintenance(source=source[:120])
    for name, value in fields.items():
        setattr(window, name, value)
    window._history_user = actor
    window.save(update_fields=None if created else list(fields))
    window.services.set(list(services))
    _invalidate_after_commit()
    return window


@transaction.atomic
def maintenance_cancel(*, maintenance: ScheduledMaintenance | None = None, source: str = "") -> int:
    """Take a window off the page (by record, or by the caller's ``source``); how many went."""
    if maintenance is not None:
        windows = ScheduledMaintenance.objects.filter(pk=maintenance.pk)
    elif source:
        windows = ScheduledMaintenance.objects.filter(source=source)
    else:
        raise ValueError("give a maintenance window or its source")
    _total, per_model = windows.delete()
    deleted = per_model.get(ScheduledMaintenance._meta.label, 0)
    if deleted:
        _invalidate_after_commit()
    return deleted


# --- subscriptions ---------------------------------------------------------------------------
def normalise_email(email: str) -> str:
    return (email or "").strip().lower()


def _confirmations_allowed(email: str) -> bool:
    """At most STATUSPAGE_CONFIRMATIONS_PER_HOUR confirmation mails per address, whoever
    asks: the form cannot be used to flood someone's inbox."""
    limit = getattr(settings, "STATUSPAGE_CONFIRMATIONS_PER_HOUR", 3)
    key = "statuspage:confirm-mail:" + hashlib.sha256(email.encode()).hexdigest()
    try:
        cache.add(key, 0, timeout=3600)
        return cache.incr(key) <= limit
    except Exception:  # the cache is down: let the mail go rather than lose the subscription
        logger.warning("status page rate limit unavailable", exc_info=True)
        return True


@transaction.atomic
def subscriber_subscribe(*, email: str, services: Iterable[Service] = (), language: str = "") -> Subscriber:
    """Ask for updates about ``services`` (none: every service). Nothing is sent until the
    address confirms. Asking again is not an error and says nothing about whether the
    address was known: the confirmation mail goes out again (a confirmed subscriber's new
    choice of services takes effect when they confirm it)."""
    email = normalise_email(email)
    validate_email(email)
    service_ids = sorted({service.pk for service in services})
    subscriber = Subscriber.objects.select_for_update().filter(email__iexact=email).first()
    if subscriber is None:
        try:
            with transaction.atomic():
                subscriber = Subscriber.objects.create(email=email, language=language[:10])
        except IntegrityError:  # the same address at the same instant
            subscriber = Subscriber.objects.select_for_update().get(email__iexact=email)
    if subscriber.is_confirmed:
        subscriber.pending_services = service_ids
        subscriber.save(update_fields=["pending_services"])
    else:
        subscriber.services.set(service_ids)
        if language and subscriber.language != language:
            subscriber.language = language[:10]
            subscriber.save(update_fields=["language"])
    if _confirmations_allowed(email):
        pk = subscriber.pk
        transaction.on_commit(lambda: _queue_confirmation(pk))
    return subscriber


def _queue_confirmation(subscriber_id: int) -> None:
    try:
        send_confirmation.delay(subscriber_id)
    except Exception:  # the broker is down: the visitor may ask again; the subscription is kept
        logger.exception("could not queue the confirmation mail for subscriber %s", subscriber_id)


@transaction.atomic
def subscriber_confirm(*, token: str) -> Subscriber | None:
    """Follow the confirmation link: the subscription starts (or its new choice of services
    applies). None when the link is unknown (say, after unsubscribing)."""
    subscriber = Subscriber.objects.select_for_update().filter(confirm_token=token).first() if token else None
    if subscriber is None:
        return None
    fields = []
    if subscriber.confirmed_at is None:
        subscriber.confirmed_at = timezone.now()
        fields.append("confirmed_at")
    if subscriber.pending_services is not None:
        subscriber.services.set(Service.objects.filter(pk__in=subscriber.pending_services))
        subscriber.pending_services = None
        fields.append("pending_services")
    if fields:
        subscriber.save(update_fields=fields)
    return subscriber


@transaction.atomic
def subscriber_unsubscribe(*, token: str) -> bool:
    """Stop all mail to this subscriber and forget the address. Safe to repeat."""
    if not token:
        return False
    deleted, _rows = Subscriber.objects.filter(unsubscribe_token=token).delete()
    return bool(deleted)


# --- mail ------------------------------------------------------------------------------------
def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def confirmation_send(*, subscriber_id: int, connection=None) -> bool:
    """Mail the confirmation link (from the task). False when the subscriber is gone."""
    subscriber = Subscriber.objects.filter(pk=subscriber_id).prefetch_related("services").first()
    if subscriber is None:
        return False
    with translation.override(subscriber.language or settings.LANGUAGE_CODE):
        if subscriber.pending_services is not None:
            names = list(Service.objects.filter(pk__in=subscriber.pending_services).values_list("name", flat=True))
            changing = True
        else:
            names = [service.name for service in subscriber.services.all()]
            changing = False
        context = {
            "confirm_url": _absolute(reverse("statuspage:confirm", args=[subscriber.confirm_token])),
            "unsubscribe_url": _absolute(reverse("statuspage:unsubscribe", args=[subscriber.unsubscribe_token])),
            "status_url": _absolute(reverse("statuspage:index")),
            "services": names, "changing": changing, "confirmed": subscriber.is_confirmed,
        }
        subject = _one_line(_("Confirm your subscription to service status updates"))
        body = render_to_string("statuspage/email/confirm.txt", context)
    EmailMessage(subject=subject, body=body, to=[subscriber.email], connection=connection,
                 headers={"Auto-Submitted": "auto-generated"}).send()
    return True


def _notice_message(subscriber: Subscriber, update: StakeholderUpdate, connection) -> EmailMessage:
    major = update.major_incident
    unsubscribe_url = _absolute(reverse("statuspage:unsubscribe", args=[subscriber.unsubscribe_token]))
    with translation.override(subscriber.language or settings.LANGUAGE_CODE):
        phase = IncidentPhase(phase_of(update.status))
        context = {"title": major.summary, "phase": phase.label, "update": update,
                   "incident_url": _absolute(reverse("statuspage:incident", args=[major.pk])) + f"#update-{update.pk}",
                   "status_url": _absolute(reverse("statuspage:index")), "unsubscribe_url": unsubscribe_url}
        subject = _one_line(_("[%(phase)s] %(title)s") % {"phase": phase.label, "title": major.summary})
        body = render_to_string("statuspage/email/notice.txt", context)
    return EmailMessage(subject=subject[:200], body=body, to=[subscriber.email], connection=connection, headers={
        # RFC 2369 and RFC 8058: mail clients show an unsubscribe button that POSTs to the link.
        "List-Unsubscribe": f"<{unsubscribe_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "Auto-Submitted": "auto-generated",
    })


def recipients_of(update: StakeholderUpdate):
    """Confirmed subscribers of any of the update's services (or of every service) who
    have no notice of it yet."""
    through = Subscriber.services.through
    service_ids = list(update.major_incident.services.values_list("pk", flat=True))
    chose = through.objects.filter(subscriber=OuterRef("pk"))
    return (Subscriber.objects.filter(confirmed_at__isnull=False)
            .filter(~Exists(chose) | Exists(chose.filter(service_id__in=service_ids)))
            .exclude(Exists(SubscriberNotice.objects.filter(subscriber=OuterRef("pk"), update=update)))
            .order_by("pk"))


# --- claiming notices ------------------------------------------------------------------------
#: Seconds a claim on a notice holds (renewed before each mail). A worker that dies leaves its
#: claims; the next run takes them over once they are older than this. Longer than one mail
#: can take; shorter than the broker's visibility timeout (an hour), after which the killed
#: task comes back.
NOTICE_LEASE_SECONDS = 300
#: Notices one worker claims at a time.
NOTICE_BATCH = 50


def _lease() -> timedelta:
    return timedelta(seconds=getattr(settings, "STATUSPAGE_NOTICE_LEASE_SECONDS", NOTICE_LEASE_SECONDS))


def _claimable(notices: QuerySet, now: datetime) -> QuerySet:
    """Not sent, and not claimed or claimed longer ago than the lease (its worker died)."""
    return notices.filter(sent_at__isnull=True).filter(Q(claimed_at__isnull=True) | Q(claimed_at__lt=now - _lease()))


def _claim(notices: QuerySet, *, limit: int | None = None) -> tuple[list[tuple[int, int]], datetime]:
    """Claim up to ``limit`` of ``notices`` for this worker: ``[(notice id, subscriber id)]``
    in subscriber order, and the claim's stamp. ``SELECT … FOR UPDATE SKIP LOCKED`` then
    ``UPDATE … SET claimed_at`` in one transaction: two workers never claim the same row
    (the rows another is claiming are skipped, not waited for)."""
    now = timezone.now()
    with transaction.atomic():
        rows = list(_claimable(notices, now).select_for_update(skip_locked=True).order_by("subscriber_id", "pk")
                    .values_list("pk", "subscriber_id")[:limit or NOTICE_BATCH])
        if not rows:
            return [], now
        ids = [pk for pk, _subscriber in rows]
        claimed = _claimable(notices, now).filter(pk__in=ids).update(claimed_at=now)
        if claimed != len(rows):  # a backend without row locks (SQLite): keep what this update took
            mine = set(notices.filter(pk__in=ids, claimed_at=now).values_list("pk", flat=True))
            rows = [row for row in rows if row[0] in mine]
    return rows, now


def _subscriber_now(subscriber_id: int) -> Subscriber | None:
    """The subscriber as they are now, read ``FOR SHARE``: a change in flight (a new language,
    unsubscribing) is waited for, so the mail goes in the language they have, or not at all."""
    lock = " FOR SHARE" if connection.features.has_select_for_update else ""
    table = connection.ops.quote_name(Subscriber._meta.db_table)
    return next(iter(Subscriber.objects.raw(
        f"SELECT * FROM {table} WHERE id = %s AND confirmed_at IS NOT NULL{lock}",  # noqa: S608 - the model's table
        [subscriber_id])), None)


def _send_claimed(notices: QuerySet, message_for) -> int:
    """Claim ``notices`` batch by batch and mail each (:func:`_send_rows`); how many were sent."""
    sent = 0
    while True:
        rows, stamp = _claim(notices)
        if not rows:
            return sent
        sent += _send_rows(notices.model, rows, stamp, message_for)


def _send_rows(model, rows: list[tuple[int, int]], stamp: datetime, message_for) -> int:
    """Mail the notices this worker claimed at ``stamp`` (``message_for(subscriber)`` → an
    ``EmailMessage``); how many were sent. Before each mail the claim is renewed, and given
    up if it was taken over (this worker outlived its lease); after it, the notice is marked
    sent, so a finished notice is never sent again. A mail that fails gives back this
    worker's claims at once and raises, for the task to retry."""
    held = {pk: stamp for pk, _subscriber in rows}
    sent = 0
    try:
        for notice_id, subscriber_id in rows:
            renewed = timezone.now()
            with transaction.atomic():
                subscriber = _subscriber_now(subscriber_id)
                mine = model.objects.filter(pk=notice_id, claimed_at=held[notice_id],
                                            sent_at__isnull=True).update(claimed_at=renewed)
            if not mine:  # taken over by another worker after the lease (or gone): theirs now
                del held[notice_id]
                continue
            held[notice_id] = renewed
            if subscriber is not None:
                message_for(subscriber).send()
                sent += 1
            model.objects.filter(pk=notice_id).update(sent_at=timezone.now())
            del held[notice_id]
    except BaseException:
        for notice_id, claimed_at in held.items():
            model.objects.filter(pk=notice_id, claimed_at=claimed_at, sent_at__isnull=True).update(claimed_at=None)
        raise
    return sent


def _waiting(notices: QuerySet) -> float | None:
    """Seconds until the oldest live claim on an unsent notice runs out (another worker holds
    it: if that worker died, a run after that takes it over), or None when none is held."""
    held = notices.filter(sent_at__isnull=True, claimed_at__isnull=False)
    oldest = held.aggregate(oldest=Min("claimed_at"))["oldest"]
    if oldest is None:
        return None
    return max(1.0, (oldest + _lease() - timezone.now()).total_seconds())


def _subscriber_notices(update_id: int) -> QuerySet:
    return SubscriberNotice.objects.filter(update_id=update_id)


def subscribers_notify(*, update_id: int) -> int:
    """Mail a public update to its subscribers, each at most once: a notice row per recipient
    (unique per subscriber and update) is queued, then claimed and sent batch by batch
    (:func:`_send_claimed`), so a retried or duplicated task skips what was sent, and the
    notices of a worker killed half-way are sent by the next run once their lease is over.
    Returns how many were sent."""
    update = (StakeholderUpdate.objects.filter(pk=update_id, is_public=True)
              .select_related("major_incident").first())
    if update is None:  # not public (never mailed), or gone
        return 0
    recipients = recipients_of(update).values_list("pk", flat=True)
    SubscriberNotice.objects.bulk_create([SubscriberNotice(subscriber_id=pk, update=update) for pk in recipients],
                                         batch_size=1000, ignore_conflicts=True)
    with get_connection() as mail:
        return _send_claimed(_subscriber_notices(update.pk),
                             lambda subscriber: _notice_message(subscriber, update, mail))


def subscriber_notices_waiting(*, update_id: int) -> float | None:
    """Seconds until the notices of this update another worker holds are free (see :func:`_waiting`)."""
    return _waiting(_subscriber_notices(update_id))


def _maintenance_notices(window: ScheduledMaintenance) -> QuerySet:
    return MaintenanceNotice.objects.filter(maintenance=window, starts_at=window.starts_at)


def _maintenance_message(window: ScheduledMaintenance, subscriber: Subscriber, connection) -> EmailMessage:
    unsubscribe_url = _absolute(reverse("statuspage:unsubscribe", args=[subscriber.unsubscribe_token]))
    with translation.override(subscriber.language or settings.LANGUAGE_CODE):
        names = ", ".join(s.name for s in window.services.all()) or _("all services")
        subject = _one_line(_("[Planned maintenance] %(title)s") % {"title": window.title})
        body = _("Planned maintenance on %(services)s\nFrom %(start)s UTC until %(end)s UTC.\n\n"
                 "%(description)s\n\nStatus page: %(status)s\nUnsubscribe: %(unsubscribe)s") % {
            "services": names, "start": f"{window.starts_at:%Y-%m-%d %H:%M}",
            "end": f"{window.ends_at:%Y-%m-%d %H:%M}", "description": window.description,
            "status": _absolute(reverse("statuspage:index")), "unsubscribe": unsubscribe_url}
    return EmailMessage(subject=subject[:200], body=body, to=[subscriber.email], connection=connection,
                        headers={"List-Unsubscribe": f"<{unsubscribe_url}>",
                                 "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                                 "Auto-Submitted": "auto-generated"})


def maintenance_notify(*, maintenance_id: int) -> int:
    """Mail a scheduled maintenance window to the confirmed subscribers of its services (or
    of every service), once per subscriber and start time (notices queued, claimed and sent
    as for updates). Returns how many were sent."""
    window = ScheduledMaintenance.objects.filter(pk=maintenance_id).prefetch_related("services").first()
    if window is None or window.ends_at <= timezone.now():
        return 0
    through = Subscriber.services.through
    chose = through.objects.filter(subscriber=OuterRef("pk"))
    service_ids = [service.pk for service in window.services.all()]
    recipients = Subscriber.objects.filter(confirmed_at__isnull=False)
    if service_ids:  # a window on every service reaches every subscriber
        recipients = recipients.filter(~Exists(chose) | Exists(chose.filter(service_id__in=service_ids)))
    recipients = recipients.exclude(Exists(MaintenanceNotice.objects.filter(
        subscriber=OuterRef("pk"), maintenance=window, starts_at=window.starts_at))).order_by("pk")
    MaintenanceNotice.objects.bulk_create(
        [MaintenanceNotice(subscriber_id=pk, maintenance=window, starts_at=window.starts_at)
         for pk in recipients.values_list("pk", flat=True)], batch_size=1000, ignore_conflicts=True)
    with get_connection() as mail:
        return _send_claimed(_maintenance_notices(window),
                             lambda subscriber: _maintenance_message(window, subscriber, mail))


def maintenance_notices_waiting(*, maintenance_id: int) -> float | None:
    """Seconds until the notices of this window another worker holds are free (see :func:`_waiting`)."""
    window = ScheduledMaintenance.objects.filter(pk=maintenance_id).first()
    return _waiting(_maintenance_notices(window)) if window is not None else None


def change_maintenance_sync(*, change_id: int) -> ScheduledMaintenance | None:
    """Publish a change's projected service outage as scheduled maintenance (moved when the
    change is rescheduled), or withdraw it when the change no longer plans one (cancelled,
    or done). Returns the window, or None."""
    change = Change.objects.filter(pk=change_id).prefetch_related("outage_services", "services").first()
    source = f"changes.change:{change_id}"
    if change is None or change.outage_start is None or change.status not in (
            ChangeStatus.SCHEDULED, ChangeStatus.IMPLEMENTING):
        if change is None or change.status in (ChangeStatus.CANCELLED, ChangeStatus.SCHEDULED,
                                               ChangeStatus.AUTHORIZED, ChangeStatus.REJECTED):
            maintenance_cancel(source=source)
        return None
    services = list(change.outage_services.all()) or list(change.services.all())
    return maintenance_schedule(title=change.title, services=services, starts_at=change.outage_start,
                                ends_at=change.outage_end, source=source,
                                description=_("Planned change %(number)s.") % {"number": change.number})
