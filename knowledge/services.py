"""Every write to the knowledge base. Each transition locks the row, checks the django-fsm
guard and the actor's permission, saves with who and why in the history; publishing and
retiring clear the help centre's cache after commit.

Editing a published article never changes what readers see: the edit goes into a draft
*beside* it (``draft_of``), which is reviewed and published like any draft; publishing it
copies its text into the published article, bumps the version and records it
(:class:`ArticleVersion`), and the draft is deleted.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_fsm import can_proceed, has_transition_perm

from core.errors import InvalidTransitionError
from core.roles import is_staff_member

from . import cache
from .choices import EDITABLE_ARTICLE_STATUSES, ArticleAudience, ArticleLanguage, ArticleStatus
from .markdown import render_markdown, validate_body
from .models import Article, ArticleFeedback, ArticleImage, ArticleVersion

ACTION_VERBS = {"submit": gettext_lazy("submit"), "publish": gettext_lazy("publish"),
                "retire": gettext_lazy("retire")}
#: What ``article_update`` changes (``services`` is the list of services).
EDITABLE = ("title", "body", "language", "audience", "services", "known_error")
#: What publishing a draft beside a published article copies into it.
COPIED = ("title", "body", "language", "audience")
#: The default of ``KNOWLEDGE_IMAGE_MAX_BYTES``.
IMAGE_MAX_BYTES = 2 * 1024 * 1024
#: The image types accepted, by their first bytes (never the type the browser claims; no SVG).
IMAGE_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "image/png", "png"),
    (b"\xff\xd8\xff", "image/jpeg", "jpg"),
    (b"GIF87a", "image/gif", "gif"),
    (b"GIF89a", "image/gif", "gif"),
)
COMMENT_MAX_CHARS = 2000


# --- helpers ----------------------------------------------------------------------------------
def _locked(article: Article | int) -> Article:
    pk = article.pk if isinstance(article, Article) else article
    return Article.objects.select_for_update(of=("self",)).get(pk=pk)


def _require_staff(actor, message: str) -> None:
    if actor is None or not is_staff_member(actor):
        raise PermissionDenied(message)


def _guard(article: Article, action: str, actor) -> None:
    method = getattr(article, action)
    verb = ACTION_VERBS.get(action, action)
    _require_staff(actor, _("Only service desk staff can %(action)s articles.") % {"action": verb})
    if not can_proceed(method):
        if action == "publish" and article.status == ArticleStatus.DRAFT:
            message = _("A public article is submitted for review before it is published.")
        else:
            message = _("You cannot %(action)s an article that is %(status)s.") % {
                "action": verb, "status": article.get_status_display().lower()}
        raise InvalidTransitionError(message, article.status)
    if not has_transition_perm(method, actor):
        if action == "publish":
            raise InvalidTransitionError(
                _("A public article is published by a reviewer other than its author."), article.status)
        raise PermissionDenied(_("Only service desk staff can %(action)s articles.") % {"action": verb})


def _save(article: Article, actor, reason: str = "", fields: list[str] | None = None) -> None:
    article._history_user = actor
    article._change_reason = reason[:100] if reason else None
    article.save(update_fields=fields)


def _clear_help_cache() -> None:
    transaction.on_commit(cache.help_cache_clear)


def _root(article: Article | None) -> Article | None:
    """The original of a set of translations."""
    if article is None:
        return None
    if article.draft_of_id:  # a draft of the next version stands for its published article
        article = article.draft_of
    return article.translation_of if article.translation_of_id else article


def _check_translation(*, language: str, root: Article | None, exclude_pk: int | None = None) -> None:
    """A translation is in another language than its original and than its other (living)
    translations."""
    if root is None:
        return
    if root.language == language and root.pk != exclude_pk:
        raise ValidationError({"language": [_("A translation is in another language than the original (%(number)s).")
                                            % {"number": root.number}]})
    twin = (Article.objects.filter(translation_of=root, language=language, draft_of__isnull=True)
            .exclude(status=ArticleStatus.RETIRED).exclude(pk=exclude_pk).values_list("number", flat=True).first())
    if twin:
        raise ValidationError({"language": [_("%(number)s is already the translation in this language.")
                                            % {"number": twin}]})


def _validate(article: Article) -> None:
    article.title = (article.title or "").strip()
    validate_body(article.body)
    article.full_clean(exclude=["number", "status", "author", "known_error", "translation_of", "draft_of",
                                "published_by", "reviewer", "search_vector"], validate_constraints=False)


def help_url(article: Article) -> str:
    """The article's public address in the help centre (absolute)."""
    try:
        path = reverse("knowledge:help-article", args=[article.number])
    except NoReverseMatch:  # the help centre's pages are not mounted
        path = f"/help/{article.number}/"
    return f"{settings.PUBLIC_BASE_URL}{path}"


# --- create and edit --------------------------------------------------------------------------
@transaction.atomic
def article_create(*, author, title: str, body: str, language: str = ArticleLanguage.EN,
                   audience: str = ArticleAudience.PUBLIC, services=(), known_error=None,
                   translation_of: Article | None = None) -> Article:
    """A new draft (``KB000001``), by staff. ``translation_of`` links it to the original of a
    set of translations (a translation of a translation points at the original too)."""
    _require_staff(author, _("Only service desk staff can write articles."))
    root = _root(translation_of)
    article = Article(title=title, body=body, language=language, audience=audience, known_error=known_error,
                      translation_of=root, author=author)
    _validate(article)
    _check_translation(language=article.language, root=root)
    _save(article, author, "created")
    article.number = f"KB{article.pk:06d}"
    Article.objects.filter(pk=article.pk).update(number=article.number)
    article.history.filter(history_type="+").update(number=article.number)
    if services:
        article.services.set(services)
    return article


def _draft_beside(published: Article, by) -> Article:
    """The draft of the next version of a published article: the one being written, or a new
    copy of the published text (by ``by``)."""
    draft = (Article.objects.select_for_update(of=("self",))
             .filter(draft_of=published, status__in=EDITABLE_ARTICLE_STATUSES).order_by("-id").first())
    if draft is not None:
        return draft
    draft = Article(title=published.title, body=published.body, language=published.language,
                    audience=published.audience, known_error_id=published.known_error_id, draft_of=published,
                    author=by)
    _save(draft, by, "draft of the next version")
    draft.number = f"KB{draft.pk:06d}"
    Article.objects.filter(pk=draft.pk).update(number=draft.number)
    draft.history.filter(history_type="+").update(number=draft.number)
    draft.services.set(published.services.all())
    return draft


@transaction.atomic
def article_update(article: Article | int, *, by, **fields) -> Article:
    """Edit an article (staff). A draft or an article in review changes in place; a published
    one is left as it is and the edit goes into its draft beside it (made on the first edit,
    reused after), which is returned; a retired one is refused."""
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise ValueError(f"not editable here: {sorted(unknown)}")
    _require_staff(by, _("Only service desk staff can edit articles."))
    article = _locked(article)
    if article.status == ArticleStatus.RETIRED:
        raise InvalidTransitionError(_("A retired article cannot be edited."), article.status)
    if article.status == ArticleStatus.PUBLISHED:
        article = _draft_beside(article, by)
    services = fields.pop("services", None)
    for name, value in fields.items():
        setattr(article, name, value)
    _validate(article)
    if "language" in fields:
        original = article.draft_of if article.draft_of_id else article
        _check_translation(language=article.language, root=original.translation_of, exclude_pk=original.pk)
    _save(article, by, "edited")
    if services is not None:
        article.services.set(services)
    return article


# --- the lifecycle ----------------------------------------------------------------------------
@transaction.atomic
def article_submit(article: Article | int, *, by) -> Article:
    """A draft goes to review."""
    article = _locked(article)
    _guard(article, "submit", by)
    article.submit()
    _save(article, by, "submitted for review")
    return article


def _record_version(article: Article, by, at) -> ArticleVersion:
    return ArticleVersion.objects.create(article=article, version=article.version, title=article.title,
                                         body=article.body, published_at=at, published_by=by)


@transaction.atomic
def article_publish(article: Article | int, *, by) -> Article:
    """Publish an article in review (an internal one also straight from its draft). A public
    article is published by someone other than its author. The first publication is version
    1. A draft beside a published article is copied into it as the next version (its title,
    text, language, audience and services), recorded, and deleted: the published article is
    returned."""
    at = timezone.now()
    pk = article.pk if isinstance(article, Article) else article
    # The published article first, then its draft: the order article_update locks them in.
    draft_of_id = Article.objects.filter(pk=pk).values_list("draft_of_id", flat=True).first()
    published = _locked(draft_of_id) if draft_of_id else None
    article = _locked(pk)
    _guard(article, "publish", by)
    if published is None:
        article.publish()
        article.version += 1
        article.published_at, article.published_by, article.reviewer = at, by, by
        _save(article, by, "published" if article.version == 1 else f"published version {article.version}")
        _record_version(article, by, at)
        _clear_help_cache()
        return article
    if published.status != ArticleStatus.PUBLISHED:
        raise InvalidTransitionError(_("%(number)s is no longer published: this draft cannot replace it.")
                                     % {"number": published.number}, article.status)
    if article.language != published.language:
        _check_translation(language=article.language, root=published.translation_of, exclude_pk=published.pk)
    for name in COPIED:
        setattr(published, name, getattr(article, name))
    published.version += 1
    published.published_at, published.published_by, published.reviewer = at, by, by
    _save(published, by, f"published version {published.version} ({article.number})")
    published.services.set(article.services.all())
    _record_version(published, by, at)
    ArticleImage.objects.filter(article=article).update(article=published)
    article._history_user = by
    article._change_reason = f"published into {published.number}"
    article.delete()
    _clear_help_cache()
    return published


@transaction.atomic
def article_retire(article: Article | int, *, by) -> Article:
    """No longer shown to readers (kept, with its versions). A draft or an article in review
    may be retired too (abandoned); retiring a published article abandons the drafts beside it."""
    article = _locked(article)
    _guard(article, "retire", by)
    was_published = article.status == ArticleStatus.PUBLISHED
    article.retire()
    _save(article, by, "retired")
    if was_published:
        for draft in (Article.objects.select_for_update(of=("self",))
                      .filter(draft_of=article, status__in=EDITABLE_ARTICLE_STATUSES)):
            draft.retire()
            _save(draft, by, f"retired with {article.number}")
        _clear_help_cache()
    return article


# --- readers ----------------------------------------------------------------------------------
@transaction.atomic
def article_feedback(article: Article | int, *, user, helpful: bool, comment: str = "",
                     deflected: bool = False) -> ArticleFeedback:
    """A reader's answer to "did this help?" on a published article: counted on the article at
    once (one UPDATE). ``deflected``: it solved the reader's problem without a ticket (so it
    also helped)."""
    pk = article.pk if isinstance(article, Article) else article
    status = Article.objects.filter(pk=pk).values_list("status", flat=True).first()
    if status != ArticleStatus.PUBLISHED:
        raise InvalidTransitionError(_("Only a published article takes feedback."), status or "")
    helpful, deflected = bool(helpful), bool(deflected)
    if deflected and not helpful:
        raise ValidationError({"deflected": [_("An article that did not help cannot have solved the problem.")]})
    comment = (comment or "").strip()
    if len(comment) > COMMENT_MAX_CHARS:
        raise ValidationError({"comment": [_("At most %(limit)s characters.") % {"limit": COMMENT_MAX_CHARS}]})
    if "\x00" in comment:
        raise ValidationError({"comment": [_("The comment contains a null character.")]})
    if user is not None and not user.is_authenticated:
        user = None
    feedback = ArticleFeedback.objects.create(article_id=pk, user=user, helpful=helpful, comment=comment,
                                              deflected=deflected)
    counters = {"helpful" if helpful else "not_helpful": F("helpful" if helpful else "not_helpful") + 1}
    if deflected:
        counters["deflections"] = F("deflections") + 1
    Article.objects.filter(pk=pk).update(**counters)
    return feedback


def article_viewed(article_id: int) -> None:
    """One more view (one UPDATE; no history, no ``updated_at``)."""
    Article.objects.filter(pk=article_id).update(views=F("views") + 1)


# --- images -----------------------------------------------------------------------------------
def image_max_bytes() -> int:
    return int(getattr(settings, "KNOWLEDGE_IMAGE_MAX_BYTES", IMAGE_MAX_BYTES))


def _sniff(head: bytes) -> tuple[str, str] | None:
    for signature, content_type, extension in IMAGE_SIGNATURES:
        if head.startswith(signature):
            return content_type, extension
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp", "webp"
    return None


@transaction.atomic
def article_image_add(article: Article | int, *, file, by) -> ArticleImage:
    """Attach an image to an article (staff): PNG, JPEG, GIF or WebP by its content (never an
    SVG, which may carry scripts), at most ``KNOWLEDGE_IMAGE_MAX_BYTES``."""
    _require_staff(by, _("Only service desk staff can attach images to articles."))
    article = _locked(article)
    if article.status == ArticleStatus.RETIRED:
        raise InvalidTransitionError(_("A retired article cannot be edited."), article.status)
    limit = image_max_bytes()
    size = getattr(file, "size", None) or 0
    if size > limit:
        raise ValidationError({"file": [_("Images may be at most %(size)s.") % {
            "size": f"{limit / (1024 * 1024):.1f} MB" if limit >= 1024 * 1024 else f"{limit} bytes"}]})
    if size == 0:
        raise ValidationError({"file": [_("The file is empty.")]})
    file.seek(0)
    kind = _sniff(file.read(16))
    file.seek(0)
    if kind is None:
        raise ValidationError({"file": [_("Only PNG, JPEG, GIF and WebP images can be attached.")]})
    content_type, extension = kind
    image = ArticleImage(article=article, content_type=content_type, size=size, uploaded_by=by)
    image.file.save(f"{article.number or 'KB'}-{timezone.now():%Y%m%d%H%M%S}.{extension}", file, save=False)
    image.save()
    return image


# --- known errors and incidents ---------------------------------------------------------------
def _language_of(user) -> str:
    profile = getattr(user, "profile", None) if user is not None else None
    language = (getattr(profile, "language", "") or "").split("-")[0].lower()
    if language in ArticleLanguage.values:
        return language
    current = (translation.get_language() or "").split("-")[0].lower()
    return current if current in ArticleLanguage.values else ArticleLanguage.EN


@transaction.atomic
def article_from_known_error(known_error, *, by) -> Article:
    """A public draft from a known error (its title, what the user sees and the workaround), in
    the author's language, linked to it and its services; a second click returns the article
    already made from it (unless that one was retired)."""
    from problems.models import KnownError

    _require_staff(by, _("Only service desk staff can write articles."))
    known_error = KnownError.objects.select_for_update().get(pk=known_error.pk)
    existing = (Article.objects.filter(known_error=known_error, draft_of__isnull=True)
                .exclude(status=ArticleStatus.RETIRED).order_by("id").first())
    if existing is not None:
        return existing
    language = _language_of(by)
    with translation.override(language):
        body = "\n\n".join(part for part in (
            f"## {_('What you see')}", known_error.symptom.strip(),
            f"## {_('What to do')}", known_error.workaround.strip()) if part)
    return article_create(author=by, title=known_error.title[:200], body=body, language=language,
                          audience=ArticleAudience.PUBLIC, services=list(known_error.services.all()),
                          known_error=known_error)


def article_excerpt(article: Article, words: int = 40) -> str:
    """The article's opening words as plain text."""
    text = " ".join(strip_tags(render_markdown(article.body[:4000])).split())
    return Truncator(text).words(words)


@transaction.atomic
def article_send_to_incident(article: Article | int, incident, *, by):
    """Send a published public article to an incident's customer: a public comment (through
    the incidents' note service) with the article's title, its opening words and its address
    in the help centre. The comment is in the article's language."""
    from incidents.choices import NoteVisibility
    from incidents.services import incident_add_note

    _require_staff(by, _("Only service desk staff can send articles."))
    article = Article.objects.get(pk=article.pk if isinstance(article, Article) else article)
    if article.status != ArticleStatus.PUBLISHED or article.audience != ArticleAudience.PUBLIC:
        raise InvalidTransitionError(_("Only a published public article can be sent to a customer."), article.status)
    with translation.override(article.language):
        intro = _("This article may help you:")
    body = f"{intro} {article.title}\n\n{article_excerpt(article)}\n\n{help_url(article)}"
    return incident_add_note(incident=incident, actor=by, body=body, visibility=NoteVisibility.PUBLIC)
