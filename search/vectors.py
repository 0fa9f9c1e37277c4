"""The full-text documents of each kind, as PostgreSQL expressions.

``search/migrations/0001_fulltext_indexes.py`` builds a GIN index on exactly these
expressions (its own frozen copy: a migration must not change when this file does), and
the engine matches with the same text, so the planner answers ``vector @@ query`` from the
index. ``search/tests/test_indexes.py`` checks with EXPLAIN that it does.

``simple`` configuration: the desk's records are written in English, Greek, Portuguese and
Persian side by side; an English stemmer would leave the others unmatched and mangle names,
so words are kept as written (lower-cased). The title weighs ``A`` and the rest ``D``, so a
word in the title ranks higher. Known errors keep their own stored English vector
(``problems/migrations/0002``) and articles their own (the knowledge app's ``article_search``).
"""

#: kind -> (table, the title column, the other text columns)
DOCUMENTS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "incident": ("incidents_incident", "title", ("description",)),
    "problem": ("problems_problem", "title", ("description",)),
    "change": ("changes_change", "title", ("description",)),
    "complaint": ("crm_complaint", "subject", ("description",)),
    "contact": ("catalog_contact", "name", ("email",)),
    "customer": ("catalog_customer", "name", ("notes",)),
}


def _column(table: str | None, name: str) -> str:
    return f'"{table}"."{name}"' if table else f'"{name}"'


def document_sql(kind: str, *, qualified: bool = True) -> str:
    """``setweight(to_tsvector('simple', title), 'A') || to_tsvector('simple', rest)``, with
    the columns qualified by their table (for queries with joins) or not (for the index)."""
    table, title, rest = DOCUMENTS[kind]
    prefix = table if qualified else None
    head = f"setweight(to_tsvector('simple'::regconfig, COALESCE({_column(prefix, title)}, '')), 'A')"
    tail = " || ' ' || ".join(f"COALESCE({_column(prefix, name)}, '')" for name in rest)
    return f"({head} || to_tsvector('simple'::regconfig, {tail}))"


#: A service request has no title of its own: its answers (the strings in its JSON) are its
#: text, and its catalogue item's name is matched through the item (a small table).
REQUEST_TABLE = "requests_servicerequest"


def request_answers_sql(*, qualified: bool = True) -> str:
    column = _column(REQUEST_TABLE if qualified else None, "answers")
    return f"""jsonb_to_tsvector('simple'::regconfig, {column}, '["string"]'::jsonb)"""
