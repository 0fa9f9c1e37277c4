"""The full-text documents of each kind: stored ``tsvector`` columns on PostgreSQL, plain
columns for SQLite's word match.

On PostgreSQL every searched table has a ``search_vector`` column, kept by a trigger and
GIN-indexed (``search/migrations/0002_stored_vectors.py``; known errors' own English one is
``problems/migrations/0002``). The models do not declare it: the engine reads it with
:class:`StoredVector`, and ``search/tests/test_indexes.py`` checks with EXPLAIN that the
planner answers ``search_vector @@ query`` from the index.

``simple`` configuration: the desk's records are written in English, Greek, Portuguese and
Persian side by side; an English stemmer would leave the others unmatched and mangle names,
so words are kept as written (lower-cased). The title weighs ``A`` and the rest ``D``, so a
word in the title ranks higher. Articles keep their own vectors (the knowledge app's
``article_search``).
"""

from django.db.models import Expression, TextField

#: kind -> (the title column, the other text columns): what SQLite's word match reads, and
#: what the stored vector of the kind holds (``search_document(title, rest)`` in 0002).
DOCUMENTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "incident": ("title", ("description",)),
    "problem": ("title", ("description",)),
    "change": ("title", ("description",)),
    "complaint": ("subject", ("description",)),
    "contact": ("name", ("email",)),
    "customer": ("name", ("notes",)),
    "known_error": ("title", ("symptom", "workaround", "root_cause")),
    "major_incident": ("summary", ("resolution", "postmortem__summary", "postmortem__root_cause",
                                   "postmortem__contributing_factors")),
}

#: The text search configuration of each kind's stored vector (``simple`` unless named).
CONFIGS = {"known_error": "english"}

COLUMN = "search_vector"


def config(kind: str) -> str:
    return CONFIGS.get(kind, "simple")


class StoredVector(Expression):
    """The row's stored ``search_vector``, qualified with the alias its query gives the
    model's table: ``"incidents_incident"."search_vector"`` in the outer query, ``U0."…"``
    in a subquery (a bare name would be ambiguous once a visibility rule joins another
    searched table — a requester's incidents join their contacts, which have one too)."""

    output_field = TextField()

    def as_sql(self, compiler, connection):
        alias = next(iter(compiler.query.alias_map))
        return f"{compiler.quote_name_unless_alias(alias)}.{connection.ops.quote_name(COLUMN)}", []
