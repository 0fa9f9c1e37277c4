"""Rate limits read from settings at request time (so tests may change them safely) and
counted in the shared cache (Redis in production), so every web process sees the same count.

DRF's ``SimpleRateThrottle`` reads the request history (a pickled list of times, newest first)
with one ``GET`` and writes it back with a ``SET``: two round trips per API request, and two
processes that read the same history at once both pass where one of them should not. On the
Redis cache the same sliding window is kept in one round trip, atomically, by a Lua script
(:data:`_SLIDING_WINDOW`): the history is a Redis list of the same times (newest first, each
as Python's ``repr`` of ``time.time()``, so Redis compares the very numbers DRF compares); the
times older than the window are dropped as DRF drops them, a request is refused when as many
remain as the rate allows (nothing written, as in DRF), and otherwise its time is pushed and
the key expires a window after it. The 429 answer and its ``Retry-After`` come from DRF's
``wait()`` over the history the script returns, so they are DRF's own. A create or a change
(any method but GET, HEAD, OPTIONS) also reads in that call the LocalCache versions its first
use of one would read (``core.caching.versions_wanted``): one round trip for both. Other cache
backends (a development machine's file cache) take DRF's path unchanged."""

import logging

from django.conf import settings
from django.core.cache import DEFAULT_CACHE_ALIAS, caches
from django.core.cache import cache as default_cache
from django.core.cache.backends.redis import RedisCache
from redis.commands.core import Script
from redis.exceptions import ResponseError
from rest_framework import throttling
from rest_framework.permissions import SAFE_METHODS

from core import caching

logger = logging.getLogger(__name__)

#: KEYS[1] the history (a list, newest first), then any LocalCache version keys to read (see
#: below); ARGV: now, now - duration (both as Python's ``repr``), the number of requests
#: allowed, the duration in seconds. Returns ``{1, {}, <the versions>}`` when the request is let
#: through (its time pushed), else ``{0, <the history left, newest first>}``.
_SLIDING_WINDOW = """
local key = KEYS[1]
local floor = tonumber(ARGV[2])
local limit = tonumber(ARGV[3])
local n = redis.call('LLEN', key)
local keep = n
while keep > 0 and tonumber(redis.call('LINDEX', key, keep - 1)) <= floor do
    keep = keep - 1
end
if keep >= limit then
    if keep == 0 then
        return {0, {}}
    end
    return {0, redis.call('LRANGE', key, 0, keep - 1)}
end
if keep == 0 then
    if n > 0 then
        redis.call('DEL', key)
    end
elseif keep < n then
    redis.call('LTRIM', key, 0, keep - 1)
end
redis.call('LPUSH', key, ARGV[1])
redis.call('EXPIRE', key, ARGV[4])
if #KEYS > 1 then
    return {1, {}, redis.call('MGET', unpack(KEYS, 2))}
end
return {1, {}}
"""
#: Run with EVALSHA (the script is loaded into Redis on first use, and again after a restart).
_script = Script(None, _SLIDING_WINDOW.encode())
#: False once Redis refused the script (then this process counts as DRF does).
_scripting = [True]


def client_address(request) -> str | None:
    """The client's address by the one rule every per-address limit uses (the API rate limits
    and the login lockout): REST_FRAMEWORK["NUM_PROXIES"] trusted X-Forwarded-For hops, none
    by default, so a forged header moves nobody to another counter."""
    return throttling.BaseThrottle().get_ident(request)


class _SettingsRate:
    """The rate from settings at request time; on Redis, the history kept by one script call."""

    #: Suffix of the Redis list's key: a new name, so a history DRF pickled under the plain key
    #: (a process of the previous release) is never read as a list.
    list_suffix = ":list"

    def get_rate(self):
        return settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"].get(self.scope)

    def _redis(self):
        """The Redis cache the history is counted in, or None where DRF's path is taken."""
        backend = caches[DEFAULT_CACHE_ALIAS] if self.cache is default_cache else self.cache
        return backend if isinstance(backend, RedisCache) else None

    def allow_request(self, request, view):
        if self.rate is None:
            return True
        backend = self._redis()
        if backend is None or not _scripting[0]:
            return super().allow_request(request, view)
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return True
        self.now = self.timer()
        key = backend.make_and_validate_key(self.key + self.list_suffix)
        client = backend._cache.get_client(key, write=True)
        # A create or a change reads the LocalCache versions (core/caching.py: the priority
        # matrix, the SLA configuration…) at its first use: read here, in this round trip.
        wanted = caching.versions_wanted() if request.method not in SAFE_METHODS else []
        keys = [key, *(backend.make_and_validate_key(name) for name in wanted)]
        try:
            answer = _script(keys=keys, args=[repr(self.now), repr(self.now - self.duration), self.num_requests,
                                              self.duration], client=client)
        except ResponseError:  # a server that refuses scripts (an ACL, a proxy): DRF's GET and SET
            logger.warning("Redis refused the rate limit script; DRF's GET and SET from now on", exc_info=True)
            _scripting[0] = False
            return super().allow_request(request, view)
        if answer[0]:
            if wanted:
                loads = backend._cache._serializer.loads
                caching.versions_read({name: None if value is None else loads(value)
                                       for name, value in zip(wanted, answer[2], strict=True)})
            return True
        # Refused: DRF's wait() (Retry-After) reads the history left.
        self.history = [float(t) for t in answer[1]]
        return self.throttle_failure()


class AnonRateThrottle(_SettingsRate, throttling.AnonRateThrottle):
    """Anonymous requests, per client address."""


class UserRateThrottle(_SettingsRate, throttling.UserRateThrottle):
    """Authenticated users, per user."""


class AuthRateThrottle(_SettingsRate, throttling.SimpleRateThrottle):
    """Token requests (password guessing), per client address whoever they claim to be."""

    scope = "auth"

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}
