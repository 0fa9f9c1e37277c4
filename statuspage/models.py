"""The public status page's own records: scheduled maintenance windows, the people who
subscribed to updates by email, and the log of what each subscriber was sent.

Service health and incidents are not stored here: they are read from the catalogue, the
major incidents (their public updates only) and the recorded service outages."""

import secrets

from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from catalog.models import Service
from incidents.models import StakeholderUpdate


def new_token() -> str:
    return secrets.token_urlsafe(32)


class ScheduledMaintenance(models.Model):
    """Planned work that takes services down or slows them. While it runs, its services show
    as under maintenance; before that, it is listed as upcoming. No services means all."""

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    services = models.ManyToManyField(Service, verbose_name=_("services"), related_name="maintenance_windows",
                                      blank=True, help_text=_("Leave empty when every service is affected."))
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    # Who made it, for callers that keep it in step with their own record (e.g. "changes.change:7").
    source = models.CharField(_("recorded by"), max_length=120, blank=True, db_index=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("scheduled maintenance")
        verbose_name_plural = _("scheduled maintenance")
        indexes = [models.Index(fields=["ends_at", "starts_at"], name="status_maintenance_window")]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")),
                                   name="%(app_label)s_%(class)s_ends_after_start"),
        ]

    def __str__(self) -> str:
        return self.title


class Subscriber(models.Model):
    """Someone who asked for email about incidents (double opt-in: nothing is sent before
    they follow the confirmation link). No services means every service."""

    email = models.EmailField(_("email"), max_length=254)
    services = models.ManyToManyField(Service, verbose_name=_("services"), related_name="status_subscribers",
                                      blank=True, help_text=_("Empty: every service."))
    # A confirmed subscriber who asks again with another choice of services gets it once they
    # confirm (service ids; null when nothing is waiting).
    pending_services = models.JSONField(_("services waiting for confirmation"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=10, blank=True)
    confirm_token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    unsubscribe_token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    created_at = models.DateTimeField(_("subscribed"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("subscriber")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="%(app_label)s_%(class)s_email"),
        ]
        indexes = [models.Index(fields=["confirmed_at"], name="status_subscriber_confirmed")]

    def __str__(self) -> str:
        return self.email

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None


class SubscriberNotice(models.Model):
    """One public update to mail to one subscriber: queued (a row per recipient, unique),
    claimed by the worker that sends it (``claimed_at``, a lease: a worker that dies leaves a
    claim that another takes over once it is older than the lease) and marked sent. A task
    that runs twice, or two workers at once, send each update once."""

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="notices")
    update = models.ForeignKey(StakeholderUpdate, on_delete=models.CASCADE, related_name="status_notices")
    created_at = models.DateTimeField(default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("subscriber notice")
        constraints = [
            models.UniqueConstraint(fields=["subscriber", "update"], name="%(app_label)s_%(class)s_once"),
        ]

    def __str__(self) -> str:
        return f"update {self.update_id} → {self.subscriber_id}"


class MaintenanceNotice(models.Model):
    """One maintenance window mailed to one subscriber, per start time: a window that moves
    is announced again, one that does not is never announced twice."""

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="maintenance_notices")
    maintenance = models.ForeignKey(ScheduledMaintenance, on_delete=models.CASCADE, related_name="notices")
    starts_at = models.DateTimeField()
    created_at = models.DateTimeField(default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)  # as SubscriberNotice's
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["subscriber", "maintenance", "starts_at"],
                                    name="%(app_label)s_%(class)s_once"),
        ]

    def __str__(self) -> str:
        return f"maintenance {self.maintenance_id} → {self.subscriber_id}"
