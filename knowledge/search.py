"""Finding articles in the customers' languages.

On PostgreSQL every article carries a ``tsvector`` kept by the database itself (the trigger of
migration 0002; no Python save path can forget it): its title (weight A) and body (weight B),
normalised by the SQL function ``knowledge_normalise`` and parsed with the text search
configuration of the article's language (:data:`CONFIGS`: the snowball stemmers for English,
Greek and Portuguese, ``simple`` for Persian, which has no stemmer in PostgreSQL). A GIN index
on it makes a search an index lookup. The query is normalised the same way here
(:func:`normalise`) and parsed by ``websearch_to_tsquery`` in the same configuration, so an
inflected form finds the article (Greek λογαριασμού → λογαριασμός, Portuguese bloquear →
bloqueado) and a Persian query typed on an Arabic keyboard (ي, ك) finds text written with the
Persian letters (ی, ک). Beside it the database keeps a small title-only vector (migration
0003, ``search_title``), so title matches are found and told apart without reading the whole
vector; a broad query ranks a bounded set of candidates (:func:`article_search`).

On SQLite (the embedded quick start) there is no full-text search: :func:`article_search`
falls back to a word match (every word in the title or the body, case-insensitive for what
SQLite's LIKE folds; title matches first).

Nothing here raises for what a visitor types: quotes, operators, NUL bytes, emoji, only
punctuation or 10,000 characters all give a (possibly empty) result.
"""

from __future__ import annotations

import re
import unicodedata

from django.db import IntegrityError, connection, transaction
from django.db.models import BooleanField, Case, DateTimeField, F, FloatField, Func, Q, QuerySet, TextField, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Replace
from django.utils import timezone

from .choices import ArticleLanguage, ArticleStatus
from .models import Article, SearchMiss

#: The PostgreSQL text search configuration of each article language. Persian has no
#: stemmer in PostgreSQL: ``simple`` (lower-casing only) after :func:`normalise`.
#: Migration 0002's ``knowledge_config`` holds the same table in SQL.
CONFIGS = {
    ArticleLanguage.EN: "english",
    ArticleLanguage.EL: "greek",
    ArticleLanguage.PT: "portuguese",
    ArticleLanguage.FA: "simple",
}
DEFAULT_CONFIG = "simple"

#: A longer query is cut (a search box, not a document: websearch_to_tsquery ANDs every word).
MAX_QUERY_CHARS = 300
#: :attr:`SearchMiss.query`'s length.
MISS_QUERY_CHARS = 200

ZWNJ = "\u200c"
#: Letters that Persian writers type in more than one form, mapped to the Persian one:
#: Arabic yeh (and alef maksura) → Persian yeh, Arabic kaf → keheh, teh marbuta → heh,
#: the zero-width non-joiner → a space (``می‌خواهم`` is two tokens, like ``می خواهم``), and
#: Arabic-Indic and Persian digits → ASCII digits (error codes). The same table is in
#: migration 0002's ``knowledge_normalise`` (SQL ``translate``); a test keeps them equal.
PERSIAN_FORMS = {
    "\u064a": "\u06cc",  # ي → ی
    "\u0649": "\u06cc",  # ى → ی
    "\u0643": "\u06a9",  # ك → ک
    "\u0629": "\u0647",  # ة → ه
    ZWNJ: " ",
    **{chr(0x0660 + d): str(d) for d in range(10)},  # ٠-٩
    **{chr(0x06f0 + d): str(d) for d in range(10)},  # ۰-۹
}
_PERSIAN_TABLE = str.maketrans(PERSIAN_FORMS)
#: Arabic diacritics (fathatan … the small high marks, U+064B–U+065F) and the tatweel
#: (U+0640, the stretching stroke): removed.
_MARKS = re.compile("[\u064b-\u065f\u0640]")
#: Control characters (NUL included: PostgreSQL text cannot hold it) and lone surrogates
#: (not encodable in UTF-8): a space.
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_WORD = re.compile(r"\w+")


def normalise(text: str | None, language: str | None = None) -> str:
    """``text`` as it is indexed: NFKC, case-folded, the Persian letter forms unified
    (:data:`PERSIAN_FORMS`), Arabic diacritics and tatweel removed, control characters
    dropped, runs of white space collapsed.

    The Persian rules apply whatever ``language`` says: they only touch Arabic-script
    characters and the ZWNJ, and a query whose language is not known (the help centre's
    "all languages") must be normalised like the Persian articles it may find. The database
    applies the same rules to every article (migration 0002), so both sides agree."""
    if not text:
        return ""
    text = _UNSAFE.sub(" ", str(text))
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _MARKS.sub("", text.translate(_PERSIAN_TABLE))
    return " ".join(text.split())


def config_for(language: str | None) -> str:
    """The text search configuration for an article language (``simple`` for Persian and
    for anything unknown)."""
    return CONFIGS.get(language, DEFAULT_CONFIG)


def _zwnj_joined(text: str) -> str:
    """The words of ``text`` that contain a ZWNJ, written without it (``می‌خواهم`` →
    ``میخواهم``): searched as well, because many people type the word joined. The database
    indexes the same extra words (``knowledge_zwnj_joined``)."""
    text = unicodedata.normalize("NFKC", _UNSAFE.sub(" ", text))
    return " ".join(word.replace(ZWNJ, "") for word in text.split() if ZWNJ in word)


def _query_text(query) -> str:
    return normalise(str(query or "")[:MAX_QUERY_CHARS])


def _language(language) -> str | None:
    """An article language, or None (all languages) for anything else."""
    return language if language in CONFIGS else None


def article_search(queryset: QuerySet[Article], query, *, language: str | None = None) -> QuerySet[Article]:
    """The articles of ``queryset`` that match ``query``, best first, annotated with ``rank``
    (a float; higher is better).

    With ``language`` (``en``, ``el``, ``pt``, ``fa``) only articles in that language, the
    query parsed in its configuration; with ``None`` (or a value that is not an article
    language) every language, each article matched by the query parsed in *its own*
    configuration. The query understands web-search syntax (``"a phrase"``, ``or``,
    ``-word``); every other character is just text. A blank query leaves ``queryset``
    as it is (with ``rank`` 0); one that has no word left (only punctuation, only stop words)
    matches nothing.

    Ranking (PostgreSQL): 1 when every word of the query is in the title, plus ``ts_rank``
    with the title weighted 1.0 and the body 0.4, normalised into [0, 1) — so a title match
    always ranks above a body-only match; ties newest first.

    What is ranked (PostgreSQL): not every match, but a bounded set of candidates — the
    ``RANK_CANDIDATES`` (200) newest articles whose title matches and the 200 newest of all
    that match ("newest": most recently published; never-published ones last). Each list is
    taken among the ``RECENT_ARTICLES`` (5,000) most recently published articles first and,
    when that gives fewer than 200, topped up with up to 200 older ones: together at most
    ~800 articles (400–600 for the bench's broad queries). Ranking reads each article's
    whole vector (~1.6 kB, stored out of line): ranking
    the 8,000 matches of a common word among 100,000 articles took ~0.5 s, this ~15 ms
    (bench/README.md). The trade-off, for a query matching more than 200 articles: an old
    article that mentions the words only in its body, however often, is not returned when
    200 newer ones match; an old article with the words in its title still is, unless 200
    newer titles match too. The result (and so ``count()``) holds the candidates only, however
    many articles match. A query matching fewer than 200 articles returns every
    match, ranked as before. The search box's global search (``search.engine``) likewise ranks
    only the newest matches of each kind."""
    text = _query_text(query)
    language = _language(language)
    if language:
        queryset = queryset.filter(language=language)
    if not text:
        return queryset.annotate(rank=Value(0.0, output_field=FloatField()))
    if connection.vendor == "postgresql":
        queryset = _postgresql_search(queryset, text, str(query or "")[:MAX_QUERY_CHARS], language)
    else:
        queryset = fallback_search(queryset, text)
    return queryset.order_by("-rank", F("published_at").desc(nulls_last=True), "-created_at", "-pk")


#: How many matches of each kind are ranked: the newest ``RANK_CANDIDATES`` whose title matches
#: and the newest ``RANK_CANDIDATES`` of all matches (see :func:`article_search`). Ranking reads
#: each article's whole vector (~1.6 kB, stored out of line); this bounds how many are read.
RANK_CANDIDATES = 200
#: Newest first: published most recently, then never published (drafts), then created.
NEWEST = (F("published_at").desc(nulls_last=True), F("created_at").desc(), F("pk").desc())
#: How far back the newest matches are looked for first (see :func:`_postgresql_search`).
RECENT_ARTICLES = 5000

#: The rank of one language's match: 1 when the title alone matches (the small title-only
#: vector of migration 0003, ``<title>``), plus ``ts_rank`` over the whole vector with the
#: weights {D, C, B, A} = {0.1, 0.2, 0.4, 1.0} (body 0.4, title 1.0), normalised into [0, 1)
#: (32: rank / (rank + 1)). ``{query}`` is filled in here, ``<vector>`` and ``<title>`` by
#: :class:`_ArticleSQL`.
RANK_SQL = ("(CASE WHEN <title> @@ {query} THEN 1.0 ELSE 0.0 END"
            " + ts_rank('{{0.1, 0.2, 0.4, 1.0}}'::float4[], <vector>, {query}, 32))")


class _ArticleSQL(Func):
    """A fragment of SQL over the article's ``search_vector``, ``search_title`` and ``language``
    columns, written with the markers ``<vector>``, ``<title>`` and ``<language>``: Django fills
    in the columns (with the alias the query gives the table, also inside a subquery) and keeps
    ``params`` apart. ``search_title`` is the database's alone (migration 0003, not a model
    field): it is named like ``search_vector`` with the same table alias."""

    def __init__(self, sql: str, params: list, output_field):
        super().__init__(F("search_vector"), F("language"), output_field=output_field)
        self.fragment, self.fragment_params = sql, params

    def as_sql(self, compiler, connection, **extra_context):
        (vector, vector_params), (language, language_params) = (compiler.compile(e) for e in self.source_expressions)
        if vector_params or language_params:  # plain columns: never
            raise ValueError("unexpected parameters in a column reference")
        quoted = connection.ops.quote_name("search_vector")
        if not vector.endswith(quoted):
            raise ValueError("unexpected column reference")
        title = vector[:-len(quoted)] + connection.ops.quote_name("search_title")
        sql = self.fragment.replace("<vector>", vector).replace("<title>", title).replace("<language>", language)
        return sql, self.fragment_params


def _postgresql_search(queryset, text: str, raw: str, language: str | None):
    """Full-text match and rank, written as SQL: building the same with one ``SearchQuery``
    per language and clause cost about 20 ms of Python per search on the bench machine.
    Only fixed SQL is written in; what the visitor typed is always a parameter.

    The result is the ranked candidates: the ``RANK_CANDIDATES`` newest articles whose title
    matches and the ``RANK_CANDIDATES`` newest of all that match (see :func:`article_search`).
    Each candidate list is one GIN lookup and a sort by date (no vector read); only the
    candidates' vectors are read to rank them."""
    joined = normalise(_zwnj_joined(raw))

    def tsquery(lang: str) -> tuple[str, list]:
        # websearch_to_tsquery is immutable: with constant arguments PostgreSQL computes
        # it once per statement, however often it appears.
        sql, params = "websearch_to_tsquery(%s::regconfig, %s)", [config_for(lang), text]
        if joined and lang == ArticleLanguage.FA:  # the ZWNJ words also typed joined
            sql, params = f"({sql} || websearch_to_tsquery(%s::regconfig, %s))", [*params, config_for(lang), joined]
        return sql, params

    if language:
        query, query_params = tsquery(language)
        where, where_params = f"<vector> @@ {query}", query_params
        title_where = f"<title> @@ {query}"
        rank, rank_params = RANK_SQL.format(query=query), query_params * 2
    else:
        # One (language = x AND vector @@ query_x) per language, OR-ed: a BitmapOr of GIN
        # lookups, each article matched in its own configuration (bench/knowledge_search.py
        # compares it with one vector @@ (query_en || query_el || ...)).
        wheres, where_params, title_wheres, whens, rank_params = [], [], [], [], []
        for lang in CONFIGS:
            query, query_params = tsquery(lang)
            wheres.append(f"(<language> = %s AND <vector> @@ {query})")
            title_wheres.append(f"(<language> = %s AND <title> @@ {query})")
            where_params += [lang, *query_params]
            whens.append(f"WHEN %s THEN {RANK_SQL.format(query=query)}")
            rank_params += [lang, *query_params, *query_params]
        where = "(" + " OR ".join(wheres) + ")"
        title_where = "(" + " OR ".join(title_wheres) + ")"
        rank = f"(CASE <language> {' '.join(whens)} ELSE 0.0 END)"
    matching = queryset.filter(_ArticleSQL(where, where_params, BooleanField()))
    # A title match is a match (the title's lexemes are the whole vector's weight-A ones).
    in_title = queryset.filter(_ArticleSQL(title_where, where_params, BooleanField()))
    candidates, candidate_params = _candidates(in_title, matching)
    return (queryset.filter(_Candidates(candidates, candidate_params))
            .annotate(rank=_ArticleSQL(rank, rank_params, FloatField())))


class _Candidates(Func):
    """``pk = ANY(ARRAY(<candidates>))``: an index lookup of the few candidates (as ``pk IN
    (...)`` the planner may instead read the whole table and join)."""

    output_field = BooleanField()

    def __init__(self, sql: str, params: list):
        super().__init__(F("pk"))
        self.candidates, self.candidate_params = sql, params

    def as_sql(self, compiler, connection, **extra_context):
        pk, pk_params = compiler.compile(self.source_expressions[0])
        return f"{pk} = ANY(ARRAY({self.candidates}))", [*pk_params, *self.candidate_params]


def _candidates(in_title: QuerySet[Article], matching: QuerySet[Article]) -> tuple[str, list]:
    """SQL for the ``pk`` of the ranked candidates: the ``RANK_CANDIDATES`` newest title matches
    and the ``RANK_CANDIDATES`` newest matches (:data:`NEWEST`), each taken first among the
    ``RECENT_ARTICLES`` most recently published articles (the GIN indexes of migration 0003
    hold ``published_at`` beside each vector, so one index scan finds only those, and only
    they are read from the table); the older matches are read only when the recent ones are
    fewer than ``RANK_CANDIDATES`` (a one-time filter: PostgreSQL skips that scan otherwise).
    A broad query thus never reads all its matches; a narrow one still gets every match."""
    since = RawSQL("(SELECT at FROM kb_since)", [], output_field=DateTimeField())
    # The start of the recent window, computed once (an index-only scan of kb_article_published).
    ctes = ["kb_since AS MATERIALIZED (SELECT coalesce((SELECT published_at FROM knowledge_article"
            " WHERE status = %s AND published_at IS NOT NULL ORDER BY published_at DESC LIMIT 1 OFFSET %s),"
            " '-infinity'::timestamptz) AS at)"]
    cte_params, branches, branch_params = [ArticleStatus.PUBLISHED, RECENT_ARTICLES], [], []
    for name, found in (("kb_recent_titles", in_title), ("kb_recent", matching)):
        recent = found.filter(published_at__gte=since).order_by(*NEWEST).values("pk")[:RANK_CANDIDATES]
        # Only fixed names and Django's SQL are written in (noqa); every value is a parameter.
        too_few = RawSQL(f"(SELECT count(*) FROM {name}) < %s", [RANK_CANDIDATES],  # noqa: S608, S611
                         output_field=BooleanField())
        older = (found.filter(Q(published_at__lt=since) | Q(published_at__isnull=True)).filter(too_few)
                 .order_by(*NEWEST).values("pk")[:RANK_CANDIDATES])
        sql, params = recent.query.sql_with_params()
        ctes.append(f"{name} AS MATERIALIZED ({sql})")
        cte_params += params
        sql, params = older.query.sql_with_params()
        branches.append(f"SELECT pk FROM {name} UNION ALL ({sql})")  # noqa: S608
        branch_params += params
    return f"WITH {', '.join(ctes)} {' UNION ALL '.join(branches)}", [*cte_params, *branch_params]


#: What the fallback unifies in the stored text: the Persian letter forms, the ZWNJ and the
#: tatweel. Not the digits nor the diacritics: each is one more nested REPLACE, and SQLite's
#: parser refuses an expression nested much deeper ("parser stack overflow").
FALLBACK_FORMS = [("\u064a", "\u06cc"), ("\u0649", "\u06cc"), ("\u0643", "\u06a9"), ("\u0629", "\u0647"),
                  (ZWNJ, " "), ("\u0640", "")]


def _sqlite_normalised(expression):
    """A column with the Persian letter forms unified in SQL (nested REPLACE, which every
    database has): the fallback's side of :func:`normalise`."""
    for source, target in FALLBACK_FORMS:
        expression = Replace(expression, Value(source), Value(target), output_field=TextField())
    return expression


def fallback_search(queryset: QuerySet[Article], text: str) -> QuerySet[Article]:
    """Without full-text search (SQLite): articles whose title or body contains every word of
    the normalised query (``text``), annotated ``rank`` 1 when the title holds them all, else
    0.5. Plain ORM lookups, so it runs on any database; LIKE folds only ASCII letters, so
    each word is also tried capitalised and as typed."""
    words = [word for word in _WORD.findall(text) if word != "or"][:12]  # "or": web-search syntax
    if not words:
        return queryset.none().annotate(rank=Value(0.0, output_field=FloatField()))
    queryset = queryset.alias(kb_title=_sqlite_normalised(F("title")), kb_body=_sqlite_normalised(F("body")))
    everywhere, in_title = Q(), Q()
    for word in words:
        forms = {word, word.capitalize(), word.upper()}
        title = Q()
        body = Q()
        for form in forms:
            title |= Q(kb_title__icontains=form)
            body |= Q(kb_body__icontains=form)
        everywhere &= title | body
        in_title &= title
    return queryset.filter(everywhere).annotate(
        rank=Case(When(in_title, then=Value(1.0)), default=Value(0.5), output_field=FloatField()))


#: Words left out of :func:`suggest`'s fill-up ("any word"): common words of three letters or
#: more in the four languages. PostgreSQL has no stop-word list for Greek (its ``greek``
#: configuration stems only) nor for Persian (``simple``), so «δεν» or «کند» would match most
#: articles of their language and the fill-up would rank thousands; English and Portuguese
#: ones are listed too (their configurations drop them anyway: here they just cost nothing).
#: Stored as :func:`normalise` writes them (final ς → σ, Persian letter forms).
FILL_STOP_WORDS = frozenset(normalise(word) for word in """
    the and for are but not you your yours with this that these those from have has had was were will would can
    could should does did doesn don isn aren wasn won cannot what when where which who why how all any
    some our out about into over after before again also just only very there then than them they their its
    please get got use using work working works
    και για από στο στη στην στον στα στις στους την τον της του των τις τους είναι δεν μην που πως πώς ένα
    μια μία ένας αυτό αυτή αυτός αυτά αλλά όταν όπως μου σου μας σας έχει έχω έχουν θέλω μπορώ μπορεί πολύ
    ότι οποίο όλα ακόμα επίσης
    que não nao para com uma uns umas por mais como mas foi ele ela eles elas dos das nos nas num numa meu
    minha seu sua está estou estão tem ter ser isso este esta esse essa quando muito também pelo pela sem
    mesmo ainda quero posso pode
    است این برای که را از با در به تا یک می نمی شود میشود نمیشود کند کنید کنم کنیم کرد کرده کردم شما
    من ما آن های ها هم اما باید نیز بود شده دارد ندارد دارم ندارم هست نیست خود یا اگر چه چرا وقتی دیگر
    همه روی بر هر بعد قبل
""".split())


def suggest(query, *, user, language: str | None = None, limit: int = 5) -> list[Article]:
    """Up to ``limit`` published articles ``user`` may read that answer ``query`` (what a
    requester types in the portal, an incident's title on the agent's page), best first.
    Anonymous visitors and requesters get public articles only (``articles_visible_to``).
    Every word must match; when that finds fewer than ``limit`` and the query has several
    words, articles matching any of its words (of three letters or more, not in
    :data:`FILL_STOP_WORDS`) fill the rest."""
    # Imported here: selectors imports this module's neighbours; kept out of import time.
    from .selectors import articles_visible_to

    try:
        limit = max(0, min(int(limit), 50))
    except (TypeError, ValueError):
        limit = 5
    if not limit or not _query_text(query):
        return []
    visible = articles_visible_to(user).filter(status=ArticleStatus.PUBLISHED)
    found = list(article_search(visible, query, language=language)[:limit])
    words = [w for w in _WORD.findall(_query_text(query)) if len(w) >= 3 and w not in FILL_STOP_WORDS][:8]
    if len(found) < limit and len(words) > 1:
        seen = [article.pk for article in found]
        more = article_search(visible.exclude(pk__in=seen), " or ".join(words), language=language)
        found += list(more[:limit - len(found)])
    return found


def record_miss(query, language: str | None = None) -> SearchMiss | None:
    """Count a search that found nothing (one row per normalised query and language, its
    ``count`` and ``last_searched_at`` bumped on each repeat). A blank query is not recorded;
    a language that is not an article language is stored as blank (all languages)."""
    text = normalise(query)[:MISS_QUERY_CHARS].strip()
    if not text:
        return None
    language = _language(language) or ""
    now = timezone.now()
    key = {"query": text, "language": language}
    bump = {"count": F("count") + 1, "last_searched_at": now}
    if not SearchMiss.objects.filter(**key).update(**bump):
        try:
            with transaction.atomic():
                return SearchMiss.objects.create(**key, count=1, first_searched_at=now, last_searched_at=now)
        except IntegrityError:  # created by a concurrent search since the UPDATE
            SearchMiss.objects.filter(**key).update(**bump)
    return SearchMiss.objects.filter(**key).first()
