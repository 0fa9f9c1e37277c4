"""An include that tries only the patterns a path can match (servicedesk/urls.py, ``/api/v1/``).

Django tries an include's patterns in order, and every miss adds to the ``tried`` list it
builds on each request: the API's fifteen routers sit side by side at ``/api/v1/`` (no prefix
of their own), so ``POST /api/v1/incidents/`` failed some 110 catalog, notification and SLA
patterns first (80 µs of CPU), ``/api/v1/search/`` some 500 (430 µs).

:class:`IndexedResolver` is Django's ``URLResolver`` over the same patterns, whose ``resolve``
skips the patterns that cannot match: each pattern's literal start (``^incidents/`` →
``incidents/``; an include's own start joined to its patterns', through includes of ``""``)
is read once; a path is tried, in Django's order, against the patterns whose start it
begins with. A pattern is skipped only when it cannot match (no literal start is ever
guessed: a regex not anchored by ``^``, with ``|``, or a translated route has none, and is
always tried), so the first match — view, arguments, names, route — is Django's. Reversing
reads the same patterns, unchanged. Two differences, both invisible to a client: a match's
``tried`` lists the patterns actually tried, and when nothing matches the include is tried
again by Django's own loop, so a 404's ``tried`` (DEBUG's page) is Django's.
core/tests/test_urls.py resolves every pattern of the project both ways."""

from __future__ import annotations

import re
from re import _constants as _c
from re import _parser

from django.urls.resolvers import RegexPattern, Resolver404, ResolverMatch, RoutePattern, URLPattern, URLResolver

#: Flags under which a regex's letters are not taken as themselves, or ^ not as the start.
_INEXACT = re.IGNORECASE | re.MULTILINE
_ANCHORS = ((_c.AT, _c.AT_BEGINNING), (_c.AT, _c.AT_BEGINNING_STRING))
_END, _END_STRING = (_c.AT, _c.AT_END), (_c.AT, _c.AT_END_STRING)
#: Path segments whose candidates are remembered (beyond: computed per request).
MAX_SEGMENTS = 1024


def literal_start(pattern) -> tuple[str, bool, bool]:
    """``(start, whole, exact)``: what every path the pattern matches begins with, whether that
    is the whole pattern, and whether the path can be nothing more (``^$``: only "")."""
    if isinstance(pattern, RoutePattern) and isinstance(pattern._route, str):
        regex = pattern._regex  # built from the route, anchored with ^
    elif isinstance(pattern, RegexPattern) and isinstance(pattern._regex, str):
        regex = pattern._regex
    else:  # another kind, or translated (its regex depends on the language)
        return "", False, False
    try:
        parsed = _parser.parse(regex)
    except re.error:
        return "", False, False
    items = list(parsed)
    if parsed.state.flags & _INEXACT or not items or items[0] not in _ANCHORS:
        return "", False, False
    head: list[str] = []

    def literals(items) -> int:
        """How many of ``items`` are literal characters, read into ``head`` (through groups)."""
        for count, (op, value) in enumerate(items):
            if op is _c.LITERAL:
                head.append(chr(value))
            elif op is _c.SUBPATTERN and not value[1] & _INEXACT and literals(value[3]) == len(value[3]):
                continue
            else:
                return count
        return len(items)

    rest = items[1 + literals(items[1:]):]
    return "".join(head), not rest, rest in ([_END], [_END_STRING])


def starts(pattern) -> frozenset[tuple[str, bool]]:
    """The literal starts of the paths ``pattern`` (a URLPattern or an include) can match, each
    with whether the path is exactly that."""
    head, whole, exact = literal_start(pattern.pattern)
    if isinstance(pattern, URLResolver) and whole:
        inner = set()
        for child in pattern.url_patterns:
            inner |= starts(child)
        return frozenset((head + start, child_exact) for start, child_exact in inner)
    return frozenset([(head, exact)])


def _segment(path: str) -> str:
    cut = path.find("/")
    return path if cut < 0 else path[: cut + 1]


def _may_match(start: str, exact: bool, segment: str) -> bool:
    """Whether a path whose first segment is ``segment`` may begin with ``start`` (be
    ``start``, when ``exact``: a ``$`` also matches before a final newline)."""
    cut = start.find("/")
    if cut >= 0:
        return start[: cut + 1] == segment
    return segment in (start, start + "\n") if exact else segment.startswith(start)


def _candidates(resolver: URLResolver, path: str) -> list:
    """The patterns of ``resolver`` that may match ``path``, in order (computed once per first
    segment of the path; kept on the resolver, which lives as long as the URLconf)."""
    index = resolver.__dict__.get("_literal_index")
    if index is None:
        index = resolver.__dict__["_literal_index"] = ([(p, starts(p)) for p in resolver.url_patterns], {})
    patterns, by_segment = index
    segment = _segment(path)
    found = by_segment.get(segment)
    if found is None:
        found = [p for p, heads in patterns if any(_may_match(h, exact, segment) for h, exact in heads)]
        if len(by_segment) < MAX_SEGMENTS:
            by_segment[segment] = found
    return found


def _resolve(resolver: URLResolver, path):
    """Django's ``URLResolver.resolve`` (5.2), over the candidates only, and the same way
    into the includes below (plain ``URLResolver`` ones; any other kind resolves itself)."""
    path = str(path)
    tried = []
    match = resolver.pattern.match(path)
    if match:
        new_path, args, kwargs = match
        for pattern in _candidates(resolver, new_path):
            try:
                if type(pattern) is URLResolver or type(pattern) is IndexedResolver:
                    sub_match = _resolve(pattern, new_path)
                else:
                    sub_match = pattern.resolve(new_path)
            except Resolver404 as e:
                resolver._extend_tried(tried, pattern, e.args[0].get("tried"))
            else:
                if sub_match:
                    sub_match_dict = {**kwargs, **resolver.default_kwargs}
                    sub_match_dict.update(sub_match.kwargs)
                    sub_match_args = sub_match.args
                    if not sub_match_dict:
                        sub_match_args = args + sub_match.args
                    current_route = "" if isinstance(pattern, URLPattern) else str(pattern.pattern)
                    resolver._extend_tried(tried, pattern, sub_match.tried)
                    return ResolverMatch(
                        sub_match.func,
                        sub_match_args,
                        sub_match_dict,
                        sub_match.url_name,
                        [resolver.app_name] + sub_match.app_names,
                        [resolver.namespace] + sub_match.namespaces,
                        resolver._join_route(current_route, sub_match.route),
                        tried,
                        captured_kwargs=sub_match.captured_kwargs,
                        extra_kwargs={**resolver.default_kwargs, **sub_match.extra_kwargs},
                    )
                tried.append([pattern])
        raise Resolver404({"tried": tried, "path": new_path})
    raise Resolver404({"path": path})


class IndexedResolver(URLResolver):
    """``URLResolver`` trying only the patterns whose literal start the path begins with, at
    its level and in the includes below it."""

    @classmethod
    def of(cls, resolver: URLResolver) -> IndexedResolver:
        """The same include (``path("api/v1/", include(...))``), indexed."""
        return cls(resolver.pattern, resolver.urlconf_name, resolver.default_kwargs, resolver.app_name,
                   resolver.namespace)

    def resolve(self, path):
        try:
            return _resolve(self, path)
        except Resolver404:
            # Nothing matched: Django's own loop, for its exact 404 (and as a safety net).
            return super().resolve(path)
