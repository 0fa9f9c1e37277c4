"""``sla_stop_many``: :func:`sla.services.timers.sla_stop` for many tickets at once (a master
incident resolved with thousands of linked reports). The same arithmetic and event log per
timer, in a fixed number of statements whatever the number of tickets. On PostgreSQL no timer
becomes a Python object: one locking read (the calendars involved), one update of the
escalations, and one statement that stops the timers and inserts their events
(``UPDATE … FROM … RETURNING`` feeding ``INSERT … SELECT``); business time comes from SQL for
24×7 calendars and from Python once per distinct (calendar, resume instant) otherwise. Other
databases (SQLite) take the model path: one locking read, one update of the escalations, one
of the timers, one insert of the events."""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import (
    BooleanField,
    CharField,
    DateTimeField,
    DurationField,
    Field,
    ForeignKey,
    IntegerField,
    JSONField,
    Min,
    QuerySet,
    TextField,
)
from django.db.models.fields import AutoFieldMixin
from django.utils import timezone

from ..calendar import business_time_between
from ..choices import EventKind, Metric, TimerStatus
from ..models import SLAEscalation, SLAEvent, SLATimer
from .timers import _TIMER_FIELDS, _now, _Specs


@transaction.atomic
def sla_stop_many(*, model, ticket_ids: Iterable[int] | QuerySet, metrics: Sequence[str], at: datetime | None = None,
                  actor=None) -> int:
    """Stop the ``metrics`` timers of every ticket of ``model`` in ``ticket_ids`` at ``at``, as
    ``sla_stop`` does one by one: a running timer past its due instant is breached then
    (a BREACH event), a breached one records when it was met, a running or paused one is
    met; business time is accrued, unfired escalations not yet due never come, and each
    stopped timer gets its STOP event. ``ticket_ids``: ids, or a queryset of them (a
    subquery: thousands of ids need not travel). Returns the number of timers stopped."""
    at = _now(at)
    content_type = ContentType.objects.get_for_model(model)
    if sql_path():
        return _stop_many_sql(content_type.pk, ticket_ids, list(metrics), at, actor.pk if actor is not None else None)
    return len(_stop_many_models(content_type, ticket_ids, metrics, at, actor))


def sql_path() -> bool:
    """Whether the SQL path serves this database (PostgreSQL: data-modifying ``WITH``, arrays)."""
    return connection.vendor == "postgresql"


def _tickets_sql(ticket_ids: Iterable[int] | QuerySet) -> tuple[str, list]:
    """``t.object_id`` matched against the tickets: a subquery, or one array parameter."""
    if isinstance(ticket_ids, QuerySet):
        sql, params = ticket_ids.query.sql_with_params()
        return f"t.object_id IN ({sql})", list(params)
    return "t.object_id = ANY(%s::bigint[])", [list(ticket_ids)]


#: A timestamptz as Python's ``datetime.isoformat()`` writes a UTC instant (what the model
#: path stores in a BREACH event's data): microseconds only when there are some.
_ISO = ("to_char({0} AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS') || CASE WHEN "
        "extract(microseconds FROM {0})::bigint %% 1000000 <> 0 THEN to_char({0} AT TIME ZONE 'UTC', '.US') "
        "ELSE '' END || '+00:00'")


def _stop_many_sql(content_type_id: int, ticket_ids, metrics: list[str], at: datetime, actor_id: int | None) -> int:
    from ..selectors_cache import cached_spec

    # Only fixed fragments and Django's own SQL go into the statements; every value is a parameter.
    tickets, tickets_params = _tickets_sql(ticket_ids)
    of = f"t.content_type_id = %s AND {tickets} AND t.metric = ANY(%s::varchar[])"
    of_params = [content_type_id, *tickets_params, metrics]
    stops = "(t.status IN ('running', 'paused') OR (t.status = 'breached' AND t.met_at IS NULL))"
    with connection.cursor() as cursor:
        # Every timer locked in one order (as one by one), and the calendars they run on.
        cursor.execute(f"SELECT DISTINCT calendar_id FROM (SELECT t.calendar_id FROM sla_slatimer t WHERE {of} "  # noqa: S608
                       f"ORDER BY t.id FOR UPDATE) locked", of_params)
        calendars = [row[0] for row in cursor.fetchall()]
        if not calendars:
            return 0
        # Business time of a 24×7 calendar is the elapsed time (SQL); another calendar's is
        # computed here once per distinct instant its timers were last resumed.
        cal_ids, resumed, deltas = [], [], []
        timed = [pk for pk in calendars if not cached_spec(pk).is_24x7]
        if timed:
            cursor.execute(f"SELECT DISTINCT t.calendar_id, t.last_resumed_at FROM sla_slatimer t WHERE {of} "  # noqa: S608
                           f"AND {stops} AND t.calendar_id = ANY(%s) AND t.last_resumed_at < %s",
                           [*of_params, timed, at])
            for calendar_id, since in cursor.fetchall():
                cal_ids.append(calendar_id)
                resumed.append(since)
                deltas.append(business_time_between(cached_spec(calendar_id), since, at))
        # Escalations not yet due never come (those of a timer stopped before were unscheduled then).
        cursor.execute(f"UPDATE sla_slaescalation SET fire_at = NULL FROM sla_slatimer t WHERE "  # noqa: S608
                       f"sla_slaescalation.timer_id = t.id AND {of} AND sla_slaescalation.fired_at IS NULL "
                       f"AND sla_slaescalation.fire_at > %s", [*of_params, at])
        # The timers stopped, and their events in the order the model path writes them (by
        # ticket and metric; a timer's BREACH before its STOP).
        breach_data = _ISO.format("s.due_at")
        cursor.execute(
            f"WITH stopped AS ("  # noqa: S608 - our fragments; values are parameters
            f" UPDATE sla_slatimer AS u SET"
            f"  status = CASE WHEN s.status = 'breached' OR (s.status = 'running' AND s.due_at <= %s)"
            f"   THEN 'breached' ELSE 'met' END,"
            f"  breached_at = CASE WHEN s.status = 'running' AND s.due_at <= %s THEN s.due_at ELSE s.breached_at END,"
            f"  consumed = s.consumed + CASE WHEN s.last_resumed_at < %s"
            f"   THEN COALESCE(s.delta, %s - s.last_resumed_at) ELSE interval '0' END,"
            f"  last_resumed_at = NULL, met_at = %s, next_escalation_at = s.next_at"
            f" FROM (SELECT t.*, v.delta, n.next_at FROM sla_slatimer t LEFT JOIN unnest(%s::bigint[],"
            f"   %s::timestamptz[], %s::interval[]) AS v(calendar_id, resumed, delta)"
            f"   ON v.calendar_id = t.calendar_id AND v.resumed = t.last_resumed_at"
            # the escalations still to fire (those due by ``at``), earliest first: one grouped read
            f"  LEFT JOIN (SELECT e.timer_id, min(e.fire_at) AS next_at FROM sla_slaescalation e"
            f"   JOIN sla_slatimer t ON t.id = e.timer_id WHERE {of} AND e.fired_at IS NULL AND e.fire_at IS NOT NULL"
            f"   GROUP BY e.timer_id) AS n ON n.timer_id = t.id"
            f"  WHERE {of} AND {stops}) AS s"
            f" WHERE u.id = s.id"
            f" RETURNING u.id, s.object_id, s.metric,"
            f"  s.status = 'running' AND s.due_at <= %s AS breached_now, s.due_at, {breach_data} AS due_iso),"
            f" logged AS (INSERT INTO sla_slaevent (timer_id, kind, at, data, actor_id, recorded_at)"
            f"  SELECT id, kind, at, data, actor_id, %s FROM ("
            f"   SELECT id, object_id, metric, 0 AS k, 'breach' AS kind, due_at AS at,"
            f"    jsonb_build_object('breached_at', due_iso) AS data, NULL::integer AS actor_id"
            f"    FROM stopped WHERE breached_now"
            f"   UNION ALL SELECT id, object_id, metric, 1, 'stop', %s, '{{}}'::jsonb, %s::integer FROM stopped"
            f"  ) AS e ORDER BY object_id, metric, k)"
            f" SELECT count(*) FROM stopped",
            [at, at, at, at, at, cal_ids, resumed, deltas, *of_params, *of_params, at, timezone.now(), at, actor_id])
        return cursor.fetchone()[0]


def _stop_many_models(content_type, ticket_ids, metrics, at, actor) -> list[SLATimer]:
    """The model path (databases other than PostgreSQL), and the reference the SQL path is
    tested against."""
    ids = ticket_ids if isinstance(ticket_ids, QuerySet) else list(ticket_ids)
    of_tickets = {"content_type": content_type, "object_id__in": ids, "metric__in": list(metrics)}
    timers = list(SLATimer.objects.select_for_update().filter(**of_tickets).order_by("object_id", "metric"))
    specs, stopped, events = _Specs(), [], []
    for timer in timers:
        if timer.status == TimerStatus.RUNNING and timer.due_at is not None and timer.due_at <= at:
            timer.breach()
            timer.breached_at = timer.due_at
            events.append(SLAEvent(timer=timer, kind=EventKind.BREACH, at=timer.due_at, actor=None,
                                   data={"breached_at": timer.due_at.isoformat()}))
        if timer.status == TimerStatus.BREACHED:
            if timer.met_at is not None:
                continue
            timer.record_late_met()
        elif timer.status in (TimerStatus.RUNNING, TimerStatus.PAUSED):
            timer.meet()
        else:
            continue
        if timer.last_resumed_at is not None and at > timer.last_resumed_at:
            timer.consumed += business_time_between(specs[timer.calendar_id], timer.last_resumed_at, at)
        timer.last_resumed_at = None
        timer.met_at = at
        stopped.append(timer)
        events.append(SLAEvent(timer=timer, kind=EventKind.STOP, at=at, actor=actor, data={}))
    if not stopped:
        return []
    # The escalations of the tickets' timers (a join, not a list of ids: those of a timer
    # stopped before were unscheduled then, so touching them again changes nothing).
    of_timers = {f"timer__{key}": value for key, value in of_tickets.items()}
    SLAEscalation.objects.filter(**of_timers, fired_at__isnull=True, fire_at__gt=at).update(fire_at=None)
    next_at = dict(SLAEscalation.objects.filter(**of_timers, fired_at__isnull=True, fire_at__isnull=False)
                   .values("timer_id").annotate(m=Min("fire_at")).values_list("timer_id", "m"))
    for timer in stopped:
        timer.next_escalation_at = next_at.get(timer.pk)
    _update_timers(stopped)
    SLAEvent.objects.bulk_create(events, batch_size=2000)
    return stopped


_CHANGED = ("status", "consumed", "last_resumed_at", "met_at", "breached_at", "next_escalation_at")


def _update_timers(timers: list[SLATimer]) -> None:
    """Each timer's new values in one statement (PostgreSQL: ``UPDATE … FROM unnest(…)``;
    other databases: ``bulk_update``)."""
    assert set(_CHANGED) <= set(_TIMER_FIELDS)
    if connection.vendor != "postgresql":
        SLATimer.objects.bulk_update(timers, list(_CHANGED), batch_size=500)
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE sla_slatimer AS t SET status = v.status, consumed = v.consumed, "
            "last_resumed_at = v.last_resumed_at, met_at = v.met_at, breached_at = v.breached_at, "
            "next_escalation_at = v.next_escalation_at "
            "FROM unnest(%s::bigint[], %s::varchar[], %s::interval[], %s::timestamptz[], %s::timestamptz[], "
            "%s::timestamptz[], %s::timestamptz[]) AS v(id, status, consumed, last_resumed_at, met_at, breached_at, "
            "next_escalation_at) WHERE t.id = v.id",
            [[t.pk for t in timers], [t.status for t in timers], [t.consumed for t in timers],
             [t.last_resumed_at for t in timers], [t.met_at for t in timers], [t.breached_at for t in timers],
             [t.next_escalation_at for t in timers]])


#: What :func:`sla_plan_new` answers when the policy pauses on the ticket's first status: the
#: clocks start on ``sla_start``'s path, once the ticket is saved.
START_ON_MODEL_PATH = None


def sla_plan_new(*, ticket, at: datetime | None = None, actor=None) -> list[SLATimer] | None:
    """The timers (with their escalations and START events, unsaved) :func:`sla_start_new`
    inserts for ``ticket``, computed before the ticket has an id (their ``object_id`` is None):
    ``[]`` when no policy applies, :data:`START_ON_MODEL_PATH` when its policy pauses on the
    ticket's first status (``sla_start`` must start them). In ``Metric``'s order (the order they
    are inserted in), each with its ``_escalations`` and ``_start_event``; the calendar loaded
    with its hours and holidays."""
    from ..calendar import ZERO, add_business_time
    from ..selectors_cache import cached_policy_for, cached_spec
    from .timers import _snapshot

    at = _now(at)
    facts = ticket.sla_facts()
    policy = cached_policy_for(facts)
    if policy is None:
        return []
    if facts.status in (policy.pause_on or []):
        return START_ON_MODEL_PATH
    content_type = ContentType.objects.get_for_model(ticket)
    spec = cached_spec(policy.calendar_id)
    timers, rules = [], list(policy.escalations.all())
    for metric in Metric.values:
        target = policy.target(metric)
        if target is None:
            continue
        timer = SLATimer(content_type=content_type, object_id=ticket.pk, metric=metric, policy=policy,
                         calendar=policy.calendar, target=target, started_at=at, last_resumed_at=at,
                         due_at=add_business_time(spec, at, max(target, ZERO)))
        _snapshot(timer, facts)
        timer._escalations = [
            SLAEscalation(rule=rule, at_percent=rule.at_percent, notify=rule.notify, group_id=rule.group_id,
                          channels=rule.channels,
                          fire_at=add_business_time(spec, at, max(target * rule.at_percent / 100, ZERO)))
            for rule in rules if rule.metric == metric]
        timer.next_escalation_at = min((e.fire_at for e in timer._escalations), default=None)
        timers.append(timer)
    if timers:
        calendar = spec.to_json()
        for timer in timers:
            timer._start_event = SLAEvent(kind=EventKind.START, at=at, actor=actor, data={
                "target_seconds": timer.target.total_seconds(), "policy": policy.pk, "calendar": calendar})
    return timers


def sla_start_new(*, ticket, at: datetime | None = None, actor=None) -> list[SLATimer]:
    """:func:`sla.services.timers.sla_start` for a ticket just created (it has no timers yet),
    called inside the transaction that created it: the policy and calendar from the
    per-process cache (``sla.selectors_cache``), every timer, escalation and START event
    computed first (:func:`sla_plan_new`) and inserted with one statement per table. A policy
    that pauses on the ticket's first status takes ``sla_start``'s path. The timers returned
    carry their calendar with its hours and holidays (what ``SLA_PREFETCH`` would read), by
    metric."""
    from .timers import sla_start

    at = _now(at)
    timers = sla_plan_new(ticket=ticket, at=at, actor=actor)
    if timers is START_ON_MODEL_PATH:
        return sla_start(ticket=ticket, at=at, actor=actor)
    if not timers:
        return []
    if sql_path():
        _insert_new_sql(timers)
        return sorted(timers, key=lambda timer: timer.metric)
    SLATimer.objects.bulk_create(timers)
    escalations = []
    for timer in timers:
        for escalation in timer._escalations:
            escalation.timer = timer
            escalations.append(escalation)
    if escalations:
        SLAEscalation.objects.bulk_create(escalations)
    events = [timer._start_event for timer in timers]
    for timer, event in zip(timers, events, strict=True):
        event.timer = timer
    SLAEvent.objects.bulk_create(events)
    return sorted(timers, key=lambda timer: timer.metric)


# --- a new ticket's rows in one statement (PostgreSQL) -----------------------------------------
_PASSING = {  # (get_db_prep_value, get_prep_value, to_python) → the types they hand back unchanged
    (Field.get_db_prep_value, CharField.get_prep_value, CharField.to_python): frozenset({str}),
    (Field.get_db_prep_value, TextField.get_prep_value, TextField.to_python): frozenset({str}),
    (Field.get_db_prep_value, BooleanField.get_prep_value, BooleanField.to_python): frozenset({bool}),
    (IntegerField.get_db_prep_value, IntegerField.get_prep_value, IntegerField.to_python): frozenset({int}),
    (AutoFieldMixin.get_db_prep_value, IntegerField.get_prep_value, IntegerField.to_python): frozenset({int}),
    (DurationField.get_db_prep_value, Field.get_prep_value, DurationField.to_python): frozenset({timedelta}),
    (DateTimeField.get_db_prep_value, DateTimeField.get_prep_value, DateTimeField.to_python): frozenset({datetime}),
}


def _rule(field) -> tuple[str, bool, frozenset, bool, bool]:
    """How :func:`db_values` reads ``field``: its attribute; whether ``pre_save`` only reads
    it; the value types ``get_db_prep_save`` hands back as they are on PostgreSQL (an integer
    field's are wrapped in psycopg's ``Int2``/``Int4``/``Int8``: the same SQL value); whether
    any string is (a text field's ``to_python`` keeps a choices member as it is); whether it is
    Django's own JSON field without an encoder (its dict or list is sent as ``Jsonb(value)``
    with ``json.dumps``: in JSON, the value as it is)."""
    cls = type(field)
    plain = cls.pre_save is Field.pre_save or (
        cls.pre_save is DateTimeField.pre_save and not field.auto_now and not field.auto_now_add)
    target = field.target_field if cls.get_db_prep_save is ForeignKey.get_db_prep_save else field
    kind = type(target)
    passing = frozenset()
    if kind.get_db_prep_save is Field.get_db_prep_save:
        passing = _PASSING.get((kind.get_db_prep_value, kind.get_prep_value, kind.to_python), frozenset())
    plain_json = isinstance(field, JSONField) and plain and field.encoder is None and (
        (cls.get_db_prep_save, cls.get_db_prep_value, cls.get_prep_value)
        == (JSONField.get_db_prep_save, JSONField.get_db_prep_value, JSONField.get_prep_value))
    return field.attname, plain, passing, str in passing, plain_json


_RULES: dict[int, tuple[tuple, list]] = {}


def _rules(fields: tuple) -> list:
    """The fields' rules, kept for the tuple (the callers' are built once per process): a
    field's hash is a Python call."""
    known = _RULES.get(id(fields))
    if known is None or known[0] is not fields:
        known = (fields, [(field, *_rule(field)) for field in fields])
        if len(_RULES) < 64:  # a caller's fields made afresh each time are not kept for ever
            _RULES[id(fields)] = known
    return known[1]


def db_values(obj, fields: tuple, *, json_ready: bool = False) -> list:
    """``[f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields]`` on PostgreSQL
    (what ``bulk_create`` sends), without Django's per-field calls where they hand the value
    back unchanged: a string for a text field, an ``int`` for an integer or a foreign key, an
    aware datetime, a duration. Any other value (a naive datetime, an expression, a JSON
    field's) takes Django's own path. ``fields``: a tuple built once (its rules are kept).
    ``json_ready``: each value as :func:`_json_ready` gives it, a dict or a list of a plain JSON
    field as it is (what ``_json_ready`` makes of its ``Jsonb``, without Django's calls)."""
    values = []
    for field, attname, plain, passing, any_str, plain_json in _rules(fields):
        value = getattr(obj, attname) if plain else field.pre_save(obj, True)
        if json_ready and plain_json and type(value) in (dict, list):
            values.append(value)
            continue
        if value is not None and type(value) not in passing and not (any_str and isinstance(value, str)) or (
                type(value) is datetime and value.tzinfo is None):
            value = field.get_db_prep_save(value, connection)
        values.append(_json_ready(value) if json_ready else value)
    return values


def _interval(value: timedelta) -> str:
    """A duration as PostgreSQL reads it whatever its ``IntervalStyle``: the same days and
    seconds psycopg sends (``str(timedelta)``), so the same stored interval."""
    return "%+d day %+d second %+d microsecond" % (value.days, value.seconds, value.microseconds)  # noqa: UP031


def _json_ready(value):
    """A value :func:`db_values` gave, as JSON the statement casts back to the column's type:
    the text psycopg would send (a datetime's ISO form, a duration's days and seconds), a JSON
    field's value as it is."""
    if value is None or isinstance(value, str | int):  # a choices member, an Int2: its text, its number
        return value
    if isinstance(value, float):  # JSON has no NaN or infinities: their text, which PostgreSQL reads
        return value if math.isfinite(value) else repr(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, timedelta):
        return _interval(value)
    from psycopg.adapt import PyFormat, Transformer  # the SQL path's driver
    from psycopg.types.json import Jsonb

    if isinstance(value, Jsonb):
        return value.obj if value.dumps in (None, json.dumps) else json.loads(value.dumps(value.obj))
    dumper = Transformer().get_dumper(value, PyFormat.TEXT)  # anything else: psycopg's own text
    return bytes(dumper.dump(value)).decode()


def short_cast(field) -> str:
    """The field's type for a cast, in PostgreSQL's short spelling where it has one: statements
    up to 4,096 bytes (and 50 parameters) keep psycopg's parsed form, longer ones are parsed on
    every execution (~0.1 ms of CPU)."""
    return field.cast_db_type(connection).replace("timestamp with time zone", "timestamptz")


@functools.cache
def _columns(model, skip=("id",)) -> tuple[tuple, str, str]:
    """The model's fields but ``skip``; their columns; and the expressions reading them back
    from a JSON array of rows (``a.x``: one array per row, in the fields' order)."""
    fields = tuple(f for f in model._meta.concrete_fields if f.column not in skip)
    offset = 1 if "timer_id" in skip else 0  # escalations and events: the timer's metric first
    reads = []
    for k, field in enumerate(fields, start=offset):
        if field.get_internal_type() == "JSONField":  # None is SQL's NULL, as Django stores it
            reads.append(f"NULLIF(a.x->{k}, 'null'::jsonb)")
        else:
            reads.append(f"(a.x->>{k})::{short_cast(field)}")
    return fields, ", ".join(f.column for f in fields), ", ".join(reads)


@functools.cache
def new_timers_ctes(object_id_sql: str | None = None) -> str:
    """The ``WITH`` items (``t``: the timers, ``RETURNING id, metric``; ``e``: their escalations;
    ``v``: their START events) inserting a new ticket's timers from the three JSON parameters of
    :func:`new_timers_params`: a statement of its own (:func:`_insert_new_sql`), or the tail of
    the statement inserting the ticket (``object_id_sql``: the SQL giving the ticket's id, e.g.
    ``(SELECT id FROM k)``, in place of the timers' own ``object_id``). Built once per argument."""
    fields, timer_columns, timer_reads = _columns(SLATimer)
    if object_id_sql is not None:
        reads = timer_reads.split(", ")
        k = [f.attname for f in fields].index("object_id")
        assert reads[k].startswith(f"(a.x->>{k})::"), reads[k]
        reads[k] = object_id_sql
        timer_reads = ", ".join(reads)
    parts = [f"t AS (INSERT INTO sla_slatimer ({timer_columns}) SELECT {timer_reads} "  # noqa: S608
             f"FROM jsonb_array_elements(%s::jsonb) WITH ORDINALITY AS a(x, n) ORDER BY a.n RETURNING id, metric)"]
    for name, table, model in (("e", "sla_slaescalation", SLAEscalation), ("v", "sla_slaevent", SLAEvent)):
        _, columns, reads = _columns(model, skip=("id", "timer_id"))
        parts.append(f"{name} AS (INSERT INTO {table} (timer_id, {columns}) SELECT t.id, {reads} "  # noqa: S608
                     f"FROM jsonb_array_elements(%s::jsonb) WITH ORDINALITY AS a(x, n) JOIN t ON t.metric = a.x->>0 "
                     f"ORDER BY a.n)")
    return ", ".join(parts)


@functools.cache
def _insert_new_statement() -> str:
    """One statement for a new ticket's timers, their escalations and START events, whatever
    their number: three JSON parameters (short and fixed: psycopg keeps its parsed form, and
    the database gets one value per table, not one per cell). Rows are inserted in the order
    given; the timers' ``INSERT … RETURNING`` feeds the two others (one timer per metric)."""
    return f"WITH {new_timers_ctes()} SELECT id, metric FROM t"  # noqa: S608 - ours


def new_timers_params(timers: list[SLATimer]) -> list[str]:
    """The three JSON parameters of :func:`new_timers_ctes` for ``timers`` (from
    :func:`sla_plan_new`): their rows, their escalations', their START events', the values
    those of ``bulk_create``."""
    timer_fields = _columns(SLATimer)[0]
    other_fields = _columns(SLAEscalation, skip=("id", "timer_id"))[0], _columns(SLAEvent, skip=("id", "timer_id"))[0]
    timer_rows = [db_values(timer, timer_fields, json_ready=True) for timer in timers]
    escalation_rows = [[timer.metric, *db_values(escalation, other_fields[0], json_ready=True)]
                       for timer in timers for escalation in timer._escalations]
    event_rows = [[timer.metric, *db_values(timer._start_event, other_fields[1], json_ready=True)]
                  for timer in timers]
    return [json.dumps(timer_rows), json.dumps(escalation_rows), json.dumps(event_rows)]


def new_timers_inserted(timers: list[SLATimer], rows: Iterable[tuple[int, str]], object_id: int | None = None) -> None:
    """The timers as ``bulk_create`` leaves them, from the ``(id, metric)`` rows of ``t``
    (``object_id``: the ticket's id, when the statement inserted the ticket too)."""
    ids = {metric: pk for pk, metric in rows}
    for timer in timers:
        timer.pk = ids[timer.metric]
        if object_id is not None:
            timer.object_id = object_id
        timer._state.adding, timer._state.db = False, connection.alias


def _insert_new_sql(timers: list[SLATimer]) -> None:
    """A new ticket's timers, their escalations and START events in one statement
    (PostgreSQL), the values those of ``bulk_create``."""
    with connection.cursor() as cursor:
        cursor.execute(_insert_new_statement(), new_timers_params(timers))
        new_timers_inserted(timers, cursor.fetchall())
