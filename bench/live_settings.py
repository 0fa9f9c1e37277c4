"""Settings of ``bench/live_bench.py``: ``bench.settings`` with one cache key prefix for the
benchmark process and every gunicorn worker (the test settings draw one per process, and
live pages only work when the web processes and the writers share their cache keys)."""

import os

from bench.settings import *  # noqa: F403
from bench.settings import CACHES

CACHES["default"]["KEY_PREFIX"] = "live-bench"

# LIVE_BENCH_SESSIONS=cached_db: sessions read from the cache (written through to the
# database), so that a poll reads no table at all.
if os.environ.get("LIVE_BENCH_SESSIONS") == "cached_db":
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# The cache backend (core.redis_cache) keeps one redis.Redis client per pool: the polls no
# longer keep their own (LIVE_BENCH_REUSE_CLIENT, LIVE_REUSE_CLIENT are gone).
