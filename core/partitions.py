"""Monthly range partitions of append-only tables, on PostgreSQL (docs/operations.md,
"Partitioned tables and retention").

Generic: a table, its creation-time column and the unique keys it must keep are passed in;
nothing here knows a feature app (the registry of partitioned tables and the retention rules
are in :mod:`servicedesk.partitions`). The migrations that convert a table call
:func:`convert_to_partitioned`; the ``create_partitions`` command and the beat task call
:func:`create_ahead`. On any other database every function is a no-op: SQLite keeps plain
tables.

How a partitioned table differs from the plain one it replaces:

- the primary key is ``(id, <column>)`` (PostgreSQL wants the partition key in every unique
  index); Django still knows ``id`` as the primary key, and ids stay unique because they all
  come from one sequence (``<table>_id_seq``, owned by ``id``: PostgreSQL 15 has no identity
  columns on partitioned tables);
- a unique key without the partition key (a delivery's idempotency key, the one open alert of
  a fingerprint) is kept in a small plain *key table* (``<table>_key_<n>``) that triggers on
  the partitioned table fill and empty: a duplicate insert fails with a unique violation
  (Django's ``IntegrityError``) exactly as the unique index of the plain table made it fail,
  including the wait for a concurrent inserter's commit;
- foreign keys *to* the table cannot be enforced (they would need a unique ``id``): they are
  dropped, and the fields that point here say ``db_constraint=False``; Django's ``on_delete``
  still applies when rows are deleted through the ORM, and the retention command follows
  each one set-based;
- one partition per month ``<table>_pYYYYMM`` (``FROM`` the first of the month ``TO`` the
  first of the next, UTC) and ``<table>_default`` for anything outside them, so no insert
  ever fails for want of a partition.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime

DEFAULT_SUFFIX = "_default"
_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")
_BOUND = re.compile(r"FROM \('([^']+)'\) TO \('([^']+)'\)")


@dataclass(frozen=True)
class UniqueKey:
    """A unique key the plain table had that does not include the partition key: kept in a
    key table. ``columns`` are the table's columns; ``condition`` a SQL condition on the row
    written with ``{row}.`` before each column (``{row}.status = 'firing'``), or empty."""

    columns: tuple[str, ...]
    condition: str = ""


def _ident(name: str) -> str:
    if not _NAME.match(name):
        raise ValueError(f"unexpected SQL name {name!r}")
    return f'"{name}"'


def month_start(day: date | datetime, add: int = 0) -> date:
    """The first day of ``day``'s month, ``add`` months later (or earlier)."""
    index = day.year * 12 + day.month - 1 + add
    return date(index // 12, index % 12 + 1, 1)


def partition_name(table: str, month: date) -> str:
    return f"{table}_p{month:%Y%m}"


def key_table_name(table: str, number: int) -> str:
    return f"{table}_key{number}"


def is_partitioned(cursor, table: str) -> bool:
    cursor.execute("SELECT relkind = 'p' FROM pg_class WHERE oid = to_regclass(%s)", [table])
    row = cursor.fetchone()
    return bool(row and row[0])


@dataclass(frozen=True)
class Partition:
    name: str
    start: datetime | None  # None: the DEFAULT partition
    end: datetime | None


def partitions(cursor, table: str) -> list[Partition]:
    """The partitions of ``table``, monthly ones by start, then the DEFAULT one."""
    cursor.execute(
        "SELECT c.relname, pg_get_expr(c.relpartbound, c.oid) FROM pg_inherits i "
        "JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = to_regclass(%s)", [table])
    found = []
    for name, bound in cursor.fetchall():
        match = _BOUND.search(bound or "")
        if match:
            start, end = (datetime.fromisoformat(value).astimezone(UTC) for value in match.groups())
            found.append(Partition(name, start, end))
        else:
            found.append(Partition(name, None, None))
    return sorted(found, key=lambda p: (p.start is None, p.start or datetime.min.replace(tzinfo=UTC)))


def _attach_month(cursor, table: str, column: str, month: date) -> bool:
    """Create ``month``'s partition unless it exists; rows of that month waiting in the DEFAULT
    partition move into it. Returns whether it was created."""
    name = partition_name(table, month)
    cursor.execute("SELECT to_regclass(%s) IS NOT NULL", [name])
    if cursor.fetchone()[0]:
        return False
    start, end = month.isoformat(), month_start(month, 1).isoformat()
    quoted, part = _ident(table), _ident(name)
    default = _ident(f"{table}{DEFAULT_SUFFIX}")
    cursor.execute(f"CREATE TABLE {part} (LIKE {quoted} INCLUDING DEFAULTS INCLUDING CONSTRAINTS)")
    cursor.execute("SELECT to_regclass(%s) IS NOT NULL", [f"{table}{DEFAULT_SUFFIX}"])
    stashed = []
    if cursor.fetchone()[0]:
        # The DEFAULT partition may hold rows of this month (written before the partition
        # existed): ATTACH would refuse them there. Move them first, in this transaction.
        # Their DELETE empties their key-table rows (the trigger) and the table they go to
        # has no trigger until ATTACH: keep those key rows aside and put them back after.
        in_month = f"{_ident(column)} >= %s AND {_ident(column)} < %s"
        for key_table in key_tables(cursor, table):
            stash = _ident(f"{key_table}_moving")
            cursor.execute(f"CREATE TEMPORARY TABLE {stash} ON COMMIT DROP AS SELECT k.* FROM {_ident(key_table)} k "  # noqa: S608
                           f"JOIN {default} d ON d.id = k.row_id WHERE d.{in_month}", [start, end])
            stashed.append((key_table, stash))
        cursor.execute(f"WITH moved AS (DELETE FROM {default} WHERE {in_month} "  # noqa: S608
                       f"RETURNING *) INSERT INTO {part} SELECT * FROM moved", [start, end])
    cursor.execute(f"ALTER TABLE {quoted} ATTACH PARTITION {part} FOR VALUES FROM (%s) TO (%s)", [start, end])
    for key_table, stash in stashed:
        cursor.execute(f"INSERT INTO {_ident(key_table)} SELECT * FROM {stash}")  # noqa: S608
        cursor.execute(f"DROP TABLE {stash}")
    return True


def key_tables(cursor, table: str) -> list[str]:
    """The key tables :func:`convert_to_partitioned` made for ``table`` (``<table>_key1``, …)."""
    found = []
    while True:
        name = key_table_name(table, len(found) + 1)
        cursor.execute("SELECT to_regclass(%s) IS NOT NULL", [name])
        if not cursor.fetchone()[0]:
            return found
        found.append(name)


def create_ahead(connection, table: str, column: str, months: int, *, today: date | None = None) -> list[str]:
    """Make sure ``table`` has the partitions of this month and the ``months`` after it
    (idempotent: an existing one is left alone; two runs at once take turns on an advisory
    lock). Returns the names of the partitions it created; nothing on SQLite or for a table
    that is not partitioned."""
    from django.db import transaction

    if connection.vendor != "postgresql":
        return []
    today = today or datetime.now(UTC).date()
    created = []
    for add in range(months + 1):
        month = month_start(today, add)
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            if not is_partitioned(cursor, table):
                return []
            cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [f"partitions:{table}"])
            if _attach_month(cursor, table, column, month):
                created.append(partition_name(table, month))
    return created


def _definitions(cursor, table: str) -> dict:
    """What the plain table has that ``LIKE`` does not copy."""
    cursor.execute("SELECT to_regclass(%s)::oid", [table])
    oid = cursor.fetchone()[0]
    cursor.execute(
        "SELECT i.relname, pg_get_indexdef(x.indexrelid), x.indisunique, x.indisprimary, c.conname IS NOT NULL "
        "FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid "
        "LEFT JOIN pg_constraint c ON c.conindid = x.indexrelid AND c.conrelid = x.indrelid "
        "WHERE x.indrelid = %s ORDER BY i.relname", [oid])
    indexes = cursor.fetchall()
    cursor.execute(
        "SELECT conname, pg_get_constraintdef(oid), confrelid = conrelid FROM pg_constraint "
        "WHERE conrelid = %s AND contype = 'f' ORDER BY conname", [oid])
    outbound = cursor.fetchall()
    cursor.execute(
        "SELECT conrelid::regclass::text, conname FROM pg_constraint "
        "WHERE confrelid = %s AND contype = 'f' ORDER BY 1, 2", [oid])
    inbound = cursor.fetchall()
    return {"indexes": indexes, "outbound": outbound, "inbound": inbound}


def _key_sql(table: str, number: int, key: UniqueKey, types: dict[str, str]) -> list[str]:
    """The key table of one unique key, its trigger function and trigger."""
    key_table = _ident(key_table_name(table, number))
    cols = [_ident(c) for c in key.columns]
    function = _ident(f"{key_table_name(table, number)}_sync")

    def cond(row: str) -> str:
        return f"({key.condition.format(row=row)})" if key.condition else "TRUE"

    def values(row: str) -> str:
        return ", ".join(f"{row}.{c}" for c in cols)

    match_old = " AND ".join(f"{c} = OLD.{c}" for c in cols)
    changed = f"({values('OLD')}) IS DISTINCT FROM ({values('NEW')})" if len(cols) > 1 else \
        f"OLD.{cols[0]} IS DISTINCT FROM NEW.{cols[0]}"
    columns_sql = ", ".join(f"{c} {types[name]} NOT NULL" for c, name in zip(cols, key.columns, strict=True))
    return [
        f"CREATE TABLE {key_table} ({columns_sql}, row_id bigint NOT NULL, PRIMARY KEY ({', '.join(cols)}))",
        f"CREATE INDEX {_ident(key_table_name(table, number) + '_row')} ON {key_table} (row_id)",
        f"""CREATE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND {cond('OLD')} THEN
        IF TG_OP = 'DELETE' OR NOT {cond('NEW')} OR {changed} THEN
            DELETE FROM {key_table} WHERE {match_old};
        END IF;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND {cond('NEW')} THEN
        IF TG_OP = 'INSERT' OR NOT {cond('OLD')} OR {changed} THEN
            INSERT INTO {key_table} ({', '.join(cols)}, row_id) VALUES ({values('NEW')}, NEW.id);
        END IF;
    END IF;
    RETURN NULL;
END
$body$""",  # noqa: S608
        f"CREATE TRIGGER {_ident(key_table_name(table, number) + '_sync')} AFTER INSERT OR UPDATE OR DELETE "
        f"ON {_ident(table)} FOR EACH ROW EXECUTE FUNCTION {function}()",
    ]


def convert_to_partitioned(schema_editor, table: str, column: str, *, unique_keys: tuple[UniqueKey, ...] = (),
                           ahead: int = 3, today: date | None = None) -> None:
    """Replace the plain table ``table`` by one partitioned by month on ``column``, in the
    migration's transaction: a new partitioned table, a partition for every month from the
    oldest row to ``ahead`` months after this one, a DEFAULT partition, the rows moved
    (``INSERT … SELECT``), the old table dropped and the new one renamed in its place, then
    the primary key ``(id, column)``, the indexes (unique ones without ``column`` become plain
    indexes, their uniqueness kept by ``unique_keys``' key tables), the foreign keys out of
    it, the sequence and ANALYZE. Foreign keys pointing at the table are dropped (see the
    module). Does nothing on SQLite or when the table is already partitioned."""
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    quoted, col = _ident(table), _ident(column)
    new = f"{table}__partitioned"
    keyed = {tuple(key.columns) for key in unique_keys}
    with connection.cursor() as cursor:
        if is_partitioned(cursor, table):
            return
        cursor.execute(f"LOCK TABLE {quoted} IN ACCESS EXCLUSIVE MODE")
        found = _definitions(cursor, table)
        indexes = []  # (definition to run on the new table)
        for name, definition, unique, primary, _constraint in found["indexes"]:
            if primary:
                continue
            columns = tuple(c.strip().strip('"') for c in _index_columns(definition))
            if unique and column not in columns:
                if columns not in keyed:
                    raise ValueError(f"{table}: the unique index {name} on {columns} needs a UniqueKey")
                definition = definition.replace("CREATE UNIQUE INDEX", "CREATE INDEX", 1)
            indexes.append(re.sub(r" ON (ONLY )?\S+ USING ", f" ON {quoted} USING ", definition, count=1))
        cursor.execute(
            "SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute "
            "WHERE attrelid = to_regclass(%s) AND attnum > 0 AND NOT attisdropped", [table])
        types = dict(cursor.fetchall())
        cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')", [table])
        sequence = cursor.fetchone()[0]
        cursor.execute(f"SELECT last_value, is_called FROM {sequence}")  # noqa: S608 - from the catalogue
        last_value, is_called = cursor.fetchone()
        cursor.execute(f"SELECT min({col}), max({col}) FROM {quoted}")  # noqa: S608
        oldest, newest = cursor.fetchone()

        for referencing, conname in found["inbound"]:
            cursor.execute(f"ALTER TABLE {referencing} DROP CONSTRAINT {_ident(conname)}")
        cursor.execute(f"CREATE TABLE {_ident(new)} (LIKE {quoted} INCLUDING DEFAULTS INCLUDING CONSTRAINTS "
                       f"INCLUDING STORAGE INCLUDING COMMENTS) PARTITION BY RANGE ({col})")
        cursor.execute(f"CREATE TABLE {_ident(table + DEFAULT_SUFFIX)} PARTITION OF {_ident(new)} DEFAULT")
        today = today or datetime.now(UTC).date()
        month = month_start(min(oldest.date(), today) if oldest else today)
        last = month_start(max(newest.date(), today) if newest else today, ahead)
        while month <= last:
            end = month_start(month, 1)
            cursor.execute(f"CREATE TABLE {_ident(partition_name(table, month))} PARTITION OF {_ident(new)} "
                           f"FOR VALUES FROM (%s) TO (%s)", [month.isoformat(), end.isoformat()])
            month = end
        cursor.execute(f"INSERT INTO {_ident(new)} SELECT * FROM {quoted}")  # noqa: S608

        cursor.execute(f"DROP TABLE {quoted}")  # its identity sequence and indexes with it
        cursor.execute(f"ALTER TABLE {_ident(new)} RENAME TO {quoted}")
        cursor.execute(f"ALTER TABLE {quoted} ADD CONSTRAINT {_ident(table + '_pkey')} PRIMARY KEY (id, {col})")
        for definition in indexes:
            cursor.execute(definition)
        for conname, definition, self_reference in found["outbound"]:
            if not self_reference:
                cursor.execute(f"ALTER TABLE {quoted} ADD CONSTRAINT {_ident(conname)} {definition}")
        seq = f"{table}_id_seq"
        cursor.execute(f"CREATE SEQUENCE {_ident(seq)} AS {types['id']} OWNED BY {quoted}.id")
        cursor.execute("SELECT setval(%s, %s, %s)", [seq, last_value, is_called])
        cursor.execute(f"ALTER TABLE {quoted} ALTER COLUMN id SET DEFAULT nextval('{seq}'::regclass)")
        truncate = []
        for number, key in enumerate(unique_keys, start=1):
            for statement in _key_sql(table, number, key, types):
                cursor.execute(statement)
            cols = ", ".join(_ident(c) for c in key.columns)
            where = f" WHERE {key.condition.format(row=quoted)}" if key.condition else ""
            cursor.execute(f"INSERT INTO {_ident(key_table_name(table, number))} ({cols}, row_id) "  # noqa: S608
                           f"SELECT {cols}, id FROM {quoted}{where}")
            truncate.append(_ident(key_table_name(table, number)))
        if truncate:
            # Django's flush (and anyone's TRUNCATE) fires no row trigger: empty the key tables too.
            function = _ident(f"{table}_keys_truncate")
            cursor.execute(f"CREATE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $body$ "
                           f"BEGIN TRUNCATE {', '.join(truncate)}; RETURN NULL; END $body$")
            cursor.execute(f"CREATE TRIGGER {function} AFTER TRUNCATE ON {quoted} "
                           f"FOR EACH STATEMENT EXECUTE FUNCTION {function}()")
        cursor.execute(f"ANALYZE {quoted}")


def _index_columns(definition: str) -> list[str]:
    """The column list of ``pg_get_indexdef``'s ``… USING btree (a, b) [INCLUDE …] [WHERE …]``."""
    match = re.search(r" USING \w+ \((.*?)\)(?: INCLUDE| WHERE|$)", definition)
    return [part.split()[0] for part in match.group(1).split(",")] if match else []


def drop_partition(cursor, table: str, name: str, key_tables: int = 0) -> None:
    """Detach and drop one partition of ``table``, and the key-table rows of its rows.

    Deferred foreign-key checks still pending in this transaction (rows written in it) are
    run first: PostgreSQL drops no table with pending trigger events."""
    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    for number in range(1, key_tables + 1):
        key = _ident(key_table_name(table, number))
        cursor.execute(f"DELETE FROM {key} k USING {_ident(name)} p WHERE k.row_id = p.id")  # noqa: S608
    cursor.execute(f"ALTER TABLE {_ident(table)} DETACH PARTITION {_ident(name)}")
    cursor.execute(f"DROP TABLE {_ident(name)}")
