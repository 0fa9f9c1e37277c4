"""The help centre's read cache: what the /help/ pages read from the database (a language's
home page, a search's results, an article's rendered body), kept for ``TTL`` seconds in the
shared cache (Redis in production, so every web process sees the same copy).

Entries are keyed by a generation token (:class:`core.caching.ReadCache`, as the status
page's); :func:`help_cache_clear` replaces it, which makes every entry unreachable at once
(one write, whatever the number of entries; the old ones expire on their own).
``knowledge.services`` calls it on commit after an article is published or retired, so the
news shows at once; counters (views, votes) are allowed to lag by ``TTL``.

Only data is cached, never a rendered response: the article page carries a CSRF token and
signed-in visitors their own menu. When the cache is unreachable the pages are built from the
database instead of failing.
"""

import hashlib

from core.caching import ReadCache

#: Seconds an entry is kept (and the ``max-age`` of the anonymous pages).
TTL = 60
_cache = ReadCache("knowledge:help", ttl=TTL, label="help centre")
help_cached = _cache.cached
help_cache_clear = _cache.clear


def key_part(text: str) -> str:
    """A short, safe cache key part for any text a visitor typed."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]
