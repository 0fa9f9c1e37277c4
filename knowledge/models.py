"""Knowledge-base articles: answers written once, found by customers before they call.

An :class:`Article` (``KB000001``) is written in Markdown in one language (translations of
one article point at the original with ``translation_of``), for the public help centre or
for agents only (``audience``), and moves ``draft → in_review → published → retired``.
A public article is published by a reviewer other than its author; an internal one may be
published by its author straight from the draft. Editing a published article makes a draft
*beside* it (``draft_of``): readers keep the published text until that draft is approved,
then its text is copied into the published article and the version number goes up. Every
published version is kept (:class:`ArticleVersion`).

The lifecycle is a django-fsm field with ``protected=True``; the transitions below are the
guards. ``knowledge.services`` locks the row, calls them and records history.
"""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransitionMixin, FSMField, transition
from simple_history.models import HistoricalRecords

from catalog.models import Service
from core.roles import is_staff_member
from problems.models import KnownError

from .choices import ArticleAudience, ArticleLanguage, ArticleStatus


def _staff(instance, user) -> bool:
    return is_staff_member(user)


def _may_publish(instance, user) -> bool:
    """Staff; for a public article, someone other than its author (the four-eyes rule)."""
    if not is_staff_member(user):
        return False
    return instance.audience == ArticleAudience.INTERNAL or user.pk != instance.author_id


class Article(ConcurrentTransitionMixin, models.Model):
    # Set right after the insert, from the primary key (NULL until then; unique once set).
    number = models.CharField(_("number"), max_length=16, unique=True, null=True, editable=False)  # noqa: DJ001
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("body"), help_text=_("Markdown: headings, lists, links, tables and images."))
    language = models.CharField(_("language"), max_length=5, choices=ArticleLanguage.choices,
                                default=ArticleLanguage.EN)
    audience = models.CharField(_("audience"), max_length=10, choices=ArticleAudience.choices,
                                default=ArticleAudience.PUBLIC)
    status = FSMField(_("status"), max_length=20, choices=ArticleStatus.choices, default=ArticleStatus.DRAFT,
                      protected=True)
    services = models.ManyToManyField(Service, verbose_name=_("services"), blank=True, related_name="articles")
    known_error = models.ForeignKey(KnownError, verbose_name=_("known error"), null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="articles")
    #: The original article of a set of translations (NULL on the original itself).
    translation_of = models.ForeignKey("self", verbose_name=_("translation of"), null=True, blank=True,
                                       on_delete=models.SET_NULL, related_name="translations")
    #: A draft edit of a published article, kept beside it until it is approved.
    draft_of = models.ForeignKey("self", verbose_name=_("draft of"), null=True, blank=True,
                                 on_delete=models.CASCADE, related_name="drafts")
    #: The published version number (0 until first published).
    version = models.PositiveIntegerField(_("version"), default=0)
    views = models.PositiveIntegerField(_("views"), default=0)
    helpful = models.PositiveIntegerField(_("helpful"), default=0)
    not_helpful = models.PositiveIntegerField(_("not helpful"), default=0)
    deflections = models.PositiveIntegerField(_("deflections"), default=0)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("published by"), null=True,
                                     blank=True, on_delete=models.SET_NULL, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.PROTECT,
                               related_name="authored_articles")
    #: Who approved (published) it.
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("reviewer"), null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="reviewed_articles")
    created_at = models.DateTimeField(_("created"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    #: Kept by the database (knowledge migration 0002 on PostgreSQL); a plain column on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)
    history = HistoricalRecords(excluded_fields=["search_vector"], m2m_fields=[services])

    class Meta:
        ordering = ["-published_at", "-id"]
        indexes = [
            models.Index(fields=["status", "audience", "language"], name="kb_article_visible"),
            models.Index(fields=["status", "published_at"], name="kb_article_published"),
            models.Index(fields=["-views"], name="kb_article_views"),
        ]

    def __str__(self) -> str:
        return f"{self.number or 'KB?'} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("knowledge:article", args=[self.pk])

    @property
    def is_public(self) -> bool:
        return self.audience == ArticleAudience.PUBLIC

    @property
    def is_published(self) -> bool:
        return self.status == ArticleStatus.PUBLISHED

    # --- lifecycle: the guards -----------------------------------------------------------
    def may_skip_review(self) -> bool:
        """Only an internal article is published straight from its draft."""
        return self.status == ArticleStatus.IN_REVIEW or self.audience == ArticleAudience.INTERNAL

    @transition(field=status, source=ArticleStatus.DRAFT, target=ArticleStatus.IN_REVIEW, permission=_staff)
    def submit(self):
        """Sent for review."""

    @transition(field=status, source=[ArticleStatus.DRAFT, ArticleStatus.IN_REVIEW], target=ArticleStatus.PUBLISHED,
                conditions=[may_skip_review], permission=_may_publish)
    def publish(self):
        """Approved: readers see it (a public one in the help centre)."""

    @transition(field=status, source=[ArticleStatus.DRAFT, ArticleStatus.IN_REVIEW, ArticleStatus.PUBLISHED],
                target=ArticleStatus.RETIRED, permission=_staff)
    def retire(self):
        """No longer shown to readers; kept with its versions."""


class ArticleVersion(models.Model):
    """A published version of an article, as it was published."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="versions")
    version = models.PositiveIntegerField(_("version"))
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("body"))
    published_at = models.DateTimeField(_("published"), default=timezone.now)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("published by"), null=True,
                                     blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["article", "-version"]
        constraints = [models.UniqueConstraint(fields=["article", "version"], name="%(app_label)s_%(class)s_once")]

    def __str__(self) -> str:
        return f"{self.article_id} v{self.version}"


class ArticleFeedback(models.Model):
    """A reader's answer to "did this help?"; ``deflected`` when it solved the problem without
    a ticket."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="feedback")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="+")
    helpful = models.BooleanField(_("helpful"))
    comment = models.TextField(_("comment"), blank=True)
    deflected = models.BooleanField(_("deflected"), default=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["article", "created_at"], name="kb_feedback_article"),
            models.Index(fields=["deflected", "created_at"], name="kb_feedback_deflected"),
        ]

    def __str__(self) -> str:
        return f"{self.article_id} {'+' if self.helpful else '-'}"


class ArticleImage(models.Model):
    """An image attached to an article, referenced from its Markdown body."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="images")
    file = models.FileField(_("file"), upload_to="knowledge/%Y/%m/", max_length=300)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.file.name

    def get_absolute_url(self) -> str:
        """Where the article's text points at it: served to whoever may read the article."""
        return reverse("knowledge:help-image", args=[self.pk])


class SearchMiss(models.Model):
    """A (normalised) search that found nothing: what to write next."""

    query = models.CharField(_("query"), max_length=200)
    language = models.CharField(_("language"), max_length=5, blank=True)
    count = models.PositiveIntegerField(_("searches"), default=1)
    first_searched_at = models.DateTimeField(_("first searched"), default=timezone.now)
    last_searched_at = models.DateTimeField(_("last searched"), default=timezone.now)

    class Meta:
        ordering = ["-count", "-last_searched_at"]
        constraints = [models.UniqueConstraint(fields=["query", "language"], name="%(app_label)s_%(class)s_once")]

    def __str__(self) -> str:
        return f"{self.query} ({self.count})"
