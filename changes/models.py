"""Change management: requests for change (RFCs, ``CHG000067``), their classification by
risk and impact, approval by the change manager, the CAB or the ECAB by vote, the forward
schedule of change with conflict and blackout detection, and the post-implementation review.

Lifecycle (django-fsm, ``protected=True``; ``changes.services`` locks the row, calls the
transition, records the history and queues side effects after commit)::

    draft → submitted → assessed → cab_review → authorized → scheduled → implementing → reviewing → closed
    side exits: rejected, cancelled, failed (→ reviewing)

A standard change made from a :class:`ChangeModel` is pre-authorised: it goes from
``submitted`` to ``authorized`` at once. An emergency change goes to the ECAB; if the ECAB
allows it, it may be implemented before the votes are in and ratified afterwards.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransitionMixin, FSMField, transition
from simple_history.models import HistoricalRecords

from catalog.models import ConfigurationItem, Service
from core.roles import Role, has_role, is_staff_member
from incidents.models import Incident
from problems.models import Problem

from .choices import (
    ApprovalStage,
    BoardKind,
    ChangeCategory,
    ChangeStatus,
    ChangeType,
    Outcome,
    Ratification,
    VoteDecision,
    VoteRule,
)


def _staff(instance, user) -> bool:
    return is_staff_member(user)


def is_change_manager(user) -> bool:
    """The change manager's role (administrators hold it too); None is the system."""
    return user is None or has_role(user, Role.CHANGE_MANAGER, Role.ADMIN)


def _change_manager(instance, user) -> bool:
    return is_change_manager(user)


def _may_authorize(instance, user) -> bool:
    """By hand: the change manager (minor changes, and change models), IT management after
    the CAB (major changes); the boards decide their stages by vote."""
    if user is None:
        return True
    if instance.approval_stage in (ApprovalStage.CAB, ApprovalStage.ECAB):
        return False
    if instance.approval_stage == ApprovalStage.MANAGEMENT:
        return has_role(user, Role.MANAGER, Role.ADMIN)
    return is_change_manager(user)


def _may_reject(instance, user) -> bool:
    if user is None:
        return True
    if instance.approval_stage == ApprovalStage.MANAGEMENT and has_role(user, Role.MANAGER):
        return True
    return has_role(user, Role.CHANGE_MANAGER, Role.ADMIN)


def _may_cancel(instance, user) -> bool:
    """Whoever asked for it or implements it, and the change manager."""
    if user is None:
        return True
    return (has_role(user, Role.CHANGE_MANAGER, Role.ADMIN)
            or user.pk in (instance.requested_by_id, instance.assignee_id))


class CategoryMatrix(models.Model):
    """Risk (1–5) × impact (1–3) → category. Admins may change the cells."""

    risk = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(5)])
    impact = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(3)])
    category = models.CharField(max_length=12, choices=ChangeCategory.choices)
    history = HistoricalRecords()

    class Meta:
        ordering = ["impact", "risk"]
        verbose_name_plural = _("category matrix")
        constraints = [models.UniqueConstraint(fields=["risk", "impact"], name="%(app_label)s_%(class)s_cell")]

    def __str__(self) -> str:
        return f"risk {self.risk} × impact {self.impact} → {self.category}"


class ChangeModel(models.Model):
    """A pre-authorised standard change ("restart a web node"): fixed tasks, the services it
    may touch, and the weekly windows it may be scheduled in without approval."""

    name = models.CharField(_("name"), max_length=160, unique=True)
    description = models.TextField(_("description"), blank=True)
    tasks = models.JSONField(_("tasks"), default=list, blank=True, help_text=_("The steps, in order."))
    services = models.ManyToManyField(Service, blank=True, related_name="change_models")
    risk = models.PositiveSmallIntegerField(default=1, validators=[MinValueValidator(1), MaxValueValidator(5)])
    impact = models.PositiveSmallIntegerField(default=3, validators=[MinValueValidator(1), MaxValueValidator(3)])
    implementation_plan = models.TextField(blank=True)
    backout_plan = models.TextField(blank=True)
    test_plan = models.TextField(blank=True)
    # [{"weekdays": [0..6] (Monday 0), "start": "HH:MM", "end": "HH:MM"}] in ``timezone``;
    # an end before the start runs past midnight. Empty: any time.
    allowed_windows = models.JSONField(_("allowed windows"), default=list, blank=True)
    timezone = models.CharField(max_length=64, default="UTC")
    is_active = models.BooleanField(default=True)
    history = HistoricalRecords(m2m_fields=[services])

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class CABBoard(models.Model):
    """The board that votes on changes of its kind: the CAB (significant and major changes)
    or the ECAB (emergency changes, a named subset)."""

    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=4, choices=BoardKind.choices, unique=True)
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="cab_boards", blank=True)
    quorum = models.PositiveSmallIntegerField(_("quorum"), default=3, validators=[MinValueValidator(1)],
                                              help_text=_("Approve and reject votes needed before a decision."))
    rule = models.CharField(_("rule"), max_length=10, choices=VoteRule.choices, default=VoteRule.MAJORITY)
    veto = models.BooleanField(_("veto"), default=False, help_text=_("Any reject (with a reason) rejects at once."))
    implement_before_ratification = models.BooleanField(
        _("implement first, ratify after"), default=False,
        help_text=_("Emergency changes may be implemented before the votes are in."))
    history = HistoricalRecords(m2m_fields=[members])

    class Meta:
        ordering = ["kind"]

    def __str__(self) -> str:
        return self.name


class Change(ConcurrentTransitionMixin, models.Model):
    number = models.CharField(_("number"), max_length=16, unique=True, null=True, editable=False)  # noqa: DJ001
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    type = models.CharField(_("type"), max_length=10, choices=ChangeType.choices, default=ChangeType.NORMAL)
    model = models.ForeignKey(ChangeModel, verbose_name=_("change model"), null=True, blank=True,
                              on_delete=models.PROTECT, related_name="changes")
    status = FSMField(_("status"), max_length=20, choices=ChangeStatus.choices, default=ChangeStatus.DRAFT,
                      protected=True)
    risk = models.PositiveSmallIntegerField(_("risk"), null=True, blank=True,
                                            validators=[MinValueValidator(1), MaxValueValidator(5)])
    risk_answers = models.JSONField(_("risk questionnaire"), default=dict, blank=True)
    impact = models.PositiveSmallIntegerField(_("impact"), default=2,
                                              validators=[MinValueValidator(1), MaxValueValidator(3)])
    category = models.CharField(_("category"), max_length=12, choices=ChangeCategory.choices, blank=True)
    services = models.ManyToManyField(Service, verbose_name=_("services"), blank=True, related_name="changes")
    cis = models.ManyToManyField(ConfigurationItem, verbose_name=_("configuration items"), blank=True,
                                 related_name="changes")
    planned_start = models.DateTimeField(_("planned start"), null=True, blank=True)
    planned_end = models.DateTimeField(_("planned end"), null=True, blank=True)
    implementation_plan = models.TextField(_("implementation plan"), blank=True)
    backout_plan = models.TextField(_("back-out plan"), blank=True)
    test_plan = models.TextField(_("test plan"), blank=True)
    # The projected service outage: when the services will be down during the change.
    outage_start = models.DateTimeField(_("outage from"), null=True, blank=True)
    outage_end = models.DateTimeField(_("outage until"), null=True, blank=True)
    outage_services = models.ManyToManyField(Service, verbose_name=_("services down"), blank=True,
                                             related_name="+")
    incidents = models.ManyToManyField(Incident, verbose_name=_("incidents it resolves"), blank=True,
                                       related_name="changes")
    problems = models.ManyToManyField(Problem, verbose_name=_("problems it resolves"), blank=True,
                                      related_name="changes")
    caused_incidents = models.ManyToManyField(Incident, verbose_name=_("incidents it caused"), blank=True,
                                              related_name="caused_by_changes")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("requested by"), null=True,
                                     blank=True, on_delete=models.SET_NULL, related_name="requested_changes")
    assignee = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("implementer"), null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="assigned_changes")
    approval_stage = models.CharField(_("awaiting"), max_length=16, choices=ApprovalStage.choices, blank=True)
    ratification = models.CharField(_("ratification"), max_length=10, choices=Ratification.choices, blank=True)
    outcome = models.CharField(_("outcome"), max_length=12, choices=Outcome.choices, blank=True)
    review_notes = models.TextField(_("post-implementation review"), blank=True)
    rejection_reason = models.TextField(_("why rejected"), blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    authorized_at = models.DateTimeField(null=True, blank=True)
    implemented_at = models.DateTimeField(_("implementation started"), null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords(m2m_fields=[services, cis, incidents, problems, caused_incidents])

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["status", "planned_start"], name="change_schedule"),
            models.Index(fields=["status", "created_at"], name="change_status_created"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(planned_end__isnull=True) | Q(planned_start__isnull=True)
                                   | Q(planned_end__gt=models.F("planned_start")),
                                   name="%(app_label)s_%(class)s_planned_forward"),
            models.CheckConstraint(condition=Q(outage_end__isnull=True) | Q(outage_start__isnull=True)
                                   | Q(outage_end__gt=models.F("outage_start")),
                                   name="%(app_label)s_%(class)s_outage_forward"),
        ]

    def __str__(self) -> str:
        return f"{self.number or 'CHG?'} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("changes:detail", args=[self.pk])

    @property
    def needs_review(self) -> bool:
        """A post-implementation review is required before close."""
        return (self.category in (ChangeCategory.SIGNIFICANT, ChangeCategory.MAJOR)
                or self.type == ChangeType.EMERGENCY or self.outcome in (Outcome.FAILED, Outcome.BACKED_OUT))

    def review_done(self) -> bool:
        return not self.needs_review or self.reviewed_at is not None

    def may_implement_now(self) -> bool:
        return self.type == ChangeType.EMERGENCY or (self.planned_start is not None
                                                     and timezone.now() >= self.planned_start)

    # --- lifecycle: the conditions the transitions below check ----------------------------
    def routed_to_a_board(self) -> bool:
        """The CAB or the ECAB approves it (a minor change the change manager, by hand)."""
        return self.approval_stage in (ApprovalStage.CAB, ApprovalStage.ECAB)

    def assessed_unless_standard(self) -> bool:
        """Authorised only once assessed (a change model's standard change at once)."""
        return not (self.status == ChangeStatus.SUBMITTED and self.type != ChangeType.STANDARD)

    def authorized_or_implemented_first(self) -> bool:
        """Implemented once on the schedule; before the votes are in only an emergency change
        whose ECAB allows implementing first (the votes then ratify it)."""
        if self.status == ChangeStatus.SCHEDULED:
            return True
        return self.type == ChangeType.EMERGENCY and CABBoard.objects.filter(
            kind=BoardKind.ECAB, implement_before_ratification=True).exists()

    def review_pending(self) -> bool:
        """A post-implementation review is needed and not recorded yet."""
        return self.needs_review and self.reviewed_at is None

    # --- lifecycle: the guards -----------------------------------------------------------
    @transition(field=status, source=ChangeStatus.DRAFT, target=ChangeStatus.SUBMITTED, permission=_staff)
    def submit(self):
        """Complete per the RFC template (checked by the service)."""

    @transition(field=status, source=ChangeStatus.SUBMITTED, target=ChangeStatus.ASSESSED, permission=_change_manager)
    def assess(self):
        """The change manager confirms risk, impact and category."""

    @transition(field=status, source=[ChangeStatus.SUBMITTED, ChangeStatus.ASSESSED], target=ChangeStatus.CAB_REVIEW,
                conditions=[routed_to_a_board], permission=_change_manager)
    def send_to_cab(self):
        """A significant or major change to the CAB, an emergency one to the ECAB."""

    @transition(field=status, source=[ChangeStatus.SUBMITTED, ChangeStatus.ASSESSED, ChangeStatus.CAB_REVIEW],
                target=ChangeStatus.AUTHORIZED, conditions=[assessed_unless_standard], permission=_may_authorize)
    def authorize(self):
        """Approved (by the change manager, the board's vote, IT management, or a change model)."""

    @transition(field=status, source=[ChangeStatus.AUTHORIZED, ChangeStatus.SCHEDULED], target=ChangeStatus.SCHEDULED,
                permission=_staff)
    def schedule(self):
        pass

    @transition(field=status, source=[ChangeStatus.SCHEDULED, ChangeStatus.CAB_REVIEW],
                target=ChangeStatus.IMPLEMENTING, conditions=[authorized_or_implemented_first, may_implement_now],
                permission=_staff)
    def implement(self):
        """Refused before ``planned_start`` unless emergency, and from awaiting approval
        unless the ECAB allows implementing an emergency change first."""

    @transition(field=status, source=ChangeStatus.IMPLEMENTING, target=ChangeStatus.REVIEWING, permission=_staff)
    def complete_successfully(self):
        pass

    @transition(field=status, source=ChangeStatus.IMPLEMENTING, target=ChangeStatus.FAILED, permission=_staff)
    def complete_unsuccessfully(self):
        """Failed or backed out: a review follows."""

    @transition(field=status, source=[ChangeStatus.REVIEWING, ChangeStatus.FAILED], target=ChangeStatus.REVIEWING,
                conditions=[review_pending], permission=_staff)
    def review(self):
        """The post-implementation review is recorded (once, where one is needed)."""

    @transition(field=status, source=ChangeStatus.REVIEWING, target=ChangeStatus.CLOSED, conditions=[review_done],
                permission=_staff)
    def close(self):
        pass

    @transition(field=status, source=[ChangeStatus.SUBMITTED, ChangeStatus.ASSESSED, ChangeStatus.CAB_REVIEW],
                target=ChangeStatus.REJECTED, permission=_may_reject)
    def reject(self):
        pass

    @transition(field=status, source=[ChangeStatus.DRAFT, ChangeStatus.SUBMITTED, ChangeStatus.ASSESSED,
                                      ChangeStatus.CAB_REVIEW, ChangeStatus.AUTHORIZED, ChangeStatus.SCHEDULED],
                target=ChangeStatus.CANCELLED, permission=_may_cancel)
    def cancel(self):
        pass


class ChangeTask(models.Model):
    """A step of the change (from its model, or added by hand)."""

    change = models.ForeignKey(Change, on_delete=models.CASCADE, related_name="tasks")
    title = models.CharField(max_length=300)
    order = models.PositiveSmallIntegerField(default=0)
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="+")

    class Meta:
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.title


class Vote(models.Model):
    """A board member's vote on a change: one per member and change (voting again replaces it)."""

    change = models.ForeignKey(Change, on_delete=models.CASCADE, related_name="votes")
    board = models.ForeignKey(CABBoard, on_delete=models.CASCADE, related_name="votes")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="change_votes")
    decision = models.CharField(_("decision"), max_length=8, choices=VoteDecision.choices)
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [models.UniqueConstraint(fields=["change", "board", "member"],
                                               name="%(app_label)s_%(class)s_one_per_member")]

    def __str__(self) -> str:
        return f"{self.member} {self.decision} {self.change_id}"


class BlackoutWindow(models.Model):
    """A change freeze (year-end, a product launch): no change may be scheduled into it on
    its services (none: every service), except an emergency change."""

    name = models.CharField(_("name"), max_length=160)
    start = models.DateTimeField(_("from"))
    end = models.DateTimeField(_("until"))
    services = models.ManyToManyField(Service, blank=True, related_name="blackout_windows",
                                      help_text=_("Empty: every service."))
    reason = models.TextField(_("reason"), blank=True)
    history = HistoricalRecords(m2m_fields=[services])

    class Meta:
        ordering = ["start"]
        constraints = [models.CheckConstraint(condition=Q(end__gt=models.F("start")),
                                              name="%(app_label)s_%(class)s_forward")]

    def __str__(self) -> str:
        return self.name


class CABMeeting(models.Model):
    """A CAB meeting: its agenda is generated from the changes awaiting the board and the
    recent ones awaiting review; decisions are recorded per change, with the minutes."""

    board = models.ForeignKey(CABBoard, on_delete=models.CASCADE, related_name="meetings")
    starts_at = models.DateTimeField(_("starts"))
    duration_minutes = models.PositiveSmallIntegerField(default=60)
    repeat_days = models.PositiveSmallIntegerField(_("repeats every (days)"), null=True, blank=True,
                                                   help_text=_("e.g. 7 for weekly; empty: once."))
    minutes = models.TextField(_("minutes"), blank=True)
    attendees = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")
    history = HistoricalRecords()

    class Meta:
        ordering = ["-starts_at"]

    def __str__(self) -> str:
        return f"{self.board} {self.starts_at:%Y-%m-%d %H:%M}"


class CABDecision(models.Model):
    meeting = models.ForeignKey(CABMeeting, on_delete=models.CASCADE, related_name="decisions")
    change = models.ForeignKey(Change, on_delete=models.CASCADE, related_name="cab_decisions")
    decision = models.CharField(max_length=10, choices=[("approve", _("Approve")), ("reject", _("Reject")),
                                                        ("defer", _("Defer")), ("reviewed", _("Reviewed"))])
    notes = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["meeting", "change"], name="%(app_label)s_%(class)s_once")]

    def __str__(self) -> str:
        return f"{self.change_id}: {self.decision}"
