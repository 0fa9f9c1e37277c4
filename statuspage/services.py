"""Every write of the status page: maintenance windows, subscriptions (double opt-in,
confirm, unsubscribe) and the mail to subscribers.

Mail goes out from Celery tasks queued after commit (:mod:`statuspage.tasks`); the
functions that send it are here, idempotent, so a task that runs twice sends nothing twice.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable
from datetime import datetime

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, get_connection
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
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
    have not been sent it yet."""
    through = Subscriber.services.through
    service_ids = list(update.major_incident.services.values_list("pk", flat=True))
    chose = through.objects.filter(subscriber=OuterRef("pk"))
    return (Subscriber.objects.filter(confirmed_at__isnull=False)
            .filter(~Exists(chose) | Exists(chose.filter(service_id__in=service_ids)))
            .exclude(Exists(SubscriberNotice.objects.filter(subscriber=OuterRef("pk"), update=update)))
            .order_by("pk"))


def subscribers_notify(*, update_id: int) -> int:
    """Mail a public update to its subscribers, each at most once: a notice row is claimed
    (unique per subscriber and update) before the mail goes out, so a retried or duplicated
    task skips whoever already has it. A mail that fails gives its claim back and raises,
    for the task to retry. Returns how many were sent."""
    update = (StakeholderUpdate.objects.filter(pk=update_id, is_public=True)
              .select_related("major_incident").first())
    if update is None:  # not public (never mailed), or gone
        return 0
    sent = 0
    with get_connection() as connection:
        for subscriber in recipients_of(update).iterator():
            try:
                with transaction.atomic():
                    notice = SubscriberNotice.objects.create(subscriber=subscriber, update=update)
            except IntegrityError:  # another run claimed it
                continue
            try:
                _notice_message(subscriber, update, connection).send()
            except Exception:
                SubscriberNotice.objects.filter(pk=notice.pk).delete()
                raise
            SubscriberNotice.objects.filter(pk=notice.pk).update(sent_at=timezone.now())
            sent += 1
    return sent


def maintenance_notify(*, maintenance_id: int) -> int:
    """Mail a scheduled maintenance window to the confirmed subscribers of its services (or
    of every service), once per subscriber and start time (a claimed notice row, as for
    updates). Returns how many were sent."""
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
    sent = 0
    with get_connection() as connection:
        for subscriber in recipients.iterator():
            try:
                with transaction.atomic():
                    notice = MaintenanceNotice.objects.create(subscriber=subscriber, maintenance=window,
                                                              starts_at=window.starts_at)
            except IntegrityError:
                continue
            unsubscribe_url = _absolute(reverse("statuspage:unsubscribe", args=[subscriber.unsubscribe_token]))
            with translation.override(subscriber.language or settings.LANGUAGE_CODE):
                names = ", ".join(s.name for s in window.services.all()) or _("all services")
                subject = _one_line(_("[Planned maintenance] %(title)s") % {"title": window.title})
                body = _("Planned maintenance on %(services)s\nFrom %(start)s UTC until %(end)s UTC.\n\n"
                         "%(description)s\n\nStatus page: %(status)s\nUnsubscribe: %(unsubscribe)s") % {
                    "services": names, "start": f"{window.starts_at:%Y-%m-%d %H:%M}",
                    "end": f"{window.ends_at:%Y-%m-%d %H:%M}", "description": window.description,
                    "status": _absolute(reverse("statuspage:index")), "unsubscribe": unsubscribe_url}
            message = EmailMessage(subject=subject[:200], body=body, to=[subscriber.email], connection=connection,
                                   headers={"List-Unsubscribe": f"<{unsubscribe_url}>",
                                            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                                            "Auto-Submitted": "auto-generated"})
            try:
                message.send()
            except Exception:
                MaintenanceNotice.objects.filter(pk=notice.pk).delete()
                raise
            MaintenanceNotice.objects.filter(pk=notice.pk).update(sent_at=timezone.now())
            sent += 1
    return sent


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
