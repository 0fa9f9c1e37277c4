"""Spike rules: a sudden rise in demand for one service (incidents reported, calls taken)
is how most major incidents announce themselves. A rule watches one service over a sliding
window, against an absolute threshold and/or a multiple of the usual rate for the same
weekday and hour over the previous weeks; a spike raises one :class:`SpikeAlert`, which
the on-duty manager declares or dismisses in one click (or the rule declares at once)."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from catalog.models import Service

from ..choices import DemandSource, SpikeAlertStatus


class SpikeRule(models.Model):
    service = models.ForeignKey(Service, verbose_name=_("service"), on_delete=models.CASCADE,
                                related_name="spike_rules")
    window_minutes = models.PositiveIntegerField(_("window (minutes)"), default=15,
                                                 validators=[MinValueValidator(1), MaxValueValidator(24 * 60)])
    threshold = models.PositiveIntegerField(
        _("threshold"), null=True, blank=True, validators=[MinValueValidator(1)],
        help_text=_("A spike is at least this many reports and calls in the window."))
    baseline_multiplier = models.DecimalField(
        _("baseline multiplier"), max_digits=6, decimal_places=2, null=True, blank=True,
        validators=[MinValueValidator(Decimal("1.01"))],
        help_text=_("…and/or at least this many times the usual count for the same weekday and hour."))
    baseline_weeks = models.PositiveSmallIntegerField(_("baseline weeks"), default=4,
                                                      validators=[MinValueValidator(1), MaxValueValidator(12)])
    auto_declare = models.BooleanField(_("declare automatically"), default=False)
    notify = models.ManyToManyField(settings.AUTH_USER_MODEL, verbose_name=_("notify"), blank=True,
                                    related_name="+",
                                    help_text=_("Empty: the manager of the service's owner team."))
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["service__name", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(window_minutes__gte=1), name="%(app_label)s_%(class)s_window"),
            models.CheckConstraint(condition=Q(threshold__isnull=False) | Q(baseline_multiplier__isnull=False),
                                   name="%(app_label)s_%(class)s_has_condition"),
        ]

    def __str__(self) -> str:
        parts = []
        if self.threshold:
            parts.append(f"≥ {self.threshold}")
        if self.baseline_multiplier:
            parts.append(f"≥ {self.baseline_multiplier}× usual")
        return f"{self.service}: {' and '.join(parts)} in {self.window_minutes} min"

    def clean(self):
        if self.threshold is None and self.baseline_multiplier is None:
            raise ValidationError({"threshold": _("Give a threshold, a baseline multiplier or both.")})


class SpikeAlert(models.Model):
    """A proposal to declare a major incident, which the duty manager declares or dismisses
    in one click: raised by a spike rule, or flagged by an agent on an incident
    (``incidents.services.suspected``: no rule, the incident, who flagged it and why)."""

    rule = models.ForeignKey(SpikeRule, null=True, blank=True, on_delete=models.CASCADE, related_name="alerts")
    incident = models.ForeignKey("incidents.Incident", verbose_name=_("flagged incident"), null=True, blank=True,
                                 on_delete=models.CASCADE, related_name="major_flags")
    flagged_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("flagged by"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    reason = models.CharField(_("why it may be major"), max_length=500, blank=True)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="spike_alerts")
    count = models.PositiveIntegerField(_("count in window"))
    baseline = models.DecimalField(_("usual count"), max_digits=10, decimal_places=2, null=True, blank=True)
    window_start = models.DateTimeField(_("window start"))
    window_end = models.DateTimeField(_("window end"))
    status = models.CharField(_("status"), max_length=10, choices=SpikeAlertStatus.choices,
                              default=SpikeAlertStatus.OPEN)
    major_incident = models.ForeignKey("incidents.MajorIncident", null=True, blank=True, on_delete=models.SET_NULL,
                                       related_name="spike_alerts")
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            # One open alert per rule: a spike that lasts many sweeps is one alert.
            models.UniqueConstraint(fields=["rule"], condition=Q(status="open"),
                                    name="%(app_label)s_%(class)s_one_open"),
            # One open flag per incident: a second agent's flag adds nothing.
            models.UniqueConstraint(fields=["incident"], condition=Q(status="open", rule__isnull=True),
                                    name="%(app_label)s_%(class)s_one_open_flag"),
        ]

    def __str__(self) -> str:
        if self.rule_id is None:
            return f"{self.service}: flagged as a suspected major incident"
        return f"{self.service}: {self.count} in {self.rule.window_minutes} min"


class DemandSignal(models.Model):
    """Demand for a service that is not an incident (an inbound call, a monitoring alert),
    recorded by other apps through ``incidents.spikes.demand_record``."""

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="demand_signals")
    source = models.CharField(max_length=12, choices=DemandSource.choices, default=DemandSource.CALL)
    reference = models.CharField(max_length=64, blank=True, help_text=_("e.g. the call's CallSid"))
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at"]
        indexes = [models.Index(fields=["service", "at"], name="demand_service_at")]
        constraints = [
            models.UniqueConstraint(fields=["source", "reference"], condition=~Q(reference=""),
                                    name="%(app_label)s_%(class)s_once"),
        ]

    def __str__(self) -> str:
        return f"{self.source} for {self.service_id} at {self.at:%H:%M}"
