"""The status page's read cache: what the selectors built, kept for ``TTL`` seconds in the
shared cache (Redis in production, so every web process sees the same copy).

Entries are keyed by a generation token; :func:`invalidate` replaces the token, which drops
every entry at once (the major incident signals and maintenance writes call it). Only data
is cached, never a rendered response: the page carries a CSRF token and, for staff who are
signed in, their own menu. When the cache is unreachable the page is built from the
database instead of failing: a status page must work best when things are broken."""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache

logger = logging.getLogger(__name__)

T = TypeVar("T")
TTL = 30
GENERATION_KEY = "statuspage:generation"


def _generation() -> str:
    return cache.get_or_set(GENERATION_KEY, lambda: secrets.token_hex(4), timeout=None)


def cached(name: str, build: Callable[[], T], ttl: int = TTL) -> T:
    """``build()``'s result, from the cache when a fresh copy is there."""
    try:
        key = f"statuspage:{_generation()}:{name}"
        hit = cache.get(key)
    except Exception:  # any backend error: serve from the database
        logger.warning("status page cache unavailable; building %s from the database", name, exc_info=True)
        return build()
    if hit is not None:
        return hit[0]
    value = build()
    try:
        cache.set(key, (value,), ttl)  # wrapped, so a None result is cached too
    except Exception:
        logger.warning("status page cache unavailable; %s not stored", name, exc_info=True)
    return value


def invalidate() -> None:
    """Drop every cached entry (they expire on their own; this only makes news show at once)."""
    try:
        cache.set(GENERATION_KEY, secrets.token_hex(4), timeout=None)
    except Exception:
        logger.warning("status page cache unavailable; not invalidated", exc_info=True)
