#!/usr/bin/env python
"""The public status page with 200 services: bytes, time and HTTP caching.

    .venv/bin/python bench/statuspage_bench.py [--requests 30] [--keep]

Works on its own PostgreSQL database (default ``servicedesk_statuspage_bench``; the name must
end in ``_bench``), dropped, created and migrated afresh. The fixtures are bench_major.py's
(``make_fixtures`` then ``load_status_page``): 200 services created 400 days ago, one year of
outages (one every ~5 days per service, so 90 days of uptime bars with some downtime), 10
active and 10 recently resolved major incidents with public and internal updates, 3
maintenance windows. ``GET /status/`` anonymously, in-process with ``django.test.Client``:

* **uncached**: the status page cache invalidated before each request (not timed), as a
  major-incident change does;
* **cached**: the summary (and the rendered services section) in the cache;
* **conditional**: ``If-None-Match`` with the ETag of the previous answer (what a CDN or a
  browser revalidating sends): the status, the body size and the queries.

Median and p95 of ``--requests`` after a warm-up, bytes of the answer (and gzipped, as a CDN
would send it), queries per request and the caching headers. It prints figures, never
pass/fail on time.
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import time

from bench_contacts import drop_database, load_average, machine_line, quantile, recreate_database, setup_django

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/servicedesk_statuspage_bench"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--keep", action="store_true", help="Keep the database afterwards.")
    args = parser.parse_args()
    name = recreate_database(args.database_url)
    setup_django(args.database_url)
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    call_command("migrate", verbosity=0)
    import bench_major  # after setup: its fixtures use the ORM

    from statuspage import caching
    from statuspage.views import _summary

    print(f"statuspage_bench — database {name}")
    for line in machine_line():
        print(line)
    print(f"load before: {load_average()}")
    try:
        fx = bench_major.make_fixtures()
        info = bench_major.load_status_page(fx)
        print(f"fixtures: {len(fx['services'])} services, major incidents {info['majors']}, "
              f"{info['outages']:,} outages ({info['outages_90d']:,} in the last 90 days)")
        client = Client(HTTP_HOST="localhost")

        def get(**headers):
            response = client.get("/status/", **headers)
            if response.status_code not in (200, 304):
                raise SystemExit(f"GET /status/ answered {response.status_code}")
            return response

        def run(label, prepare, **headers):
            prepare()
            get(**headers)  # warm-up
            timings = []
            for _ in range(args.requests):
                prepare()
                started = time.perf_counter()
                get(**headers)
                timings.append((time.perf_counter() - started) * 1000)
            prepare()
            with CaptureQueriesContext(connection) as ctx:
                response = get(**headers)
            body = response.content
            print(f"  GET /status/ {label}: {args.requests} requests, median {statistics.median(timings):.1f} ms, "
                  f"p95 {quantile(timings, 95):.1f} ms, {len(ctx.captured_queries)} queries; "
                  f"status {response.status_code}, {len(body):,} bytes ({len(gzip.compress(body)):,} gzipped)")
            return response

        first = run("uncached", caching.invalidate)
        run("cached", _summary)
        for header in ("ETag", "Last-Modified", "Cache-Control", "Vary"):
            print(f"    {header}: {first.get(header)}")
        if first.get("ETag"):
            _summary()
            etag = get()["ETag"]
            run("conditional (If-None-Match, cached)", _summary, HTTP_IF_NONE_MATCH=etag)
        print(f"load after: {load_average()}")
    finally:
        connection.close()
        if not args.keep:
            drop_database(args.database_url)


if __name__ == "__main__":
    main()
