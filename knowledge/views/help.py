"""The public help centre under /help/ (no login anywhere): the home page (articles by
service, a search box, the most viewed), search results, an article's page with "Did this
solve your problem?", and the suggestions the portal's forms show as the requester types.

Only published public articles exist here: a draft, an internal, a retired or an unknown
number is a 404. The visitor's language (Django's LocaleMiddleware, the profile's choice, or
``?lang=``) puts articles in that language first and the others after.

Reads go through the help centre's cache (:mod:`knowledge.cache`; cleared when an article is
published or retired): data, and the home page's lists as HTML (nothing of the visitor's in
them), never a whole response. Anonymous GETs of the pages without a form say
``Cache-Control: public, max-age=60``; the article page carries a CSRF token (its feedback
buttons), so it may be kept by the visitor's own browser only (``private``): a shared cache
would hand one visitor's token to the next.
"""

from __future__ import annotations

import re
from functools import lru_cache

from django import forms
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db.models import Case, Count, F, IntegerField, Prefetch, Q, QuerySet, Value, When, Window
from django.db.models.functions import RowNumber
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.http import urlencode
from django.utils.text import Truncator
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST, require_safe

from catalog.models import Service
from core.api.throttling import client_address
from core.errors import InvalidTransitionError

from .. import search
from ..cache import TTL, help_cached, key_part
from ..choices import ArticleAudience, ArticleStatus
from ..markdown import render_markdown
from ..models import Article, ArticleImage
from ..selectors import articles_visible_to
from ..services import article_feedback, article_viewed

#: Articles listed under each service on the home page (the rest behind "all N articles").
PER_SERVICE = 5
#: Most viewed articles on the home page.
POPULAR = 8
#: Results on a search page.
RESULTS = 50
#: Suggestions in the portal's forms.
SUGGESTIONS = 5
#: The longest query read (the rest is ignored).
QUERY_MAX = 200
#: Shortest text worth suggesting for.
SUGGEST_MIN = 3
#: One vote per visitor (address) and article in this many seconds: a loop of POSTs does not
#: inflate the deflections.
FEEDBACK_WINDOW = 3600

NUMBER = re.compile(r"KB\d{1,12}")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
LANGUAGES = frozenset(code for code, _name in settings.LANGUAGES)


def public_articles() -> QuerySet[Article]:
    """What the help centre shows: published public articles, nothing else."""
    return Article.objects.filter(status=ArticleStatus.PUBLISHED, audience=ArticleAudience.PUBLIC)


# --- the visitor's language and the response -------------------------------------------------
def _visitor_language(request) -> tuple[str, str]:
    """``(language, asked)``: ``?lang=`` when it names one of ours (activated for the page),
    else the language the middleware chose; ``asked`` is what the links carry on."""
    asked = request.GET.get("lang") or (request.POST.get("lang") if request.method == "POST" else "") or ""
    if asked in LANGUAGES:
        translation.activate(asked)
        request.LANGUAGE_CODE = asked
        return asked, asked
    current = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return (current if current in LANGUAGES else settings.LANGUAGE_CODE), ""


def _first(language: str) -> Case:
    """0 for articles in ``language``, 1 for the others: ascending puts the visitor's first."""
    return Case(When(language=language, then=Value(0)), default=Value(1), output_field=IntegerField())


def _query(request, name: str = "q") -> str:
    """What the visitor typed, cut to ``QUERY_MAX`` and without control characters (a NUL
    byte is refused by PostgreSQL): any input is a query, never an error."""
    return CONTROL.sub(" ", request.GET.get(name, "") or "")[:QUERY_MAX].strip()


def _respond(request, response, *, shared: bool = True):
    """Anonymous GETs may be kept ``TTL`` seconds (``shared``: by any cache on the way)."""
    if request.method in ("GET", "HEAD") and response.status_code == 200 and not request.user.is_authenticated:
        if shared:
            patch_cache_control(response, public=True, max_age=TTL)
        else:
            patch_cache_control(response, private=True, max_age=TTL)
    return response


def _context(language: str, asked: str, **extra) -> dict:
    return {"language": language, "lang": asked, "lang_suffix": f"?lang={asked}" if asked else "", **extra}


@lru_cache(maxsize=1)
def _help_root() -> str:
    return reverse("knowledge:help")


def _row(number: str, title: str, language: str) -> dict:
    """An article in a list: its address and its language's direction and name worked out
    here once, not by a template tag per link (the home page lists a thousand)."""
    info = get_language_info(language) if language in LANGUAGES else {"bidi": False, "name_local": language}
    return {"number": number, "title": title, "language": language, "url": f"{_help_root()}{number}/",
            "bidi": info["bidi"], "language_name": info["name_local"]}


# --- the home page ---------------------------------------------------------------------------
def _home(language: str) -> dict:
    """Four queries, whatever the number of services and articles."""
    p, pub = ArticleStatus.PUBLISHED, ArticleAudience.PUBLIC
    services = list(Service.objects.filter(is_active=True, articles__status=p, articles__audience=pub)
                    .annotate(n=Count("articles")).order_by("name", "id").values("id", "name", "n"))
    first = Case(When(article__language=language, then=Value(0)), default=Value(1), output_field=IntegerField())
    through = Article.services.through
    rows = (through.objects.filter(article__status=p, article__audience=pub, service__is_active=True)
            .annotate(pos=Window(RowNumber(), partition_by=[F("service_id")],
                                 order_by=[first.asc(), F("article__views").desc(), F("article__number").asc()]))
            .filter(pos__lte=PER_SERVICE)
            .values("service_id", "pos", "article__number", "article__title", "article__language")
            .order_by("service_id", "pos"))
    listed: dict[int, list[dict]] = {}
    for r in rows:
        listed.setdefault(r["service_id"], []).append(
            _row(r["article__number"], r["article__title"], r["article__language"]))
    categories = [{"id": s["id"], "name": s["name"], "count": s["n"], "articles": listed.get(s["id"], [])}
                  for s in services]
    general = list(public_articles().filter(services__isnull=True)
                   .annotate(first=_first(language), total=Window(Count("id")))
                   .order_by("first", "-views", "number").values("number", "title", "language", "total")[:PER_SERVICE])
    popular = (public_articles().annotate(first=_first(language)).order_by("first", "-views", "number")
               .values("number", "title", "language")[:POPULAR])
    return {
        "categories": categories,
        "general": [_row(a["number"], a["title"], a["language"]) for a in general],
        "general_count": general[0]["total"] if general else 0,
        "popular": [_row(a["number"], a["title"], a["language"]) for a in popular],
    }


@require_safe
def help_home(request):
    language, asked = _visitor_language(request)
    context = _context(language, asked)
    # The lists are most of the page (a thousand links at 200 services): rendered once per
    # language and cached as HTML; they hold nothing of the visitor's (no token, no name).
    lists = help_cached(f"home:{language}:{get_language()}:{asked}", lambda: render_to_string(
        "knowledge/help/_home_lists.html", {**context, **_home(language)}))
    return _respond(request, render(request, "knowledge/help/home.html", {**context, "lists": lists}))


# --- search ----------------------------------------------------------------------------------
#: Markdown's marks, removed for a plain-text excerpt: images, a link's target (its text
#: stays), HTML tags, and the punctuation of emphasis, headings, quotes, tables and rules.
EXCERPT_CUTS = [(re.compile(r"!\[[^\]]*\]\([^)]*\)"), " "), (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),
                (re.compile(r"<[^>]*>"), " "), (re.compile(r"[#*_`>|~]+|-{3,}|={3,}"), " ")]


def _excerpt(body: str) -> str:
    """The start of an article's text without its Markdown (escaped by the template): regular
    expressions, not a rendering, so fifty results cost next to nothing."""
    text = body[:1000]
    for pattern, replacement in EXCERPT_CUTS:
        text = pattern.sub(replacement, text)
    return Truncator(" ".join(text.split())).chars(180)


def _service_id(raw: str | None) -> int | None:
    return int(raw) if raw and raw.isdigit() and 0 < int(raw) < 2**63 else None


def _search(query: str, language: str, service: int | None) -> dict:
    articles = public_articles()
    service_name = ""
    if service is not None:
        service_name = Service.objects.filter(pk=service, is_active=True).values_list("name", flat=True).first() or ""
        articles = articles.filter(services=service)
    if query:
        found = search.article_search(articles, query)
        ranked = "rank" in found.query.annotations
        found = found.annotate(first=_first(language)).order_by("first", *(["-rank"] if ranked else []), "number")
    else:
        found = articles.annotate(first=_first(language)).order_by("first", "-views", "number")
    # Values, not instances: a model instance with deferred fields would load its status
    # (django-fsm's concurrency check reads it) with one query per row.
    results = [{**_row(a["number"], a["title"], a["language"]), "excerpt": _excerpt(a["body"])}
               for a in found.values("number", "title", "language", "body")[:RESULTS]]
    return {"results": results, "service_name": service_name}


@require_safe
def help_search(request):
    language, asked = _visitor_language(request)
    query = _query(request)
    service = _service_id(request.GET.get("service"))
    if not query and service is None:
        data = {"results": [], "service_name": ""}
    else:
        data = help_cached(f"search:{language}:{service or 0}:{key_part(query)}",
                           lambda: _search(query, language, service))
        if query and not data["results"]:
            search.record_miss(query, language)
    return _respond(request, render(request, "knowledge/help/search.html", _context(
        language, asked, q=query, service=service, **data)))


# --- an article ------------------------------------------------------------------------------
def _article(number: str) -> dict | None:
    article = (public_articles().filter(number=number)
               .prefetch_related(Prefetch("services", Service.objects.filter(is_active=True).only("id", "name")))
               .first())
    if article is None:
        return None
    original = article.translation_of_id or article.pk
    translations = (public_articles().filter(Q(pk=original) | Q(translation_of_id=original))
                    .exclude(pk=article.pk).order_by("language", "number").values("number", "title", "language"))
    return {
        "id": article.pk, **_row(article.number, article.title, article.language),
        "body_html": render_markdown(article.body),
        "services": [{"id": s.pk, "name": s.name} for s in article.services.all()],
        "published_at": article.published_at, "version": article.version,
        "translations": [_row(t["number"], t["title"], t["language"]) for t in translations],
    }


def _published(number: str) -> dict:
    number = number.upper()
    if not NUMBER.fullmatch(number):
        raise Http404(_("No such article."))
    data = help_cached(f"article:{number}", lambda: _article(number))
    if data is None:
        raise Http404(_("No such article."))
    return data


class FeedbackForm(forms.Form):
    helpful = forms.ChoiceField(choices=[("yes", _("Yes")), ("no", _("No"))])
    comment = forms.CharField(label=_("What was missing or wrong?"), required=False, max_length=2000,
                              widget=forms.Textarea(attrs={"rows": 3}))


@require_safe
def help_article(request, number: str):
    language, asked = _visitor_language(request)
    article = _published(number)
    feedback = request.GET.get("feedback")
    if request.method == "GET" and not feedback:  # the return after a vote is the same reading
        article_viewed(article["id"])
    return _respond(request, render(request, "knowledge/help/article.html", _context(
        language, asked, article=article, feedback=feedback if feedback in ("yes", "no") else "",
        form=FeedbackForm())), shared=False)


def _first_vote(request, article_id: int) -> bool:
    """False when this address voted on this article within ``FEEDBACK_WINDOW``."""
    try:
        return cache.add(f"knowledge:vote:{article_id}:{client_address(request)}", 1, timeout=FEEDBACK_WINDOW)
    except Exception:  # no cache, no guard: better than no feedback
        return True


@require_POST
def help_feedback(request, number: str):
    """"Yes, this solved it" records helpful and a deflection (no ticket raised); "No" with
    the reader's reason (optional) records not helpful. Then back to the article, thanked."""
    language, asked = _visitor_language(request)
    article = _published(number)
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        return render(request, "knowledge/help/article.html", _context(
            language, asked, article=article, feedback="", form=form), status=400)
    helpful = form.cleaned_data["helpful"] == "yes"
    if _first_vote(request, article["id"]):
        try:
            article_feedback(article["id"], user=request.user, helpful=helpful,
                             comment="" if helpful else form.cleaned_data["comment"], deflected=helpful)
        except InvalidTransitionError as exc:  # retired since the cached copy was made
            raise Http404(_("No such article.")) from exc
        except ValidationError as exc:  # the service's own checks, should the form's ever differ
            form.add_error(None, exc.messages)
            return render(request, "knowledge/help/article.html", _context(
                language, asked, article=article, feedback="", form=form), status=400)
    params = {"feedback": "yes" if helpful else "no", **({"lang": asked} if asked else {})}
    return redirect(f"{reverse('knowledge:help-article', args=[article['number']])}?{urlencode(params)}#feedback")


# --- suggestions in the portal's forms --------------------------------------------------------
def _suggest(query: str, language: str) -> list[dict]:
    found = list(search.suggest(query, user=AnonymousUser(), limit=SUGGESTIONS))
    found.sort(key=lambda a: a.language != language)  # stable: the visitor's language first, ranks kept
    return [_row(a.number, a.title, a.language) for a in found[:SUGGESTIONS]]


@require_safe
def help_suggest(request):
    """The HTMX partial under the portal's title field: ``?q=`` (or the form's own ``title``,
    else its ``description``), up to five public articles, each opening in a new tab."""
    language, asked = _visitor_language(request)
    query = _query(request) or _query(request, "title") or _query(request, "description")
    suggestions = []
    if len(query) >= SUGGEST_MIN:
        suggestions = help_cached(f"suggest:{language}:{key_part(query)}", lambda: _suggest(query, language))
    return _respond(request, render(request, "knowledge/_suggest.html", _context(
        language, asked, q=query, suggestions=suggestions)))


@require_safe
def help_image(request, pk: int):
    """An image attached to an article, to whoever may read the article (anyone for a
    published public one, staff for the rest; otherwise 404). Files under ``MEDIA_ROOT`` are
    never served as such (docs/operations.md): this is the only way to them. The type is the
    one checked at upload, never guessed from the name; ``nosniff`` keeps browsers to it."""
    image = get_object_or_404(ArticleImage.objects.select_related("article"), pk=pk,
                              article__in=articles_visible_to(request.user))
    try:
        handle = image.file.open("rb")
    except OSError as exc:  # the row outlived its file (storage restored without it)
        raise Http404 from exc
    response = FileResponse(handle, content_type=image.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Disposition"] = "inline"
    article = image.article
    readers_everyone = article.audience == ArticleAudience.PUBLIC and article.status == ArticleStatus.PUBLISHED
    patch_cache_control(response, max_age=3600, **({"public": True} if readers_everyone else {"private": True}))
    return response
