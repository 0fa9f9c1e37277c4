"""The status page's read cache: what the selectors built, kept for ``TTL`` seconds in the
shared cache (Redis in production, so every web process sees the same copy).

Entries are keyed by a generation token; :func:`invalidate` replaces the token, which drops
every entry at once (the major incident signals and maintenance writes call it). Only data
is cached, never a rendered response: the page carries a CSRF token and, for staff who are
signed in, their own menu. When the cache is unreachable the page is built from the
database instead of failing: a status page must work best when things are broken."""

from core.caching import ReadCache

TTL = 30
_cache = ReadCache("statuspage", ttl=TTL, label="status page")
cached = _cache.cached
invalidate = _cache.clear
