#!/usr/bin/env python
"""The search box at volume (issue 21): ``search.engine.search`` and ``GET /api/v1/search/``
over 1,000,000 incidents and 1,000,000 contacts, p50/p95 per kind of query, before and after
the stored vectors of ``search/migrations/0002`` in one run.

    .venv/bin/python bench/search_bench.py [--incidents 1000000] [--contacts 1000000]
                                           [--requests 200] [--creates 200] [--keep] [--reuse]
                                           [--before-commit 795e815] [--no-before]

Works on its own PostgreSQL database (default ``servicedesk_search_bench``; the name must end
in ``_bench``), which it drops, creates and migrates (``--reuse``: the one a ``--keep`` run
left, as it is). The search app is held at ``0001`` (expression indexes) for the load and the
"before" figures, then migrated to ``0002`` (timed: it fills each table's ``search_vector``
through its trigger and builds the GIN indexes) for the "after" ones. "Before" is the engine
of ``--before-commit`` (its ``search/engine.py`` and ``search/vectors.py``, read with
``git show``: the last one on the expression indexes); "after" is the working tree's.
Around each, the tables' and indexes' sizes and the cost of creating incidents: ``POST
/api/v1/incidents/`` ``--creates`` times, and one ``INSERT … SELECT`` of 20,000 (then deleted).
Then:

* incidents: one ``INSERT … SELECT … FROM generate_series`` (a template row's columns, a
  number from the id, a title of 3–7 words and a description of 15–40 words drawn from a
  vocabulary of 5,000 words with a skewed, Zipf-like frequency: a handful of words are in a
  large share of the incidents, most are rare);
* contacts: ``manage.py generate_load`` (COPY; names from 36 first × 30 last names, 1.2 Greek
  mobile numbers each, ``c<number>@load.example.test`` addresses, one customer per 10);
* the search's GIN indexes are dropped before the load and built again after it (as
  ``search/migrations/0001`` builds them), then ``VACUUM (ANALYZE)``.

Each query class is measured on ``--requests`` queries drawn at random from its pool (after a
warm-up), as an agent (who sees everything: the widest search), with ``search()`` called in
this process; the API's whole stack (DRF ``APIClient``, token, throttle) for the mixed pool.
``--compare COMMIT`` (with ``--reuse``): the engine of ``COMMIT`` and the working tree's on the
same schema, each query of each class searched by both in turn (the machine's load falls on
both alike): wall p50/p95, this process's CPU and the statements' time per search.

Figures are printed, never judged; see ``bench/README.md``.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_contacts import (  # noqa: E402
    drop_database,
    grow_to,
    load_average,
    machine_line,
    make_agent_client,
    quantile,
    recreate_database,
    setup_django,
)

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/servicedesk_search_bench"
#: The last commit whose engine read the expression indexes of search/migrations/0001.
BEFORE_COMMIT = "795e815"
VOCABULARY = 5000
COMMON = [
    "error",
    "server",
    "login",
    "printer",
    "network",
    "email",
    "password",
    "slow",
    "access",
    "vpn",
    "database",
    "timeout",
    "laptop",
    "update",
    "outlook",
    "wifi",
    "account",
    "payment",
    "invoice",
    "report",
    "screen",
    "phone",
    "backup",
    "disk",
    "memory",
    "certificate",
    "browser",
    "portal",
    "sync",
    "license",
]
SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ne",
    "ta",
    "ri",
    "so",
    "vu",
    "pe",
    "da",
    "zo",
    "ch",
    "ar",
    "el",
    "io",
    "an",
    "tr",
    "ks",
    "ou",
    "ph",
]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--incidents", type=int, default=1_000_000)
    parser.add_argument("--contacts", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=200, help="Queries measured per query class.")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", action="store_true", help="Keep the database afterwards (to EXPLAIN by hand).")
    parser.add_argument("--reuse", action="store_true", help="Use the database a --keep run left (no load).")
    parser.add_argument("--creates", type=int, default=200, help="Timed POST /api/v1/incidents/ per phase.")
    parser.add_argument(
        "--before-commit",
        default=BEFORE_COMMIT,
        help="The commit whose search engine is measured as 'before' (expression indexes).",
    )
    parser.add_argument("--no-before", action="store_true", help="Only the 'after' figures (search at 0002).")
    parser.add_argument(
        "--scan-rows",
        type=int,
        default=None,
        help="Override search.engine.SCAN_ROWS (newest rows checked before the GIN index).",
    )
    parser.add_argument(
        "--compare",
        default="",
        metavar="COMMIT",
        help="On a --reuse database: the engine of COMMIT against the working tree's, query by "
        "query in turn, on the same schema (no migration back): wall p50/p95, this process's "
        "CPU and the statements' time per search, per class.",
    )
    parser.add_argument(
        "--explain",
        type=int,
        default=0,
        metavar="N",
        help="On a --reuse database: for each word class, EXPLAIN (ANALYZE, BUFFERS) of the working "
        "tree's statement for the slowest of N queries of that class.",
    )
    return parser.parse_args()


def vocabulary(rng: random.Random) -> list[str]:
    """The common IT words first (most frequent), then made-up words for the long tail."""
    words = list(COMMON)
    seen = set(words)
    while len(words) < VOCABULARY:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(3, 4)))
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


def word_sql(n: int) -> str:
    """A word of the vocabulary (``%(v)s``), index skewed towards the start: ``n * random()^3``."""
    return f"(%(v)s::text[])[1 + floor({n} * power(random(), 3))::int]"


def load_incidents(count: int, words: list[str]) -> float:
    from django.db import connection

    from catalog.models import Service
    from catalog.tests.factories import ServiceFactory
    from incidents.models import Incident

    service = Service.objects.order_by("pk").first() or ServiceFactory()  # a reused database has one
    template = Incident.objects.create(title="template", description="", service=service)
    own = {"id", "number", "title", "description", "created_at", "updated_at"}
    fields = [f for f in Incident._meta.concrete_fields if f.column not in own]
    stamps = [c for c in ("created_at", "updated_at") if c in {f.column for f in Incident._meta.concrete_fields}]
    columns = ", ".join(f'"{f.column}"' for f in fields)
    table = Incident._meta.db_table
    pick = word_sql(len(words))
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit TO OFF")
        cursor.execute(
            f"""
            INSERT INTO "{table}" ("id", "number", "title", "description", {", ".join(stamps)}, {columns})
            SELECT s.nid, 'INC' || lpad(s.nid::text, greatest(6, length(s.nid::text)), '0'),
                   array_to_string(ARRAY(SELECT {pick} FROM generate_series(1, 3 + (s.g %% 5))), ' '),
                   array_to_string(ARRAY(SELECT {pick} FROM generate_series(1, 15 + (s.g %% 26))), ' '),
                   {", ".join("now() - s.g * interval '30 seconds'" for _ in stamps)},
                   {", ".join(f't."{f.column}"' for f in fields)}
            FROM (SELECT nextval(pg_get_serial_sequence('"{table}"', 'id')) AS nid, g
                  FROM generate_series(1, %(n)s) g) s,
                 (SELECT * FROM "{table}" WHERE id = %(template)s) t
        """,
            {"v": words, "n": count, "template": template.pk},
        )
    template.delete()
    return time.perf_counter() - started


def search_indexes() -> list[tuple[str, str, str]]:
    """``(name, table, expression)`` of every GIN index ``search/migrations/0001`` builds."""
    from importlib import import_module

    return import_module("search.migrations.0001_fulltext_indexes").INDEXES


def drop_indexes() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        for name, _table, _expression in search_indexes():
            cursor.execute(f'DROP INDEX IF EXISTS "{name}"')


def build_indexes() -> list[tuple[str, float]]:
    from django.db import connection

    took = []
    with connection.cursor() as cursor:
        cursor.execute("SET maintenance_work_mem TO '512MB'")
        for name, table, expression in search_indexes():
            started = time.perf_counter()
            cursor.execute(f'CREATE INDEX "{name}" ON "{table}" USING gin (({expression}))')
            took.append((name, time.perf_counter() - started))
        cursor.execute("VACUUM (ANALYZE) incidents_incident, catalog_contact, catalog_contactphone, catalog_customer")
    return took


def pools(words: list[str], rng: random.Random, n: int) -> dict[str, list[str]]:
    from django.db import connection

    from catalog.management.commands.generate_load import LAST_NAMES, PERSON_NAMES

    with connection.cursor() as cursor:
        cursor.execute("SELECT max(id) FROM incidents_incident")
        top = cursor.fetchone()[0] or 1
        cursor.execute("SELECT number FROM catalog_contactphone TABLESAMPLE SYSTEM (1) LIMIT %s", [n])
        phones = [row[0] for row in cursor.fetchall()] or ["+306900000001"]
        cursor.execute("SELECT email FROM catalog_contact WHERE email <> '' ORDER BY random() LIMIT %s", [n])
        emails = [row[0] for row in cursor.fetchall()] or ["nobody@example.test"]

    def national(e164: str) -> str:  # +3069xxxxxxxx -> "0030 69x xxx xxxx" and friends
        rest = e164[3:]
        return rng.choice(
            [e164, f"+30 {rest[:3]} {rest[3:6]} {rest[6:]}", f"0030-{rest}", f"{rest[:3]} {rest[3:6]} {rest[6:]}"]
        )

    return {
        "number (INC…)": [f"inc{rng.randint(1, top)}" for _ in range(n)],
        "phone (any format)": [national(rng.choice(phones)) for _ in range(n)],
        "email": [rng.choice(emails).upper() for _ in range(n)],
        "1 common word": [rng.choice(words[:10]) for _ in range(n)],
        "1 mid word": [rng.choice(words[100:1000]) for _ in range(n)],
        "1 rare word": [rng.choice(words[2000:]) for _ in range(n)],
        "2 words": [f"{rng.choice(words[:300])} {rng.choice(words[300:3000])}" for _ in range(n)],
        "prefix (typing)": [rng.choice(words[30:2000])[:4] for _ in range(n)],
        "contact last name": [rng.choice(LAST_NAMES) for _ in range(n)],
        "contact full name": [rng.choice(PERSON_NAMES) for _ in range(n)],
    }


def measure(search, user, queries: list[str]) -> tuple[float, float, float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for q in queries[:10]:
        search(user, q)
    times, found = [], 0
    for q in queries:
        started = time.perf_counter()
        outcome = search(user, q)
        times.append((time.perf_counter() - started) * 1000)
        found += len(outcome.hits)
    with CaptureQueriesContext(connection) as ctx:
        search(user, queries[0])
    return quantile(times, 50), quantile(times, 95), found / len(queries), len(ctx.captured_queries)


def compare(engines: list[tuple[str, object]], user, query_pools: dict[str, list[str]]) -> None:
    """Each query of each class searched by every engine in turn (so the machine's load falls
    on them alike): wall p50 / p95 ms, this process's CPU ms and the statements' wall ms
    (``StatementTimer``) per search (means), and the statements of the largest search."""
    from bench_contacts import StatementTimer
    from django.db import connection

    print(
        f"  {'query class':<20} "
        + "  ".join(f"{name + ' p50/p95 wall':>22} {'CPU':>6} {'SQL':>6} {'n':>3}" for name, _ in engines)
    )
    for label, queries in query_pools.items():
        for _, search in engines:
            for q in queries[:5]:
                search(user, q)
        stats = {name: ([], [], [], []) for name, _ in engines}
        for q in queries:
            for name, search in engines:
                timer = StatementTimer()
                with connection.execute_wrapper(timer):
                    cpu, wall = time.process_time(), time.perf_counter()
                    search(user, q)
                    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
                walls, cpus, sqls, counts = stats[name]
                walls.append(wall * 1000)
                cpus.append(cpu * 1000)
                sqls.append(sum(ms for ms, _ in timer.rows))
                counts.append(len(timer.rows))
        cells = []
        for name, _ in engines:
            walls, cpus, sqls, counts = stats[name]
            cells.append(
                f"{quantile(walls, 50):>10.1f} / {quantile(walls, 95):>8.1f} "
                f"{sum(cpus) / len(cpus):>6.1f} {sum(sqls) / len(sqls):>6.1f} {max(counts):>3}"
            )
        print(f"  {label:<20} " + "  ".join(cells) + f"   (load {load_average()})", flush=True)


def explain(search, user, query_pools: dict[str, list[str]], n: int) -> None:
    """For each word class: the slowest of ``n`` queries (by the statements' time, the quicker
    of two runs), its statements with EXPLAIN (ANALYZE, BUFFERS) — the plan a reader needs to
    see where a class's time goes. (A statement that switches JIT off is shown, not run.)"""
    from django.db import connection, transaction

    class Capture:
        def __init__(self):
            self.rows = []

        def __call__(self, execute, sql, params, many, context):
            started = time.perf_counter()
            try:
                return execute(sql, params, many, context)
            finally:
                self.rows.append(((time.perf_counter() - started) * 1000, sql, params))

    for label, queries in query_pools.items():
        if label.startswith(("number", "phone", "email")):
            continue
        slowest = (-1.0, "", [])
        for q in queries[:n]:
            search(user, q)
            runs = []
            for _ in range(2):  # the quicker of two: a busy machine's stalls are not the query's
                capture = Capture()
                with connection.execute_wrapper(capture):
                    search(user, q)
                runs.append((sum(ms for ms, _, _ in capture.rows), capture.rows))
            took, rows = min(runs, key=lambda run: run[0])
            if took > slowest[0]:
                slowest = (took, q, rows)
        took, q, rows = slowest
        print(f"== {label}: slowest of {n}: {q!r}, {took:.1f} ms in {len(rows)} statement(s) (load {load_average()})")
        with transaction.atomic(), connection.cursor() as cursor:  # (SET LOCAL holds in it)
            for _ms, sql, params in rows:
                if sql.startswith("SET "):
                    print(f"    {sql}")
                    cursor.execute(sql, params)
                    continue
                cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) {sql}", params)
                print("\n".join(f"    {line}" for (line,) in cursor.fetchall()))


def measure_api(client, queries: list[str]) -> tuple[float, float]:
    for q in queries[:10]:
        client.get("/api/v1/search/", {"q": q})
    times = []
    for q in queries:
        started = time.perf_counter()
        response = client.get("/api/v1/search/", {"q": q})
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (q, response.status_code, response.content[:200])
    return quantile(times, 50), quantile(times, 95)


def engine_at(commit: str):
    """``search/engine.py`` as it was at ``commit`` (with its ``vectors.py``), importable as
    ``search_before.engine``."""
    import importlib
    import subprocess
    import tempfile

    root = Path(__file__).resolve().parent.parent
    package = Path(tempfile.mkdtemp(prefix="search_bench_")) / "search_before"
    package.mkdir()
    (package / "__init__.py").write_text("")
    for name in ("engine.py", "vectors.py"):
        text = subprocess.run(
            ["git", "-C", str(root), "show", f"{commit}:search/{name}"], capture_output=True, text=True, check=True
        ).stdout
        (package / name).write_text(text)
    sys.path.insert(0, str(package.parent))
    return importlib.import_module("search_before.engine")


TABLES = ["incidents_incident", "catalog_contact", "catalog_customer", "requests_servicerequest"]


def sizes() -> dict[str, tuple[int, int, int]]:
    """table -> (heap incl. TOAST, all its indexes, the search indexes) in bytes."""
    from django.db import connection

    found = {}
    with connection.cursor() as cursor:
        for table in TABLES:
            cursor.execute(
                """
                SELECT pg_table_size(%(t)s::regclass), pg_indexes_size(%(t)s::regclass),
                       COALESCE(sum(pg_relation_size(i.indexrelid)) FILTER (
                           WHERE c.relname LIKE 'search\\_%%' OR c.relname = %(t)s || '_search'), 0)
                FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = %(t)s::regclass
            """,
                {"t": table},
            )
            found[table] = tuple(int(v or 0) for v in cursor.fetchone())
    return found


def print_sizes(label: str, found: dict) -> None:
    for table, (heap, indexes, search) in found.items():
        print(
            f"  {label}: {table:<26} table {heap / 2**20:8.1f} MiB, indexes {indexes / 2**20:7.1f} MiB "
            f"(search's {search / 2**20:6.1f} MiB)"
        )


def creation(client, creates: int, words: list[str]) -> str:
    """Incidents per second through the API, and an INSERT … SELECT of 20,000 (deleted after)."""
    from django.db import connection

    from catalog.models import Service
    from incidents.models import Incident

    service = Service.objects.order_by("pk").values_list("pk", flat=True).first()

    def post(k):
        answer = client.post(
            "/api/v1/incidents/",
            {
                "title": f"created by the bench {k}",
                "description": "a new incident, to time its creation",
                "service": service,
                "impact": 2,
                "urgency": 2,
                "channel": "phone",
            },
            format="json",
        )
        assert answer.status_code == 201, answer.content[:300]

    for k in range(10):
        post(k)
    times = []
    started = time.perf_counter()
    for k in range(creates):
        one = time.perf_counter()
        post(k)
        times.append((time.perf_counter() - one) * 1000)
    rate = creates / (time.perf_counter() - started)
    top = Incident.objects.order_by("-pk").values_list("pk", flat=True).first()
    took = load_incidents(20000, words)
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM incidents_incident WHERE id > %s", [top])
        cursor.execute("VACUUM (ANALYZE) incidents_incident")
    return (
        f"POST /api/v1/incidents/ × {creates}: {rate:.1f} incidents/s, median {quantile(times, 50):.1f} ms, "
        f"p95 {quantile(times, 95):.1f} ms; INSERT … SELECT 20,000: {took:.2f} s "
        f"({took / 20000 * 1e6:.0f} µs a row)"
    )


def migrate_but_search() -> None:
    """Every app's migrations; the search app's up to ``0001`` (its expression indexes) on a new
    database, left where it is on a reused one."""
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.loader import MigrationLoader

    loader = MigrationLoader(connection)
    if ("search", "0001_fulltext_indexes") not in loader.applied_migrations:
        call_command("migrate", "search", "0001", verbosity=0)
        loader = MigrationLoader(connection)
    for app, name in loader.graph.leaf_nodes():
        if app != "search" and (app, name) not in loader.applied_migrations:
            call_command("migrate", app, verbosity=0)


def main() -> None:
    args = parse_args()
    rng = random.Random(args.seed)
    # National numbers ("694 123 4567") are read in the desk's region, as a Greek desk would set it.
    os.environ.setdefault("PHONE_DEFAULT_REGION", "GR")
    if not args.reuse:
        recreate_database(args.database_url)
    setup_django(args.database_url)
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection

    from search import engine
    from search.engine import search as search_after

    if args.scan_rows:
        engine.SCAN_ROWS = args.scan_rows
        print(f"  SCAN_ROWS = {args.scan_rows}")

    print("\n".join(machine_line()))
    words = vocabulary(rng)
    if not args.reuse:
        migrate_but_search()
        drop_indexes()
        took = load_incidents(args.incidents, words)
        print(f"  {args.incidents:,} incidents: {took:.1f} s (INSERT … SELECT generate_series)")
        grow_to(args.contacts, 20000, args.seed)
        for name, seconds in build_indexes():
            print(f"  CREATE INDEX {name}: {seconds:.1f} s")
    else:
        started = time.perf_counter()
        migrate_but_search()
        if not args.no_before:
            call_command("migrate", "search", "0001", verbosity=0)
        print(
            f"  migrate (the search app {'held at 0001' if not args.no_before else 'left'} as it was): "
            f"{time.perf_counter() - started:.1f} s"
        )
        with connection.cursor() as cursor:
            cursor.execute("VACUUM (ANALYZE) incidents_incident, catalog_contact, catalog_customer")
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM incidents_incident")
        incidents = cursor.fetchone()[0]
        cursor.execute("SELECT count(*) FROM catalog_contact")
        contacts = cursor.fetchone()[0]
    client = make_agent_client()
    agent = get_user_model().objects.get(username="bench-agent")
    query_pools = pools(words, rng, args.requests)
    if args.explain:
        call_command("migrate", "search", verbosity=0)
        explain(search_after, agent, query_pools, args.explain)
        return
    if args.compare:
        call_command("migrate", "search", verbosity=0)
        print(
            f"== {args.compare} → working tree: {incidents:,} incidents, {contacts:,} contacts; {args.requests} "
            f"queries per class, as an agent (load {load_average()}) =="
        )
        compare([(args.compare, engine_at(args.compare).search), ("now", search_after)], agent, query_pools)
        return
    figures: dict[str, dict[str, tuple]] = {}
    phases = [] if args.no_before else [("before", engine_at(args.before_commit).search)]
    phases.append(("after", search_after))
    for phase, search in phases:
        if phase == "after":
            started = time.perf_counter()
            call_command("migrate", "search", verbosity=0)
            migrated = time.perf_counter() - started
            started = time.perf_counter()
            with connection.cursor() as cursor:
                cursor.execute(
                    "VACUUM (ANALYZE) incidents_incident, catalog_contact, catalog_customer, requests_servicerequest"
                )
            print(
                f"  migrate search 0002 (fill the stored vectors, build their GIN indexes, drop 0001's): "
                f"{migrated:.1f} s; VACUUM (ANALYZE) after it {time.perf_counter() - started:.1f} s"
            )
        print_sizes(phase, sizes())
        print(f"  {phase}: {creation(client, args.creates, words)} (load {load_average()})")
        print(
            f"== search {phase}: {incidents:,} incidents, {contacts:,} contacts; {args.requests} queries per "
            f"class (load {load_average()}) =="
        )
        print(f"  {'query class':<22} {'p50 ms':>8} {'p95 ms':>8} {'results':>8} {'queries':>8}")
        all_queries = []
        figures[phase] = {}
        for label, queries in query_pools.items():
            p50, p95, found, statements = measure(search, agent, queries)
            figures[phase][label] = (p50, p95)
            all_queries += queries[: max(1, args.requests // 10)]
            print(f"  {label:<22} {p50:>8.1f} {p95:>8.1f} {found:>8.1f} {statements:>8}")
        random.Random(args.seed).shuffle(all_queries)
        if phase == "after":
            p50, p95 = measure_api(client, all_queries)
            print(f"  {'API, mixed':<22} {p50:>8.1f} {p95:>8.1f}")
    if len(figures) == 2:
        print(f"== before → after (p50 / p95 ms; load {load_average()}) ==")
        for label in query_pools:
            (b50, b95), (a50, a95) = figures["before"][label], figures["after"][label]
            print(f"  {label:<22} {b50:>8.1f} / {b95:>8.1f}  →  {a50:>8.1f} / {a95:>8.1f}")
    if not args.keep:
        from django.db import connections

        connections.close_all()
        drop_database(args.database_url)


if __name__ == "__main__":
    main()
