"""Every write to incidents. Each transition locks the row, checks the django-fsm guard and
the actor's permission, saves, records who and why in the history, moves the SLA clocks in
the same transaction, and queues notifications after commit."""

from __future__ import annotations

from contextlib import nullcontext
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, router, transaction
from django.db.models import F, Value
from django.db.models.functions import Coalesce
from django.db.models.signals import m2m_changed
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_fsm import can_proceed, has_transition_perm

from catalog.models import ConfigurationItem, Contact, Service, Team
from core import live
from core.caching import LocalCache
from core.errors import InvalidTransitionError
from core.roles import is_staff_member
from notifications.services import Message, notify, notify_each
from sla import services as sla

from .. import events, signals, tasks
from ..choices import ACTIVE_MAJOR_STATUSES, OPEN_STATUSES, IncidentStatus, NoteVisibility, ResolutionCode
from ..models import Attachment, Incident, IncidentNote, MajorIncident, PriorityMatrix
from . import setbased
from .setbased import Linked

# --- priority and routing -------------------------------------------------------------------
#: The priority matrix's nine cells, per process, read again after a cell is saved or deleted
#: anywhere (core.caching.LocalCache: a version in the shared cache).
_matrix = LocalCache("incidents:priority-matrix:version")
_matrix.connect(PriorityMatrix)


def _priority_matrix() -> dict[tuple[int, int], int]:
    return _matrix.get("cells", lambda: {(i, u): p for i, u, p in PriorityMatrix.objects.values_list(
        "impact", "urgency", "priority")})


def priority_for(impact: int, urgency: int) -> int:
    """The matrix cell for impact × urgency (1 = highest); if an admin removed the cell,
    the textbook default ``impact + urgency - 1``."""
    cell = _priority_matrix().get((impact, urgency))
    return cell if cell is not None else min(5, impact + urgency - 1)


def _check_ci_service(incident: Incident) -> None:
    ci_service = incident.ci.service_id if incident.ci_id else None
    if ci_service and incident.service_id and ci_service != incident.service_id:
        raise ValidationError({"ci": [_("%(ci)s belongs to another service.") % {"ci": incident.ci}]})


def default_team(*, service: Service | None, ci: ConfigurationItem | None) -> Team | None:
    """The CI's owner team, else the service's."""
    if ci is not None and ci.owner_team_id:
        return ci.owner_team
    if service is not None and service.owner_team_id:
        return service.owner_team
    return None


def default_team_id(*, service: Service | None, ci: ConfigurationItem | None) -> int | None:
    """:func:`default_team`'s id, without reading the team."""
    if ci is not None and ci.owner_team_id:
        return ci.owner_team_id
    if service is not None and service.owner_team_id:
        return service.owner_team_id
    return None


# --- helpers ----------------------------------------------------------------------------------
def _locked(incident: Incident | int) -> Incident:
    pk = incident.pk if isinstance(incident, Incident) else incident
    return Incident.objects.select_for_update(of=("self",)).select_related("customer").get(pk=pk)


# The verbs as people read them in messages (translated), by transition name.
ACTION_VERBS = {"assign": gettext_lazy("assign"), "start": gettext_lazy("start"), "hold": gettext_lazy("put on hold"),
                "resume": gettext_lazy("resume"), "resolve": gettext_lazy("resolve"), "close": gettext_lazy("close"),
                "reopen": gettext_lazy("reopen")}


def _guard(incident: Incident, action: str, actor) -> None:
    method = getattr(incident, action)
    verb = ACTION_VERBS.get(action, action)
    if not can_proceed(method):
        raise InvalidTransitionError(
            _("You cannot %(action)s an incident that is %(status)s.")
            % {"action": verb, "status": incident.get_status_display().lower()}, incident.status)
    if actor is not None and not has_transition_perm(method, actor):
        raise PermissionDenied(_("Only service desk staff can %(action)s incidents.") % {"action": verb})


def _save(incident: Incident, actor, reason: str = "", fields: list[str] | None = None) -> None:
    incident._history_user = actor
    incident._change_reason = reason[:100] if reason else None
    incident.save(update_fields=fields)


def _audience(incident: Incident, actor) -> list:
    """The people who asked: the requester and the contact's login, never the actor."""
    people = []
    if incident.requester_id:
        people.append(incident.requester_id)
    if incident.contact_id:
        user_id = Contact.objects.filter(pk=incident.contact_id).values_list("user_id", flat=True).first()
        if user_id:
            people.append(user_id)
    return [pk for pk in dict.fromkeys(people) if actor is None or pk != actor.pk]


def _tell(recipients, template: str, incident: Incident, key: str, *, by_email: bool = True, **context) -> None:
    if not recipients:
        return
    notify(recipients, template, {"incident": incident, "number": incident.number, "title": incident.title,
                                  **context},
           ["email", "in_app"] if by_email else ["in_app"], idempotency_key=f"incident:{incident.pk}:{key}",
           related=f"incidents.incident:{incident.pk}", url=incident.get_absolute_url())


# --- create and edit --------------------------------------------------------------------------
def incident_create(*, title: str, actor, description: str = "", channel: str = "portal", impact: int = 2,
                    urgency: int = 2, service: Service | None = None, ci: ConfigurationItem | None = None,
                    contact: Contact | None = None, requester=None, team: Team | None = None, assignee=None,
                    follow_up_of: Incident | None = None, at: datetime | None = None) -> Incident:
    """Record an incident: priority from the matrix, the default team from the CI or
    service, the SLA clocks started; a requester who reports is the requester.
    ``follow_up_of``: an earlier incident that can no longer be reopened or linked (closed, or
    past the reopen window) and that this one continues; the description names it first.

    Atomic. On PostgreSQL the incident, its number, its history row and its SLA timers (with
    their escalations and START events) are one statement (``setbased.insert_new``), atomic
    in itself: outside a transaction none is opened (no ``BEGIN`` and ``COMMIT`` round trips),
    inside one it runs in a savepoint as before. An assignee, an active major incident on the
    service or a policy paused on the first status take the transaction's path."""
    at = at or timezone.now()
    if follow_up_of is not None:
        description = _("Follow-up to %(number)s, which is %(status)s.") % {
            "number": follow_up_of.number, "status": follow_up_of.get_status_display().lower()} + "\n\n" + description
    if requester is None and actor is not None and not is_staff_member(actor):
        requester = actor
    if contact is None and requester is not None:
        contact = Contact.objects.filter(user=requester).first()
    if service is None and ci is not None:
        service = ci.service
    incident = Incident(
        title=title, description=description, channel=channel, impact=impact, urgency=urgency,
        priority=priority_for(impact, urgency), service=service, ci=ci, contact=contact,
        customer=contact.customer if contact else None, requester=requester, created_by=actor, created_at=at,
    )
    if team is not None:
        incident.team = team
    else:
        incident.team_id = default_team_id(service=service, ci=ci)
    # Related records were resolved by the caller: only the incident's own fields need checking.
    incident.full_clean(exclude=["number", "status", "service", "ci", "contact", "customer", "requester", "team",
                                 "assignee", "parent", "created_by"], validate_constraints=False)
    _check_ci_service(incident)
    # The number comes from the primary key: unique however many are created at once. The
    # history row is written once the number is known (one insert, not an insert and an update).
    incident._history_user = actor
    if setbased.with_timers() and assignee is None and not _may_join_major_incident(incident):
        timers = sla.sla_plan_new(ticket=incident, at=at, actor=actor)
        if timers is not sla.START_ON_MODEL_PATH:
            with transaction.atomic() if connection.in_atomic_block else nullcontext():
                setbased.insert_new(incident, actor_id=actor.pk if actor is not None else None,
                                    history_date=timezone.now(), timers=timers)
                # the clocks as SLA_PREFETCH would read them: the API's answer reads nothing more
                _hold_started_timers(incident, timers)
                _created(incident)
            return incident
    with transaction.atomic():
        return _create_in_transaction(incident, actor=actor, team=team, assignee=assignee, at=at)


def _created(incident: Incident) -> None:
    facts = {"incident_id": incident.pk, "channel": incident.channel, "service_id": incident.service_id,
             "ci_id": incident.ci_id, "created_at": incident.created_at}
    transaction.on_commit(lambda: signals.incident_created.send(sender=Incident, **facts))


def _create_in_transaction(incident: Incident, *, actor, team: Team | None, assignee, at: datetime) -> Incident:
    """The rest of :func:`incident_create` (the incident checked), in its transaction."""
    if setbased.sql_path():  # the row, its number and the history row in one statement
        setbased.insert_new(incident, actor_id=actor.pk if actor is not None else None, history_date=timezone.now())
    else:
        incident.skip_history_when_saving = True
        try:
            incident.save()
        finally:
            del incident.skip_history_when_saving
        incident.number = f"INC{incident.pk:06d}"
        Incident.objects.filter(pk=incident.pk).update(number=incident.number)
        Incident.history.bulk_history_create([incident], default_user=actor, default_change_reason="created")
    timers = sla.sla_start_new(ticket=incident, at=at, actor=actor)
    _join_major_incident(incident, actor, at)
    if assignee is None:  # the clocks as SLA_PREFETCH would read them: the API's answer reads nothing more
        _hold_started_timers(incident, timers)
    _created(incident)
    if assignee is not None:
        incident = incident_assign(incident=incident, actor=actor, assignee=assignee, team=team, at=at)
    return incident


def _hold_started_timers(incident: Incident, timers: list) -> None:
    """Keep the timers just started as the incident's prefetched ``sla_timers``, by metric,
    as Django's prefetch leaves them: the queryset the generic relation's manager builds
    (``using`` the database it reads, filtered by content type and id), its filter applied
    only when something chains on it (Django's reverse foreign keys defer it the same way;
    building it costs about 0.2 ms of CPU, and nothing on the create path ever chains)."""
    relation = Incident._meta.get_field("sla_timers")
    model = relation.related_model
    content_type = ContentType.objects.db_manager(incident._state.db).get_for_model(
        incident, for_concrete_model=relation.for_concrete_model)
    queryset = model._default_manager.get_queryset().using(router.db_for_read(model, instance=incident))
    queryset._defer_next_filter = True
    queryset = queryset.filter(**{f"{relation.content_type_field_name}__pk": content_type.id,
                                  relation.object_id_field_name: incident.pk})
    queryset._result_cache = sorted(timers, key=lambda timer: timer.metric)
    queryset._prefetch_done = True
    incident._prefetched_objects_cache = {"sla_timers": queryset}


#: The services of active major incidents, per process, read again after a major incident or
#: its services change anywhere: most new incidents have none and need not ask the database.
_active_majors = LocalCache("incidents:active-majors:version")
_active_majors.connect(MajorIncident)
m2m_changed.connect(_active_majors.invalidate, sender=MajorIncident.services.through, weak=False,
                    dispatch_uid="incidents-active-majors-services")


def _services_with_active_major() -> frozenset[int]:
    return _active_majors.get("services", lambda: frozenset(
        MajorIncident.objects.filter(status__in=ACTIVE_MAJOR_STATUSES).values_list("services", flat=True)))


def _may_join_major_incident(incident: Incident) -> bool:
    """Whether the incident's service has an active major incident (from the per-process cache)."""
    return incident.service_id is not None and incident.service_id in _services_with_active_major()


def _join_major_incident(incident: Incident, actor, at: datetime) -> None:
    """A new report on a service with an active major incident is one more report of that
    outage: link it to the master (an agent may unlink it) and count it on the war room."""
    if not _may_join_major_incident(incident):
        return
    major = (MajorIncident.objects.filter(status__in=ACTIVE_MAJOR_STATUSES, services=incident.service_id)
             .select_related("incident").order_by("-declared_at").first())
    if major is None:
        return
    incident_link_to_master(master=major.incident, incidents=[incident], actor=actor, at=at)


EDITABLE = ("title", "description", "channel", "impact", "urgency", "service", "ci", "contact")


@transaction.atomic
def incident_update(*, incident: Incident, actor, at: datetime | None = None, **changes) -> Incident:
    """Edit details. A new impact, urgency, service or contact re-prioritises and re-targets
    the SLA clocks (business time already consumed is kept)."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValueError(f"not editable here: {sorted(unknown)}")
    incident = _locked(incident)
    if not incident.is_open:
        raise InvalidTransitionError(_("A resolved or closed incident cannot be edited; reopen it first."),
                                     incident.status)
    before = (incident.priority, incident.service_id, incident.customer_id, incident.channel)
    for field, value in changes.items():
        setattr(incident, field, value)
    if "contact" in changes:
        incident.customer = incident.contact.customer if incident.contact else None
    incident.priority = priority_for(incident.impact, incident.urgency)
    incident.full_clean(exclude=["number", "status"])
    _check_ci_service(incident)
    _save(incident, actor, "edited")
    if (incident.priority, incident.service_id, incident.customer_id, incident.channel) != before:
        sla.sla_retarget(ticket=incident, at=at, actor=actor, reason="incident edited")
    return incident


# --- transitions ----------------------------------------------------------------------------
@transaction.atomic
def incident_assign(*, incident: Incident, actor, assignee=None, team: Team | None = None,
                    at: datetime | None = None) -> Incident:
    if assignee is None and team is None:
        raise ValidationError({"assignee": [_("Give an assignee, a team or both.")]})
    incident = _locked(incident)
    _guard(incident, "assign", actor)
    if assignee is not None and not is_staff_member(assignee):
        raise ValidationError({"assignee": [_("%(user)s is not service desk staff.") % {"user": assignee}]})
    if team is not None and assignee is not None and not team.members.filter(pk=assignee.pk).exists():
        raise ValidationError({"assignee": [_("%(user)s is not a member of %(team)s.")
                                            % {"user": assignee, "team": team}]})
    incident.assign()
    if team is not None:
        incident.team = team
    if assignee is not None:
        # Without a team given the incident stays with its team, even when the assignee (an
        # agent helping out, "assign to me") is not a member: the team moves only when asked.
        incident.assignee = assignee
    _save(incident, actor, "assigned")
    sla.sla_retarget(ticket=incident, at=at, actor=actor, reason="assigned")
    if incident.assignee_id and (actor is None or incident.assignee_id != actor.pk):
        _tell([incident.assignee_id], "incident-assigned", incident, f"assigned:{incident.assignee_id}:"
              f"{timezone.now().timestamp():.0f}")
    return incident


def _acknowledge(incident: Incident, actor, at: datetime) -> None:
    if incident.acknowledged_at is None and actor is not None and is_staff_member(actor):
        incident.acknowledged_at = at
        sla.sla_stop(ticket=incident, metric="response", at=at, actor=actor)


@transaction.atomic
def incident_start(*, incident: Incident, actor, at: datetime | None = None) -> Incident:
    """Work starts: the first start acknowledges the incident (stops the response clock)."""
    at = at or timezone.now()
    incident = _locked(incident)
    _guard(incident, "start", actor)
    incident.start()
    if incident.assignee_id is None and actor is not None:
        incident.assignee = actor
    _acknowledge(incident, actor, at)
    _save(incident, actor, "started")
    sla.sla_status_changed(ticket=incident, at=at, actor=actor)
    return incident


@transaction.atomic
def incident_hold(*, incident: Incident, actor, reason: str, at: datetime | None = None) -> Incident:
    if not reason or not reason.strip():
        raise ValidationError({"reason": [_("Say what the incident is waiting for.")]})
    incident = _locked(incident)
    _guard(incident, "hold", actor)
    incident.hold()
    incident.hold_reason = reason.strip()[:200]
    _save(incident, actor, f"on hold: {reason}")
    sla.sla_status_changed(ticket=incident, at=at, actor=actor)
    return incident


@transaction.atomic
def incident_resume(*, incident: Incident, actor, at: datetime | None = None) -> Incident:
    incident = _locked(incident)
    _guard(incident, "resume", actor)
    incident.resume()
    incident.hold_reason = ""
    _save(incident, actor, "resumed")
    sla.sla_status_changed(ticket=incident, at=at, actor=actor)
    return incident


@transaction.atomic
def incident_resolve(*, incident: Incident, actor, resolution_code: str, resolution: str,
                     at: datetime | None = None) -> Incident:
    """Resolve with a code and a text; the master's open children (and theirs) are resolved
    with it, set-based (:func:`_resolve_linked`)."""
    errors = {}
    if resolution_code not in ResolutionCode.values:
        errors["resolution_code"] = [_("Choose one of: %s.") % ", ".join(ResolutionCode.values)]
    if not resolution or not resolution.strip():
        errors["resolution"] = [_("Say how it was resolved.")]
    if errors:
        raise ValidationError(errors)
    at = at or timezone.now()
    incident = _locked(incident)
    _guard(incident, "resolve", actor)
    incident.resolve()
    incident.resolution_code, incident.resolution = resolution_code, resolution.strip()
    incident.resolved_at = at
    _acknowledge(incident, actor, at)
    _save(incident, actor, "resolved")
    sla.sla_stop(ticket=incident, metric="response", at=at, actor=actor)
    sla.sla_stop(ticket=incident, metric="resolution", at=at, actor=actor)
    _tell(_audience(incident, actor), "incident-resolved", incident, f"resolved:{incident.reopen_count}",
          resolution=incident.resolution, code=incident.get_resolution_code_display())
    resolved_id = incident.pk
    transaction.on_commit(lambda: signals.incident_resolved.send(sender=Incident, incident_id=resolved_id))
    _resolve_linked(incident, actor=actor, resolution_code=resolution_code, resolution=incident.resolution, at=at)
    return incident


def _resolve_linked(master: Incident, *, actor, resolution_code: str, resolution: str, at: datetime) -> list[int]:
    """The master's open children, and their open children, resolved as ``incident_resolve``
    resolves one, in a fixed number of statements per level of links whatever their number:
    locked with one read, both SLA clocks stopped with their events (``sla_stop_many``), moved
    with their history rows ("resolved with master INC…"), the live pages bumped once; the
    requesters told and the ``incident_resolved`` signal sent by one Celery task after commit
    (``incidents.tasks.linked_resolved``). On PostgreSQL all of it is SQL (no child becomes a
    Python object: :mod:`incidents.services.setbased`); elsewhere the model path."""
    acknowledges = actor is not None and is_staff_member(actor)
    level_of = _resolve_level_sql if setbased.sql_path() else _resolve_level_models
    parents, resolved = {master.pk: master.number}, []
    while parents:
        parents = level_of(parents, actor=actor, acknowledges=acknowledges, resolution_code=resolution_code,
                           resolution=resolution, at=at)
        resolved.extend(parents)
    if not resolved:
        return []
    topics = ["incidents", *(f"incident:{pk}" for pk in resolved)]
    actor_id = actor.pk if actor is not None else None
    transaction.on_commit(lambda: live.bump(topics, actor=actor))
    transaction.on_commit(lambda: tasks.linked_resolved.delay(resolved, actor_id))
    return resolved


def _resolve_level_sql(parents: dict, *, actor, acknowledges: bool, resolution_code: str, resolution: str,
                       at: datetime) -> dict[int, None]:
    """One level of open children of ``parents`` resolved in SQL; their ids (in order)."""
    ids = setbased.lock_open_children(list(parents))
    if not ids:
        return {}
    sla.sla_stop_many(model=Incident, ticket_ids=ids, metrics=("response", "resolution"), at=at, actor=actor)
    setbased.resolve_with_history(ids, resolution_code=resolution_code, resolution=resolution, at=at,
                                  now=timezone.now(), acknowledged=acknowledges,
                                  actor_id=actor.pk if actor is not None else None)
    return dict.fromkeys(ids)


def _resolve_level_models(parents: dict, *, actor, acknowledges: bool, resolution_code: str, resolution: str,
                          at: datetime) -> dict[int, str]:
    """One level of open children of ``parents`` (id → number) resolved through the models
    (databases other than PostgreSQL; the reference the SQL path is tested against)."""
    level = Incident.objects.filter(parent_id__in=list(parents), status__in=OPEN_STATUSES)
    children = list(level.select_for_update(of=("self",)).order_by("id"))
    if not children:
        return {}
    sla.sla_stop_many(model=Incident, ticket_ids=level.values("id"), metrics=("response", "resolution"), at=at,
                      actor=actor)
    now = timezone.now()
    for child in children:
        child.resolve()  # the django-fsm guard: every open status may resolve
        child.resolution_code, child.resolution, child.resolved_at, child.updated_at = (
            resolution_code, resolution, at, now)
        if acknowledges and child.acknowledged_at is None:
            child.acknowledged_at = at
        child._history_user = actor
        child._change_reason = f"resolved with master {parents[child.parent_id]}"[:100]
    level.update(
        status=IncidentStatus.RESOLVED, resolution_code=resolution_code, resolution=resolution, resolved_at=at,
        updated_at=now, acknowledged_at=Coalesce("acknowledged_at", Value(at)) if acknowledges
        else F("acknowledged_at"))
    Incident.history.bulk_history_create(children, default_user=actor, update=True, batch_size=1000)
    return {child.pk: child.number for child in children}


def incidents_tell_resolved(*, incident_ids: list[int], actor_id: int | None) -> int:
    """Tell the requester (and the contact's login) of each resolved incident, except the
    person who resolved it, as ``incident_resolve`` tells one, with one ``notify_each`` per
    1,000 incidents; then send ``incident_resolved`` for each. Run by the Celery task after
    the resolution committed; a second run sends nothing twice (the idempotency keys)."""
    told = 0
    for start in range(0, len(incident_ids), 1000):
        chunk = list(Incident.objects.filter(pk__in=incident_ids[start:start + 1000], status__in=[
            IncidentStatus.RESOLVED, IncidentStatus.CLOSED]).order_by("id")
            .annotate(contact_user_id=F("contact__user_id")))
        messages = []
        for incident in chunk:
            people = [pk for pk in dict.fromkeys([incident.requester_id, incident.contact_user_id])
                      if pk and pk != actor_id]
            if people:
                messages.append(Message(
                    people, {"incident": incident, "number": incident.number, "title": incident.title,
                             "resolution": incident.resolution, "code": incident.get_resolution_code_display()},
                    f"incident:{incident.pk}:resolved:{incident.reopen_count}",
                    related=f"incidents.incident:{incident.pk}", url=incident.get_absolute_url()))
        if messages:
            told += len(notify_each("incident-resolved", ["email", "in_app"], messages))
        for incident in chunk:
            signals.incident_resolved.send(sender=Incident, incident_id=incident.pk)
    return told


@transaction.atomic
def incident_close(*, incident: Incident, actor, at: datetime | None = None, reason: str = "closed") -> Incident:
    incident = _locked(incident)
    _guard(incident, "close", actor)
    incident.close()
    incident.closed_at = at or timezone.now()
    _save(incident, actor, reason)
    return incident


@transaction.atomic
def incident_reopen(*, incident: Incident, actor, reason: str, at: datetime | None = None) -> Incident:
    if not reason or not reason.strip():
        raise ValidationError({"reason": [_("Say why it is reopened.")]})
    at = at or timezone.now()
    incident = _locked(incident)
    if incident.status == IncidentStatus.RESOLVED and not incident.can_reopen():
        raise InvalidTransitionError(_("Incidents can be reopened within %(days)s days of their resolution.")
                                     % {"days": settings.INCIDENT_REOPEN_DAYS}, incident.status)
    _guard(incident, "reopen", actor)
    incident.reopen()
    incident.reopen_count += 1
    incident.resolved_at = None
    _save(incident, actor, f"reopened: {reason}")
    IncidentNote.objects.create(incident=incident, author=actor, body=_("Reopened: %s") % reason.strip(),
                                visibility=NoteVisibility.INTERNAL, created_at=at)
    sla.sla_reopen(ticket=incident, metric="resolution", at=at, actor=actor)
    sla.sla_status_changed(ticket=incident, at=at, actor=actor)
    return incident


@transaction.atomic
def incident_link(*, incident: Incident, actor, parent: Incident | None) -> Incident:
    """Link a duplicate to its master (or unlink with ``parent=None``). No self-links, no
    cycles, and only to a master that is still open."""
    if actor is not None and not is_staff_member(actor):
        raise PermissionDenied(_("Only service desk staff can link incidents."))
    incident = _locked(incident)
    if parent is not None:
        if parent.pk == incident.pk:
            raise ValidationError({"parent": [_("An incident cannot be its own master.")]})
        parent = Incident.objects.get(pk=parent.pk)  # as stored now, not as the caller last saw it
        ancestor_id, seen = parent.pk, set()
        while ancestor_id is not None and ancestor_id not in seen:  # walk up the stored chain
            if ancestor_id == incident.pk:
                raise ValidationError({"parent": [_("%(parent)s is already linked under %(incident)s: that would "
                                                    "make a cycle.") % {"parent": parent.number,
                                                                        "incident": incident.number}]})
            seen.add(ancestor_id)
            ancestor_id = Incident.objects.filter(pk=ancestor_id).values_list("parent_id", flat=True).first()
        if not parent.is_open:
            raise ValidationError({"parent": [_("The master %(number)s is already %(status)s.")
                                              % {"number": parent.number,
                                                 "status": parent.get_status_display().lower()}]})
    if not incident.is_open:
        raise InvalidTransitionError(_("Only open incidents can be linked."), incident.status)
    incident.parent = parent
    _save(incident, actor, f"linked to {parent.number}" if parent else "unlinked", fields=["parent", "updated_at"])
    major = MajorIncident.objects.filter(incident=parent).first() if parent is not None else None
    if major is not None:
        events.incident_linked(major, incident, actor=actor)
    return incident


@transaction.atomic
def incident_link_to_master(*, master: Incident, incidents, actor, at: datetime | None = None) -> list[Linked]:
    """Link many open incidents to a master at once (a major incident's later reports): one
    history row per linked incident, with who and why, and one line on the master's war-room
    timeline if it is a major incident. Incidents already linked to it are left as they are.
    Returns those linked (id, number, title), in id order. On PostgreSQL the locking read, the
    ``UPDATE`` and the history rows are SQL (:mod:`incidents.services.setbased`)."""
    at = at or timezone.now()
    pks = [item.pk if isinstance(item, Incident) else item for item in incidents]
    reason = f"linked to {master.number}"[:100]
    if setbased.sql_path():
        linked = setbased.link_with_history(master, pks, at=at, actor_id=actor.pk if actor is not None else None,
                                            reason=reason)
    else:
        linked = _link_models(master, pks, at=at, actor=actor, reason=reason)
    if not linked:
        return []
    topics = ["incidents", *(f"incident:{item.pk}" for item in linked)]
    transaction.on_commit(lambda: live.bump(topics, actor=actor))
    for given in incidents:  # the caller's objects see the link too
        if isinstance(given, Incident):
            given.parent, given.updated_at = master, at
    major = MajorIncident.objects.filter(incident=master).first()
    if major is not None:
        if len(linked) == 1:
            events.incident_linked(major, linked[0], actor=actor, at=at)
        else:
            events.incidents_linked(major, linked, actor=actor, at=at)
    return linked


def _link_models(master: Incident, pks: list[int], *, at: datetime, actor, reason: str) -> list[Linked]:
    """:func:`incident_link_to_master`'s writes through the models (databases other than
    PostgreSQL; the reference the SQL path is tested against)."""
    linked = list(Incident.objects.select_for_update(of=("self",)).filter(pk__in=pks)
                  .exclude(pk=master.pk).exclude(parent=master).order_by("pk"))
    if not linked:
        return []
    for incident in linked:
        incident.parent, incident.updated_at = master, at
    # One UPDATE for all (the same parent and time for each) and one insert of their history rows.
    Incident.objects.filter(pk__in=[incident.pk for incident in linked]).update(parent=master, updated_at=at)
    Incident.history.bulk_history_create(linked, update=True, default_user=actor, batch_size=1000,
                                         default_change_reason=reason, default_date=at)
    return [Linked(incident.pk, incident.number, incident.title) for incident in linked]


# --- notes and attachments ------------------------------------------------------------------
@transaction.atomic
def incident_add_note(*, incident: Incident, actor, body: str, visibility: str | None = None,
                      at: datetime | None = None) -> IncidentNote:
    """A work note or a customer-visible comment. Requesters only write comments: without a
    ``visibility`` theirs is a comment (staff's a work note), and asking for an internal note
    is refused (PermissionDenied; the API answers 403, the page shows the refusal). An agent's
    first comment acknowledges the incident; the requester hears of comments."""
    staff = is_staff_member(actor)
    if visibility is None:
        visibility = NoteVisibility.INTERNAL if staff else NoteVisibility.PUBLIC
    elif visibility != NoteVisibility.PUBLIC and not staff:
        raise PermissionDenied(_("Requesters write comments, not internal work notes."))
    if not body or not body.strip():
        raise ValidationError({"body": [_("Write something.")]})
    at = at or timezone.now()
    incident = _locked(incident)
    note = IncidentNote.objects.create(incident=incident, author=actor, body=body.strip(), visibility=visibility,
                                       created_at=at)
    if visibility == NoteVisibility.PUBLIC:
        if staff:
            if incident.acknowledged_at is None:
                _acknowledge(incident, actor, at)
                _save(incident, actor, "acknowledged by a comment", fields=["acknowledged_at", "updated_at"])
            # An email ticket's customer gets the comment as a threaded reply (the mail app,
            # on incident_note_added): a notification email as well would be a second copy.
            _tell(_audience(incident, actor), "incident-comment", incident, f"note:{note.pk}",
                  by_email=incident.channel != "email",
                  body=note.body, author=actor.get_full_name() or actor.get_username())
        elif incident.assignee_id:
            _tell([incident.assignee_id], "incident-comment", incident, f"note:{note.pk}",
                  body=note.body, author=actor.get_full_name() or actor.get_username())
    incident_id, note_id = incident.pk, note.pk
    transaction.on_commit(lambda: signals.incident_note_added.send(
        sender=IncidentNote, incident_id=incident_id, note_id=note_id, visibility=visibility, by_staff=staff))
    return note


def validate_upload(upload) -> None:
    if upload.size > settings.ATTACHMENT_MAX_BYTES:
        raise ValidationError({"file": [_("Files may be at most %(mb)s MB.")
                                        % {"mb": settings.ATTACHMENT_MAX_BYTES // (1024 * 1024)}]})
    content_type = (getattr(upload, "content_type", "") or "").split(";")[0].strip().lower()
    if content_type not in settings.ATTACHMENT_CONTENT_TYPES:
        raise ValidationError({"file": [_("Files of type %(type)s are not accepted.") % {"type": content_type}]})


@transaction.atomic
def incident_attach(*, incident: Incident, actor, upload, visibility: str = NoteVisibility.INTERNAL,
                    note: IncidentNote | None = None) -> Attachment:
    validate_upload(upload)
    if not is_staff_member(actor):
        visibility = NoteVisibility.PUBLIC
    name = (upload.name or "file").replace("/", "_").replace("\\", "_")[-200:]
    return Attachment.objects.create(incident=incident, note=note, file=upload, name=name, size=upload.size,
                                     content_type=upload.content_type.split(";")[0].strip().lower(),
                                     visibility=visibility, uploaded_by=actor)


# --- the clock ------------------------------------------------------------------------------
def incidents_auto_close(*, now: datetime | None = None, batch: int = 500) -> int:
    """Close incidents resolved more than INCIDENT_AUTOCLOSE_DAYS ago (beat, hourly).
    Each close is its own transition with history; concurrent runs skip each other's rows."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.INCIDENT_AUTOCLOSE_DAYS)
    closed = 0
    while True:
        with transaction.atomic():
            ids = list(Incident.objects.select_for_update(skip_locked=True)
                       .filter(status=IncidentStatus.RESOLVED, resolved_at__lte=cutoff).order_by("resolved_at")
                       .values_list("id", flat=True)[:batch])
            for pk in ids:
                incident_close(incident=pk, actor=None, at=now, reason="closed automatically")
        closed += len(ids)
        if len(ids) < batch:
            return closed
