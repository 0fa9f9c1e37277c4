"""The rollup figures, cached under the rollups' version (issue 23: the dashboard for a year
of 10,000,000 calls).

Everything read from the rollup tables for a period is a function of the period and of
what the rollups last wrote, so it is kept in the shared cache under a *version* that every
rollup run replaces when it writes (:func:`rollups_changed`, called by :mod:`kpis.rollups`):
the first read after a run computes the figures, every read until the next run (the beat
task's ``KPI_ROLLUP_SECONDS``, 5 minutes by default) takes them from the cache, by any web
process. Entries also expire after ``TTL`` seconds whatever happens. Figures read live from
other apps' tables (the customers' figures, ticket surveys, opportunities, knowledge) and the
configuration (queue and provider names, costs) are never cached here.

:class:`core.caching.ReadCache` holds them: when the cache is unreachable the figures are
computed from the database, as before."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import TypeVar

from django.db import transaction

from core.caching import ReadCache

T = TypeVar("T")

#: Seconds an entry is kept at most (the version normally changes sooner: every rollup run).
TTL = 900

_cache = ReadCache("kpis:rollups", ttl=TTL, label="KPI rollups")


def rollup_cached(key: tuple, build: Callable[[], T]) -> T:
    """``build()``'s result for ``key`` (a tuple of the period, filters and figure name) under
    the rollups' current version."""
    digest = hashlib.sha1(repr(key).encode(), usedforsecurity=False).hexdigest()  # a key any backend takes
    return _cache.cached(f"{key[0]}:{digest}", build)


def rollups_changed() -> None:
    """A rollup wrote rows: a new version at once (this process's next read sees the new
    rows, inside the rollup's transaction too), and again once the transaction commits (so a
    read by another process between the two, which still saw the old rows, is not kept)."""
    _cache.clear()
    transaction.on_commit(_cache.clear)
