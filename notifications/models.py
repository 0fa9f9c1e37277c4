"""One way to tell people things.

``notify()`` (in ``services.py``) renders a :class:`MessageTemplate` for each recipient and
channel, writes one :class:`Delivery` per (idempotency key, channel, person) and sends it
from a Celery task after the transaction commits. The delivery's unique idempotency key is
what makes a repeated call, or a task that runs twice, deliver only once.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .choices import Channel, DeliveryStatus


class MessageTemplate(models.Model):
    """Wording of a message, editable by admins. Subject and bodies are Django templates
    rendered with the context the caller of ``notify()`` gives."""

    key = models.SlugField(_("key"), max_length=80, unique=True)
    description = models.CharField(_("used for"), max_length=200, blank=True)
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("body (email and in-app)"))
    sms_body = models.CharField(_("SMS text"), max_length=480, blank=True,
                                help_text=_("Short text for SMS; the subject is used when empty."))
    history = HistoricalRecords()

    class Meta:
        ordering = ["key"]

    def __str__(self) -> str:
        return self.key


class StakeholderGroup(models.Model):
    """A named audience (e.g. "CIO office", "Department heads") for major-incident updates."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True)
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="stakeholder_groups")
    services = models.ManyToManyField(
        "catalog.Service", blank=True, related_name="stakeholder_groups",
        help_text=_("Told about major incidents on these services; none = every service."))
    history = HistoricalRecords(m2m_fields=[members])

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Delivery(models.Model):
    """One message to one person on one channel: the delivery log."""

    channel = models.CharField(max_length=10, choices=Channel.choices)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="deliveries")
    recipient = models.CharField(max_length=254, help_text=_('E.164, email, or "user:<id>" in-app.'))
    template = models.CharField(max_length=80, db_index=True)
    subject = models.CharField(max_length=200)
    body = models.TextField()
    status = models.CharField(max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    provider_id = models.CharField(max_length=64, blank=True)
    idempotency_key = models.CharField(max_length=255, unique=True)
    related = models.CharField(max_length=120, blank=True, db_index=True,
                               help_text=_('What it is about, e.g. "incidents.incident:42".'))
    url = models.CharField(max_length=300, blank=True, help_text=_("Where the message points to."))
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = _("deliveries")
        indexes = [
            models.Index(fields=["status", "created_at"], name="notifications_delivery_due"),
        ]

    def __str__(self) -> str:
        return f"{self.channel} to {self.recipient}: {self.subject}"


class Notification(models.Model):
    """An in-app notification, listed in the browser and the ``notifications/`` API."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    # Not enforced by the database: deliveries are partitioned by month on PostgreSQL
    # (docs/operations.md, "Partitioned tables and retention").
    delivery = models.OneToOneField(Delivery, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="notification", db_constraint=False)
    subject = models.CharField(max_length=200)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=300, blank=True)
    related = models.CharField(max_length=120, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "read_at"], name="notifications_unread")]

    def __str__(self) -> str:
        return self.subject


class SmsMessage(models.Model):
    """The local SMS outbox (development and tests): what would have been sent."""

    to = models.CharField(max_length=16)
    body = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("SMS in the local outbox")
        verbose_name_plural = _("SMS in the local outbox")

    def __str__(self) -> str:
        return f"SMS to {self.to}"
