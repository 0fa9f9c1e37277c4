"""Incidents: something is broken for someone. An incident gets a priority from impact ×
urgency (the admin-configurable :class:`PriorityMatrix`), lands in a team's queue, is worked
(``new → assigned → in_progress ⇄ on_hold → resolved → closed``, reopened within a few days)
with its SLA clocks, and may be linked to a master incident when many people report the
same outage.

The lifecycle is a django-fsm field with ``protected=True``; the transitions below are the
guards (source states, conditions, who may). ``incidents.services`` locks the row, calls
them, records the timeline and queues side effects after commit.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import RETURN_VALUE, ConcurrentTransitionMixin, FSMField, transition
from simple_history.models import HistoricalRecords

from catalog.models import ConfigurationItem, Contact, Customer, Service, Team
from core.roles import is_staff_member
from sla.choices import TicketKind
from sla.protocol import SLAFacts

from ..choices import OPEN_STATUSES, Channel, IncidentStatus, Level, NoteVisibility, ResolutionCode


def _staff(instance, user) -> bool:
    return is_staff_member(user)


class PriorityMatrix(models.Model):
    """Impact × urgency → priority (1 = highest). Admins may change the cells."""

    impact = models.PositiveSmallIntegerField(choices=Level.choices)
    urgency = models.PositiveSmallIntegerField(choices=Level.choices)
    priority = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(5)])
    history = HistoricalRecords()

    class Meta:
        ordering = ["impact", "urgency"]
        verbose_name_plural = _("priority matrix")
        constraints = [models.UniqueConstraint(fields=["impact", "urgency"], name="%(app_label)s_%(class)s_cell")]

    def __str__(self) -> str:
        return f"impact {self.impact} × urgency {self.urgency} → P{self.priority}"


class Incident(ConcurrentTransitionMixin, models.Model):
    # Set right after the insert, from the primary key (NULL until then; unique once set).
    number = models.CharField(_("number"), max_length=16, unique=True, null=True, editable=False)  # noqa: DJ001
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    status = FSMField(_("status"), max_length=20, choices=IncidentStatus.choices, default=IncidentStatus.NEW,
                      protected=True)
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices, default=Channel.PORTAL)
    impact = models.PositiveSmallIntegerField(_("impact"), choices=Level.choices, default=Level.MEDIUM)
    urgency = models.PositiveSmallIntegerField(_("urgency"), choices=Level.choices, default=Level.MEDIUM)
    priority = models.PositiveSmallIntegerField(_("priority"), default=3,
                                                validators=[MinValueValidator(1), MaxValueValidator(5)])
    # service, contact, customer, team, assignee: no index of their own, the composite
    # indexes below lead with them (incidents/migrations/0010_list_indexes.py).
    service = models.ForeignKey(Service, verbose_name=_("service"), null=True, blank=True,
                                on_delete=models.PROTECT, related_name="incidents", db_index=False)
    ci = models.ForeignKey(ConfigurationItem, verbose_name=_("configuration item"), null=True, blank=True,
                           on_delete=models.PROTECT, related_name="incidents")
    contact = models.ForeignKey(Contact, verbose_name=_("reported for"), null=True, blank=True,
                                on_delete=models.PROTECT, related_name="incidents", db_index=False,
                                help_text=_("the person affected, when not the requester"))
    customer = models.ForeignKey(Customer, verbose_name=_("customer"), null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="incidents", db_index=False)
    requester = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("requester"), null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="requested_incidents")
    team = models.ForeignKey(Team, verbose_name=_("team"), null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="incidents", db_index=False)
    assignee = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("assignee"), null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="assigned_incidents", db_index=False)
    parent = models.ForeignKey("self", verbose_name=_("master incident"), null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="children")
    is_major = models.BooleanField(_("major incident"), default=False)
    hold_reason = models.CharField(_("on hold because"), max_length=200, blank=True)
    resolution_code = models.CharField(_("resolution code"), max_length=20, choices=ResolutionCode.choices,
                                       blank=True)
    resolution = models.TextField(_("resolution"), blank=True)
    reopen_count = models.PositiveSmallIntegerField(default=0)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(_("created"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    acknowledged_at = models.DateTimeField(_("acknowledged"), null=True, blank=True)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    sla_timers = GenericRelation("sla.SLATimer")
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["status", "priority", "created_at"], name="incident_queue"),
            models.Index(fields=["assignee", "status"], name="incident_assignee_status"),
            models.Index(fields=["team", "status"], name="incident_team_status"),
            models.Index(fields=["service", "created_at"], name="incident_service_created"),
            models.Index(fields=["status", "resolved_at"], name="incident_resolved",
                         condition=Q(status="resolved")),
            # The queue sorted by priority over open incidents (0.04 ms instead of 211 ms at 1M).
            models.Index(fields=["priority", "created_at", "id"], name="incident_open_priority",
                         condition=Q(status__in=["new", "assigned", "in_progress", "on_hold"])),
            # crm's 360° timeline: a contact's (customer's) incidents newest first, read backwards
            # for a page and alone for the count (not the whole table along created_at).
            models.Index(fields=["contact", "created_at"], name="incident_contact_created"),
            models.Index(fields=["customer", "created_at"], name="incident_customer_created"),
            # The lists sorted by last update (``?sort=-updated``, ``ordering=-updated_at``): read
            # backwards for a page instead of sorting the table (2 s at 1M → 0.2 ms).
            models.Index(fields=["updated_at", "id"], name="incident_updated"),
        ]
        constraints = [
            models.CheckConstraint(condition=~Q(parent=models.F("id")), name="%(app_label)s_%(class)s_not_own_parent"),
        ]

    def __str__(self) -> str:
        return f"{self.number or 'INC?'} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("incidents:detail", args=[self.pk])

    # --- SLA protocol ------------------------------------------------------------------
    def sla_facts(self) -> SLAFacts:
        return SLAFacts(kind=TicketKind.INCIDENT, status=self.status, priority=self.priority,
                        customer_tier=self.customer.tier if self.customer_id else None, channel=self.channel,
                        service_id=self.service_id, team_id=self.team_id, assignee_id=self.assignee_id)

    def sla_label(self) -> str:
        return f"{self.number} {self.title}"

    # --- lifecycle: the guards -----------------------------------------------------------
    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def can_reopen(self) -> bool:
        window = timedelta(days=settings.INCIDENT_REOPEN_DAYS)
        return self.resolved_at is not None and timezone.now() - self.resolved_at <= window

    @transition(field=status, source=OPEN_STATUSES,
                target=RETURN_VALUE(IncidentStatus.ASSIGNED, IncidentStatus.IN_PROGRESS, IncidentStatus.ON_HOLD),
                permission=_staff)
    def assign(self):
        """Assign (or reassign) to a team and/or agent; a new incident becomes assigned."""
        return IncidentStatus.ASSIGNED if self.status == IncidentStatus.NEW else self.status

    @transition(field=status, source=[IncidentStatus.NEW, IncidentStatus.ASSIGNED], target=IncidentStatus.IN_PROGRESS,
                permission=_staff)
    def start(self):
        """An agent starts work (and takes it, if nobody has)."""

    @transition(field=status, source=IncidentStatus.IN_PROGRESS, target=IncidentStatus.ON_HOLD, permission=_staff)
    def hold(self):
        """Waiting for the customer or a third party: the SLA clock pauses."""

    @transition(field=status, source=IncidentStatus.ON_HOLD, target=IncidentStatus.IN_PROGRESS, permission=_staff)
    def resume(self):
        pass

    @transition(field=status, source=OPEN_STATUSES, target=IncidentStatus.RESOLVED,
                permission=_staff)
    def resolve(self):
        pass

    @transition(field=status, source=IncidentStatus.RESOLVED, target=IncidentStatus.CLOSED, permission=_staff)
    def close(self):
        pass

    @transition(field=status, source=IncidentStatus.RESOLVED, target=IncidentStatus.IN_PROGRESS,
                conditions=[can_reopen], permission=_staff)
    def reopen(self):
        """Back to work, within INCIDENT_REOPEN_DAYS of the resolution."""


class IncidentNote(models.Model):
    """A work note (internal) or a comment the customer sees."""

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    body = models.TextField(_("text"))
    visibility = models.CharField(_("visibility"), max_length=10, choices=NoteVisibility.choices,
                                  default=NoteVisibility.INTERNAL)
    created_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["incident", "created_at"], name="incident_note_timeline")]

    def __str__(self) -> str:
        return f"{self.get_visibility_display()} on {self.incident_id}"


def attachment_path(instance, filename: str) -> str:
    return f"incidents/{instance.incident_id}/{timezone.now():%Y%m%d%H%M%S}-{filename}"


class Attachment(models.Model):
    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="attachments")
    note = models.ForeignKey(IncidentNote, null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="attachments")
    file = models.FileField(upload_to=attachment_path, max_length=300)
    name = models.CharField(max_length=200)
    size = models.PositiveIntegerField()
    content_type = models.CharField(max_length=100)
    visibility = models.CharField(max_length=10, choices=NoteVisibility.choices, default=NoteVisibility.INTERNAL)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                    related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.name
