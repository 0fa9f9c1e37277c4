"""Property-based fuzzing of the whole API against its own OpenAPI schema (schemathesis).

For an agent, a manager and a requester, every operation of ``/api/schema/`` is called with
requests generated from the schema (valid ones and, where the operation takes input, invalid
ones), half of them aimed at records that exist. The run fails on:

- any 5xx;
- a response that does not match the schema: a status code the operation does not document,
  a content type it does not declare, a body that does not conform;
- an error under ``/api/`` whose body is not JSON.

How the requests reach the database: the schema is loaded and every request is sent through
the project's real WSGI application in-process (``schemathesis.openapi.from_wsgi``), so each
request goes through the whole middleware stack as it would under gunicorn. The WSGI handler
ends every request by closing connections that are not in autocommit mode, which would break
the transaction a plain ``django_db`` test wraps around its body: the test is therefore a
``django_db(transaction=True)`` one. The demo organisation (``seed_demo``) is committed first
and every request commits for real, so what a request queues on commit runs as in production;
the tables are emptied when the test ends. (Only the closing of the connection after each
request is switched off, as Django's test client does: it would cost a new connection per
generated request.)

How it is shared out: the operations are fuzzed in ``PARTS`` tests (operations dealt out in
turn, sorted by path and method), so that parallel test processes (pytest-xdist) share the work
out evenly. A part draws its cases once (Hypothesis, derandomized: the same cases every run) and
deals each operation's cases out to the roles in turn (:func:`_dealt`): every role sends at least
one case of every operation, every case is sent as at least one role (as every role with
``FUZZ_EVERY_ROLE=1``: three times the requests); those aimed at an existing record get an id the
role's own list operation showed it. Every role's run starts from the same committed demo: ``seed_demo`` runs
for real once into a template database kept for the code's version (``tests/dbsetup.py``), and
each role's run in each part works on its own copy of it (``CREATE DATABASE … TEMPLATE``, about
a second), dropped when it ends. The schema is loaded once per test process. Drawing costs ~6 s
of CPU a part: the drawn cases are kept on disk for the next run of the same code and schema
(:func:`_drawn`; ``FUZZ_DRAW=1`` draws anyway).

Where the time goes (one part, one role): drawing a case costs about as much as sending it
through the whole stack, hence one draw for the three roles; the connection is kept between
requests (a new PostgreSQL connection per request cost more than the query it served). Each
case used to be sent as all three roles; dealt out, each once (part 2: 1,812 requests -> 604,
the roles' sending 12.3-13.0 -> 4.2-4.8 s CPU, the whole part 27.7 -> 18.3 s CPU at load 3).

Excluded, and why:

- nothing is excluded from ``/api/``; only rate limiting is lifted for the run (the token
  endpoint allows 10 requests a minute per address and every user 100 a second: a fuzzer
  would be answered 429, which tells nothing about the schema);
- the Twilio webhooks (``/telephony/``) are not in the OpenAPI schema (form posts signed by
  Twilio, answered in TwiML): their own tests fuzz them.

Bounded: ``FUZZ_EXAMPLES`` (default 2) generated requests per operation, mode (valid,
invalid) and target (a random id, an existing one), dealt out to the roles, no deadline, no shrinking; within a part
the deletions come last, and the ids a role aims at are read just before its run starts. The
figures (operations, cases, failures, seconds, CPU seconds of the test process, responses by
class) are printed per role and part. Run alone with ``pytest -m fuzz -s``.
"""

import copy
import functools
import hashlib
import json
import os
import pickle
import re
import sys
import time
from collections import Counter
from contextlib import contextmanager
from importlib.metadata import version
from pathlib import Path

import pytest
import schemathesis
from django.core.management import call_command
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from rest_framework.authtoken.models import Token
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.core import NOT_SET
from schemathesis.core.failures import FailureGroup

from catalog import demo as catalog_demo
from tests import dbsetup

pytestmark = [pytest.mark.fuzz, pytest.mark.django_db(transaction=True)]

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "2"))
#: Send every drawn case as every role, instead of dealing the cases out to the roles (_dealt).
EVERY_ROLE = os.environ.get("FUZZ_EVERY_ROLE") == "1"
ROLES = {"requester": "requester", "agent": "agent", "manager": "manager"}  # role → demo username
#: Tests per role: each fuzzes every PARTS-th operation (of all, sorted by path and method).
PARTS = 4


def json_errors_under_api(ctx, response, case):
    """An error under /api/ answers JSON, never Django's HTML page."""
    if response.status_code >= 400 and case.path.startswith("/api/"):
        content_type = response.headers.get("content-type", [""])
        content_type = content_type[0] if isinstance(content_type, list) else content_type
        assert "json" in content_type, f"{response.status_code} error with Content-Type {content_type!r}, not JSON"
        response.json()


# Raw mail posted to ``mailboxes/<id>/inbound/`` (``message/rfc822``): schemathesis has no
# generator for it, so give it one — arbitrary bytes, and messages with generated headers and
# bodies (a fresh Message-ID each, so they are not all duplicates).
RFC822 = st.one_of(
    st.binary(max_size=512),
    st.builds(
        lambda subject, body, number: (
            f"From: Fuzz <fuzz{number}@example.com>\r\nTo: support@example.com\r\n"
            f"Subject: {subject}\r\nMessage-ID: <fuzz-{number}@example.com>\r\n\r\n{body}\r\n"
        ).encode("utf-8", "surrogateescape"),
        st.text(max_size=60).map(lambda text: " ".join(text.split())),
        st.text(max_size=300),
        st.integers(min_value=0, max_value=10**9),
    ),
)
schemathesis.openapi.media_type("message/rfc822", RFC822)

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance,
          json_errors_under_api]


def _existing_ids(client, wanted) -> dict[str, list[int]]:
    """The ids a list operation shows the caller, by collection path (``/api/v1/incidents/``),
    for the collections in ``wanted``."""
    ids = {}
    from django.urls import reverse  # noqa: F401  (the URLconf is loaded before the first request)

    for prefix in ["alert-sources", "alerts", "announcements", "articles", "blackout-windows", "business-calendars",
                   "cab-boards", "cab-meetings", "callbacks", "calls", "catalog-items", "change-models", "changes",
                   "ci-relations", "cis", "complaints", "contacts", "customers", "deliveries", "incidents",
                   "known-errors", "lines", "mailboxes", "major-incidents", "message-templates", "notifications",
                   "opportunities", "priority-matrix", "problem-candidates", "problems", "queues", "request-tasks",
                   "requests", "service-outages", "services", "skills", "sla-policies", "sla-timers", "spike-alerts",
                   "spike-rules", "stakeholder-groups", "surveys", "teams", "users"]:
        if f"/api/v1/{prefix}/" not in wanted:
            continue
        response = client.get(f"/api/v1/{prefix}/", {"page_size": 5})
        if response.status_code == 200:
            body = response.json()
            rows = body["results"] if isinstance(body, dict) else body
            ids[f"/api/v1/{prefix}/"] = [row["id"] for row in rows if isinstance(row, dict) and "id" in row]
    return ids


def _order(operation) -> tuple:
    # Deletions last, so the records the other operations aim at still exist when they run.
    return (operation.method.upper() == "DELETE", operation.path, operation.method)


#: The id the cases aimed at an existing record are generated with; each role's run puts
#: an id its list operation showed it in its place (see _cases_for).
EXISTING = 987_654_321


def _collection(operation) -> str:
    return re.sub(r"\{id\}/.*$", "", operation.path)


def _generate(operation) -> list:
    """The cases of one operation: ``EXAMPLES`` per mode (valid, and invalid where it takes
    input) and target (a random id, an existing one), drawn by Hypothesis (derandomized, so the
    same for every role and every run). Drawn once and sent as every role: drawing costs about
    as much as sending."""
    strategies = []
    modes = [GenerationMode.POSITIVE]
    if operation.body or operation.query:
        modes.append(GenerationMode.NEGATIVE)
    for mode in modes:
        strategies.append(operation.as_strategy(generation_mode=mode))
        if "{id}" in operation.path:
            strategies.append(operation.as_strategy(generation_mode=mode, path_parameters={"id": EXISTING}))
    drawn = []

    @settings(max_examples=EXAMPLES * len(strategies), deadline=None, database=None,
              phases=[Phase.explicit, Phase.generate], derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(case=st.one_of(strategies))
    def draw(case):
        drawn.append(case)

    draw()
    return drawn


#: Where the drawn cases are kept between runs (see _drawn).
CASES_DIR = Path(os.environ.get("TEST_FUZZ_CASES_DIR") or Path(
    os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "servicedesk-tests" / "fuzz-cases")


class _CasePickler(pickle.Pickler):
    """A case's fields but its operation, schemathesis' ``NOT_SET`` kept as itself (compared by
    identity)."""

    def persistent_id(self, obj):
        return "NOT_SET" if obj is NOT_SET else None


class _CaseUnpickler(pickle.Unpickler):
    def persistent_load(self, pid):
        if pid != "NOT_SET":
            raise pickle.UnpicklingError(f"unknown persistent id {pid!r}")
        return NOT_SET


def _drawn(part: int, operations: list) -> dict:
    """Each operation's cases (:func:`_generate`), drawn once per version of what decides them and
    kept in :data:`CASES_DIR`: drawing costs ~5 s of CPU a part, reading them back ~0.1 s. What
    decides them, all in the file's name: the whole OpenAPI schema, the project's code
    (schemathesis draws constants from the application's modules too), this module, the
    versions of Python, schemathesis and Hypothesis, ``FUZZ_EXAMPLES`` and the part. Hypothesis
    draws derandomized: the same cases as drawing again, without the CPU. ``FUZZ_DRAW=1`` draws
    them anyway (and keeps them)."""
    key = hashlib.sha256(json.dumps([
        _schema_digest(), dbsetup.source_digest("fuzz"), hashlib.sha256(Path(__file__).read_bytes()).hexdigest(),
        sys.version, version("schemathesis"), version("hypothesis"), EXAMPLES, part]).encode()).hexdigest()[:16]
    path = CASES_DIR / f"part{part}-{key}.pickle"
    if os.environ.get("FUZZ_DRAW") != "1":
        try:
            with path.open("rb") as kept:
                fields = _CaseUnpickler(kept).load()
            return {operation: [_case(operation, case) for case in fields[f"{operation.method} {operation.path}"]]
                    for operation in operations}
        except (OSError, EOFError, KeyError, pickle.UnpicklingError, AttributeError, ImportError, TypeError):
            pass  # not drawn yet for this version (or unreadable): draw
    drawn = {operation: _generate(operation) for operation in operations}
    if not all(_hashes_current(case) for cases in drawn.values() for case in cases):
        return drawn  # a case changed since it was drawn: not kept (never seen)
    fields = {f"{operation.method} {operation.path}": [
        {"__class__": type(case), **{name: getattr(case, name) for name in type(case).__slots__ if name != "operation"}}
        for case in cases] for operation, cases in drawn.items()}
    CASES_DIR.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    with partial.open("wb") as kept:
        _CasePickler(kept, protocol=pickle.HIGHEST_PROTOCOL).dump(fields)
    os.replace(partial, path)
    for old in CASES_DIR.glob(f"part{part}-*.pickle"):  # other versions' cases
        if old != path:
            old.unlink(missing_ok=True)
    return drawn


def _hashes_current(case) -> bool:
    """Whether the hashes schemathesis noted of the case's parts when it was drawn (to tell,
    later, whether something changed them) are those of its parts as they are: then they can be
    worked out again from the parts (see _case)."""
    meta = case._meta
    if meta is None:
        return True
    noted = {**meta._initial_hashes, **meta._last_validated_hashes}
    return set(meta._initial_hashes) == set(meta._last_validated_hashes) and not meta._dirty and all(
        meta._initial_hashes[location] == meta._last_validated_hashes[location] == case._hash_container(
            case.get_container(location)) for location in noted)


def _case(operation, fields: dict):
    """A case of ``operation`` with the fields a drawn one had (see _drawn). The hashes of its
    parts schemathesis keeps are Python's ``hash``, which differs from one process to the next:
    worked out again here (they were those of the parts when kept: _hashes_current)."""
    fields = dict(fields)
    case = object.__new__(fields.pop("__class__"))
    object.__setattr__(case, "operation", operation)
    for name, value in fields.items():
        object.__setattr__(case, name, value)
    meta = case._meta
    if meta is not None:
        for location in meta._initial_hashes:
            meta._initial_hashes[location] = meta._last_validated_hashes[location] = case._hash_container(
                case.get_container(location))
    return case


def _dealt(cases: list, role: int, roles: int, turn: int) -> list:
    """The cases of one operation that role number ``role`` (of ``roles``) sends: every
    ``roles``-th, from a position that moves on by one with each operation (``turn``), so the odd
    ones out fall to each role in turn; when the operation has fewer cases than there are roles,
    one each all the same. So every role sends something to every operation and every case is
    sent at least once. All of them with ``FUZZ_EVERY_ROLE=1``."""
    if EVERY_ROLE or not cases:
        return cases
    start = (role + turn) % roles
    if len(cases) <= start:
        return [cases[start % len(cases)]]
    return cases[start::roles]


def _cases_for(cases: list, known: list[int] | None) -> list:
    """Copies of the drawn cases for one role: those aimed at an existing record get the first
    id the role's list operation showed it (or, when it showed none, keep the placeholder, an
    id that does not exist). Each copy has its own containers and metadata (schemathesis notes
    on a case what was changed after it was drawn)."""
    copies = []
    for case in cases:
        clone = object.__new__(type(case))
        kept = {id(NOT_SET): NOT_SET, id(case.operation): case.operation}  # compared by identity
        for name in type(case).__slots__:
            value = getattr(case, name)
            object.__setattr__(clone, name, copy.deepcopy(value, dict(kept)) if name in COPIED else value)
        if known and clone.path_parameters.get("id") == EXISTING:
            clone.path_parameters = {**clone.path_parameters, "id": known[0]}
        copies.append(clone)
    return copies


#: What a request or a check may change on a case; the rest (the operation…) is shared.
COPIED = {"path_parameters", "headers", "cookies", "query", "body", "multipart_content_types", "_meta", "_components"}


@contextmanager
def connection_kept_between_requests():
    """The WSGI handler closes the database connection after every request (CONN_MAX_AGE is 0
    in the tests); Django's test client keeps it, and so does this run: one connection, not
    one per generated request (a new PostgreSQL connection costs more than most requests).
    Every request still commits on its own (autocommit). Entered after the last request of
    Django's test client: that client connects the closing again after each of its requests."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@contextmanager
def demo_database():
    """A committed copy of the seeded demo for one role's run (see the module's docstring)."""

    def seed():
        call_command("seed_demo", password=catalog_demo.DEMO_PASSWORD, stdout=open(os.devnull, "w"))  # noqa: SIM115

    with dbsetup.seeded_database(seed) as name:
        yield name


_raw_schema: list = []


@functools.cache
def _schema_digest() -> str:
    """A digest of the whole OpenAPI schema the operations came from."""
    _operations()
    return hashlib.sha256(json.dumps(_raw_schema[0], sort_keys=True, default=str).encode()).hexdigest()


@functools.cache
def _operations() -> tuple:
    """Every operation of the schema, as the project's WSGI application serves it (loaded once
    per test process), sorted by path and method."""
    from servicedesk.wsgi import application

    schema = schemathesis.openapi.from_wsgi("/api/schema/", application)
    _raw_schema.append(schema.raw_schema)
    return tuple(sorted((result.ok() for result in schema.get_all_operations()),
                        key=lambda operation: (operation.path, operation.method)))


@pytest.mark.parametrize("part", range(1, PARTS + 1))
def test_every_operation_conforms_to_the_schema(part, transactional_db, unthrottled, capsys):
    """One part of the operations per test, so parallel test processes (pytest-xdist) share
    them out; together the parts cover every operation. Each part's cases are drawn once and
    sent as every role, each role on its own fresh copy of the demo."""
    everything = _operations()
    operations = sorted(everything[part - 1::PARTS], key=_order)
    drawn = _drawn(part, operations)
    wanted = {_collection(operation) for operation in operations if "{id}" in operation.path}
    failures = {}
    for number, role in enumerate(ROLES):
        dealt = {operation: _dealt(drawn[operation], number, len(ROLES), turn)
                 for turn, operation in enumerate(operations)}
        with demo_database():
            failures.update(_fuzz_as(role, part, operations, dealt, wanted, capsys))
    assert not failures, f"{len(failures)} operations failed: {sorted(failures)}"


def _fuzz_as(role, part, operations, drawn, wanted, capsys) -> dict[str, str]:
    from django.contrib.auth import get_user_model
    from rest_framework.test import APIClient

    user = get_user_model().objects.get(username=ROLES[role])
    token = Token.objects.get_or_create(user=user)[0].key
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    headers = {"Authorization": f"Token {token}"}
    ids = _existing_ids(client, wanted)
    cases: Counter = Counter()
    statuses: Counter = Counter()
    failures: dict[str, str] = {}
    started, cpu = time.monotonic(), time.process_time()
    with connection_kept_between_requests():
        for operation in operations:
            label = f"{operation.method.upper()} {operation.path}"
            try:
                for case in _cases_for(drawn[operation], ids.get(_collection(operation))):
                    cases[label] += 1
                    response = case.call(headers=headers)
                    statuses[response.status_code // 100] += 1
                    case.validate_response(response, checks=CHECKS, headers=headers)
            except (Exception, FailureGroup) as exc:  # noqa: BLE001 — every failing operation is reported
                failures[f"{role}: {label}"] = str(exc)[:3000]

    elapsed, cpu = time.monotonic() - started, time.process_time() - cpu
    with capsys.disabled():
        print(f"\n[fuzz {role} {part}/{PARTS}] operations={len(operations)} cases={sum(cases.values())} "
              f"failures={len(failures)} seconds={elapsed:.0f} cpu={cpu:.1f} "
              f"responses={{2xx: {statuses[2]}, 3xx: {statuses[3]}, 4xx: {statuses[4]}, 5xx: {statuses[5]}}}")
        for label, message in sorted(failures.items()):
            print(f"--- {label}\n{message}")
    return failures
