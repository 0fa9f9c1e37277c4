"""A read cache for public pages: what their selectors built, kept for a few seconds in the
shared cache (Redis in production, so every web process sees the same copy).

Entries are keyed by a generation token; :meth:`ReadCache.clear` replaces the token, which
makes every entry unreachable at once (one write, whatever the number of entries; the old
ones expire on their own). Only data is cached, never a rendered response: pages carry a
CSRF token and, for people who are signed in, their own menu. When the cache is unreachable
the data is built from the database instead of failing: a public page must work best when
things are broken. The status page and the help centre each keep one."""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache

logger = logging.getLogger(__name__)

T = TypeVar("T")


class ReadCache:
    """The entries of one page family under ``namespace``, kept ``ttl`` seconds."""

    def __init__(self, namespace: str, *, ttl: int, label: str):
        self.namespace, self.ttl, self.label = namespace, ttl, label
        self.generation_key = f"{namespace}:generation"

    def _generation(self) -> str:
        return cache.get_or_set(self.generation_key, lambda: secrets.token_hex(4), timeout=None)

    def cached(self, name: str, build: Callable[[], T], ttl: int | None = None) -> T:
        """``build()``'s result, from the cache when a fresh copy of this generation is there."""
        try:
            key = f"{self.namespace}:{self._generation()}:{name}"
            hit = cache.get(key)
        except Exception:  # any backend error: serve from the database
            logger.warning("%s cache unavailable; building %s from the database", self.label, name, exc_info=True)
            return build()
        if hit is not None:
            return hit[0]
        value = build()
        try:
            cache.set(key, (value,), self.ttl if ttl is None else ttl)  # wrapped, so None is cached too
        except Exception:
            logger.warning("%s cache unavailable; %s not stored", self.label, name, exc_info=True)
        return value

    def clear(self) -> None:
        """Drop every entry at once (a new generation); they would expire on their own, this
        only makes news show at once."""
        try:
            cache.set(self.generation_key, secrets.token_hex(4), timeout=None)
        except Exception:
            logger.warning("%s cache unavailable; not cleared", self.label, exc_info=True)
