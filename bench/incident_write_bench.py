#!/usr/bin/env python
"""Incident writes (issue 23): creation through the API beside raw SQL, resolving a master with
thousands of linked reports, and declaring a major incident that links them.

    .venv/bin/python bench/incident_write_bench.py [--creates 300] [--threads 1,2,4,8] [--children 5000] [--keep]

Works on its own PostgreSQL database (default ``servicedesk_incident_write_bench``; the name must
end in ``_bench``), dropped, created and migrated afresh. Fixtures are ``bench_incidents.py``'s:
20 agents in 5 teams (``bench-agent`` has an API token), 8 services owned by the teams, 300
contacts, a 24×7 calendar and one SLA policy for incidents (response 60, resolution 480 minutes,
paused on hold, escalation rules at 75 % and 100 % of the resolution target); plus 500
requesters (users with the requester role), who report the linked incidents.

1. **Creation**: ``POST /api/v1/incidents/`` (title, service, impact, urgency, channel) through
   DRF's ``APIClient`` in this one process, ``--creates`` times after ``WARM_UPS`` (72) warm-ups, one
   of each combination of the varied fields, so that the per-process caches keyed by them (the
   SLA policy by priority, channel and service) are as full as in a process serving for a while
   (with 10, the timed loop read 62 policies, 4 queries each, that the threads never read): incidents per
   second, median and p95 ms, queries per create (three creates under
   ``CaptureQueriesContext``, with each statement). Then the **raw-SQL baseline**: the same rows
   one API create wrote (the incident, its history row, its SLA timers, their escalations and
   events — copied from the last API create) inserted ``--creates`` times with plain
   ``INSERT`` statements through the same connection, one transaction per incident (one
   statement per table): incidents per second, and the ratio. With ``--threads 1,2,4,8``, the
   ``--creates`` POSTs again from that many client threads of this one process at once (each its
   own ``APIClient``, so its own database connection): incidents per second and this process's
   CPU per create beside the baseline — one process's throughput when the database waits of
   its requests overlap, as in one gunicorn process with threads (every answer checked).
2. **Resolve a master with ``--children`` linked reports**: the children (open, each with its
   requester and two running SLA timers with their escalations) are inserted with
   ``INSERT ... SELECT generate_series`` from a template incident made by the service; then
   ``POST /api/v1/incidents/<master>/resolve/``: seconds, queries, and checks (children
   resolved, history rows naming the master, timers stopped, STOP events).
3. **Declare a major incident linking ``--children`` open reports** of its service:
   ``POST /api/v1/incidents/<id>/declare-major/`` as a manager: seconds, queries, and checks
   (children linked, a history row each).

After-commit callbacks run as in production (the test client's request commits); Celery tasks
go to the broker (Redis) and are not run here: what the request waits for is measured. It
prints figures, never pass or fail. Without ``--keep`` the database is dropped at the end.
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import time

from bench_contacts import (
    StatementTimer,
    drop_database,
    load_average,
    machine_line,
    migrate_fresh,
    quantile,
    recreate_database,
    setup_django,
)
from bench_incidents import fixtures_from_db, make_fixtures, statement_label

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/servicedesk_incident_write_bench"
API_URL = "/api/v1/incidents/"
TITLES = ["Cannot log in", "Page times out", "Payment declined", "Mailbox full", "VPN drops", "No dial tone"]
#: The POSTs vary their service (8), channel (4), impact (3) and urgency (3, every third): every
#: combination of those comes once in 72 consecutive POSTs.
WARM_UPS = 72


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--creates", type=int, default=300, help="Timed POSTs (and raw-SQL inserts); default 300.")
    parser.add_argument("--children", type=int, default=5000, help="Linked reports resolved / linked (5000).")
    parser.add_argument("--requesters", type=int, default=500, help="Requesters reporting the children (500).")
    parser.add_argument("--skip", default="", help="Comma-separated parts to skip: create,resolve,declare.")
    parser.add_argument("--profile", action="store_true", help="cProfile the resolve and the declaration.")
    parser.add_argument("--threads", default="", metavar="N[,N…]",
                        help="Also send the --creates POSTs from N client threads of this one process at once (each "
                             "its own APIClient and database connection), for each N given, e.g. 1,2,4,8: one "
                             "process's throughput when database waits overlap (one gunicorn process with threads).")
    parser.add_argument("--keep", action="store_true", help="Keep the benchmark database afterwards.")
    parser.add_argument("--token-auth", default="", metavar="CLASS",
                        help="Measure with CLASS as the API's token authentication (REST_FRAMEWORK's first "
                             "authentication class), e.g. core.api.authentication.TokenAuthentication before the "
                             "settings name it.")
    parser.add_argument("--reuse", action="store_true",
                        help="Measure a database kept by an earlier run (--keep): its fixtures and requesters are "
                             "read back, nothing is migrated or loaded (implies --keep).")
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL),
                        help=f"Benchmark database (default {DEFAULT_URL}; env BENCH_DATABASE_URL).")
    parser.add_argument("--template-db", default="",
                        help="A migrated database to copy instead of migrating (CREATE DATABASE … TEMPLATE); made "
                             "from this run's database when it does not exist yet (its name must end in _bench).")
    parser.add_argument("--spread", type=float, default=1.0,
                        help="Seconds between two linked reports' creation (their clocks' instants); default 1.")
    parser.add_argument("--seed", type=int, default=20261207)
    args = parser.parse_args()
    if args.creates < 2:
        parser.error("--creates must be at least 2 (for a p95)")
    try:
        args.threads = [int(n) for n in args.threads.split(",") if n.strip()]
    except ValueError:
        parser.error("--threads takes numbers, e.g. 1,2,4,8")
    if any(n < 1 for n in args.threads):
        parser.error("--threads: at least 1")
    return args


# --- creation --------------------------------------------------------------------------------
def poster(client, fx: dict, counter):
    """A function POSTing the next incident (title, service, impact, urgency and channel varied
    by ``next(counter)``) through ``client``: its JSON body; anything but a 201 stops the bench."""
    services = fx["services"]

    def post():
        k = next(counter)
        payload = {"title": f"{TITLES[k % len(TITLES)]} (bench {k})", "service": services[k % len(services)],
                   "impact": 1 + k % 3, "urgency": 1 + (k // 3) % 3,
                   "channel": ("phone", "email", "portal", "chat")[k % 4]}
        response = client.post(API_URL, payload, format="json")
        if response.status_code != 201:
            raise SystemExit(f"POST {API_URL} answered {response.status_code}: {response.content[:300]!r}")
        return response.json()

    return post


def answered_well(body: dict) -> bool:
    """The check of every answer: its number from its id, and its two SLA clocks."""
    return body["number"] == f"INC{body['id']:06d}" and len(body["sla"]) == 2


def bench_create_threads(fx: dict, creates: int, threads: int) -> dict:
    """``creates`` POSTs from ``threads`` client threads of this process at once, each with its
    own ``APIClient`` (and so its own database connection, Django's being per thread), after
    two warm-ups each: wall time from the start signal to the last answer, and this process's
    CPU time (every thread's) per create."""
    import threading

    from django.db import connections
    from rest_framework.test import APIClient

    counter = itertools.count(10**6 * threads)  # titles apart from the sequential part's
    shares = [creates // threads + (k < creates % threads) for k in range(threads)]
    ready, go = threading.Barrier(threads + 1), threading.Event()
    timings: list[float] = []
    checks, failures, lock = [0], [], threading.Lock()

    def work(share: int) -> None:
        try:
            client = APIClient(HTTP_HOST="localhost")
            client.credentials(HTTP_AUTHORIZATION=f"Token {fx['token']}")
            post = poster(client, fx, counter)
            post(), post()
            ready.wait()
            go.wait()
            mine, good = [], 0
            for _ in range(share):
                started = time.perf_counter()
                body = post()
                mine.append((time.perf_counter() - started) * 1000)
                good += answered_well(body)
            with lock:
                timings.extend(mine)
                checks[0] += good
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            failures.append(exc)
            ready.abort()
            go.set()
        finally:
            connections.close_all()  # this thread's connections

    workers = [threading.Thread(target=work, args=(share,), name=f"bench-client-{k}") for k, share in enumerate(shares)]
    for worker in workers:
        worker.start()
    try:
        ready.wait()
    except threading.BrokenBarrierError:
        pass
    started, cpu_started = time.perf_counter(), time.process_time()
    go.set()
    for worker in workers:
        worker.join()
    total_s, cpu_s = time.perf_counter() - started, time.process_time() - cpu_started
    if failures:
        raise SystemExit(f"a client thread failed: {failures[0]!r}")
    return {"threads": threads, "n": creates, "total_s": total_s, "per_s": creates / total_s,
            "cpu_ms": cpu_s * 1000 / creates, "median": statistics.median(timings), "p95": quantile(timings, 95),
            "checks": checks[0]}


def bench_create(client, fx: dict, creates: int) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    post = poster(client, fx, itertools.count())
    for _ in range(WARM_UPS):
        post()
    timings, checks = [], 0
    started_all, cpu_started = time.perf_counter(), time.process_time()
    for _ in range(creates):
        started = time.perf_counter()
        body = post()
        timings.append((time.perf_counter() - started) * 1000)
        checks += answered_well(body)
    total_s, cpu_s = time.perf_counter() - started_all, time.process_time() - cpu_started
    if PROFILE:  # where one create's CPU goes (another 100 creates, not timed; CPU time, not wall)
        import cProfile

        profiler = cProfile.Profile(time.process_time)
        profiler.enable()
        for _ in range(100):
            post()
        profiler.disable()
        print_profile(profiler, "100 API creates (CPU time of this process)", 45)
    counts, statements, last = [], [], None
    for _ in range(3):
        timer = StatementTimer()
        with CaptureQueriesContext(connection) as ctx, connection.execute_wrapper(timer):
            last = post()
        counts.append(len(ctx))
        statements = [(ms, statement_label(sql)) for ms, sql in timer.rows]
    return {"n": creates, "total_s": total_s, "per_s": creates / total_s, "median": statistics.median(timings),
            "cpu_ms": cpu_s * 1000 / creates,
            "p95": quantile(timings, 95), "queries": counts, "statements": statements, "checks": checks,
            "last_id": last["id"]}


ROW_TABLES = ("incidents_incident", "incidents_historicalincident", "sla_slatimer", "sla_slaescalation",
              "sla_slaevent")


def _rows(cursor, sql: str, params) -> list[dict]:
    cursor.execute(sql, params)
    names = [c.name for c in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _insert(cursor, table: str, rows: list[dict], returning: str | None = None) -> list:
    """One multi-row INSERT of ``rows`` (dicts with the same keys); psycopg adapts the values."""
    from psycopg.types.json import Jsonb

    cols = list(rows[0])
    values = ", ".join("(" + ", ".join(["%s"] * len(cols)) + ")" for _ in rows)
    params = [Jsonb(row[c]) if isinstance(row[c], dict | list) else row[c] for row in rows for c in cols]
    sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES {values}" + (f" RETURNING {returning}" if returning
                                                                       else "")
    cursor.execute(sql, params)
    return [r[0] for r in cursor.fetchall()] if returning else []


def bench_raw(incident_id: int, ct: int, creates: int) -> dict:
    """The rows one API create wrote, inserted ``creates`` times with plain SQL, one transaction
    (and one statement per table) per incident."""
    from django.db import connection, transaction

    with connection.cursor() as cursor:
        incident = _rows(cursor, "SELECT * FROM incidents_incident WHERE id = %s", [incident_id])[0]
        history = _rows(cursor, "SELECT * FROM incidents_historicalincident WHERE id = %s ORDER BY history_id",
                        [incident_id])
        timers = _rows(cursor, "SELECT * FROM sla_slatimer WHERE content_type_id = %s AND object_id = %s "
                               "ORDER BY id", [ct, incident_id])
        timer_ids = [t["id"] for t in timers]
        escalations = _rows(cursor, "SELECT * FROM sla_slaescalation WHERE timer_id = ANY(%s) ORDER BY id",
                            [timer_ids])
        events = _rows(cursor, "SELECT * FROM sla_slaevent WHERE timer_id = ANY(%s) ORDER BY id", [timer_ids])
    shape = {"incidents_incident": 1, "incidents_historicalincident": len(history), "sla_slatimer": len(timers),
             "sla_slaescalation": len(escalations), "sla_slaevent": len(events)}
    for row in (incident, *timers, *escalations, *events):
        row.pop("id")
    for row in history:
        row.pop("history_id")
    started, cpu_started = time.perf_counter(), time.process_time()
    for k in range(creates):
        with transaction.atomic(), connection.cursor() as cursor:
            # The number from the id in the same statement (the API sets it with a second one).
            cursor.execute("SELECT nextval(pg_get_serial_sequence('incidents_incident', 'id'))")
            new_id = cursor.fetchone()[0]
            _insert(cursor, "incidents_incident", [{**incident, "id": new_id, "number": f"INC{new_id:06d}",
                                                    "title": f"raw {k}"}])
            _insert(cursor, "incidents_historicalincident",
                    [{**h, "id": new_id, "number": f"INC{new_id:06d}", "title": f"raw {k}"} for h in history])
            new_timers = _insert(cursor, "sla_slatimer", [{**t, "object_id": new_id} for t in timers], "id")
            by_old = dict(zip(timer_ids, new_timers, strict=True))
            if escalations:
                _insert(cursor, "sla_slaescalation", [{**e, "timer_id": by_old[e["timer_id"]]} for e in escalations])
            if events:
                _insert(cursor, "sla_slaevent", [{**e, "timer_id": by_old[e["timer_id"]]} for e in events])
    total_s, cpu_s = time.perf_counter() - started, time.process_time() - cpu_started
    return {"n": creates, "total_s": total_s, "per_s": creates / total_s, "shape": shape,
            "cpu_ms": cpu_s * 1000 / creates}


# --- many linked reports -----------------------------------------------------------------------
def _maintenance(url: str):
    from urllib.parse import urlsplit, urlunsplit

    import psycopg

    parts = urlsplit(url)
    return psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True), parts.path.lstrip("/")


def from_template(url: str, template: str) -> bool:
    """Create the benchmark database as a copy of ``template`` if that exists."""
    from psycopg import sql

    conn, name = _maintenance(url)
    with conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [template]).fetchone():
            return False
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        conn.execute(sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(sql.Identifier(name), sql.Identifier(template)))
    return True


def save_template(url: str, template: str) -> None:
    from django.db import connections
    from psycopg import sql

    if not template.endswith("_bench"):
        raise SystemExit("--template-db must end in _bench")
    connections.close_all()
    conn, name = _maintenance(url)
    with conn:
        conn.execute(sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(sql.Identifier(template), sql.Identifier(name)))


def make_requesters(n: int) -> list[int]:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from core.roles import Role

    User = get_user_model()  # noqa: N806
    users = User.objects.bulk_create([User(username=f"bench-requester-{k:04d}", email=f"r{k}@bench.example.test",
                                           first_name="Req", last_name=f"{k:04d}") for k in range(n)])
    group = Group.objects.get(name=Role.REQUESTER)
    group.user_set.add(*users)
    return [u.pk for u in users]


def clone_reports(template_id: int, n: int, *, parent_id: int | None, requesters: list[int], ct: int,
                  spread: float = 0.0) -> list[int]:
    """``n`` copies of the template incident (open, with its two running timers and their
    escalations), each reported by one of ``requesters``: INSERT ... SELECT generate_series.
    The k-th copy was reported ``k * spread`` seconds before the template, its clocks started
    then (each report has its own instants, as in a real outage: with the default 1 s, those
    of more than an hour ago are past their response target and are breached at the resolve)."""
    from django.db import connection, transaction

    shifted = {"started_at", "last_resumed_at", "due_at", "next_escalation_at", "paused_at"}
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT column_name FROM information_schema.columns WHERE table_name = 'incidents_incident' "
                       "AND column_name NOT IN ('id', 'number', 'title', 'requester_id', 'parent_id', 'created_at')")
        cols = [r[0] for r in cursor.fetchall()]
        cursor.execute(
            f"INSERT INTO incidents_incident ({', '.join(cols)}, title, requester_id, parent_id, created_at) "
            f"SELECT {', '.join('t.' + c for c in cols)}, t.title || ' #' || g, "
            f"(%s::bigint[])[1 + g %% cardinality(%s::bigint[])], %s, t.created_at - g * %s * interval '1 second' "
            f"FROM incidents_incident t, generate_series(1, %s) g WHERE t.id = %s RETURNING id",
            [requesters, requesters, parent_id, spread, n, template_id])
        ids = [r[0] for r in cursor.fetchall()]
        cursor.execute("UPDATE incidents_incident SET number = 'INC' || lpad(id::text, greatest(6, length(id::text)),"
                       " '0') WHERE id = ANY(%s)", [ids])
        cursor.execute("SELECT column_name FROM information_schema.columns WHERE table_name = 'sla_slatimer' "
                       "AND column_name NOT IN ('id', 'object_id')")
        tcols = [r[0] for r in cursor.fetchall()]
        exprs = [f"t.{c} - (tpl.created_at - i.created_at)" if c in shifted else f"t.{c}" for c in tcols]
        cursor.execute(
            f"INSERT INTO sla_slatimer ({', '.join(tcols)}, object_id) "
            f"SELECT {', '.join(exprs)}, i.id FROM sla_slatimer t JOIN incidents_incident tpl ON tpl.id = t.object_id "
            f"JOIN incidents_incident i ON i.id = ANY(%s::bigint[]) "
            f"WHERE t.content_type_id = %s AND t.object_id = %s", [ids, ct, template_id])
        cursor.execute("SELECT column_name FROM information_schema.columns WHERE table_name = 'sla_slaescalation' "
                       "AND column_name NOT IN ('id', 'timer_id')")
        ecols = [r[0] for r in cursor.fetchall()]
        eexprs = ["e.fire_at - (tt.started_at - nt.started_at)" if c == "fire_at" else f"e.{c}" for c in ecols]
        cursor.execute(
            f"INSERT INTO sla_slaescalation ({', '.join(ecols)}, timer_id) "
            f"SELECT {', '.join(eexprs)}, nt.id FROM sla_slaescalation e "
            f"JOIN sla_slatimer tt ON tt.id = e.timer_id AND tt.content_type_id = %s AND tt.object_id = %s "
            f"JOIN sla_slatimer nt ON nt.content_type_id = %s AND nt.object_id = ANY(%s) AND nt.metric = tt.metric",
            [ct, template_id, ct, ids])
        cursor.execute("ANALYZE incidents_incident; ANALYZE sla_slatimer; ANALYZE sla_slaescalation")
    return ids


PROFILE = False
SPREAD = 1.0


def print_profile(profiler, label: str, top: int = 25) -> None:
    import pstats
    from io import StringIO

    for order in ("tottime", "cumulative"):
        out = StringIO()
        pstats.Stats(profiler, stream=out).strip_dirs().sort_stats(order).print_stats(top)
        print(f"  cProfile of {label}, by {order}:")
        print("\n".join("    " + line for line in out.getvalue().splitlines() if line.strip()))


def timed_post(client, url: str, payload: dict) -> dict:
    import cProfile

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    timer = StatementTimer()
    profiler = cProfile.Profile() if PROFILE else None
    started, cpu_started = time.perf_counter(), time.process_time()
    with CaptureQueriesContext(connection) as ctx, connection.execute_wrapper(timer):
        if profiler:
            profiler.enable()
        response = client.post(url, payload, format="json")
        if profiler:
            profiler.disable()
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    if profiler:
        print_profile(profiler, url)
    if response.status_code not in (200, 201):
        raise SystemExit(f"POST {url} answered {response.status_code}: {response.content[:500]!r}")
    grouped: dict[str, list[float]] = {}
    for ms, sql in timer.rows:
        grouped.setdefault(statement_label(sql), []).append(ms)
    return {"seconds": seconds, "cpu": cpu, "queries": len(ctx), "statements": len(timer.rows), "grouped": grouped,
            "sql_ms": sum(ms for ms, _ in timer.rows)}


def print_post(label: str, r: dict, top: int = 12) -> None:
    print(f"  {label}: {r['seconds']:.2f} s (CPU of this process {r['cpu']:.2f} s), {r['queries']} queries in "
          f"Django's log (capped at 9,000), "
          f"{r['statements']} statements through the execute wrapper (SQL {r['sql_ms'] / 1000:.2f} s of it)")
    rows = sorted(r["grouped"].items(), key=lambda kv: -sum(kv[1]))[:top]
    for kind, times in rows:
        print(f"      {len(times):>6} × {kind}: {sum(times):8.1f} ms")


def bench_resolve(api, fx: dict, n: int, requesters: list[int]) -> dict:
    from django.contrib.auth import get_user_model

    from incidents import services
    from incidents.models import Incident
    from sla.models import SLAEvent, SLATimer

    User = get_user_model()  # noqa: N806
    agent = User.objects.get(pk=fx["agent"].pk)
    service = fx["services"][0]
    from catalog.models import Service

    svc = Service.objects.get(pk=service)
    master = services.incident_create(title="Internet banking down (master)", actor=agent, service=svc)
    requester = User.objects.get(pk=requesters[0])
    template = services.incident_create(title="Cannot log in to internet banking", actor=requester, service=svc)
    ids = clone_reports(template.pk, n, parent_id=master.pk, requesters=requesters, ct=fx["ct"], spread=SPREAD)
    r = timed_post(api, f"{API_URL}{master.pk}/resolve/", {"resolution_code": "fixed",
                                                            "resolution": "Load balancer restarted"})
    r["children"] = n
    r["resolved"] = Incident.objects.filter(pk__in=ids, status="resolved", resolution="Load balancer restarted",
                                            resolution_code="fixed").count()
    r["history"] = Incident.history.filter(id__in=ids, history_change_reason=f"resolved with master {master.number}",
                                           status="resolved").count()
    r["timers_stopped"] = SLATimer.objects.filter(content_type_id=fx["ct"], object_id__in=ids,
                                                  met_at__isnull=False).count()
    r["stop_events"] = SLAEvent.objects.filter(timer__content_type_id=fx["ct"], timer__object_id__in=ids,
                                               kind="stop").count()
    r["breach_events"] = SLAEvent.objects.filter(timer__content_type_id=fx["ct"], timer__object_id__in=ids,
                                                 kind="breach").count()
    return r


def bench_declare(api_boss, fx: dict, n: int, requesters: list[int]) -> dict:
    from django.contrib.auth import get_user_model

    from catalog.models import Service
    from incidents import services
    from incidents.models import Incident

    User = get_user_model()  # noqa: N806
    agent = User.objects.get(pk=fx["agent"].pk)
    svc = Service.objects.get(pk=fx["services"][1])
    master = services.incident_create(title="Card payments down", actor=agent, service=svc)
    requester = User.objects.get(pk=requesters[0])
    template = services.incident_create(title="Card declined at the till", actor=requester, service=svc)
    ids = clone_reports(template.pk, n, parent_id=None, requesters=requesters, ct=fx["ct"], spread=SPREAD)
    r = timed_post(api_boss, f"{API_URL}{master.pk}/declare-major/", {"summary": "Card payments are failing"})
    r["children"] = n
    r["linked"] = Incident.objects.filter(pk__in=ids, parent_id=master.pk).count()
    r["history"] = Incident.history.filter(id__in=ids, parent_id=master.pk,
                                           history_change_reason=f"linked to {master.number}").count()
    return r


def make_boss_client():
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from rest_framework.authtoken.models import Token
    from rest_framework.test import APIClient

    from core.roles import Role

    User = get_user_model()  # noqa: N806
    boss, _ = User.objects.get_or_create(username="bench-manager",
                                         defaults={"first_name": "Mia", "last_name": "Manager"})
    boss.groups.add(Group.objects.get(name=Role.MANAGER))
    token, _ = Token.objects.get_or_create(user=boss)
    client = APIClient(HTTP_HOST="localhost")
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def main() -> None:
    args = parse_args()
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    global PROFILE, SPREAD  # noqa: PLW0603
    PROFILE, SPREAD = args.profile, args.spread
    started = time.perf_counter()
    if args.reuse:
        args.keep, copied, name = True, False, args.database_url.rsplit("/", 1)[1]
    else:
        copied = bool(args.template_db) and from_template(args.database_url, args.template_db)
        name = args.database_url.rsplit("/", 1)[1] if copied else recreate_database(args.database_url)
    setup_django(args.database_url)
    if args.token_auth:  # before any view is imported: DRF reads the classes when a view class is defined
        from django.conf import settings
        from django.test.utils import override_settings

        classes = [args.token_auth, *settings.REST_FRAMEWORK["DEFAULT_AUTHENTICATION_CLASSES"][1:]]
        override_settings(REST_FRAMEWORK={**settings.REST_FRAMEWORK,
                                          "DEFAULT_AUTHENTICATION_CLASSES": classes}).enable()

    from rest_framework.test import APIClient

    if not copied and not args.reuse:
        migrate_fresh()
        if args.template_db:
            save_template(args.database_url, args.template_db)
    how = "reused" if args.reuse else "copied from " + args.template_db if copied else "migrated"
    print(f"incident_write_bench — database {name} ({how} in {time.perf_counter() - started:.1f} s); code from "
          f"{os.getcwd()}")
    for line in machine_line():
        print(line)
    try:
        if args.reuse:
            from django.contrib.auth import get_user_model

            fx = fixtures_from_db()
            requesters = list(get_user_model().objects.filter(username__startswith="bench-requester-")
                              .order_by("id").values_list("id", flat=True))
            if not requesters and not {"resolve", "declare"} <= skip:
                requesters = make_requesters(args.requesters)
        else:
            fx = make_fixtures(20, 300, args.seed)
            requesters = make_requesters(args.requesters)
        from rest_framework.settings import api_settings

        print("token authentication: " + ", ".join(f"{c.__module__}.{c.__name__}"
                                                   for c in api_settings.DEFAULT_AUTHENTICATION_CLASSES[:1]))
        api = APIClient(HTTP_HOST="localhost")
        api.credentials(HTTP_AUTHORIZATION=f"Token {fx['token']}")
        if "create" not in skip:
            c = bench_create(api, fx, args.creates)
            print(f"\n== creation: POST {API_URL} × {c['n']} (one process, after {WARM_UPS} warm-ups; "
                  f"load average {load_average()}) ==")
            print(f"  {c['total_s']:.1f} s, {c['per_s']:.1f} incidents/s; median {c['median']:.1f} ms, "
                  f"p95 {c['p95']:.1f} ms; CPU of this process {c['cpu_ms']:.2f} ms per create; "
                  f"queries per create {c['queries']} (3 creates)")
            print(f"  check: {c['checks']} of {c['n']} answered INC%06d of their id and 2 SLA clocks")
            grouped: dict[str, list[float]] = {}
            for ms, kind in c["statements"]:
                grouped.setdefault(kind, []).append(ms)
            print("  statements of one create (in order of first appearance):")
            for kind, times in grouped.items():
                print(f"      {len(times):>2} × {kind}: {sum(times):6.2f} ms")
            raw = bench_raw(c["last_id"], fx["ct"], args.creates)
            print(f"  raw SQL baseline, the same rows ({', '.join(f'{t} {n}' for t, n in raw['shape'].items())}) "
                  f"× {raw['n']}: {raw['total_s']:.2f} s, {raw['per_s']:.1f} incidents/s, CPU {raw['cpu_ms']:.2f} "
                  f"ms per incident → the API is {raw['per_s'] / c['per_s']:.1f}× slower "
                  f"({c['cpu_ms'] / raw['cpu_ms']:.1f}× the CPU)")
            if args.threads:
                print(f"\n== creation from client threads of this one process: POST {API_URL} × {args.creates} "
                      f"each time (load average {load_average()}) ==")
                for n in args.threads:
                    t = bench_create_threads(fx, args.creates, n)
                    print(f"  {n:>2} thread{'s' if n > 1 else ' '}: {t['total_s']:.2f} s, {t['per_s']:6.1f} "
                          f"incidents/s; CPU of this process {t['cpu_ms']:.2f} ms per create; median "
                          f"{t['median']:.1f} ms, p95 {t['p95']:.1f} ms; {t['checks']} of {t['n']} answers checked "
                          f"→ the raw-SQL baseline ({raw['per_s']:.1f} incidents/s, one connection) is "
                          f"{raw['per_s'] / t['per_s']:.1f}× as fast")
                print(f"  load average after: {load_average()}")
        if "resolve" not in skip:
            r = bench_resolve(api, fx, args.children, requesters)
            print(f"\n== resolve a master with {r['children']:,} linked reports "
                  f"(POST {API_URL}<id>/resolve/) ==")
            print(f"  load average {load_average()}")
            print_post("resolve", r)
            print(f"  check: {r['resolved']:,} children resolved, {r['history']:,} history rows naming the master, "
                  f"{r['timers_stopped']:,} timers stopped, {r['stop_events']:,} STOP events, "
                  f"{r['breach_events']:,} BREACH events")
        if "declare" not in skip:
            boss = make_boss_client()
            d = bench_declare(boss, fx, args.children, requesters)
            print(f"\n== declare a major incident linking {d['children']:,} open reports "
                  f"(POST {API_URL}<id>/declare-major/) ==")
            print(f"  load average {load_average()}")
            print_post("declare", d)
            print(f"  check: {d['linked']:,} linked, {d['history']:,} history rows 'linked to …'")
        print(f"\nload average at end: {load_average()}")
    finally:
        from django.db import connections

        connections.close_all()
        if not args.keep:
            drop_database(args.database_url)


if __name__ == "__main__":
    main()
