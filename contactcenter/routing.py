"""Agents and call distribution: agent state (with a log of every stretch, for occupancy and
wrap-up), the longest-idle available agent with the queue's skill, waiting calls served VIP
first, holds and transfers, and who calls back.

Every decision runs in one transaction under row locks (``skip_locked`` on the agent and the
waiting call), so two calls never take one agent and two agents never take one call. The
provider is asked to move a live call only after the decision commits.
"""

from __future__ import annotations

from datetime import UTC, datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connections, models, router, transaction
from django.db.models import Count, Exists, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.db.models.sql import UpdateQuery
from django.db.models.sql.constants import ROW_COUNT
from django.utils import timezone

from catalog.choices import CustomerTier
from catalog.models import AgentProfile
from core.errors import InvalidTransitionError

from . import compiled
from .choices import AgentStateChoice, CallbackStatus, CallOutcome
from .models import AgentState, AgentStateLog, Call, Callback, CallTransfer, Line, Queue, TemporaryAgent
from .tasks import redirect_call
from .telephony import hook_url

TIER_PRIORITY = {CustomerTier.VIP: 2, CustomerTier.GOLD: 1}


def tier_priority(customer) -> int:
    return TIER_PRIORITY.get(getattr(customer, "tier", None), 0)


def _seconds(start: datetime | None, end: datetime) -> int:
    return max(0, round((end - start).total_seconds())) if start else 0


def redirect_on_commit(call_sid: str, hook: str = "connect") -> None:
    """Ask the provider to fetch the call's TwiML again once this transaction commits."""
    url = hook_url(hook)
    transaction.on_commit(lambda: redirect_call.delay(call_sid, url))


# --- agent state ---------------------------------------------------------------------------------
def _locked_state(user) -> AgentState:
    AgentState.objects.get_or_create(user=user)
    return AgentState.objects.select_for_update().get(user=user)


def _enter(agent: AgentState, state: str, at: datetime, call: Call | None = None) -> AgentState:
    """Close the agent's current stretch (a wrap-up credits its call) and start the next."""
    open_stretch = AgentStateLog.objects.filter(user_id=agent.user_id, ended_at__isnull=True).first()
    if open_stretch is not None:
        open_stretch.ended_at = max(at, open_stretch.started_at)
        open_stretch.save(update_fields=["ended_at"])
        if open_stretch.state == AgentStateChoice.WRAP_UP and open_stretch.call_id:
            Call.objects.filter(pk=open_stretch.call_id).update(
                wrap_up_seconds=Coalesce("wrap_up_seconds", 0) + _seconds(open_stretch.started_at, at)
            )
    agent.state, agent.since, agent.call = state, at, call
    agent.save(update_fields=["state", "since", "call"])
    AgentStateLog.objects.create(user_id=agent.user_id, state=state, started_at=at, call=call)
    return agent


@transaction.atomic
def agent_set_state(*, user, state: str, at: datetime | None = None) -> AgentState:
    """The agent says where they are. ``busy`` by hand is "not ready" (no call offered);
    leaving a call in progress is refused (409); becoming available takes the next waiting
    call at once, if there is one for their skills."""
    if state not in AgentStateChoice.values:
        raise ValueError(state)
    at = at or timezone.now()
    # Locks in the webhooks' order, call before agent, so the two never wait on each other.
    call_id = AgentState.objects.filter(user=user).values_list("call_id", flat=True).first()
    if call_id is not None:
        Call.objects.select_for_update().filter(pk=call_id).first()
    agent = _locked_state(user)
    if agent.state == AgentStateChoice.BUSY and agent.call_id and agent.call.ended_at is None:
        if state == AgentStateChoice.BUSY:
            return agent  # already busy with that call
        raise InvalidTransitionError("Finish the call first.", agent.state)
    if agent.state != state or agent.call_id:
        _enter(agent, state, at)
    if state == AgentStateChoice.AVAILABLE:
        offer_waiting_call(agent=agent, at=at)
    return agent


def _skills(user_id: int) -> list[int]:
    return list(
        AgentProfile.skills.through.objects.filter(agentprofile__user_id=user_id).values_list("skill_id", flat=True)
    )


def _helping(user_id, queue_id=None) -> models.QuerySet:
    """The open "all hands on the phones" stint of a temporary agent (issue 24.11), for one
    queue if given: a subquery, so routing keeps its query count."""
    stints = TemporaryAgent.objects.filter(user_id=user_id, left_at__isnull=True)
    return stints.filter(queues=queue_id) if queue_id is not None else stints


def _free_agents(queue: Queue | None) -> models.QuerySet:
    """The available agents with the queue's skill (or helping on the phones for that queue)."""
    agents = AgentState.objects.filter(state=AgentStateChoice.AVAILABLE, user__is_active=True)
    if queue is not None and queue.skill_id:
        agents = agents.filter(
            Exists(
                AgentProfile.skills.through.objects.filter(
                    agentprofile__user_id=OuterRef("user_id"), skill_id=queue.skill_id
                )
            )
            | Exists(_helping(OuterRef("user_id"), queue.pk))
        )
    return agents


def pick_agent(queue: Queue | None) -> AgentState | None:
    """The longest-idle available agent with the queue's skill (or helping on the phones for
    that queue), locked, with their user (one indexed query)."""
    return (
        _free_agents(queue)
        .select_for_update(skip_locked=True, of=("self",))
        .select_related("user")
        .order_by("since", "user_id")
        .first()
    )


def _connect(call: Call, agent: AgentState, at: datetime, also: dict | None = None) -> None:
    call.agent_id = agent.user_id
    # A temporary agent's call points to their stint (counted apart), in the same UPDATE.
    call.temporary_agent_id = Subquery(_helping(agent.user_id).values("pk")[:1])
    call.save(update_fields=["agent", "queue", "queued_at", "priority", "temporary_agent", *(also or ())])
    call.__dict__.pop("temporary_agent_id", None)  # deferred: read back from the row when asked
    _enter(agent, AgentStateChoice.BUSY, at, call)


@transaction.atomic
def route_call(
    *, call: Call, queue: Queue | None, at: datetime | None = None, also: dict | None = None
) -> AgentState | None:
    """Put the call in the queue: straight to the longest-idle agent with the skill, or wait
    (the caller hears the queue; the next agent to free up takes the first waiting VIP, then
    the longest waiting). ``also``: more of the call's fields to write in the same UPDATE
    (field name → value). Returns the agent, or None while the call waits."""
    at = at or timezone.now()
    also = also or {}
    locked = Call.objects.select_for_update(of=("self",)).select_related("customer").get(pk=call.pk)
    locked.queue = queue
    locked.queued_at = locked.queued_at or at
    locked.priority = tier_priority(locked.customer)
    for name, value in also.items():
        setattr(locked, name, value)
    agent = pick_agent(queue)
    if agent is None:
        locked.agent = None
        locked.save(update_fields=["agent", "queue", "queued_at", "priority", *also])
    else:
        _connect(locked, agent, at, also)
    call.queue, call.queued_at, call.priority, call.agent_id = queue, locked.queued_at, locked.priority, locked.agent_id
    if agent is not None and AgentState.user.is_cached(agent):
        call.agent = agent.user  # the hook rings them by name: no query for the user
    for name, value in also.items():
        setattr(call, name, value)
    return agent


def route_call_waiting_first(
    *, call: Call, queue: Queue | None, at: datetime | None = None, also: dict | None = None
) -> AgentState | None:
    """``route_call`` for a hook the caller waits on, in autocommit (the gather hook): when no
    agent with the queue's skill is free and the call has no agent, it waits in the queue in
    one ``UPDATE`` — no transaction, no lock (the most common case when the desk is busy,
    issue 22 bench). That ``UPDATE`` sets what ``route_call`` sets when nobody is free
    (``queued_at`` kept if already set) and ``also``; its ``WHERE`` carries the check (no free
    agent, ``NOT EXISTS``), so nothing happens between the check and the write. An agent
    free: on PostgreSQL one more statement takes them (``_connect_free_agent``: the call and
    the agent locked, the agent ``SKIP LOCKED``, so two calls never take one agent) and writes
    what ``route_call`` writes. Any other case (the call has an agent, the free agent was
    taken meanwhile, another database) is ``route_call`` under its row locks, as before."""
    at = at or timezone.now()
    also = also or {}
    priority = tier_priority(call.customer if call.customer_id else None)
    if not _wait_in_queue(call_id=call.pk, queue=queue, at=at, priority=priority, also=also):
        agent = _connect_free_agent(call=call, queue=queue, at=at, priority=priority, also=also)
        return agent if agent is not None else route_call(call=call, queue=queue, at=at, also=also)
    call.queue, call.queued_at, call.priority, call.agent = queue, call.queued_at or at, priority, None
    for name, value in also.items():
        setattr(call, name, value)
    return None


def _wait_query(values: dict, also: dict) -> UpdateQuery:
    """``route_call_waiting_first``'s ``UPDATE`` with these values (``queue_id`` None: no queue)."""
    queue = Queue(pk=values["queue_id"], skill_id=values["skill_id"]) if values["queue_id"] is not None else None
    query = (
        Call.objects.filter(pk=values["pk"], agent__isnull=True)
        .filter(~Exists(_free_agents(queue)))
        .query.chain(UpdateQuery)
    )
    query.add_update_values(
        {
            "queue_id": values["queue_id"],
            "priority": values["priority"],
            "queued_at": Coalesce("queued_at", Value(values["at"], output_field=models.DateTimeField())),
            **{name: values.get(name, value) for name, value in also.items()},
        }
    )
    return query


#: ``_wait_query``'s SQL per database and shape, compiled once per process: building and
#: compiling it (an ``EXISTS`` within a ``NOT EXISTS``) was 2 ms of the gather hook's CPU
#: (issue 22 bench); only the values change from call to call. Each value is compiled as a
#: marker no real value equals, whose places in the parameters are then filled in.
#: (alias, vendor, shape) → (sql, params, {value name: its indexes}), or None: the ORM each time.
_WAIT_SQL: dict[tuple, tuple[str, list, dict[str, list[int]]] | None] = {}
_MARKERS = {
    "pk": -917_000_001,
    "queue_id": -917_000_002,
    "skill_id": -917_000_003,
    "priority": -917_000_004,
    "service_id": -917_000_005,
    "at": datetime(1901, 2, 3, 4, 5, 6, 789, tzinfo=UTC),
}


def _wait_in_queue(*, call_id: int, queue: Queue | None, at: datetime, priority: int, also: dict) -> int:
    """Run ``_wait_query``: 1 when the call now waits in the queue, 0 when it did not change."""
    values = {
        "pk": call_id,
        "at": at,
        "priority": priority,
        "queue_id": queue.pk if queue is not None else None,
        "skill_id": queue.skill_id if queue is not None else None,
        "service_id": also.get("service_id"),
    }
    alias = router.db_for_write(Call)
    connection = connections[alias]
    fixed = tuple(sorted((name, value) for name, value in also.items() if name != "service_id"))
    key = (
        alias,
        connection.vendor,
        queue is None,
        bool(queue is not None and queue.skill_id),
        "service_id" in also,
        also.get("service_id") is None,  # a None is compiled in (no marker): its own shape
        fixed,
    )
    if key not in _WAIT_SQL:
        markers = {name: marker for name, marker in _MARKERS.items() if values[name] is not None}
        compiler = _wait_query({**values, **markers}, also).get_compiler(using=alias)
        compiler.pre_sql_setup()
        sql, params = compiler.as_sql()
        slots = compiled.marker_slots(params, markers)
        _WAIT_SQL[key] = (sql, list(params), slots) if slots is not None else None
    wait = _WAIT_SQL[key]
    if wait is None:
        query = _wait_query(values, also)
        return query.get_compiler(using=alias).execute_sql(ROW_COUNT)
    sql, params, slots = wait
    with connection.cursor() as cursor:
        cursor.execute(sql, compiled.filled(params, slots, values))
        return cursor.rowcount


#: ``_connect_free_agent``'s SQL per database and shape, built once per process (the agent
#: choice compiled by the ORM from ``_free_agents``, as ``pick_agent`` runs it): (alias, queue
#: shape, ``also``'s fields) → (sql, the choice's parameters, {value name: their indexes}).
_CONNECT_SQL: dict[tuple, tuple[str, list, dict[str, list[int]]]] = {}


def _connect_sql(alias: str, queue: Queue | None, also_fields: tuple[str, ...]) -> tuple[str, list, dict]:
    """One data-modifying statement (PostgreSQL) that does what ``route_call`` does when an
    agent is free, in the same order of locks: the call locked if it still has no agent; the
    longest-idle free agent with the queue's skill (``pick_agent``'s filter and order) locked,
    ``SKIP LOCKED``; the call's ``UPDATE`` (agent, queue, ``queued_at`` kept if set, priority,
    temporary agent's stint, ``also``); the agent's open stretch closed; the agent busy with the
    call; the new stretch. It returns the agent's state id, the call's ``queued_at`` and the
    agent's user row, or no row — nothing written — when the call has an agent, no agent could
    be taken, or the agent's open stretch is a wrap-up to credit (``_enter``'s case, left to
    the ORM)."""
    qn = connections[alias].ops.quote_name
    if queue is not None:
        queue = Queue(pk=_MARKERS["queue_id"], skill_id=_MARKERS["skill_id"] if queue.skill_id else None)
    pick_sql, pick_params = (
        _free_agents(queue).order_by("since", "user_id").values("pk", "user_id")[:1].query.get_compiler(alias).as_sql()
    )
    markers = {name: _MARKERS[name] for name in ("queue_id", "skill_id")}
    slots = {
        name: [k for k, p in enumerate(pick_params) if isinstance(p, int) and not isinstance(p, bool) and p == marker]
        for name, marker in markers.items()
    }
    call, state, log, stint = (qn(m._meta.db_table) for m in (Call, AgentState, AgentStateLog, TemporaryAgent))
    user_model = AgentState._meta.get_field("user").related_model
    user_columns = ", ".join(f"u.{qn(f.column)}" for f in user_model._meta.concrete_fields)

    def col(model, name):
        return qn(model._meta.get_field(name).column)

    also_set = "".join(f", {col(Call, name)} = %s" for name in also_fields)
    # Names from the models' meta, quoted; values as parameters. The new stretch is inserted
    # after the open one is closed (its count read first): one open stretch per agent.
    sql = f"""WITH cc_call AS (
    SELECT {col(Call, "id")} FROM {call} WHERE {col(Call, "id")} = %s AND {col(Call, "agent")} IS NULL FOR UPDATE
), cc_agent AS (
    SELECT p.pk, p.user_id FROM ({pick_sql} FOR UPDATE OF {state} SKIP LOCKED) p
    WHERE EXISTS (SELECT 1 FROM cc_call)
), cc_ready AS (
    SELECT a.pk, a.user_id FROM cc_agent a WHERE NOT EXISTS (
        SELECT 1 FROM {log} l WHERE l.{col(AgentStateLog, "user")} = a.user_id AND l.{col(AgentStateLog, "ended_at")}
        IS NULL AND l.{col(AgentStateLog, "state")} = %s AND l.{col(AgentStateLog, "call")} IS NOT NULL)
), cc_connected AS (
    UPDATE {call} SET {col(Call, "agent")} = r.user_id, {col(Call, "queue")} = %s,
        {col(Call, "queued_at")} = COALESCE({call}.{col(Call, "queued_at")}, %s), {col(Call, "priority")} = %s,
        {col(Call, "temporary_agent")} = (
            SELECT t.{col(TemporaryAgent, "id")} FROM {stint} t WHERE t.{col(TemporaryAgent, "user")} = r.user_id
            AND t.{col(TemporaryAgent, "left_at")} IS NULL
            ORDER BY t.{col(TemporaryAgent, "joined_at")}, t.{col(TemporaryAgent, "id")} LIMIT 1){also_set}
    FROM cc_ready r WHERE {call}.{col(Call, "id")} = %s AND {call}.{col(Call, "agent")} IS NULL
    RETURNING {call}.{col(Call, "id")} AS call_id, {call}.{col(Call, "queued_at")} AS queued_at, r.pk, r.user_id
), cc_closed AS (
    UPDATE {log} SET {col(AgentStateLog, "ended_at")} = GREATEST(%s, {log}.{col(AgentStateLog, "started_at")})
    FROM cc_connected c WHERE {log}.{col(AgentStateLog, "user")} = c.user_id
    AND {log}.{col(AgentStateLog, "ended_at")} IS NULL
    RETURNING {log}.{col(AgentStateLog, "id")}
), cc_busy AS (
    UPDATE {state} SET {col(AgentState, "state")} = %s, {col(AgentState, "since")} = %s,
        {col(AgentState, "call")} = c.call_id
    FROM cc_connected c WHERE {state}.{col(AgentState, "id")} = c.pk RETURNING {state}.{col(AgentState, "id")}
), cc_stretch AS (
    INSERT INTO {log} ({col(AgentStateLog, "user")}, {col(AgentStateLog, "state")},
        {col(AgentStateLog, "started_at")}, {col(AgentStateLog, "ended_at")}, {col(AgentStateLog, "call")})
    SELECT c.user_id, %s, %s, NULL, c.call_id FROM cc_connected c
    CROSS JOIN (SELECT count(*) FROM cc_closed) closed
    RETURNING {log}.{col(AgentStateLog, "id")}
)
SELECT c.pk, c.queued_at, {user_columns} FROM cc_connected c JOIN {qn(user_model._meta.db_table)} u
ON u.{qn(user_model._meta.pk.column)} = c.user_id"""  # noqa: S608 - names from the models' meta
    return sql, list(pick_params), slots


def _connect_free_agent(
    *, call: Call, queue: Queue | None, at: datetime, priority: int, also: dict
) -> AgentState | None:
    """``route_call``'s outcome when an agent is free, in one statement in autocommit
    (``_connect_sql``; issue 22 bench: 9 statements under locks before): the agent, busy
    with the call, with their user (the hook rings them by name), or None when that statement
    took no agent (``route_call`` decides then) or on another database than PostgreSQL."""
    alias = router.db_for_write(Call)
    connection = connections[alias]
    if connection.vendor != "postgresql":
        return None
    fields = tuple(sorted(also))
    key = (alias, queue is None, bool(queue is not None and queue.skill_id), fields)
    if key not in _CONNECT_SQL:
        _CONNECT_SQL[key] = _connect_sql(alias, queue, fields)
    sql, pick_params, slots = _CONNECT_SQL[key]
    pick_params = list(pick_params)
    for name, places in slots.items():
        for k in places:
            pick_params[k] = type(pick_params[k])(queue.pk if name == "queue_id" else queue.skill_id)
    also_values = [Call._meta.get_field(name).get_db_prep_save(also[name], connection) for name in fields]
    busy = AgentStateChoice.BUSY
    params = [
        call.pk,
        *pick_params,
        AgentStateChoice.WRAP_UP,
        queue.pk if queue is not None else None,
        at,
        priority,
        *also_values,
        call.pk,
        at,
        busy,
        at,
        busy,
        at,
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    if row is None:
        return None
    user_model = AgentState._meta.get_field("user").related_model
    user = user_model.from_db(alias, [f.attname for f in user_model._meta.concrete_fields], row[2:])
    agent = AgentState(pk=row[0], user=user, state=busy, since=at, call_id=call.pk)
    call.queue, call.queued_at, call.priority, call.agent = queue, row[1], priority, user
    for name, value in also.items():
        setattr(call, name, value)
    return agent


def offer_waiting_call(*, agent: AgentState, at: datetime) -> Call | None:
    """A freed agent takes the first waiting call they have a skill for: VIP first, then the
    higher queue priority, then the longest waiting. The caller is moved to the agent."""
    skills = _skills(agent.user_id)
    helping = TemporaryAgent.queues.through.objects.filter(
        temporaryagent__user_id=agent.user_id, temporaryagent__left_at__isnull=True
    ).values("queue_id")
    call = (
        Call.objects.select_for_update(skip_locked=True, of=("self",))
        .filter(agent__isnull=True, ended_at__isnull=True, queued_at__isnull=False)
        .filter(
            Q(queue__skill__isnull=True) | Q(queue__skill__in=skills) | Q(queue__isnull=True) | Q(queue__in=helping)
        )
        .order_by("-priority", F("queue__priority").desc(nulls_last=True), "queued_at", "id")
        .first()
    )
    if call is None:
        return None
    _connect(call, agent, at)
    if not _offer_in_conference(call):
        redirect_on_commit(call.call_sid)
    return call


# --- the call's progress with its agent -----------------------------------------------------------
@transaction.atomic
def call_connected(*, call_sid: str, talk_seconds: int | None, at: datetime | None = None) -> Call | None:
    """The agent's leg ended after being answered (Twilio's ``DialCallDuration``): the call
    was answered ``talk_seconds`` ago; the agent goes to wrap-up."""
    at = at or timezone.now()
    call = Call.objects.select_for_update().filter(call_sid=call_sid).first()
    if call is None or call.agent_id is None:
        return call
    talk = max(0, talk_seconds or 0)
    if call.answered_at is None:
        call.answered_at = at - timezone.timedelta(seconds=talk)
        call.wait_seconds = _seconds(call.queued_at or call.started_at, call.answered_at)
    call.talk_seconds = (call.talk_seconds or 0) + talk if call.transfers else talk
    call.outcome = CallOutcome.TRANSFERRED if call.transfers else CallOutcome.ANSWERED
    close_hold(call, at)
    call.save(update_fields=["answered_at", "wait_seconds", "talk_seconds", "outcome", "hold_seconds", "held_since"])
    release_agent(call=call, at=at)
    return call


@transaction.atomic
def call_not_answered(*, call_sid: str, at: datetime | None = None) -> Call | None:
    """The agent did not pick up: they are set offline (not ready), and the call goes back to
    its queue, to the next agent or to wait."""
    at = at or timezone.now()
    call = Call.objects.select_for_update().filter(call_sid=call_sid).first()
    if call is None or call.agent_id is None:
        return call
    agent = AgentState.objects.select_for_update().filter(user_id=call.agent_id, call=call).first()
    if agent is not None:
        _enter(agent, AgentStateChoice.OFFLINE, at)
    call.agent = None
    call.save(update_fields=["agent"])
    route_call(call=call, queue=call.queue, at=at)
    return call


def release_agent(*, call: Call, at: datetime) -> None:
    """The call is over for its agent: wrap-up after a conversation, available otherwise."""
    if call.agent_id is None:
        return
    agent = (
        AgentState.objects.select_for_update()
        .filter(user_id=call.agent_id, call=call, state=AgentStateChoice.BUSY)
        .first()
    )
    if agent is None:
        return
    if call.answered_at is not None:
        _enter(agent, AgentStateChoice.WRAP_UP, at, call)
    else:
        _enter(agent, AgentStateChoice.AVAILABLE, at)
        offer_waiting_call(agent=agent, at=at)


def _live_conference(call: Call):
    """The call's live conference under conference routing (issue 22.4), else None (no query
    when conference routing is off)."""
    if not getattr(settings, "CONTACT_CENTER_CONFERENCE", False):
        return None
    from .supervision import live_conference  # supervision imports routing

    return live_conference(call)


def _offer_in_conference(call: Call) -> bool:
    if not getattr(settings, "CONTACT_CENTER_CONFERENCE", False):
        return False
    from .supervision import offer_in_conference  # supervision imports routing

    return offer_in_conference(call)


def close_hold(call: Call, at: datetime) -> None:
    if call.held_since is not None:
        call.hold_seconds += _seconds(call.held_since, at)
        call.held_since = None


def _agents_live_call(call_id: int, user) -> Call:
    call = Call.objects.select_for_update().get(pk=call_id)
    if call.agent_id != user.pk or call.ended_at is not None:
        raise InvalidTransitionError("This is not your live call.", call.status)
    return call


@transaction.atomic
def call_hold(*, call_id: int, user, at: datetime | None = None) -> Call:
    """The agent puts the caller on hold (hold music); hold time is counted until resumed."""
    call = _agents_live_call(call_id, user)
    if call.held_since is not None:
        raise InvalidTransitionError("The call is already on hold.", "on_hold")
    call.held_since = at or timezone.now()
    call.save(update_fields=["held_since"])
    conference = _live_conference(call)
    if conference is not None:  # the caller stays in the conference, on hold (a supervisor stays too)
        from .supervision import hold_caller  # supervision imports routing

        hold_caller(call, conference, held=True)
    else:
        redirect_on_commit(call.call_sid, "hold")
    return call


@transaction.atomic
def call_resume(*, call_id: int, user, at: datetime | None = None) -> Call:
    call = _agents_live_call(call_id, user)
    if call.held_since is None:
        raise InvalidTransitionError("The call is not on hold.", call.status)
    close_hold(call, at or timezone.now())
    call.save(update_fields=["hold_seconds", "held_since"])
    conference = _live_conference(call)
    if conference is not None and conference.caller_held:
        from .supervision import hold_caller  # supervision imports routing

        hold_caller(call, conference, held=False)
    else:
        redirect_on_commit(call.call_sid)
    return call


@transaction.atomic
def call_transfer(*, call_id: int, user, queue: Queue, at: datetime | None = None) -> Call:
    """The agent passes the caller to another queue: recorded; the agent goes to wrap-up;
    the call is routed in the new queue (another agent, or waiting there)."""
    at = at or timezone.now()
    call = _agents_live_call(call_id, user)
    if call.queue_id == queue.pk:
        raise InvalidTransitionError("The call is already in that queue.", call.status)
    CallTransfer.objects.create(call=call, from_queue_id=call.queue_id, to_queue=queue, agent=user, at=at)
    conference = _live_conference(call)
    from_agent_id = call.agent_id
    close_hold(call, at)
    if call.answered_at is not None:
        call.talk_seconds = (call.talk_seconds or 0) + _seconds(call.answered_at, at)
    call.transfers += 1
    call.save(update_fields=["transfers", "hold_seconds", "held_since", "talk_seconds"])
    release_agent(call=call, at=at)
    call.agent, call.queued_at = None, at
    call.save(update_fields=["agent", "queued_at"])
    route_call(call=call, queue=queue, at=at)
    if conference is not None:  # the caller stays in the conference; the next agent is rung into it
        from .supervision import transfer_in_conference  # supervision imports routing

        transfer_in_conference(call, conference, from_agent_id=from_agent_id, at=at)
    else:
        redirect_on_commit(call.call_sid)
    return call


# --- callbacks ------------------------------------------------------------------------------------
def assign_callback(callback: Callback) -> None:
    """Give the callback to an agent with the call's queue skill: among those, agents at work
    before offline ones, then the fewest open callbacks (one query)."""
    call = callback.call
    skill_id = (
        Queue.objects.filter(pk=call.queue_id).values_list("skill_id", flat=True).first()
        if call.queue_id
        else Line.objects.filter(pk=call.line_id).values_list("queue__skill_id", flat=True).first()
        if call.line_id
        else None
    )
    users = get_user_model().objects.filter(is_active=True, profile__isnull=False)
    if skill_id:
        users = users.filter(profile__skills=skill_id)
    else:
        users = users.filter(Exists(AgentProfile.skills.through.objects.filter(agentprofile__user=OuterRef("pk"))))
    open_callbacks = (
        Callback.objects.filter(agent=OuterRef("pk"), status__in=[CallbackStatus.OPEN, CallbackStatus.CLAIMED])
        .order_by()
        .values("agent")
        .annotate(n=Count("*"))
        .values("n")
    )
    chosen = (
        users.annotate(
            load=Coalesce(Subquery(open_callbacks), 0),
            offline=Q(call_state__isnull=True) | Q(call_state__state=AgentStateChoice.OFFLINE),
        )
        .order_by("offline", "load", "pk")
        .first()
    )
    if chosen is not None:
        Callback.objects.filter(pk=callback.pk, agent__isnull=True).update(agent=chosen)
        callback.agent = chosen


def match_waiting_calls(at: datetime | None = None) -> int:
    """The safety net behind the event-driven matching: any agent left available while a
    call they could take waits (a race between a call queueing and an agent freeing up)
    takes it now. Returns how many calls were matched."""
    at = at or timezone.now()
    if not Call.objects.filter(agent__isnull=True, ended_at__isnull=True, queued_at__isnull=False).exists():
        return 0
    matched = 0
    for user_id in (
        AgentState.objects.filter(state=AgentStateChoice.AVAILABLE)
        .order_by("since", "user_id")
        .values_list("user_id", flat=True)[:200]
    ):
        with transaction.atomic():
            agent = (
                AgentState.objects.select_for_update(skip_locked=True)
                .filter(user_id=user_id, state=AgentStateChoice.AVAILABLE)
                .first()
            )
            if agent is not None and offer_waiting_call(agent=agent, at=at) is not None:
                matched += 1
    return matched


def ring_seconds() -> int:
    return int(getattr(settings, "CONTACT_CENTER_RING_SECONDS", 20))
