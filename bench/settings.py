"""Settings for the benchmarks (``DJANGO_SETTINGS_MODULE=bench.settings``): the test
settings (real PostgreSQL and Redis, DEBUG off), pointed at the benchmark database named by
``BENCH_DATABASE_URL``, with a per-user rate limit that a tight request loop never reaches
(the throttle and its Redis round trips stay in the measured path)."""

import os

import dj_database_url

from servicedesk.settings.test import *  # noqa: F403
from servicedesk.settings.test import CACHES, REST_FRAMEWORK

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/servicedesk_bench"),
        conn_max_age=60,
        conn_health_checks=True,
    )
}
# Not the tests' cache database (14): the test fixtures clear their own keys with a SCAN, whose
# cost grows with every key in that database — a bench's 85,000 sessions and rate counters left
# there made each test's setup and teardown 40–55 ms slower (tests/README.md).
CACHES["default"]["LOCATION"] = os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/13")
REST_FRAMEWORK = {
    **REST_FRAMEWORK,
    "DEFAULT_THROTTLE_RATES": {**REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "user": "1000000/s"},
}
