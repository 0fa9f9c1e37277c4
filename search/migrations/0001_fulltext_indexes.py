"""GIN indexes for the search box's full text, on the tables of the apps it searches.

PostgreSQL only (the embedded SQLite quick start matches words with ``icontains`` and has no
``to_tsvector``): each operation does nothing on another database. The expressions are a
frozen copy of ``search/vectors.py`` (``simple`` configuration, title weighted ``A``): the
planner uses an expression index only for a query that repeats its expression exactly, and
``search/tests/test_indexes.py`` checks with EXPLAIN that the engine's queries do. Known
errors already have a stored, indexed vector (``problems/migrations/0002``) and articles
their own (the knowledge app); they get nothing here."""

from django.db import migrations


def _document(title: str, rest: str) -> str:
    return (f"(setweight(to_tsvector('simple'::regconfig, COALESCE(\"{title}\", '')), 'A') || "
            f"to_tsvector('simple'::regconfig, COALESCE(\"{rest}\", '')))")


INDEXES = [
    ("search_incident_fts", "incidents_incident", _document("title", "description")),
    ("search_problem_fts", "problems_problem", _document("title", "description")),
    ("search_change_fts", "changes_change", _document("title", "description")),
    ("search_complaint_fts", "crm_complaint", _document("subject", "description")),
    ("search_contact_fts", "catalog_contact", _document("name", "email")),
    ("search_customer_fts", "catalog_customer", _document("name", "notes")),
    ("search_request_fts", "requests_servicerequest",
     """jsonb_to_tsvector('simple'::regconfig, "answers", '["string"]'::jsonb)"""),
]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, table, expression in INDEXES:
        schema_editor.execute(f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" USING gin (({expression}))')


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _table, _expression in INDEXES:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


class Migration(migrations.Migration):
    dependencies = [
        ("incidents", "0001_initial"),
        ("problems", "0001_initial"),
        ("changes", "0001_initial"),
        ("crm", "0002_complaint_survey"),
        ("catalog", "0001_initial"),
        ("requests", "0001_initial"),
    ]
    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
