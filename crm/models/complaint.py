"""Complaints, compliments and suggestions (ISO 10002): what a customer tells us about our
service, received on any channel, acknowledged, investigated, answered and closed with the
customer's satisfaction:

``received → acknowledged → investigating → responded → closed``; any open complaint may be
``escalated`` (then investigated again); a closed one the customer was not satisfied with is
reopened (``closed → investigating``).

The lifecycle is a django-fsm field with ``protected=True``; the transitions below are the
guards. ``crm.services.complaint`` locks the row, calls them, records history, moves the SLA
clocks (acknowledge stops the response target, respond the resolution target) and tells the
customer after commit.
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

from catalog.models import Contact, Customer, Service, Team
from contactcenter.models import Call
from core.roles import is_staff_member
from incidents.models import Incident
from sla.choices import TicketKind
from sla.protocol import SLAFacts

from ..choices import ComplaintChannel, ComplaintKind, ComplaintStatus, Severity


def _staff(instance, user) -> bool:
    return is_staff_member(user)


class Complaint(ConcurrentTransitionMixin, models.Model):
    # Set right after the insert, from the primary key (NULL until then; unique once set).
    number = models.CharField(_("number"), max_length=16, unique=True, null=True, editable=False)  # noqa: DJ001
    kind = models.CharField(_("kind"), max_length=20, choices=ComplaintKind.choices, default=ComplaintKind.COMPLAINT)
    contact = models.ForeignKey(Contact, verbose_name=_("contact"), null=True, blank=True, on_delete=models.PROTECT,
                                related_name="complaints")
    customer = models.ForeignKey(Customer, verbose_name=_("customer"), null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="complaints")
    channel = models.CharField(_("channel"), max_length=20, choices=ComplaintChannel.choices,
                               default=ComplaintChannel.PHONE)
    subject = models.CharField(_("subject"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    service = models.ForeignKey(Service, verbose_name=_("service"), null=True, blank=True, on_delete=models.PROTECT,
                                related_name="complaints")
    severity = models.PositiveSmallIntegerField(_("severity"), choices=Severity.choices, default=Severity.MEDIUM,
                                                validators=[MinValueValidator(1), MaxValueValidator(3)])
    status = FSMField(_("status"), max_length=20, choices=ComplaintStatus.choices, default=ComplaintStatus.RECEIVED,
                      protected=True)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("owner"), null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="owned_complaints")
    team = models.ForeignKey(Team, verbose_name=_("team"), null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="complaints")
    #: The person who lodged it through the portal or the API (requesters see their own).
    requester = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("requester"), null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="requested_complaints")
    incidents = models.ManyToManyField(Incident, verbose_name=_("incidents"), blank=True, related_name="complaints")
    call = models.ForeignKey(Call, verbose_name=_("call"), null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="complaints")
    response = models.TextField(_("response"), blank=True)
    satisfied = models.BooleanField(_("customer satisfied"), null=True, blank=True)
    escalation_reason = models.CharField(_("escalated because"), max_length=300, blank=True)
    reopen_count = models.PositiveSmallIntegerField(default=0)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    acknowledged_at = models.DateTimeField(_("acknowledged"), null=True, blank=True)
    responded_at = models.DateTimeField(_("responded"), null=True, blank=True)
    escalated_at = models.DateTimeField(_("escalated"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    sla_timers = GenericRelation("sla.SLATimer")
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["status", "created_at"], name="crm_complaint_status"),
            models.Index(fields=["owner", "status"], name="crm_complaint_owner"),
            models.Index(fields=["contact", "created_at"], name="crm_complaint_contact"),
            models.Index(fields=["customer", "created_at"], name="crm_complaint_customer"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(severity__gte=1, severity__lte=3),
                                   name="%(app_label)s_%(class)s_severity"),
        ]

    def __str__(self) -> str:
        return f"{self.number or 'CMP?'} {self.subject}"

    def get_absolute_url(self) -> str:
        return reverse("crm:complaint", args=[self.pk])

    # --- SLA protocol ------------------------------------------------------------------
    def sla_facts(self) -> SLAFacts:
        return SLAFacts(kind=TicketKind.COMPLAINT, status=self.status, priority=self.severity,
                        customer_tier=self.customer.tier if self.customer_id else None, channel=self.channel,
                        service_id=self.service_id, team_id=self.team_id, assignee_id=self.owner_id)

    def sla_label(self) -> str:
        return f"{self.number} {self.subject}"

    # --- lifecycle: the guards -----------------------------------------------------------
    @property
    def is_open(self) -> bool:
        return self.status in (ComplaintStatus.RECEIVED, ComplaintStatus.ACKNOWLEDGED,
                               ComplaintStatus.INVESTIGATING, ComplaintStatus.ESCALATED)

    def not_satisfied(self) -> bool:
        """Only a customer who was not satisfied (or did not say) has it reopened."""
        return self.satisfied is not True

    @transition(field=status, source=ComplaintStatus.RECEIVED, target=ComplaintStatus.ACKNOWLEDGED,
                permission=_staff)
    def acknowledge(self):
        """Receipt confirmed to the customer: stops the response clock."""

    @transition(field=status, source=[ComplaintStatus.ACKNOWLEDGED, ComplaintStatus.ESCALATED],
                target=ComplaintStatus.INVESTIGATING, permission=_staff)
    def investigate(self):
        """Assessment and investigation start."""

    @transition(field=status,
                source=[ComplaintStatus.ACKNOWLEDGED, ComplaintStatus.INVESTIGATING, ComplaintStatus.ESCALATED],
                target=ComplaintStatus.RESPONDED, permission=_staff)
    def respond(self):
        """The customer gets the organisation's answer: stops the resolution clock."""

    @transition(field=status,
                source=[ComplaintStatus.RECEIVED, ComplaintStatus.ACKNOWLEDGED, ComplaintStatus.INVESTIGATING],
                target=ComplaintStatus.ESCALATED, permission=_staff)
    def escalate(self):
        """Handed up (a manager, the ombudsman's route): worked again from investigating."""

    @transition(field=status, source=ComplaintStatus.RESPONDED, target=ComplaintStatus.CLOSED, permission=_staff)
    def close(self):
        """Closed with the customer's satisfaction (yes, no or unknown)."""

    @transition(field=status, source=ComplaintStatus.CLOSED, target=ComplaintStatus.INVESTIGATING,
                conditions=[not_satisfied], permission=_staff)
    def reopen(self):
        """The customer was not satisfied with the answer: investigated again."""
