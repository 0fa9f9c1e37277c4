"""The indexed ``/api/v1/`` include (core/urls.py) resolves and reverses every address as
Django's own ``URLResolver`` over the same patterns does."""

import itertools

import pytest
from django.urls import get_resolver
from django.urls.resolvers import RegexPattern, Resolver404, RoutePattern, URLResolver

from core.urls import IndexedResolver, _resolve, literal_start, starts

#: Values tried for every parameter of a pattern (ids, formats, slugs, uuids, dates, junk).
VALUES = ["1", "json", "abc-def", "0f8fc7d2-4d5e-4a55-9d7c-2d9b0c1e7f3a", "2026-01-31", ""]


def _plain(patterns):
    """The same URLconf with every indexed include a plain ``URLResolver``."""
    return [URLResolver(p.pattern, p.urlconf_name, p.default_kwargs, p.app_name, p.namespace)
            if isinstance(p, IndexedResolver) else p for p in patterns]


@pytest.fixture(scope="module")
def resolvers():
    indexed = get_resolver()
    assert any(isinstance(p, IndexedResolver) for p in indexed.url_patterns)
    return indexed, URLResolver(RegexPattern(r"^/"), _plain(indexed.url_patterns))


def _forms(resolver, prefix=""):
    """Every reversible form of every pattern under ``resolver`` (named or not, namespaced too)."""
    for key in list(resolver.reverse_dict):
        for possibilities, _pattern, _defaults, _converters in resolver.reverse_dict.getlist(key):
            for text, params in possibilities:
                yield prefix + text, params
    for _namespace, (sub_prefix, sub) in resolver.namespace_dict.items():
        yield from _forms(sub, prefix + sub_prefix)


def _paths(resolver):
    """Every form under /api/v1/ (the indexed include; elsewhere both URLconfs hold the very same
    patterns) with each of :data:`VALUES`, and neighbours of each: no trailing slash, a format
    suffix, a junk segment, a final newline, a doubled slash."""
    paths, extra = set(), set()
    for text, params in _forms(resolver):
        if not text.startswith("api/"):
            continue
        for value in VALUES:
            paths.add(text % dict.fromkeys(params, value))
        path = text % dict.fromkeys(params, "1")
        trimmed = path.rstrip("/")
        extra |= {trimmed, trimmed + ".json/", path + "x/", path + "\n", path.replace("/", "//", 2)}
    return sorted(paths | extra | {"", "api/v1/", "api/v1", "api/v1/.json", "api/v1/\n", "api/v1/nope/",
                                    "api/v1/incidentsx/", "api/v1/Incidents/", "incidents/", "api/v2/incidents/"})


def _same(a, b):
    return (a.func, a.args, a.kwargs, a.url_name, a.app_names, a.namespaces, a.route, a.captured_kwargs,
            a.extra_kwargs) == (b.func, b.args, b.kwargs, b.url_name, b.app_names, b.namespaces, b.route,
                                b.captured_kwargs, b.extra_kwargs)


def _tried(error):
    return [[str(p.pattern) for p in entry] for entry in error.args[0].get("tried", [])]


def test_every_address_resolves_as_with_djangos_resolver(resolvers):
    indexed_root, plain_root = resolvers
    paths = _paths(plain_root)
    assert len(paths) > 2000  # every router's routes, formats and neighbours
    # The /api/v1/ include itself, both ways (elsewhere the two URLconfs hold the same objects).
    indexed = next(p for p in indexed_root.url_patterns if isinstance(p, IndexedResolver))
    plain = next(p for p in plain_root.url_patterns if str(p.pattern) == "api/v1/")
    matched = missed = 0
    for path in paths:
        try:
            expected = plain.resolve(path)
        except Resolver404 as error:
            with pytest.raises(Resolver404):
                _resolve(indexed, path)  # the index alone, without the fallback to Django's loop
            if missed % 40 == 0:  # the 404's tried list is Django's (some 500 entries: a sample)
                with pytest.raises(Resolver404) as got:
                    indexed.resolve(path)
                assert _tried(got.value) == _tried(error), path
            missed += 1
            continue
        # The index alone finds Django's match (no fallback hiding a pattern it skipped).
        assert _same(_resolve(indexed, path), expected) and _same(indexed.resolve(path), expected), path
        matched += 1
    assert matched > 1500
    for path in ("/api/v1/incidents/", "/api/v1/incidents/1/resolve/", "/api/v1/search/", "/api/v1/"):
        assert _same(indexed_root.resolve(path), plain_root.resolve(path))


def test_every_name_reverses_as_before(resolvers):
    indexed, plain = resolvers

    def table(resolver):
        return {key: [(possibilities, pattern, defaults) for possibilities, pattern, defaults, _ in values]
                for key, values in resolver.reverse_dict.lists()}

    assert table(indexed) == table(plain)
    assert indexed.namespace_dict.keys() == plain.namespace_dict.keys()
    assert dict(indexed.app_dict) == dict(plain.app_dict)
    for (prefix, sub), (plain_prefix, plain_sub) in zip(indexed.namespace_dict.values(),
                                                         plain.namespace_dict.values(), strict=True):
        assert prefix == plain_prefix and table(sub) == table(plain_sub)


@pytest.mark.parametrize(("regex", "expected"), [
    (r"^users/$", ("users/", False, True)),
    (r"^users\.(?P<format>[a-z0-9]+)/?$", ("users.", False, False)),
    (r"^(?P<format>\.[a-z0-9]+/?)\Z", (".", False, False)),
    (r"^\Z", ("", False, True)),
    (r"^users?/$", ("user", False, False)),            # the s is optional
    (r"^(?:users)?/$", ("", False, False)),            # so is the group
    (r"^(?i)users/$", ("", False, False)),             # any case
    (r"^(?m)users/$", ("", False, False)),             # ^ after any newline
    (r"^a/|^b/", ("", False, False)),                  # either
    (r"users/$", ("", False, False)),                  # anywhere
    (r"^api/", ("api/", True, False)),
    (r"^(?P<x>ab)c/(?P<pk>[0-9]+)/$", ("abc/", False, False)),
])
def test_literal_starts_are_never_guessed(regex, expected):
    assert literal_start(RegexPattern(regex)) == expected


def test_a_route_starts_with_its_text_up_to_the_first_converter():
    assert literal_start(RoutePattern("incidents/<int:pk>/notes/", is_endpoint=True)) == ("incidents/", False, False)
    assert literal_start(RoutePattern("search/", is_endpoint=True)) == ("search/", False, True)
    assert literal_start(RoutePattern("", is_endpoint=False)) == ("", True, False)


def test_the_api_tries_only_the_routers_the_path_can_match(resolvers):
    indexed, _ = resolvers
    api = next(p for p in indexed.url_patterns if isinstance(p, IndexedResolver))
    heads = {start for start, _ in itertools.chain.from_iterable(starts(p) for p in api.url_patterns)}
    assert {"incidents/", "teams/", "search/"} <= heads
    match = indexed.resolve("/api/v1/incidents/")
    assert match.url_name == "incident-list" and match.route == "api/v1/incidents/$"
    # Only the incidents router's patterns (and the /api/v1/ root views of the routers before it,
    # which the index skips) were tried, not the hundred of catalog, notifications and SLA.
    assert len(match.tried) < 10
