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

How it is shared out: each role's operations are fuzzed in ``PARTS`` tests (operations dealt
out in turn, sorted by path and method), so that parallel test processes (pytest-xdist) share
the work out evenly. Every part starts from the same committed demo: ``seed_demo`` runs for real
once into a template database kept for the code's version (``tests/dbsetup.py``), and each part
runs against its own copy of it (``CREATE DATABASE … TEMPLATE``, about a second), dropped when
it ends. The schema is loaded once per test process.

Excluded, and why:

- nothing is excluded from ``/api/``; only rate limiting is lifted for the run (the token
  endpoint allows 10 requests a minute per address and every user 100 a second: a fuzzer
  would be answered 429, which tells nothing about the schema);
- the Twilio webhooks (``/telephony/``) are not in the OpenAPI schema (form posts signed by
  Twilio, answered in TwiML): their own tests fuzz them.

Bounded: ``FUZZ_EXAMPLES`` (default 2) generated requests per operation, mode (valid,
invalid) and target (a random id, an existing one), no deadline, no shrinking; within a part
the deletions come last, and the ids it aims at are read just before it starts. The figures
(operations, cases, failures, seconds, responses by class) are printed per role and part. Run
alone with ``pytest -m fuzz -s``.
"""

import functools
import os
import re
import time
from collections import Counter

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
from schemathesis.core.failures import FailureGroup

from catalog import demo as catalog_demo
from tests import dbsetup

pytestmark = [pytest.mark.fuzz, pytest.mark.django_db(transaction=True)]

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "2"))
ROLES = {"requester": "requester", "agent": "agent", "manager": "manager"}  # role → demo username
#: Tests per role: each fuzzes every PARTS-th operation (of all, sorted by path and method).
PARTS = 2


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


@pytest.fixture
def unthrottled(settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {
        "anon": "100000/s", "user": "100000/s", "auth": "100000/s"}}


def _existing_ids(client) -> dict[str, list[int]]:
    """The ids a list operation shows the caller, by collection path (``/api/v1/incidents/``)."""
    ids = {}
    from django.urls import reverse  # noqa: F401  (the URLconf is loaded before the first request)

    for prefix in ["alert-sources", "alerts", "announcements", "articles", "blackout-windows", "business-calendars",
                   "cab-boards", "cab-meetings", "callbacks", "calls", "catalog-items", "change-models", "changes",
                   "ci-relations", "cis", "complaints", "contacts", "customers", "deliveries", "incidents",
                   "known-errors", "lines", "mailboxes", "major-incidents", "message-templates", "notifications",
                   "opportunities", "priority-matrix", "problem-candidates", "problems", "queues", "request-tasks",
                   "requests", "service-outages", "services", "skills", "sla-policies", "sla-timers", "spike-alerts",
                   "spike-rules", "stakeholder-groups", "surveys", "teams", "users"]:
        response = client.get(f"/api/v1/{prefix}/", {"page_size": 5})
        if response.status_code == 200:
            body = response.json()
            rows = body["results"] if isinstance(body, dict) else body
            ids[f"/api/v1/{prefix}/"] = [row["id"] for row in rows if isinstance(row, dict) and "id" in row]
    return ids


def _order(operation) -> tuple:
    # Deletions last, so the records the other operations aim at still exist when they run.
    return (operation.method.upper() == "DELETE", operation.path, operation.method)


def _fuzz(label, strategies, headers, cases, statuses):
    @settings(max_examples=EXAMPLES * len(strategies), deadline=None, database=None,
              phases=[Phase.explicit, Phase.generate], derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(case=st.one_of(strategies))
    def call(case):
        cases[label] += 1
        response = case.call(headers=headers)
        statuses[response.status_code // 100] += 1
        case.validate_response(response, checks=CHECKS, headers=headers)

    call()


@pytest.fixture
def connection_kept_between_requests():
    """The WSGI handler closes the database connection after every request (CONN_MAX_AGE is 0
    in the tests); Django's test client keeps it, and so does this run: one connection, not
    one per generated request. Every request still commits on its own (autocommit)."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def demo_database(transactional_db):
    """A committed copy of the seeded demo for this test alone (see the module's docstring)."""

    def seed():
        call_command("seed_demo", password=catalog_demo.DEMO_PASSWORD, stdout=open(os.devnull, "w"))  # noqa: SIM115

    with dbsetup.seeded_database(seed) as name:
        yield name


@functools.cache
def _operations() -> tuple:
    """Every operation of the schema, as the project's WSGI application serves it (loaded once
    per test process), sorted by path and method."""
    from servicedesk.wsgi import application

    schema = schemathesis.openapi.from_wsgi("/api/schema/", application)
    return tuple(sorted((result.ok() for result in schema.get_all_operations()),
                        key=lambda operation: (operation.path, operation.method)))


@pytest.mark.parametrize("part", range(1, PARTS + 1))
@pytest.mark.parametrize("role", list(ROLES))
def test_every_operation_conforms_to_the_schema(role, part, demo_database, unthrottled,
                                                connection_kept_between_requests, capsys):
    """One role and one part of the operations per test, so parallel test processes
    (pytest-xdist) share them out; together the parts cover every operation."""
    from django.contrib.auth import get_user_model
    from rest_framework.test import APIClient

    everything = _operations()
    operations = sorted(everything[part - 1::PARTS], key=_order)

    user = get_user_model().objects.get(username=ROLES[role])
    token = Token.objects.get_or_create(user=user)[0].key
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    label = f"{role} {part}/{PARTS}"
    failures = _fuzz_as(label, operations, {"Authorization": f"Token {token}"}, _existing_ids(client), capsys)
    assert not failures, f"{len(failures)} operations failed for the {label}: {sorted(failures)}"


def _fuzz_as(role, operations, headers, ids, capsys) -> dict[str, str]:
    cases: Counter = Counter()
    statuses: Counter = Counter()
    failures: dict[str, str] = {}
    started = time.monotonic()
    for operation in operations:
        label = f"{operation.method.upper()} {operation.path}"
        collection = re.sub(r"\{id\}/.*$", "", operation.path)
        known = ids.get(collection)
        strategies = []
        modes = [GenerationMode.POSITIVE]
        if operation.body or operation.query:
            modes.append(GenerationMode.NEGATIVE)
        for mode in modes:
            strategies.append(operation.as_strategy(generation_mode=mode))
            if known and "{id}" in operation.path:
                strategies.append(operation.as_strategy(generation_mode=mode, path_parameters={"id": known[0]}))

        try:
            _fuzz(label, strategies, headers, cases, statuses)
        except (Exception, FailureGroup) as exc:  # noqa: BLE001 — every failing operation is reported
            failures[label] = str(exc)[:3000]

    elapsed = time.monotonic() - started
    with capsys.disabled():
        print(f"\n[fuzz {role}] operations={len(operations)} cases={sum(cases.values())} "
              f"failures={len(failures)} seconds={elapsed:.0f} "
              f"responses={{2xx: {statuses[2]}, 3xx: {statuses[3]}, 4xx: {statuses[4]}, 5xx: {statuses[5]}}}")
        for label, message in sorted(failures.items()):
            print(f"--- {label}\n{message}")
    return failures
