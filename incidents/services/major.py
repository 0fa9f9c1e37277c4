"""Every write to major incidents: declare, the lifecycle, the team, tasks, stakeholder
updates, the announcement, the postmortem, and the reminder sweep. Each write records a
line on the war room's timeline; notifications and the signals for the contact center and
the status page go out after commit."""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Case, DateTimeField, F, IntegerField, Q, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django_fsm import can_proceed, has_transition_perm

from catalog.models import Service
from core.errors import ConflictError, InvalidTransitionError
from core.roles import Role, has_role, is_staff_member
from notifications.models import StakeholderGroup
from notifications.services import notify
from sla import services as sla
from sla.models import ServiceOutage

from .. import events, signals
from ..choices import (
    ACTIVE_MAJOR_STATUSES,
    Audience,
    IncidentStatus,
    MajorIncidentStatus,
    ResolutionCode,
    ServiceImpact,
    TaskStatus,
    TeamRole,
    TimelineKind,
    UpdateEvent,
)
from ..events import actor_name, timeline_event
from ..models import (
    Incident,
    MajorIncident,
    MajorIncidentMember,
    MajorIncidentTask,
    Postmortem,
    StakeholderUpdate,
)
from .incident import _locked as _locked_incident
from .incident import _save as _save_incident
from .incident import incident_link_to_master, incident_resolve, priority_for

User = get_user_model()


# --- who may ---------------------------------------------------------------------------------
def can_declare(user) -> bool:
    """Managers and administrators always; agents who hold the ``declare_majorincident``
    permission (given to a person or a group in the admin)."""
    if user is None:
        return True
    if has_role(user, Role.MANAGER, Role.ADMIN):
        return True
    return is_staff_member(user) and user.has_perm("incidents.declare_majorincident")


def can_run(major: MajorIncident, user) -> bool:
    """Transitions and the team: managers, administrators and the incident manager of this
    major incident."""
    return user is None or has_role(user, Role.MANAGER, Role.ADMIN) or major.manager_id == user.pk


def can_work(major: MajorIncident, user) -> bool:
    """Tasks, updates and the postmortem: whoever runs it and every member of its team."""
    if can_run(major, user):
        return True
    return major.members.filter(user=user).exists()


def _require(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionDenied(message)


# --- helpers ---------------------------------------------------------------------------------
def _locked(major: MajorIncident | int) -> MajorIncident:
    pk = major.pk if isinstance(major, MajorIncident) else major
    return MajorIncident.objects.select_for_update(of=("self",)).select_related("incident").get(pk=pk)


def _save(major: MajorIncident, actor, reason: str, fields: list[str] | None = None) -> None:
    major._history_user = actor
    major._change_reason = reason[:100]
    major.save(update_fields=fields)


def _send(signal, **kwargs) -> None:
    transaction.on_commit(lambda: signal.send(sender=MajorIncident, **kwargs))


def _new_pin() -> str:
    """Six random digits no live major incident uses (the constraint has the last word)."""
    taken = set(MajorIncident.objects.exclude(status=MajorIncidentStatus.CLOSED).values_list("bridge_pin", flat=True))
    while True:
        pin = f"{secrets.randbelow(900000) + 100000}"
        if pin not in taken:
            return pin


def _context(major: MajorIncident) -> dict:
    incident = major.incident
    return {"major": major, "incident": incident, "number": incident.number, "summary": major.summary,
            "bridge_number": major.bridge_number, "bridge_pin": major.bridge_pin,
            "war_room": settings.MAJOR_INCIDENT_WAR_ROOM_URL or "", "status": major.get_status_display()}


# --- audiences -------------------------------------------------------------------------------
#: The audiences found through the affected services (their owner teams, their stakeholder groups).
SERVICE_AUDIENCES = frozenset({Audience.TECHNICAL, Audience.STAKEHOLDERS})


def audience_recipients(major: MajorIncident, audience: str, *, service_ids: list[int] | None = None) -> list:
    """Who an audience is, as users, user ids and stakeholder groups for ``notify()``:

    - technical: the major-incident team, the master's team and the affected services' owner teams;
    - management: everyone with the manager role;
    - stakeholders: the stakeholder groups of the affected services (groups with no services hear of all);
    - users: the people who reported the master and its linked incidents;
    - public: nobody directly (the status page and its subscribers carry it).

    ``service_ids``: the affected services' ids, when the caller read them already (one
    update told to several audiences reads them once).
    """
    if service_ids is None and audience in SERVICE_AUDIENCES:
        service_ids = list(major.services.values_list("pk", flat=True))
    if audience == Audience.TECHNICAL:
        ids = list(major.members.values_list("user_id", flat=True))
        team_ids = set(Service.objects.filter(pk__in=service_ids, owner_team__isnull=False)
                       .values_list("owner_team_id", flat=True))
        if major.incident.team_id:
            team_ids.add(major.incident.team_id)
        ids += list(User.objects.filter(teams__in=team_ids, is_active=True).values_list("pk", flat=True))
        return list(dict.fromkeys(ids))
    if audience == Audience.MANAGEMENT:
        return list(User.objects.filter(groups__name=Role.MANAGER, is_active=True).values_list("pk", flat=True))
    if audience == Audience.STAKEHOLDERS:
        return list(StakeholderGroup.objects.filter(Q(services__in=service_ids) | Q(services__isnull=True))
                    .distinct().prefetch_related("members"))
    if audience == Audience.USERS:
        incidents = Incident.objects.filter(Q(pk=major.incident_id) | Q(parent_id=major.incident_id))
        ids = [pk for pk in incidents.values_list("requester_id", flat=True) if pk]
        ids += [pk for pk in incidents.values_list("contact__user_id", flat=True) if pk]
        return list(dict.fromkeys(ids))
    return []


AUDIENCE_CHANNELS = {
    Audience.TECHNICAL: ["email", "in_app", "sms"],
    Audience.MANAGEMENT: ["email", "in_app", "sms"],
    Audience.STAKEHOLDERS: ["email", "in_app"],
    Audience.USERS: ["email", "in_app"],
}


# --- declare ---------------------------------------------------------------------------------
@transaction.atomic
def major_incident_declare(*, incident: Incident | int, actor, summary: str, manager=None,
                           impact: str = ServiceImpact.MAJOR_OUTAGE, services: Iterable[Service] | None = None,
                           announcement: str | None = None, started_at: datetime | None = None,
                           at: datetime | None = None) -> MajorIncident:
    """Declare a major incident on an open incident, which becomes the master: priority 1,
    a bridge PIN, the manager (the declarer by default) on the team as incident manager, an
    ongoing outage recorded for each affected service, the team told about the bridge and
    the war room, the audiences told, and the IVR announcement switched on.

    In three steps: check (who may, the input, the incident: nothing is written before all
    of it passes), write (the major incident, the master's priority and clocks, the outages,
    the other reports linked), events (the timeline, the team mobilised, the audiences told,
    the signal after commit)."""
    at = at or timezone.now()
    incident, summary, manager, affected = _declare_check(incident=incident, actor=actor, summary=summary,
                                                          manager=manager, impact=impact, services=services)
    major = _declare_write(incident=incident, actor=actor, summary=summary, manager=manager, impact=impact,
                           affected=affected, announcement=announcement, started_at=started_at, at=at)
    _declare_events(major, actor=actor, summary=summary, affected=affected, at=at)
    return major


def _declare_check(*, incident: Incident | int, actor, summary: str, manager, impact: str,
                   services: Iterable[Service] | None) -> tuple[Incident, str, object, list[Service]]:
    """Refuse (403, 400, 409) before anything is written; return the locked incident, the
    summary, the incident manager and the affected services (the incident's own first)."""
    _require(can_declare(actor), _("Only managers and agents allowed to declare major incidents can do this."))
    summary = (summary or "").strip()
    if not summary:
        raise ValidationError({"summary": [_("Say in one line what is wrong.")]})
    if impact not in ServiceImpact.values:
        raise ValidationError({"impact": [_("Choose one of: %s.") % ", ".join(ServiceImpact.values)]})
    incident = _locked_incident(incident)
    if incident.is_major or MajorIncident.objects.filter(incident=incident).exists():
        raise InvalidTransitionError(_("%(number)s is already a major incident.") % {"number": incident.number},
                                     incident.status)
    if not incident.is_open:
        raise InvalidTransitionError(
            _("A major incident cannot be declared from an incident that is %(status)s.")
            % {"status": incident.get_status_display().lower()}, incident.status)
    if incident.parent_id is not None:
        raise InvalidTransitionError(
            _("%(number)s is linked to the master %(master)s: declare on the master.")
            % {"number": incident.number, "master": incident.parent.number}, incident.status)
    manager = manager or actor
    if manager is None or not is_staff_member(manager):
        raise ValidationError({"manager": [_("The incident manager must be service desk staff.")]})
    affected = list(services) if services is not None else []
    if incident.service_id and incident.service not in affected:
        affected.insert(0, incident.service)
    return incident, summary, manager, affected


def _declare_write(*, incident: Incident, actor, summary: str, manager, impact: str, affected: list[Service],
                   announcement: str | None, started_at: datetime | None, at: datetime) -> MajorIncident:
    """The major incident with its bridge PIN and announcement; the master resumed if on
    hold, raised to priority 1 and its SLA clocks re-targeted; an ongoing outage per
    affected service; the services' other open incidents linked to the master."""
    if announcement is None:
        announcement = _("We are aware of a problem affecting %(what)s and are working to fix it. "
                         "There is no need to report it again.") % {"what": ", ".join(s.name for s in affected)
                                                                    or summary}
    major = MajorIncident(incident=incident, summary=summary[:300], impact=impact, manager=manager,
                          declared_by=actor, started_at=min(started_at or incident.created_at, at), declared_at=at,
                          bridge_number=settings.MAJOR_INCIDENT_BRIDGE_NUMBER, bridge_pin=_new_pin(),
                          announcement=announcement.strip())
    try:
        with transaction.atomic():
            _save(major, actor, "declared")
    except IntegrityError as exc:  # a PIN taken at the same instant, or a second declaration
        raise ConflictError(_("Someone declared this at the same moment; reload the page."), incident.status) \
            from exc
    major.services.set(affected)
    if incident.status == IncidentStatus.ON_HOLD:
        # A declared major incident is worked, not waiting: back in progress with its clocks
        # running, recorded in the incident's history like any resume.
        incident.resume()
        incident.hold_reason = ""
        _save_incident(incident, actor, "resumed: major incident declared",
                       fields=["status", "hold_reason", "updated_at"])
        sla.sla_status_changed(ticket=incident, at=at, actor=actor)
    incident.is_major = True
    incident.impact, incident.urgency = 1, 1
    incident.priority = priority_for(1, 1)
    if incident.acknowledged_at is None and actor is not None:
        incident.acknowledged_at = at
    _save_incident(incident, actor, "declared a major incident",
                   fields=["is_major", "impact", "urgency", "priority", "acknowledged_at", "updated_at"])
    sla.sla_retarget(ticket=incident, at=at, actor=actor, reason="major incident declared")
    for service in affected:
        ServiceOutage.objects.create(service=service, started_at=major.started_at,
                                     description=summary[:300], source=f"incidents.majorincident:{major.pk}")
    # Later reports of the same outage join this one: link the service's other open incidents.
    return major


def _declare_events(major: MajorIncident, *, actor, summary: str, affected: list[Service], at: datetime) -> None:
    """The timeline's first line, the team mobilised (the incident manager, and the master's
    assignee as technical lead), the audiences told, and the signal after commit."""
    incident = major.incident
    events.major_incident_declared(major, actor=actor, summary=summary, at=at)
    # Later reports of the same outage join this one: the services' other open incidents are
    # linked to the master (a history row each, one line on the timeline). Here, after the
    # declaration's line, because the timeline orders lines written at the same instant by id.
    incident_link_to_master(master=incident, actor=actor, at=at, incidents=list(
        Incident.objects.filter(service__in=affected, parent__isnull=True, is_major=False,
                                status__in=[IncidentStatus.NEW, IncidentStatus.ASSIGNED, IncidentStatus.IN_PROGRESS,
                                            IncidentStatus.ON_HOLD])
        .exclude(pk=incident.pk).values_list("pk", flat=True)))
    major_incident_add_member(major=major, actor=None, user=major.manager, role=TeamRole.INCIDENT_MANAGER, at=at)
    if incident.assignee_id and incident.assignee_id != major.manager_id:
        major_incident_add_member(major=major, actor=None, user=incident.assignee, role=TeamRole.TECHNICAL_LEAD,
                                  at=at)
    _post(major, actor, audiences=[Audience.TECHNICAL, Audience.MANAGEMENT, Audience.STAKEHOLDERS, Audience.USERS],
          what=summary, where=", ".join(s.name for s in affected), event=UpdateEvent.UNPLANNED, eta=None,
          contact="", body=_("A major incident has been declared. We will keep you informed."), at=at,
          key="declared")
    _send(signals.major_incident_declared, major_incident_id=major.pk)


# --- lifecycle -------------------------------------------------------------------------------
ACTION_VERBS = {"mobilise": gettext_lazy("mobilise"), "contain": gettext_lazy("contain"),
                "resolve": gettext_lazy("resolve"), "review": gettext_lazy("review"), "close": gettext_lazy("close")}
MILESTONE = {"mobilise": "mobilised_at", "contain": "contained_at", "resolve": "resolved_at",
             "review": "reviewed_at", "close": "closed_at"}


def _guard(major: MajorIncident, action: str, actor) -> None:
    method = getattr(major, action)
    verb = ACTION_VERBS[action]
    if not can_proceed(method):
        if action == "review" and major.status == MajorIncidentStatus.RESOLVED:
            raise InvalidTransitionError(_("Complete the postmortem before the review."), major.status)
        raise InvalidTransitionError(_("You cannot %(action)s a major incident that is %(status)s.")
                                     % {"action": verb, "status": major.get_status_display().lower()}, major.status)
    if actor is not None and not has_transition_perm(method, actor):
        raise PermissionDenied(_("Only managers and the incident manager can %(action)s this major incident.")
                               % {"action": verb})


@transaction.atomic
def major_incident_transition(*, major: MajorIncident | int, actor, action: str, resolution: str = "",
                              at: datetime | None = None) -> MajorIncident:
    """``mobilise``, ``contain``, ``resolve`` (with a resolution), ``review`` (after a complete
    postmortem) or ``close``. Each tells the audiences where it is; resolving resolves the
    master and its children, ends the recorded outage and switches the announcement off."""
    if action not in MILESTONE:
        raise ValueError(f"unknown action {action!r}")
    if action == "resolve" and not (resolution or "").strip():
        raise ValidationError({"resolution": [_("Say how service was restored.")]})
    at = at or timezone.now()
    major = _locked(major)
    _guard(major, action, actor)
    getattr(major, action)()
    setattr(major, MILESTONE[action], at)
    fields = ["status", MILESTONE[action]]
    if action == "resolve":
        major.resolution = resolution.strip()
        fields.append("resolution")
    _save(major, actor, action, fields=fields)
    timeline_event(major, TimelineKind.TRANSITION, _("%(who)s: %(status)s") % {"who": actor_name(actor),
                                                                        "status": major.get_status_display()},
           actor, at)
    if action == "resolve":
        incident = Incident.objects.get(pk=major.incident_id)
        if incident.is_open:
            incident_resolve(incident=incident, actor=actor, resolution_code=ResolutionCode.FIXED,
                             resolution=major.resolution, at=at)
        ServiceOutage.objects.filter(source=f"incidents.majorincident:{major.pk}", ended_at__isnull=True,
                                     started_at__lt=at).update(ended_at=at)
        ServiceOutage.objects.filter(source=f"incidents.majorincident:{major.pk}", ended_at__isnull=True).delete()
        _send(signals.major_incident_resolved, major_incident_id=major.pk)
    if action in ("mobilise", "contain", "resolve"):
        texts = {"mobilise": _("The major incident team is working on it."),
                 "contain": _("The impact is contained; we are working on a permanent fix."),
                 "resolve": major.resolution}
        if action == "resolve" and major.updates.filter(is_public=True).exists():
            # The public saw it begin, so it hears it end; in plain words, never the
            # internal resolution text.
            _post(major, actor, audiences=[Audience.PUBLIC], what=major.summary,
                  where=", ".join(major.services.values_list("name", flat=True)), event=UpdateEvent.UNPLANNED,
                  eta=None, contact="", body=_("The issue is resolved and the service is working normally again. "
                                                "We are sorry for the disruption."), at=at, key="resolve-public")
        _post(major, actor, audiences=[Audience.TECHNICAL, Audience.MANAGEMENT, Audience.STAKEHOLDERS,
                                       Audience.USERS],
              what=major.summary, where=", ".join(major.services.values_list("name", flat=True)),
              event=UpdateEvent.UNPLANNED, eta=None, contact="", body=texts[action], at=at, key=action)
    return major


# --- team ------------------------------------------------------------------------------------
@transaction.atomic
def major_incident_add_member(*, major: MajorIncident, actor, user, role: str = TeamRole.MEMBER,
                              at: datetime | None = None) -> MajorIncidentMember:
    """Put someone on the team (or change their role) and send them the bridge and war room."""
    if actor is not None:
        _require(can_run(major, actor), _("Only managers and the incident manager can change the team."))
    if role not in TeamRole.values:
        raise ValidationError({"role": [_("Choose one of: %s.") % ", ".join(TeamRole.values)]})
    if not user.is_active:
        raise ValidationError({"user": [_("%(user)s is not an active user.") % {"user": user}]})
    if role != TeamRole.EXTERNAL_EXPERT and not is_staff_member(user):
        raise ValidationError({"user": [_("%(user)s is not service desk staff; add them as an external expert.")
                                        % {"user": user}]})
    if major.status == MajorIncidentStatus.CLOSED:
        raise InvalidTransitionError(_("The major incident is closed."), major.status)
    member, created = MajorIncidentMember.objects.update_or_create(
        major_incident=major, user=user, defaults={"role": role, "added_by": actor})
    if not created and member.role == role and actor is not None:
        return member
    timeline_event(major, TimelineKind.TEAM, _("%(user)s joined as %(role)s") % {"user": actor_name(user),
                                                                          "role": member.get_role_display()},
           actor, at)
    if role == TeamRole.INCIDENT_MANAGER and major.manager_id != user.pk:
        major.manager = user
        _save(major, actor, "incident manager changed", fields=["manager"])
    notify([user], "major-incident-mobilise", {**_context(major), "role": member.get_role_display()},
           ["email", "in_app", "sms"], idempotency_key=f"major:{major.pk}:member:{user.pk}:{role}",
           related=f"incidents.majorincident:{major.pk}", url=major.get_absolute_url())
    return member


@transaction.atomic
def major_incident_remove_member(*, major: MajorIncident, actor, user) -> None:
    _require(can_run(major, actor), _("Only managers and the incident manager can change the team."))
    if major.status == MajorIncidentStatus.CLOSED:
        raise InvalidTransitionError(_("The major incident is closed."), major.status)
    if major.manager_id == user.pk:
        raise ValidationError({"user": [_("Name another incident manager first.")]})
    deleted, _rows = MajorIncidentMember.objects.filter(major_incident=major, user=user).delete()
    if deleted:
        timeline_event(major, TimelineKind.TEAM, _("%(user)s left the team") % {"user": actor_name(user)}, actor)


# --- tasks -----------------------------------------------------------------------------------
@transaction.atomic
def major_incident_add_task(*, major: MajorIncident, actor, title: str, assignee=None,
                            due_at: datetime | None = None) -> MajorIncidentTask:
    _require(can_work(major, actor), _("Only the major incident team can add tasks."))
    title = (title or "").strip()
    if not title:
        raise ValidationError({"title": [_("Say what needs doing.")]})
    if major.status in (MajorIncidentStatus.REVIEWED, MajorIncidentStatus.CLOSED):
        raise InvalidTransitionError(_("The major incident is %(status)s.")
                                     % {"status": major.get_status_display().lower()}, major.status)
    try:
        with transaction.atomic():
            task = MajorIncidentTask.objects.create(major_incident=major, title=title[:200], assignee=assignee,
                                                    due_at=due_at, created_by=actor)
    except IntegrityError as exc:
        raise ValidationError({"title": [_("This task is already on the board.")]}) from exc
    timeline_event(major, TimelineKind.TASK, _("Task: %(title)s%(who)s") % {
        "title": task.title, "who": (" → " + actor_name(assignee)) if assignee else ""}, actor)
    if assignee is not None and (actor is None or assignee.pk != actor.pk):
        notify([assignee], "generic", {"subject": _("Task on %(number)s: %(title)s")
                                       % {"number": major.incident.number, "title": task.title},
                                       "body": task.title}, ["email", "in_app"],
               idempotency_key=f"major:{major.pk}:task:{task.pk}:{assignee.pk}",
               related=f"incidents.majorincident:{major.pk}", url=major.get_absolute_url())
    return task


#: A task's transitions as people read them (translated), by transition name, and the
#: transition that reaches each status.
TASK_VERBS = {"start": gettext_lazy("start"), "complete": gettext_lazy("complete"), "cancel": gettext_lazy("cancel")}
TASK_TRANSITIONS = {TaskStatus.IN_PROGRESS: "start", TaskStatus.DONE: "complete", TaskStatus.CANCELLED: "cancel"}
TASK_TRANSITIONS_BY_ACTION = {action: status for status, action in TASK_TRANSITIONS.items()}


def _locked_task(task: MajorIncidentTask, actor, expected_status: str | None) -> MajorIncidentTask:
    """The task locked, the actor on the team, and as the caller saw it (else a conflict)."""
    task = MajorIncidentTask.objects.select_for_update().select_related("major_incident").get(pk=task.pk)
    _require(can_work(task.major_incident, actor), _("Only the major incident team can change tasks."))
    if expected_status is not None and task.status != expected_status:
        raise ConflictError(_("Someone changed this task first: it is now %(status)s.")
                            % {"status": task.get_status_display().lower()}, task.status)
    return task


def _save_task(task: MajorIncidentTask, actor) -> None:
    task._history_user = actor
    try:
        with transaction.atomic():
            task.save()
    except IntegrityError as exc:
        raise ValidationError({"title": [_("This task is already on the board.")]}) from exc


def _task_move(*, task: MajorIncidentTask, action: str, actor, expected_status: str | None,
               assignee=None) -> MajorIncidentTask:
    """Lock, guard (the django-fsm transition: a move it does not allow is a 409), move,
    save with history and write the timeline line. Already there: nothing to do."""
    task = _locked_task(task, actor, expected_status)
    method = getattr(task, action)
    if task.status == TASK_TRANSITIONS_BY_ACTION[action] and (assignee is None or assignee.pk == task.assignee_id):
        return task
    if not can_proceed(method):
        raise InvalidTransitionError(_("You cannot %(action)s a task that is %(status)s.")
                                     % {"action": TASK_VERBS[action], "status": task.get_status_display().lower()},
                                     task.status)
    method()
    if assignee is not None:
        task.assignee = assignee
    if task.status == TaskStatus.IN_PROGRESS and task.assignee_id is None:
        task.assignee = actor
    task.completed_at = timezone.now() if task.status == TaskStatus.DONE else None
    _save_task(task, actor)
    timeline_event(task.major_incident, TimelineKind.TASK, _("Task %(title)s: %(status)s%(who)s") % {
        "title": task.title, "status": task.get_status_display().lower(),
        "who": (" (" + actor_name(task.assignee) + ")") if task.assignee_id else ""}, actor)
    return task


@transaction.atomic
def major_incident_task_start(*, task: MajorIncidentTask, actor, assignee=None,
                              expected_status: str | None = None) -> MajorIncidentTask:
    """Take an open task: it is ``assignee``'s (else its assignee's, else the actor's).
    ``expected_status`` (what the caller saw) makes taking it safe: of two people taking it
    at once, one gets it and the other a conflict."""
    return _task_move(task=task, action="start", actor=actor, expected_status=expected_status, assignee=assignee)


@transaction.atomic
def major_incident_task_complete(*, task: MajorIncidentTask, actor,
                                 expected_status: str | None = None) -> MajorIncidentTask:
    return _task_move(task=task, action="complete", actor=actor, expected_status=expected_status)


@transaction.atomic
def major_incident_task_cancel(*, task: MajorIncidentTask, actor,
                               expected_status: str | None = None) -> MajorIncidentTask:
    return _task_move(task=task, action="cancel", actor=actor, expected_status=expected_status)


TASK_MOVE_SERVICES = {"start": major_incident_task_start, "complete": major_incident_task_complete,
                      "cancel": major_incident_task_cancel}


@transaction.atomic
def major_incident_update_task(*, task: MajorIncidentTask, actor, expected_status: str | None = None,
                               **changes) -> MajorIncidentTask:
    """Change a task's title, assignee or due time; a new ``status`` is the transition's
    service (start, complete, cancel; one it does not allow is a 409). ``expected_status``
    (what the caller saw) makes taking a task safe: if someone else moved it first, a conflict."""
    unknown = set(changes) - {"title", "assignee", "due_at", "status"}
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    task = _locked_task(task, actor, expected_status)
    target = changes.pop("status", None)
    if target is not None and target not in TaskStatus.values:
        raise ValidationError({"status": [_("Choose one of: %s.") % ", ".join(TaskStatus.values)]})
    if "title" in changes and not (changes["title"] or "").strip():
        raise ValidationError({"title": [_("Say what needs doing.")]})
    if changes:
        for field, value in changes.items():
            setattr(task, field, value.strip() if field == "title" else value)
        _save_task(task, actor)
    if target is not None and target != task.status:
        if target not in TASK_TRANSITIONS:
            raise InvalidTransitionError(_("A task that is %(status)s cannot become %(target)s again.")
                                         % {"status": task.get_status_display().lower(),
                                            "target": TaskStatus(target).label.lower()}, task.status)
        task = TASK_MOVE_SERVICES[TASK_TRANSITIONS[target]](task=task, actor=actor)
    return task


# --- communications --------------------------------------------------------------------------
def _clean_audiences(audiences) -> list[str]:
    if not audiences:
        raise ValidationError({"audiences": [_("Choose at least one audience.")]})
    if isinstance(audiences, str):
        audiences = [audiences]
    unknown = [a for a in audiences if a not in Audience.values]
    if unknown:
        raise ValidationError({"audiences": [_("Unknown audience %(name)s; choose from %(all)s.")
                                             % {"name": ", ".join(map(str, unknown)),
                                                "all": ", ".join(Audience.values)}]})
    return list(dict.fromkeys(audiences))


def _post(major: MajorIncident, actor, *, audiences, what: str, where: str, event: str, eta, contact: str,
          body: str, at: datetime | None = None, key: str | None = None) -> StakeholderUpdate:
    at = at or timezone.now()
    update = StakeholderUpdate.objects.create(
        major_incident=major, audiences=audiences, status=major.status, what=what[:300], where=where[:300],
        event=event, eta=eta, contact=contact[:200], body=body, author=actor, created_at=at)
    major.last_update_at = at
    MajorIncident.objects.filter(pk=major.pk).update(last_update_at=at)
    timeline_event(major, TimelineKind.UPDATE, _("Update to %(audiences)s: %(what)s")
           % {"audiences": ", ".join(str(Audience(a).label) for a in audiences), "what": what}, actor, at)
    context = {**_context(major), "what": update.what, "where": update.where,
               "event": update.get_event_display(), "eta": update.eta, "contact": update.contact,
               "body": update.body}
    told = 0
    service_ids = None
    if SERVICE_AUDIENCES & set(audiences):
        service_ids = list(major.services.values_list("pk", flat=True))
    for audience in audiences:
        recipients = audience_recipients(major, audience, service_ids=service_ids)
        if not recipients or audience not in AUDIENCE_CHANNELS:
            continue
        deliveries = notify(recipients, "major-incident-update", context, AUDIENCE_CHANNELS[audience],
                            idempotency_key=f"major:{major.pk}:update:{key or update.pk}:{audience}",
                            related=f"incidents.majorincident:{major.pk}", url=major.get_absolute_url())
        told += len({d.user_id for d in deliveries})
    if told:
        timeline_event(major, TimelineKind.NOTIFICATION,
               ngettext("%(count)s person notified", "%(count)s people notified", told) % {"count": told}, None, at)
    _send(signals.stakeholder_update_posted, major_incident_id=major.pk, update_id=update.pk,
          public=Audience.PUBLIC in audiences)
    return update


@transaction.atomic
def major_incident_post_update(*, major: MajorIncident | int, actor, audiences, what: str, where: str = "",
                               event: str = UpdateEvent.UNPLANNED, eta: datetime | None = None, contact: str = "",
                               body: str = "", at: datetime | None = None) -> StakeholderUpdate:
    """A stakeholder update in the ALERT shape to the chosen audiences; ``public`` puts it
    on the status page (and in its subscribers' mail)."""
    errors = {}
    try:
        audiences = _clean_audiences(audiences)
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if not (what or "").strip():
        errors["what"] = [_("Say what is affected.")]
    if event not in UpdateEvent.values:
        errors["event"] = [_("Choose planned or unplanned.")]
    if isinstance(eta, str):
        parsed = parse_datetime(eta)
        if parsed is None:
            errors["eta"] = [_("Give the expected resolution as a date and time.")]
        eta = parsed
    if errors:
        raise ValidationError(errors)
    major = _locked(major)
    _require(can_work(major, actor), _("Only the major incident team can post updates."))
    if major.status == MajorIncidentStatus.CLOSED:
        raise InvalidTransitionError(_("The major incident is closed."), major.status)
    return _post(major, actor, audiences=audiences, what=what.strip(), where=(where or "").strip(), event=event,
                 eta=eta, contact=(contact or "").strip(), body=(body or "").strip(), at=at)


@transaction.atomic
def major_incident_set_announcement(*, major: MajorIncident | int, actor, announcement: str) -> MajorIncident:
    """The text callers hear on the affected services (empty: no announcement)."""
    major = _locked(major)
    _require(can_work(major, actor), _("Only the major incident team can change the announcement."))
    text = (announcement or "").strip()
    if len(text) > 1000:
        raise ValidationError({"announcement": [_("Keep it under 1000 characters: callers listen to all of it.")]})
    if text == major.announcement:
        return major
    major.announcement = text
    _save(major, actor, "announcement changed", fields=["announcement"])
    timeline_event(major, TimelineKind.ANNOUNCEMENT, _("Announcement: %s") % (text or _("(switched off)")), actor)
    _send(signals.major_incident_announcement_changed, major_incident_id=major.pk, announcement=text)
    return major


def major_incident_remind_updates(*, now: datetime | None = None) -> int:
    """Remind the communications lead (else the incident manager) of each active major
    incident that has had no update for its priority's cadence; once per silent period.
    One query finds them, whatever the number of major incidents."""
    now = now or timezone.now()
    cadence = Case(*[When(incident__priority=p, then=Value(m)) for p, m in
                     settings.MAJOR_INCIDENT_UPDATE_CADENCE.items()],
                   default=Value(max(settings.MAJOR_INCIDENT_UPDATE_CADENCE.values(), default=60)),
                   output_field=IntegerField())
    candidates = (MajorIncident.objects.filter(status__in=ACTIVE_MAJOR_STATUSES)
                  .annotate(cadence=cadence,
                            last=Coalesce("last_update_at", "declared_at", output_field=DateTimeField()))
                  .select_related("incident"))
    reminded = 0
    for major in candidates.filter(last__lte=now - F("cadence") * timedelta(minutes=1)):
        silent = now - major.last
        lead = major.members.filter(role=TeamRole.COMMUNICATIONS_LEAD).values_list("user_id", flat=True).first()
        minutes = int(silent.total_seconds() // 60)
        notify([lead or major.manager_id], "major-incident-reminder", {**_context(major), "minutes": minutes},
               ["email", "in_app", "sms"],
               idempotency_key=f"major:{major.pk}:reminder:{major.last.timestamp():.0f}:"
                               f"{int(silent.total_seconds() // (major.cadence * 60))}",
               related=f"incidents.majorincident:{major.pk}", url=major.get_absolute_url())
        reminded += 1
    return reminded


# --- postmortem ------------------------------------------------------------------------------
def postmortem_prefill(major: MajorIncident) -> list[dict]:
    """The timeline as the war room recorded it: transitions, updates, team and tasks."""
    return [{"at": event.at.isoformat(), "text": event.text}
            for event in major.timeline.exclude(kind=TimelineKind.NOTIFICATION).order_by("at", "id")]


def postmortem_for(major: MajorIncident) -> Postmortem:
    """The postmortem as stored, or a new one with the timeline prefilled (not saved)."""
    try:
        return major.postmortem
    except Postmortem.DoesNotExist:
        return Postmortem(major_incident=major, timeline=postmortem_prefill(major),
                          summary=major.resolution)


def _clean_rows(rows, required: tuple[str, ...], name: str) -> list[dict]:
    if rows in (None, ""):
        return []
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise ValidationError({name: [_("Give a list of objects.")]})
    cleaned = []
    for i, row in enumerate(rows, 1):
        missing = [key for key in required if not str(row.get(key) or "").strip()]
        if missing:
            raise ValidationError({name: [_("Row %(row)s needs %(fields)s.") % {"row": i,
                                                                                "fields": ", ".join(missing)}]})
        cleaned.append({key: row.get(key) for key in row})
    return cleaned


POSTMORTEM_FIELDS = ("summary", "root_cause", "contributing_factors", "timeline", "actions", "problem", "change",
                     "complete")


@transaction.atomic
def postmortem_save(*, major: MajorIncident | int, actor, **fields) -> Postmortem:
    """Write the postmortem. ``complete`` needs a summary, a root cause and an owner and due
    date on every follow-up action; it may be set once the major incident is resolved."""
    unknown = set(fields) - set(POSTMORTEM_FIELDS)
    if unknown:
        raise ValueError(f"not a postmortem field: {sorted(unknown)}")
    major = _locked(major)
    _require(can_work(major, actor), _("Only the major incident team can write the postmortem."))
    if major.status in (MajorIncidentStatus.REVIEWED, MajorIncidentStatus.CLOSED):
        raise InvalidTransitionError(_("The postmortem of a reviewed major incident is final."), major.status)
    postmortem = postmortem_for(major)
    if "timeline" in fields:
        fields["timeline"] = _clean_rows(fields["timeline"], ("at", "text"), "timeline")
    if "actions" in fields:
        fields["actions"] = _clean_rows(fields["actions"], ("title",), "actions")
    for field, value in fields.items():
        setattr(postmortem, field, value.strip() if isinstance(value, str) else value)
    if postmortem.complete:
        errors = {}
        if not postmortem.summary.strip():
            errors["summary"] = [_("A complete postmortem has a summary.")]
        if not postmortem.root_cause.strip():
            errors["root_cause"] = [_("A complete postmortem names the root cause.")]
        for i, action in enumerate(postmortem.actions, 1):
            if not action.get("owner") or not action.get("due_at"):
                errors.setdefault("actions", []).append(
                    _("Action %(row)s needs an owner and a due date.") % {"row": i})
        if major.status not in (MajorIncidentStatus.RESOLVED,):
            errors.setdefault("complete", []).append(_("The postmortem is completed after the resolution."))
        if errors:
            raise ValidationError(errors)
        if postmortem.completed_at is None:
            postmortem.completed_at = timezone.now()
    else:
        postmortem.completed_at = None
    owners = [a.get("owner") for a in postmortem.actions if a.get("owner")]
    bad = [o for o in owners if not isinstance(o, int) or not User.objects.filter(pk=o).exists()]
    if bad:
        raise ValidationError({"actions": [_("No such user: %s.") % ", ".join(map(str, bad))]})
    postmortem.updated_by = actor
    postmortem._history_user = actor
    postmortem.save()
    timeline_event(major, TimelineKind.NOTE, _("Postmortem %(state)s") % {
        "state": _("completed") if postmortem.complete else _("updated")}, actor)
    return postmortem


@transaction.atomic
def postmortem_link(*, major: MajorIncident | int, problem: int | None = None, change: int | None = None) -> None:
    """Record the problem record or the change on the postmortem (called by the problems and
    changes apps when one is opened from this major incident; any state, also after review)."""
    major = _locked(major)
    postmortem = postmortem_for(major)
    if problem is not None:
        postmortem.problem = problem
    if change is not None:
        postmortem.change = change
    postmortem.save()
    what = _("Problem record linked") if problem is not None else _("Change linked")
    timeline_event(major, TimelineKind.NOTE, what, None)
