"""The help centre's read cache: what the /help/ pages read from the database (a language's
home page, a search's results, an article's rendered body), kept for ``TTL`` seconds in the
shared cache (Redis in production, so every web process sees the same copy).

Every entry is stored under Django's cache ``version`` argument set to one shared version
number; :func:`help_cache_clear` increments that number, which makes every entry unreachable
at once (one ``INCR``, whatever the number of entries; the old ones expire on their own).
``knowledge.services`` calls it on commit after an article is published or retired, so the
news shows at once; counters (views, votes) are allowed to lag by ``TTL``.

Only data is cached, never a rendered response: the article page carries a CSRF token and
signed-in visitors their own menu. When the cache is unreachable the pages are built from the
database instead of failing.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache

logger = logging.getLogger(__name__)

T = TypeVar("T")
#: Seconds an entry is kept (and the ``max-age`` of the anonymous pages).
TTL = 60
VERSION_KEY = "knowledge:help:version"
PREFIX = "knowledge:help:"


def _version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        # A random start: after an eviction of the version key, entries stored under an
        # earlier number are not found again.
        cache.add(VERSION_KEY, secrets.randbelow(2**31) + 1, timeout=None)
        version = cache.get(VERSION_KEY) or 1
    return int(version)


def key_part(text: str) -> str:
    """A short, safe cache key part for any text a visitor typed."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def help_cached(name: str, build: Callable[[], T], ttl: int = TTL) -> T:
    """``build()``'s result, from the cache when a fresh copy of this version is there."""
    try:
        version = _version()
        hit = cache.get(PREFIX + name, version=version)
    except Exception:  # any backend error: serve from the database
        logger.warning("help centre cache unavailable; building %s from the database", name, exc_info=True)
        return build()
    if hit is not None:
        return hit[0]
    value = build()
    try:
        cache.set(PREFIX + name, (value,), ttl, version=version)  # wrapped, so None is cached too
    except Exception:
        logger.warning("help centre cache unavailable; %s not stored", name, exc_info=True)
    return value


def help_cache_clear() -> None:
    """Forget every cached help centre entry (O(1): the shared version number goes up)."""
    try:
        try:
            cache.incr(VERSION_KEY)
        except ValueError:  # no version yet (or evicted): start a new random one
            cache.set(VERSION_KEY, secrets.randbelow(2**31) + 1, timeout=None)
    except Exception:
        logger.warning("help centre cache unavailable; not cleared", exc_info=True)
