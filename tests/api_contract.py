"""The API contract every router-registered resource of ``/api/v1/`` keeps (STYLE.md, Tests):
list (the paginated envelope), retrieve, create (201) and update (200); 401 without
credentials; per role, 200/201 where the role may, 403 where it may not (a role that may not
read the resource at all gets 403 whatever the id), 404 for a record the role may not see;
and a list whose number of queries does not grow with its rows.

A resource is described once by a :class:`Resource` (how to make a row, a valid create body,
an update body, who reads and who writes); :class:`ApiContract` holds the checks, and a test
module runs them for every entry (``tests/test_api_resources.py``). Which operations a
resource has is read from its viewset's routes, so an entry cannot claim less or more than the
API serves.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver

from core.roles import STAFF_ROLES, Role

API = "/api/v1/"
ENVELOPE = {"count", "next", "previous", "results"}
EVERY_ROLE = frozenset(Role.values)
STAFF = frozenset(STAFF_ROLES)

_counter = itertools.count(1)


def unique() -> int:
    """A number not used before in this process: unique names in create and update bodies."""
    return next(_counter)


@dataclass(frozen=True)
class Resource:
    """How the contract tests meet one resource.

    ``make(owner)`` builds one row through the factories; ``owner`` is the user the row belongs
    to where the resource narrows what a role sees (a requester's incident, a user's
    notification) and is ignored elsewhere. ``create()`` answers a valid POST body (a fresh one
    each call); ``update(row)`` a valid PATCH body for ``row``. ``read``/``write`` are the roles
    that may read and write (``create_roles`` when creating differs from updating);
    ``narrowed`` the readers who see only their own rows (rows made for someone else answer
    404 and are not listed). ``rows`` is how many rows the query-budget check lists (fewer
    where the rows are unique per kind); ``params`` query parameters every list needs;
    ``public_read``: anyone, signed in or not, may read what ``make`` builds (the knowledge
    base's published public articles), so only writes answer 401 without credentials."""

    path: str
    make: Callable
    create: Callable[[], dict] | None = None
    update: Callable[[object], dict] | None = None
    read: frozenset[str] = STAFF
    write: frozenset[str] = frozenset()
    create_roles: frozenset[str] | None = None
    narrowed: frozenset[str] = frozenset()
    rows: int = 10
    params: dict = field(default_factory=dict)
    public_read: bool = False

    @property
    def url(self) -> str:
        return f"{API}{self.path}/"

    def detail(self, pk) -> str:
        return f"{self.url}{pk}/"

    @property
    def creators(self) -> frozenset[str]:
        return self.write if self.create_roles is None else self.create_roles


# --- the routes ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Route:
    """A router-registered resource as the URL configuration serves it."""

    path: str
    viewset: type
    list_actions: frozenset[str]
    detail_actions: frozenset[str]

    @property
    def can_retrieve(self) -> bool:
        return "retrieve" in self.detail_actions

    @property
    def can_create(self) -> bool:
        return "create" in self.list_actions

    @property
    def can_update(self) -> bool:
        return "partial_update" in self.detail_actions


def walk_urls(patterns=None, prefix: str = "") -> Iterable[tuple[str, URLPattern]]:
    """``(route, pattern)`` for every URL pattern under ``patterns`` (the whole URLconf's by
    default), the route being the patterns' strings joined."""
    if patterns is None:
        patterns = get_resolver().url_patterns
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from walk_urls(pattern.url_patterns, prefix + str(pattern.pattern))
        else:
            yield prefix + str(pattern.pattern), pattern


@functools.cache
def router_resources() -> dict[str, Route]:
    """Every resource a DRF router registers under ``/api/v1/``, by path (``sla/at-risk``),
    found from the URL resolver: the router's ``<basename>-list`` routes and their
    ``<basename>-detail`` partners."""
    lists: dict[str, tuple[str, type, frozenset]] = {}
    details: dict[str, frozenset] = {}
    for route, pattern in walk_urls():
        actions = getattr(pattern.callback, "actions", None)
        name = pattern.name or ""
        if not route.startswith("api/v1/") or actions is None or "(?P<format>" in route:
            continue
        if name.endswith("-list"):
            path = route[len("api/v1/"):].lstrip("^").rstrip("$").rstrip("/")
            lists[name[:-len("-list")]] = (path, pattern.callback.cls, frozenset(actions.values()))
        elif name.endswith("-detail"):
            details[name[:-len("-detail")]] = frozenset(actions.values())
    return {path: Route(path, viewset, list_actions, details.get(basename, frozenset()))
            for basename, (path, viewset, list_actions) in lists.items()}


# --- the checks ----------------------------------------------------------------------------------
def _status(response, expected: int, what: str):
    assert response.status_code == expected, (
        f"{what}: expected {expected}, got {response.status_code}: {response.content[:500]!r}")
    return response


def _matches(body: dict, sent: dict) -> list[str]:
    """The scalar fields of ``sent`` that ``body`` does not answer back unchanged."""
    return [key for key, value in sent.items()
            if isinstance(value, str | int | bool) and key in body and body[key] != value]


class ApiContract:
    """The checks, given the root conftest's ``api`` client and ``make_user`` factory."""

    def __init__(self, resource: Resource, route: Route, api, make_user):
        self.resource, self.route, self.api, self.make_user = resource, route, api, make_user
        self._users: dict[str, object] = {}

    def user(self, role: str):
        if role not in self._users:
            self._users[role] = self.make_user(role)
        return self._users[role]

    def as_role(self, role: str):
        return self.api.as_user(self.user(role))

    def reader(self) -> str:
        """The role the read checks use: an administrator where they may read."""
        read = self.resource.read
        return Role.ADMIN if Role.ADMIN in read else sorted(read)[0]

    def writer(self, roles: frozenset[str]) -> str:
        return Role.ADMIN if Role.ADMIN in roles else sorted(roles)[0]

    def list(self, client, **params):
        return client.get(self.resource.url, {**self.resource.params, **params})

    # -- the entry agrees with the routes ----------------------------------------------------
    def check_entry(self):
        resource, route = self.resource, self.route
        assert "list" in route.list_actions, f"{resource.path}: no list"
        assert (resource.create is not None) == route.can_create, (
            f"{resource.path}: the API {'serves' if route.can_create else 'does not serve'} create; "
            f"the contract entry {'has no' if resource.create is None else 'has a'} create body")
        assert (resource.update is not None) == route.can_update, (
            f"{resource.path}: the API {'serves' if route.can_update else 'does not serve'} update; "
            f"the contract entry {'has no' if resource.update is None else 'has an'} update body")
        assert not (resource.write or resource.create_roles) or route.can_create or route.can_update, (
            f"{resource.path}: write roles given for a read-only resource")

    # -- list, retrieve, create, update ------------------------------------------------------
    def check_list_and_retrieve(self):
        role = self.reader()
        client = self.as_role(role)
        row = self.resource.make(self.user(role))
        response = _status(self.list(client), 200, f"GET {self.resource.url} as {role}")
        body = response.json()
        assert isinstance(body, dict) and set(body) == ENVELOPE, f"{self.resource.path}: not the envelope: {body}"
        assert body["count"] >= 1 and len(body["results"]) == min(body["count"], 50)
        ids = [item.get("id") for item in body["results"]]
        if "id" in body["results"][0]:
            assert row.pk in ids, f"{self.resource.path}: the row made is not listed ({ids})"
        paged = _status(self.list(client, page_size=1), 200, "page_size=1").json()
        assert len(paged["results"]) == 1 and paged["count"] == body["count"]
        if self.route.can_retrieve:
            detail = _status(client.get(self.resource.detail(row.pk)), 200, f"GET {self.resource.path}/<id>/")
            assert detail.json()["id"] == row.pk

    def check_create_and_update(self):
        resource = self.resource
        if resource.create is not None:
            role = self.writer(resource.creators)
            client = self.as_role(role)
            sent = resource.create()
            created = _status(client.post(resource.url, sent, format="json"), 201, f"POST {resource.url} as {role}")
            body = created.json()
            assert "id" in body, body
            assert not _matches(body, sent), f"{resource.path}: created {body} from {sent}"
            if self.route.can_retrieve and role in resource.read:
                _status(client.get(resource.detail(body["id"])), 200, "GET the created record")
        if resource.update is not None:
            role = self.writer(resource.write)
            client = self.as_role(role)
            row = resource.make(self.user(role))
            sent = resource.update(row)
            changed = _status(client.patch(resource.detail(row.pk), sent, format="json"), 200,
                              f"PATCH {resource.path}/<id>/ as {role}")
            assert not _matches(changed.json(), sent), f"{resource.path}: updated {changed.json()} from {sent}"

    # -- authentication and roles --------------------------------------------------------------
    def check_anonymous(self):
        resource, client = self.resource, self.api
        client.credentials()
        row = resource.make(self.user(Role.REQUESTER))
        calls = []
        if resource.public_read:
            listed = client.get(resource.url, resource.params)
            shown = client.get(resource.detail(row.pk))
            assert (listed.status_code, shown.status_code) == (200, 200), f"{resource.path}: public reads"
            assert row.pk in [item["id"] for item in listed.json()["results"]], f"{resource.path}: not listed"
        else:
            calls.append(("GET", resource.url, lambda: client.get(resource.url, resource.params)))
            if self.route.can_retrieve:
                calls.append(("GET", "<id>", lambda: client.get(resource.detail(row.pk))))
        if resource.create is not None:
            calls.append(("POST", "", lambda: client.post(resource.url, resource.create(), format="json")))
        if resource.update is not None:
            calls.append(("PATCH", "<id>", lambda: client.patch(resource.detail(row.pk), resource.update(row),
                                                                 format="json")))
        wrong = [(method, where, response.status_code) for method, where, call in calls
                 if (response := call()).status_code != 401]
        assert not wrong, f"{resource.path}: without credentials {wrong}"

    def expected(self, role: str, operation: str, *, visible: bool) -> int:
        resource = self.resource
        if operation in ("list", "retrieve"):
            if role not in resource.read:
                return 403
            return 200 if operation == "list" or visible else 404
        if operation == "create":
            return 201 if role in resource.creators else 403
        # update
        if role in resource.write:
            return 200 if visible else 404
        return 404 if role in resource.read and not visible else 403

    def check_roles(self):
        """Every role on every operation, on a row that belongs to someone else."""
        resource = self.resource
        someone = self.make_user(Role.REQUESTER)
        row = resource.make(someone)
        wrong = []
        for role in sorted(EVERY_ROLE):
            client = self.as_role(role)
            visible = role not in resource.narrowed
            answers = {"list": self.list(client)}
            if self.route.can_retrieve:
                answers["retrieve"] = client.get(resource.detail(row.pk))
            if resource.create is not None:
                answers["create"] = client.post(resource.url, resource.create(), format="json")
            if resource.update is not None:
                answers["update"] = client.patch(resource.detail(row.pk), resource.update(row), format="json")
            for operation, response in answers.items():
                expected = self.expected(role, operation, visible=visible)
                if response.status_code != expected:
                    wrong.append(f"{role} {operation}: {response.status_code} (expected {expected}) "
                                 f"{response.content[:200]!r}")
                elif operation == "list" and expected == 200 and not visible:
                    listed = [item.get("id") for item in response.json()["results"]]
                    if row.pk in listed:
                        wrong.append(f"{role} list: shows a row that is not theirs")
            if role in resource.narrowed and role in resource.read:
                own = resource.make(self.user(role))
                listed = [item.get("id") for item in self.list(client).json()["results"]]
                if own.pk not in listed:
                    wrong.append(f"{role} list: their own row is missing")
                if self.route.can_retrieve and (code := client.get(resource.detail(own.pk)).status_code) != 200:
                    wrong.append(f"{role} retrieve of their own row: {code}")
        assert not wrong, f"{resource.path}:\n" + "\n".join(wrong)

    # -- the query budget ------------------------------------------------------------------------
    def list_queries(self, client) -> list[str]:
        self.list(client)  # warm: per-process caches (content types, the caller's roles)
        with CaptureQueriesContext(connection) as queries:
            response = self.list(client)
        _status(response, 200, f"GET {self.resource.url}")
        return [query["sql"] for query in queries.captured_queries]

    def check_query_budget(self):
        """The list costs as many queries with ``rows`` rows as with one."""
        role = self.reader()
        owner = self.user(role)
        client = self.as_role(role)
        self.resource.make(owner)
        one = self.list_queries(client)
        for _ in range(self.resource.rows - 1):
            self.resource.make(owner)
        many = self.list_queries(client)
        counted = self.list(client).json()["count"]
        assert counted >= self.resource.rows, f"{self.resource.path}: {counted} rows listed"
        assert len(many) == len(one), (
            f"{self.resource.path}: {len(one)} queries for one row, {len(many)} for {counted}; the extra ones:\n"
            + "\n".join(sql for sql in many if sql not in one)[:3000])
