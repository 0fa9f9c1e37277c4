"""The status page's read cache: what the selectors built, kept for ``TTL`` seconds in the
shared cache (Redis in production, so every web process sees the same copy).

Entries are keyed by a generation token; :func:`invalidate` replaces the token, which drops
every entry at once (the major incident signals and maintenance writes call it). Data is
cached, and the status page as anonymous visitors get it (bytes, per version, language and
time zone: it carries no CSRF token, no menu, no message; statuspage.views.index); a page for
someone signed in is never cached. When the cache is unreachable the page is built from the
database instead of failing: a status page must work best when things are broken."""

from core.caching import ReadCache

TTL = 30
_cache = ReadCache("statuspage", ttl=TTL, label="status page")
cached = _cache.cached
invalidate = _cache.clear
