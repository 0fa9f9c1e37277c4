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
a second), dropped when it ends. The schema is loaded once per test process. Drawing costs ~5 s
of CPU a part: the cases are drawn from the schema alone (not from constants found in the
project's code: :func:`_without_code_constants`) and kept in the repository,
``tests/fuzz/part<n>.pickle.xz``, headed by a digest of what decides them; when it is stale the
part draws again and writes the file (commit it with the schema change, like
``tests/schema.sql``; :func:`_drawn`; ``FUZZ_DRAW=1`` draws anyway).

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
import inspect
import json
import lzma
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

    with _without_code_constants():
        draw()
    return drawn


@contextmanager
def _without_code_constants():
    """Draw from the schema alone: without the literals Hypothesis collects from whichever of the
    project's modules the process has imported so far (``_get_local_constants``: 5 % of its
    draws; Hypothesis has no setting for it, hence the patch, for the draw only) — the same
    code drew 132 of part 2's 604 cases differently once 118 more modules were imported — and
    without schemathesis' own (``analysis.constants``, off in :func:`_operations`). So the cases
    are a function of the schema and this module: they can be kept in the repository
    (:func:`_drawn`). Hypothesis caches the constants it filtered per kind of draw: emptied on
    the way in and out, so that neither the draw nor the other tests see the other's."""
    if not LOCAL_CONSTANTS_OFF:
        yield
        return
    from hypothesis.internal.conjecture import providers
    from hypothesis.internal.constants_ast import Constants

    scan, none = providers._get_local_constants, Constants()
    providers.CONSTANTS_CACHE.cache.clear()
    providers._get_local_constants = lambda: none
    try:
        yield
    finally:
        providers._get_local_constants = scan
        providers.CONSTANTS_CACHE.cache.clear()


def _local_constants_can_be_off() -> bool:
    try:
        from hypothesis.internal.conjecture import providers
        from hypothesis.internal.constants_ast import Constants  # noqa: F401
    except ImportError:
        return False
    return callable(getattr(providers, "_get_local_constants", None)) and hasattr(providers, "CONSTANTS_CACHE")


#: Whether this Hypothesis lets the draw do without the project's constants (see
#: _without_code_constants); when not, the drawn cases depend on the code and are keyed on it.
LOCAL_CONSTANTS_OFF = _local_constants_can_be_off()


#: Where the drawn cases are kept (see _drawn): in the repository, one file per part.
CASES_DIR = Path(os.environ.get("TEST_FUZZ_CASES_DIR") or Path(__file__).parent / "fuzz")


class _CasePickler(pickle.Pickler):
    """A case's fields but its operation, schemathesis' ``NOT_SET`` kept as itself (compared by
    identity)."""

    def persistent_id(self, obj):
        return "NOT_SET" if obj is NOT_SET else None


class _CaseUnpickler(pickle.Unpickler):
    """Only the classes a drawn case is made of (the file is in the repository: nothing in it
    may name anything else, such as a function to call)."""

    ALLOWED = {("collections", "OrderedDict"), ("requests.structures", "CaseInsensitiveDict")}

    def persistent_load(self, pid):
        if pid != "NOT_SET":
            raise pickle.UnpicklingError(f"unknown persistent id {pid!r}")
        return NOT_SET

    def find_class(self, module, name):
        found = super().find_class(module, name) if (
            (module, name) in self.ALLOWED or module.split(".")[0] == "schemathesis") else None
        if not isinstance(found, type):
            raise pickle.UnpicklingError(f"{module}.{name} is not a class a drawn case is made of")
        return found


def _drawn(part: int, operations: list) -> dict:
    """Each operation's cases (:func:`_generate`), drawn once per version of what decides them and
    kept in :data:`CASES_DIR` (``tests/fuzz/part<n>.pickle.xz``, committed): drawing costs ~5 s of
    CPU a part, reading them back ~0.1 s. What decides them, digested in the file: the whole
    OpenAPI schema, the code of this module that draws them (:func:`_drawing_digest`), the
    versions of Python (major.minor), schemathesis and Hypothesis, ``FUZZ_EXAMPLES`` and the
    part (and the project's code when Hypothesis cannot draw without its constants:
    :func:`_without_code_constants`). Hypothesis draws derandomized: the same cases as drawing
    again, without the CPU. When the digest differs they are drawn and the file written again
    (commit it, like ``tests/schema.sql``); ``FUZZ_DRAW=1`` draws them anyway (and writes them)."""
    key = hashlib.sha256(json.dumps([
        _schema_digest(), "" if LOCAL_CONSTANTS_OFF else dbsetup.source_digest("fuzz"),
        _drawing_digest(), list(sys.version_info[:2]),
        version("schemathesis"), version("hypothesis"), EXAMPLES, part]).encode()).hexdigest()
    path = CASES_DIR / f"part{part}.pickle.xz"
    if os.environ.get("FUZZ_DRAW") != "1":
        try:
            with lzma.open(path, "rb") as kept:
                if kept.readline().decode().strip() != key:
                    raise KeyError(key)  # drawn for another version: draw again
                fields = _CaseUnpickler(kept).load()
            return {operation: [_case(operation, case) for case in fields[f"{operation.method} {operation.path}"]]
                    for operation in operations}
        except (OSError, EOFError, KeyError, lzma.LZMAError, pickle.UnpicklingError, AttributeError, ImportError,
                TypeError, UnicodeDecodeError):
            pass  # not drawn yet for this version (or unreadable): draw
    drawn = {operation: _generate(operation) for operation in operations}
    if not all(_hashes_current(case) for cases in drawn.values() for case in cases):
        return drawn  # a case changed since it was drawn: not kept (never seen)
    fields = {f"{operation.method} {operation.path}": [
        {"__class__": type(case), **{name: getattr(case, name) for name in type(case).__slots__ if name != "operation"},
         # Random in every draw (a name for reports): made of the case's place, so that the file
         # drawn again from the same schema is the same file.
         "id": hashlib.sha256(f"{operation.method} {operation.path} {number}".encode()).hexdigest()[:6]}
        for number, case in enumerate(cases)] for operation, cases in drawn.items()}
    for cases in fields.values():
        for case in cases:
            if case["_meta"] is not None:
                case["_meta"] = meta = copy.copy(case["_meta"])
                # Python's hashes of the parts (different in every process: worked out again when
                # read, see _case) and how long the draw took: not kept, so that the same schema
                # draws the same file.
                meta._initial_hashes = dict.fromkeys(meta._initial_hashes, 0)
                meta._last_validated_hashes = dict.fromkeys(meta._last_validated_hashes, 0)
                meta.generation = copy.copy(meta.generation)
                meta.generation.time = 0.0
    CASES_DIR.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    with lzma.open(partial, "wb", preset=9) as kept:
        kept.write(f"{key}\n".encode())
        _CasePickler(kept, protocol=pickle.HIGHEST_PROTOCOL).dump(fields)
    os.replace(partial, path)
    return drawn


def _drawing_digest() -> str:
    """A digest of this module's code that decides the drawn cases (the rest of the module may
    change without drawing them again): how an operation's cases are drawn, the strategy for
    raw mail (its repr shows its source) and the placeholder id."""
    return hashlib.sha256("\n".join([
        inspect.getsource(_generate), inspect.getsource(_without_code_constants), repr(RFC822), str(EXISTING),
    ]).encode()).hexdigest()


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
    if LOCAL_CONSTANTS_OFF:  # drawn from the schema alone (see _without_code_constants)
        schema.config.analysis.constants.enabled = False
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
