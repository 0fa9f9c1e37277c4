"""The per-incident writes of a master's resolution and of a declaration's links, in SQL
(issue 23): on PostgreSQL no child becomes a Python object. Each level of children is locked
with one read of its ids, moved with one ``UPDATE`` whose ``RETURNING`` rows feed one
``INSERT … SELECT`` of their history rows (the columns django-simple-history copies, with
``history_date``, ``history_type``, ``history_user_id`` and ``history_change_reason``),
in one statement. The rows are those the model path (``bulk_history_create``) writes: no
signal is sent by either (``bulk_create`` sends none). Other databases take the model path
(:mod:`incidents.services.incident`)."""

from __future__ import annotations

import functools
from datetime import datetime
from typing import NamedTuple

from django.conf import settings
from django.db import connection, models
from django.db.models import signals

from sla.services.bulk import db_values, new_timers_ctes, new_timers_inserted, new_timers_params, short_cast
from sla.services.bulk import sql_path as sla_sql_path

from ..choices import OPEN_STATUSES, IncidentStatus
from ..models import Incident


class Linked(NamedTuple):
    """An incident just linked to a master: what the timeline and the callers read of it."""

    pk: int
    number: str | None
    title: str


def sql_path() -> bool:
    """Whether the set-based SQL below serves this database (PostgreSQL: data-modifying
    ``WITH``, arrays)."""
    return connection.vendor == "postgresql"


def with_timers() -> bool:
    """Whether :func:`insert_new` also inserts the SLA timers (both apps' SQL paths serve this
    database)."""
    return sql_path() and sla_sql_path()


def _history_enabled() -> bool:
    return getattr(settings, "SIMPLE_HISTORY_ENABLED", True)


@functools.cache
def _copied_columns() -> tuple[str, ...]:
    """The incident's columns its historical row copies (simple-history's tracked fields)."""
    history = Incident.history.model
    if hasattr(history, "history_relation"):  # not used here; its id would need copying too
        raise NotImplementedError("history_relation")
    return tuple(connection.ops.quote_name(field.column) for field in history.tracked_fields)


@functools.cache
def _history_table() -> str:
    """The historical incidents' table (``Incident.history`` builds a manager class each time
    it is read: ~0.4 ms of CPU per API create)."""
    return connection.ops.quote_name(Incident.history.model._meta.db_table)


def _moved_with_history(update_sql: str, update_params: list, *, history_date: datetime, actor_id: int | None,
                        reason_sql: str, reason_params: list, join_parent: bool = False,
                        history_type: str = "~") -> None:
    """Run ``update_sql`` (an ``UPDATE incidents_incident … WHERE …``) and insert a history row
    (``history_type``: ``~`` changed, ``+`` created) per row it changed, in id order, in one
    statement."""
    if not _history_enabled():
        with connection.cursor() as cursor:
            cursor.execute(update_sql, update_params)
        return
    columns = _copied_columns()
    update_sql = f"{update_sql} RETURNING {', '.join(columns)}"
    table = _history_table()
    parent = " JOIN incidents_incident AS p ON p.id = m.parent_id" if join_parent else ""
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH moved AS ({update_sql}) "  # noqa: S608 - our fragments; values are parameters
            f"INSERT INTO {table} ({', '.join(columns)}, history_date, history_type, history_user_id, "
            f"history_change_reason) SELECT {', '.join('m.' + c for c in columns)}, %s, %s, %s, "
            f"left({reason_sql}, 100) FROM moved AS m{parent} ORDER BY m.id",
            [*update_params, history_date, history_type, actor_id, *reason_params])


@functools.cache
def _insert_new_ctes(with_history: bool) -> tuple[tuple, str]:
    """The fields :func:`insert_new` writes, and its ``WITH`` items: ``k`` (the new id), ``new``
    (the row, its number from the id) and ``h`` (its history row)."""
    qn = connection.ops.quote_name
    fields = tuple(f for f in Incident._meta.concrete_fields if f.column not in ("id", "number"))
    for field in fields:
        if getattr(field, "generated", False) or field.db_default is not models.NOT_PROVIDED:
            raise NotImplementedError(field.name)  # the model path would not send it
    columns = _copied_columns() if with_history else ("id", "number")
    history = (
        f"h AS (INSERT INTO {_history_table()} ({', '.join(columns)}, history_date, history_type, history_user_id, "  # noqa: S608
        f"history_change_reason) SELECT {', '.join('m.' + c for c in columns)}, %s, '+', %s, 'created' FROM new AS m)"
    )
    ctes = (
        "k AS (SELECT nextval(pg_get_serial_sequence('incidents_incident', 'id')) AS id), "  # noqa: S608
        f"new AS (INSERT INTO incidents_incident (id, number, {', '.join(qn(f.column) for f in fields)}) "
        f"SELECT k.id, 'INC' || lpad(k.id::text, greatest(6, length(k.id::text)), '0'), "
        f"{', '.join(f'%s::{short_cast(f)}' for f in fields)} FROM k RETURNING {', '.join(columns)})"
        f"{', ' + history if with_history else ''}"
    )
    return fields, ctes


@functools.cache
def _insert_new_sql(with_history: bool, with_timers: bool) -> tuple[tuple, str]:
    """The fields :func:`insert_new` writes, and its statement (``with_timers``: the SLA timers,
    their escalations and START events too, ``sla.services.bulk.new_timers_ctes``: one row per
    timer, each with the incident's id and number)."""
    fields, ctes = _insert_new_ctes(with_history)
    if not with_timers:
        return fields, f"WITH {ctes} SELECT id, number FROM new"  # noqa: S608 - ours
    return fields, (f"WITH {ctes}, {new_timers_ctes('(SELECT id FROM k)')} "  # noqa: S608 - ours
                    "SELECT m.id, m.number, t.id, t.metric FROM new AS m LEFT JOIN t ON true")


def insert_new(incident: Incident, *, actor_id: int | None, history_date: datetime,
               timers: list | None = None) -> None:
    """Insert a new incident with its number (from its id) and its first history row
    ("created", ``+``) in one statement (the model path: ``save()``, an ``UPDATE`` of the
    number, ``bulk_history_create``), the values prepared as ``save()`` prepares them; with
    ``timers`` (``sla.services.sla_plan_new``'s, unsaved), its SLA timers, their escalations
    and START events in the same statement. The instance (and the timers) are then as
    ``save()`` (and ``bulk_create``) leave them, and ``post_save`` is sent as ``save()`` sends
    it (the live pages' bump; simple-history's receiver writes nothing for it, as before).
    One statement: atomic in itself, inside a transaction or not."""
    with_history = _history_enabled()
    fields, sql = _insert_new_sql(with_history, bool(timers))
    values = db_values(incident, fields)  # [f.get_db_prep_save(f.pre_save(incident, True), connection) …], faster
    params = [*values, history_date, actor_id] if with_history else values
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *new_timers_params(timers)] if timers else params)
        rows = cursor.fetchall()
    incident.pk, incident.number = rows[0][:2]
    if timers:
        new_timers_inserted(timers, [row[2:] for row in rows], object_id=incident.pk)
    incident._state.adding, incident._state.db = False, connection.alias
    if hasattr(incident, "_update_initial_state"):  # django-fsm's concurrent-transition check
        incident._update_initial_state()
    incident.skip_history_when_saving = True  # written above
    try:
        signals.post_save.send(sender=Incident, instance=incident, created=True, update_fields=None, raw=False,
                               using=connection.alias)
    finally:
        del incident.skip_history_when_saving


def lock_open_children(parent_ids: list[int]) -> list[int]:
    """The open children of ``parent_ids``, locked in id order: their ids."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT id FROM incidents_incident WHERE parent_id = ANY(%s::bigint[]) "
                       "AND status = ANY(%s::varchar[]) ORDER BY id FOR UPDATE",
                       [parent_ids, [str(s) for s in OPEN_STATUSES]])
        return [row[0] for row in cursor.fetchall()]


def resolve_with_history(ids: list[int], *, resolution_code: str, resolution: str, at: datetime, now: datetime,
                         acknowledged: bool, actor_id: int | None) -> None:
    """Resolve the (locked, open) incidents ``ids`` as ``incident_resolve`` resolves one, with a
    history row each naming its master ("resolved with master INC…")."""
    _moved_with_history(
        "UPDATE incidents_incident SET status = %s, resolution_code = %s, resolution = %s, resolved_at = %s, "
        "updated_at = %s, acknowledged_at = CASE WHEN %s THEN COALESCE(acknowledged_at, %s) ELSE acknowledged_at "
        "END WHERE id = ANY(%s::bigint[])",
        [str(IncidentStatus.RESOLVED), resolution_code, resolution, at, now, acknowledged, at, ids],
        history_date=now, actor_id=actor_id, reason_sql="'resolved with master ' || p.number", reason_params=[],
        join_parent=True)


def link_with_history(master: Incident, pks: list[int], *, at: datetime, actor_id: int | None,
                      reason: str) -> list[Linked]:
    """Link the incidents ``pks`` (those not the master nor already under it) to ``master``:
    locked in id order, one ``UPDATE`` and their history rows (``reason``), one statement."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, number, title FROM incidents_incident WHERE id = ANY(%s::bigint[]) AND id <> %s "
                       "AND (parent_id IS NULL OR parent_id <> %s) ORDER BY id FOR UPDATE",
                       [pks, master.pk, master.pk])
        linked = [Linked(*row) for row in cursor.fetchall()]
    if linked:
        _moved_with_history(
            "UPDATE incidents_incident SET parent_id = %s, updated_at = %s WHERE id = ANY(%s::bigint[])",
            [master.pk, at, [item.pk for item in linked]], history_date=at, actor_id=actor_id, reason_sql="%s",
            reason_params=[reason])
    return linked
