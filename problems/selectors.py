"""Reads for problem management: lists, and the known errors that match what an agent is
typing on an incident."""

from __future__ import annotations

import re

from django.db import connection
from django.db.models import Count, F, FloatField, Q, QuerySet, Value
from django.db.models.functions import Coalesce

from .choices import KnownErrorStatus
from .models import KnownError, Problem

#: Full-text configuration for PostgreSQL ("simple" keeps every word, whatever the language).
SEARCH_CONFIG = "english"
#: A known error on the incident's own CI ranks twice as high, on its service 1.5 times:
#: the text decides what matches, the CMDB which of the matches comes first.
CI_BOOST, SERVICE_BOOST = 1.0, 0.5


def problems_with_list_data(qs: QuerySet[Problem] | None = None) -> QuerySet[Problem]:
    qs = qs if qs is not None else Problem.objects.all()
    return (qs.select_related("owner", "team", "known_error")
            .prefetch_related("services")
            .annotate(incident_count=Count("incidents", distinct=True)))


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"\w+", (text or "").lower()) if len(w) > 2][:12]


def known_error_suggestions(*, text: str, service_id: int | None = None, ci_id: int | None = None,
                            limit: int = 5, include_drafts: bool = False) -> list[KnownError]:
    """Published known errors that match ``text`` (an incident's title and description as
    the agent types), best first. On PostgreSQL: full-text search over the title and
    symptom (weight A), the workaround (B) and the root cause (C), ranked with ``ts_rank``
    and multiplied up for a known error on the incident's CI or service; any word may match. On
    SQLite (the embedded demo): the number of words in common, with the same boosts."""
    words = _words(text)
    if not words:
        return []
    qs = KnownError.objects.all() if include_drafts else KnownError.objects.filter(
        status=KnownErrorStatus.PUBLISHED)
    boost = Value(1.0)
    if ci_id:
        qs = qs.annotate(on_ci=Count("cis", filter=Q(cis=ci_id), distinct=True))
        boost = boost + F("on_ci") * Value(CI_BOOST)
    if service_id:
        qs = qs.annotate(on_service=Count("services", filter=Q(services=service_id), distinct=True))
        boost = boost + F("on_service") * Value(SERVICE_BOOST)
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

        vector = (SearchVector("title", weight="A", config=SEARCH_CONFIG)
                  + SearchVector("symptom", weight="A", config=SEARCH_CONFIG)
                  + SearchVector("workaround", weight="B", config=SEARCH_CONFIG)
                  + SearchVector("root_cause", weight="C", config=SEARCH_CONFIG))
        query = SearchQuery(" OR ".join(words), search_type="websearch", config=SEARCH_CONFIG)
        qs = (qs.annotate(text_rank=SearchRank(vector, query, normalization=Value(1)))
              .filter(text_rank__gt=0))
    else:
        from django.db.models import Case, When

        matches = Q()
        score = Value(0.0)
        for word in words:
            hit = Q(title__icontains=word) | Q(symptom__icontains=word) | Q(workaround__icontains=word)
            matches |= hit
            score = score + Case(When(hit, then=Value(1.0)), default=Value(0.0), output_field=FloatField())
        qs = qs.filter(matches).annotate(text_rank=score / Value(float(len(words))))
    qs = qs.annotate(rank=Coalesce(F("text_rank"), Value(0.0), output_field=FloatField()) * boost)
    return list(qs.order_by("-rank", "-applied_count", "id")[:limit])
