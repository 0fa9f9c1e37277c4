"""The email channel's records.

A :class:`Mailbox` is one of the desk's addresses and says how its mail arrives (polled over
IMAP, or pushed as a raw message by an MTA pipe / a provider's inbound hook) and what it
opens (incidents, or service requests of one catalogue item).

A :class:`MailMessage` is one row per ``Message-ID`` the desk received or sent. It is the
threading table (a reply's ``In-Reply-To``/``References`` are looked up in it by the unique
index on ``message_id``) and the "processed once" guarantee: a second copy of a message fails
the unique constraint instead of being checked for first.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from catalog.models import Service, Team
from incidents.models import Incident, IncidentNote
from notifications.models import Delivery
from servicerequests.models import CatalogItem, RequestComment, ServiceRequest

from .choices import Creates, Direction, MessageStatus, Protocol, Result
from .parsing import synthetic_message_id  # noqa: F401 - the threading table's rule, kept beside it

#: Longest ``Message-ID`` kept: RFC 5322 lines may be 998 characters.
MESSAGE_ID_MAX = 998


class Mailbox(models.Model):
    name = models.CharField(_("name"), max_length=120)
    address = models.EmailField(_("address"), unique=True, help_text=_("Stored in lower case."))
    protocol = models.CharField(_("protocol"), max_length=10, choices=Protocol.choices, default=Protocol.PUSH)
    host = models.CharField(_("IMAP host"), max_length=255, blank=True)
    port = models.PositiveIntegerField(_("IMAP port"), null=True, blank=True,
                                       help_text=_("Empty: 993 with TLS, 143 without."))
    username = models.CharField(_("IMAP user name"), max_length=255, blank=True)
    # Kept readable because the IMAP login needs it; never returned by the API and left
    # out of the history table.
    password = models.CharField(_("IMAP password"), max_length=255, blank=True)
    folder = models.CharField(_("IMAP folder"), max_length=255, default="INBOX")
    use_tls = models.BooleanField(_("use TLS"), default=True)
    creates = models.CharField(_("creates"), max_length=10, choices=Creates.choices, default=Creates.INCIDENT)
    catalog_item = models.ForeignKey(CatalogItem, verbose_name=_("catalogue item"), null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="mailboxes",
                                     help_text=_("The item of the requests this mailbox opens."))
    default_service = models.ForeignKey(Service, verbose_name=_("default service"), null=True, blank=True,
                                        on_delete=models.SET_NULL, related_name="mailboxes")
    default_team = models.ForeignKey(Team, verbose_name=_("default team"), null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="mailboxes")
    create_contacts = models.BooleanField(_("create contacts"), default=False,
                                          help_text=_("Make a contact for an unknown sender."))
    active = models.BooleanField(_("active"), default=True)
    last_fetched_at = models.DateTimeField(_("last fetched"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    imap_uidvalidity = models.BigIntegerField(null=True, blank=True, editable=False)
    imap_last_uid = models.BigIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["password", "last_fetched_at", "imap_uidvalidity",
                                                 "imap_last_uid"])

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("mailbox")
        verbose_name_plural = _("mailboxes")
        constraints = [
            models.CheckConstraint(condition=~models.Q(creates="request") | models.Q(catalog_item__isnull=False),
                                   name="%(app_label)s_%(class)s_request_needs_item"),
        ]

    def __str__(self) -> str:
        return f"{self.name} <{self.address}>"

    def save(self, *args, **kwargs):
        self.address = (self.address or "").strip().lower()
        super().save(*args, **kwargs)

    def clean(self):
        errors = {}
        if self.protocol == Protocol.IMAP:
            for name in ("host", "username"):
                if not getattr(self, name):
                    errors[name] = [_("An IMAP mailbox needs this.")]
        if self.creates == Creates.REQUEST and not self.catalog_item_id:
            errors["catalog_item"] = [_("Choose the catalogue item of the requests this mailbox opens.")]
        if errors:
            raise ValidationError(errors)

    @property
    def domain(self) -> str:
        return self.address.rpartition("@")[2] or "localhost"


def raw_path(instance, filename: str) -> str:
    return f"mail/{timezone.now():%Y/%m/%d}/{filename}"


class MailMessage(models.Model):
    mailbox = models.ForeignKey(Mailbox, verbose_name=_("mailbox"), null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="messages")
    direction = models.CharField(_("direction"), max_length=3, choices=Direction.choices)
    message_id = models.CharField(_("Message-ID"), max_length=MESSAGE_ID_MAX)
    in_reply_to = models.CharField(_("In-Reply-To"), max_length=MESSAGE_ID_MAX, blank=True)
    references = models.TextField(_("References"), blank=True)
    from_address = models.CharField(_("from"), max_length=254, blank=True, db_index=True,
                                    help_text=_("Lower case."))
    from_name = models.CharField(_("sender name"), max_length=200, blank=True)
    to_addresses = models.TextField(_("to"), blank=True)
    subject = models.CharField(_("subject"), max_length=998, blank=True)
    date = models.DateTimeField(_("date"), null=True, blank=True, help_text=_("The Date header."))
    received_at = models.DateTimeField(_("received"), default=timezone.now)
    source = models.CharField(_("source"), max_length=10, blank=True, help_text=_("push, imap, pipe or admin"))
    incident = models.ForeignKey(Incident, verbose_name=_("incident"), null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="mail_messages")
    request = models.ForeignKey(ServiceRequest, verbose_name=_("request"), null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="mail_messages")
    # The note or comment the message became (inbound) or was sent for (outbound).
    incident_note = models.ForeignKey(IncidentNote, null=True, blank=True, on_delete=models.SET_NULL,
                                      related_name="mail_messages")
    request_comment = models.ForeignKey(RequestComment, null=True, blank=True, on_delete=models.SET_NULL,
                                        related_name="mail_messages")
    # Not enforced by PostgreSQL: deliveries are a partitioned table (docs/operations.md).
    delivery = models.ForeignKey(Delivery, verbose_name=_("delivery"), null=True, blank=True, db_constraint=False,
                                 on_delete=models.SET_NULL, related_name="mail_messages")
    status = models.CharField(_("status"), max_length=10, choices=MessageStatus.choices,
                              default=MessageStatus.PROCESSED)
    result = models.CharField(_("result"), max_length=10, choices=Result.choices, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    raw = models.FileField(_("raw message"), upload_to=raw_path, max_length=300, blank=True)
    size = models.PositiveIntegerField(_("size"), default=0)
    attachment_count = models.PositiveSmallIntegerField(_("attachments"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("email message")
        verbose_name_plural = _("email messages")
        constraints = [
            models.UniqueConstraint(fields=["message_id"], name="%(app_label)s_%(class)s_message_id"),
        ]
        indexes = [
            models.Index(fields=["incident", "created_at"], name="mail_message_incident"),
            models.Index(fields=["request", "created_at"], name="mail_message_request"),
            models.Index(fields=["status", "created_at"], name="mail_message_status",
                         condition=models.Q(status="failed")),
            # A contact's (customer's) inbound mail newest first: crm's 360° timeline.
            models.Index(fields=["from_address", "received_at"], name="mail_message_from",
                         condition=models.Q(direction="in")),
        ]

    def __str__(self) -> str:
        return f"{self.get_direction_display()} {self.message_id}"
