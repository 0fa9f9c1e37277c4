#!/usr/bin/env python
"""The search box at volume (issue 21): ``search.engine.search`` and ``GET /api/v1/search/``
over 1,000,000 incidents and 1,000,000 contacts, p50/p95 per kind of query.

    .venv/bin/python bench/search_bench.py [--incidents 1000000] [--contacts 1000000]
                                           [--requests 200] [--keep]

Works on its own PostgreSQL database (default ``servicedesk_search_bench``; the name must end
in ``_bench``), which it drops, creates and migrates. Then:

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
VOCABULARY = 5000
COMMON = [
    "error", "server", "login", "printer", "network", "email", "password", "slow", "access", "vpn",
    "database", "timeout", "laptop", "update", "outlook", "wifi", "account", "payment", "invoice", "report",
    "screen", "phone", "backup", "disk", "memory", "certificate", "browser", "portal", "sync", "license",
]
SYLLABLES = ["ka", "lo", "mi", "ne", "ta", "ri", "so", "vu", "pe", "da", "zo", "ch", "ar", "el", "io", "an", "tr",
             "ks", "ou", "ph"]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--incidents", type=int, default=1_000_000)
    parser.add_argument("--contacts", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=200, help="Queries measured per query class.")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", action="store_true", help="Keep the database afterwards (to EXPLAIN by hand).")
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

    from catalog.tests.factories import ServiceFactory
    from incidents.models import Incident

    template = Incident.objects.create(title="template", description="", service=ServiceFactory())
    own = {"id", "number", "title", "description", "created_at", "updated_at"}
    fields = [f for f in Incident._meta.concrete_fields if f.column not in own]
    stamps = [c for c in ("created_at", "updated_at") if c in {f.column for f in Incident._meta.concrete_fields}]
    columns = ", ".join(f'"{f.column}"' for f in fields)
    table = Incident._meta.db_table
    pick = word_sql(len(words))
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit TO OFF")
        cursor.execute(f"""
            INSERT INTO "{table}" ("id", "number", "title", "description", {", ".join(stamps)}, {columns})
            SELECT s.nid, 'INC' || lpad(s.nid::text, greatest(6, length(s.nid::text)), '0'),
                   array_to_string(ARRAY(SELECT {pick} FROM generate_series(1, 3 + (s.g %% 5))), ' '),
                   array_to_string(ARRAY(SELECT {pick} FROM generate_series(1, 15 + (s.g %% 26))), ' '),
                   {", ".join("now() - s.g * interval '30 seconds'" for _ in stamps)},
                   {", ".join(f't."{f.column}"' for f in fields)}
            FROM (SELECT nextval(pg_get_serial_sequence('"{table}"', 'id')) AS nid, g
                  FROM generate_series(1, %(n)s) g) s,
                 (SELECT * FROM "{table}" WHERE id = %(template)s) t
        """, {"v": words, "n": count, "template": template.pk})
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
        return rng.choice([e164, f"+30 {rest[:3]} {rest[3:6]} {rest[6:]}", f"0030-{rest}",
                           f"{rest[:3]} {rest[3:6]} {rest[6:]}"])

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


def measure(user, queries: list[str]) -> tuple[float, float, float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from search.engine import search

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


def main() -> None:
    args = parse_args()
    rng = random.Random(args.seed)
    # National numbers ("694 123 4567") are read in the desk's region, as a Greek desk would set it.
    os.environ.setdefault("PHONE_DEFAULT_REGION", "GR")
    recreate_database(args.database_url)
    setup_django(args.database_url)
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    print("\n".join(machine_line()))
    drop_indexes()
    words = vocabulary(rng)
    took = load_incidents(args.incidents, words)
    print(f"  {args.incidents:,} incidents: {took:.1f} s (INSERT … SELECT generate_series)")
    grow_to(args.contacts, 20000, args.seed)
    for name, seconds in build_indexes():
        print(f"  CREATE INDEX {name}: {seconds:.1f} s")
    print(f"== search: {args.incidents:,} incidents, {args.contacts:,} contacts; {args.requests} queries per class "
          f"(load {load_average()}) ==")
    client = make_agent_client()
    agent = get_user_model().objects.get(username="bench-agent")
    all_queries = []
    print(f"  {'query class':<22} {'p50 ms':>8} {'p95 ms':>8} {'results':>8} {'queries':>8}")
    for label, queries in pools(words, rng, args.requests).items():
        p50, p95, found, statements = measure(agent, queries)
        all_queries += queries[: max(1, args.requests // 10)]
        print(f"  {label:<22} {p50:>8.1f} {p95:>8.1f} {found:>8.1f} {statements:>8}")
    rng.shuffle(all_queries)
    p50, p95 = measure_api(client, all_queries)
    print(f"  {'API, mixed':<22} {p50:>8.1f} {p95:>8.1f}")
    if not args.keep:
        from django.db import connections

        connections.close_all()
        drop_database(args.database_url)


if __name__ == "__main__":
    main()
