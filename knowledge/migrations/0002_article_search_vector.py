"""The database keeps each article's ``search_vector`` (PostgreSQL only; a no-op on SQLite,
where ``knowledge.search`` falls back to a word match).

- ``knowledge_normalise(text)``: what ``knowledge.search.normalise`` does to a query — NFKC,
  the Persian letter forms unified (Arabic ي ى → ی, ك → ک, ة → ه, Arabic-Indic and Persian
  digits → ASCII), the ZWNJ a space, Arabic diacritics (U+064B–U+065F) and tatweel removed.
  Case is left to ``to_tsvector``. A test compares the two on generated text.
- ``knowledge_zwnj_joined(text)``: the words written with a ZWNJ, joined (``می‌خواهم`` →
  ``میخواهم``), indexed as well, so a query typed without the ZWNJ finds them too.
- ``knowledge_config(language)``: en → english, el → greek, pt → portuguese, anything else
  (Persian) → simple.
- ``knowledge_article_vector(language, title, body)``: the title with weight A, the body B.
- A ``BEFORE INSERT OR UPDATE`` trigger sets the column on every write, whatever wrote it
  (an ORM ``save()``, ``bulk_create``, ``.update()``, raw SQL); an update that changes
  neither title, body nor language keeps the vector it had (counters, status).
- A GIN index on the column.

Existing rows are filled at the end. Changing a function later needs a migration that
replaces it and refills the column (``UPDATE knowledge_article SET search_vector = NULL``:
the trigger recomputes a NULL vector)."""

from django.db import migrations

STATEMENTS = [
    r"""
CREATE OR REPLACE FUNCTION knowledge_normalise(value text) RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    result text := coalesce(value, '');
BEGIN
    -- The checks first: most text is NFKC already and has no Arabic script, and normalize()
    -- and translate() cost several times more than the checks (bench/knowledge_search.py).
    IF NOT result IS NFKC NORMALIZED THEN
        result := normalize(result, NFKC);
    END IF;
    IF result ~ E'[\u0600-\u06FF\u200C]' THEN
        result := regexp_replace(
            translate(result,
                      E'\u064A\u0649\u0643\u0629\u200C\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669'
                      || E'\u06F0\u06F1\u06F2\u06F3\u06F4\u06F5\u06F6\u06F7\u06F8\u06F9',
                      E'\u06CC\u06CC\u06A9\u0647 01234567890123456789'),
            E'[\u064B-\u065F\u0640]', '', 'g');
    END IF;
    RETURN result;
END
$$
""",
    r"""
CREATE OR REPLACE FUNCTION knowledge_zwnj_joined(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN strpos(coalesce(value, ''), E'\u200C') = 0 THEN '' ELSE
        array_to_string(ARRAY(
            SELECT replace(m[1], E'\u200C', '')
            FROM regexp_matches(normalize(value, NFKC), E'([^[:space:]]*\u200C[^[:space:]]*)', 'g') AS m
        ), ' ')
    END
$$
""",
    r"""
CREATE OR REPLACE FUNCTION knowledge_config(lang text) RETURNS regconfig
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE lang
        WHEN 'en' THEN 'english'::regconfig
        WHEN 'el' THEN 'greek'::regconfig
        WHEN 'pt' THEN 'portuguese'::regconfig
        ELSE 'simple'::regconfig
    END
$$
""",
    r"""
CREATE OR REPLACE FUNCTION knowledge_article_vector(lang text, title text, body text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT setweight(to_tsvector(knowledge_config(lang),
                                 knowledge_normalise(title) || ' '
                                 || knowledge_normalise(knowledge_zwnj_joined(title))), 'A')
        || setweight(to_tsvector(knowledge_config(lang),
                                 knowledge_normalise(body) || ' '
                                 || knowledge_normalise(knowledge_zwnj_joined(body))), 'B')
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
    RETURN NEW;
END
$$
""",
    r"""
CREATE TRIGGER knowledge_article_search_vector
    BEFORE INSERT OR UPDATE ON knowledge_article
    FOR EACH ROW EXECUTE FUNCTION knowledge_article_search_vector()
""",
    r"""
CREATE INDEX knowledge_article_search ON knowledge_article USING gin (search_vector)
""",
    r"""
UPDATE knowledge_article SET search_vector = NULL
""",
]

DROP = [
    "DROP INDEX IF EXISTS knowledge_article_search",
    "DROP TRIGGER IF EXISTS knowledge_article_search_vector ON knowledge_article",
    "DROP FUNCTION IF EXISTS knowledge_article_search_vector()",
    "DROP FUNCTION IF EXISTS knowledge_article_vector(text, text, text)",
    "DROP FUNCTION IF EXISTS knowledge_config(text)",
    "DROP FUNCTION IF EXISTS knowledge_zwnj_joined(text)",
    "DROP FUNCTION IF EXISTS knowledge_normalise(text)",
    "UPDATE knowledge_article SET search_vector = NULL",
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
    dependencies = [("knowledge", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
