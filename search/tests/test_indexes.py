"""The engine's full-text queries are answered from the GIN indexes on the stored vectors of
search/migrations/0002 (and problems/migrations/0002 for known errors), and the triggers keep
those vectors right whatever writes the row."""

import pytest
from django.db import connection

from catalog.models import Contact, Customer
from catalog.tests.factories import ContactFactory
from changes.models import Change
from crm.models import Complaint
from incidents.models import Incident, MajorIncident, Postmortem
from incidents.tests.factories import IncidentFactory, MajorIncidentFactory
from problems.models import KnownError, Problem
from search import engine
from servicerequests.models import ServiceRequest

pytestmark = [pytest.mark.django_db,
              pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL full text")]


@pytest.fixture(autouse=True)
def _no_window(monkeypatch):
    """The match alone (the ranking window's ORDER BY id lets the planner walk the primary key
    of these empty tables instead: at volume it picks the cheaper, bench/README.md)."""
    monkeypatch.setattr(engine, "RANK_WINDOW", None)


def plan(qs) -> str:
    sql, params = qs.query.sql_with_params()
    with connection.cursor() as cursor:
        # Tiny test tables: force the choice. Plain index scans off too, or the planner may walk
        # any btree index of an empty table with the match as a filter (it did once, in CI,
        # after other tests had left statistics behind); a bitmap scan needs the match itself.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute("SET LOCAL enable_indexonlyscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


@pytest.mark.parametrize(("kind", "model", "index"), [
    ("incident", Incident, "incidents_incident_search"),
    ("problem", Problem, "problems_problem_search"),
    ("change", Change, "changes_change_search"),
    ("complaint", Complaint, "crm_complaint_search"),
    ("contact", Contact, "catalog_contact_search"),
    ("customer", Customer, "catalog_customer_search"),
    ("known_error", KnownError, "known_error_search"),
    ("major_incident", MajorIncident, "incidents_majorincident_search"),
])
def test_documents_use_their_gin_index(kind, model, index):
    assert index in plan(engine._pg_query(kind, model.objects.all(), ("printer", "jam")))


def test_requests_use_the_answers_index():
    assert "requests_servicerequest_search" in plan(engine._requests_pg(ServiceRequest.objects.all(), ("laptop",)))


def test_the_expression_indexes_are_gone():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes WHERE indexname LIKE 'search\\_%%\\_fts'")
        assert cursor.fetchall() == []


def vector(model, pk) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f'SELECT search_vector::text FROM "{model._meta.db_table}" WHERE id = %s', [pk])  # noqa: S608
        return cursor.fetchone()[0]


def test_the_trigger_keeps_the_vector_whatever_writes_the_row():
    incident = IncidentFactory(title="Printer jam", description="tray two")
    assert vector(Incident, incident.pk) == "'jam':2A 'printer':1A 'tray':3 'two':4"
    Incident.objects.filter(pk=incident.pk).update(description="tray three")  # a bulk update
    assert "'three':4" in vector(Incident, incident.pk)
    incident.refresh_from_db()
    incident.title = "Scanner jam"
    incident.save()  # a full save: every column sent
    assert vector(Incident, incident.pk) == "'jam':2A 'scanner':1A 'three':4 'tray':3"
    Incident.objects.filter(pk=incident.pk).update(status=incident.status)  # text untouched
    assert vector(Incident, incident.pk) == "'jam':2A 'scanner':1A 'three':4 'tray':3"
    contact = ContactFactory(name="Eleni Georgiou", email="eleni@example.com")
    assert "'georgiou':2A" in vector(Contact, contact.pk)


def test_a_major_incidents_vector_follows_its_postmortem():
    major = MajorIncidentFactory(summary="Core switch failure")
    assert vector(MajorIncident, major.pk) == "'core':1A 'failure':3A 'switch':2A"
    postmortem = Postmortem.objects.create(major_incident=major, root_cause="firmware bug",
                                           actions=[{"text": "pin the firmware", "owner": "neteng"}])
    assert "'bug'" in vector(MajorIncident, major.pk) and "'neteng'" in vector(MajorIncident, major.pk)
    postmortem.root_cause = "a loose cable"
    postmortem.save()
    assert "'cable'" in vector(MajorIncident, major.pk) and "'bug'" not in vector(MajorIncident, major.pk)
    postmortem.delete()
    assert vector(MajorIncident, major.pk) == "'core':1A 'failure':3A 'switch':2A"
