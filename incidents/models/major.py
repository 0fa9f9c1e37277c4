"""Major incidents: an outage that hurts many people at once, run by a major-incident team
(``declared → mobilised → contained → resolved → reviewed → closed``) with a conference
bridge, a war room, team tasks, stakeholder updates in the ALERT shape (what is Affected,
where (Location), Event planned or unplanned, expected Resolution time, whom to Talk to), an
IVR announcement for the phone line, and a postmortem before it may be reviewed.

The source incident becomes the master: later reports are linked to it as children and
are resolved with it.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransitionMixin, FSMField, transition
from simple_history.models import HistoricalRecords

from catalog.models import Service
from core.roles import Role, has_role

from ..choices import (
    ACTIVE_MAJOR_STATUSES,
    Audience,
    MajorIncidentStatus,
    ServiceImpact,
    TaskStatus,
    TeamRole,
    TimelineKind,
    UpdateEvent,
)
from .incident import Incident


def _runs_it(instance, user) -> bool:
    """Managers and administrators, and the incident manager named on this major incident."""
    if user is None:
        return True
    return has_role(user, Role.MANAGER, Role.ADMIN) or instance.manager_id == user.pk


class MajorIncident(ConcurrentTransitionMixin, models.Model):
    incident = models.OneToOneField(Incident, verbose_name=_("master incident"), on_delete=models.PROTECT,
                                    related_name="major")
    status = FSMField(_("status"), max_length=20, choices=MajorIncidentStatus.choices,
                      default=MajorIncidentStatus.DECLARED, protected=True)
    summary = models.CharField(_("summary"), max_length=300)
    impact = models.CharField(_("service impact"), max_length=20, choices=ServiceImpact.choices,
                              default=ServiceImpact.MAJOR_OUTAGE)
    services = models.ManyToManyField(Service, verbose_name=_("affected services"), related_name="major_incidents",
                                      blank=True)
    manager = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("incident manager"), null=True,
                                on_delete=models.SET_NULL, related_name="managed_major_incidents")
    declared_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    # When people started to be hurt (the first report, or the spike's window), when the
    # desk declared it, and the milestones after.
    started_at = models.DateTimeField(_("impact started"))
    declared_at = models.DateTimeField(_("declared"), default=timezone.now, db_index=True)
    mobilised_at = models.DateTimeField(_("mobilised"), null=True, blank=True)
    contained_at = models.DateTimeField(_("contained"), null=True, blank=True)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    resolution = models.TextField(_("resolution"), blank=True)
    bridge_number = models.CharField(_("bridge dial-in"), max_length=32, blank=True)
    # Unique among major incidents that are not closed (a constraint below): the contact
    # center joins a caller who types it to this bridge.
    bridge_pin = models.CharField(_("bridge PIN"), max_length=8)
    announcement = models.TextField(
        _("IVR announcement"), blank=True,
        help_text=_("What callers on the affected services hear before the menu while this is active."))
    last_update_at = models.DateTimeField(_("last stakeholder update"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-declared_at", "-id"]
        permissions = [("declare_majorincident", "Can declare a major incident")]
        indexes = [models.Index(fields=["status", "declared_at"], name="major_incident_status")]
        constraints = [
            models.UniqueConstraint(fields=["bridge_pin"], condition=~Q(status="closed"),
                                    name="%(app_label)s_%(class)s_live_bridge_pin"),
        ]

    def __str__(self) -> str:
        return f"MI {self.incident.number}: {self.summary}" if self.incident_id else self.summary

    def get_absolute_url(self) -> str:
        return reverse("major:detail", args=[self.pk])

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_MAJOR_STATUSES

    def postmortem_complete(self) -> bool:
        return Postmortem.objects.filter(major_incident=self, complete=True).exists()

    # --- lifecycle: the guards -----------------------------------------------------------
    @transition(field=status, source=MajorIncidentStatus.DECLARED, target=MajorIncidentStatus.MOBILISED,
                permission=_runs_it)
    def mobilise(self):
        """The team is on the bridge and working."""

    @transition(field=status, source=[MajorIncidentStatus.DECLARED, MajorIncidentStatus.MOBILISED],
                target=MajorIncidentStatus.CONTAINED, permission=_runs_it)
    def contain(self):
        """The damage is stopped (workaround in place); the cause may still be there."""

    @transition(field=status, source=ACTIVE_MAJOR_STATUSES, target=MajorIncidentStatus.RESOLVED, permission=_runs_it)
    def resolve(self):
        """Service restored: the master incident and its children resolve with it."""

    @transition(field=status, source=MajorIncidentStatus.RESOLVED, target=MajorIncidentStatus.REVIEWED,
                conditions=[postmortem_complete], permission=_runs_it)
    def review(self):
        """The postmortem is complete and agreed."""

    @transition(field=status, source=MajorIncidentStatus.REVIEWED, target=MajorIncidentStatus.CLOSED,
                permission=_runs_it)
    def close(self):
        pass


class MajorIncidentMember(models.Model):
    """Someone on the major-incident team, in one role."""

    major_incident = models.ForeignKey(MajorIncident, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="major_incident_roles")
    role = models.CharField(_("role"), max_length=24, choices=TeamRole.choices, default=TeamRole.MEMBER)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+")
    added_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["added_at", "id"]
        constraints = [models.UniqueConstraint(fields=["major_incident", "user"],
                                               name="%(app_label)s_%(class)s_once")]

    def __str__(self) -> str:
        return f"{self.user} as {self.get_role_display()}"


class MajorIncidentTask(ConcurrentTransitionMixin, models.Model):
    """A piece of the team's work with one owner, so nothing is done twice or forgotten:
    open → in progress → done, or cancelled while still to do."""

    major_incident = models.ForeignKey(MajorIncident, on_delete=models.CASCADE, related_name="tasks")
    title = models.CharField(_("title"), max_length=200)
    assignee = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("assignee"), null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="major_incident_tasks")
    due_at = models.DateTimeField(_("due"), null=True, blank=True)
    status = FSMField(_("status"), max_length=12, choices=TaskStatus.choices, default=TaskStatus.OPEN,
                      protected=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            # The same piece of work is not on the board twice while it is still to do.
            models.UniqueConstraint(models.functions.Lower("title"), "major_incident",
                                    condition=Q(status__in=["open", "in_progress"]),
                                    name="%(app_label)s_%(class)s_open_title"),
        ]

    def __str__(self) -> str:
        return self.title

    @transition(field=status, source=TaskStatus.OPEN, target=TaskStatus.IN_PROGRESS)
    def start(self):
        """Someone took the task (its assignee, or whoever started it)."""

    @transition(field=status, source=[TaskStatus.OPEN, TaskStatus.IN_PROGRESS], target=TaskStatus.DONE)
    def complete(self):
        pass

    @transition(field=status, source=[TaskStatus.OPEN, TaskStatus.IN_PROGRESS], target=TaskStatus.CANCELLED)
    def cancel(self):
        """No longer needed; the title may be used by a new task."""


class StakeholderUpdate(models.Model):
    """A communication to one or more audiences, in the ALERT shape. Updates to the
    ``public`` audience appear on the status page and go to its subscribers."""

    major_incident = models.ForeignKey(MajorIncident, on_delete=models.CASCADE, related_name="updates")
    audiences = models.JSONField(_("audiences"), default=list)
    status = models.CharField(_("status when sent"), max_length=20, choices=MajorIncidentStatus.choices)
    what = models.CharField(_("what is affected"), max_length=300)
    where = models.CharField(_("where"), max_length=300, blank=True)
    event = models.CharField(_("event"), max_length=10, choices=UpdateEvent.choices, default=UpdateEvent.UNPLANNED)
    eta = models.DateTimeField(_("expected resolution"), null=True, blank=True)
    contact = models.CharField(_("contact"), max_length=200, blank=True)
    body = models.TextField(_("message"), blank=True)
    is_public = models.BooleanField(default=False, editable=False)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["major_incident", "created_at"], name="major_update_timeline"),
                   models.Index(fields=["created_at"], condition=Q(is_public=True), name="major_update_public")]

    def __str__(self) -> str:
        return f"{self.what} ({', '.join(self.audiences)})"

    def save(self, *args, **kwargs):
        self.is_public = Audience.PUBLIC in (self.audiences or [])
        super().save(*args, **kwargs)


class TimelineEvent(models.Model):
    """One line of the war room's live timeline (and of the postmortem's prefilled one)."""

    major_incident = models.ForeignKey(MajorIncident, on_delete=models.CASCADE, related_name="timeline")
    at = models.DateTimeField(default=timezone.now)
    kind = models.CharField(max_length=16, choices=TimelineKind.choices)
    text = models.CharField(max_length=500)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+")

    class Meta:
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["major_incident", "at"], name="major_timeline")]

    def __str__(self) -> str:
        return self.text


class Postmortem(models.Model):
    """What happened and what we learn: a prefilled timeline, the root cause, follow-up
    actions with owners, and links to the problem record and the change that fixed it."""

    major_incident = models.OneToOneField(MajorIncident, on_delete=models.CASCADE, related_name="postmortem")
    summary = models.TextField(_("summary"), blank=True)
    root_cause = models.TextField(_("root cause"), blank=True)
    contributing_factors = models.TextField(_("contributing factors"), blank=True)
    timeline = models.JSONField(_("timeline"), default=list, blank=True)
    actions = models.JSONField(_("follow-up actions"), default=list, blank=True)
    # Ids of the problem record and the change (their apps link back to them).
    problem = models.PositiveIntegerField(_("problem"), null=True, blank=True)
    change = models.PositiveIntegerField(_("change"), null=True, blank=True)
    complete = models.BooleanField(_("complete"), default=False)
    completed_at = models.DateTimeField(null=True, blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"Postmortem of {self.major_incident_id}"
