"""Problem management: incidents restore service, problems remove the cause.

A :class:`Problem` (``PRB000045``) is identified from a major incident, from incident trends
(a :class:`ProblemCandidate` proposed by the trend sweep) or by hand from one or more
incidents; it is investigated (root cause, contributing factors, five whys), becomes a
known error when the cause is known but not yet removed, and is resolved and closed
(``new → investigating → known_error → resolved → closed``). A :class:`KnownError` carries
the symptom and the workaround that agents apply to matching incidents; each application
is recorded (:class:`WorkaroundApplication`) and counted.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransitionMixin, FSMField, transition
from simple_history.models import HistoricalRecords

from catalog.models import ConfigurationItem, Service, Team
from core.roles import is_staff_member
from incidents.choices import Level
from incidents.models import Incident, MajorIncident
from sla.choices import TicketKind
from sla.protocol import SLAFacts

from .choices import CandidateStatus, KnownErrorStatus, ProblemStatus


def _staff(instance, user) -> bool:
    return is_staff_member(user)


class Problem(ConcurrentTransitionMixin, models.Model):
    number = models.CharField(_("number"), max_length=16, unique=True, null=True, editable=False)  # noqa: DJ001
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    status = FSMField(_("status"), max_length=20, choices=ProblemStatus.choices, default=ProblemStatus.NEW,
                      protected=True)
    impact = models.PositiveSmallIntegerField(_("impact"), choices=Level.choices, default=Level.MEDIUM)
    urgency = models.PositiveSmallIntegerField(_("urgency"), choices=Level.choices, default=Level.MEDIUM)
    priority = models.PositiveSmallIntegerField(_("priority"), default=3,
                                                validators=[MinValueValidator(1), MaxValueValidator(5)])
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("owner"), null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="owned_problems")
    team = models.ForeignKey(Team, verbose_name=_("team"), null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="problems")
    services = models.ManyToManyField(Service, verbose_name=_("services"), blank=True, related_name="problems")
    cis = models.ManyToManyField(ConfigurationItem, verbose_name=_("configuration items"), blank=True,
                                 related_name="problems")
    incidents = models.ManyToManyField(Incident, verbose_name=_("incidents"), blank=True, related_name="problems")
    major_incident = models.ForeignKey(MajorIncident, verbose_name=_("from major incident"), null=True, blank=True,
                                       on_delete=models.SET_NULL, related_name="problems")
    # Root-cause analysis
    root_cause = models.TextField(_("root cause"), blank=True)
    contributing_factors = models.TextField(_("contributing factors"), blank=True)
    five_whys = models.JSONField(_("five whys"), default=list, blank=True,
                                 help_text=_("The chain of whys, one answer each, from the symptom to the cause."))
    workaround = models.TextField(_("workaround"), blank=True)
    resolution = models.TextField(_("resolution"), blank=True)
    # Set when incidents of the same signature come back after the resolution.
    needs_review = models.BooleanField(_("fix did not hold"), default=False)
    review_reason = models.CharField(_("why review"), max_length=300, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(_("created"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    known_error_at = models.DateTimeField(_("known error since"), null=True, blank=True)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    root_cause_at = models.DateTimeField(_("root cause found"), null=True, blank=True)
    sla_timers = GenericRelation("sla.SLATimer")
    history = HistoricalRecords(m2m_fields=[incidents, services, cis])

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "priority", "created_at"], name="problem_queue"),
                   models.Index(fields=["status", "resolved_at"], name="problem_resolved",
                                condition=Q(status__in=["resolved", "closed"]))]

    def __str__(self) -> str:
        return f"{self.number or 'PRB?'} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("problems:detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status in (ProblemStatus.NEW, ProblemStatus.INVESTIGATING, ProblemStatus.KNOWN_ERROR)

    # --- SLA protocol: ``response`` is the root-cause target, ``resolution`` the fix -------
    def sla_facts(self) -> SLAFacts:
        # The policy may name a service: the problem's first (lowest id) affected service.
        service_id = min((s.pk for s in self.services.all()), default=None) if self.pk else None
        return SLAFacts(kind=TicketKind.PROBLEM, status=self.status, priority=self.priority, service_id=service_id,
                        team_id=self.team_id, assignee_id=self.owner_id)

    def sla_label(self) -> str:
        return f"{self.number} {self.title}"

    def has_root_cause(self) -> bool:
        return bool(self.root_cause.strip())

    def has_workaround(self) -> bool:
        return bool(self.workaround.strip())

    # --- lifecycle: the guards -----------------------------------------------------------
    @transition(field=status, source=ProblemStatus.NEW, target=ProblemStatus.INVESTIGATING, permission=_staff)
    def investigate(self):
        """Someone owns the analysis now."""

    @transition(field=status, source=[ProblemStatus.NEW, ProblemStatus.INVESTIGATING], target=ProblemStatus.KNOWN_ERROR,
                conditions=[has_root_cause, has_workaround], permission=_staff)
    def mark_known_error(self):
        """The cause is known and there is a workaround, but the cause is not removed yet."""

    @transition(field=status, source=[ProblemStatus.INVESTIGATING, ProblemStatus.KNOWN_ERROR],
                target=ProblemStatus.RESOLVED, conditions=[has_root_cause], permission=_staff)
    def resolve(self):
        """The cause is removed (usually by a change)."""

    @transition(field=status, source=ProblemStatus.RESOLVED, target=ProblemStatus.CLOSED, permission=_staff)
    def close(self):
        """The fix held: nothing came back."""


class KnownError(models.Model):
    """A known error: the symptom agents recognise, its root cause and the workaround."""

    number = models.CharField(_("number"), max_length=16, unique=True, null=True, editable=False)  # noqa: DJ001
    title = models.CharField(_("title"), max_length=200)
    symptom = models.TextField(_("symptom"), help_text=_("What the user sees, in their words."))
    root_cause = models.TextField(_("root cause"), blank=True)
    workaround = models.TextField(_("workaround"))
    status = models.CharField(_("status"), max_length=10, choices=KnownErrorStatus.choices,
                              default=KnownErrorStatus.DRAFT)
    problem = models.OneToOneField(Problem, verbose_name=_("problem"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="known_error")
    services = models.ManyToManyField(Service, verbose_name=_("affected services"), blank=True,
                                      related_name="known_errors")
    cis = models.ManyToManyField(ConfigurationItem, verbose_name=_("affected configuration items"), blank=True,
                                 related_name="known_errors")
    applied_count = models.PositiveIntegerField(_("times applied"), default=0)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(m2m_fields=[services, cis])

    class Meta:
        ordering = ["-applied_count", "title"]
        indexes = [models.Index(fields=["status"], name="known_error_status")]

    def __str__(self) -> str:
        return f"{self.number or 'KE?'} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("problems:known-error", args=[self.pk])


class WorkaroundApplication(models.Model):
    """A known error's workaround applied to an incident (once per incident)."""

    known_error = models.ForeignKey(KnownError, on_delete=models.CASCADE, related_name="applications")
    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="workarounds")
    applied_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    applied_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-applied_at"]
        constraints = [models.UniqueConstraint(fields=["known_error", "incident"],
                                               name="%(app_label)s_%(class)s_once")]

    def __str__(self) -> str:
        return f"{self.known_error} on {self.incident_id}"


class ProblemCandidate(models.Model):
    """A cluster of recurring incidents the trend sweep proposes as a problem: one proposal
    per cluster (service and configuration item), refreshed by later sweeps."""

    service = models.ForeignKey(Service, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    ci = models.ForeignKey(ConfigurationItem, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    signature = models.CharField(max_length=64, help_text=_('e.g. "service:3|ci:12"'))
    incident_count = models.PositiveIntegerField(_("incidents"))
    first_seen = models.DateTimeField()
    last_seen = models.DateTimeField()
    incidents = models.ManyToManyField(Incident, blank=True, related_name="+")
    status = models.CharField(max_length=10, choices=CandidateStatus.choices, default=CandidateStatus.PROPOSED)
    problem = models.ForeignKey(Problem, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-incident_count", "-last_seen"]
        constraints = [models.UniqueConstraint(fields=["signature"], condition=Q(status="proposed"),
                                               name="%(app_label)s_%(class)s_one_proposal")]

    def __str__(self) -> str:
        return f"{self.incident_count} incidents on {self.ci or self.service}"
