"""Reads for problem management: lists, and the known errors that match what an agent is
typing on an incident."""

from __future__ import annotations

import re

from django.db import connection
from django.db.models import Case, Count, Exists, F, FloatField, OuterRef, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce

from core.roles import is_staff_member

from .choices import KnownErrorStatus, ProblemStatus
from .models import KnownError, Problem

#: Full-text configuration for PostgreSQL ("simple" keeps every word, whatever the language).
SEARCH_CONFIG = "english"
#: A known error on the incident's own CI ranks twice as high, on its service 1.5 times:
#: the text decides what matches, the CMDB which of the matches comes first.
CI_BOOST, SERVICE_BOOST = 1.0, 0.5


def problems_visible_to(user) -> QuerySet[Problem]:
    """Staff see every problem; requesters none (the pages and the API answer them 403)."""
    return Problem.objects.all() if is_staff_member(user) else Problem.objects.none()


#: The lifecycle verbs, in the order the page offers them, and the transition each takes.
PROBLEM_TRANSITIONS = {"investigate": "investigate", "mark-known-error": "mark_known_error", "resolve": "resolve",
                       "close": "close"}


def problem_available_actions(user, problem: Problem) -> list[str]:
    """What ``user`` may do to ``problem`` now: the lifecycle transitions django-fsm lets
    them take (source state, ``conditions=`` such as a recorded root cause and workaround,
    ``permission=``); while it is not closed ``edit`` (its details and analysis, ``PATCH``
    in the API) and ``link-incidents``; and ``acknowledge-review`` when its fix did not
    hold. The problem page offers exactly these and the API accepts exactly these: the
    services refuse the rest with the same guards."""
    if user is None or not is_staff_member(user):
        return []
    allowed = {t.name for t in problem.get_available_user_status_transitions(user)}
    actions = [verb for verb, name in PROBLEM_TRANSITIONS.items() if name in allowed]
    if problem.status != ProblemStatus.CLOSED:
        actions += ["edit", "link-incidents"]
    if problem.needs_review:
        actions.append("acknowledge-review")
    return actions


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
    SQLite (the embedded demo): the number of words in common, with the same boosts. On
    PostgreSQL the matching is a GIN index lookup on a stored ``tsvector`` (migration 0002)."""
    words = _words(text)
    if not words:
        return []
    qs = KnownError.objects.all() if include_drafts else KnownError.objects.filter(
        status=KnownErrorStatus.PUBLISHED)
    boost = Value(1.0)
    if ci_id:
        on_ci = Exists(KnownError.cis.through.objects.filter(knownerror_id=OuterRef("pk"), configurationitem_id=ci_id))
        boost = boost + Case(When(on_ci, then=Value(CI_BOOST)), default=Value(0.0), output_field=FloatField())
    if service_id:
        on_service = Exists(KnownError.services.through.objects.filter(knownerror_id=OuterRef("pk"),
                                                                       service_id=service_id))
        boost = boost + Case(When(on_service, then=Value(SERVICE_BOOST)), default=Value(0.0),
                             output_field=FloatField())
    if connection.vendor == "postgresql":
        # PostgreSQL only: django.contrib.postgres needs psycopg, which a SQLite install may lack.
        from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
        from django.db.models.expressions import RawSQL

        # problems/migrations/0002: a stored generated tsvector with a GIN index (PostgreSQL
        # only). The params must be a list: with a tuple the @@ lookup fails.
        vector = RawSQL('"problems_knownerror"."search_vector"', [], output_field=SearchVectorField())
        query = SearchQuery(" OR ".join(words), search_type="websearch", config=SEARCH_CONFIG)
        qs = (qs.alias(search=vector).filter(search=query)
              .annotate(text_rank=SearchRank(vector, query, normalization=Value(1))))
    else:
        matches = Q()
        score = Value(0.0)
        for word in words:
            hit = Q(title__icontains=word) | Q(symptom__icontains=word) | Q(workaround__icontains=word)
            matches |= hit
            score = score + Case(When(hit, then=Value(1.0)), default=Value(0.0), output_field=FloatField())
        qs = qs.filter(matches).annotate(text_rank=score / Value(float(len(words))))
    qs = qs.annotate(rank=Coalesce(F("text_rank"), Value(0.0), output_field=FloatField()) * boost)
    return list(qs.order_by("-rank", "-applied_count", "id")[:limit])
