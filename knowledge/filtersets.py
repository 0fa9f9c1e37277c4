"""The article list's filters, shared by the API and the pages."""

import django_filters

from core.filters import ShownFiltersMixin

from .choices import ArticleAudience, ArticleLanguage, ArticleStatus
from .models import Article


class ArticleFilterSet(ShownFiltersMixin, django_filters.FilterSet):
    """``service`` is a service id (any of the article's services); ``drafts=false`` leaves
    out the drafts of next versions written beside published articles."""

    SHOWN = ("status", "language", "audience", "service")

    status = django_filters.MultipleChoiceFilter(choices=ArticleStatus.choices, distinct=False)
    language = django_filters.MultipleChoiceFilter(choices=ArticleLanguage.choices, distinct=False)
    audience = django_filters.MultipleChoiceFilter(choices=ArticleAudience.choices, distinct=False)
    service = django_filters.NumberFilter(method="filter_service", label="service (id)")
    known_error = django_filters.NumberFilter(field_name="known_error_id", label="known error (id)")
    translation_of = django_filters.NumberFilter(field_name="translation_of_id", label="translation of (id)")
    author = django_filters.NumberFilter(field_name="author_id", label="author (id)")
    drafts = django_filters.BooleanFilter(field_name="draft_of", lookup_expr="isnull", exclude=True,
                                          label="drafts of next versions")
    published_after = django_filters.IsoDateTimeFilter(field_name="published_at", lookup_expr="gte")
    published_before = django_filters.IsoDateTimeFilter(field_name="published_at", lookup_expr="lt")

    class Meta:
        model = Article
        fields = ["status", "language", "audience", "service", "known_error", "translation_of", "author"]

    def filter_service(self, queryset, name, value):
        # A subquery rather than a join: no duplicate rows, no DISTINCT over the text columns.
        through = Article.services.through.objects.filter(service_id=value)
        return queryset.filter(pk__in=through.values("article_id"))
