#!/usr/bin/env python
"""The public status page with 200 services: bytes, time and HTTP caching, the old code and
the new in the same run.

    .venv/bin/python bench/statuspage_bench.py [--requests 30] [--keep] [--reuse] [--before REV]

Works on its own PostgreSQL database (default ``servicedesk_statuspage_bench``; the name must
end in ``_bench``), dropped, created and migrated afresh unless ``--reuse`` (then the fixtures
of an earlier ``--keep`` run are measured again: the lead can re-run it on a quiet machine).
The fixtures are bench_major.py's (``make_fixtures`` then ``load_status_page``): 200 services
created 400 days ago, one year of outages (one every ~5 days per service, so 90 days of
uptime bars with some downtime), 10 active and 10 recently resolved major incidents with
public and internal updates, 3 maintenance windows. ``GET /status/`` anonymously, in-process
with ``django.test.Client``:

* **uncached**: the status page cache invalidated before each request (not timed), as a
  major-incident change does;
* **cached**: the page's current version in the cache (the shared one, Redis);
* **conditional**: ``If-None-Match`` with the ETag of the previous answer (what a CDN or a
  browser revalidating sends): the status, the body size and the queries.

With ``--before REV`` the same measurements run first on the code of ``REV`` (``git archive``
into a temporary directory), then on this checkout, each in its own process (own cache key
prefix), against the same database. For each: median and p95 of ``--requests`` after a
warm-up, the process's own CPU time per request (``time.process_time``: what the load of the
machine does not inflate), queries per request and their time, bytes of the answer (and
gzipped, as a CDN would send it) and the caching headers, with the load average before and
after. It prints figures, never pass/fail on time.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

from bench_contacts import drop_database, load_average, migrate_fresh, quantile, recreate_database

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/servicedesk_statuspage_bench"
HERE = Path(__file__).resolve()
ROOT = HERE.parent.parent


def _setup(url: str, root: Path) -> None:
    """Django on ``root``'s code (this checkout, or an older one unpacked by --before)."""
    os.environ["BENCH_DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    sys.path.insert(0, str(root))
    os.chdir(root)
    import django

    django.setup()


def build(url: str) -> None:
    """A fresh database with bench_major.py's status page fixtures."""
    from bench_contacts import machine_line

    name = recreate_database(url)
    _setup(url, ROOT)
    from django.db import connection

    migrate_fresh()
    import bench_major  # after setup: its fixtures use the ORM

    print(f"statuspage_bench — database {name}")
    for line in machine_line():
        print(line)
    fx = bench_major.make_fixtures()
    info = bench_major.load_status_page(fx)
    print(f"fixtures: {len(fx['services'])} services, major incidents {info['majors']}, "
          f"{info['outages']:,} outages ({info['outages_90d']:,} in the last 90 days)")
    connection.close()


def measure(url: str, root: Path, requests: int) -> dict:
    """One code's figures (run in its own process: ``--measure ROOT``)."""
    _setup(url, root)
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from statuspage import caching

    client = Client(HTTP_HOST="localhost")
    out = {"load_before": load_average(), "runs": {}}

    def get(**headers):
        response = client.get("/status/", **headers)
        if response.status_code not in (200, 304):
            raise SystemExit(f"GET /status/ answered {response.status_code}")
        return response

    def run(label, prepare, **headers):
        prepare()
        get(**headers)  # warm-up
        prepare()
        get(**headers)
        timings, cpu = [], []
        for _ in range(requests):
            prepare()
            started, started_cpu = time.perf_counter(), time.process_time()
            get(**headers)
            cpu.append((time.process_time() - started_cpu) * 1000)
            timings.append((time.perf_counter() - started) * 1000)
        prepare()
        with CaptureQueriesContext(connection) as ctx:
            response = get(**headers)
        body = response.content
        out["runs"][label] = {
            "median": statistics.median(timings), "p95": quantile(timings, 95),
            "cpu_median": statistics.median(cpu), "cpu_p95": quantile(cpu, 95),
            "queries": len(ctx.captured_queries),
            "sql_ms": sum(float(q["time"]) for q in ctx.captured_queries) * 1000,
            "status": response.status_code, "bytes": len(body), "gzipped": len(gzip.compress(body)),
        }
        return response

    def nothing():
        pass

    first = run("uncached", caching.invalidate)
    out["headers"] = {h: first.get(h) for h in ("ETag", "Last-Modified", "Cache-Control", "Vary")}
    # A new version of the page (kept TTL seconds) before each of the next two: the runs stay
    # within it, so they measure what they say.
    caching.invalidate()
    get()
    run("cached", nothing)
    if first.get("ETag"):
        caching.invalidate()
        etag = get()["ETag"]
        run("conditional", nothing, HTTP_IF_NONE_MATCH=etag)
    out["load_after"] = load_average()
    connection.close()
    return out


def _unpack(rev: str) -> Path:
    directory = Path(tempfile.mkdtemp(prefix="statuspage-bench-"))
    archive = subprocess.run(["git", "archive", rev], cwd=ROOT, check=True, capture_output=True).stdout  # noqa: S607
    with tarfile.open(fileobj=__import__("io").BytesIO(archive)) as tar:
        tar.extractall(directory, filter="data")
    return directory


def _child(url: str, root: Path, requests: int) -> dict:
    result = subprocess.run([sys.executable, str(HERE), "--database-url", url, "--requests", str(requests),  # noqa: S603
                             "--measure", str(root)], check=True, capture_output=True, text=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def report(label: str, figures: dict) -> None:
    print(f"{label}: load {figures['load_before']} → {figures['load_after']}")
    for name, r in figures["runs"].items():
        print(f"  GET /status/ {name}: median {r['median']:.1f} ms, p95 {r['p95']:.1f} ms; "
              f"CPU median {r['cpu_median']:.1f} ms, p95 {r['cpu_p95']:.1f} ms; "
              f"{r['queries']} queries ({r['sql_ms']:.1f} ms); status {r['status']}, {r['bytes']:,} bytes "
              f"({r['gzipped']:,} gzipped)")
    for header, value in figures["headers"].items():
        print(f"    {header}: {value}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--keep", action="store_true", help="Keep the database afterwards.")
    parser.add_argument("--reuse", action="store_true", help="Measure the database an earlier --keep run left.")
    parser.add_argument("--before", metavar="REV", help="Measure the code of this git revision first.")
    parser.add_argument("--measure", metavar="ROOT", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.database_url, Path(args.measure), args.requests)))
        return
    if not args.reuse:
        build(args.database_url)
    print(f"load before: {load_average()}; {args.requests} requests each")
    old = None
    try:
        if args.before:
            old = _unpack(args.before)
            report(f"before ({args.before})", _child(args.database_url, old, args.requests))
        report("after (this checkout)", _child(args.database_url, ROOT, args.requests))
        print(f"load after: {load_average()}")
    finally:
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
        if not args.keep and not args.reuse:
            drop_database(args.database_url)


if __name__ == "__main__":
    main()
