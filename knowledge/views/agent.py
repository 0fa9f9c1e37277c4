"""The agents' pages of the knowledge base (``/knowledge/…``): the list of articles (filters,
search), writing one (or a translation of one), its page (the rendered text, its versions and
a diff between two of them, its translations, what readers said, its history and its
actions: submit, publish, retire), editing it (a published article gets a draft beside it),
attaching images, one click from a known error to an article, and sending an article to an
incident's customer.

Staff only; anyone else gets a 404 (requesters read the help centre, /help/). Every write goes
through :mod:`knowledge.services`; refusals are shown the way the other apps show them: a
``ValidationError`` next to the field (400), a refused or lost transition as a message with
the page as it now stands (409)."""

from __future__ import annotations

import re
from functools import wraps
from pathlib import PurePosixPath

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import AccessMixin
from django.db.models import FloatField, Prefetch, Q, Value
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from catalog.models import Service
from core.pages import (
    Action,
    ActionView,
    BulkAction,
    Column,
    FilteredListView,
    action_card,
    attempt,
    history_records,
    history_timeline,
    message_errors,
    person,
    refusal_message,
    safe_next,
)
from core.roles import is_staff_member
from incidents.selectors import incidents_visible_to
from problems.models import KnownError

from .. import services
from ..choices import EDITABLE_ARTICLE_STATUSES, ArticleAudience, ArticleLanguage, ArticleStatus
from ..forms import ArticleCreateForm, ArticleEditForm, ArticleImageForm, ArticleListFilterSet, SendToIncidentForm
from ..markdown import render_markdown
from ..models import Article
from ..search import article_search
from ..selectors import article_available_actions, article_diff, articles_visible_to

User = get_user_model()
LOST_RACE = gettext_lazy("Someone else changed this article meanwhile; here it is as it now stands.")


# --- who may: staff; anyone else a 404 ---------------------------------------------------------
def _staff_or_404(view):
    """Signed in (else the login page) and service desk staff (else 404: the knowledge base's
    drafts and internal articles do not exist for requesters)."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not is_staff_member(request.user):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper


class StaffOr404Mixin(AccessMixin):
    """``_staff_or_404`` for class-based views (before any other access mixin)."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not is_staff_member(request.user):
            raise Http404
        return super().dispatch(request, *args, **kwargs)


def _article_for_page(user, pk: int) -> Article:
    qs = (articles_visible_to(user)
          .select_related("author", "reviewer", "published_by", "known_error", "translation_of", "draft_of")
          .prefetch_related(Prefetch("services", queryset=Service.objects.order_by("name"))))
    return get_object_or_404(qs, pk=pk)


# --- the list ------------------------------------------------------------------------------------
RESULTS_ID = "article-results"
SORTS = {
    "relevance": ("-rank", "-updated_at", "-id"),
    "-updated": ("-updated_at", "-id"),
    "-published": ("-published_at", "-id"),
    "-views": ("-views", "-id"),
    "number": ("number", "id"),
    "-number": ("-number", "-id"),
    "views": ("views", "id"),
    "updated": ("updated_at", "id"),
}
SORT_CHOICES = [
    ("relevance", gettext_lazy("Best match first")), ("-updated", gettext_lazy("Recently updated first")),
    ("-published", gettext_lazy("Recently published first")), ("-views", gettext_lazy("Most read first")),
    ("number", gettext_lazy("By number")),
]
KB_NUMBER = re.compile(r"^KB\d{1,12}$", re.IGNORECASE)
COLUMNS = [
    Column("number", gettext_lazy("Number"), sort="number", always=True),
    Column("title", gettext_lazy("Title"), always=True),
    Column("status", gettext_lazy("Status")),
    Column("language", gettext_lazy("Language")),
    Column("author", gettext_lazy("Author")),
    Column("views", gettext_lazy("Views"), sort="views"),
    Column("updated", gettext_lazy("Updated"), sort="updated"),
]
#: The list's bulk actions: each row through knowledge.services (who may publish, from which
#: status), refusals per row.
BULK_ACTIONS = {
    "submit": BulkAction(gettext_lazy("Submit for review"),
                         lambda article, user, data: services.article_submit(article, by=user)),
    "publish": BulkAction(gettext_lazy("Publish"),
                          lambda article, user, data: services.article_publish(article, by=user),
                          confirm=gettext_lazy("Publish the ticked articles?")),
    "retire": BulkAction(gettext_lazy("Retire"), lambda article, user, data: services.article_retire(article, by=user),
                         confirm=gettext_lazy("Retire the ticked articles? Readers no longer see them.")),
}


class ArticleListView(StaffOr404Mixin, FilteredListView):
    """``/knowledge/``: every article (drafts of others too), filtered by status, language,
    audience and service, searched in every language (``knowledge.search``; a KB number
    finds that article)."""

    filterset_class = ArticleListFilterSet
    template_name, partial_template_name = "knowledge/list.html", "knowledge/_list_results.html"
    context_object_name = "articles"
    list_url = "knowledge:articles"
    sorts, default_sort, sort_choices = SORTS, "-updated", SORT_CHOICES
    results_id = RESULTS_ID
    visible_to = staticmethod(articles_visible_to)
    list_key, columns, bulk_actions = "articles", COLUMNS, BULK_ACTIONS

    def get_queryset(self):
        # Searching orders the best matches first unless another order is asked for.
        searching = bool(self.request.GET.get("q", "").strip())
        self.default_sort = "relevance" if searching else "-updated"
        return super().get_queryset()

    def search(self, qs, term):
        if KB_NUMBER.match(term):
            return qs.filter(number__iexact=term)
        return article_search(qs, term)

    def with_list_data(self, qs):
        if "rank" not in qs.query.annotations:  # not searched: "best match" is the newest
            qs = qs.annotate(rank=Value(0.0, output_field=FloatField()))
        return qs.select_related("author").prefetch_related(
            Prefetch("services", queryset=Service.objects.order_by("name").only("pk", "name")))


article_list = ArticleListView.as_view()


# --- writing one ---------------------------------------------------------------------------------
def _translation_root(article: Article) -> Article:
    """The original of the set of translations ``article`` belongs to."""
    return article.translation_of if article.translation_of_id else article


def _form_page(request, form, *, article=None, original=None, status=200):
    context = {"form": form, "article": article, "original": original}
    if article is not None:
        images = list(article.images.all())
        for image in images:
            image.name = PurePosixPath(image.file.name).name
        context.update(image_form=ArticleImageForm(), images=images)
    return render(request, "knowledge/form.html", context, status=status)


@_staff_or_404
def article_create(request):
    """``/knowledge/new/``; ``?translation_of=<id>&language=fa`` starts a translation: the
    original's title, text, audience and services to translate, linked to it."""
    if request.method == "POST":
        form = ArticleCreateForm(request.POST)
        original = None
        if form.is_valid():
            data = dict(form.cleaned_data)
            original_id = data.pop("translation_of")
            if original_id:
                original = articles_visible_to(request.user).filter(pk=original_id).first()
                if original is None:
                    form.add_error(None, _("The article to translate no longer exists."))
            if not form.errors:
                created = []
                status = attempt(request, lambda: created.append(services.article_create(
                    author=request.user, translation_of=original, **data)), form=form, lost_race=LOST_RACE)
                if status is None:
                    messages.success(request, _("%(number)s is saved as a draft.") % {"number": created[0].number})
                    return redirect(created[0])
                return _form_page(request, form, original=original, status=status)
        return _form_page(request, form, original=original, status=400)
    initial, original = {}, None
    original_id = request.GET.get("translation_of", "")
    if original_id.isdigit():
        original = articles_visible_to(request.user).filter(pk=int(original_id)).first()
    if original is not None:
        initial = ArticleEditForm.initial_for(original)
        initial["translation_of"] = _translation_root(original).pk
        language = request.GET.get("language", "")
        initial["language"] = language if language in ArticleLanguage.values else ""
    return _form_page(request, ArticleCreateForm(initial=initial), original=original)


# --- the article's page --------------------------------------------------------------------------
TRACKED = ("status", "title", "body", "language", "audience", "version", "known_error_id", "reviewer_id")
EDITED_ONLY = ("body",)
HISTORY_LIMIT = 100
DIFF = re.compile(r"^(\d{1,9})\.\.(\d{1,9})$")


REASONS = {
    "created": gettext_lazy("Written"), "edited": gettext_lazy("Edited"),
    "submitted for review": gettext_lazy("Submitted for review"), "published": gettext_lazy("Published"),
    "retired": gettext_lazy("Retired"), "draft of the next version": gettext_lazy("Next version started"),
}
#: The reasons the services record with a number in them (what they start with → its words).
REASON_PATTERNS = (
    (re.compile(r"^published version (?P<version>\d+)"), gettext_lazy("Published version %(version)s")),
    (re.compile(r"^retired with (?P<number>KB\d+)"), gettext_lazy("Retired with %(number)s")),
    (re.compile(r"^published into (?P<number>KB\d+)"), gettext_lazy("Published into %(number)s")),
)


def _reason_label(reason: str) -> str:
    for pattern, label in REASON_PATTERNS:
        match = pattern.match(reason)
        if match:
            return str(label) % match.groupdict()
    return str(REASONS.get(reason, reason))


def _history(article: Article) -> list:
    """Each saved change, newest first (who, when, what changed)."""
    records = history_records(article, HISTORY_LIMIT)[::-1]
    labels = {"status": dict(ArticleStatus.choices), "language": dict(ArticleLanguage.choices),
              "audience": dict(ArticleAudience.choices)}
    # Names of the reviewers and numbers of the known errors, looked up once, not once per row.
    reviewers = {r.reviewer_id for r in records if r.reviewer_id}
    known = {r.known_error_id for r in records if r.known_error_id}
    labels["reviewer_id"] = {u.pk: person(u) for u in User.objects.filter(pk__in=reviewers)} if reviewers else {}
    labels["known_error_id"] = dict(KnownError.objects.filter(pk__in=known).values_list("pk", "number")) \
        if known else {}

    def shown(name: str, value) -> str:
        if value in (None, ""):
            return "—"
        if name in labels:
            return str(labels[name].get(value, f"#{value}" if name.endswith("_id") else value))
        return Truncator(str(value)).chars(80)

    def title(record, reason: str) -> str:
        return _reason_label(reason) if reason else \
            {"+": _("Created"), "-": _("Deleted")}.get(record.history_type) or _("Changed")

    return history_timeline(records, model=Article, tracked=TRACKED, shown=shown, title=title,
                           edited_only=EDITED_ONLY, echoes=True)[::-1]


def _diff(request, article: Article, versions: list) -> dict | None:
    """``?diff=a..b``: the lines that differ between two published versions (None: not asked;
    a range that names no version says so, never an error)."""
    asked = request.GET.get("diff", "").strip()
    if not asked:
        return None
    match = DIFF.match(asked)
    by_number = {v.version: v for v in versions}
    if match is None or int(match[1]) not in by_number or int(match[2]) not in by_number:
        return {"error": _("There is no such pair of versions to compare."), "asked": asked[:40]}
    old, new = by_number[int(match[1])], by_number[int(match[2])]
    return {"old": old, "new": new, "lines": article_diff(old, new)}


def _translations(article: Article) -> tuple[list, list]:
    """The other languages of the article (one query) and the languages it lacks."""
    root = _translation_root(article)
    others = list(Article.objects.filter(Q(pk=root.pk) | Q(translation_of_id=root.pk))
                  .filter(draft_of__isnull=True).exclude(pk=article.pk)
                  .only("pk", "number", "title", "language", "status").order_by("language", "id"))
    have = {article.language, *(a.language for a in others)}
    missing = [(code, label) for code, label in ArticleLanguage.choices if code not in have]
    return others, missing


#: The article page's actions (``needs``: the verb of ``article_available_actions``).
ACTIONS = {
    "submit": Action(lambda a, user, data: services.article_submit(a, by=user),
                     gettext_lazy("%(number)s is sent for review."), label=gettext_lazy("Submit for review"),
                     primary=True),
    "publish": Action(lambda a, user, data: services.article_publish(a, by=user),
                      gettext_lazy("%(number)s is published."), label=gettext_lazy("Publish"), primary=True),
    "retire": Action(lambda a, user, data: services.article_retire(a, by=user),
                     gettext_lazy("%(number)s is retired: readers no longer see it."), label=gettext_lazy("Retire"),
                     confirm=gettext_lazy("Retire this article? Readers will no longer see it.")),
}


def render_article(request, article: Article, status: int = 200):
    """The article's page as it now stands."""
    user = request.user
    available = article_available_actions(article, user)
    versions = list(article.versions.select_related("published_by").order_by("-version"))
    links = []
    if article.status != ArticleStatus.RETIRED:
        links.append({"url": reverse("knowledge:article-edit", args=[article.pk]), "label": _("Edit"),
                      "name": "edit", "accesskey": "e"})
    card = action_card(ACTIONS, article, user, available, links=links,
                       url=lambda name: reverse("knowledge:article-action", args=[article.pk, name]))
    translations, missing = _translations(article) if not article.draft_of_id else ([], [])
    draft = _draft_beside(article)
    context = {
        "article": article, "layout": "inc", "card": card, "body": render_markdown(article.body),
        "versions": versions, "diff": _diff(request, article, versions), "translations": translations,
        "missing_languages": missing, "translation_root": _translation_root(article), "draft": draft,
        "history": _history(article), "states": ArticleStatus,
        "help_url": services.help_url(article) if article.is_published and article.is_public else "",
        # A next version's reviewer sees what it changes in the published text.
        "draft_diff": article_diff(article.draft_of, article) if article.draft_of_id else None,
    }
    return render(request, "knowledge/detail.html", context, status=status)


@_staff_or_404
def article_detail(request, pk: int):
    return render_article(request, _article_for_page(request.user, pk))


class ArticleActionView(StaffOr404Mixin, ActionView):
    """POST ``/knowledge/<id>/<action>/``: submit, publish, retire."""

    actions = ACTIONS
    lost_race = LOST_RACE
    states = ArticleStatus
    visible_to = staticmethod(articles_visible_to)

    def success_url(self) -> str:
        # A published draft beside an article is folded into it and deleted: go to the article.
        if self.action == "publish" and self.record.draft_of_id and \
                not Article.objects.filter(pk=self.record.pk).exists():
            return reverse("knowledge:article", args=[self.record.draft_of_id])
        return reverse("knowledge:article", args=[self.record.pk])

    def render_page(self, bound, status):
        return render_article(self.request, _article_for_page(self.request.user, self.record.pk), status=status)


article_action = ArticleActionView.as_view()


# --- editing -------------------------------------------------------------------------------------
def _draft_beside(article: Article) -> Article | None:
    """The draft of the next version being written beside a published article."""
    if article.status != ArticleStatus.PUBLISHED:
        return None
    return article.drafts.filter(status__in=EDITABLE_ARTICLE_STATUSES).order_by("-id").first()


@_staff_or_404
def article_edit(request, pk: int):
    """``/knowledge/<id>/edit/``: a draft or an article in review changes in place; saving a
    published one makes (or updates) the draft beside it, and the page goes there."""
    article = _article_for_page(request.user, pk)
    draft = _draft_beside(article)
    if draft is not None:  # one new version at a time: edit that one
        messages.info(request, _("A new version of %(number)s is already being written: edit it here.")
                      % {"number": article.number})
        return redirect("knowledge:article-edit", pk=draft.pk)
    if request.method != "POST":
        return _form_page(request, ArticleEditForm(initial=ArticleEditForm.initial_for(article)), article=article)
    form = ArticleEditForm(request.POST)
    if not form.is_valid():
        return _form_page(request, form, article=article, status=400)
    changes = form.changes(article)
    if not changes:
        messages.info(request, _("Nothing changed."))
        return redirect(article)
    saved = []
    status = attempt(request, lambda: saved.append(services.article_update(article, by=request.user, **changes)),
                     form=form, lost_race=LOST_RACE, states=ArticleStatus, current=article.status)
    if status is not None:
        return _form_page(request, form, article=article, status=status)
    result = saved[0]
    if result.pk != article.pk:
        messages.success(request, _("Your changes are a draft of the next version, %(draft)s. Readers keep seeing "
                                    "%(number)s as published until the draft is published.")
                         % {"draft": result.number, "number": article.number})
    else:
        messages.success(request, _("%(number)s is saved.") % {"number": article.number})
    return redirect(result)


@_staff_or_404
@require_POST
def article_image_upload(request, pk: int):
    """POST ``/knowledge/<id>/images/``: attach an image to use in the text, then back to the
    edit page (the image's Markdown is listed there to copy)."""
    article = _article_for_page(request.user, pk)
    form = ArticleImageForm(request.POST, request.FILES)
    back = reverse("knowledge:article-edit", args=[article.pk])
    if not form.is_valid():
        message_errors(request, form)
        return redirect(back)
    if attempt(request, lambda: services.article_image_add(article, file=form.cleaned_data["file"], by=request.user),
               lost_race=LOST_RACE) is None:
        messages.success(request, _("The image is attached: copy its Markdown into the text."))
    return redirect(back)


# --- from a known error, to an incident ----------------------------------------------------------
@_staff_or_404
@require_POST
def article_from_known_error(request, ke_pk: int):
    """POST ``/knowledge/from-known-error/<id>/``: the known error as a public draft article,
    linked to it (a second click goes to the one already made)."""
    known = get_object_or_404(KnownError, pk=ke_pk)
    made = []
    status = attempt(request, lambda: made.append(services.article_from_known_error(known, by=request.user)),
                     lost_race=LOST_RACE)
    if status is not None:
        return redirect(known)
    messages.success(request, _("%(number)s is a draft article from %(known)s: check it, then submit it for review.")
                     % {"number": made[0].number, "known": known.number})
    return redirect(made[0])


@_staff_or_404
@require_POST
def article_send(request, pk: int):
    """POST ``/knowledge/<id>/send/`` with ``incident``: the article to the incident's customer
    as a public comment, then back to the incident."""
    article = get_object_or_404(articles_visible_to(request.user), pk=pk)
    form = SendToIncidentForm(request.POST)
    if not form.is_valid():
        message_errors(request, form)
        return redirect(safe_next(request, article.get_absolute_url()))
    incident = incidents_visible_to(request.user).filter(pk=form.cleaned_data["incident"]).first()
    if incident is None:
        raise Http404
    back = safe_next(request, incident.get_absolute_url())
    if attempt(request, lambda: services.article_send_to_incident(article, incident, by=request.user),
               refusal=lambda exc: _("%(number)s was not sent: %(reason)s") % {
                   "number": article.number, "reason": refusal_message(exc, LOST_RACE)}) is None:
        messages.success(request, _("%(number)s is sent to the customer as a comment on %(incident)s.")
                         % {"number": article.number, "incident": incident.number})
    return redirect(back)
