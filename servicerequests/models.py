"""Service requests: someone wants something (a laptop, access, information). A
:class:`CatalogItem` says what can be ordered, by whom, with which form, who approves (the
requester's manager, a team with any/all, several levels) and which fulfilment tasks follow
(in sequence, or in parallel when they share an order). A :class:`ServiceRequest`
(``REQ000089``) moves ``submitted → awaiting_approval → approved → fulfilling → fulfilled →
closed`` (or ``rejected``, ``cancelled``); the requester follows each step in the portal.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransitionMixin, FSMField, transition
from simple_history.models import HistoricalRecords

from catalog.models import Team
from changes.models import Change, ChangeModel
from core.roles import is_staff_member
from incidents.choices import Level
from sla.choices import TicketKind
from sla.models import CHANNEL_CHOICES, SLAPolicy
from sla.protocol import SLAFacts

from .choices import ApprovalDecision, RequestStatus, TaskStatus


def is_party(request, user) -> bool:
    """The person who asked for it, or the person it is for."""
    return user is not None and user.pk in (request.requested_by_id, request.requested_for_id)


def party_or_staff(request, user) -> bool:
    """Who may cancel or close a request: its requester (or the person it is for) and the desk."""
    return is_party(request, user) or is_staff_member(user)


def current_approval(request, user):
    """The decision asked of ``user`` at the request's current level and not given yet (None:
    they are not asked now)."""
    if user is None or not user.is_authenticated or request.current_level is None:
        return None
    return Approval.objects.filter(request=request, level=request.current_level, approver=user,
                                   decision=ApprovalDecision.PENDING).first()


def asked_now(request, user) -> bool:
    return current_approval(request, user) is not None


class CatalogItem(models.Model):
    name = models.CharField(_("name"), max_length=160, unique=True)
    description = models.TextField(_("description"), blank=True)
    category = models.CharField(_("category"), max_length=80, blank=True, db_index=True)
    # [{"name", "label", "type" (text/textarea/choice/number/date/user/ci), "required", "choices",
    #   "min", "max", "max_length", "help"}]
    form = models.JSONField(_("form"), default=list, blank=True)
    # Who may order: roles (empty: everyone signed in) and/or members of teams.
    roles = models.JSONField(_("roles that may order"), default=list, blank=True)
    teams = models.ManyToManyField(Team, verbose_name=_("teams that may order"), blank=True, related_name="+")
    # [{"level": 1, "approver": "manager"|"group", "group": team id, "rule": "any"|"all"}]
    approvals = models.JSONField(_("approval chain"), default=list, blank=True)
    # [{"title", "team": team id, "order": n}] — the same order runs in parallel.
    tasks = models.JSONField(_("fulfilment tasks"), default=list, blank=True)
    sla_policy = models.ForeignKey(SLAPolicy, verbose_name=_("SLA policy"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    change_model = models.ForeignKey(ChangeModel, verbose_name=_("standard change model"), null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="catalog_items")
    is_active = models.BooleanField(_("orderable"), default=True)
    created_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords(m2m_fields=[teams])

    class Meta:
        ordering = ["category", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("portal:order", args=[self.pk])


class ServiceRequest(ConcurrentTransitionMixin, models.Model):
    number = models.CharField(_("number"), max_length=16, unique=True, null=True, editable=False)  # noqa: DJ001
    catalog_item = models.ForeignKey(CatalogItem, verbose_name=_("item"), on_delete=models.PROTECT,
                                     related_name="requests")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("requested by"),
                                     on_delete=models.PROTECT, related_name="service_requests")
    requested_for = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("requested for"),
                                      on_delete=models.PROTECT, related_name="service_requests_for")
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    status = FSMField(_("status"), max_length=20, choices=RequestStatus.choices, default=RequestStatus.SUBMITTED,
                      protected=True)
    channel = models.CharField(_("channel"), max_length=20, choices=CHANNEL_CHOICES, default="portal")
    # Priority is impact × urgency on the incidents' matrix (incidents.services.priority_for);
    # the defaults (one person, medium urgency) give P4, what every request had before.
    impact = models.PositiveSmallIntegerField(_("impact"), choices=Level.choices, default=Level.LOW)
    urgency = models.PositiveSmallIntegerField(_("urgency"), choices=Level.choices, default=Level.MEDIUM)
    priority = models.PositiveSmallIntegerField(_("priority"), default=4)
    current_level = models.PositiveSmallIntegerField(_("approval level"), null=True, blank=True)
    change = models.ForeignKey(Change, verbose_name=_("standard change"), null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="service_requests")
    created_at = models.DateTimeField(_("submitted"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    approved_at = models.DateTimeField(null=True, blank=True)
    fulfilled_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    rejected_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    sla_timers = GenericRelation("sla.SLATimer")
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "created_at"], name="request_queue"),
                   models.Index(fields=["requested_by", "status"], name="request_by"),
                   models.Index(fields=["requested_for", "status"], name="request_for"),
                   # crm's 360° timeline: a person's requests newest first, on either side.
                   models.Index(fields=["requested_for", "created_at"], name="request_for_created"),
                   models.Index(fields=["requested_by", "created_at"], name="request_by_created")]

    def __str__(self) -> str:
        return f"{self.number or 'REQ?'} {self.catalog_item_id and self.catalog_item.name}"

    def get_absolute_url(self) -> str:
        return reverse("requests:detail", args=[self.pk])

    # --- SLA protocol --------------------------------------------------------------------
    def sla_facts(self) -> SLAFacts:
        return SLAFacts(kind=TicketKind.REQUEST, status=self.status, priority=self.priority, channel=self.channel,
                        policy_id=self.catalog_item.sla_policy_id,
                        requester_ids=tuple(dict.fromkeys([self.requested_by_id, self.requested_for_id])))

    def sla_requester_url(self) -> str:
        """Where an escalation to the requester sends them: their tracker."""
        return reverse("portal:request", args=[self.pk])

    def sla_label(self) -> str:
        return f"{self.number} {self.catalog_item.name}"

    @property
    def is_open(self) -> bool:
        return self.status in (RequestStatus.SUBMITTED, RequestStatus.AWAITING_APPROVAL, RequestStatus.APPROVED,
                               RequestStatus.FULFILLING)

    # --- lifecycle: the guards ------------------------------------------------------------
    # The services move a request along by itself (approval of the last level, the last task
    # done); the transitions people take name who may (``permission=``), which is what
    # ``request_available_actions`` offers and the services refuse otherwise.
    @transition(field=status, source=RequestStatus.SUBMITTED, target=RequestStatus.AWAITING_APPROVAL)
    def await_approval(self):
        pass

    @transition(field=status, source=[RequestStatus.SUBMITTED, RequestStatus.AWAITING_APPROVAL],
                target=RequestStatus.APPROVED)
    def approve(self):
        pass

    @transition(field=status, source=RequestStatus.APPROVED, target=RequestStatus.FULFILLING)
    def fulfil(self):
        pass

    @transition(field=status, source=RequestStatus.FULFILLING, target=RequestStatus.FULFILLED)
    def complete(self):
        pass

    @transition(field=status, source=RequestStatus.FULFILLED, target=RequestStatus.CLOSED, permission=party_or_staff)
    def close(self):
        pass

    @transition(field=status, source=RequestStatus.AWAITING_APPROVAL, target=RequestStatus.REJECTED,
                permission=asked_now)
    def reject(self):
        """An approver asked at the current level says no (saying yes is the same decision:
        approving the last level approves the request)."""

    @transition(field=status, source=[RequestStatus.SUBMITTED, RequestStatus.AWAITING_APPROVAL, RequestStatus.APPROVED],
                target=RequestStatus.CANCELLED, permission=party_or_staff)
    def cancel(self):
        """The requester changed their mind (not once fulfilment has started)."""


class Approval(models.Model):
    """One approver's decision at one level (a group level has one row per member)."""

    request = models.ForeignKey(ServiceRequest, on_delete=models.CASCADE, related_name="approvals")
    level = models.PositiveSmallIntegerField()
    approver = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="request_approvals")
    rule = models.CharField(max_length=3, default="any")
    decision = models.CharField(max_length=10, choices=ApprovalDecision.choices, default=ApprovalDecision.PENDING)
    comment = models.TextField(blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["level", "id"]
        constraints = [models.UniqueConstraint(fields=["request", "level", "approver"],
                                               name="%(app_label)s_%(class)s_once")]
        indexes = [models.Index(fields=["approver", "decision"], name="approval_inbox")]

    def __str__(self) -> str:
        return f"{self.request_id} L{self.level} {self.approver_id}: {self.decision}"


class FulfilmentTask(models.Model):
    request = models.ForeignKey(ServiceRequest, on_delete=models.CASCADE, related_name="tasks")
    title = models.CharField(max_length=200)
    team = models.ForeignKey(Team, null=True, blank=True, on_delete=models.SET_NULL, related_name="request_tasks")
    order = models.PositiveSmallIntegerField(default=1)
    status = models.CharField(max_length=10, choices=TaskStatus.choices, default=TaskStatus.PENDING)
    assignee = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="request_tasks")
    opened_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    note = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "id"]
        indexes = [models.Index(fields=["team", "status"], name="request_task_queue",
                                condition=Q(status="open"))]

    def __str__(self) -> str:
        return self.title


class RequestComment(models.Model):
    request = models.ForeignKey(ServiceRequest, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    body = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"comment on {self.request_id}"
