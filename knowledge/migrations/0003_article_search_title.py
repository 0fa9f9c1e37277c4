"""A small title-only ``tsvector`` beside the whole one (PostgreSQL only; a no-op on SQLite).

``search_title`` holds what ``search_vector``'s weight-A part holds (the title, normalised and
parsed in the article's configuration, also its ZWNJ words joined), but at ~100 bytes it is
stored in the row, where ``search_vector`` (~1.6 kB for a typical article) is stored out of
line (TOAST). ``knowledge.search`` finds title matches with its GIN index and tells a title
match from a body match without reading the whole vector, so a broad query ranks a bounded
set of candidates instead of every match (bench/README.md, ``knowledge_search.py``).

Both GIN indexes also hold ``published_at`` (the ``btree_gin`` extension, part of
PostgreSQL's contrib and trusted: a database owner may create it): one index scan then finds
the matches among the most recently published articles only (``published_at >= x`` inside
the GIN scan), so the newest candidates of a query matching thousands of articles are found
without reading those thousands of rows. The index of migration 0002 on ``search_vector``
alone is replaced by one on (``search_vector``, ``published_at``) under the same name; it
serves a match on the vector alone as before.

It is not a model field: the database alone writes it (the trigger of migration 0002,
replaced here, sets both columns on every insert and on every update that changes the title
or the language) and only ``knowledge.search``'s SQL reads it. Existing rows are filled at the
end (an update of the column alone: the trigger computes it; ``search_vector`` is kept)."""

from django.db import migrations

STATEMENTS = [
    "ALTER TABLE knowledge_article ADD COLUMN search_title tsvector",
    r"""
CREATE OR REPLACE FUNCTION knowledge_title_vector(lang text, title text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT setweight(to_tsvector(knowledge_config(lang),
                                 knowledge_normalise(title) || ' '
                                 || knowledge_normalise(knowledge_zwnj_joined(title))), 'A')
$$
""",
    r"""
CREATE OR REPLACE FUNCTION knowledge_article_search_vector() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.search_vector IS NOT NULL
       AND NEW.title IS NOT DISTINCT FROM OLD.title
       AND NEW.body IS NOT DISTINCT FROM OLD.body
       AND NEW.language IS NOT DISTINCT FROM OLD.language THEN
        NEW.search_vector := OLD.search_vector;
    ELSE
        NEW.search_vector := knowledge_article_vector(NEW.language, NEW.title, NEW.body);
    END IF;
    IF TG_OP = 'UPDATE' AND OLD.search_title IS NOT NULL
       AND NEW.title IS NOT DISTINCT FROM OLD.title
       AND NEW.language IS NOT DISTINCT FROM OLD.language THEN
        NEW.search_title := OLD.search_title;
    ELSE
        NEW.search_title := knowledge_title_vector(NEW.language, NEW.title);
    END IF;
    RETURN NEW;
END
$$
""",
    "UPDATE knowledge_article SET search_title = NULL",
    "CREATE EXTENSION IF NOT EXISTS btree_gin",
    "CREATE INDEX knowledge_article_search_title ON knowledge_article USING gin (search_title, published_at)",
    "DROP INDEX IF EXISTS knowledge_article_search",
    "CREATE INDEX knowledge_article_search ON knowledge_article USING gin (search_vector, published_at)",
]

DROP = [
    "DROP INDEX IF EXISTS knowledge_article_search_title",
    "DROP INDEX IF EXISTS knowledge_article_search",
    "CREATE INDEX knowledge_article_search ON knowledge_article USING gin (search_vector)",
    r"""
CREATE OR REPLACE FUNCTION knowledge_article_search_vector() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.search_vector IS NOT NULL
       AND NEW.title IS NOT DISTINCT FROM OLD.title
       AND NEW.body IS NOT DISTINCT FROM OLD.body
       AND NEW.language IS NOT DISTINCT FROM OLD.language THEN
        NEW.search_vector := OLD.search_vector;
    ELSE
        NEW.search_vector := knowledge_article_vector(NEW.language, NEW.title, NEW.body);
    END IF;
    RETURN NEW;
END
$$
""",
    "DROP FUNCTION IF EXISTS knowledge_title_vector(text, text)",
    "ALTER TABLE knowledge_article DROP COLUMN IF EXISTS search_title",
]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in STATEMENTS:
            schema_editor.execute(statement)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in DROP:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0002_article_search_vector")]
    operations = [migrations.RunPython(forwards, backwards)]
