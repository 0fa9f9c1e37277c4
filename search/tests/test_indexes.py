"""The engine's full-text queries are answered from the GIN indexes of
search/migrations/0001 (and problems/migrations/0002 for known errors): the expressions match
exactly, or the planner would read every row."""

import pytest
from django.db import connection

from catalog.models import Contact, Customer
from changes.models import Change
from crm.models import Complaint
from incidents.models import Incident
from problems.models import KnownError, Problem
from search import engine
from servicerequests.models import ServiceRequest

pytestmark = [pytest.mark.django_db,
              pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL full text")]


@pytest.fixture(autouse=True)
def _no_window(monkeypatch):
    """The match alone (the ranking window's ORDER BY id would let the planner read the
    primary key of these empty tables instead: at volume it picks the cheaper, bench/README.md)."""
    monkeypatch.setattr(engine, "RANK_WINDOW", None)


def plan(qs) -> str:
    sql, params = qs.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # tiny test tables: force the choice
        cursor.execute("EXPLAIN " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


@pytest.mark.parametrize(("kind", "model", "index"), [
    ("incident", Incident, "search_incident_fts"),
    ("problem", Problem, "search_problem_fts"),
    ("change", Change, "search_change_fts"),
    ("complaint", Complaint, "search_complaint_fts"),
    ("contact", Contact, "search_contact_fts"),
    ("customer", Customer, "search_customer_fts"),
])
def test_documents_use_their_gin_index(kind, model, index):
    assert index in plan(engine._documents_pg(model.objects.all(), kind, ("printer", "jam")))


def test_requests_use_the_answers_index():
    assert "search_request_fts" in plan(engine._requests_pg(ServiceRequest.objects.all(), ("laptop",)))


def test_known_errors_use_their_stored_vector():
    assert "known_error_search" in plan(engine._known_errors_pg(KnownError.objects.all(), ("mail",)))
