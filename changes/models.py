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
    ApplyOn,
    ApprovalStage,
    BoardKind,
    ChangeCategory,
    ChangeStatus,
    ChangeType,
    Outcome,
    ProposalStatus,
    Raci,
    RaciStep,
    Ratification,
    Recommendation,
    ReleaseStatus,
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
    """By hand: the change manager (minor changes, and change models) or whoever the change
    model's RACI holds accountable for authorising, IT management after the CAB (major
    changes); the boards decide their stages by vote."""
    if user is None:
        return True
    if instance.approval_stage in (ApprovalStage.CAB, ApprovalStage.ECAB):
        return False
    if instance.approval_stage == ApprovalStage.MANAGEMENT:
        return has_role(user, Role.MANAGER, Role.ADMIN)
    return is_change_manager(user) or user.pk in raci_users(instance, RaciStep.AUTHORIZE, Raci.ACCOUNTABLE)


def _may_authorize_deployment(instance, user) -> bool:
    """The change manager, or whoever the RACI holds accountable for the deployment."""
    return is_change_manager(user) or user.pk in raci_users(instance, RaciStep.DEPLOYMENT, Raci.ACCOUNTABLE)


def raci_users(change, step: str, letter: str) -> set[int]:
    """The people the change's RACI names for ``step`` and ``letter``: its change model's
    assignments for that step, else the default ones (no model); a role names everyone
    active holding it."""
    from django.contrib.auth import get_user_model

    rows = list(RaciAssignment.objects.filter(model_id=change.model_id, step=step).values_list("raci", "user_id",
                                                                                                "role"))
    if not rows and change.model_id is not None:
        rows = list(RaciAssignment.objects.filter(model__isnull=True, step=step).values_list("raci", "user_id",
                                                                                             "role"))
    users = {user for raci, user, _role in rows if raci == letter and user}
    roles = {role for raci, _user, role in rows if raci == letter and role}
    if roles:
        users |= set(get_user_model().objects.filter(groups__name__in=roles, is_active=True)
                     .values_list("pk", flat=True))
    return users


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
    needs_deployment_authorization = models.BooleanField(
        _("needs deployment authorisation"), default=False,
        help_text=_("Its changes may be implemented only once their deployment is authorised."))
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


class ChangePolicy(models.Model):
    """The change policy, kept as data an administrator edits (one row; without it the
    defaults below apply): the categories whose changes need a deployment authorisation
    before they are implemented."""

    name = models.CharField(_("name"), max_length=120, default="Change policy")
    deployment_categories = models.JSONField(
        _("categories needing deployment authorisation"), default=list, blank=True,
        help_text=_('e.g. ["significant", "major"]; change models may ask for it too.'))
    services = models.ManyToManyField(Service, verbose_name=_("services under change control"), blank=True,
                                      related_name="+")
    cis = models.ManyToManyField(ConfigurationItem, verbose_name=_("configuration items under change control"),
                                 blank=True, related_name="+")
    # [{"key": "core_banking", "text": "Touches the core banking ledger"}]: any one ticked makes it major.
    major_criteria = models.JSONField(_("what makes a change major"), default=list, blank=True,
                                      help_text=_('[{"key": "...", "text": "..."}]: any one that applies makes '
                                                  'the change major.'))
    major_needs_proposal = models.BooleanField(
        _("major changes need an approved change proposal"), default=True)
    evaluation_categories = models.JSONField(
        _("categories needing an evaluation report before the CAB"), default=list, blank=True,
        help_text=_('e.g. ["significant", "major"].'))
    history = HistoricalRecords(m2m_fields=[services, cis])

    class Meta:
        verbose_name_plural = _("change policy")

    def __str__(self) -> str:
        return self.name

    @classmethod
    def current(cls) -> "ChangePolicy":
        """The policy in force: the first row, or the defaults (not saved)."""
        return cls.objects.order_by("pk").first() or cls(deployment_categories=[ChangeCategory.MAJOR],
                                                         major_needs_proposal=False, evaluation_categories=[])

    def criteria(self) -> dict[str, str]:
        """The major criteria, key → text (malformed entries left out)."""
        return {str(c["key"]): str(c.get("text") or c["key"]) for c in self.major_criteria or []
                if isinstance(c, dict) and c.get("key")}


def _manager(instance, user) -> bool:
    """IT management: a manager (administrators too); None is the system."""
    return user is None or has_role(user, Role.MANAGER, Role.ADMIN)


class ChangeProposal(ConcurrentTransitionMixin, models.Model):
    """A change proposal for a major change: the business case, cost, benefit and risks, approved
    by IT management before the RFCs it spawns are raised (they link back to it).

    Lifecycle: draft → submitted → approved / rejected; withdrawn from draft or submitted."""

    number = models.CharField(_("number"), max_length=16, unique=True, null=True, editable=False)  # noqa: DJ001
    title = models.CharField(_("title"), max_length=200)
    business_case = models.TextField(_("business case"), blank=True)
    cost = models.DecimalField(_("cost"), max_digits=14, decimal_places=2, null=True, blank=True,
                               validators=[MinValueValidator(0)])
    benefit = models.TextField(_("benefit"), blank=True)
    risks = models.TextField(_("risks"), blank=True)
    services = models.ManyToManyField(Service, verbose_name=_("services"), blank=True, related_name="+")
    status = FSMField(_("status"), max_length=12, choices=ProposalStatus.choices, default=ProposalStatus.DRAFT,
                      protected=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("proposed by"), null=True,
                                     blank=True, on_delete=models.SET_NULL, related_name="+")
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decision_notes = models.TextField(_("decision notes"), blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(m2m_fields=[services])

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.number or 'PRP?'} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("changes:proposal-detail", args=[self.pk])

    def complete(self) -> bool:
        """The business case, the benefit and the risks are written."""
        return bool(self.business_case.strip() and self.benefit.strip() and self.risks.strip())

    @transition(field=status, source=ProposalStatus.DRAFT, target=ProposalStatus.SUBMITTED, conditions=[complete],
                permission=_staff)
    def submit(self):
        """To IT management, once the business case, benefit and risks are written."""

    @transition(field=status, source=ProposalStatus.SUBMITTED, target=ProposalStatus.APPROVED, permission=_manager)
    def approve(self):
        pass

    @transition(field=status, source=ProposalStatus.SUBMITTED, target=ProposalStatus.REJECTED, permission=_manager)
    def reject(self):
        pass

    @transition(field=status, source=[ProposalStatus.DRAFT, ProposalStatus.SUBMITTED],
                target=ProposalStatus.WITHDRAWN,
                permission=lambda proposal, user: user is None or has_role(user, Role.MANAGER, Role.ADMIN)
                or user.pk == proposal.requested_by_id)
    def withdraw(self):
        pass


class Release(ConcurrentTransitionMixin, models.Model):
    """A release: authorised changes deployed together in one window, with a plan and an
    owner. Authorising the release authorises the deployment of each of its changes.

    Lifecycle (django-fsm, ``protected=True``; ``changes.services.release`` locks the row)::

        planning → authorized → deployed;  cancelled from planning or authorized
    """

    number = models.CharField(_("number"), max_length=16, unique=True, null=True, editable=False)  # noqa: DJ001
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("owner"), null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="owned_releases")
    window_start = models.DateTimeField(_("deployment window from"), null=True, blank=True)
    window_end = models.DateTimeField(_("deployment window until"), null=True, blank=True)
    plan = models.TextField(_("deployment plan"), blank=True)
    status = FSMField(_("status"), max_length=12, choices=ReleaseStatus.choices, default=ReleaseStatus.PLANNING,
                      protected=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    authorized_at = models.DateTimeField(_("deployment authorised"), null=True, blank=True)
    authorized_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                      related_name="+")
    deployed_at = models.DateTimeField(_("deployed"), null=True, blank=True)
    cancel_reason = models.TextField(_("why cancelled"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [models.CheckConstraint(condition=Q(window_end__isnull=True) | Q(window_start__isnull=True)
                                              | Q(window_end__gt=models.F("window_start")),
                                              name="%(app_label)s_%(class)s_window_forward")]

    def __str__(self) -> str:
        return f"{self.number or 'REL?'} {self.name}"

    def get_absolute_url(self) -> str:
        return reverse("changes:release-detail", args=[self.pk])

    # --- conditions ---
    def ready_to_authorize(self) -> bool:
        """A window, a plan and at least one change."""
        return bool(self.window_start and self.window_end and self.plan.strip()) and self.changes.exists()

    def changes_done(self) -> bool:
        """None of its changes still waits to be implemented or is being implemented."""
        return not self.changes.filter(status__in=[ChangeStatus.AUTHORIZED, ChangeStatus.SCHEDULED,
                                                   ChangeStatus.IMPLEMENTING]).exists()

    @transition(field=status, source=ReleaseStatus.PLANNING, target=ReleaseStatus.AUTHORIZED,
                conditions=[ready_to_authorize], permission=_change_manager)
    def authorize(self):
        """Deployment authorisation for the whole release (the change manager)."""

    @transition(field=status, source=ReleaseStatus.AUTHORIZED, target=ReleaseStatus.DEPLOYED,
                conditions=[changes_done], permission=lambda release, user: _may_run_release(release, user))
    def complete(self):
        """Deployed: each of its changes was implemented (or taken out)."""

    @transition(field=status, source=[ReleaseStatus.PLANNING, ReleaseStatus.AUTHORIZED],
                target=ReleaseStatus.CANCELLED, permission=lambda release, user: _may_run_release(release, user))
    def cancel(self):
        pass


def _may_run_release(release, user) -> bool:
    """Its owner and the change manager."""
    return user is None or is_change_manager(user) or (release.owner_id is not None and user.pk == release.owner_id)


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
    release = models.ForeignKey(Release, verbose_name=_("release"), null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="changes")
    proposal = models.ForeignKey(ChangeProposal, verbose_name=_("change proposal"), null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="changes")
    major_criteria = models.JSONField(_("major criteria that apply"), default=list, blank=True)
    deployment_authorized_at = models.DateTimeField(_("deployment authorised"), null=True, blank=True)
    deployment_authorized_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                                 on_delete=models.SET_NULL, related_name="+")
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

    def needs_deployment_authorization(self) -> bool:
        """A deployment authorisation is needed before implementing: by its change model, or
        by its category under the change policy (emergency changes: the ECAB decides)."""
        if self.type == ChangeType.EMERGENCY:
            return False
        if self.model_id is not None and self.model.needs_deployment_authorization:
            return True
        return bool(self.category) and self.category in ChangePolicy.current().deployment_categories

    def deployment_authorized_if_needed(self) -> bool:
        """Implemented only once its deployment is authorised, where it needs that."""
        return self.deployment_authorized_at is not None or not self.needs_deployment_authorization()

    def deployment_authorization_pending(self) -> bool:
        return self.deployment_authorized_at is None and self.needs_deployment_authorization()

    def evaluated_if_needed(self) -> bool:
        """Significant and major changes (as the change policy says) carry an evaluation report
        to the CAB."""
        if self.type != ChangeType.NORMAL or self.category not in ChangePolicy.current().evaluation_categories:
            return True
        return EvaluationReport.objects.filter(change=self).exists()

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
                conditions=[routed_to_a_board, evaluated_if_needed], permission=_change_manager)
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
                target=ChangeStatus.IMPLEMENTING, conditions=[authorized_or_implemented_first, may_implement_now,
                                                              deployment_authorized_if_needed],
                permission=_staff)
    def implement(self):
        """Refused before ``planned_start`` unless emergency, and from awaiting approval
        unless the ECAB allows implementing an emergency change first."""

    @transition(field=status, source=[ChangeStatus.AUTHORIZED, ChangeStatus.SCHEDULED], target=None,
                conditions=[deployment_authorization_pending], permission=_may_authorize_deployment)
    def authorize_deployment(self):
        """The deployment authorisation (the gate before ``implement``); the status stays."""

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


class ChangeCIUpdate(models.Model):
    """What an RFC sets on one configuration item: attributes (``{field: value}``) and
    relations (``[{"op": "add"/"remove", "kind", "target"}]``), applied to the CI when the
    change starts (``implement``) or completes successfully (``complete``), with the CI's
    history naming the change; backing the change out restores what ``before`` kept."""

    change = models.ForeignKey(Change, on_delete=models.CASCADE, related_name="ci_updates")
    ci = models.ForeignKey(ConfigurationItem, verbose_name=_("configuration item"), on_delete=models.PROTECT,
                           related_name="change_updates")
    attributes = models.JSONField(_("attributes it sets"), default=dict, blank=True)
    relations = models.JSONField(_("relations it sets"), default=list, blank=True)
    apply_on = models.CharField(_("applied"), max_length=10, choices=ApplyOn.choices, default=ApplyOn.COMPLETE)
    before = models.JSONField(default=dict, blank=True, editable=False)
    applied_at = models.DateTimeField(_("applied"), null=True, blank=True)
    restored_at = models.DateTimeField(_("restored"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["change", "ci"], name="%(app_label)s_%(class)s_once")]

    def __str__(self) -> str:
        return f"{self.change_id} → {self.ci_id}"


class EvaluationReport(models.Model):
    """The evaluation of a significant or major change before the CAB decides: risk, cost,
    capacity and security, and a go / no-go recommendation (shown on the CAB agenda)."""

    change = models.OneToOneField(Change, on_delete=models.CASCADE, related_name="evaluation")
    risk = models.TextField(_("risk"))
    cost = models.TextField(_("cost"))
    capacity = models.TextField(_("capacity"))
    security = models.TextField(_("security"))
    recommendation = models.CharField(_("recommendation"), max_length=6, choices=Recommendation.choices)
    summary = models.TextField(_("summary"), blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("evaluated by"), null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"{self.change_id}: {self.recommendation}"


class RaciAssignment(models.Model):
    """RACI per change model: who is responsible, accountable, consulted and informed for each
    step (a person, or everyone holding a role). No model: the default for changes whose model
    has none. Accountable people approve the step (``authorize``, ``deployment``); consulted
    and informed people are told when the step is taken."""

    model = models.ForeignKey(ChangeModel, verbose_name=_("change model"), null=True, blank=True,
                              on_delete=models.CASCADE, related_name="raci")
    step = models.CharField(_("step"), max_length=12, choices=RaciStep.choices)
    raci = models.CharField(_("RACI"), max_length=1, choices=Raci.choices)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("person"), null=True, blank=True,
                             on_delete=models.CASCADE, related_name="+")
    role = models.CharField(_("or everyone with the role"), max_length=20, choices=Role.choices, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["model_id", "step", "raci", "id"]
        constraints = [models.CheckConstraint(condition=Q(user__isnull=False) | ~Q(role=""),
                                              name="%(app_label)s_%(class)s_who")]

    def __str__(self) -> str:
        return f"{self.step} {self.raci}: {self.user or self.role}"
