#!/usr/bin/env python
"""Monitoring alerts at volume: alerts per second through ``alert-sources/<id>/events/``
served by **one gunicorn worker**, sequential and from 20 concurrent clients, with many
stored alerts and open incidents; p50/p99 latency; statements per alert.

    .venv/bin/python bench/monitoring_bench.py [--alerts 1000000] [--open-incidents 100000]
                                               [--repeats 3000] [--new 600] [--clients 20] [--keep]

Works on its own PostgreSQL database (default ``servicedesk_monitoring_bench``; the name must
end in ``_bench``), which it drops, creates and migrates. Then, at two stages (a small one,
``--alerts``/100 alerts, and the full one), it loads alerts and open incidents with one
``INSERT … SELECT generate_series`` each (no history rows, like the other benches' loads):
``--open-incidents`` open incidents (``channel=monitoring``), each with its firing alert, and
the rest of ``--alerts`` as resolved episodes; ``VACUUM (ANALYZE)``. It starts gunicorn with
one sync worker (``servicedesk.wsgi``, the bench settings, ``--workers 1``) on a free port of
the loopback and posts Alertmanager bodies of **one alert each** over HTTP
(``http.client``, a new connection per request, as Alertmanager does with a sync worker):

- **repeat**: a firing alert that is already open (one of the stored ones, picked at random):
  the endpoint's fast path (the source by id and token, one ``UPDATE … RETURNING``);
- **repeat, one alert**: the same open alert from every client at once (they queue on its row);
- **new**: a fingerprint never seen, on one of 50 services: each opens an incident
  (``incident_create``: the matrix, the team, the SLA clocks, the history) — storm grouping
  is switched off for this run (``MONITORING_STORM_THRESHOLD`` set very high in the
  generated settings module) so that every alert opens its own incident;
- **storm**: new fingerprints on one service with the default storm threshold (10): after
  the first ten, each joins the storm's incident and records a demand signal.

Each scenario runs sequentially (one client) and with ``--clients`` concurrent clients
(threads). Printed: alerts/s (wall clock over all requests), p50 and p99 latency, errors.
Statements per alert are counted in-process (Django's test client, the same stack without
the HTTP server) for a repeat, a new alert and a storm alert.

Figures are printed, never judged (bench/README.md has the latest). The Celery tasks the new
incidents queue go to a queue of this run (``monitoring-bench``), purged at the end.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

# The database and machine helpers are bench_contacts.py's (this script runs as
# ``python bench/monitoring_bench.py``, so bench/ is on sys.path).
from bench_contacts import drop_database, load_average, machine_line, migrate_fresh, quantile, recreate_database

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/servicedesk_monitoring_bench"
TOKEN = "monitoring-bench-token-0123456789abcdefghijklmnop"
SERVICES = 50
QUEUE = "monitoring-bench"

SETTINGS = """
from bench.settings import *  # noqa: F403
from servicedesk.settings.base import celery_queues

# Every queue of this run (default, fast, slow) is its own, purged at the end.
CELERY_TASK_DEFAULT_QUEUE, CELERY_TASK_QUEUES, CELERY_TASK_ROUTES = celery_queues({queue!r} + "-")
MONITORING_STORM_THRESHOLD = {threshold}
DATABASES["default"]["CONN_MAX_AGE"] = None  # noqa: F405 - one backend for the whole run (its CPU is read)
"""


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL))
    parser.add_argument("--alerts", type=int, default=1_000_000, help="Stored alerts at the full stage.")
    parser.add_argument("--open-incidents", type=int, default=100_000,
                        help="Open incidents (each with its firing alert) at the full stage.")
    parser.add_argument("--repeats", type=int, default=3000, help="Repeat posts per run (default 3000).")
    parser.add_argument("--new", type=int, default=600, help="New-alert posts per run (default 600).")
    parser.add_argument("--clients", type=int, default=20, help="Concurrent clients (default 20).")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", action="store_true", help="Keep the database afterwards.")
    return parser.parse_args()


# --- set-up ------------------------------------------------------------------------------------
def settings_module(tmp: Path, name: str, threshold: int) -> str:
    package = tmp / "monitoring_bench_settings"
    package.mkdir(exist_ok=True)
    (package / "__init__.py").write_text("")
    (package / f"{name}.py").write_text(SETTINGS.format(queue=QUEUE, threshold=threshold))
    return f"monitoring_bench_settings.{name}"


def setup(url: str, module: str, tmp: Path) -> None:
    os.environ["BENCH_DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = module
    sys.path[:0] = [str(ROOT), str(tmp)]
    import django

    django.setup()


def fixtures() -> dict:
    from catalog.models import Service, Team
    from monitoring.models import AlertSource
    from monitoring.selectors import token_hash

    team = Team.objects.create(name="Operations")
    services = [Service.objects.create(name=f"Bench service {i:02d}", owner_team=team) for i in range(SERVICES)]
    source = AlertSource.objects.create(name="Bench Alertmanager", kind="alertmanager", token_hash=token_hash(TOKEN),
                                        token_prefix=TOKEN[:6], default_service=services[0])
    return {"source": source.pk, "services": [s.pk for s in services]}


LOAD_INCIDENTS = """
INSERT INTO incidents_incident (
    id, number, title, description, status, channel, impact, urgency, priority, service_id, team_id, is_major,
    hold_reason, resolution_code, resolution, reopen_count, created_at, updated_at)
SELECT s.i, 'INC' || lpad(s.i::text, 7, '0'), 'Bench alert ' || s.i, '', 'new', 'monitoring', 2, 2, 3,
       (%(services)s::bigint[])[1 + s.i %% cardinality(%(services)s::bigint[])], NULL, false, '', '', '', 0,
       now() - (s.i || ' seconds')::interval, now()
FROM generate_series(%(first)s, %(last)s) AS s(i)
"""
LOAD_FIRING = """
INSERT INTO monitoring_alert (
    id, source_id, fingerprint, status, labels, annotations, title, description, severity, generator_url,
    service_id, impact, urgency, starts_at, received_count, first_received_at, last_received_at, incident_id, grouped)
SELECT s.i, %(source)s, lpad(to_hex(s.i), 16, '0'), 'firing',
       jsonb_build_object('alertname', 'Bench', 'instance', 'host-' || s.i, 'severity', 'warning'),
       jsonb_build_object('summary', 'Bench alert ' || s.i), 'Bench alert ' || s.i, '', 'warning', '',
       (%(services)s::bigint[])[1 + s.i %% cardinality(%(services)s::bigint[])], 2, 2,
       now() - (s.i || ' seconds')::interval, 1 + s.i %% 7, now() - (s.i || ' seconds')::interval,
       now() - (s.i || ' seconds')::interval, s.i, false
FROM generate_series(%(first)s, %(last)s) AS s(i)
"""
# Resolved episodes live from id RESOLVED_BASE up, so the firing ones (ids = their incidents') can grow;
# what the endpoint creates takes ids from CREATED_BASE up, so a later stage's load never meets them.
RESOLVED_BASE = 100_000_000
CREATED_BASE = 1_000_000_000
LOAD_RESOLVED = """
INSERT INTO monitoring_alert (
    id, source_id, fingerprint, status, labels, annotations, title, description, severity, generator_url,
    service_id, impact, urgency, starts_at, ends_at, received_count, first_received_at, last_received_at,
    resolved_at, incident_id, grouped)
SELECT %(base)s + s.i, %(source)s, 'r' || lpad(to_hex(s.i), 15, '0'), 'resolved',
       jsonb_build_object('alertname', 'Bench', 'instance', 'old-' || s.i, 'severity', 'warning'),
       jsonb_build_object('summary', 'Old bench alert ' || s.i), 'Old bench alert ' || s.i, '', 'warning', '',
       (%(services)s::bigint[])[1 + s.i %% cardinality(%(services)s::bigint[])], 2, 2,
       now() - (s.i || ' minutes')::interval, now() - (s.i || ' minutes')::interval + interval '5 minutes',
       1 + s.i %% 7, now() - (s.i || ' minutes')::interval, now() - (s.i || ' minutes')::interval,
       now() - (s.i || ' minutes')::interval + interval '5 minutes', NULL, false
FROM generate_series(%(first)s, %(last)s) AS s(i)
"""


def grow(fx: dict, alerts: int, open_incidents: int, loaded: dict) -> float:
    """Grow to ``open_incidents`` open incidents, each with its firing alert (ids and
    fingerprints from 1 up), and ``alerts`` alerts in all (the rest resolved episodes)."""
    from django.db import connection

    started = time.perf_counter()
    params = {"services": fx["services"], "source": fx["source"], "base": RESOLVED_BASE}
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit TO OFF")
        if open_incidents > loaded["open"]:
            span = {**params, "first": loaded["open"] + 1, "last": open_incidents}
            cursor.execute(LOAD_INCIDENTS, span)
            cursor.execute(LOAD_FIRING, span)
            loaded["open"] = open_incidents
        resolved = alerts - open_incidents
        if resolved > loaded["resolved"]:
            cursor.execute(LOAD_RESOLVED, {**params, "first": loaded["resolved"] + 1, "last": resolved})
            loaded["resolved"] = resolved
        for table in ("incidents_incident", "monitoring_alert"):
            cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "  # noqa: S608
                           f"greatest((SELECT max(id) FROM {table}), %s))", [CREATED_BASE])
        cursor.execute("SET synchronous_commit TO DEFAULT")
        cursor.execute("VACUUM (ANALYZE) incidents_incident, monitoring_alert")
        cursor.execute("CHECKPOINT")
    return time.perf_counter() - started


TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process (``/proc/<pid>/stat``), whoever owns it."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def worker_pid(master: int) -> int:
    """The gunicorn worker: the master's one child."""
    for path in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = path.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == master:
            return int(path.parent.name)
    raise SystemExit("no gunicorn worker found")


def backend_pids(url_name: str) -> list[int]:
    """The PostgreSQL backends of the benchmark database other than this process's."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
                       [url_name])
        return [row[0] for row in cursor.fetchall()]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Gunicorn:
    def __init__(self, module: str, tmp: Path, url: str):
        self.port = free_port()
        self.database = url.rsplit("/", 1)[1]
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": module, "BENCH_DATABASE_URL": url,
               "PYTHONPATH": os.pathsep.join([str(ROOT), str(tmp)])}
        self.log = open(tmp / f"gunicorn-{self.port}.log", "w")  # noqa: SIM115
        self.process = subprocess.Popen(  # noqa: S603
            [str(ROOT / ".venv" / "bin" / "gunicorn"), "servicedesk.wsgi:application", "--workers", "1",
             "--bind", f"127.0.0.1:{self.port}", "--timeout", "120", "--backlog", "256"],
            cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                status, _ = post_raw(self.port, "/healthz", b"", method="GET")
                if status == 200:
                    self.worker = worker_pid(self.process.pid)
                    return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise SystemExit(f"gunicorn did not start; see {self.log.name}")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=30)
        self.log.close()


# --- requests ------------------------------------------------------------------------------------
def post_raw(port: int, path: str, body: bytes, method: str = "POST") -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        conn.request(method, path, body=body, headers={
            "Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json", "Host": "localhost"})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def body_for(fingerprint: str, instance: str) -> bytes:
    return json.dumps({"version": "4", "status": "firing", "receiver": "servicedesk", "groupKey": "{}:{}",
                       "alerts": [{"status": "firing", "fingerprint": fingerprint,
                                   "labels": {"alertname": "Bench", "instance": instance, "severity": "warning"},
                                   "annotations": {"summary": f"Bench alert on {instance}"},
                                   "startsAt": "2030-01-01T00:00:00Z"}]}).encode()


def run(server: Gunicorn, source: int, bodies: list[bytes], clients: int) -> dict:
    """Post ``bodies``; alerts/s, latencies, and the CPU the web worker and its PostgreSQL
    backend spent per post (contention from other processes on the machine stretches the wall
    clock, not these)."""
    port = server.port
    path = f"/api/v1/alert-sources/{source}/events/"
    post_raw(port, path, bodies[0])  # the worker's database connection exists before the CPU is read
    backends = backend_pids(server.database)
    cpu_before = cpu_seconds(server.worker), sum(cpu_seconds(pid) for pid in backends)
    latencies: list[float] = []
    errors: list[int] = []
    lock = threading.Lock()

    def one(body: bytes) -> None:
        started = time.perf_counter()
        status, _ = post_raw(port, path, body)
        elapsed = (time.perf_counter() - started) * 1000
        with lock:
            latencies.append(elapsed)
            if status != 202:
                errors.append(status)

    started = time.perf_counter()
    if clients == 1:
        for body in bodies:
            one(body)
    else:
        with ThreadPoolExecutor(max_workers=clients) as pool:
            list(pool.map(one, bodies))
    wall = time.perf_counter() - started
    web = (cpu_seconds(server.worker) - cpu_before[0]) * 1000 / len(bodies)
    db = (sum(cpu_seconds(pid) for pid in backends) - cpu_before[1]) * 1000 / len(bodies)
    return {"n": len(bodies), "rate": len(bodies) / wall, "p50": statistics.median(latencies),
            "p99": quantile(latencies, 99), "errors": errors, "web_ms": web, "db_ms": db}


def print_run(label: str, r: dict) -> None:
    errors = f", errors {sorted(set(r['errors']))} ×{len(r['errors'])}" if r["errors"] else ""
    print(f"  {label:<44} {r['n']:>6} posts  {r['rate']:7.1f} alerts/s  p50 {r['p50']:7.1f} ms  "
          f"p99 {r['p99']:7.1f} ms  CPU/post: web {r['web_ms']:5.2f} ms + db {r['db_ms']:5.2f} ms "
          f"(≈ {1000 / max(r['web_ms'] + r['db_ms'], 0.01):4.0f}/s on idle cores){errors}")


def statements_per_alert(fx: dict, rng: random.Random) -> dict:
    """Statements of one post, counted in-process (DRF's test client, no HTTP server)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from rest_framework.test import APIClient

    client = APIClient(HTTP_HOST="localhost")
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
    path = f"/api/v1/alert-sources/{fx['source']}/events/"
    out = {}
    for label, fingerprint in (("repeat", f"{rng.randint(1, fx['open']):016x}"),
                               ("new", f"new-count-{rng.random():.12f}")):
        client.generic("POST", path, body_for(fingerprint, "warm"), content_type="application/json")  # warm
        if label == "new":
            fingerprint = f"new-count-{rng.random():.12f}"
        with CaptureQueriesContext(connection) as queries:
            response = client.generic("POST", path, body_for(fingerprint, "count"), content_type="application/json")
        assert response.status_code == 202, response.content
        statements = [q["sql"] for q in queries.captured_queries
                      if not q["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT"))]
        out[label] = len(statements)
        out[f"{label}_savepoints"] = len(queries.captured_queries) - len(statements)
    return out


# --- main ----------------------------------------------------------------------------------------
def main() -> None:
    args = parse_args()
    rng = random.Random(args.seed)
    tmp = Path(tempfile.mkdtemp(prefix="monitoring-bench-"))
    no_storm = settings_module(tmp, "no_storm", 10**9)
    storm = settings_module(tmp, "storm", 10)
    recreate_database(args.database_url)
    setup(args.database_url, no_storm, tmp)

    from servicedesk.celery import app

    try:
        migrate_fresh()
        print("\n".join(machine_line()))
        print(f"gunicorn: 1 sync worker; clients: 1 and {args.clients} (threads, one connection per request)")
        fx = fixtures()
        loaded = {"open": 0, "resolved": 0}
        stages = [(max(args.alerts // 100, 1), max(args.open_incidents // 100, 1)),
                  (args.alerts, args.open_incidents)]
        for alerts, open_incidents in stages:
            seconds = grow(fx, alerts, open_incidents, loaded)
            fx["open"] = open_incidents
            print(f"\n== {alerts:,} stored alerts, {open_incidents:,} open incidents (loaded in {seconds:.1f} s; "
                  f"load average {load_average()})")
            server = Gunicorn(no_storm, tmp, args.database_url)
            try:
                for clients in (1, args.clients):
                    bodies = [body_for(f"{rng.randint(1, open_incidents):016x}", "repeat")
                              for _ in range(args.repeats)]
                    print_run(f"repeat of an open alert, {clients} client(s)", run(server, fx["source"], bodies,
                                                                                   clients))
                same = [body_for(f"{1:016x}", "same")] * min(args.repeats, 1000)
                print_run(f"repeat of one alert, {args.clients} clients", run(server, fx["source"], same,
                                                                              args.clients))
                for clients in (1, args.clients):
                    bodies = [body_for(f"new-{alerts}-{clients}-{i}", f"new-{i}") for i in range(args.new)]
                    print_run(f"new alert → incident, {clients} client(s)", run(server, fx["source"], bodies,
                                                                               clients))
            finally:
                server.stop()
            server = Gunicorn(storm, tmp, args.database_url)
            try:
                for clients in (1, args.clients):
                    bodies = [body_for(f"storm-{alerts}-{clients}-{i}", f"storm-{i}") for i in range(args.new)]
                    print_run(f"storm (one service, grouped), {clients} client(s)",
                              run(server, fx["source"], bodies, clients))
            finally:
                server.stop()
        counts = statements_per_alert(fx, rng)
        print(f"\nstatements per post of one alert (in-process, savepoints apart): repeat {counts['repeat']} "
              f"(+{counts['repeat_savepoints']} savepoint statements), new alert opening an incident "
              f"{counts['new']} (+{counts['new_savepoints']})")
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*), count(*) FILTER (WHERE status = 'firing'), "
                           "pg_size_pretty(pg_total_relation_size('monitoring_alert')) FROM monitoring_alert")
            total, firing, size = cursor.fetchone()
        print(f"at the end: {total:,} alerts ({firing:,} firing), monitoring_alert {size}")
    finally:
        app.control.purge()
        if not args.keep:
            from django.db import connections

            connections.close_all()
            drop_database(args.database_url)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
