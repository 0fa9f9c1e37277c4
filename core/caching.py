"""A read cache for public pages: what their selectors built, kept for a few seconds in the
shared cache (Redis in production, so every web process sees the same copy).

Entries are keyed by a generation token; :meth:`ReadCache.clear` replaces the token, which
makes every entry unreachable at once (one write, whatever the number of entries; the old
ones expire on their own). What it keeps is data, not a rendered response: pages carry a
CSRF token and, for people who are signed in, their own menu. (The status page also keeps its
whole anonymous page, as bytes, keyed by its version, language and time zone:
``statuspage.caching``.) When the cache is unreachable the data is built from the database
instead of failing: a public page must work best when things are broken. The status page and
the help centre each keep one."""

from __future__ import annotations

import logging
import secrets
import threading
import time
import uuid
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.db.models.signals import post_delete, post_save

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


_MISSING = object()

#: Every LocalCache's version key, and the versions read for the request this thread serves:
#: the first LocalCache used in a request reads them all with one ``MGET`` (an API create uses
#: four caches: four ``GET`` round trips before; an API create or change has them read by the
#: rate limit's script call, :func:`versions_wanted`); the next request reads them again.
_version_keys: list[str] = []
_request = threading.local()


def _request_started(**kwargs) -> None:
    _request.versions = {}  # {} = in a request, nothing read yet; None = outside any request


def _request_finished(**kwargs) -> None:
    _request.versions = None


request_started.connect(_request_started, dispatch_uid="core-caching-local-versions-start")
request_finished.connect(_request_finished, dispatch_uid="core-caching-local-versions-finish")


def _version(key: str):
    """The shared version under ``key``: read with every other LocalCache's in one ``MGET`` at
    the first use in a request and remembered till its end; outside a request, one ``GET``."""
    versions = getattr(_request, "versions", None)
    if versions is None:
        return cache.get(key)
    if not versions:
        versions.update(cache.get_many(_version_keys))
        versions.setdefault(key, None)  # a missing key is not asked again in this request
        for name in _version_keys:
            versions.setdefault(name, None)
    version = versions.get(key, _MISSING)
    if version is _MISSING:
        version = versions[key] = cache.get(key)
    return version


def versions_wanted() -> list[str]:
    """The version keys this request's first LocalCache use would read, when none is read yet
    (else none): for a caller that can read them in a round trip it makes anyway (the API's
    rate limit, before a create or a change: core/api/throttling.py). Read there, they are the
    versions of the whole request, as if the first use had read them."""
    versions = getattr(_request, "versions", None)
    return list(_version_keys) if versions is not None and not versions else []


def versions_read(found: dict) -> None:
    """The values of :func:`versions_wanted`'s keys (None where missing), read by the caller."""
    versions = getattr(_request, "versions", None)
    if versions is not None and not versions:
        versions.update(found)
        for name in _version_keys:
            versions.setdefault(name, None)


def _forget_version(key: str) -> None:
    versions = getattr(_request, "versions", None)
    if versions:
        versions.pop(key, None)


class LocalCache:
    """Per-process entries, valid while the shared version key is unchanged: configuration read
    on a hot path (an SLA policy, the priority matrix) and changed a few times a year. Reading
    costs one ``GET`` of the version key (in a request, one ``MGET`` of every LocalCache's
    version at the first use, remembered till the request ends); saving or deleting a connected
    model empties this process's entries at once and every other process's after commit (a new
    version); entries are read again after ``max_age`` seconds whatever happens
    (sla/selectors_cache.py)."""

    def __init__(self, version_key: str, max_age: float = 300.0):
        self.version_key = version_key
        self.max_age = max_age
        self.version = None
        self.filled = 0.0
        self.entries: dict = {}
        if version_key not in _version_keys:
            _version_keys.append(version_key)

    def _fresh(self) -> dict:
        now = time.monotonic()
        try:
            version = _version(self.version_key)
            if version is None:  # first use, or the shared cache was emptied: start a new one
                cache.add(self.version_key, uuid.uuid4().hex, None)
                _forget_version(self.version_key)
                version = _version(self.version_key)
        except Exception:  # the shared cache is down: the age limit holds
            version = self.version
        if version is None or version != self.version or now - self.filled > self.max_age:
            self.version, self.entries, self.filled = version, {}, now
        return self.entries

    def get(self, key, load):
        """The entry for ``key``, else ``load()`` (kept after commit)."""
        entries = self._fresh()
        value = entries.get(key, _MISSING)
        if value is _MISSING:
            value = load()

            def keep():
                if entries is self.entries:  # not emptied meanwhile
                    entries[key] = value

            transaction.on_commit(keep)  # outside a transaction: at once
        return value

    def invalidate(self, **kwargs) -> None:
        """Empty this process's entries now, and every process's once the change commits."""
        self.entries = {}

        def publish():
            self.entries = {}
            _forget_version(self.version_key)
            try:
                cache.set(self.version_key, uuid.uuid4().hex, None)
            except Exception:  # the shared cache is down: the others' entries age out
                logger.warning("shared cache unavailable: %s not published", self.version_key, exc_info=True)

        transaction.on_commit(publish)

    def connect(self, *models) -> None:
        for model in models:
            label = f"{self.version_key}:{model._meta.label}"
            post_save.connect(self.invalidate, sender=model, dispatch_uid=f"{label}:save", weak=False)
            post_delete.connect(self.invalidate, sender=model, dispatch_uid=f"{label}:delete", weak=False)
