#!/usr/bin/env python
"""Load through a real server (issue 23): Locust, headless, against gunicorn on the loopback,
with 20 and 100 concurrent clients, for the agent queue, the incident API list and create,
the Twilio voice webhook, the public status page, the monitoring alert endpoint and the mail
inbound endpoint — and, in the same run on the same machine, django-helpdesk's agent ticket
list (the page and the JSON its table loads) at the same number of tickets.

    .venv/bin/python bench/load_test.py                          # 100,000 incidents and tickets
    .venv/bin/python bench/load_test.py --rows 20000 --duration 15 --users 20
    .venv/bin/python bench/load_test.py --skip-helpdesk --scenarios AgentQueue,StatusPage

Two virtualenvs of its own, made on first use from the package registry (never vendored):
``var/bench-locust-venv`` (``locust``) and ``var/bench-helpdesk-venv`` (``django-helpdesk``,
``gunicorn``, ``psycopg``). Two PostgreSQL databases, dropped and created afresh:
``servicedesk_load_bench`` (migrated; incidents, SLA timers and contacts loaded as
``bench_incidents.py`` does) and ``helpdesk_load_bench`` (django-helpdesk's migrations; tickets
with ``bulk_create``). Each server is gunicorn with ``--workers`` sync workers; Locust's users
wait for nothing between requests (a closed loop), so requests/s is what the server gives at
that concurrency on this machine, the load generator's own CPU included (2 cores shared).

Printed per scenario and concurrency: requests, requests/s, p50/p95/p99 ms, errors. Figures
only, never pass/fail (bench/README.md keeps the latest).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
import urllib.request
from pathlib import Path

from bench_contacts import load_average, machine_line, migrate_fresh, recreate_database

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var"
LOCUST_VENV = VAR / "bench-locust-venv"
HELPDESK_VENV = VAR / "bench-helpdesk-venv"
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/servicedesk_load_bench"
HELPDESK_URL = "postgres://postgres@127.0.0.1:5432/helpdesk_load_bench"
SCENARIOS = ["AgentQueue", "IncidentList", "IncidentCreate", "VoiceWebhook", "StatusPage", "AlertEvents",
             "MailInbound"]
TWILIO_TOKEN = "load-bench-twilio-token-0123456789"  # noqa: S105 - a bench's throwaway secret
ALERT_TOKEN = "load-bench-alert-token-0123456789abcdefghij"  # noqa: S105
PUBLIC_BASE = "http://desk.load-bench.test"
LINE_NUMBER = "+302100000099"

SETTINGS = """
from bench.settings import *  # noqa: F403
from servicedesk.settings.base import celery_queues

ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
# One cache for every process of the run (the test settings give each process its own prefix).
CACHES["default"]["KEY_PREFIX"] = "load-bench"  # noqa: F405
PUBLIC_BASE_URL = {public!r}
TWILIO_AUTH_TOKEN = {token!r}
# The tasks the requests queue wait in this run's own queues (no worker), purged at the end.
CELERY_TASK_DEFAULT_QUEUE, CELERY_TASK_QUEUES, CELERY_TASK_ROUTES = celery_queues("load-bench-")
"""

HD_SETTINGS = """
import os
SECRET_KEY = "load-bench-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
INSTALLED_APPS = ["django.contrib.admin", "django.contrib.auth", "django.contrib.contenttypes",
                  "django.contrib.sessions", "django.contrib.messages", "django.contrib.staticfiles",
                  "django.contrib.sites", "django.contrib.humanize", "rest_framework", "helpdesk"]
MIDDLEWARE = ["django.middleware.security.SecurityMiddleware",
              "django.contrib.sessions.middleware.SessionMiddleware",
              "django.middleware.common.CommonMiddleware", "django.middleware.csrf.CsrfViewMiddleware",
              "django.contrib.auth.middleware.AuthenticationMiddleware",
              "django.contrib.messages.middleware.MessageMiddleware"]
ROOT_URLCONF = "hdproj.urls"
TEMPLATES = [{"BACKEND": "django.template.backends.django.DjangoTemplates", "DIRS": [], "APP_DIRS": True,
              "OPTIONS": {"context_processors": ["django.template.context_processors.request",
                                                 "django.contrib.auth.context_processors.auth",
                                                 "django.contrib.messages.context_processors.messages"]}}]
_u = os.environ["HD_DATABASE_NAME"]
DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "NAME": _u, "USER": "postgres",
                         "HOST": "127.0.0.1", "PORT": "5432", "CONN_MAX_AGE": 60}}
SITE_ID = 1
USE_TZ = True
STATIC_URL = "/static/"
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
HELPDESK_TEAMS_MODE_ENABLED = False
LOGIN_URL = "/helpdesk/login/"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
"""

HD_URLS = """
from django.urls import include, path
urlpatterns = [path("helpdesk/", include("helpdesk.urls"))]
"""

HD_WSGI = """
import os
from django.core.wsgi import get_wsgi_application
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hdproj.settings")
application = get_wsgi_application()
"""

# Run with the helpdesk virtualenv's python: migrate, load the tickets, log the staff user in and
# print what Locust needs (the session cookie and the address of the table's JSON).
HD_SEED = """
import json, os, re, sys, time
import django
os.environ["DJANGO_SETTINGS_MODULE"] = "hdproj.settings"
django.setup()
from django.core.management import call_command
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.utils import timezone
from helpdesk.models import Queue, Ticket

rows = int(sys.argv[1])
call_command("migrate", verbosity=0)
staff = get_user_model().objects.create_user("hd-staff", "staff@example.net", "x", is_staff=True)
queues = [Queue.objects.create(title=f"Queue {k}", slug=f"queue-{k}") for k in range(8)]
started = time.perf_counter()
now = timezone.now()
batch = []
for i in range(rows):
    batch.append(Ticket(title=f"Printer {i} does not print", queue=queues[i % 8], created=now, modified=now,
                        submitter_email=f"customer{i % 5000}@example.net", description="It stopped this morning.",
                        status=(1, 2, 3, 4, 5)[i % 5], priority=1 + i % 5,
                        assigned_to=staff if i % 3 else None))
    if len(batch) == 10000:
        Ticket.objects.bulk_create(batch)
        batch = []
if batch:
    Ticket.objects.bulk_create(batch)
with connection.cursor() as cursor:
    cursor.execute("VACUUM (ANALYZE) helpdesk_ticket")
load_s = time.perf_counter() - started
client = Client(HTTP_HOST="localhost")
client.force_login(staff)
page = client.get("/helpdesk/tickets/")
match = re.search(r"/helpdesk/datatables_ticket_list/[A-Za-z0-9_=-]+", page.content.decode())
data = client.get(match.group(0) + "?draw=1&start=0&length=25") if match else None
print(json.dumps({"session": client.cookies["sessionid"].value, "page_status": page.status_code,
                  "data_path": match.group(0) if match else "", "data_status": data.status_code if data else 0,
                  "records": (data.json() or {}).get("recordsTotal") if data else None, "load_s": load_s}))
"""


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000, help="incidents (and helpdesk tickets) loaded")
    parser.add_argument("--users", default="20,100", help="concurrent clients, comma-separated")
    parser.add_argument("--duration", type=int, default=20, help="seconds per scenario and concurrency")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn sync workers per server")
    parser.add_argument("--scenarios", default=",".join(SCENARIOS))
    parser.add_argument("--skip-helpdesk", action="store_true")
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--reuse", action="store_true",
                        help="keep both databases of the previous run (same --rows) instead of loading again")
    return parser.parse_args()


def ensure_venv(path: Path, packages: list[str]) -> Path:
    python = path / "bin" / "python"
    if not python.exists():
        print(f"creating {path} ({', '.join(packages)}) …", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(path)], check=True)  # noqa: S603
        subprocess.run([str(python), "-m", "pip", "install", "-q", *packages], check=True)  # noqa: S603
    return python


class Server:
    """gunicorn on a free port of the loopback, started in its own process group."""

    def __init__(self, gunicorn: Path, app: str, env: dict, cwd: Path, workers: int, log: Path, health: str):
        import socket

        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.log = open(log, "w")  # noqa: SIM115
        self.process = subprocess.Popen(  # noqa: S603
            [str(gunicorn), app, "--workers", str(workers), "--bind", f"127.0.0.1:{self.port}",
             "--timeout", "120", "--backlog", "2048"],
            cwd=cwd, env=env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}{health}", timeout=5):  # noqa: S310
                    return
            except OSError as error:
                if getattr(error, "code", None):  # an HTTP answer: the server is up
                    return
                time.sleep(0.3)
        self.stop()
        raise SystemExit(f"gunicorn did not start; see {log}")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=30)
        self.log.close()


def run_locust(locust_python: Path, scenario: str, users: int, duration: int, port: int, env: dict,
               tmp: Path) -> dict:
    prefix = tmp / f"{scenario}-{users}"
    subprocess.run(  # noqa: S603
        [str(locust_python), "-m", "locust", "-f", str(ROOT / "bench" / "load" / "locustfile.py"), "--headless",
         "-u", str(users), "-r", str(users), "-t", f"{duration}s", "--host", f"http://127.0.0.1:{port}",
         "--csv", str(prefix), "--only-summary", "--loglevel", "ERROR", "--stop-timeout", "10", scenario],
        env={**os.environ, **env}, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(f"{prefix}_stats.csv", newline="") as handle:
        rows = {row["Name"]: row for row in csv.DictReader(handle)}
    row = rows["Aggregated"]
    failures = []
    if Path(f"{prefix}_failures.csv").exists():
        with open(f"{prefix}_failures.csv", newline="") as handle:
            failures = [f"{r['Occurrences']}× {r['Error'][:90]}" for r in csv.DictReader(handle)]
    return {"requests": int(row["Request Count"]), "errors": int(row["Failure Count"]),
            "rps": float(row["Requests/s"]), "p50": row["50%"], "p95": row["95%"], "p99": row["99%"],
            "failures": failures[:3]}


def print_row(label: str, users: int, r: dict) -> None:
    print(f"| {label} | {users} | {r['requests']:,} | {r['rps']:.1f} | {r['p50']} | {r['p95']} | {r['p99']} | "
          f"{r['errors']} |", flush=True)
    for failure in r["failures"]:
        print(f"|   ↳ {failure} | | | | | | | |")


def servicedesk_fixtures(rows: int) -> dict:
    import bench_incidents
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.test import Client
    from rest_framework.authtoken.models import Token

    from catalog.models import ContactPhone
    from contactcenter.models import Line, Queue
    from core.roles import Role
    from mail.models import Mailbox
    from monitoring.models import AlertSource
    from monitoring.selectors import token_hash

    fx = bench_incidents.make_fixtures(agents=20, contacts=10_000, seed=7)
    loaded = bench_incidents.load(rows, fx, seed=7)
    admin = get_user_model().objects.create(username="load-admin")
    admin.groups.add(Group.objects.get(name=Role.ADMIN))
    admin_token, _ = Token.objects.get_or_create(user=admin)
    service = fx["services"][0]
    source = AlertSource.objects.create(name="Load Alertmanager", kind="alertmanager",
                                        token_hash=token_hash(ALERT_TOKEN),
                                        token_prefix=ALERT_TOKEN[:6], default_service_id=service)
    mailbox = Mailbox.objects.create(name="Load support", address="support@load-bench.test",
                                     default_service_id=service, create_contacts=True)
    queue = Queue.objects.create(name="Load general")
    Line.objects.create(number=LINE_NUMBER, name="Load line", queue=queue)
    callers = list(ContactPhone.objects.order_by("id").values_list("number", flat=True)[:200])
    client = Client(HTTP_HOST="localhost")
    client.force_login(fx["agent"])
    return {"LOAD_TOKEN": fx["token"], "LOAD_ADMIN_TOKEN": admin_token.key,
            "LOAD_SESSION": client.cookies["sessionid"].value,
            "LOAD_SERVICES": ",".join(map(str, fx["services"])), "LOAD_CALLERS": ",".join(callers),
            "LOAD_LINE_NUMBER": LINE_NUMBER, "LOAD_TWILIO_TOKEN": TWILIO_TOKEN, "LOAD_PUBLIC_BASE": PUBLIC_BASE,
            "LOAD_ALERT_SOURCE": str(source.pk), "LOAD_ALERT_TOKEN": ALERT_TOKEN,
            "LOAD_MAILBOX": str(mailbox.pk), "LOAD_MAILBOX_ADDRESS": mailbox.address,
            "_loaded": loaded}


def smoke(port: int, env: dict) -> None:
    """One request of each kind before measuring: a scenario that cannot succeed is a broken bench."""
    checks = [("GET", "/incidents/", {"Cookie": f"sessionid={env['LOAD_SESSION']}"}, 200),
              ("GET", "/api/v1/incidents/", {"Authorization": f"Token {env['LOAD_TOKEN']}"}, 200),
              ("GET", "/status/", {}, 200)]
    for method, path, headers, expected in checks:
        request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", method=method,  # noqa: S310
                                         headers={"Host": "localhost", **headers})
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
            if response.status != expected or not response.geturl().endswith(path):
                raise SystemExit(f"{method} {path} answered {response.status} from {response.geturl()}")


def main() -> None:
    args = parse_args()
    users = [int(u) for u in args.users.split(",")]
    scenarios = [s for s in args.scenarios.split(",") if s]
    locust = ensure_venv(LOCUST_VENV, ["locust"])
    tmp = Path(tempfile.mkdtemp(prefix="load-bench-"))
    print(f"load_test — {args.rows:,} rows, clients {users}, {args.duration} s each, "
          f"gunicorn --workers {args.workers} (sync)")
    package = tmp / "load_bench_settings"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "desk.py").write_text(SETTINGS.format(public=PUBLIC_BASE, token=TWILIO_TOKEN))
    os.environ["PYTHONPATH"] = os.pathsep.join([str(ROOT), str(ROOT / "bench"), str(tmp)])
    sys.path[:0] = [str(tmp)]
    saved = VAR / "load-bench-env.json"
    reuse = args.reuse and saved.exists() and json.loads(saved.read_text()).get("rows") == args.rows
    if not reuse:
        recreate_database(args.database_url)
    os.environ["BENCH_DATABASE_URL"] = args.database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "load_bench_settings.desk"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()

    for line in machine_line():
        print(line)
    print(f"load before: {load_average()}", flush=True)

    started = time.perf_counter()
    if reuse:
        state = json.loads(saved.read_text())
        env = state["desk"]
        print(f"service desk: the previous run's database ({args.rows:,} incidents; what earlier runs created "
              "stays in it)", flush=True)
    else:
        migrate_fresh()
        env = servicedesk_fixtures(args.rows)
        loaded = env.pop("_loaded")
        print(f"service desk: migrated and loaded in {time.perf_counter() - started:.0f} s "
              f"({args.rows:,} incidents, {loaded['timers']:,} SLA timers, 10,000 contacts)", flush=True)
        state = {"rows": args.rows, "desk": env}
        saved.write_text(json.dumps(state))

    results: list[tuple[str, int, dict]] = []
    server_env = {**os.environ, "DJANGO_SETTINGS_MODULE": "load_bench_settings.desk",
                  "BENCH_DATABASE_URL": args.database_url}
    server = Server(ROOT / ".venv" / "bin" / "gunicorn", "servicedesk.wsgi:application", server_env, ROOT,
                    args.workers, tmp / "desk.log", "/healthz")
    try:
        smoke(server.port, env)
        print("\n| scenario | clients | requests | requests/s | p50 ms | p95 ms | p99 ms | errors |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for scenario in scenarios:
            for n in users:
                r = run_locust(locust, scenario, n, args.duration, server.port, env, tmp)
                results.append((scenario, n, r))
                print_row(scenario, n, r)
    finally:
        server.stop()
        from servicedesk.celery import app

        purged = app.control.purge()
        print(f"(purged {purged} queued tasks of this run)")

    if not args.skip_helpdesk:
        python = ensure_venv(HELPDESK_VENV, ["django-helpdesk", "gunicorn", "psycopg[binary]"])
        project = tmp / "hd"
        (project / "hdproj").mkdir(parents=True)
        (project / "hdproj" / "__init__.py").write_text("")
        (project / "hdproj" / "settings.py").write_text(HD_SETTINGS)
        (project / "hdproj" / "urls.py").write_text(HD_URLS)
        (project / "hdproj" / "wsgi.py").write_text(HD_WSGI)
        hd_env = {**os.environ, "DJANGO_SETTINGS_MODULE": "hdproj.settings",
                  "HD_DATABASE_NAME": HELPDESK_URL.rsplit("/", 1)[1], "PYTHONPATH": str(project)}
        started = time.perf_counter()
        if reuse and "helpdesk" in state:
            info = state["helpdesk"]
        else:
            recreate_database(HELPDESK_URL)
            seeded = subprocess.run([str(python), "-c", textwrap.dedent(HD_SEED), str(args.rows)],  # noqa: S603
                                    cwd=project, env=hd_env, check=True, capture_output=True, text=True)
            info = json.loads(seeded.stdout.strip().splitlines()[-1])
            state["helpdesk"] = info
            saved.write_text(json.dumps(state))
        print(f"\ndjango-helpdesk {helpdesk_version(python)}: migrated and loaded in "
              f"{time.perf_counter() - started:.0f} s ({args.rows:,} tickets; page {info['page_status']}, "
              f"table JSON {info['data_status']}, recordsTotal {info['records']})", flush=True)
        hd_server = Server(HELPDESK_VENV / "bin" / "gunicorn", "hdproj.wsgi:application", hd_env, project,
                           args.workers, tmp / "helpdesk.log", "/helpdesk/login/")
        try:
            locust_env = {"LOAD_SESSION": info["session"], "LOAD_HD_DATA_PATH": info["data_path"]}
            for scenario in ("HelpdeskTicketList", "HelpdeskTicketData"):
                for n in users:
                    r = run_locust(locust, scenario, n, args.duration, hd_server.port, locust_env, tmp)
                    results.append((scenario, n, r))
                    print_row(scenario, n, r)
        finally:
            hd_server.stop()
    print(f"\nload after: {load_average()}")
    shutil.rmtree(tmp, ignore_errors=True)


def helpdesk_version(python: Path) -> str:
    out = subprocess.run([str(python), "-m", "pip", "show", "django-helpdesk"], capture_output=True, text=True,  # noqa: S603
                         check=False).stdout
    match = re.search(r"^Version: (.+)$", out, re.M)
    return match.group(1) if match else "?"


if __name__ == "__main__":
    main()
