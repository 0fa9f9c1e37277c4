"""The problem list's filters, one FilterSet for the browser list (and for the API, which may
adopt it: the parameters mean the same whichever door they come through)."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from catalog.models import Service, Team
from core.filters import ShownFiltersMixin

from .choices import OPEN_PROBLEM_STATUSES, ProblemStatus
from .models import Problem

YES_NO_ANY = [("", _("Any")), ("true", _("Yes")), ("false", _("No"))]
OWNER_CHOICES = [("", _("Anyone")), ("me", _("Me")), ("none", _("Nobody"))]


def search_problems(qs, term: str):
    """By number (PRB000045, or just 45) or words of the title."""
    term = (term or "").strip()[:100]
    if not term:
        return qs
    match = Q(title__icontains=term) | Q(number__iexact=term)
    if term.isdigit():
        match |= Q(number=f"PRB{int(term):06d}")
    return qs.filter(match)


class ProblemFilterSet(ShownFiltersMixin, django_filters.FilterSet):
    """``owner=me`` means the caller, ``owner=none`` nobody, a number that user. ``q`` looks
    for a number or words of the title."""

    # The problem's own columns: no duplicates to remove, so no DISTINCT.
    status = django_filters.MultipleChoiceFilter(choices=ProblemStatus.choices, distinct=False, label=_("Status"),
                                                 widget=forms.CheckboxSelectMultiple)
    priority = django_filters.MultipleChoiceFilter(choices=[(i, f"P{i}") for i in range(1, 6)], distinct=False,
                                                   label=_("Priority"), widget=forms.CheckboxSelectMultiple)
    owner = django_filters.CharFilter(method="filter_owner", label=_("Owner"),
                                      widget=forms.Select(choices=OWNER_CHOICES))
    needs_review = django_filters.BooleanFilter(label=_("Fix did not hold"), widget=forms.Select(choices=YES_NO_ANY))
    open = django_filters.BooleanFilter(method="filter_open", label=_("Open"), widget=forms.Select(choices=YES_NO_ANY))
    # One service: a problem is on it at most once, so the join adds no duplicate rows.
    service = django_filters.ModelChoiceFilter(field_name="services", queryset=Service.objects.order_by("name"),
                                               distinct=False, label=_("Service"))
    team = django_filters.ModelChoiceFilter(queryset=Team.objects.order_by("name"), label=_("Team"))
    q = django_filters.CharFilter(method="filter_search", label=_("Search"))

    class Meta:
        model = Problem
        fields = ["status", "priority", "owner", "needs_review", "service", "team"]

    #: the filters the list shows in its panel (``q`` has its own box; the rest work from the address bar)
    SHOWN = ("status", "priority", "owner", "needs_review", "service", "team")

    def filter_owner(self, queryset, name, value):
        if value == "me":
            user = getattr(self.request, "user", None)
            return queryset.filter(owner=user) if user and user.is_authenticated else queryset.none()
        if value in ("none", "null"):
            return queryset.filter(owner__isnull=True)
        if not value.isdigit():
            return queryset.none()
        return queryset.filter(owner_id=int(value))

    def filter_open(self, queryset, name, value):
        open_q = Q(status__in=OPEN_PROBLEM_STATUSES)
        return queryset.filter(open_q) if value else queryset.exclude(open_q)

    def filter_search(self, queryset, name, value):
        return search_problems(queryset, value)
