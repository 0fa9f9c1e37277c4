"""The partitioned append-only tables and their retention (docs/operations.md, "Partitioned
tables and retention").

:data:`TABLES` names each table, its creation-time column and its retention setting.
:func:`create_ahead` makes the coming months' partitions (PostgreSQL; idempotent);
:func:`prune` removes what is older than each table's retention: on PostgreSQL whole monthly
partitions (``DETACH`` then ``DROP``) after the rows that point at them are dealt with as
their ``on_delete`` says, set-based; rows outside every monthly partition (the DEFAULT one),
and every row on SQLite, by one set-based ``DELETE``. Nothing younger than the retention is
touched. The ``create_partitions`` and ``prune_partitions`` commands and the
``servicedesk.tasks.maintain_partitions`` beat task call them.

The registry lives here, in the project package, because it names models of several apps;
the SQL that knows nothing of them is :mod:`core.partitions`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from django.apps import apps
from django.conf import settings
from django.db import connection, models, transaction

from core import partitions as pg


@dataclass(frozen=True)
class PartitionedTable:
    model: str  # "app_label.Model"
    column: str  # the creation-time column, the partition key on PostgreSQL
    retention_setting: str  # months to keep; None or 0 in the setting: keep everything
    retention_default: int
    key_tables: int = 0  # core.partitions.UniqueKey tables its migration made
    keep: dict = field(default_factory=dict)  # rows never pruned, however old (a firing alert)

    @property
    def model_class(self) -> type[models.Model]:
        return apps.get_model(self.model)

    @property
    def table(self) -> str:
        return self.model_class._meta.db_table

    def retention_months(self) -> int | None:
        months = getattr(settings, self.retention_setting, self.retention_default)
        return int(months) if months else None


TABLES: tuple[PartitionedTable, ...] = (
    PartitionedTable("sla.SLAEvent", "recorded_at", "SLA_EVENT_RETENTION_MONTHS", 25),
    PartitionedTable("notifications.Delivery", "created_at", "DELIVERY_RETENTION_MONTHS", 13, key_tables=1),
    PartitionedTable("monitoring.Alert", "first_received_at", "ALERT_RETENTION_MONTHS", 13, key_tables=1,
                     keep={"status": "firing"}),
)


def ahead_months() -> int:
    return int(getattr(settings, "PARTITIONS_AHEAD_MONTHS", 3))


def create_ahead(*, months: int | None = None, today: date | None = None) -> list[str]:
    """The partitions of this month and the next ``months`` (``PARTITIONS_AHEAD_MONTHS``,
    default 3) for every table; returns those it created (none on SQLite, none when they exist)."""
    months = ahead_months() if months is None else months
    created = []
    for spec in TABLES:
        created += pg.create_ahead(connection, spec.table, spec.column, months, today=today)
    return created


def cutoff(spec: PartitionedTable, today: date | None = None) -> datetime | None:
    """Rows whose creation time is before this are due: the first of the month ``retention``
    months before this one (13 months on 2026-12-07: 2025-11-01). None: kept forever."""
    months = spec.retention_months()
    if months is None:
        return None
    start = pg.month_start(today or datetime.now(UTC).date(), -months)
    return datetime(start.year, start.month, 1, tzinfo=UTC)


@dataclass
class Pruned:
    table: str
    what: str  # a partition's name, or "rows" for the row-wise DELETE
    rows: int
    dropped: bool
    note: str = ""


def _dependents(model: type[models.Model]):
    """The foreign keys pointing at ``model`` with an ``on_delete`` to follow (history tables'
    DO_NOTHING copies are left as they are: they are history)."""
    for relation in model._meta.get_fields(include_hidden=True):
        if relation.auto_created and not relation.concrete and (relation.one_to_many or relation.one_to_one):
            if relation.on_delete is not models.DO_NOTHING:
                yield relation


def _blocked(model, ids) -> str:
    """Why rows ``ids`` cannot go (a PROTECT/RESTRICT reference to one of them), or ""."""
    for relation in _dependents(model):
        if relation.on_delete in (models.PROTECT, models.RESTRICT):
            referencing = relation.related_model._base_manager.filter(**{f"{relation.field.name}__in": ids})
            if referencing.exists():
                return f"{relation.related_model._meta.label}.{relation.field.name} protects them"
    return ""


def _release(model, ids) -> None:
    """Apply each dependent's ``on_delete`` to the rows that point at ``ids``, set-based:
    SET_NULL one ``UPDATE``, CASCADE the ORM's delete of those rows (theirs followed in turn)."""
    for relation in _dependents(model):
        name = relation.field.name
        referencing = relation.related_model._base_manager.filter(**{f"{name}__in": ids})
        if relation.on_delete is models.SET_NULL:
            referencing.update(**{name: None})
        elif relation.on_delete is models.CASCADE:
            referencing.delete()
        elif relation.on_delete not in (models.PROTECT, models.RESTRICT):
            raise NotImplementedError(f"{relation.related_model._meta.label}.{name}: on_delete "
                                      f"{relation.on_delete.__name__} is not followed by the retention")


def _prune_table(spec: PartitionedTable, *, dry_run: bool, today: date | None) -> list[Pruned]:
    limit = cutoff(spec, today)
    if limit is None:
        return []
    model, table = spec.model_class, spec.table
    manager = model._base_manager
    done: list[Pruned] = []
    gone = models.Q(pk__in=[])  # the months whose partitions go whole (not counted again below)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            monthly = [p for p in pg.partitions(cursor, table) if p.end is not None and p.end <= limit]
        for part in monthly:
            rows = manager.filter(**{f"{spec.column}__gte": part.start, f"{spec.column}__lt": part.end})
            with transaction.atomic():
                count = rows.count()
                kept = rows.filter(**spec.keep).count() if spec.keep else 0
                ids = rows.values("pk")
                note = _blocked(model, ids) or (f"{kept} row(s) kept ({spec.keep})" if kept else "")
                if note:
                    done.append(Pruned(table, part.name, count - kept, False, note))
                    continue  # those past the retention go row by row below
                done.append(Pruned(table, part.name, count, not dry_run))
                gone |= models.Q(**{f"{spec.column}__gte": part.start, f"{spec.column}__lt": part.end})
                if dry_run:
                    continue
                _release(model, ids)
                with connection.cursor() as cursor:
                    pg.drop_partition(cursor, table, part.name, spec.key_tables)
    # What no dropped partition took: the DEFAULT partition's old rows, the rows beside kept
    # ones, and on SQLite every row past the retention.
    rows = manager.filter(**{f"{spec.column}__lt": limit}).exclude(gone)
    if spec.keep:
        rows = rows.exclude(**spec.keep)
    with transaction.atomic():
        ids = rows.values("pk")
        note = _blocked(model, ids)
        count = rows.count()
        if count:
            done.append(Pruned(table, "rows", count, not dry_run and not note, note))
        if count and not dry_run and not note:
            _release(model, ids)
            # One DELETE of the rows themselves: their dependents were dealt with just above.
            rows._raw_delete(rows.db)
    return done


def prune(*, dry_run: bool = False, today: date | None = None) -> list[Pruned]:
    """Remove what is older than each table's retention (see the module); with ``dry_run``
    only say what would go."""
    done = []
    for spec in TABLES:
        done += _prune_table(spec, dry_run=dry_run, today=today)
    return done
