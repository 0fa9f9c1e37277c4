#!/usr/bin/env python
"""Contacts at scale: caller-ID lookup and the contacts API list at 1,000 → 100,000 → 1,000,000.

    .venv/bin/python bench/bench_contacts.py [--contacts 1000000] [--keep]
    .venv/bin/python bench/bench_contacts.py --reuse [--source DIR] [--requests 50]

Works on its own PostgreSQL database (default ``servicedesk_bench``; the name must end in
``_bench``), which it drops and creates afresh, migrates, then grows with
``manage.py generate_load`` stage by stage. After each stage it measures

* ``catalog.selectors.contact_by_phone`` on random stored numbers plus valid numbers that are
  not stored: median and p99 microseconds, queries per lookup;
* ``GET /api/v1/contacts/`` (first page, 50 rows) as an agent with a token, through DRF's
  ``APIClient`` (the whole Django stack in-process, no HTTP server): median and p95
  milliseconds, queries per request.

``--reuse`` measures the list on a database kept by ``--keep`` as it is (no drop, no load),
with the CPU time of this process per request (``time.process_time``) and each statement's
time and plan; ``--source DIR`` imports the application from another tree (the code before a
change, on the same rows).

It prints figures, never pass/fail on time. Without ``--keep`` the database is dropped at the
end. See ``bench/README.md`` for the latest figures.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import statistics
import sys
import time
from collections import Counter
from datetime import UTC, datetime
from io import StringIO
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/servicedesk_bench"
LIST_URL = "/api/v1/contacts/"


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--contacts", type=int, default=1_000_000,
                        help="Contacts at the last stage (default 1000000); stages 1000 and 100000 come first.")
    parser.add_argument("--keep", action="store_true", help="Keep the benchmark database afterwards.")
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL),
                        help=f"Benchmark database (default {DEFAULT_URL}; env BENCH_DATABASE_URL).")
    parser.add_argument("--lookups", type=int, default=2000, help="Stored numbers looked up per stage.")
    parser.add_argument("--misses", type=int, default=200, help="Valid numbers not stored, looked up per stage.")
    parser.add_argument("--requests", type=int, default=50, help="API list requests per stage.")
    parser.add_argument("--batch", type=int, default=10_000, help="generate_load batch size.")
    parser.add_argument("--seed", type=int, default=20261122)
    parser.add_argument("--reuse", action="store_true", help="Measure the kept database as it is (no drop, no load).")
    parser.add_argument("--source", default="",
                        help="With --reuse: the application's tree to import (default: this checkout).")
    return parser.parse_args()


# --- the benchmark database ----------------------------------------------------------------

def recreate_database(url: str) -> str:
    """Drop and create the benchmark database; return its name."""
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if not name.endswith("_bench"):
        sys.exit(f"Refusing to drop {name!r}: the benchmark database's name must end in '_bench'.")
    maintenance = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(maintenance, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return name


def drop_database(url: str) -> None:
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
            sql.Identifier(parts.path.lstrip("/"))))


def setup_django(url: str) -> None:
    # bench/settings.py: the test settings pointed at BENCH_DATABASE_URL, without the
    # production rate limit (100 requests/s per user would answer 429 to a tight loop).
    os.environ["BENCH_DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def migrate_fresh() -> str:
    """Migrate the benchmark database Django is connected to; return how.

    From ``tests/schema.sql`` (the test suite's pg_dump of a migrated database, a second or
    two) when every migration file it records is unchanged, then ``migrate`` for the
    migrations added since; else every migration from the start (2–3 minutes of one core,
    over 20 on a busy machine). A database migrated before (``--reuse``) is only migrated forward."""
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor == "postgresql" and "django_migrations" not in connection.introspection.table_names():
        from tests import dbsetup

        if dbsetup._dump_usable(dbsetup._schema_files()):
            dbsetup._load_dump(connection.settings_dict["NAME"])
            call_command("migrate", verbosity=0)
            return "from tests/schema.sql"
    call_command("migrate", verbosity=0)
    return "by the migrations"


# --- helpers ------------------------------------------------------------------------------

# --- shared by the other benchmarks -------------------------------------------------------------
class StatementTimer:
    """``connection.execute_wrapper``: each statement's wall time, microsecond resolution."""

    def __init__(self):
        self.rows: list[tuple[float, str]] = []

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.rows.append(((time.perf_counter() - started) * 1000, sql))


def mib(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MiB"


def quantile(values: list[float], q: int) -> float:
    """The q-th percentile (inclusive method)."""
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def machine_line() -> list[str]:
    from django.db import connection

    cpu = "?"
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                   if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    mem = "?"
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        mem = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, AttributeError):
        pass
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        pg_version = cursor.fetchone()[0]
        cursor.execute("SHOW shared_buffers")
        shared_buffers = cursor.fetchone()[0]
    import django

    return [
        f"date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        f"machine: nproc={os.cpu_count()}, {cpu}, RAM {mem}, {platform.system()} {platform.release()}",
        f"PostgreSQL {pg_version} (shared_buffers {shared_buffers}), Python {platform.python_version()}, "
        f"Django {django.get_version()}",
        "load average at start (other processes share the machine): " + load_average(),
    ]


def load_average() -> str:
    return " ".join(f"{v:.2f}" for v in os.getloadavg())


def vacuum_analyze() -> float:
    """Settle the tables as autovacuum would in production, so it does not run mid-measurement."""
    from django.db import connection

    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE) catalog_customer, catalog_contact, catalog_contactphone")
    return time.perf_counter() - started


def grow_to(target: int, batch: int, seed: int) -> None:
    from django.core.management import call_command

    from catalog.models import Contact

    current = Contact.objects.count()
    if target <= current:
        return
    out = StringIO()
    started = time.perf_counter()
    call_command("generate_load", contacts=target - current, batch=batch, seed=seed, stdout=out)
    print(f"  generate_load --contacts {target - current} ({time.perf_counter() - started:.1f} s):")
    for line in out.getvalue().splitlines():
        print(f"    {line}")
    print(f"  VACUUM (ANALYZE): {vacuum_analyze():.1f} s")


def make_agent_client():
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from rest_framework.authtoken.models import Token
    from rest_framework.test import APIClient

    from core.roles import Role

    user, _ = get_user_model().objects.get_or_create(username="bench-agent")
    user.groups.add(Group.objects.get(name=Role.AGENT))
    token, _ = Token.objects.get_or_create(user=user)
    # HTTP_HOST: "testserver" is not in ALLOWED_HOSTS outside the test runner.
    client = APIClient(HTTP_HOST="localhost")
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


# --- measurements ---------------------------------------------------------------------------

def bench_lookup(lookups: int, misses: int, rng: random.Random) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from catalog.management.commands.generate_load import PHONE_PREFIX, next_phone_suffix, phone_number
    from catalog.selectors import contact_by_phone

    with connection.cursor() as cursor:
        cursor.execute("SELECT setseed(%s)", [rng.random() * 2 - 1])
        cursor.execute("SELECT number FROM catalog_contactphone ORDER BY random() LIMIT %s", [lookups])
        hits = [row[0] for row in cursor.fetchall()]
    # Valid mobiles of the synthetic range that are not stored, and valid Lisbon landlines.
    first_free = next_phone_suffix()
    missing = [phone_number(first_free + 1000 + i) for i in range(misses // 2)]
    missing += [f"+35121{rng.randrange(10**7):07d}" for _ in range(misses - misses // 2)]
    calls = [(n, True) for n in hits] + [(n, False) for n in missing]
    rng.shuffle(calls)

    for number, _ in calls[:200]:  # warm-up: caches, phonenumbers metadata, plan
        contact_by_phone(number)
    timings, wrong = [], 0
    for number, stored in calls:
        started = time.perf_counter_ns()
        contact = contact_by_phone(number)
        timings.append((time.perf_counter_ns() - started) / 1000)
        wrong += (contact is not None) != stored
    # Query counts in a separate pass, so the capture's bookkeeping is not in the timings.
    counts, statements = Counter(), []
    for number, _ in calls:
        with CaptureQueriesContext(connection) as ctx:
            contact_by_phone(number)
        counts[len(ctx)] += 1
        statements += [q["sql"] for q in ctx.captured_queries]
    last_sql = statements[-1] if statements else None
    # The same statements straight on the psycopg connection: the database's share of a lookup.
    sql_times = []
    for statement in statements:
        started = time.perf_counter_ns()
        connection.connection.execute(statement).fetchall()
        sql_times.append((time.perf_counter_ns() - started) / 1000)
    plan = ""
    if last_sql:
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, COSTS OFF) " + last_sql)
            rows = [r[0] for r in cursor.fetchall()]
        scans = [r.strip().lstrip("-> ").split("  ")[0] for r in rows if "Scan" in r]
        exec_ms = next((r for r in rows if r.startswith("Execution Time")), "")
        plan = "; ".join(scans) + f" ({exec_ms.lower()})"
    hit_times = [t for t, (_, stored) in zip(timings, calls, strict=True) if stored]
    miss_times = [t for t, (_, stored) in zip(timings, calls, strict=True) if not stored]
    return {
        "n": len(calls), "hits": len(hits), "misses": len(missing), "wrong": wrong,
        "median": statistics.median(timings), "p99": quantile(timings, 99),
        "hit_median": statistics.median(hit_times), "miss_median": statistics.median(miss_times),
        "queries": dict(sorted(counts.items())), "plan": plan, "prefix": PHONE_PREFIX,
        "sql_median": statistics.median(sql_times) if sql_times else 0.0,
    }


def bench_list(client, requests: int, expected_count: int) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def get():
        response = client.get(LIST_URL)
        if response.status_code != 200:
            raise SystemExit(f"GET {LIST_URL} answered {response.status_code}: {response.content[:300]!r}")
        return response

    for _ in range(3):
        get()
    timings, cpu, size = [], [], 0
    for _ in range(requests):
        started, cpu_started = time.perf_counter(), time.process_time()
        response = get()
        timings.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - cpu_started) * 1000)
        size = len(response.content)
    body = response.json()
    counts, breakdown = [], []
    for _ in range(3):
        timer = StatementTimer()  # each statement's wall time to the microsecond
        with CaptureQueriesContext(connection) as ctx, connection.execute_wrapper(timer):
            get()
        counts.append(len(ctx))
        timed = [ms for ms, _ in timer.rows] if len(timer.rows) == len(ctx) else None
        breakdown = [(timed[k] if timed else float(q["time"]) * 1000, " ".join(q["sql"].split()))
                     for k, q in enumerate(ctx.captured_queries)]
    return {
        "n": requests, "median": statistics.median(timings), "p95": quantile(timings, 95),
        "cpu": statistics.median(cpu), "cpu_p95": quantile(cpu, 95),
        "queries": counts[0], "queries_stable": len(set(counts)) == 1, "all_counts": counts,
        "count": body["count"], "count_exact": body.get("count_exact", True),
        "count_ok": body["count"] == expected_count or body.get("count_exact") is False,
        "rows": len(body["results"]), "bytes": size, "breakdown": breakdown,
    }


def print_lookup(stage: int, r: dict) -> None:
    queries = ", ".join(f"{q} quer{'y' if q == 1 else 'ies'} × {n}" for q, n in r["queries"].items())
    print(f"  lookup contact_by_phone at {stage:,} contacts: {r['n']} lookups ({r['hits']} stored, "
          f"{r['misses']} not stored, {r['wrong']} wrong answers)")
    print(f"    median {r['median']:.0f} µs, p99 {r['p99']:.0f} µs "
          f"(stored median {r['hit_median']:.0f} µs, not stored {r['miss_median']:.0f} µs); {queries}")
    print(f"    the same SQL alone on the psycopg connection (round trip, no ORM): median {r['sql_median']:.0f} µs")
    print(f"    plan: {r['plan']}")


def print_list(stage: int, r: dict) -> None:
    stable = "" if r["queries_stable"] else f" (NOT stable over 3 requests: {r['all_counts']})"
    print(f"  GET {LIST_URL} at {stage:,} contacts: {r['n']} requests, median {r['median']:.1f} ms, "
          f"p95 {r['p95']:.1f} ms (CPU of this process {r['cpu']:.1f} / {r['cpu_p95']:.1f} ms), "
          f"{r['queries']} queries per request{stable}; "
          f"count={'' if r['count_exact'] else '≈'}{r['count']:,}{'' if r['count_ok'] else ' (WRONG)'}, "
          f"{r['rows']} rows, {r['bytes']:,} bytes")
    for ms, sql in r["breakdown"]:
        print(f"    {ms:7.2f} ms  {sql[:110]}{'…' if len(sql) > 110 else ''}")


def explain_line(sql: str) -> str:
    """``EXPLAIN (ANALYZE, BUFFERS)`` of a captured statement, as one line: its scans, buffers,
    planning and execution time."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF) " + sql)
        rows = [r[0] for r in cursor.fetchall()]
    nodes = [r.strip().removeprefix("-> ").split("  (")[0].split(" (actual")[0] for r in rows
             if r.strip().startswith("->") or not r.startswith(" ")]
    nodes = [n for n in nodes if not n.startswith(("Planning", "Execution"))]
    buffers = next((r.strip() for r in rows if r.strip().startswith("Buffers:")), "Buffers: -")
    times = [r.split(":", 1)[1].strip() for r in rows if r.startswith(("Planning Time", "Execution Time"))]
    return f"{' → '.join(nodes)}; {buffers.lower()}; planning {times[0]}, execution {times[-1]}"


def measure_kept(args: argparse.Namespace) -> None:
    """``--reuse``: the contacts API list on the kept database as it is."""
    from django.db import connection

    import catalog

    source = Path(args.source or ROOT).resolve()
    if not catalog.__file__.startswith(str(source)):
        sys.exit(f"catalog came from {catalog.__file__}, not from {source}")
    print(f"bench_contacts --reuse — database {connection.settings_dict['NAME']}, code from {source}")
    for line in machine_line():
        print(line)
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM catalog_contact")
        total = cursor.fetchone()[0]
    r = bench_list(make_agent_client(), args.requests, total)
    print_list(total, r)
    for _ms, sql in r["breakdown"]:
        if sql.startswith("SELECT") and "catalog_contact" in sql.split(" WHERE ")[0]:
            print(f"    EXPLAIN {sql[:60]}…: {explain_line(sql)}")
    sql_ms = sum(ms for ms, _ in r["breakdown"])
    print("| contacts | median ms | p95 ms | CPU p50 ms | CPU p95 ms | queries | SQL ms (wall, this process) | load |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    print(f"| {total:,} | {r['median']:.1f} | {r['p95']:.1f} | {r['cpu']:.1f} | {r['cpu_p95']:.1f} | "
          f"{r['queries']} | {sql_ms:.1f} | {load_average()} |")
    connection.close()


def main() -> None:
    args = parse_args()
    run_started = time.perf_counter()
    if args.source:  # setup_django puts ROOT first on sys.path
        global ROOT
        ROOT = Path(args.source).resolve()
        os.chdir(ROOT)  # Celery's Django fix-up puts the working directory first on sys.path
    if args.reuse:
        setup_django(args.database_url)
        measure_kept(args)
        return
    rng = random.Random(args.seed)
    name = recreate_database(args.database_url)
    setup_django(args.database_url)

    from django.db import connections
    from django.test import override_settings

    started = time.perf_counter()
    how = migrate_fresh()
    print(f"bench_contacts — database {name} (created and migrated {how} in {time.perf_counter() - started:.1f} s)")
    for line in machine_line():
        print(line)
    client = make_agent_client()

    stages = sorted({s for s in (1_000, 100_000) if s < args.contacts} | {args.contacts})
    results: dict[int, dict] = {}
    try:
        for stage in stages:
            print(f"\n== {stage:,} contacts ==")
            grow_to(stage, args.batch, rng.randrange(2**31))
            # The list with the exact COUNT(*) every list had before issue 23 (no limit in
            # core.api.pagination), then as it is now, in the same run.
            with override_settings(PAGINATION_EXACT_COUNT_LIMIT=None):
                exact = bench_list(client, args.requests, stage)
            results[stage] = {
                "exact": exact,
                "list": bench_list(client, args.requests, stage),
                "lookup": bench_lookup(args.lookups, args.misses, rng),
            }
            print("  with the exact COUNT(*) (before):")
            print_list(stage, exact)
            print_list(stage, results[stage]["list"])
            print_lookup(stage, results[stage]["lookup"])

        print("\n== summary ==")
        print(f"{'contacts':>10} | {'list median':>11} | {'list p95':>9} | {'list queries':>12} | "
              f"{'lookup median':>13} | {'lookup p99':>10} | lookup queries | exact COUNT(*) (before): list median / "
              "p95 / queries")
        for stage, r in results.items():
            lst, lk, ex = r["list"], r["lookup"], r["exact"]
            print(f"{stage:>10,} | {lst['median']:>8.1f} ms | {lst['p95']:>6.1f} ms | {lst['queries']:>12} | "
                  f"{lk['median']:>10.0f} µs | {lk['p99']:>7.0f} µs | "
                  + ", ".join(f"{q}×{n}" for q, n in lk["queries"].items())
                  + f" | {ex['median']:.1f} ms / {ex['p95']:.1f} ms / {ex['queries']}")
        small, large = results.get(1_000), results.get(100_000)
        if small and large:
            a, b = small["list"]["queries"], large["list"]["queries"]
            verdict = "identical" if a == b else "DIFFERENT"
            print(f"API list queries per request: {a} at 1,000 contacts, {b} at 100,000 contacts: {verdict}")
        print(f"load average at end: {load_average()}; total run time: {time.perf_counter() - run_started:.0f} s")
    finally:
        connections.close_all()
        if args.keep:
            print(f"kept database {name} ({args.database_url})")
        else:
            drop_database(args.database_url)


if __name__ == "__main__":
    main()
