"""Stored ``tsvector`` columns for the search box, with a GIN index on each, instead of the
expression indexes of ``0001`` (dropped here).

Why: a GIN index on an expression stores no vector, so every row the engine ranks (and every
row the planner checks while reading the newest first) had its text parsed again — a common
word took 0.2–0.8 s at 1,000,000 incidents (bench/README.md). A stored vector is read, not
rebuilt: the match check and ``ts_rank`` cost microseconds a row.

PostgreSQL only (SQLite, the embedded quick start, matches words with ``icontains``): every
operation does nothing on another database. The column is not a model field, so Django never
sends it; the engine reaches it with raw SQL (``search/vectors.py``).

- ``search_document(title, body)``: the title with weight A, the rest D, the ``simple``
  configuration (words as written, lower-cased) — the document of ``0001``, unchanged, so
  matches and ranks are the same.
- One ``BEFORE INSERT OR UPDATE OF <its text columns>, search_vector`` trigger per table sets
  ``search_vector``, whatever wrote the row (ORM ``save()``, ``bulk_create``, ``.update()``,
  raw SQL, COPY). An update that does not name the text columns (``save(update_fields=…)``,
  a status ``.update()``) does not fire it; one that names them unchanged (a full ``save()``)
  keeps the vector it had. A trigger rather than a generated column: PostgreSQL refuses to
  change the type of a column a generated column reads, and the apps' own migrations (a
  ``max_length``) must stay free to.
- Major incidents (issue 24): the summary (A), then the resolution and the postmortem's
  summary, root cause, contributing factors and follow-up actions; the postmortem's own
  trigger refreshes its major incident's vector.

Existing rows are filled at the end (``SET search_vector = NULL``: the trigger computes a
NULL vector). Changing a document later needs a migration that replaces its function and
refills the column the same way."""

from django.db import migrations


def _function(table: str, columns: list[str], document: str) -> str:
    changed = " OR ".join(f"NEW.{c} IS DISTINCT FROM OLD.{c}" for c in columns)
    return f"""
CREATE OR REPLACE FUNCTION {table}_search_vector() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.search_vector := {document};
    ELSIF NEW.search_vector IS NULL OR {changed} THEN
        NEW.search_vector := {document};
    END IF;
    RETURN NEW;
END
$$"""


#: table -> (the text columns its trigger watches, its document from ``NEW``)
TABLES = {
    "incidents_incident": (["title", "description"], "search_document(NEW.title, NEW.description)"),
    "problems_problem": (["title", "description"], "search_document(NEW.title, NEW.description)"),
    "changes_change": (["title", "description"], "search_document(NEW.title, NEW.description)"),
    "crm_complaint": (["subject", "description"], "search_document(NEW.subject, NEW.description)"),
    "catalog_contact": (["name", "email"], "search_document(NEW.name, NEW.email)"),
    "catalog_customer": (["name", "notes"], "search_document(NEW.name, NEW.notes)"),
    "requests_servicerequest": (["answers"],
                                """jsonb_to_tsvector('simple'::regconfig, NEW.answers, '["string"]'::jsonb)"""),
    "incidents_majorincident": (["summary", "resolution"], "search_major_incident_document(NEW.id, NEW.summary, NEW.resolution)"),
}

#: The expression indexes of 0001 that the stored vectors replace.
OLD_INDEXES = {
    "incidents_incident": "search_incident_fts",
    "problems_problem": "search_problem_fts",
    "changes_change": "search_change_fts",
    "crm_complaint": "search_complaint_fts",
    "catalog_contact": "search_contact_fts",
    "catalog_customer": "search_customer_fts",
    "requests_servicerequest": "search_request_fts",
}

FUNCTIONS = [
    """
CREATE OR REPLACE FUNCTION search_document(title text, body text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT setweight(to_tsvector('simple'::regconfig, COALESCE(title, '')), 'A')
        || to_tsvector('simple'::regconfig, COALESCE(body, ''))
$$""",
    """
CREATE OR REPLACE FUNCTION search_major_incident_document(major_id bigint, major_summary text,
                                                          major_resolution text)
RETURNS tsvector LANGUAGE sql STABLE AS $$
    SELECT search_document(major_summary, concat_ws(' ', major_resolution, p.summary, p.root_cause,
                                                    p.contributing_factors))
        || COALESCE(jsonb_to_tsvector('simple'::regconfig, p.actions, '["string"]'::jsonb), ''::tsvector)
    FROM (SELECT 1) one
    LEFT JOIN incidents_postmortem p ON p.major_incident_id = major_id
$$""",
    """
CREATE OR REPLACE FUNCTION incidents_postmortem_search_vector() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE incidents_majorincident SET search_vector = NULL
    WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.major_incident_id ELSE NEW.major_incident_id END;
    RETURN NULL;
END
$$""",
]


def forward_statements() -> list[str]:
    statements = list(FUNCTIONS[:2])
    for table, (columns, document) in TABLES.items():
        statements += [
            f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS search_vector tsvector",
            _function(table, columns, document),
            f"CREATE TRIGGER {table}_search_vector BEFORE INSERT OR UPDATE OF {', '.join(columns)}, search_vector "
            f"ON {table} FOR EACH ROW EXECUTE FUNCTION {table}_search_vector()",
            f"UPDATE {table} SET search_vector = NULL",
            f"CREATE INDEX {table}_search ON {table} USING gin (search_vector)",
        ]
        if table in OLD_INDEXES:
            statements.append(f'DROP INDEX IF EXISTS "{OLD_INDEXES[table]}"')
    statements += [
        FUNCTIONS[2],
        "CREATE TRIGGER incidents_postmortem_search_vector AFTER INSERT OR DELETE OR UPDATE OF summary, root_cause, "
        "contributing_factors, actions, major_incident_id ON incidents_postmortem "
        "FOR EACH ROW EXECUTE FUNCTION incidents_postmortem_search_vector()",
    ]
    return statements


def backward_statements() -> list[str]:
    statements = [
        "DROP TRIGGER IF EXISTS incidents_postmortem_search_vector ON incidents_postmortem",
        "DROP FUNCTION IF EXISTS incidents_postmortem_search_vector()",
    ]
    for table in TABLES:
        statements += [
            f"DROP TRIGGER IF EXISTS {table}_search_vector ON {table}",
            f"DROP FUNCTION IF EXISTS {table}_search_vector()",
            f"ALTER TABLE {table} DROP COLUMN IF EXISTS search_vector",  # and its index
        ]
    statements += [
        "DROP FUNCTION IF EXISTS search_major_incident_document(bigint, text, text)",
        "DROP FUNCTION IF EXISTS search_document(text, text)",
    ]
    return statements


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in forward_statements():
        schema_editor.execute(statement)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in backward_statements():
        schema_editor.execute(statement)
    # 0001's expression indexes, as 0001 builds them.
    from importlib import import_module

    import_module("search.migrations.0001_fulltext_indexes").forwards(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_fulltext_indexes"),
        ("incidents", "0007_timeline_indexes"),
        ("problems", "0002_known_error_search"),
        ("changes", "0002_category_matrix"),
        ("crm", "0003_survey_timeline_indexes"),
        ("catalog", "0003_contact_email_upper"),
        ("requests", "0003_timeline_indexes"),
    ]
    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
