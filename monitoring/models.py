"""The monitoring channel's records (docs/monitoring.md).

An :class:`AlertSource` is one monitoring system that posts alerts to
``alert-sources/<id>/events/`` with its own bearer token (only the token's SHA-256 is kept:
the token itself is shown once, when the source is made or its token rotated). Its
:class:`AlertRule` rows, tried in order, say which service, CI, impact and urgency an alert
belongs to by its labels.

An :class:`Alert` is one episode of one alert: from the first ``firing`` of a fingerprint to
its ``resolved``. One firing row per source and fingerprint is the deduplication (the
partial unique constraint ``one_open``; on PostgreSQL, where alerts are partitioned by month,
the key table ``monitoring_alert_key1`` that triggers keep, since a partitioned table's unique
keys must hold the partition key: docs/operations.md): a repeat updates the open row, and two posts of the same
new alert at the same moment cannot both insert one (the second insert waits for the first
and fails), so one alert opens one incident however many copies arrive. A fingerprint that
fires again after its resolution starts a new episode (a new row) that names the earlier one
in ``previous``.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from catalog.models import ConfigurationItem, Service
from changes.models import Change
from incidents.choices import Level
from incidents.models import Incident

from .choices import AlertStatus, SourceKind

#: Longest fingerprint kept (Alertmanager's are 16 hexadecimal digits).
FINGERPRINT_MAX = 128


class AlertSource(models.Model):
    name = models.CharField(_("name"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=SourceKind.choices, default=SourceKind.ALERTMANAGER,
                            help_text=_("The body shape this source posts."))
    # SHA-256 (hex) of the bearer token; the token itself is never stored.
    token_hash = models.CharField(max_length=64, editable=False)
    token_prefix = models.CharField(_("token starts with"), max_length=8, editable=False, blank=True,
                                    help_text=_("The first characters of the token, to tell tokens apart."))
    token_rotated_at = models.DateTimeField(_("token made"), null=True, blank=True, editable=False)
    default_service = models.ForeignKey(Service, verbose_name=_("default service"), null=True, blank=True,
                                        on_delete=models.SET_NULL, related_name="alert_sources",
                                        help_text=_("The service of alerts no rule matches."))
    auto_resolve = models.BooleanField(_("resolve automatically"), default=True,
                                       help_text=_("Resolve the incident (code: fixed) when its alerts are resolved."))
    reopen_minutes = models.PositiveIntegerField(
        _("reopen window (minutes)"), default=24 * 60, validators=[MaxValueValidator(60 * 24 * 30)],
        help_text=_("An alert firing again within this time of its incident's resolution reopens the incident; "
                    "later it opens a new one that names the old."))
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["token_hash"])

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("alert source")
        verbose_name_plural = _("alert sources")

    def __str__(self) -> str:
        return self.name


class AlertRule(models.Model):
    """Alerts whose labels hold every ``match`` pair (exact values) belong to this rule's
    service and CI, with its impact and urgency; the first matching rule (by ``order``) wins."""

    source = models.ForeignKey(AlertSource, on_delete=models.CASCADE, related_name="rules")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    match = models.JSONField(_("match"), default=dict, blank=True,
                             help_text=_('Labels and their exact values, e.g. {"job": "payments"}; empty matches every '
                                         'alert.'))
    service = models.ForeignKey(Service, verbose_name=_("service"), null=True, blank=True, on_delete=models.PROTECT,
                                related_name="+")
    ci = models.ForeignKey(ConfigurationItem, verbose_name=_("configuration item"), null=True, blank=True,
                           on_delete=models.PROTECT, related_name="+")
    impact = models.PositiveSmallIntegerField(_("impact"), choices=Level.choices, null=True, blank=True,
                                              help_text=_("Empty: 2 – Medium."))
    urgency = models.PositiveSmallIntegerField(_("urgency"), choices=Level.choices, null=True, blank=True,
                                               help_text=_("Empty: from the alert's severity."))
    history = HistoricalRecords()

    class Meta:
        ordering = ["source", "order", "id"]
        verbose_name = _("alert rule")
        verbose_name_plural = _("alert rules")

    def __str__(self) -> str:
        pairs = ", ".join(f"{key}={value}" for key, value in sorted((self.match or {}).items()))
        return f"{{{pairs}}} → {self.service or self.ci or '—'}"

    def clean(self):
        errors = {}
        if not isinstance(self.match, dict) or not all(
                isinstance(key, str) and isinstance(value, str) for key, value in self.match.items()):
            errors["match"] = [_('Give labels and values as text, e.g. {"job": "payments"}.')]
        if self.ci_id and self.service_id and self.ci.service_id and self.ci.service_id != self.service_id:
            errors["ci"] = [_("%(ci)s belongs to another service.") % {"ci": self.ci}]
        if errors:
            raise ValidationError(errors)

    def matches(self, labels: dict) -> bool:
        return all(labels.get(key) == value for key, value in (self.match or {}).items())


class Alert(models.Model):
    source = models.ForeignKey(AlertSource, verbose_name=_("source"), on_delete=models.PROTECT,
                               related_name="alerts")
    fingerprint = models.CharField(_("fingerprint"), max_length=FINGERPRINT_MAX)
    status = models.CharField(_("status"), max_length=10, choices=AlertStatus.choices, default=AlertStatus.FIRING)
    labels = models.JSONField(_("labels"), default=dict, blank=True)
    annotations = models.JSONField(_("annotations"), default=dict, blank=True)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    severity = models.CharField(_("severity"), max_length=32, blank=True)
    generator_url = models.URLField(_("link"), max_length=2000, blank=True)
    service = models.ForeignKey(Service, verbose_name=_("service"), null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="alerts")
    ci = models.ForeignKey(ConfigurationItem, verbose_name=_("configuration item"), null=True, blank=True,
                           on_delete=models.SET_NULL, related_name="alerts")
    impact = models.PositiveSmallIntegerField(_("impact"), choices=Level.choices, default=Level.MEDIUM,
                                              validators=[MinValueValidator(1), MaxValueValidator(3)])
    urgency = models.PositiveSmallIntegerField(_("urgency"), choices=Level.choices, default=Level.MEDIUM,
                                               validators=[MinValueValidator(1), MaxValueValidator(3)])
    starts_at = models.DateTimeField(_("starts"), null=True, blank=True)
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    received_count = models.PositiveIntegerField(_("received"), default=1)
    first_received_at = models.DateTimeField(_("first received"), default=timezone.now)
    last_received_at = models.DateTimeField(_("last received"), default=timezone.now)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    incident = models.ForeignKey(Incident, verbose_name=_("incident"), null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="alerts")
    # True when the alert joined an incident it did not open (a storm's incident, a major
    # incident's master): it then adds no notes there and never resolves it on its own.
    grouped = models.BooleanField(_("grouped"), default=False)
    suppressed_by_change = models.ForeignKey(Change, verbose_name=_("suppressed by change"), null=True, blank=True,
                                             on_delete=models.SET_NULL, related_name="suppressed_alerts")
    # Not enforced by the database: alerts are partitioned by month on PostgreSQL
    # (docs/operations.md, "Partitioned tables and retention").
    previous = models.ForeignKey("self", verbose_name=_("previous episode"), null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+", db_constraint=False)

    class Meta:
        ordering = ["-last_received_at", "-id"]
        verbose_name = _("alert")
        verbose_name_plural = _("alerts")
        constraints = [
            # One open alert per source and fingerprint: the deduplication (see the module).
            models.UniqueConstraint(fields=["source", "fingerprint"], condition=Q(status="firing"),
                                    name="%(app_label)s_%(class)s_one_open"),
            models.CheckConstraint(condition=Q(received_count__gte=1), name="%(app_label)s_%(class)s_received"),
        ]
        indexes = [
            models.Index(fields=["source", "fingerprint", "id"], name="alert_episodes"),
            models.Index(fields=["service", "first_received_at"], name="alert_service_first"),
            models.Index(fields=["-last_received_at", "-id"], name="alert_log"),
            models.Index(fields=["suppressed_by_change"], name="alert_held",
                         condition=Q(status="firing", incident__isnull=True, suppressed_by_change__isnull=False)),
        ]

    def __str__(self) -> str:
        return f"{self.title} [{self.fingerprint}]"

    @property
    def is_suppressed(self) -> bool:
        """Held back by a change window: firing, logged, and no incident (yet)."""
        return self.suppressed_by_change_id is not None and self.incident_id is None

    @property
    def safe_generator_url(self) -> str:
        """The link for a page: only http(s), never ``javascript:`` or the like."""
        url = self.generator_url or ""
        return url if url.lower().startswith(("http://", "https://")) else ""
