"""Read queries the hooks the caller waits on run on every request, compiled once per process.

Building and compiling a ``select_related`` query is CPU the hook spends before the database
sees it (issue 22 bench: the gather hook's call ``SELECT`` with its 6 joins and the menu
option's ``SELECT``, ~2.6 ms per request). Only the values change from request to request, so
the query is compiled once per database and shape with a marker for each value (no real value
equals it); each request fills in the values and reads the row as the ORM would — the same
instances, their related objects (Django's ``RelatedPopulator``: ``Model.from_db`` for each
joined model, set as the related cache) and annotations, the same field converters. A shape
whose markers cannot all be found in the parameters is run by the ORM each time, as before.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import connections, models, router
from django.db.models.query import get_related_populators


@dataclass(frozen=True)
class _Compiled:
    sql: str
    params: tuple
    slots: dict[str, list[int]]
    model: type[models.Model]
    init_list: list[str]
    start: int
    end: int
    populators: list
    annotations: dict[str, int]
    converters: list[tuple[int, tuple[list, Any]]]


#: (alias, vendor, query name, shape) → the compiled query, or None: the ORM each time.
_COMPILED: dict[tuple, _Compiled | None] = {}


def marker_slots(params, markers: dict[str, Any]) -> dict[str, list[int]] | None:
    """For each value name, the places of its marker in a compiled query's ``params``; None
    when a marker is missing (the value was compiled into the SQL: the query cannot be reused)."""
    slots = {
        name: [
            k
            for k, param in enumerate(params)
            if isinstance(param, type(marker)) and not isinstance(param, bool) and param == marker
        ]
        for name, marker in markers.items()
    }
    return slots if all(slots.values()) else None


def filled(params, slots: dict[str, list[int]], values: dict[str, Any]) -> list:
    """``params`` with each marker's places holding its value (an integer wrapped as the backend
    wrapped the marker, e.g. psycopg's ``Int2`` for a small integer column)."""
    params = list(params)
    for name, places in slots.items():
        value = values[name]
        for k in places:
            params[k] = type(params[k])(value) if isinstance(value, int) and not isinstance(value, bool) else value
    return params


def _compile(queryset: models.QuerySet, alias: str, markers: dict[str, Any]) -> _Compiled | None:
    compiler = queryset.query.get_compiler(using=alias)
    sql, params = compiler.as_sql()
    if compiler.has_extra_select or compiler.query.combinator:
        return None
    slots = marker_slots(params, markers)
    if slots is None:
        return None
    select, klass_info = compiler.select, compiler.klass_info
    fields = [s[0] for s in select[: compiler.col_count]]
    if compiler.has_composite_fields(fields):
        return None
    select_fields = klass_info["select_fields"]
    start, end = select_fields[0], select_fields[-1] + 1
    return _Compiled(
        sql=sql,
        params=tuple(params),
        slots=slots,
        model=klass_info["model"],
        init_list=[f[0].target.attname for f in select[start:end]],
        start=start,
        end=end,
        populators=get_related_populators(klass_info, select, alias),
        annotations=dict(compiler.annotation_col_map or {}),
        converters=list(compiler.get_converters(fields).items()),
    )


def first(
    model: type[models.Model],
    name: str,
    build: Callable[[dict[str, Any]], models.QuerySet],
    values: dict[str, Any],
    markers: dict[str, Any],
    shape: tuple = (),
) -> models.Model | None:
    """``build(values).first()`` (a query of ``model``), with the query compiled once per process, database and
    ``shape`` (what changes the SQL besides the values: ``build(markers)`` must give the same
    SQL as ``build(values)`` for any values of that shape). ``markers``: for each value a
    marker of its type that no real value equals."""
    alias = router.db_for_read(model)
    connection = connections[alias]
    key = (alias, connection.vendor, name, shape)
    if key not in _COMPILED:
        _COMPILED[key] = _compile(_first_query(build(markers)), alias, markers)
    compiled = _COMPILED[key]
    if compiled is None:
        return build(values).first()
    with connection.cursor() as cursor:
        cursor.execute(compiled.sql, filled(compiled.params, compiled.slots, values))
        row = cursor.fetchone()
    if row is None:
        return None
    if compiled.converters:
        row = list(row)
        for pos, (convs, expression) in compiled.converters:
            value = row[pos]
            for converter in convs:
                value = converter(value, expression, connection)
            row[pos] = value
    obj = compiled.model.from_db(alias, compiled.init_list, row[compiled.start : compiled.end])
    for populator in compiled.populators:
        populator.populate(row, obj)
    for attr_name, pos in compiled.annotations.items():
        setattr(obj, attr_name, row[pos])
    return obj


def _first_query(queryset: models.QuerySet) -> models.QuerySet:
    """The query ``QuerySet.first()`` runs."""
    return (queryset if queryset.ordered else queryset.order_by("pk"))[:1]
