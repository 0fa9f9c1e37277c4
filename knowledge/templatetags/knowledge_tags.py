"""The knowledge base's sections on other apps' pages (their templates load this library; the
incidents app imports nothing of knowledge):

    {% load knowledge_tags %}
    {% incident_articles incident %}   articles that may answer the incident, each with
                                       "Send to customer" (a public comment on the incident)
    {% known_error_article known %}    on a known error's page: its article, or the button
                                       that makes one from it in one click

Staff only (renders nothing for anyone else); a fixed number of queries whatever the number of
articles."""

from django import template

from core.roles import is_staff_member

from ..choices import ArticleStatus
from ..models import Article
from ..search import suggest

register = template.Library()

#: How many suggestions an incident's page shows.
INCIDENT_ARTICLES = 5


@register.inclusion_tag("knowledge/_incident_articles.html", takes_context=True)
def incident_articles(context, incident, limit: int = INCIDENT_ARTICLES):
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not is_staff_member(user):
        return {"shown": False}
    text = f"{incident.title} {incident.description or ''}".strip()[:2000]
    articles = suggest(text, user=user, limit=limit) if text else []
    return {"shown": True, "articles": articles, "incident": incident, "next_url": request.get_full_path(),
            "csrf_token": context.get("csrf_token")}


@register.inclusion_tag("knowledge/_known_error_article.html", takes_context=True)
def known_error_article(context, known_error):
    """The article made from ``known_error`` (the one ``article_from_known_error`` returns: not
    retired, not a draft of a next version), or the button that makes it. One query."""
    article = (Article.objects.filter(known_error=known_error, draft_of__isnull=True)
               .exclude(status=ArticleStatus.RETIRED).only("pk", "number", "status").order_by("id").first())
    return {"known": known_error, "article": article, "csrf_token": context.get("csrf_token")}
