"""All hands on the phones (issue 24.11, the TopHost procedure): while a major incident is
active, a staff member outside the contact center joins in one click as a temporary agent
for the queues serving the affected services, takes calls through the console like any
agent (routing offers them those queues' calls), and leaves by hand or automatically when
the major incident is resolved. Every join and leave is a history row of
:class:`~contactcenter.models.TemporaryAgent`; the calls they take point to it, so the
figures count them apart.

Services (writes): :func:`temporary_agent_join`, :func:`temporary_agent_leave`,
:func:`temporary_agents_release`. Selectors (reads): :func:`affected_queues`,
:func:`can_help`, :func:`open_stint`, :func:`helpers_of`, :func:`temporary_agent_calls`.
"""

from __future__ import annotations

from datetime import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_update_with_history

from catalog.models import AgentProfile
from core.errors import ConflictError, InvalidTransitionError
from core.roles import is_staff_member
from incidents.choices import ACTIVE_MAJOR_STATUSES
from incidents.models import MajorIncident

from . import routing
from .choices import AgentStateChoice
from .models import AgentState, Call, Line, MenuOption, Queue, TemporaryAgent, TemporaryAgentEnd


# --- selectors ------------------------------------------------------------------------------------
def affected_queues(major: MajorIncident) -> list[Queue]:
    """The queues serving the major incident's services: the default queue and the menu's
    queues of the lines for those services, and the queues of menu options for them; when
    none does, the default queues of the active lines."""
    services = major.services.values("pk")
    lines = Line.objects.filter(is_active=True, service__in=services)
    queues = Queue.objects.filter(
        Q(pk__in=lines.values("queue_id"))
        | Q(pk__in=MenuOption.objects.filter(Q(line__in=lines) | Q(service__in=services)).values("queue_id")))
    found = list(queues.order_by("name"))
    if not found:
        found = list(Queue.objects.filter(pk__in=Line.objects.filter(is_active=True).values("queue_id"))
                     .order_by("name"))
    return found


def is_contact_center_agent(user) -> bool:
    """Routing's agents are the people with a skill."""
    return AgentProfile.skills.through.objects.filter(agentprofile__user_id=user.pk).exists()


def open_stint(user) -> TemporaryAgent | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return (TemporaryAgent.objects.filter(user_id=user.pk, left_at__isnull=True)
            .select_related("major_incident__incident").first())


def standing(user) -> tuple[int | None, bool]:
    """In one query: the major incident ``user`` is helping on (None) and whether they are a
    contact-center agent (what the war room's card needs)."""
    row = (get_user_model().objects.filter(pk=user.pk).annotate(
        helping=Subquery(TemporaryAgent.objects.filter(user_id=OuterRef("pk"), left_at__isnull=True)
                         .values("major_incident_id")[:1]),
        skilled=Exists(AgentProfile.skills.through.objects.filter(agentprofile__user_id=OuterRef("pk"))))
        .values_list("helping", "skilled").first())
    return row or (None, False)


def can_help(user, major: MajorIncident) -> bool:
    """Offered the button: staff, not a contact-center agent, the major incident active."""
    return (is_staff_member(user) and major.status in ACTIVE_MAJOR_STATUSES
            and not is_contact_center_agent(user))


def helpers_of(major: MajorIncident) -> QuerySet[TemporaryAgent]:
    """Everyone who helped on the phones for this major incident, with their calls."""
    return (TemporaryAgent.objects.filter(major_incident=major).select_related("user")
            .annotate(call_count=Count("calls")).order_by("joined_at", "id"))


def temporary_agent_calls(*, major: MajorIncident | None = None, since: datetime | None = None,
                          until: datetime | None = None) -> int:
    """Calls taken by temporary agents (one query): the figure the KPIs count apart."""
    calls = Call.objects.filter(temporary_agent__isnull=False)
    if major is not None:
        calls = calls.filter(temporary_agent__major_incident=major)
    if since is not None:
        calls = calls.filter(started_at__gte=since)
    if until is not None:
        calls = calls.filter(started_at__lt=until)
    return calls.count()


# --- services -------------------------------------------------------------------------------------
@transaction.atomic
def temporary_agent_join(*, user, major: MajorIncident | int, at: datetime | None = None) -> TemporaryAgent:
    """One click: ``user`` becomes a temporary agent for the affected queues and available
    (taking a waiting call at once if there is one). Joining again is a no-op; helping on
    another major incident is refused (leave first)."""
    at = at or timezone.now()
    major = MajorIncident.objects.select_for_update().get(pk=getattr(major, "pk", major))
    if not can_help(user, major):
        raise InvalidTransitionError(_("Only staff outside the contact center can help on the phones of an "
                                       "active major incident."), major.status)
    current = TemporaryAgent.objects.select_for_update().filter(user_id=user.pk, left_at__isnull=True).first()
    if current is not None:
        if current.major_incident_id == major.pk:
            return current
        raise ConflictError(_("You are already helping on the phones for another major incident."))
    queues = affected_queues(major)
    if not queues:
        raise InvalidTransitionError(_("No queue serves the affected services."), major.status)
    stint = TemporaryAgent.objects.create(user=user, major_incident=major, joined_at=at)
    stint.queues.set(queues)
    routing.agent_set_state(user=user, state=AgentStateChoice.AVAILABLE, at=at)
    return stint


def _log_out(user_ids: list[int], at: datetime) -> None:
    """Offline the temporary agents who are not on a live call (one finishing a call is logged
    out by the console as usual; with their stint closed no more calls come to them)."""
    for agent in (AgentState.objects.select_for_update(of=("self",)).filter(user_id__in=user_ids)
                  .exclude(state=AgentStateChoice.OFFLINE).select_related("call").order_by("user_id")):
        if agent.state == AgentStateChoice.BUSY and agent.call_id and agent.call.ended_at is None:
            continue
        routing._enter(agent, AgentStateChoice.OFFLINE, at)


@transaction.atomic
def temporary_agent_leave(*, user, at: datetime | None = None) -> TemporaryAgent:
    """The helper goes back to their work: out of the queues, offline. Refused during a call."""
    at = at or timezone.now()
    stint = TemporaryAgent.objects.select_for_update().filter(user_id=user.pk, left_at__isnull=True).first()
    if stint is None:
        raise InvalidTransitionError(_("You are not helping on the phones."), "")
    agent = AgentState.objects.select_related("call").filter(user_id=user.pk).first()
    if agent and agent.state == AgentStateChoice.BUSY and agent.call_id and agent.call.ended_at is None:
        raise InvalidTransitionError(_("Finish the call first."), agent.state)
    stint.left_at, stint.ended_by = at, TemporaryAgentEnd.LEFT
    stint.save(update_fields=["left_at", "ended_by"])
    _log_out([user.pk], at)
    return stint


@transaction.atomic
def temporary_agents_release(*, major_incident_id: int, at: datetime | None = None) -> int:
    """The major incident is resolved: every helper's stint closes (one UPDATE, with history
    rows) and they are logged out. Runs again harmlessly. Returns how many left."""
    at = at or timezone.now()
    stints = list(TemporaryAgent.objects.select_for_update()
                  .filter(major_incident_id=major_incident_id, left_at__isnull=True))
    if not stints:
        return 0
    for stint in stints:
        stint.left_at, stint.ended_by = at, TemporaryAgentEnd.RESOLVED
    bulk_update_with_history(stints, TemporaryAgent, ["left_at", "ended_by"], batch_size=500)
    _log_out([s.user_id for s in stints], at)
    return len(stints)
