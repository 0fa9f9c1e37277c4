"""The contact center's records: the lines callers dial, the IVR announcements that tell
them a problem is known, and the call log built from Twilio's webhooks alone (every event
stored once, by ``CallSid`` and ``SequenceNumber``)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from catalog.models import Contact, Customer, Service
from incidents.models import MajorIncident
from sla.models import BusinessCalendar

from .choices import CallbackReason, CallbackStatus, CallOutcome


class Line(models.Model):
    """A number callers dial, with its opening hours, greeting and after-hours message."""

    number = models.CharField(_("number (E.164)"), max_length=16, unique=True)
    name = models.CharField(_("name"), max_length=120)
    service = models.ForeignKey(Service, verbose_name=_("service"), null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="lines")
    calendar = models.ForeignKey(BusinessCalendar, verbose_name=_("opening hours"), null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+")
    greeting = models.TextField(_("greeting"), blank=True)
    after_hours_message = models.TextField(_("after-hours message"), blank=True)
    queue_name = models.CharField(_("queue"), max_length=64, default="support")
    csat_survey = models.BooleanField(_("post-call survey"), default=True)
    is_active = models.BooleanField(default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.number})"


class Announcement(models.Model):
    """What callers hear first while it is active: on its lines, and on the lines of its
    services. Declaring a major incident creates one; resolving switches it off."""

    message = models.TextField(_("message"))
    lines = models.ManyToManyField(Line, blank=True, related_name="announcements")
    services = models.ManyToManyField(Service, blank=True, related_name="announcements")
    active = models.BooleanField(_("active"), default=True, db_index=True)
    allow_continue = models.BooleanField(_("caller may press 1 to continue"), default=True)
    major_incident = models.OneToOneField(MajorIncident, null=True, blank=True, on_delete=models.SET_NULL,
                                          related_name="announcement_record")
    created_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords(m2m_fields=[lines, services])

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.message[:60]


class Call(models.Model):
    call_sid = models.CharField(max_length=64, unique=True)
    direction = models.CharField(max_length=20, default="inbound")
    from_number = models.CharField(max_length=32, blank=True)
    to_number = models.CharField(max_length=32, blank=True)
    contact = models.ForeignKey(Contact, null=True, blank=True, on_delete=models.SET_NULL, related_name="calls")
    customer = models.ForeignKey(Customer, null=True, blank=True, on_delete=models.SET_NULL, related_name="calls")
    line = models.ForeignKey(Line, null=True, blank=True, on_delete=models.SET_NULL, related_name="calls")
    status = models.CharField(max_length=20, default="ringing")
    outcome = models.CharField(max_length=12, choices=CallOutcome.choices, blank=True)
    announcement = models.ForeignKey(Announcement, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="calls", help_text=_("the announcement the caller heard"))
    continued = models.BooleanField(default=False, help_text=_("pressed a key to reach an agent"))
    last_sequence = models.IntegerField(default=-1)
    started_at = models.DateTimeField(default=timezone.now, db_index=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    talk_seconds = models.PositiveIntegerField(null=True, blank=True)
    wait_seconds = models.PositiveIntegerField(null=True, blank=True)
    after_hours = models.BooleanField(default=False)
    pin_tries = models.PositiveSmallIntegerField(default=0)
    account_number = models.CharField(max_length=20, blank=True, help_text=_("typed by an unknown caller"))
    csat = models.PositiveSmallIntegerField(null=True, blank=True, help_text=_("post-call rating 1–5"))

    class Meta:
        ordering = ["-started_at", "-id"]
        indexes = [models.Index(fields=["contact", "started_at"], name="call_contact")]

    def __str__(self) -> str:
        return self.call_sid


class CallEvent(models.Model):
    """One status callback, stored once (a replay changes nothing)."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="events")
    sequence = models.IntegerField()
    status = models.CharField(max_length=20)
    at = models.DateTimeField()
    duration = models.PositiveIntegerField(null=True, blank=True)
    received_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["sequence"]
        constraints = [models.UniqueConstraint(fields=["call", "sequence"], name="%(app_label)s_%(class)s_once"),
                       models.CheckConstraint(condition=Q(sequence__gte=0), name="%(app_label)s_%(class)s_seq")]

    def __str__(self) -> str:
        return f"{self.call_id} #{self.sequence} {self.status}"


class Callback(models.Model):
    """Someone to call back: an abandoned or missed call, an after-hours call, a voicemail."""

    call = models.OneToOneField(Call, on_delete=models.CASCADE, related_name="callback")
    contact = models.ForeignKey(Contact, null=True, blank=True, on_delete=models.SET_NULL, related_name="callbacks")
    number = models.CharField(max_length=32, blank=True)
    reason = models.CharField(max_length=12, choices=CallbackReason.choices)
    recording_url = models.URLField(max_length=500, blank=True)
    recording_seconds = models.PositiveIntegerField(null=True, blank=True)
    agent = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="callbacks")
    status = models.CharField(max_length=8, choices=CallbackStatus.choices, default=CallbackStatus.OPEN,
                              db_index=True)
    created_at = models.DateTimeField(default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"call back {self.number or self.contact_id}"
