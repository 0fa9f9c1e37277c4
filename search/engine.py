"""The one search box: what a query means and what it finds.

A query is read, in this order, as

- a record **number** (``INC000123``, ``inc123``, ``REQ 89``, ``CHG…``, ``PRB…``, ``KE…`` for
  known errors, ``KB…`` for articles, ``CMP…``; any case, leading zeros or not): that record
  alone, found by its unique number;
- a **phone number** in any format (``+30 210 123 4567``, ``0030-210-1234567``, national with
  ``PHONE_DEFAULT_REGION``): the contacts owning that E.164 number and the calls from it;
  digits alone also find the customer with that account number;
- an **email address**: the contacts with that address (case-insensitive) and their customers;
- otherwise **words**: full text over incidents, requests, problems, changes, known errors,
  articles, complaints, contacts and customers, each kind ranked (``ts_rank``) and limited on
  its own, then merged best first.

What a person sees is each app's own ``<kind>s_visible_to(user)``; requesters are offered
their tickets (incidents, requests, complaints) and the articles they may read, nothing else.

On PostgreSQL the words are matched against the expressions of ``search/vectors.py``, which
the GIN indexes of ``search/migrations/0001`` cover exactly. On SQLite (the embedded quick
start) every word must appear in one of the same columns (``icontains``), newest first.

Words are one statement on PostgreSQL, all kinds together (``_union_words``: each kind's
selector, ranked and limited in its branch, merged by the database); at most one query per
kind on SQLite; whatever the number of rows.
"""

from __future__ import annotations

import json
import math
import re
import time
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import import_module
from operator import attrgetter, itemgetter

from django.core.exceptions import ObjectDoesNotExist
from django.db import connection, transaction
from django.db.models import BooleanField, Expression, F, FloatField, Q, QuerySet, TextField, Value
from django.db.models.functions import Cast
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from catalog.models import ContactPhone
from catalog.phone import phone_from_query
from catalog.selectors import contacts_visible_to, customers_visible_to
from changes.selectors import changes_visible_to
from contactcenter.models import Call
from core.roles import is_staff_member
from crm.complaint_selectors import complaints_visible_to
from incidents.selectors import incidents_visible_to, major_incidents_visible_to
from problems.models import KnownError
from problems.selectors import problems_visible_to
from servicerequests.selectors import requests_visible_to

from .vectors import COLUMN, DOCUMENTS, StoredVector, config

#: Every kind of result, in the order ties are broken (and the page's groups are listed).
KINDS = (
    "incident",
    "major_incident",
    "request",
    "problem",
    "change",
    "known_error",
    "article",
    "complaint",
    "contact",
    "customer",
    "call",
)
#: What a requester (anyone without a staff role) is offered: their tickets and the articles.
REQUESTER_KINDS = frozenset({"incident", "request", "complaint", "article"})
#: Each number's prefix and its kind (all numbers are the prefix and the id, six digits or more).
PREFIXES = {
    "INC": "incident",
    "REQ": "request",
    "CHG": "change",
    "PRB": "problem",
    "KE": "known_error",
    "KB": "article",
    "CMP": "complaint",
}

DEFAULT_LIMIT = 20
MAX_LIMIT = 50
#: The longest query read (the API refuses longer; the page cuts).
MAX_QUERY_CHARS = 200
MAX_WORDS = 8
SNIPPET_CHARS = 160
#: Per kind, the newest matches that are ranked, and the newest rows read one by one before
#: the GIN index is asked for older matches (see ``_NewestMatches``).
RANK_WINDOW = 200
SCAN_ROWS = 20_000
#: A word the table's statistics call rare (fewer matches than ``RANK_WINDOW`` in ``SCAN_ROWS``
#: rows would hold) is looked up in the GIN index first, reading at most ``GIN_ROWS`` matches
#: (``GUESS_ROWS`` when the statistics do not list it: a guess); more than that and the newest
#: rows are read one by one after all (see ``_NewestMatches`` and ``_gin_first``). The
#: statistics are re-read from ``pg_stats`` every ``STATS_SECONDS`` by each process.
#: (``GUESS_ROWS`` 5,000 rather than 2,000: rare words at 1,000,000 incidents, p50 98–114
#: against 140–161 ms at load 12, interleaved runs; bench/README.md.)
GIN_ROWS = 20_000
GUESS_ROWS = 5_000
STATS_SECONDS = 600
#: A word the statistics list as rare in the newest rows but frequent in the table (more than
#: ``MIDDLE_ROWS`` expected matches: that many heap visits from the GIN index alone) is asked
#: of the newest ids that should hold ``RANGE_SAFETY`` × ``RANK_WINDOW`` of its matches, with
#: the range a literal so that the planner can AND the GIN index with the primary key's range
#: (``_first_step``). Fewer there (the statistics were wrong), the older matches as for any word.
MIDDLE_ROWS = 2_000
RANGE_SAFETY = 2
#: A word the statistics do not list: the newest ``PROBE_ROWS`` rows are checked first, and
#: one in ``PROBE_SHARE`` of them or more matching sends it to the newest rows as a common word.
PROBE_ROWS = 1_000
PROBE_SHARE = 0.01
#: ``article_search`` ranks in [0, 2) (1 for every word in the title, plus a normalised
#: ``ts_rank``); halved, an article sits among the tickets whose titles match as well.
ARTICLE_RANK_SCALE = 0.5

NUMBER_RE = re.compile(r"^(INC|REQ|CHG|PRB|KE|KB|CMP)[\s#:\-]*(\d{1,12})$", re.IGNORECASE)
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
WORD_RE = re.compile(r"[^\W_]+")
CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]+")


@dataclass(frozen=True)
class Hit:
    """One result: the API's shape (``kind, id, number, title, url, snippet``) and its rank."""

    kind: str
    id: int
    number: str | None
    title: str
    url: str
    snippet: str
    rank: float = 0.0


@dataclass(frozen=True)
class Outcome:
    """What the query was read as (``number``, ``phone``, ``email``, ``words`` or ``none``)
    and what it found, best first."""

    match: str
    hits: list[Hit]
    words: tuple[str, ...] = ()

    @property
    def jump(self) -> Hit | None:
        """The record a number names, when the user may see it: the page goes straight there."""
        return self.hits[0] if self.match == "number" and len(self.hits) == 1 else None


# --- reading the query ------------------------------------------------------------------------
def clean(q: str | None) -> str:
    """The query without control characters, lone surrogates or surrounding blanks (PostgreSQL
    refuses NUL, the driver unencodable text), at most ``MAX_QUERY_CHARS`` long."""
    text = (q or "")[: MAX_QUERY_CHARS * 2].encode("utf-8", "ignore").decode("utf-8")
    return " ".join(CONTROL_RE.sub(" ", text).split())[:MAX_QUERY_CHARS]


def parse_number(q: str) -> tuple[str, str] | None:
    """``(kind, number)`` for ``INC123``, ``inc000123``, ``REQ 89``…: the prefix and the id,
    zero-padded to six digits as every app writes them (``INC{pk:06d}``)."""
    found = NUMBER_RE.match(q)
    if not found:
        return None
    prefix = found.group(1).upper()
    return PREFIXES[prefix], f"{prefix}{int(found.group(2)):06d}"


def parse_phone(q: str) -> str | None:
    """E.164 for a query that is only a phone number (``+``, digits, blanks, dashes, dots,
    brackets; ``00`` read as ``+``; national numbers in ``PHONE_DEFAULT_REGION``): the
    catalogue's rule, shared with the contact pickers."""
    return phone_from_query(q)


def words_of(q: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(w.lower() for w in WORD_RE.findall(q)))[:MAX_WORDS]


def tsquery_text(words: Iterable[str]) -> str:
    """Every word must match; the last one as a prefix, for a box that suggests as one types.
    The words are letters and digits only, so quoting them cannot break the syntax."""
    words = list(words)
    return " & ".join(f"'{w}'" for w in words[:-1]) + (" & " if len(words) > 1 else "") + f"'{words[-1]}':*"


# --- snippets and addresses -------------------------------------------------------------------
def excerpt(text: str, words: Iterable[str] = (), width: int = SNIPPET_CHARS) -> str:
    """A trimmed excerpt of ``text`` around the first word found (the start otherwise)."""
    flat = " ".join((text or "").split())
    if len(flat) <= width:
        return flat
    lowered = flat.lower()
    positions = [p for p in (lowered.find(w) for w in words if w) if p >= 0]
    start = max(0, min(positions) - width // 3) if positions else 0
    if start:
        space = flat.find(" ", start)
        start = space + 1 if 0 <= space < start + 20 else start
    end = start + width
    if end < len(flat):
        space = flat.rfind(" ", start, end)
        end = space if space > start + width // 2 else end
    return ("…" if start else "") + flat[start:end] + ("…" if end < len(flat) else "")


def _url(name: str, pk: int) -> str:
    return reverse(name, args=[pk])


# --- the kinds --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Source:
    """How one kind is searched and shown."""

    kind: str
    visible: Callable[[object], QuerySet]
    title: str
    body: str | None
    url: Callable[[object, bool], str]
    number: str | None = "number"
    related: tuple[str, ...] = ()
    #: The ``search/vectors.py`` document of the kind (None: searched its own way).
    document: bool = True

    def queryset(self, user) -> QuerySet:
        qs = self.visible(user).prefetch_related(None)
        return qs.select_related(*self.related) if self.related else qs

    def hit(self, obj, *, staff: bool, words=(), rank: float = 0.0) -> Hit:
        number = attrgetter(self.number)(obj) if self.number else None
        body = _body(self, obj)
        return Hit(
            kind=self.kind,
            id=obj.pk,
            number=number,
            title=_title(self, obj),
            url=self.url(obj, staff),
            snippet=excerpt(body, words),
            rank=float(rank or 0.0),
        )


def _title(source: Source, obj) -> str:
    if source.kind == "request":
        return obj.catalog_item.name
    return str(getattr(obj, source.title) or "")


def _body(source: Source, obj) -> str:
    if source.kind == "request":
        return " · ".join(str(v) for v in (obj.answers or {}).values() if isinstance(v, str | int | float))
    if source.kind == "contact":
        parts = [obj.email, obj.customer.name if obj.customer_id else ""]
        return " · ".join(p for p in parts if p)
    if source.kind == "known_error":
        return f"{obj.symptom} {obj.workaround}"
    if source.kind == "major_incident":
        try:
            postmortem = obj.postmortem
        except ObjectDoesNotExist:
            postmortem = None
        parts = [obj.resolution]
        if postmortem is not None:
            parts += [postmortem.summary, postmortem.root_cause, postmortem.contributing_factors]
        return " ".join(p for p in parts if p)
    return str(getattr(obj, source.body) or "") if source.body else ""


def known_errors_visible_to(user) -> QuerySet[KnownError]:
    """Known errors have no selector of their own: their API and pages are open to staff
    (``StaffOnly``), and that is the rule read here."""
    return KnownError.objects.all() if is_staff_member(user) else KnownError.objects.none()


def calls_visible_to(user) -> QuerySet[Call]:
    """The call log is staff-only (``calls/``: ``read_roles = STAFF_ROLES``)."""
    return Call.objects.all() if is_staff_member(user) else Call.objects.none()


SOURCES: dict[str, Source] = {
    "incident": Source(
        "incident",
        incidents_visible_to,
        "title",
        "description",
        lambda o, staff: _url("incidents:detail" if staff else "portal:incident", o.pk),
    ),
    "major_incident": Source(
        "major_incident",
        major_incidents_visible_to,
        "summary",
        None,
        lambda o, staff: _url("major:detail", o.pk),
        number="incident.number",
        related=("incident", "postmortem"),
    ),
    "request": Source(
        "request",
        requests_visible_to,
        "catalog_item",
        None,
        related=("catalog_item",),
        url=lambda o, staff: _url("requests:detail" if staff else "portal:request", o.pk),
        document=False,
    ),
    "problem": Source(
        "problem", problems_visible_to, "title", "description", lambda o, staff: _url("problems:detail", o.pk)
    ),
    "change": Source(
        "change", changes_visible_to, "title", "description", lambda o, staff: _url("changes:detail", o.pk)
    ),
    "known_error": Source(
        "known_error",
        known_errors_visible_to,
        "title",
        None,
        lambda o, staff: _url("problems:known-error", o.pk),
        document=False,
    ),
    "complaint": Source(
        "complaint", complaints_visible_to, "subject", "description", lambda o, staff: _url("crm:complaint", o.pk)
    ),
    "contact": Source(
        "contact",
        contacts_visible_to,
        "name",
        None,
        lambda o, staff: _url("crm:contact", o.pk),
        number=None,
        related=("customer",),
    ),
    "customer": Source(
        "customer",
        customers_visible_to,
        "name",
        "notes",
        lambda o, staff: _url("crm:customer", o.pk),
        number="account_number",
    ),
}


def _knowledge():
    """``(articles_visible_to, article_search)`` from the knowledge app, or None while it has
    neither (imported here, not at the top: the app is newer than this one and may lack them)."""
    try:
        selectors, finder = import_module("knowledge.selectors"), import_module("knowledge.search")
        return selectors.articles_visible_to, finder.article_search
    except (ImportError, AttributeError):
        return None


def _article_url(article, staff: bool) -> str:
    """Staff open the agents' page; anyone else the public help centre's (``/help/KB…/``),
    once the knowledge app has that route."""
    if not staff and article.number:
        try:
            return reverse("knowledge:help-article", args=[article.number])
        except NoReverseMatch:
            pass
    return article.get_absolute_url()


def _article_url_of(pk: int, number: str | None, staff: bool) -> str:
    """:func:`_article_url` of the article ``pk`` (numbered ``number``), without reading it."""
    from django.apps import apps

    return _article_url(apps.get_model("knowledge", "Article")(pk=pk, number=number), staff)


def _article_hit(article, *, staff: bool, words=(), rank: float = 0.0) -> Hit:
    return Hit(
        kind="article",
        id=article.pk,
        number=article.number,
        title=article.title,
        url=_article_url(article, staff),
        snippet=excerpt(article.body, words),
        rank=float(rank or getattr(article, "rank", 0.0) or 0.0) * ARTICLE_RANK_SCALE,
    )


# --- the search -------------------------------------------------------------------------------
def allowed_kinds(user, kind: str | None = None) -> tuple[str, ...]:
    kinds = KINDS if is_staff_member(user) else tuple(k for k in KINDS if k in REQUESTER_KINDS)
    return tuple(k for k in kinds if kind is None or k == kind)


def search(user, q: str | None, *, kind: str | None = None, limit: int = DEFAULT_LIMIT) -> Outcome:
    """Everything ``user`` may see that ``q`` names, best first (at most ``limit``)."""
    q = clean(q)
    limit = max(1, min(int(limit), MAX_LIMIT))
    kinds = allowed_kinds(user, kind)
    if not q or not getattr(user, "is_authenticated", False) or not kinds:
        return Outcome("none", [])
    staff = is_staff_member(user)
    number = parse_number(q)
    if number:
        return Outcome("number", _by_number(user, *number, kinds=kinds, staff=staff))
    phone = parse_phone(q)
    if phone:
        return Outcome("phone", _by_phone(user, phone, q, kinds=kinds, staff=staff, limit=limit))
    if EMAIL_RE.match(q):
        return Outcome("email", _by_email(user, q, kinds=kinds, staff=staff, limit=limit))
    words = words_of(q)
    if not words:
        return Outcome("none", [])
    if q.replace(" ", "").isdigit() and "customer" in kinds:
        # Digits: the customer with that account number, not customers by words.
        hits = _by_account(user, q.replace(" ", ""), staff=staff) + _by_words(
            user, words, kinds=tuple(k for k in kinds if k != "customer"), staff=staff, limit=limit
        )
    else:
        hits = _by_words(user, words, kinds=kinds, staff=staff, limit=limit)
    return Outcome("words", hits[:limit], words)


def _by_number(user, kind: str, number: str, *, kinds, staff: bool) -> list[Hit]:
    if kind not in kinds:
        return []
    if kind == "article":
        knowledge = _knowledge()
        if knowledge is None:
            return []
        article = knowledge[0](user).filter(number=number).first()
        return [_article_hit(article, staff=staff)] if article else []
    source = SOURCES[kind]
    obj = source.queryset(user).filter(number=number).first()
    return [source.hit(obj, staff=staff)] if obj else []


def _by_phone(user, e164: str, q: str, *, kinds, staff: bool, limit: int) -> list[Hit]:
    hits: list[Hit] = []
    if "contact" in kinds:
        owners = ContactPhone.objects.filter(number=e164).values("contact_id")
        for contact in SOURCES["contact"].queryset(user).filter(pk__in=owners)[:limit]:
            hits.append(SOURCES["contact"].hit(contact, staff=staff, rank=1.0))
    if "call" in kinds:
        calls = calls_visible_to(user).filter(from_number=e164).select_related("contact")
        for call in calls.order_by("-started_at", "-id")[:limit]:
            hits.append(_call_hit(call))
    digits = re.sub(r"\D", "", q)
    if "customer" in kinds and q.strip()[:1] != "+" and digits == q.replace(" ", ""):
        hits = _by_account(user, digits, staff=staff) + hits
    return hits[:limit]


def _call_hit(call: Call) -> Hit:
    who = call.contact.name if call.contact_id else call.from_number
    when = call.started_at.strftime("%Y-%m-%d %H:%M") if call.started_at else ""
    title = _("Call from %(who)s") % {"who": who}
    snippet = " · ".join(p for p in (when, call.get_outcome_display() or call.status, call.from_number) if p)
    url = _url("crm:contact", call.contact_id) if call.contact_id else reverse("contactcenter:calls")
    return Hit(kind="call", id=call.pk, number=call.call_sid, title=title, url=url, snippet=snippet, rank=0.5)


def _by_account(user, digits: str, *, staff: bool) -> list[Hit]:
    source = SOURCES["customer"]
    found = source.queryset(user).filter(account_number=digits).first()
    return [source.hit(found, staff=staff, rank=1.0)] if found else []


def _by_email(user, address: str, *, kinds, staff: bool, limit: int) -> list[Hit]:
    if "contact" not in kinds:
        return []
    # email__iexact is UPPER(email) = UPPER(%s): the catalog_contact_email_upper index.
    contacts = list(SOURCES["contact"].queryset(user).filter(email__iexact=address)[:limit])
    hits = [SOURCES["contact"].hit(c, staff=staff, rank=1.0) for c in contacts]
    if "customer" in kinds:
        customers = {c.customer_id: c.customer for c in contacts if c.customer_id}
        hits += [SOURCES["customer"].hit(c, staff=staff, rank=0.5) for c in customers.values()]
    return hits[:limit]


def _by_words(user, words: tuple[str, ...], *, kinds, staff: bool, limit: int) -> list[Hit]:
    """The best ``limit`` of every kind's best ``limit``. On PostgreSQL one statement for
    every kind (:func:`_union_words`); elsewhere one query per kind (:func:`_by_words_per_kind`)."""
    if connection.vendor == "postgresql":
        return _union_words(user, words, kinds=kinds, staff=staff, limit=limit)
    return _by_words_per_kind(user, words, kinds=kinds, staff=staff, limit=limit)


def _by_words_per_kind(user, words: tuple[str, ...], *, kinds, staff: bool, limit: int) -> list[Hit]:
    """One query per kind, each ranked and limited on its own, merged here: SQLite's word
    match, and on PostgreSQL the reference :func:`_union_words` must equal (its tests compare
    them). The rows are sorted by their rank first, and only those kept become hits (a
    snippet and an address each)."""
    postgres = connection.vendor == "postgresql"
    order = {k: i for i, k in enumerate(KINDS)}
    found: list[tuple[tuple, object]] = []  # ((-rank, kind's order, -id), a hit or (source, row))
    for kind in kinds:
        if kind == "call":
            continue
        if kind == "article":
            found += [
                ((-hit.rank, order[kind], -hit.id), hit) for hit in _articles(user, words, staff=staff, limit=limit)
            ]
            continue
        source = SOURCES[kind]
        qs = source.queryset(user)
        if postgres:
            rows = list(_pg_query(kind, qs, words, top=limit)[:limit])
        elif kind == "request":
            rows = list(_requests_lite(qs, words)[:limit])
        else:
            title, rest = DOCUMENTS[kind]
            rows = list(_matching(qs, words, (title, *rest))[:limit])
        found += [((-float(obj.search_rank or 0.0), order[kind], -obj.pk), (source, obj)) for obj in rows]
    found.sort(key=itemgetter(0))
    return [
        item if isinstance(item, Hit) else item[0].hit(item[1], staff=staff, words=words, rank=-key[0])
        for key, item in found[:limit]
    ]


# --- every kind in one statement (PostgreSQL) -------------------------------------------------
@dataclass(frozen=True)
class _Shape:
    """What the one statement reads of a kind's rows, as SQL over ``t`` (the kind's table)
    and ``joins``: its number, its title and the parts of its snippet's text (each kind's
    :func:`_body`, put together by :func:`_union_hit`)."""

    number: str
    title: str
    parts: tuple[str, ...]
    joins: str = ""


#: The kinds' columns (the same as :meth:`Source.hit` reads through the ORM).
SHAPES: dict[str, _Shape] = {
    "incident": _Shape('t."number"', 't."title"', ('t."description"',)),
    "problem": _Shape('t."number"', 't."title"', ('t."description"',)),
    "change": _Shape('t."number"', 't."title"', ('t."description"',)),
    "complaint": _Shape('t."number"', 't."subject"', ('t."description"',)),
    "known_error": _Shape('t."number"', 't."title"', ('t."symptom"', 't."workaround"')),
    "customer": _Shape('t."account_number"', 't."name"', ('t."notes"',)),
    "contact": _Shape(
        "NULL", 't."name"', ('t."email"', 'cu."name"'), ' LEFT JOIN "catalog_customer" cu ON cu."id" = t."customer_id"'
    ),
    "major_incident": _Shape(
        'mi."number"',
        't."summary"',
        ('t."resolution"', 'pm."summary"', 'pm."root_cause"', 'pm."contributing_factors"'),
        ' JOIN "incidents_incident" mi ON mi."id" = t."incident_id"'
        ' LEFT JOIN "incidents_postmortem" pm ON pm."major_incident_id" = t."id"',
    ),
    "request": _Shape(
        't."number"',
        'ci."name"',
        ('t."answers"::text',),
        ' JOIN "requests_catalogitem" ci ON ci."id" = t."catalog_item_id"',
    ),
}
#: Requests also match by their catalogue item's name (``{table}``: the request's table).
_REQUEST_ITEMS = (
    'SELECT "id" FROM "requests_catalogitem" '
    "WHERE to_tsvector('simple'::regconfig, \"name\") @@ to_tsquery('simple'::regconfig, %s)"
)


def _whole_table(qs: QuerySet) -> bool:
    """The selector left the whole table (staff): nothing to narrow, and the newest matches
    are a bounded window (:class:`_NewestMatches`)."""
    query = qs.query
    return not query.where and not query.is_sliced and not query.distinct and not query.combinator


def _kind_branch(user, kind: str, text: str, words, *, limit: int) -> tuple[str, list]:
    """One kind's best ``limit``, ranked as :func:`_ranked` ranks them, with the columns a hit
    needs: ``(kind's order, id, rank, number, title, parts)``. What the user may see is the
    kind's own selector: the whole table (the newest matches' window), or ``id IN`` the
    selector's rows (every match among them)."""
    qs = SOURCES[kind].visible(user)
    table = connection.ops.quote_name(qs.model._meta.db_table)
    shape = SHAPES[kind]
    query = f"to_tsquery('{config(kind)}'::regconfig, %s)"
    after, extra = "", ()
    rank_vector, rank_join = 'r."search_vector"', ""
    if kind == "request":
        after, extra = f' OR {{table}}."catalog_item_id" = ANY(ARRAY({_REQUEST_ITEMS}))', (text,)
        rank_vector = "setweight(to_tsvector('simple'::regconfig, rci.\"name\"), 'A') || r.\"search_vector\""
        rank_join = ' JOIN "requests_catalogitem" rci ON rci."id" = r."catalog_item_id"'
    if RANK_WINDOW and _whole_table(qs):
        gin_first, since = _first_step(qs.model._meta.db_table, words) if GIN_ROWS else (0, None)
        window, params = _window_sql(
            kind, text, table, after=after, extra_params=extra, gin_first=gin_first, since=since
        )
        where = f'r."id" IN ({window})'
    else:
        visible, visible_params = qs.order_by().values("pk").query.sql_with_params()
        where = f'r."id" IN ({visible}) AND (r."search_vector" @@ {query}{after.format(table="r")})'
        params = [*visible_params, text, *extra]
    # The table and columns are this module's; the words travel as parameters.
    best = (
        f'SELECT r."id", ts_rank({rank_vector}, {query}) AS rk FROM {table} r{rank_join} '  # noqa: S608
        f'WHERE {where} ORDER BY rk DESC, r."id" DESC LIMIT {int(limit)}'
    )
    parts = ", ".join(f"{p}::text" for p in shape.parts)
    # (the rank, a ``real``, as the driver reads it: its shortest decimal, then a double)
    sql = (
        f'(SELECT {KINDS.index(kind)} AS o, t."id"::bigint AS id, b.rk::text::float8 AS rk, '  # noqa: S608
        f"{shape.number}::text AS number, {shape.title}::text AS title, ARRAY[{parts}] AS parts "
        f'FROM ({best}) b JOIN {table} t ON t."id" = b."id"{shape.joins})'
    )
    return sql, [text, *params]


def _article_branch(user, words, *, limit: int) -> tuple[str, list] | None:
    """The knowledge app's own ranking (``article_search``) of the articles the user may read,
    its best ``limit``, the rank scaled as :func:`_article_hit` scales it."""
    knowledge = _knowledge()
    if knowledge is None:
        return None
    articles_visible_to, article_search = knowledge
    found = article_search(articles_visible_to(user), " ".join(words))
    model = found.model
    inner, params = found.values("pk", "rank")[:limit].query.sql_with_params()
    table = connection.ops.quote_name(model._meta.db_table)
    sql = (
        f'(SELECT {KINDS.index("article")} AS o, t."id"::bigint AS id, '  # noqa: S608
        f'(COALESCE(b."rank", 0)::float8 * {float(ARTICLE_RANK_SCALE)!r}::float8) AS rk, '
        f't."number"::text AS number, t."title"::text AS title, ARRAY[t."body"::text] AS parts '
        f'FROM ({inner}) b ("id", "rank") JOIN {table} t ON t."id" = b."id")'
    )
    return sql, list(params)


def _union_words(user, words: tuple[str, ...], *, kinds, staff: bool, limit: int) -> list[Hit]:
    """Every kind's best ``limit`` (:func:`_kind_branch`, :func:`_article_branch`) in one
    ``UNION ALL``, the best ``limit`` of them kept by the database, in the order of
    :func:`_by_words_per_kind`: rank (none: 0) first, then the kinds' order, then the newest.
    One statement whatever the kinds found; the rows carry what the hits show."""
    text = tsquery_text(words)
    branches, params = [], []
    for kind in kinds:
        if kind == "call":
            continue
        branch = (
            _article_branch(user, words, limit=limit)
            if kind == "article"
            else _kind_branch(user, kind, text, words, limit=limit)
        )
        if branch:
            branches.append(branch[0])
            params += branch[1]
    if not branches:
        return []
    # The branches are this module's SQL (and the selectors' compiled); the words are parameters.
    sql = (
        f"SELECT u.o, u.id, COALESCE(u.rk, 0), u.number, u.title, u.parts FROM ({' UNION ALL '.join(branches)}) u "  # noqa: S608
        f"ORDER BY COALESCE(u.rk, 0) DESC, u.o, u.id DESC LIMIT {int(limit)}"
    )
    # Without JIT: the fallback parts' estimates (every match of a common word, never read)
    # put the statement past ``jit_above_cost``, and compiling it took 0.6 s for a 30 ms query
    # at 1,000,000 incidents (bench/README.md). ``SET LOCAL``: this transaction only (ours, or
    # the caller's, where it is set back after).
    inside = connection.in_atomic_block
    with transaction.atomic(savepoint=False), connection.cursor() as cursor:
        cursor.execute("SET LOCAL jit = off")
        cursor.execute(sql, params)
        rows = cursor.fetchall()
        if inside:
            cursor.execute("SET LOCAL jit TO DEFAULT")
    return [
        _union_hit(KINDS[o], pk, rank, number, title, parts, staff=staff, words=words)
        for o, pk, rank, number, title, parts in rows
    ]


class _Row:
    """Stands in for a model instance where a kind's address needs only its key."""

    __slots__ = ("pk",)

    def __init__(self, pk):
        self.pk = pk


def _union_hit(kind: str, pk: int, rank: float, number, title, parts, *, staff: bool, words) -> Hit:
    """A row of :func:`_union_words` as the hit :meth:`Source.hit` (:func:`_article_hit`)
    makes of the same record."""
    parts = list(parts or ())
    if kind == "article":
        body, url = parts[0] or "", _article_url_of(pk, number, staff)
        return Hit(
            kind=kind, id=pk, number=number, title=title, url=url, snippet=excerpt(body, words), rank=float(rank)
        )
    if kind == "request":
        answers = json.loads(parts[0]) if parts[0] else {}
        body = " · ".join(str(v) for v in (answers or {}).values() if isinstance(v, str | int | float))
    elif kind == "contact":
        body = " · ".join(p for p in parts if p)
    elif kind == "known_error":
        body = f"{parts[0]} {parts[1]}"
    elif kind == "major_incident":
        body = " ".join(p for p in parts if p)
    else:
        body = parts[0] or ""
    return Hit(
        kind=kind,
        id=pk,
        number=number if SOURCES[kind].number else None,
        title=str(title or ""),
        url=SOURCES[kind].url(_Row(pk), staff),
        snippet=excerpt(body, words),
        rank=float(rank),
    )


def _pg_query(kind: str, qs: QuerySet, words, *, top: int | None = None) -> QuerySet:
    if kind == "request":
        return _requests_pg(qs, words)
    return _ranked(qs, kind, words, top=top)


class _FullText(Expression):
    """``<the row's stored vector> @@ to_tsquery(config, %s)`` (``ts_rank(…)`` with ``rank``):
    the vector is :class:`~search.vectors.StoredVector`, qualified with whatever alias the
    query gives the table; ``extra`` is SQL of this module's own (never the user's words,
    which always travel as a parameter)."""

    def __init__(
        self, kind: str, text: str, *, rank: bool = False, before: str = "", after: str = "", extra_params: tuple = ()
    ):
        super().__init__(output_field=FloatField() if rank else BooleanField())
        self.kind, self.text, self.rank = kind, text, rank
        self.before, self.after, self.extra_params = before, after, extra_params
        self.vector = StoredVector()

    def get_source_expressions(self):
        return [self.vector]

    def set_source_expressions(self, exprs):
        (self.vector,) = exprs

    def as_sql(self, compiler, connection):
        vector, params = compiler.compile(self.vector)
        query = f"to_tsquery('{config(self.kind)}'::regconfig, %s)"
        table = compiler.quote_name_unless_alias(next(iter(compiler.query.alias_map)))
        before, after = self.before.format(table=table), self.after.format(table=table)
        if self.rank:
            return f"ts_rank({before}{vector}, {query})", [*params, self.text]
        return f"({vector} @@ {query}{after})", [*params, self.text, *self.extra_params]


class _NewestMatches(Expression):
    """``pk IN (the RANK_WINDOW newest matches)``, in a bounded number of rows read whatever
    the word (bench/README.md):

    1. the rows among the ``SCAN_ROWS`` newest ids (above ``max(id) - SCAN_ROWS``: one index
       probe; gaps that deletions left make it fewer rows, and the boundary only moves work
       between the two parts, never changes what they find together), read backwards along
       the primary key and checked against
       their stored vector (``ts_match_vq``: the function, so the planner cannot swap in the
       GIN index), stopping at ``RANK_WINDOW`` matches — a common word (*error*, in 84 % of the
       incidents) stops within a few hundred rows;
    2. only when those are not enough, the older matches from the GIN index, newest first
       (``id + 0`` in the bound and the order: never along the primary key, which for a word
       the statistics think common but the table lacks would read every row) — by then the
       word is rare, so they are few.

    The outer ``LIMIT`` stops the ``UNION ALL`` before the second part starts when the first
    found enough."""

    conditional = True

    def __init__(
        self,
        kind: str,
        text: str,
        table: str,
        *,
        after: str = "",
        extra_params: tuple = (),
        gin_first: int = 0,
        top: int | None = None,
    ):
        super().__init__(output_field=BooleanField())
        self.kind, self.text, self.table, self.after, self.extra_params = kind, text, table, after, extra_params
        # (True, from a test's stand-in for _gin_first: the statistics' bound)
        self.gin_first = GIN_ROWS if gin_first is True else int(gin_first or 0)
        self.top = top

    def as_sql(self, compiler, connection):
        alias = compiler.quote_name_unless_alias(next(iter(compiler.query.alias_map)))
        table = connection.ops.quote_name(self.table)
        window, params = _window_sql(
            self.kind, self.text, table, after=self.after, extra_params=self.extra_params, gin_first=self.gin_first
        )
        if self.top:
            # Ranked here (the outer query's rank, for its own ORDER BY): only the best leave.
            query = f"to_tsquery('{config(self.kind)}'::regconfig, %s)"
            window = (
                f'SELECT r."id" FROM {table} r WHERE r."id" IN ({window}) '  # noqa: S608
                f'ORDER BY ts_rank(r."search_vector", {query}) DESC, r."id" DESC LIMIT {int(self.top)}'
            )
            params = [*params, self.text]
        return f'{alias}."id" IN ({window})', params


def _window_sql(
    kind: str,
    text: str,
    table: str,
    *,
    after: str = "",
    extra_params: tuple = (),
    gin_first: int = 0,
    since: int | None = None,
) -> tuple[str, list]:
    """``SELECT "id"`` of the ``RANK_WINDOW`` newest matches of ``table`` (quoted), as
    :class:`_NewestMatches` describes; ``after`` (``{table}``: the table) ORs more to the match."""
    query = f"to_tsquery('{config(kind)}'::regconfig, %s)"
    after = after.format(table=table)
    # The table is the model's, the numbers this module's; the words travel as parameters.
    # The boundary: SCAN_ROWS below the newest id (one index probe; counting SCAN_ROWS ids
    # back along the index cost 5 ms a table at 300,000 rows).
    edge = f'(COALESCE((SELECT max("id") FROM {table}), 0) - {int(SCAN_ROWS)})'  # noqa: S608
    check, order = f'ts_match_vq("search_vector", {query})', '"id"'
    if since is not None:
        # A literal boundary (``_first_step``), the operator and no order along the key: the
        # planner ANDs the GIN index with the key's range (a middle word: a few hundred heap
        # visits), or reads the range when it is short (a common word) — never walks the key
        # backwards checking each row until enough match (bench/README.md, 2026-12-07 11:00).
        edge, check, order = str(int(since)), f'"search_vector" @@ {query}', '"id" + 0'
    n = int(RANK_WINDOW)
    params = [text, *extra_params]
    # (the gate: nothing, or "the GIN index found too many", when it was asked first)
    bound = int(gin_first or 0)
    gate = f" AND (SELECT count(*) FROM g) > {bound}" if bound else ""  # noqa: S608
    parts = (
        f'(SELECT "id" FROM {table} WHERE "id" > {edge} AND ({check}{after})'  # noqa: S608
        f"{gate} ORDER BY {order} DESC LIMIT {n}) UNION ALL "
        f'(SELECT "id" FROM {table} WHERE "id" + 0 <= {edge} AND ("search_vector" @@ {query}{after}){gate} '
        f'ORDER BY "id" + 0 DESC LIMIT {n})'
    )
    if not bound:
        return f'SELECT w."id" FROM ({parts}) w LIMIT {n}', params * 2  # noqa: S608
    if since is not None:
        # A guess (``_first_step``): the newest PROBE_ROWS rows checked one by one first; a
        # word in PROBE_SHARE of them or more (a short prefix starts many unlisted words:
        # ``milo`` 5 % of the bench's incidents) is read from the newest rows as a common
        # word is, never from the GIN index (50–70 ms for its 53,000 matches); the others as
        # below. The gates exclude each other, and each way finds the same newest matches.
        return _probed_window(kind, text, table, after=after, extra_params=extra_params, bound=bound, since=since)
    # A rare word: every match from the GIN index (at most ``bound`` of them, each a heap
    # visit), the newest kept; only past the bound (the statistics were wrong) the two
    # parts above, as for any word.
    window = (
        f'WITH g AS MATERIALIZED (SELECT "id" FROM {table} '  # noqa: S608
        f'WHERE ("search_vector" @@ {query}{after}) LIMIT {bound + 1}) '
        f'SELECT w."id" FROM ((SELECT "id" FROM g WHERE (SELECT count(*) FROM g) <= {bound} '
        f'ORDER BY "id" DESC LIMIT {n}) UNION ALL {parts}) w LIMIT {n}'
    )
    return window, params * 3


def _probed_window(
    kind: str, text: str, table: str, *, after: str, extra_params: tuple, bound: int, since: int
) -> tuple[str, list]:
    """:func:`_window_sql` for a word the statistics do not list: a probe of the newest rows
    chooses between the newest rows first and the GIN index first (see there)."""
    query = f"to_tsquery('{config(kind)}'::regconfig, %s)"
    after = after.format(table=table)
    n, match = int(RANK_WINDOW), [text, *extra_params]
    newest = f'(COALESCE((SELECT max("id") FROM {table}), 0) - {int(PROBE_ROWS)})'  # noqa: S608
    enough = max(1, math.ceil(PROBE_ROWS * PROBE_SHARE))
    broad, narrow = f"(SELECT c FROM p) >= {enough}", f"(SELECT c FROM p) < {enough}"  # noqa: S608
    many, few = f"(SELECT count(*) FROM g) > {bound}", f"(SELECT count(*) FROM g) <= {bound}"  # noqa: S608
    # The table and numbers are this module's; the words travel as parameters.
    sql = (
        f'WITH p AS MATERIALIZED (SELECT count(*) AS c FROM (SELECT 1 FROM {table} WHERE "id" > {newest} '  # noqa: S608
        f'AND (ts_match_vq("search_vector", {query}){after}) LIMIT {enough}) x), '
        f'g AS MATERIALIZED (SELECT "id" FROM {table} WHERE ("search_vector" @@ {query}{after}) LIMIT {bound + 1}) '
        f'SELECT w."id" FROM ('
        # broad: the newest rows one by one, then (rarely) the older matches
        f'(SELECT "id" FROM {table} WHERE {broad} AND "id" > {newest} - {int(SCAN_ROWS)} '
        f'AND (ts_match_vq("search_vector", {query}){after}) ORDER BY "id" DESC LIMIT {n}) UNION ALL '
        f'(SELECT "id" FROM {table} WHERE {broad} AND "id" + 0 <= {newest} - {int(SCAN_ROWS)} '
        f'AND ("search_vector" @@ {query}{after}) ORDER BY "id" + 0 DESC LIMIT {n}) UNION ALL '
        # narrow: the GIN index, up to ``bound`` matches …
        f'(SELECT "id" FROM g WHERE {narrow} AND {few} ORDER BY "id" DESC LIMIT {n}) UNION ALL '
        # … and past it the ids above ``since`` (the key's range ANDed with the index), then older
        f'(SELECT "id" FROM {table} WHERE {narrow} AND {many} AND "id" > {int(since)} '
        f'AND ("search_vector" @@ {query}{after}) ORDER BY "id" + 0 DESC LIMIT {n}) UNION ALL '
        f'(SELECT "id" FROM {table} WHERE {narrow} AND {many} AND "id" + 0 <= {int(since)} '
        f'AND ("search_vector" @@ {query}{after}) ORDER BY "id" + 0 DESC LIMIT {n})'
        f") w LIMIT {n}"
    )
    return sql, match * 6


class _Statistics:
    """What ``pg_stats`` says of each searched table's stored vector: its rows and its most
    common lexemes with the share of rows holding each (``ANALYZE``'s, autovacuum's), read by
    each process once every ``STATS_SECONDS`` in one query. Only the choice of
    :class:`_NewestMatches`'s first step reads it: a wrong guess costs time, never a result."""

    def __init__(self):
        self.read_at: float | None = None
        self.tables: dict[str, tuple[float, list[str], dict[str, float]]] = {}

    def of(self, table: str) -> tuple[float, list[str], dict[str, float]] | None:
        now = time.monotonic()
        if self.read_at is None or now - self.read_at > STATS_SECONDS:
            self.read_at, self.tables = now, self._read()
        return self.tables.get(table)

    @staticmethod
    def _read() -> dict:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT c.relname, c.reltuples, s.most_common_elems::text::text[], s.most_common_elem_freqs, "
                "(i.histogram_bounds::text::bigint[])[array_upper(i.histogram_bounds::text::bigint[], 1)] "
                "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema() "
                "JOIN pg_stats s ON s.schemaname = n.nspname AND s.tablename = c.relname AND s.attname = %s "
                "LEFT JOIN pg_stats i ON i.schemaname = n.nspname AND i.tablename = c.relname AND i.attname = 'id' "
                "WHERE c.relkind = 'r'",
                [COLUMN],
            )
            found = {}
            for table, rows, lexemes, freqs, top in cursor.fetchall():
                lexemes = lexemes or []
                found[table] = (float(rows), sorted(lexemes), dict(zip(lexemes, freqs or [], strict=False)), top)
            return found


_statistics = _Statistics()


def _gin_first(table: str, words) -> int:
    """How many matches the GIN index may be asked for first (0: none, read the newest rows
    first). The statistics call ``words`` rare in ``table`` when fewer than ``RANK_WINDOW``
    matches are expected among the ``SCAN_ROWS`` newest rows (the first step would read them
    all and still ask the GIN index). Several words: the product of their shares (as the
    planner assumes); the last word, a prefix: every common lexeme it starts. Rare by the
    statistics' own count: up to ``GIN_ROWS``. A word the statistics do not list (absent, or
    too rare to be listed, or a prefix of many such words: ``elri`` began words in 5 % of the
    bench's incidents, none listed; ``pelo`` a few listed and many unlisted ones) is only
    guessed rare: up to ``GUESS_ROWS``. Past the bound
    the newest rows are read after all: a wrong guess costs time, never a result."""
    stats = _statistics.of(table)
    if stats is None or stats[0] < SCAN_ROWS:
        return 0  # a small or never analysed table: its newest rows are all of it, or nearly
    share, guessed = _share(stats, words)
    if share * SCAN_ROWS >= RANK_WINDOW:
        return 0
    return GUESS_ROWS if guessed else GIN_ROWS


def _share(stats, words) -> tuple[float, bool]:
    """The share of the rows expected to match ``words`` by the statistics (as
    :func:`_gin_first` reads them), and whether it is a guess (a word they do not list)."""
    _, lexemes, freqs, _ = stats
    share, guessed = 1.0, False
    for position, word in enumerate(words):
        if position < len(words) - 1:
            guessed = guessed or word not in freqs
            share *= freqs.get(word, 0.0)
            continue
        start, prefixed = bisect_left(lexemes, word), 0.0
        while start < len(lexemes) and lexemes[start].startswith(word):
            prefixed += freqs[lexemes[start]]
            start += 1
        # (the listed words it starts are not all: unlisted ones may start it too, many of them)
        guessed = guessed or word not in freqs
        share *= min(1.0, prefixed)
    return share, guessed


def _first_step(table: str, words) -> tuple[int, int | None]:
    """``(gin_first, since)`` for :func:`_window_sql`. :func:`_gin_first`'s choice, except:

    - a word the statistics list, expected among fewer than ``RANGE_SAFETY`` × ``RANK_WINDOW``
      of the ``SCAN_ROWS`` newest rows but in more than ``MIDDLE_ROWS`` rows in all (a middle
      word): the ids above ``since`` first, which should hold ``RANGE_SAFETY`` ×
      ``RANK_WINDOW`` of its matches (the newest rows one by one would fall short about half
      the time for a word near ``RANK_WINDOW`` / ``SCAN_ROWS``, and then read every older match);
    - a word they do not list (a guess): the GIN index first as before, and past its bound
      the ids that should hold enough at the rarest listed word's share (an unlisted word's
      is at most that), instead of the newest rows one by one.

    A wrong guess costs time, never a result."""
    bound = _gin_first(table, words)
    bound = GIN_ROWS if bound is True else bound  # (True: a test's stand-in, the statistics' bound)
    stats = _statistics.of(table)
    if stats is None or stats[3] is None or stats[0] < SCAN_ROWS:
        return bound, None
    rows, _, _, top = stats
    share, guessed = _share(stats, words)
    if guessed:
        # (at most the rarest listed word's share, for a word; a prefix of many may be more)
        share = min(stats[2].values(), default=GUESS_ROWS / rows) if bound else 0.0
    elif share * SCAN_ROWS >= RANGE_SAFETY * RANK_WINDOW:
        return bound, None  # a common word: the newest rows hold enough
    elif share * rows <= MIDDLE_ROWS:
        return bound, None  # a rare word: the GIN index, a few heap visits
    else:
        bound = 0
    if share <= 0:
        return bound, None
    since = int(top) - math.ceil(RANGE_SAFETY * RANK_WINDOW / share)
    return (bound, since) if since > 0 else (bound, None)


def _ranked(qs: QuerySet, kind: str, words, *, top: int | None = None, **extra) -> QuerySet:
    """The rows of ``qs`` that match, best first: for the whole table (staff), the
    ``RANK_WINDOW`` newest matches (:class:`_NewestMatches`), ranked; for a narrowed one (a
    requester's own tickets), every match. Both read the stored vector
    (``search/migrations/0002``): a row costs a stored vector's check, not a parse. ``top``
    (the rows the caller keeps): the window's rows are ranked inside the subquery and only
    the best ``top`` come out, so the outer query reads, joins and sorts those few, not the
    whole window (same order: the same rank and the id break ties)."""
    text = tsquery_text(words)
    rank_extra = {k: v for k, v in extra.items() if k == "before"}
    match_extra = {k: v for k, v in extra.items() if k != "before"}
    if RANK_WINDOW and not qs.query.where:
        table = qs.model._meta.db_table
        matching = qs.filter(
            _NewestMatches(
                kind,
                text,
                table,
                gin_first=_gin_first(table, words) if GIN_ROWS else 0,
                top=None if rank_extra else top,
                **match_extra,
            )
        )
    else:
        matching = qs.filter(_FullText(kind, text, **match_extra))
    return matching.annotate(search_rank=_FullText(kind, text, rank=True, **rank_extra)).order_by("-search_rank", "-pk")


def _requests_pg(qs: QuerySet, words) -> QuerySet:
    """Requests match by their answers or their item's name. The items are a small table read
    once (``ARRAY(SELECT …)`` is an init plan), so the planner ORs the answers' GIN index with
    the catalogue item's foreign-key index instead of reading every request. The rank reads
    the item's name through the join ``select_related`` makes (aliased as its table)."""
    item_ids = (
        'SELECT "id" FROM "requests_catalogitem" '
        "WHERE to_tsvector('simple'::regconfig, \"name\") @@ to_tsquery('simple'::regconfig, %s)"
    )
    item_vector = "setweight(to_tsvector('simple'::regconfig, \"requests_catalogitem\".\"name\"), 'A') || "
    return _ranked(
        qs.select_related("catalog_item"),
        "request",
        words,
        after=f' OR {{table}}."catalog_item_id" = ANY(ARRAY({item_ids}))',
        extra_params=(tsquery_text(words),),
        before=item_vector,
    )


def _matching(qs: QuerySet, words, columns: Iterable[str]) -> QuerySet:
    """SQLite: every word in one of the columns; newest first."""
    for word in words:
        any_column = Q()
        for column in columns:
            any_column |= Q(**{f"{column}__icontains": word})
        qs = qs.filter(any_column)
    return qs.annotate(search_rank=Value(0.0, output_field=FloatField())).order_by("-pk")


def _requests_lite(qs: QuerySet, words) -> QuerySet:
    qs = qs.annotate(answers_text=Cast(F("answers"), TextField()))
    return _matching(qs, words, ("catalog_item__name", "answers_text"))


def _articles(user, words, *, staff: bool, limit: int) -> list[Hit]:
    knowledge = _knowledge()
    if knowledge is None:
        return []
    articles_visible_to, article_search = knowledge
    if connection.vendor == "postgresql":
        found = article_search(articles_visible_to(user), " ".join(words))
    else:
        # SQLite: the same word match as the other kinds (article_search's own fallback nests
        # one REPLACE per Persian letter form per word, past SQLite's parser stack).
        found = _matching(articles_visible_to(user), words, ("title", "body"))
    return [_article_hit(a, staff=staff, words=words) for a in list(found[:limit])]


__all__ = ["KINDS", "Hit", "Outcome", "search"]
