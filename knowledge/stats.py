"""The knowledge base's measures, for the dashboards (``kpis/``) and the agents' pages: how
many problems the articles solved without a ticket (deflections), per article and per
service, the readers' votes, and the searches that found nothing (what to write next).

Periods are half-open, ``[start, end)``, on the feedback's ``created_at``. Every function is
one aggregate query, whatever the number of rows.
"""

from __future__ import annotations

from datetime import datetime

from django.db.models import Count, Q

from .choices import ArticleStatus
from .models import Article, ArticleFeedback, SearchMiss


def _feedback(start: datetime, end: datetime, service: int | None = None):
    qs = ArticleFeedback.objects.filter(created_at__gte=start, created_at__lt=end)
    if service is not None:
        qs = qs.filter(article__services=service)
    return qs.order_by()


def kb_deflections(start: datetime, end: datetime, *, service: int | None = None) -> int:
    """Readers who said an article solved their problem (no ticket raised) in ``[start, end)``;
    ``service`` narrows to the articles about that service."""
    return _feedback(start, end, service).filter(deflected=True).count()


def deflections_by_article(start: datetime, end: datetime, limit: int = 10) -> list[dict]:
    """The articles that deflected most in the period, most first:
    ``[{article_id, number, title, language, deflections}]``."""
    rows = (_feedback(start, end).filter(deflected=True)
            .values("article_id", "article__number", "article__title", "article__language")
            .annotate(deflections=Count("id"))
            .order_by("-deflections", "article__number")[:limit])
    return [{"article_id": r["article_id"], "number": r["article__number"], "title": r["article__title"],
             "language": r["article__language"], "deflections": r["deflections"]} for r in rows]


def deflections_by_service(start: datetime, end: datetime) -> list[dict]:
    """Deflections per service of the article, most first: ``[{service_id, service, deflections}]``
    (``service_id`` None for articles about no service). An article about two services
    counts for each."""
    rows = (_feedback(start, end).filter(deflected=True)
            .values("article__services__id", "article__services__name")
            .annotate(deflections=Count("id"))
            .order_by("-deflections", "article__services__name"))
    return [{"service_id": r["article__services__id"], "service": r["article__services__name"] or "",
             "deflections": r["deflections"]} for r in rows]


def article_feedback_totals(start: datetime, end: datetime, *, service: int | None = None,
                            article: int | None = None) -> dict:
    """The readers' answers in the period: ``{feedback, helpful, not_helpful, deflections}``."""
    qs = _feedback(start, end, service)
    if article is not None:
        qs = qs.filter(article_id=article)
    # Aliases that are not field names (an aggregate may not share a name its filter reads).
    totals = qs.aggregate(n_all=Count("id"), n_yes=Count("id", filter=Q(helpful=True)),
                          n_no=Count("id", filter=Q(helpful=False)), n_deflected=Count("id", filter=Q(deflected=True)))
    return {"feedback": totals["n_all"], "helpful": totals["n_yes"], "not_helpful": totals["n_no"],
            "deflections": totals["n_deflected"]}


def most_viewed(limit: int = 10) -> list[dict]:
    """Published articles by views (all time, the article's own counters), most first."""
    return list(Article.objects.filter(status=ArticleStatus.PUBLISHED).order_by("-views", "number")
                .values("id", "number", "title", "language", "audience", "views", "helpful", "not_helpful",
                        "deflections")[:limit])


def search_misses(limit: int = 20, *, language: str | None = None) -> list[dict]:
    """The searches that found nothing, most repeated first:
    ``[{query, language, count, first_searched_at, last_searched_at}]``."""
    qs = SearchMiss.objects.all()
    if language:
        qs = qs.filter(language=language)
    return list(qs.order_by("-count", "-last_searched_at")
                .values("query", "language", "count", "first_searched_at", "last_searched_at")[:limit])
