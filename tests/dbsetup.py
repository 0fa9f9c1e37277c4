"""How the test processes get their PostgreSQL databases, fast and still by the real migrations.

Running the migrations costs about 150 s of one core (Django re-renders the model states of
~230 tables at every operation). Every pytest-xdist process used to pay it. Instead:

- the first process to get here builds a *template* database named after the test database
  and a digest of every migration file (and of the code the data migrations call), under a
  PostgreSQL advisory lock; the others wait for it;
- it builds it from ``tests/schema.sql`` when that dump was written from the migration files
  that are here now (each file's SHA-256 is in its first line): the dump's SQL runs into an
  empty database (a second or two) and ``migrate`` applies only the migrations added since;
  when a recorded file changed or went away (or with ``TEST_DB_REBUILD=1``), every migration
  runs from the start, and the dump is written again from the result (pg_dump): commit it
  with the migration, as Rails keeps ``schema.rb``. A clean checkout (CI) then never pays
  the 150 s for migrations that were already run once by whoever wrote them;
- each process then gets its own database as ``CREATE DATABASE … TEMPLATE …`` (a file copy:
  about a second), and drops it when it ends;
- the template stays for the next run: it is rebuilt only when a migration or a ``defaults.py``
  changes, and the templates of older digests are dropped then. ``TEST_DB_REBUILD=1`` forces a
  rebuild by the migrations.

Tests that need the seeded demo committed (the API fuzz run) get it the same way: ``seed_demo``
runs once into a second template, named after a digest of the project's code as well
(:func:`seeded_database`), and each such test works on a clone of it.

Transactional tests (live server, real worker, concurrency) end by emptying every table. Django
does that with one ``TRUNCATE`` of all ~230 tables, which PostgreSQL pays per table (new files,
a checkpoint-visible commit): 0.6 s on an idle machine and several seconds on a busy one, after
each of about a hundred tests. ``DELETE FROM`` every table in one transaction, foreign keys
checked at commit (Django declares them ``DEFERRABLE INITIALLY DEFERRED``), leaves the same
empty tables in about 20 ms because these tables hold a few rows. Sequences are not reset,
exactly as Django's flush does not reset them unless a test asks (``reset_sequences``; then
Django's own flush runs). Content types and permissions stay (Django's flush has post_migrate
build them again), and the reference data the data migrations made (role groups, message
templates, matrices) is put back in the same transaction, copied from a snapshot each process
takes of its fresh database (schema ``test_reference``; ids and all), so a test that follows
finds what the migrations left whatever the order the tests run in. The ``DELETE``s and the
``INSERT``s are one PL/pgSQL function of that schema (``test_reference.empty_every_table()``),
whose statements are planned once per connection, not at every teardown. And the connection
stays: Django closes every connection after a transactional test (a new session for the next
one), which costs PostgreSQL a new backend that loads its catalogue caches again for every
table the next test and its flush touch; the session's state is reset instead (everything
``DISCARD ALL`` resets but the cached plans), the same backend serving on.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

import psycopg
from django.apps import apps
from django.conf import settings
from django.db import IntegrityError, OperationalError, connection, connections, transaction
from django.test import TransactionTestCase

ROOT = Path(__file__).resolve().parent.parent
#: The migrated template this process's database was cloned from (create_test_database).
_migrated_template: str | None = None


def _schema_files() -> dict[str, str]:
    """What decides the migrated schema and its reference data, each file named after its app
    (``auth/migrations/0001_initial.py``, ``sla/defaults.py``: the same wherever the checkout
    and the virtualenv are) with its SHA-256: every installed app's migration files, the
    ``defaults.py`` modules data migrations call, core's bootstrap, and the partitioning the
    migrations of the append-only tables call (``core/partitions.py``)."""
    files = {"core/bootstrap.py": ROOT / "core" / "bootstrap.py", "core/roles.py": ROOT / "core" / "roles.py",
             "core/partitions.py": ROOT / "core" / "partitions.py"}
    for config in apps.get_app_configs():
        path = Path(config.path)
        for migration in sorted((path / "migrations").glob("*.py")):
            files[f"{config.label}/migrations/{migration.name}"] = migration
        files[f"{config.label}/defaults.py"] = path / "defaults.py"
    return {name: hashlib.sha256(file.read_bytes()).hexdigest() for name, file in files.items() if file.exists()}


def migrations_digest() -> str:
    """A digest of :func:`_schema_files` and Django's version."""
    import django

    digest = hashlib.sha256(django.get_version().encode())
    for name, sha in _schema_files().items():
        digest.update(name.encode())
        digest.update(sha.encode())
    return digest.hexdigest()[:12]


def _connect_params() -> dict:
    """psycopg's connection arguments for the server Django's default connection uses."""
    params = connection.get_connection_params()
    return {k: v for k, v in params.items() if k in {"dbname", "user", "password", "host", "port", "sslmode"}}


def _admin():
    """A connection to the server's maintenance database, outside Django's connections."""
    return psycopg.connect(**{**_connect_params(), "dbname": "postgres"}, autocommit=True)


def _exists(admin, name: str) -> bool:
    return admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is not None


def _quote(name: str) -> str:
    if not re.fullmatch(r"[A-Za-z0-9_]+", name):
        raise ValueError(f"unexpected database name {name!r}")
    return f'"{name}"'


#: The migrated schema as a SQL dump (pg_dump's plain format), written by the run that last
#: built the template with the migrations: see :func:`_build_template`.
SCHEMA_DUMP = ROOT / "tests" / "schema.sql"
_DUMP_HEADER = "-- servicedesk test schema, Django "
#: The psql meta-commands pg_dump writes around the SQL (15.14 and later): not SQL.
_META_COMMAND = re.compile(r"\\(un)?restrict [A-Za-z0-9]+\n?")


def _dump_header(path: Path = SCHEMA_DUMP) -> dict | None:
    """What the dump's first lines record: ``{"django": version, "files": {path: sha256}}``
    (``-- servicedesk test schema, Django <version>``, then one ``-- file <path> <sha256>``
    line per file, in the order :func:`_schema_files` gives)."""
    try:
        with path.open(encoding="utf-8") as dump:
            first = dump.readline()
            if not first.startswith(_DUMP_HEADER):
                return None
            files = {}
            for line in dump:
                if not line.startswith("-- file "):
                    break
                name, sha = line.removeprefix("-- file ").split()
                files[name] = sha
    except (FileNotFoundError, ValueError):
        return None
    return {"django": first.removeprefix(_DUMP_HEADER).strip(), "files": files}


def _dump_usable(files: dict[str, str]) -> bool:
    """The dump may stand for the migrations it recorded when every one of those files is
    still here, byte for byte, under the same Django: migrations added since are applied on
    top of it by ``migrate``; a changed or removed one (or a changed ``defaults.py``) means
    the migrations run from the start."""
    import django

    header = _dump_header()
    if not header or header.get("django") != django.get_version():
        return False
    recorded = header.get("files") or {}
    return bool(recorded) and all(files.get(name) == sha for name, sha in recorded.items())


def _load_dump(name: str) -> None:
    """Run the dump's SQL into the empty database ``name``, in one transaction."""
    params = _connect_params()
    sql = "".join(line for line in SCHEMA_DUMP.open(encoding="utf-8") if not _META_COMMAND.fullmatch(line))
    with psycopg.connect(**{**params, "dbname": name}) as conn:
        conn.execute(sql)


def _write_dump(template: str, files: dict[str, str]) -> None:
    """Write the template's schema and rows to :data:`SCHEMA_DUMP` (pg_dump, plain SQL, one
    ``INSERT`` per 1,000 rows), the files it was migrated from in its first line. Not
    written when pg_dump is missing or refuses this server (an older major version): the
    migrations then simply run again next time."""
    import django

    pg_dump = shutil.which("pg_dump")
    if not pg_dump:
        return
    params = _connect_params()
    env = {**os.environ, "PGPASSWORD": str(params.get("password") or "")}
    cmd = [pg_dump, "--no-owner", "--no-privileges", "--inserts", "--rows-per-insert=1000",
           "-h", str(params.get("host") or "127.0.0.1"), "-p", str(params.get("port") or 5432),
           "-U", str(params.get("user") or "postgres"), template]
    result = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)  # noqa: S603
    if result.returncode != 0:
        print(f"tests/dbsetup.py: {SCHEMA_DUMP.name} not written (pg_dump: {result.stderr.strip()})")
        return
    lines = [line for line in result.stdout.splitlines(keepends=True) if not _META_COMMAND.fullmatch(line)]
    header = [f"{_DUMP_HEADER}{django.get_version()}\n", *(f"-- file {name} {sha}\n" for name, sha in files.items())]
    partial = SCHEMA_DUMP.with_name(f".{SCHEMA_DUMP.name}.{os.getpid()}")
    partial.write_text("".join(header + lines), encoding="utf-8")
    os.replace(partial, SCHEMA_DUMP)


def _build_template(admin, base: str, template: str) -> None:
    """Build the migrated template as ``<template>_new`` and rename it: a run killed half-way
    never leaves a half-migrated template behind.

    Two ways, the same database: from :data:`SCHEMA_DUMP` (a second or two) when it was
    written from the migration files that are here now, with ``migrate`` applying the
    migrations added since; else (and with ``TEST_DB_REBUILD=1``) by running every migration
    from the start, about 150 s of one core. After a build whose files the dump does not
    record, the dump is written again: commit it with the migration that changed it."""
    building = f"{template}_new"
    pattern = base.replace("_", r"\_") + r"\_tpl\_%"
    for (old,) in admin.execute("SELECT datname FROM pg_database WHERE datname LIKE %s", [pattern]).fetchall():
        admin.execute(f"DROP DATABASE IF EXISTS {_quote(old)} WITH (FORCE)")
    files = _schema_files()
    test_settings = connection.settings_dict.setdefault("TEST", {})
    worker_name = test_settings.get("NAME")
    test_settings["NAME"] = building
    try:
        if os.environ.get("TEST_DB_REBUILD") != "1" and _dump_usable(files):
            from django.core.management import call_command

            admin.execute(f"CREATE DATABASE {_quote(building)}")
            _load_dump(building)
            previous = connection.settings_dict["NAME"]
            _use(building)
            try:
                # What create_test_db runs after creating the database, now on the dump: only
                # the migrations the dump does not hold run; post_migrate adds their content
                # types and permissions.
                call_command("migrate", verbosity=0, interactive=False, run_syncdb=True, database=connection.alias)
                call_command("createcachetable", database=connection.alias)
            finally:
                _use(previous)
        else:
            connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False, keepdb=False)
    finally:
        test_settings["NAME"] = worker_name
        connection.close()
    admin.execute(f"ALTER DATABASE {_quote(building)} RENAME TO {_quote(template)}")
    header = _dump_header() or {}
    # The files once more: one edited while the migrations ran leaves the dump as it was.
    if (header.get("files") != files and _schema_files() == files
            and os.environ.get("TEST_SCHEMA_DUMP", "write") != "keep"):
        _write_dump(template, files)


def create_test_database() -> str:
    """Give this process its own migrated database, cloned from the template; return its name."""
    test_settings = connection.settings_dict.setdefault("TEST", {})
    worker = test_settings.get("NAME") or f"test_{connection.settings_dict['NAME']}"
    base = re.sub(r"_gw\d+$", "", worker)
    template = f"{base}_tpl_{migrations_digest()}"
    with _admin() as admin:
        admin.execute("SELECT pg_advisory_lock(hashtext(%s))", [base])
        try:
            if os.environ.get("TEST_DB_REBUILD") == "1" and _exists(admin, template) and not os.environ.get(
                    "PYTEST_XDIST_WORKER", "gw0").removeprefix("gw").strip("0"):
                admin.execute(f"DROP DATABASE {_quote(template)} WITH (FORCE)")
            if not _exists(admin, template):
                _build_template(admin, base, template)
            admin.execute(f"DROP DATABASE IF EXISTS {_quote(worker)} WITH (FORCE)")
            admin.execute(f"CREATE DATABASE {_quote(worker)} TEMPLATE {_quote(template)}")
        finally:
            admin.execute("SELECT pg_advisory_unlock(hashtext(%s))", [base])
    global _migrated_template
    _migrated_template = template
    connection.close()
    settings.DATABASES[connection.alias]["NAME"] = worker
    connection.settings_dict["NAME"] = worker
    _snapshot_reference_rows(connection.alias)
    return worker


#: Drops the databases named on its command line (and those matching the LIKE patterns after
#: ``--like``), in a process of its own (drop_test_database).
_DROPPER = """
import json, sys, psycopg
params, names = json.loads(sys.argv[1]), sys.argv[2:]
patterns = names[names.index("--like") + 1:] if "--like" in names else []
names = names[:names.index("--like")] if "--like" in names else names
with psycopg.connect(**params, autocommit=True) as admin:
    for pattern in patterns:
        names += [row[0] for row in admin.execute("SELECT datname FROM pg_database WHERE datname LIKE %s", [pattern])]
    for name in dict.fromkeys(names):
        admin.execute('DROP DATABASE IF EXISTS "%s" WITH (FORCE)' % name.replace('"', ''))
"""


def drop_test_database(name: str) -> None:
    """Drop this process's database, and the seeded clones it used, once the session is over.

    ``DROP DATABASE`` waits for a checkpoint: 2 to 10 s each on a busy server, seconds after
    the last test that no one needs to wait for. A process of its own, in a session of its own,
    drops them while pytest ends; a run killed before that leaves them to the next run's."""
    for conn in connections.all():
        conn.close()
    params = {**_connect_params(), "dbname": "postgres"}
    like = [name.replace("_", r"\_") + r"\_seeded%"]
    subprocess.Popen([sys.executable, "-c", _DROPPER, json.dumps(params), _quote(name).strip('"'), "--like", *like],  # noqa: S603
                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                     start_new_session=True)


#: Kept when a transactional test ends: what ``post_migrate`` would otherwise have to build
#: again (Django's flush re-creates them, with new ids, after its TRUNCATE).
KEPT_TABLES = {"django_content_type", "auth_permission"}
#: The schema that holds, in each process's own database, a copy of the rows the migrations
#: left in the other tables (role groups, message templates, matrices): put back after each
#: flush. Outside the search path, so Django never sees its tables.
REFERENCE_SCHEMA = "test_reference"
#: alias -> the INSERTs that put the reference rows back (_snapshot_reference_rows).
_reference_restore: dict[str, str] = {}
#: The function (in :data:`REFERENCE_SCHEMA`) that empties every table the snapshot saw and
#: puts the reference rows back: what a transactional test's teardown calls.
FLUSH_FUNCTION = "empty_every_table"


def _snapshot_reference_rows(alias: str = "default") -> None:
    """Copy what the migrations left in the tables a flush empties into :data:`REFERENCE_SCHEMA`
    of this process's fresh database, and prepare the statements that put it back."""
    conn = connections[alias]
    quote = conn.ops.quote_name
    tables = [name for name in conn.introspection.django_table_names(only_existing=True, include_views=False)
              if name not in KEPT_TABLES]
    restore = []
    with conn.cursor() as cursor:
        # Table names from the database's own catalogue, quoted: nothing from input.
        exists = [f"SELECT %s WHERE EXISTS (SELECT 1 FROM {quote(table)})" for table in tables]  # noqa: S608
        cursor.execute(" UNION ALL ".join(exists), tables)
        filled = [row[0] for row in cursor.fetchall()]
        cursor.execute(f"DROP SCHEMA IF EXISTS {REFERENCE_SCHEMA} CASCADE; CREATE SCHEMA {REFERENCE_SCHEMA}")
        for table in filled:
            cursor.execute(f"CREATE TABLE {REFERENCE_SCHEMA}.{quote(table)} AS TABLE {quote(table)}")
            # Every column but generated ones (PostgreSQL computes those).
            cursor.execute("SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) FROM pg_attribute"
                           " WHERE attrelid = %s::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = ''",
                           [quote(table)])
            columns = cursor.fetchone()[0]
            restore.append(f"INSERT INTO {quote(table)} ({columns}) "  # noqa: S608
                           f"SELECT {columns} FROM {REFERENCE_SCHEMA}.{quote(table)}")
        # The flush as a function of the test database: PL/pgSQL keeps the plan of each of its
        # ~290 statements for the connection's life, where the same statements sent as text are
        # parsed and planned again at every teardown (server CPU per flush 40 → 20 ms, the
        # test process's 3.7 → 0.8 ms; see tests/README.md).
        body = "".join(f"DELETE FROM {quote(table)};\n" for table in tables)  # noqa: S608 - catalogue names
        body += "".join(f"{statement};\n" for statement in restore)
        cursor.execute(f"CREATE FUNCTION {REFERENCE_SCHEMA}.{FLUSH_FUNCTION}() RETURNS void LANGUAGE plpgsql"
                       f" AS $flush$ BEGIN\nSET CONSTRAINTS ALL DEFERRED;\n{body}END $flush$")
    _reference_restore[alias] = "; ".join(restore)


def _empty_every_table(self) -> None:
    """``TransactionTestCase._fixture_teardown`` with ``DELETE`` instead of ``TRUNCATE`` (see
    the module's docstring), then the reference data back (role groups, message templates,
    priority matrix…) as the migrations left it, same ids, in the same transaction, so that
    the next test, transactional or not and in whatever order the tests run, finds the
    database as the migrations left it."""
    from core.bootstrap import ensure_reference_data

    if self.reset_sequences or self.available_apps is not None or getattr(self, "serialized_rollback", False):
        _django_fixture_teardown(self)
        ensure_reference_data()
        return
    for alias in self._databases_names(include_mirrors=False):
        conn = connections[alias]
        if conn.vendor != "postgresql" or alias not in _reference_restore:
            _django_fixture_teardown(self)
            ensure_reference_data()
            return
        # A Celery worker thread of the test may still be committing rows (an on-commit task
        # that ran late): a row it adds between two DELETEs breaks a foreign key at COMMIT.
        # The transaction then rolls back whole; empty again once the writer is done.
        for attempt in range(5):
            try:
                with transaction.atomic(using=alias), conn.cursor() as cursor:
                    cursor.execute(f"SELECT {REFERENCE_SCHEMA}.{FLUSH_FUNCTION}()")
                break
            except (IntegrityError, OperationalError):
                if attempt == 4:
                    raise
                time.sleep(0.5 * (attempt + 1))


_django_fixture_teardown = TransactionTestCase._fixture_teardown

#: What a new session would not find: DISCARD ALL but its DISCARD PLANS (DISCARD ALL itself
#: cannot run in the implicit transaction of a multi-statement query). The startup options
#: (synchronous_commit) are what RESET ALL goes back to.
_SESSION_RESET = ("CLOSE ALL; SET SESSION AUTHORIZATION DEFAULT; RESET ALL; DEALLOCATE ALL; UNLISTEN *; "
                  "SELECT pg_advisory_unlock_all(); DISCARD TEMP; DISCARD SEQUENCES")


def _reset_session(conn) -> bool:
    """Give ``conn`` the state a new connection would have, on the same backend; False (and
    nothing done) unless it is an idle PostgreSQL connection with nothing pending."""
    raw = conn.connection
    if (conn.vendor != "postgresql" or raw is None or raw.closed or conn.in_atomic_block or conn.needs_rollback
            or conn.savepoint_ids or conn.run_on_commit or conn.errors_occurred or not conn.get_autocommit()
            or raw.info.transaction_status != psycopg.pq.TransactionStatus.IDLE):
        return False
    try:
        with conn.cursor() as cursor:
            cursor.execute(_SESSION_RESET)
        conn.init_connection_state()  # as after connecting: the time zone again
    except Exception:  # noqa: BLE001 - whatever it was, a new connection it is
        return False
    return True


def _reset_connections(self) -> bool:
    """``TransactionTestCase._post_teardown`` closes every connection after each test, so that
    the next one starts from a new session (see Django's comment there). A new connection is a
    new PostgreSQL backend, which builds its catalogue caches again for every table the next
    test and its flush touch: 40–60 ms of the server's CPU a transactional test. The session's
    state is reset instead (:data:`_SESSION_RESET`) and the backend kept; a connection in any
    other state than idle is closed, as before."""
    for conn in connections.all(initialized_only=True):
        if not _reset_session(conn):
            conn.close()
    return False


def install_fast_flush() -> None:
    TransactionTestCase._fixture_teardown = _empty_every_table
    TransactionTestCase._should_reload_connections = _reset_connections


# --- the seeded demo, once per code version ---------------------------------------------------


@functools.cache
def source_digest(migrated: str) -> str:
    """A digest of the project's own code and templates (every app inside the checkout, its
    tests left out) on top of the migrated template's name: what decides the rows ``seed_demo``
    writes. Worked out once per process: the code a process runs is the code it loaded."""
    digest = hashlib.sha256(migrated.encode())
    for config in sorted(apps.get_app_configs(), key=lambda config: config.label):
        path = Path(config.path).resolve()
        if not path.is_relative_to(ROOT) or ".venv" in path.relative_to(ROOT).parts:
            continue
        for file in sorted(path.rglob("*")):
            parts = file.relative_to(path).parts
            if file.suffix in {".py", ".html", ".txt"} and "tests" not in parts and "__pycache__" not in parts:
                digest.update(str(file.relative_to(ROOT)).encode())
                digest.update(file.read_bytes())
    return digest.hexdigest()[:12]


def _use(name: str) -> None:
    """Point Django's default connection at database ``name`` (closed first)."""
    connection.close()
    settings.DATABASES[connection.alias]["NAME"] = name
    connection.settings_dict["NAME"] = name


#: How many seeded clones this process made (their names: ``<db>_seeded<n>``).
_clones = 0


@contextmanager
def seeded_database(seed: Callable[[], None]):
    """Run the body against a database of its own that holds the migrated schema and what
    ``seed()`` wrote, committed: a ``CREATE DATABASE … TEMPLATE`` of a *demo template*.

    The first process to ask builds the demo template (a copy of the migrated template, then
    ``seed()`` run into it for real) under an advisory lock and keeps it for later runs, named
    after :func:`source_digest`: any change to the code or the migrations builds it again and
    drops the older ones. When the body ends the connection goes back to the process's own
    database, which the body never touched; the clone is dropped after the session."""
    worker = connection.settings_dict["NAME"]
    base = re.sub(r"_gw\d+$", "", worker)
    # The template this process's database came from: the migrations may change during a run.
    migrated = _migrated_template or f"{base}_tpl_{migrations_digest()}"
    template = f"{base}_demo_{source_digest(migrated)}"
    # A new name for each clone: the used ones are dropped after the session (drop_test_database).
    global _clones
    _clones += 1
    clone = f"{worker}_seeded{_clones}"
    with _admin() as admin:
        admin.execute("SELECT pg_advisory_lock(hashtext(%s))", [f"{base}_demo"])
        try:
            if not _exists(admin, template):
                building = f"{template}_new"
                pattern = base.replace("_", r"\_") + r"\_demo\_%"
                for (old,) in admin.execute("SELECT datname FROM pg_database WHERE datname LIKE %s",
                                            [pattern]).fetchall():
                    admin.execute(f"DROP DATABASE IF EXISTS {_quote(old)} WITH (FORCE)")
                admin.execute(f"CREATE DATABASE {_quote(building)} TEMPLATE {_quote(migrated)}")
                _use(building)
                try:
                    seed()
                finally:
                    _use(worker)
                admin.execute(f"ALTER DATABASE {_quote(building)} RENAME TO {_quote(template)}")
            admin.execute(f"DROP DATABASE IF EXISTS {_quote(clone)} WITH (FORCE)")
            admin.execute(f"CREATE DATABASE {_quote(clone)} TEMPLATE {_quote(template)}")
        finally:
            admin.execute("SELECT pg_advisory_unlock(hashtext(%s))", [f"{base}_demo"])
    _use(clone)
    try:
        yield clone
    finally:
        _use(worker)
