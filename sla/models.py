"""Service levels: business calendars, SLA policies with escalation rules, SLA timers
(one per ticket and metric), the timers' event log, and service outages.

A timer measures *business time consumed* against a target. While it runs it consumes
business time of its calendar; while paused it consumes nothing. ``consumed`` holds what
was consumed up to ``last_resumed_at``; ``due_at`` and each pending escalation's
``fire_at`` are computed from the calendar when the timer starts, resumes or is
re-targeted — never on read — so the sweep is one indexed query for what is due.

Every change to a timer is also an :class:`SLAEvent` (start, pause, resume, stop, policy
change, calendar change, breach): :func:`sla.services.timer_replay` rebuilds a timer's state
from its events alone.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransitionMixin, FSMField, transition
from simple_history.models import HistoricalRecords

from catalog.choices import CustomerTier
from catalog.models import Service, Team
from notifications.models import StakeholderGroup

from .calendar import CalendarSpec, fmt_minute
from .choices import EscalationTarget, EventKind, Metric, TicketKind, TimerStatus
from .protocol import ticket_statuses

CHANNEL_CHOICES = [("phone", _("Phone")), ("email", _("Email")), ("portal", _("Portal")),
                   ("monitoring", _("Monitoring")), ("chat", _("Chat"))]


class BusinessCalendar(models.Model):
    """Working hours in a timezone, with holidays. No working hours means 24×7."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    timezone = models.CharField(_("timezone"), max_length=64, default="UTC")
    description = models.TextField(_("description"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def spec(self) -> CalendarSpec:
        """The calendar as a pure :class:`CalendarSpec` (uses prefetched hours/holidays)."""
        return CalendarSpec.build(
            self.timezone,
            [(h.weekday, h.start_minute, h.end_minute) for h in self.hours.all()],
            [h.date for h in self.holidays.all()],
        )


class WorkingHours(models.Model):
    """One working interval on a weekday, in minutes from local midnight (end 1440 = 24:00)."""

    calendar = models.ForeignKey(BusinessCalendar, on_delete=models.CASCADE, related_name="hours")
    weekday = models.PositiveSmallIntegerField(_("weekday"), validators=[MaxValueValidator(6)],
                                               help_text=_("0 = Monday … 6 = Sunday"))
    start_minute = models.PositiveSmallIntegerField(validators=[MaxValueValidator(1439)])
    end_minute = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(1440)])
    history = HistoricalRecords()

    class Meta:
        ordering = ["calendar_id", "weekday", "start_minute"]
        verbose_name_plural = _("working hours")
        constraints = [
            models.CheckConstraint(condition=Q(start_minute__lt=models.F("end_minute")),
                                   name="%(app_label)s_%(class)s_forward"),
        ]

    def __str__(self) -> str:
        return f"{self.weekday}: {fmt_minute(self.start_minute)}–{fmt_minute(self.end_minute)}"


class Holiday(models.Model):
    calendar = models.ForeignKey(BusinessCalendar, on_delete=models.CASCADE, related_name="holidays")
    date = models.DateField(_("date"))
    name = models.CharField(_("name"), max_length=120, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["calendar_id", "date"]
        constraints = [models.UniqueConstraint(fields=["calendar", "date"], name="%(app_label)s_%(class)s_unique")]

    def __str__(self) -> str:
        return f"{self.date} {self.name}".strip()


class SLAPolicy(models.Model):
    """Targets for tickets that match it. Empty match fields match anything; the most
    specific matching policy wins (see :func:`sla.selectors.policy_for`)."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    applies_to = models.CharField(_("applies to"), max_length=20, choices=TicketKind.choices,
                                  default=TicketKind.INCIDENT)
    priority = models.PositiveSmallIntegerField(_("priority"), null=True, blank=True,
                                                validators=[MinValueValidator(1), MaxValueValidator(5)])
    # NULL means "any", as in every other match field (the API speaks null, not "").
    customer_tier = models.CharField(_("customer tier"), max_length=10, choices=CustomerTier.choices,  # noqa: DJ001
                                     null=True, blank=True)
    channel = models.CharField(_("channel"), max_length=20, choices=CHANNEL_CHOICES,  # noqa: DJ001
                               null=True, blank=True)
    service = models.ForeignKey(Service, verbose_name=_("service"), null=True, blank=True,
                                on_delete=models.PROTECT, related_name="sla_policies")
    calendar = models.ForeignKey(BusinessCalendar, verbose_name=_("calendar"), on_delete=models.PROTECT,
                                 related_name="policies")
    response_minutes = models.PositiveIntegerField(_("response target (business minutes)"), null=True,
                                                   blank=True, validators=[MinValueValidator(1)])
    resolution_minutes = models.PositiveIntegerField(_("resolution target (business minutes)"), null=True,
                                                     blank=True, validators=[MinValueValidator(1)])
    pause_on = models.JSONField(_("statuses that pause the clock"), default=list, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["applies_to", "name"]
        verbose_name = _("SLA policy")
        verbose_name_plural = _("SLA policies")

    def __str__(self) -> str:
        return self.name

    def clean(self):
        """The clock pauses only on statuses that tickets of its kind can have."""
        super().clean()
        pause_on = self.pause_on if self.pause_on is not None else []
        if not isinstance(pause_on, list) or not all(isinstance(status, str) for status in pause_on):
            raise ValidationError({"pause_on": [_("Give a list of status names.")]})
        if self.applies_to not in TicketKind.values:
            return  # refused by the field's own choices
        known = ticket_statuses(self.applies_to)
        unknown = [status for status in dict.fromkeys(pause_on) if status not in known]
        if unknown:
            raise ValidationError({"pause_on": [
                _("Not a status of %(kind)s: %(unknown)s. The statuses are: %(known)s.") % {
                    "kind": TicketKind(self.applies_to).label, "unknown": ", ".join(unknown),
                    "known": ", ".join(known) or "—"}]})

    @property
    def specificity(self) -> int:
        return sum(v is not None for v in (self.priority, self.customer_tier, self.channel, self.service_id))

    def target(self, metric: str) -> timedelta | None:
        minutes = self.response_minutes if metric == Metric.RESPONSE else self.resolution_minutes
        return timedelta(minutes=minutes) if minutes else None


class EscalationRule(models.Model):
    """At ``at_percent`` of a metric's target, tell someone on some channels."""

    policy = models.ForeignKey(SLAPolicy, on_delete=models.CASCADE, related_name="escalations")
    metric = models.CharField(_("metric"), max_length=20, choices=Metric.choices)
    # xgettext:no-python-format
    at_percent = models.PositiveSmallIntegerField(_("at % of target"),
                                                  validators=[MinValueValidator(1), MaxValueValidator(1000)])
    notify = models.CharField(_("notify"), max_length=20, choices=EscalationTarget.choices)
    group = models.ForeignKey(StakeholderGroup, null=True, blank=True, on_delete=models.PROTECT,
                              related_name="sla_escalations")
    channels = models.JSONField(_("channels"), default=list)
    history = HistoricalRecords()

    class Meta:
        ordering = ["policy_id", "metric", "at_percent", "id"]

    def __str__(self) -> str:
        return f"{self.metric} {self.at_percent}% → {self.notify}"


class SLATimer(ConcurrentTransitionMixin, models.Model):
    """One metric's clock for one ticket (any model: a generic relation)."""

    # (content_type, object_id, metric) is unique: that index serves every ticket lookup.
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, db_index=False)
    object_id = models.PositiveBigIntegerField()
    ticket = GenericForeignKey("content_type", "object_id")
    metric = models.CharField(max_length=20, choices=Metric.choices)
    policy = models.ForeignKey(SLAPolicy, on_delete=models.PROTECT, related_name="timers")
    calendar = models.ForeignKey(BusinessCalendar, on_delete=models.PROTECT, related_name="timers")
    status = FSMField(max_length=10, choices=TimerStatus.choices, default=TimerStatus.RUNNING, protected=True)
    target = models.DurationField(help_text=_("business time allowed"))
    consumed = models.DurationField(default=timedelta(0),
                                    help_text=_("business time consumed up to last_resumed_at"))
    started_at = models.DateTimeField()
    last_resumed_at = models.DateTimeField(null=True, blank=True, help_text=_("null while paused or stopped"))
    paused_at = models.DateTimeField(null=True, blank=True)
    due_at = models.DateTimeField(null=True, blank=True, help_text=_("when the target is reached; null while paused"))
    next_escalation_at = models.DateTimeField(null=True, blank=True)
    met_at = models.DateTimeField(null=True, blank=True)
    breached_at = models.DateTimeField(null=True, blank=True)
    # What the ticket looked like, for reports by team, priority, tier and service.
    kind = models.CharField(max_length=20, choices=TicketKind.choices)
    priority = models.PositiveSmallIntegerField(null=True, blank=True)
    customer_tier = models.CharField(max_length=10, blank=True)
    team = models.ForeignKey(Team, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    service = models.ForeignKey(Service, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["due_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id", "metric"],
                                    name="%(app_label)s_%(class)s_one_per_metric"),
        ]
        indexes = [
            models.Index(fields=["due_at"], name="sla_timer_running_due", condition=Q(status="running")),
            models.Index(fields=["status", "breached_at"], name="sla_timer_outcome"),
            # "An SLA target is missed" (the queue's breached tab, ``?breached=true``): the
            # tickets with a breached timer not met since, read from this small index alone.
            models.Index(fields=["content_type", "object_id"], name="sla_timer_breached_open",
                         condition=Q(status="breached", met_at__isnull=True)),
        ]

    def __str__(self) -> str:
        return f"{self.get_metric_display()} timer {self.pk} ({self.status})"

    # --- transitions: the guards; services do the arithmetic and the event log -----------
    @transition(field=status, source=TimerStatus.RUNNING, target=TimerStatus.PAUSED)
    def pause(self):
        pass

    @transition(field=status, source=TimerStatus.PAUSED, target=TimerStatus.RUNNING)
    def resume(self):
        pass

    @transition(field=status, source=[TimerStatus.RUNNING, TimerStatus.PAUSED], target=TimerStatus.MET)
    def meet(self):
        pass

    @transition(field=status, source=TimerStatus.RUNNING, target=TimerStatus.BREACHED)
    def breach(self):
        pass

    @transition(field=status, source=TimerStatus.BREACHED, target=TimerStatus.BREACHED,
                conditions=[lambda timer: timer.met_at is None])
    def record_late_met(self):
        """A breached timer still records when it was met."""

    @transition(field=status, source=TimerStatus.MET, target=TimerStatus.RUNNING)
    def reopen(self):
        """The ticket was reopened: the clock goes on from the time already consumed."""

    @transition(field=status, source=TimerStatus.BREACHED, target=TimerStatus.BREACHED,
                conditions=[lambda timer: timer.met_at is not None])
    def reopen_breached(self):
        """A breached timer that was met is open again (and keeps escalating)."""

    @property
    def is_open(self) -> bool:
        return self.status in (TimerStatus.RUNNING, TimerStatus.PAUSED) or (
            self.status == TimerStatus.BREACHED and self.met_at is None)


class SLAEscalation(models.Model):
    """One escalation level of one timer: scheduled (``fire_at``), fired once (``fired_at``)."""

    timer = models.ForeignKey(SLATimer, on_delete=models.CASCADE, related_name="escalations")
    rule = models.ForeignKey(EscalationRule, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    at_percent = models.PositiveSmallIntegerField()
    notify = models.CharField(max_length=20, choices=EscalationTarget.choices)
    group = models.ForeignKey(StakeholderGroup, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    channels = models.JSONField(default=list)
    fire_at = models.DateTimeField(null=True, blank=True, help_text=_("null while the timer is paused"))
    fired_at = models.DateTimeField(null=True, blank=True)
    notified_at = models.DateTimeField(null=True, blank=True,
                                       help_text=_("when its notifications were queued for delivery"))

    class Meta:
        ordering = ["timer_id", "at_percent", "id"]
        indexes = [
            models.Index(fields=["fire_at"], name="sla_escalation_pending",
                         condition=Q(fired_at__isnull=True, fire_at__isnull=False)),
            # Fired but not yet handed to notify(): a lost task is found and queued again.
            models.Index(fields=["fired_at"], name="sla_escalation_unnotified",
                         condition=Q(fired_at__isnull=False, notified_at__isnull=True)),
        ]

    def __str__(self) -> str:
        return f"{self.at_percent}% of timer {self.timer_id}"


class SLAEvent(models.Model):
    """The timer's clock, as an append-only log."""

    timer = models.ForeignKey(SLATimer, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20, choices=EventKind.choices)
    at = models.DateTimeField()
    data = models.JSONField(default=dict, blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["timer_id", "at", "id"]

    def __str__(self) -> str:
        return f"{self.kind} at {self.at:%Y-%m-%d %H:%M}"


class ServiceOutage(models.Model):
    """A period a service was down (recorded by hand or by a major incident)."""

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="outages")
    started_at = models.DateTimeField(_("started at"))
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True, help_text=_("empty while ongoing"))
    description = models.TextField(_("description"), blank=True)
    source = models.CharField(_("recorded by"), max_length=120, blank=True,
                              help_text=_('e.g. "incidents.majorincident:7"'))
    history = HistoricalRecords()

    class Meta:
        ordering = ["-started_at"]
        constraints = [
            models.CheckConstraint(condition=Q(ended_at__isnull=True) | Q(ended_at__gt=models.F("started_at")),
                                   name="%(app_label)s_%(class)s_forward"),
        ]

    def __str__(self) -> str:
        return f"{self.service} down from {self.started_at:%Y-%m-%d %H:%M}"
