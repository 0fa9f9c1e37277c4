#!/usr/bin/env python
"""The cost of live pages (issue 21): 200 open agent pages polling ``GET /live/`` against a
real gunicorn, PostgreSQL and Redis; requests per second the server can answer; the CPU it
takes.

    .venv/bin/python bench/live_bench.py [--pages 200] [--poll 15] [--seconds 60]
                                         [--workers 2] [--capacity-seconds 15] [--concurrency 8]
                                         [--changes-per-minute 6] [--template NAME]

Works on its own database (default ``servicedesk_live_bench``; the name must end in
``_bench``), dropped and created, then migrated (``--template``: cloned from a migrated
database instead, e.g. a test run's ``test_<name>_tpl_<digest>``). It makes ``--pages``
agents, each with a signed-in session (a real session row and cookie) and one open page:
60 % the incident queue (topics ``incidents`` and ``notifications``), 40 % an incident page
(``incident:<pk>``, ``notifications`` and presence; four agents per incident, so each sees
"… also viewing"). The server is ``gunicorn servicedesk.wsgi`` with ``--workers`` sync
workers, settings ``bench.live_settings`` (the test settings on this database, one cache key
prefix shared by the workers and this process).

Phases, each printed:

1. idle: every page polls every ``--poll`` seconds (live.js's default on a visible tab, with
   the versions and the viewers of its last answer), nothing changes; ``--seconds`` long.
   CPU = user + system time of gunicorn's processes (from ``/proc``), of the PostgreSQL
   backends serving this database, and of Redis (``INFO cpu``: the whole server, which
   other processes on the machine may use too), over the wall time, in % of one core;
2. capacity: ``--concurrency`` connections asking as fast as they can (idle polls, random
   pages): requests/s and the CPU per request; then the same without a session cookie (a
   302 to the login page: gunicorn and Django's middleware alone, the floor of any request);
3. busy: the same open pages, with ``--changes-per-minute`` assignments of a random incident (the
   service call, in this process): the pages whose topics changed fetch what they show
   again, as live.js does (the queue's results partial, ``HX-Target: queue-results``; the
   incident's whole page).

``LIVE_BENCH_SESSIONS=cached_db`` runs it all with Django's ``cached_db`` session engine
(bench/live_settings.py). The database is dropped at the end unless ``--keep``.

Figures are printed, never judged; see ``bench/README.md`` ("Live pages").
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_contacts import (  # noqa: E402
    drop_database,
    load_average,
    machine_line,
    migrate_fresh,
    quantile,
    recreate_database,
)

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/servicedesk_live_bench"
TICKS = os.sysconf("SC_CLK_TCK")


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--template", default="", help="Clone this migrated database instead of migrating.")
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--poll", type=float, default=15.0, help="Seconds between two polls of a page.")
    parser.add_argument("--seconds", type=float, default=60.0, help="Length of the idle and busy phases.")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers.")
    parser.add_argument("--capacity-seconds", type=float, default=15.0)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--changes-per-minute", type=float, default=6.0)
    parser.add_argument("--incidents", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", action="store_true", help="Keep the database afterwards.")
    return parser.parse_args()


# --- set-up ----------------------------------------------------------------------------------
def create_database(args) -> None:
    if not args.template:
        recreate_database(args.database_url)
        return
    import psycopg
    from psycopg import sql

    parts = urlsplit(args.database_url)
    name = parts.path.lstrip("/")
    if not name.endswith("_bench"):
        sys.exit(f"Refusing to drop {name!r}: the benchmark database's name must end in '_bench'.")
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        conn.execute(sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(sql.Identifier(name),
                                                                     sql.Identifier(args.template)))


def setup_django(args) -> None:
    os.environ["BENCH_DATABASE_URL"] = args.database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.live_settings"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def make_pages(args, rng: random.Random) -> tuple[list[dict], list]:
    """The agents, their sessions and their pages; the incidents."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.contrib.auth.models import Group
    from django.contrib.sessions.backends.db import SessionStore

    from catalog.models import Service
    from core.roles import Role
    from incidents.models import Incident

    if not args.template:

        started = time.perf_counter()
        migrate_fresh()
        print(f"migrated in {time.perf_counter() - started:.0f} s")
    User = get_user_model()
    group = Group.objects.get(name=Role.AGENT)
    service, _ = Service.objects.get_or_create(name="Bench service")
    incidents = [Incident.objects.create(title=f"Bench incident {i}", number=f"INC8{i:05d}", service=service)
                 for i in range(args.incidents)]
    detail_pages = int(args.pages * 0.4)
    pages = []
    for n in range(args.pages):
        user = User.objects.create(username=f"live-bench-{n}", first_name="Agent", last_name=str(n))
        user.groups.add(group)
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        if n < detail_pages:
            incident = incidents[n // 4]  # four agents on each of these incidents
            topics = {f"incident:{incident.pk}": "", "notifications": ""}
            page = {"url": f"/incidents/{incident.pk}/", "presence": f"incident:{incident.pk}", "refresh_headers": {}}
        else:
            topics = {"incidents": "", "notifications": ""}
            # The queue's refresh asks for its results alone (live.js: data-live-target).
            page = {"url": "/incidents/", "presence": "",
                    "refresh_headers": {"HX-Request": "true", "HX-Target": "queue-results"}}
        pages.append({**page, "cookie": f"{settings.SESSION_COOKIE_NAME}={session.session_key}",
                      "topics": topics, "viewers": "", "user_id": user.pk})
    return pages, incidents


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(args, port: int) -> subprocess.Popen:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.live_settings", "BENCH_DATABASE_URL": args.database_url}
    server = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "gunicorn"), "servicedesk.wsgi", "--workers", str(args.workers),
         "--bind", f"127.0.0.1:{port}", "--log-level", "warning", "--timeout", "60"],
        cwd=ROOT, env=env, start_new_session=True)
    for _ in range(300):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    sys.exit("gunicorn did not start")


# --- CPU -------------------------------------------------------------------------------------
def proc_ticks(pid: int) -> int:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0
    return int(fields[11]) + int(fields[12])  # utime + stime


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    return found


def pg_backends(dbname: str) -> list[int]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()", [dbname])
        return [row[0] for row in cursor.fetchall()]


def redis_seconds() -> float:
    import redis
    from django.conf import settings

    info = redis.Redis.from_url(settings.CACHES["default"]["LOCATION"]).info("cpu")
    return float(info["used_cpu_sys"]) + float(info["used_cpu_user"])


class CpuMeter:
    """User + system seconds of gunicorn, of this database's PostgreSQL backends and of Redis."""

    def __init__(self, server_pid: int, dbname: str):
        self.server_pid, self.dbname = server_pid, dbname

    def sample(self) -> dict:
        web_pids = [self.server_pid, *children(self.server_pid)]
        return {"web": {pid: proc_ticks(pid) for pid in web_pids},
                "pg": {pid: proc_ticks(pid) for pid in pg_backends(self.dbname)},
                "redis": redis_seconds(), "at": time.perf_counter()}

    @staticmethod
    def spent(before: dict, after: dict) -> dict:
        wall = after["at"] - before["at"]

        def delta(kind):
            return sum(t - before[kind].get(pid, 0) for pid, t in after[kind].items()) / TICKS

        return {"wall": wall, "web": delta("web"), "pg": delta("pg"), "redis": after["redis"] - before["redis"]}


# --- the simulated pages ---------------------------------------------------------------------
class Connections(threading.local):
    def get(self, port):
        if getattr(self, "conn", None) is None:
            self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        return self.conn


def request(conns: Connections, port: int, path: str, cookie: str, accept: str = "application/json",
            extra: dict | None = None):
    for attempt in (1, 2):
        conn = conns.get(port)
        try:
            conn.request("GET", path, headers={"Cookie": cookie, "Host": "localhost", "Accept": accept,
                                               **(extra or {})})
            response = conn.getresponse()
            return response.status, response.read()
        except (http.client.HTTPException, OSError):
            conn.close()
            conns.conn = None
            if attempt == 2:
                raise
    raise AssertionError


def poll_once(conns, port, page) -> tuple[int, float, int]:
    """One poll of ``page``; its refresh when something changed. (status, ms, page fetches)."""
    import json

    params = dict(page["topics"])
    if page["presence"]:
        params.update(presence=page["presence"], viewers=page["viewers"])
    started = time.perf_counter()
    status, body = request(conns, port, "/live/?" + urlencode(params), page["cookie"])
    ms = (time.perf_counter() - started) * 1000
    fetched = 0
    if status == 200:
        data = json.loads(body)
        if os.environ.get("LIVE_BENCH_DEBUG"):
            print(f"  200 at {time.strftime('%H:%M:%S')} for {page['url']}: viewers {page['viewers']!r} -> "
                  f"{data.get('viewers')!r}, changed {data['changed']}")
        page["viewers"] = data.get("viewers", "")
        changed = data["changed"]
        if any(topic != "notifications" for topic in changed):
            status_page, _ = request(conns, port, page["url"], page["cookie"], accept="text/html",
                                     extra=page["refresh_headers"])
            fetched = 1 if status_page == 200 else 0
        page["topics"].update(changed)
    return status, ms, fetched


def run_open_pages(args, port, pages, seconds: float, rng: random.Random, change=None) -> dict:
    """Every page polls every ``args.poll`` seconds (spread evenly) for ``seconds``."""
    results, lock = [], threading.Lock()
    stop_at = time.perf_counter() + seconds
    per_thread = 25
    groups = [pages[i:i + per_thread] for i in range(0, len(pages), per_thread)]

    def worker(group, offset):
        conns = Connections()
        step = args.poll / len(group)
        next_at = [time.perf_counter() + offset + i * step for i in range(len(group))]
        while True:
            i = min(range(len(group)), key=next_at.__getitem__)
            if next_at[i] >= stop_at:
                return
            delay = next_at[i] - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            try:
                outcome = poll_once(conns, port, group[i])
            except Exception as exc:  # counted, never fatal
                outcome = (f"error: {exc.__class__.__name__}", 0.0, 0)
            with lock:
                results.append(outcome)
            next_at[i] += args.poll

    threads = [threading.Thread(target=worker, args=(g, n * args.poll / len(pages) * per_thread / len(groups)))
               for n, g in enumerate(groups)]
    changer = None
    changes = []
    if change is not None and args.changes_per_minute > 0:
        def changer_loop():
            interval = 60 / args.changes_per_minute
            while time.perf_counter() + interval < stop_at:
                time.sleep(interval)
                change()
                changes.append(1)
        changer = threading.Thread(target=changer_loop)
    for t in threads + ([changer] if changer else []):
        t.start()
    for t in threads + ([changer] if changer else []):
        t.join()
    return {"results": results, "changes": len(changes)}


def run_capacity(args, port, pages, rng, anonymous: bool = False) -> dict:
    results, lock = [], threading.Lock()
    stop_at = time.perf_counter() + args.capacity_seconds

    def worker(seed):
        conns = Connections()
        local = random.Random(seed)
        while time.perf_counter() < stop_at:
            page = local.choice(pages)
            if anonymous:  # the floor: no session, Django's middleware and a redirect to the login page
                page = {**page, "cookie": "", "topics": dict(page["topics"])}
            try:
                outcome = poll_once(conns, port, page)
            except Exception as exc:
                outcome = (f"error: {exc.__class__.__name__}", 0.0, 0)
            with lock:
                results.append(outcome)

    threads = [threading.Thread(target=worker, args=(rng.random(),)) for _ in range(args.concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return {"results": results, "changes": 0}


def report(name: str, run: dict, cpu: dict, args) -> None:
    results = run["results"]
    statuses: dict = {}
    for status, _, _ in results:
        statuses[status] = statuses.get(status, 0) + 1
    times = [ms for status, ms, _ in results if isinstance(status, int)]
    fetched = sum(f for _, _, f in results)
    wall = cpu["wall"]
    total = cpu["web"] + cpu["pg"]
    print(f"\n## {name}")
    print(f"  wall {wall:.1f} s, polls {len(results)} ({len(results) / wall:.1f}/s), statuses {statuses}, "
          f"page refreshes {fetched}, changes made {run['changes']}")
    if len(times) >= 2:
        print(f"  poll latency p50 {statistics.median(times):.1f} ms, p95 {quantile(times, 95):.1f} ms, "
              f"max {max(times):.1f} ms")
    print(f"  CPU, % of one core: gunicorn {100 * cpu['web'] / wall:.2f} %, PostgreSQL backends "
          f"{100 * cpu['pg'] / wall:.2f} %, together {100 * total / wall:.2f} %; Redis (whole server, shared) "
          f"{100 * cpu['redis'] / wall:.2f} %")
    if results:
        print(f"  CPU per poll (gunicorn + PostgreSQL): {1000 * total / len(results):.2f} ms")


def main() -> None:
    args = parse_args()
    rng = random.Random(args.seed)
    create_database(args)
    setup_django(args)
    from django.conf import settings
    from django.core.cache import cache

    from core import live
    from incidents.models import Incident

    for line in machine_line():
        print(line)
    pages, incidents = make_pages(args, rng)
    live.bump(["incidents", "notifications"] + [f"incident:{i.pk}" for i in incidents])
    dbname = settings.DATABASES["default"]["NAME"]
    print(f"sessions: {settings.SESSION_ENGINE}")
    print(f"pages: {len(pages)} ({sum(1 for p in pages if p['presence'])} incident pages with presence), "
          f"poll every {args.poll:g} s, gunicorn workers: {args.workers}, cache prefix "
          f"{settings.CACHES['default']['KEY_PREFIX']!r}")
    port = free_port()
    server = start_server(args, port)
    try:
        meter = CpuMeter(server.pid, dbname)
        # Warm-up: every page's first poll (grants checked, presence written, versions learnt).
        warm = Connections()
        for _ in range(3):  # the third: presence written while the first pass was slow may have expired
            for page in pages:
                poll_once(warm, port, page)

        before = meter.sample()
        run = run_open_pages(args, port, pages, args.seconds, rng)
        report(f"idle: {len(pages)} open pages, nothing changes", run, CpuMeter.spent(before, meter.sample()), args)

        before = meter.sample()
        run = run_capacity(args, port, pages, rng)
        report(f"capacity: {args.concurrency} connections polling as fast as they can", run,
               CpuMeter.spent(before, meter.sample()), args)
        before = meter.sample()
        run = run_capacity(args, port, pages, rng, anonymous=True)
        report(f"floor: {args.concurrency} connections, no session (302 to the login page)", run,
               CpuMeter.spent(before, meter.sample()), args)

        from django.contrib.auth import get_user_model

        actor = get_user_model().objects.get(username="live-bench-0")

        def change():
            incident = Incident.objects.get(pk=rng.choice(incidents[: max(1, int(len(pages) * 0.4) // 4)]).pk)
            incident.assignee = actor if incident.assignee_id is None else None
            incident.save(update_fields=["assignee"])

        before = meter.sample()
        run = run_open_pages(args, port, pages, args.seconds, rng, change=change)
        report(f"busy: {len(pages)} open pages, {args.changes_per_minute:g} changes a minute", run,
               CpuMeter.spent(before, meter.sample()), args)

        print(f"\nload average at the end: {load_average()}")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        cache.delete_many([live.version_key("incidents")])
        if not args.keep:
            from django.db import connections

            connections.close_all()
            drop_database(args.database_url)


if __name__ == "__main__":
    main()
