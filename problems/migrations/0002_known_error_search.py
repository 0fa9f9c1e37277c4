"""A stored, generated ``tsvector`` of each known error (title and symptom weight A, the
workaround B, the root cause C) with a GIN index, so the suggestions are an index lookup
instead of building four ``tsvector``s per row per keystroke (bench/README.md: 5–12 s → 13–98
ms at 100,000 known errors). PostgreSQL only, and not a model field: the embedded SQLite demo
has no ``to_tsvector`` and uses a simpler word match."""

from django.db import migrations

COLUMN = """
ALTER TABLE problems_knownerror ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english'::regconfig, COALESCE(title, '')), 'A')
    || setweight(to_tsvector('english'::regconfig, COALESCE(symptom, '')), 'A')
    || setweight(to_tsvector('english'::regconfig, COALESCE(workaround, '')), 'B')
    || setweight(to_tsvector('english'::regconfig, COALESCE(root_cause, '')), 'C')
) STORED
"""
INDEX = "CREATE INDEX known_error_search ON problems_knownerror USING gin (search_vector)"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(COLUMN)
        schema_editor.execute(INDEX)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE problems_knownerror DROP COLUMN search_vector")  # and its index


class Migration(migrations.Migration):
    dependencies = [("problems", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
