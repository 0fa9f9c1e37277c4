"""Reads of the knowledge base: who sees which article, what a person may do on one now, and
the lines that differ between two published versions."""

from __future__ import annotations

import difflib
from typing import NamedTuple

from django.db.models import QuerySet

from core.roles import is_staff_member

from .choices import ArticleAudience, ArticleStatus
from .models import Article, ArticleVersion


def articles_visible_to(user) -> QuerySet[Article]:
    """Staff see every article (drafts, internal ones, retired ones); requesters and
    anonymous visitors only published public articles."""
    qs = Article.objects.all()
    if user is not None and user.is_authenticated and is_staff_member(user):
        return qs
    return qs.filter(status=ArticleStatus.PUBLISHED, audience=ArticleAudience.PUBLIC)


def article_available_actions(article: Article, user) -> list[str]:
    """The transitions ``user`` may take on ``article`` now (``submit``, ``publish``,
    ``retire``), from the model's own guards: source states, the internal-only shortcut from
    draft to published and the four-eyes rule for public articles. A draft beside a
    published article that has since been retired cannot be published."""
    if user is None or not user.is_authenticated or not is_staff_member(user):
        return []
    actions = [t.name for t in article.get_available_user_status_transitions(user)]
    if "publish" in actions and article.draft_of_id is not None:
        status = Article.objects.filter(pk=article.draft_of_id).values_list("status", flat=True).first()
        if status == ArticleStatus.RETIRED:
            actions.remove("publish")
    return actions


def article_versions(article: Article) -> QuerySet[ArticleVersion]:
    """Every published version of an article, newest first."""
    return article.versions.select_related("published_by").order_by("-version")


class DiffLine(NamedTuple):
    """One line of a diff: ``kind`` is ``add``, ``del``, ``same`` or ``hunk`` (a position header)."""

    kind: str
    text: str


KINDS = {"+": "add", "-": "del", " ": "same"}


def _lines(version) -> list[str]:
    return [f"# {version.title}", "", *str(version.body).splitlines()]


def article_diff(old_version, new_version) -> list[DiffLine]:
    """The unified diff between two versions (``ArticleVersion`` or anything with ``title``
    and ``body``; the title is the first line) as :class:`DiffLine` rows, plain text for the
    page to escape and colour. Two identical versions give no rows."""
    rows: list[DiffLine] = []
    diff = difflib.unified_diff(_lines(old_version), _lines(new_version), lineterm="", n=2)
    for index, line in enumerate(diff):
        if index < 2:  # the "--- a" / "+++ b" file header (a body line may start with "---" too)
            continue
        if line.startswith("@@"):
            rows.append(DiffLine("hunk", line))
        else:
            rows.append(DiffLine(KINDS.get(line[:1], "same"), line[1:]))
    return rows
