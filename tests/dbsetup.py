"""How the test processes get their PostgreSQL databases, fast and still by the real migrations.

Running the migrations costs about 30 s of one core (Django re-renders the model states of
~190 tables at every operation). Every pytest-xdist process used to pay it. Instead:

- the first process to get here runs the real migrations once into a *template* database named
  after the test database and a digest of every migration file (and of the code the data
  migrations call), under a PostgreSQL advisory lock; the others wait for it;
- each process then gets its own database as ``CREATE DATABASE … TEMPLATE …`` (a file copy:
  about a second), and drops it when it ends;
- the template stays for the next run: it is rebuilt only when a migration or a ``defaults.py``
  changes, and the templates of older digests are dropped then. ``TEST_DB_REBUILD=1`` forces a
  rebuild.

Tests that need the seeded demo committed (the API fuzz run) get it the same way: ``seed_demo``
runs once into a second template, named after a digest of the project's code as well
(:func:`seeded_database`), and each such test works on a clone of it.

Transactional tests (live server, real worker, concurrency) end by emptying every table. Django
does that with one ``TRUNCATE`` of all ~190 tables, which PostgreSQL pays per table (new files,
a checkpoint-visible commit): 0.6 s on an idle machine and several seconds on a busy one, after
each of about a hundred tests. ``DELETE FROM`` every table in one transaction, foreign keys
checked at commit (Django declares them ``DEFERRABLE INITIALLY DEFERRED``), leaves the same
empty tables in about 20 ms because these tables hold a few rows. Sequences are not reset,
exactly as Django's flush does not reset them unless a test asks (``reset_sequences``; then
Django's own flush runs). Content types and permissions stay (Django's flush has post_migrate
build them again), and the reference data the data migrations made is put back at once, so a
test that follows finds what the migrations left whatever the order the tests run in.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
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


def migrations_digest() -> str:
    """A digest of what decides the migrated schema and its reference data: every installed
    app's migration files, the ``defaults.py`` modules data migrations call, core's bootstrap,
    and Django's version."""
    import django

    digest = hashlib.sha256(django.get_version().encode())
    files: list[Path] = [ROOT / "core" / "bootstrap.py", ROOT / "core" / "roles.py"]
    for config in apps.get_app_configs():
        path = Path(config.path)
        files += sorted((path / "migrations").glob("*.py"))
        files += [path / "defaults.py"]
    for file in files:
        if file.exists():
            digest.update(str(file.relative_to(file.parents[2])).encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()[:12]


def _admin():
    """A connection to the server's maintenance database, outside Django's connections."""
    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    params.pop("context", None)
    params["dbname"] = "postgres"
    return psycopg.connect(**{k: v for k, v in params.items() if k in {
        "dbname", "user", "password", "host", "port", "sslmode"}}, autocommit=True)


def _exists(admin, name: str) -> bool:
    return admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is not None


def _quote(name: str) -> str:
    if not re.fullmatch(r"[A-Za-z0-9_]+", name):
        raise ValueError(f"unexpected database name {name!r}")
    return f'"{name}"'


def _build_template(admin, base: str, template: str) -> None:
    """Run the real migrations into ``<template>_new`` and rename it: a run killed half-way
    never leaves a half-migrated template behind."""
    building = f"{template}_new"
    pattern = base.replace("_", r"\_") + r"\_tpl\_%"
    for (old,) in admin.execute("SELECT datname FROM pg_database WHERE datname LIKE %s", [pattern]).fetchall():
        admin.execute(f"DROP DATABASE IF EXISTS {_quote(old)} WITH (FORCE)")
    test_settings = connection.settings_dict.setdefault("TEST", {})
    worker_name = test_settings.get("NAME")
    test_settings["NAME"] = building
    try:
        connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False, keepdb=False)
    finally:
        test_settings["NAME"] = worker_name
        connection.close()
    admin.execute(f"ALTER DATABASE {_quote(building)} RENAME TO {_quote(template)}")


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
    return worker


def drop_test_database(name: str) -> None:
    for conn in connections.all():
        conn.close()
    with _admin() as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {_quote(name)} WITH (FORCE)")


#: Kept when a transactional test ends: what ``post_migrate`` would otherwise have to build
#: again (Django's flush re-creates them, with new ids, after its TRUNCATE).
KEPT_TABLES = {"django_content_type", "auth_permission"}


def _empty_every_table(self) -> None:
    """``TransactionTestCase._fixture_teardown`` with ``DELETE`` instead of ``TRUNCATE`` (see
    the module's docstring), then the reference data back (role groups, message templates,
    priority matrix…), so that the next test, transactional or not and in whatever order the
    tests run, finds the database as the migrations left it."""
    from core.bootstrap import ensure_reference_data

    if self.reset_sequences or self.available_apps is not None or getattr(self, "serialized_rollback", False):
        _django_fixture_teardown(self)
        ensure_reference_data()
        return
    for alias in self._databases_names(include_mirrors=False):
        conn = connections[alias]
        if conn.vendor != "postgresql":
            _django_fixture_teardown(self)
            break
        tables = [name for name in conn.introspection.django_table_names(only_existing=True, include_views=False)
                  if name not in KEPT_TABLES]
        # A Celery worker thread of the test may still be committing rows (an on-commit task
        # that ran late): a row it adds between two DELETEs breaks a foreign key at COMMIT.
        # The transaction then rolls back whole; empty again once the writer is done.
        for attempt in range(5):
            try:
                with transaction.atomic(using=alias), conn.cursor() as cursor:
                    cursor.execute("SET CONSTRAINTS ALL DEFERRED")
                    # Table names from the database's own catalogue, quoted: nothing from input.
                    cursor.execute("; ".join(f"DELETE FROM {conn.ops.quote_name(table)}" for table in tables))  # noqa: S608
                break
            except (IntegrityError, OperationalError):
                if attempt == 4:
                    raise
                time.sleep(0.5 * (attempt + 1))
    ensure_reference_data()


_django_fixture_teardown = TransactionTestCase._fixture_teardown


def install_fast_flush() -> None:
    TransactionTestCase._fixture_teardown = _empty_every_table


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


@contextmanager
def seeded_database(seed: Callable[[], None]):
    """Run the body against a database of its own that holds the migrated schema and what
    ``seed()`` wrote, committed: a ``CREATE DATABASE … TEMPLATE`` of a *demo template*.

    The first process to ask builds the demo template (a copy of the migrated template, then
    ``seed()`` run into it for real) under an advisory lock and keeps it for later runs, named
    after :func:`source_digest`: any change to the code or the migrations builds it again and
    drops the older ones. The clone is dropped when the body ends and the connection goes back
    to the process's own database, which the body never touched."""
    worker = connection.settings_dict["NAME"]
    base = re.sub(r"_gw\d+$", "", worker)
    # The template this process's database came from: the migrations may change during a run.
    migrated = _migrated_template or f"{base}_tpl_{migrations_digest()}"
    template = f"{base}_demo_{source_digest(migrated)}"
    clone = f"{worker}_demo"
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
        with _admin() as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {_quote(clone)} WITH (FORCE)")
