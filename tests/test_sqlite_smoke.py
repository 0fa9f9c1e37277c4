"""The embedded quick start (SQLite, filesystem broker) runs every Celery beat task and every
management command of the project without an error.

The rest of the suite runs on PostgreSQL, so a query only PostgreSQL understands would pass
there and crash the quick start every minute (it did: spike detection). This test migrates a
fresh SQLite database in a subprocess with ``servicedesk.settings.local``, seeds the demo,
adds spikes, then runs every command found under ``*/management/commands/`` of the
project's apps and every entry of the beat schedule, each directly in that process. Both
lists are discovered, so a new task or command is covered without touching this file (give
it arguments in ``COMMAND_ARGS`` if it needs some).

The migrations on SQLite are the slow part (Django rebuilds a table for most changes), so
they run for real once per version of the migrations, like the PostgreSQL template databases
(``tests/dbsetup.py``): into a file named after the migrations' digest, which each run copies;
``migrate`` still runs in the test, on the copy. A change to any migration (or to the code the
data migrations call) builds the file again from an empty database. The file lives outside the
checkout (``$XDG_CACHE_HOME/servicedesk-tests/``, else ``~/.cache/servicedesk-tests/``;
``TEST_SQLITE_CACHE_DIR`` overrides it), as the PostgreSQL templates live in the server: a fresh
clone on the same machine finds it (building it costs about 85 s of one core).

A clean machine (CI) does not pay those 85 s either when ``tests/schema_sqlite.sql`` is current:
like ``tests/schema.sql`` for PostgreSQL (``tests/dbsetup.py``), it is the SQL of a file the real
migrations built (``sqlite3``'s ``iterdump``), headed by the SHA-256 of every file it was built
from (each migration, each ``defaults.py``, core's bootstrap, roles and partitions) and
Django's version. When every recorded file is unchanged the file is built from the dump (about
a second) and ``migrate`` applies only the migrations added since; else (or with
``TEST_DB_REBUILD=1``) every migration runs from an empty database. Whenever the dump does not
record exactly the files of the build, it is written again (``TEST_SCHEMA_DUMP=keep`` never
writes it): commit it with the migration, as ``tests/schema.sql``."""

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from tests import dbsetup

ROOT = Path(__file__).resolve().parent.parent

# Arguments for commands that need some (small numbers: this is a smoke test, not a bench).
# A command not named here runs without arguments.
COMMAND_ARGS = {
    "generate_load": ["--contacts", "20", "--customers", "2", "--batch", "10", "--seed", "1"],
    "deliver_mail": ["--mailbox", "support@demo.servicedesk.example"],  # the demo's push mailbox
}
# What a command reads on standard input (the MTA pipe reads one raw message). Such a command
# ends with sys.exit(status): 0 is ok.
COMMAND_STDIN = {
    "deliver_mail": ("From: Smoke Test <smoke@example.com>\r\nTo: support@demo.servicedesk.example\r\n"
                     "Subject: Smoke test by pipe\r\nMessage-ID: <sqlite-smoke@example.com>\r\n\r\n"
                     "The printer on floor 2 is offline.\r\n"),
}
# Run first, so the other commands and the tasks have data to work on.
FIRST = "seed_demo"

DRIVER = r'''
import io
import json
import sys
import traceback
from pathlib import Path

import django

django.setup()

from django.apps import apps
from django.core.management import call_command, get_commands
from django.db import connection
from django.test.utils import override_settings

# The demo's passwords and PINs hashed by MD5, as in the rest of the suite, not by the quick
# start's PBKDF2 (a third of this process's CPU went to hashing them): every command and task
# runs on SQLite whichever hasher stores them.
override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]).enable()

root, report_path = Path(sys.argv[1]), Path(sys.argv[2])
command_args, first, command_stdin = json.loads(sys.argv[3]), sys.argv[4], json.loads(sys.argv[5])
report = {"vendor": connection.vendor, "broker": None, "commands": {}, "tasks": {}, "spikes": {}, "pages": {}}


def ours(app_name):
    """An app of this project (not Django's, not a third-party package)."""
    if app_name == "django.core":
        return False
    config = next((c for c in apps.get_app_configs() if c.name == app_name), None)
    path = Path(config.path).resolve() if config else None
    return path is not None and path.is_relative_to(root) and ".venv" not in path.parts and \
        "site-packages" not in path.parts


def run_command(name):
    stdin = sys.stdin
    if name in command_stdin:
        sys.stdin = io.TextIOWrapper(io.BytesIO(command_stdin[name].encode()))
    try:
        call_command(name, *command_args.get(name, []))
        report["commands"][name] = "ok"
    except SystemExit as exit_:
        report["commands"][name] = "ok" if exit_.code in (0, None) else f"exit status {exit_.code}"
    except BaseException:
        report["commands"][name] = traceback.format_exc()
    finally:
        sys.stdin = stdin


def add_spikes():
    """Two services spiking now: one rule auto-declares a major incident, one only alerts
    (with a baseline over past weeks and calls counted as demand)."""
    from django.contrib.auth import get_user_model

    from catalog.models import Service
    from incidents import services
    from incidents.choices import ACTIVE_MAJOR_STATUSES
    from incidents.models import MajorIncident, SpikeRule

    busy = MajorIncident.objects.filter(status__in=ACTIVE_MAJOR_STATUSES).values_list("services", flat=True)
    quiet = list(Service.objects.filter(is_active=True, owner_team__manager__isnull=False)
                 .exclude(pk__in=list(busy)).order_by("pk")[:2])
    assert len(quiet) == 2, "the demo needs two services without a major incident"
    agent = get_user_model().objects.get(username="agent")
    for service, auto in zip(quiet, (True, False), strict=True):
        SpikeRule.objects.filter(service=service).delete()
        SpikeRule.objects.create(service=service, window_minutes=15, threshold=3, auto_declare=auto,
                                 baseline_multiplier=None if auto else 2, baseline_weeks=2)
        for n in range(4):
            services.incident_create(title=f"Smoke test report {n}", actor=agent, service=service)
        services.demand_record(service=service, reference=f"smoke-{service.pk}")
    return [s.pk for s in quiet]


names = sorted(name for name, app_name in get_commands().items() if ours(app_name))
try:
    call_command("migrate", interactive=False, verbosity=0)
    if first in names:
        run_command(first)
    spiking = add_spikes()
    for name in names:
        if name != first:
            run_command(name)

    from servicedesk.celery import app

    report["broker"] = app.conf.broker_url
    app.loader.import_default_modules()  # the tasks autodiscovery registers
    for entry_name, entry in sorted(app.conf.beat_schedule.items()):
        try:
            task = app.tasks[entry["task"]]
            task.apply(args=entry.get("args", ()), kwargs=entry.get("kwargs", {}), throw=True)
            report["tasks"][entry_name] = "ok"
        except BaseException:
            report["tasks"][entry_name] = traceback.format_exc()

    from incidents.models import SpikeAlert

    report["spikes"] = {status: SpikeAlert.objects.filter(service__in=spiking, status=status).count()
                        for status in ("open", "declared")}

    # The quick start's searches on SQLite (the fallbacks of the PostgreSQL full text): the
    # help centre with no login, a Persian query typed with Arabic letters, the articles API,
    # and the agents' search box. Each: its status and whether the expected record was found.
    from django.contrib.auth import get_user_model
    from django.test import Client

    reader, agent = Client(HTTP_HOST="localhost"), Client(HTTP_HOST="localhost")
    agent.force_login(get_user_model().objects.get(username="agent"))
    searches = {
        "help": (reader, "/help/", {}, "Your card is blocked"),
        "help-search": (reader, "/help/search/", {"q": "card blocked"}, "Your card is blocked"),
        "help-search-fa": (reader, "/help/search/", {"q": "\u0643\u0627\u0631\u062a \u0645\u0633\u062f\u0648\u062f"},
                           "\u06a9\u0627\u0631\u062a \u0628\u0627\u0646\u06a9\u06cc"),
        "help-suggest": (reader, "/help/suggest/", {"q": "online banking password"}, "Reset your online banking"),
        "articles-api": (reader, "/api/v1/articles/", {"search": "password"}, "Reset your online banking"),
        "search-api": (agent, "/api/v1/search/", {"q": "smoke test"}, "Smoke test report"),
        "search-page": (agent, "/search/", {"q": "smoke test"}, '<bdi class="search-number">INC'),
    }
    for name, (client, path, params, expected) in searches.items():
        response = client.get(path, params)
        text = response.content.decode(errors="replace")
        report["pages"][name] = {"status": response.status_code, "found": expected in text}
finally:
    report_path.write_text(json.dumps(report))
'''


def _sqlite_env(tmp_path: Path) -> dict:
    """The quick start's environment: no server named anywhere, everything under VAR_DIR."""
    dropped = {"DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL", "CELERY_RESULT_BACKEND", "DJANGO_SETTINGS_MODULE"}
    env = {k: v for k, v in os.environ.items() if k not in dropped and not k.startswith("TEST_")}
    env.update({
        "DJANGO_SETTINGS_MODULE": "servicedesk.settings.local",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "VAR_DIR": str(tmp_path / "var"),
        # The console backend would print every demo email into the captured output.
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    })
    return env


MIGRATE = r'''
import django

django.setup()

from django.core.management import call_command

call_command("migrate", interactive=False, verbosity=0)
'''


def _cache_dir() -> Path:
    """Where the migrated SQLite file is kept between runs and checkouts (see the module's docstring)."""
    if os.environ.get("TEST_SQLITE_CACHE_DIR"):
        return Path(os.environ["TEST_SQLITE_CACHE_DIR"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "servicedesk-tests"


def _migrated_database(tmp_path: Path) -> None:
    """Put a SQLite database the real migrations built, with the quick start's settings, at
    ``tmp_path / "db.sqlite3"`` (see the module's docstring)."""
    cache = _cache_dir()
    cache.mkdir(parents=True, exist_ok=True)
    migrated = cache / f"sqlite-migrated-{dbsetup.migrations_digest()}.sqlite3"
    if not migrated.exists():
        building = tmp_path / "building"
        building.mkdir()
        files = dbsetup._schema_files()
        if os.environ.get("TEST_DB_REBUILD") != "1" and _dump_usable(files):
            _load_dump(building / "db.sqlite3")  # then migrate runs only the migrations added since
        result = subprocess.run([sys.executable, "-c", MIGRATE], cwd=ROOT, env=_sqlite_env(building),
                                capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, result.stderr[-5000:]
        # The files once more: one edited while the migrations ran leaves the dump as it was.
        header = dbsetup._dump_header(SQLITE_DUMP) or {}
        if (header.get("files") != files and dbsetup._schema_files() == files
                and os.environ.get("TEST_SCHEMA_DUMP", "write") != "keep"):
            _write_dump(building / "db.sqlite3", files)
        _copy(building / "db.sqlite3", tmp_path / "db.sqlite3", journal_mode="WAL")  # as migrate left it
        # Kept in rollback-journal mode, so that reading it leaves no -wal/-shm files beside it.
        _copy(building / "db.sqlite3", building / "copy.sqlite3", journal_mode="DELETE")
        # Files of other digests go (another checkout sharing the folder builds its own again).
        for old in cache.glob("sqlite-migrated-*"):
            if old != migrated:
                old.unlink(missing_ok=True)
        os.replace(building / "copy.sqlite3", migrated)  # whole or not at all, for a concurrent run
        return
    _copy(migrated, tmp_path / "db.sqlite3", journal_mode="WAL")  # as migrate left it


#: The migrated SQLite database as SQL (see the module's docstring).
SQLITE_DUMP = ROOT / "tests" / "schema_sqlite.sql"


def _dump_usable(files: dict[str, str]) -> bool:
    """Whether :data:`SQLITE_DUMP` may stand for the migrations it recorded: every one of those
    files still here, byte for byte, under the same Django (as ``dbsetup._dump_usable``)."""
    import django

    header = dbsetup._dump_header(SQLITE_DUMP)
    if not header or header.get("django") != django.get_version():
        return False
    recorded = header.get("files") or {}
    return bool(recorded) and all(files.get(name) == sha for name, sha in recorded.items())


def _load_dump(target: Path) -> None:
    """Run the dump's SQL into the new SQLite file ``target`` (its own ``BEGIN``/``COMMIT``)."""
    database = sqlite3.connect(target)
    try:
        database.executescript(SQLITE_DUMP.read_text(encoding="utf-8"))
    finally:
        database.close()


def _write_dump(source: Path, files: dict[str, str]) -> None:
    """Write the migrated SQLite file ``source`` as SQL to :data:`SQLITE_DUMP`, the files it was
    migrated from in its first lines (the header of ``tests/schema.sql``)."""
    import django

    reader = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        statements = [f"{statement}\n" for statement in reader.iterdump()]
    finally:
        reader.close()
    header = [f"{dbsetup._DUMP_HEADER}{django.get_version()}\n",
              *(f"-- file {name} {sha}\n" for name, sha in files.items())]
    partial = SQLITE_DUMP.with_name(f".{SQLITE_DUMP.name}.{os.getpid()}")
    partial.write_text("".join(header + statements), encoding="utf-8")
    os.replace(partial, SQLITE_DUMP)


def _copy(source: Path, target: Path, *, journal_mode: str) -> None:
    """A consistent copy of a SQLite database (its write-ahead log included)."""
    reader = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    writer = sqlite3.connect(target)
    try:
        reader.backup(writer)
        writer.execute(f"PRAGMA journal_mode={journal_mode}")
    finally:
        reader.close()
        writer.close()


def test_every_beat_task_and_management_command_runs_on_sqlite(tmp_path):
    report_path = tmp_path / "report.json"
    _migrated_database(tmp_path)
    result = subprocess.run(
        [sys.executable, "-c", DRIVER, str(ROOT), str(report_path), json.dumps(COMMAND_ARGS), FIRST,
         json.dumps(COMMAND_STDIN)],
        cwd=ROOT, env=_sqlite_env(tmp_path), capture_output=True, text=True, timeout=300)
    assert report_path.exists(), result.stderr[-5000:]
    report = json.loads(report_path.read_text())
    assert result.returncode == 0, result.stderr[-5000:]
    assert report["vendor"] == "sqlite" and report["broker"] == "filesystem://"

    failed = {name: trace for kind in ("commands", "tasks") for name, trace in report[kind].items() if trace != "ok"}
    assert not failed, "\n\n".join(f"{name}:\n{trace}" for name, trace in failed.items())
    # Discovery found what we know of (and covers whatever is added later).
    assert {"seed_demo", "generate_load", "sla_sweep", "detect_spikes", "rollup_kpis"} <= set(report["commands"])
    assert set(report["tasks"]) == set(settings.CELERY_BEAT_SCHEDULE)
    # Spike detection did its work on SQLite: one spike declared, one alerted.
    assert report["spikes"] == {"open": 1, "declared": 1}, report["spikes"]
    # The knowledge base and the search box answer on SQLite and find what they should.
    expected = {"status": 200, "found": True}
    wrong = {name: page for name, page in report["pages"].items() if page != expected}
    assert report["pages"] and not wrong, wrong


@pytest.mark.parametrize("name", sorted(COMMAND_ARGS))
def test_command_args_name_existing_commands(name):
    """A renamed command must not leave its arguments behind (it would then run without)."""
    from django.core.management import get_commands

    assert name in get_commands()
