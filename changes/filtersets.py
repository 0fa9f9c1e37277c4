"""The change list's filters: one FilterSet for the browser list (the API may adopt it: the
parameters mean the same whichever door they come through)."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from catalog.models import Service
from core.filters import ShownFiltersMixin

from .choices import ChangeCategory, ChangeStatus, ChangeType, ProposalStatus, ReleaseStatus
from .models import Change, ChangeProposal, Release

YES_NO_ANY = [("", _("Any")), ("true", _("Yes")), ("false", _("No"))]
#: Waiting for someone's approval: the change manager, the CAB/ECAB vote or IT management.
AWAITING_APPROVAL = (ChangeStatus.SUBMITTED, ChangeStatus.ASSESSED, ChangeStatus.CAB_REVIEW)


def search_changes(qs, term: str):
    """By number (CHG000067, or just 67) or words of the title."""
    term = (term or "").strip()[:100]
    if not term:
        return qs
    match = Q(title__icontains=term) | Q(number__iexact=term)
    if term.isdigit():
        match |= Q(number=f"CHG{int(term):06d}")
    return qs.filter(match)


class ChangeFilterSet(ShownFiltersMixin, django_filters.FilterSet):
    """``awaiting_approval=true``: submitted, assessed or before the board; ``q`` looks for a
    number or words of the title."""

    # The change's own columns: no duplicates to remove, so no DISTINCT.
    status = django_filters.MultipleChoiceFilter(choices=ChangeStatus.choices, distinct=False, label=_("Status"),
                                                 widget=forms.CheckboxSelectMultiple)
    type = django_filters.MultipleChoiceFilter(choices=ChangeType.choices, distinct=False, label=_("Type"),
                                               widget=forms.CheckboxSelectMultiple)
    category = django_filters.MultipleChoiceFilter(choices=ChangeCategory.choices, distinct=False,
                                                   label=_("Category"), widget=forms.CheckboxSelectMultiple)
    awaiting_approval = django_filters.BooleanFilter(method="filter_awaiting", label=_("Awaiting approval"),
                                                     widget=forms.Select(choices=YES_NO_ANY))
    # One service: a change is on it at most once, so the join adds no duplicate rows.
    service = django_filters.ModelChoiceFilter(field_name="services", queryset=Service.objects.order_by("name"),
                                               distinct=False, label=_("Service"))
    q = django_filters.CharFilter(method="filter_search", label=_("Search"))

    class Meta:
        model = Change
        fields = ["status", "type", "category", "awaiting_approval", "service"]

    #: the filters the list shows in its panel (``q`` has its own box)
    SHOWN = ("status", "type", "category", "awaiting_approval", "service")

    def filter_awaiting(self, queryset, name, value):
        waiting = Q(status__in=AWAITING_APPROVAL)
        return queryset.filter(waiting) if value else queryset.exclude(waiting)

    def filter_search(self, queryset, name, value):
        return search_changes(queryset, value)


class ReleaseFilterSet(ShownFiltersMixin, django_filters.FilterSet):
    """The release list: by status; ``q`` a number (REL000004, or 4) or words of the name."""

    status = django_filters.MultipleChoiceFilter(choices=ReleaseStatus.choices, distinct=False, label=_("Status"),
                                                 widget=forms.CheckboxSelectMultiple)
    q = django_filters.CharFilter(method="filter_search", label=_("Search"))

    class Meta:
        model = Release
        fields = ["status"]

    SHOWN = ("status",)

    def filter_search(self, queryset, name, value):
        term = (value or "").strip()[:100]
        if not term:
            return queryset
        match = Q(name__icontains=term) | Q(number__iexact=term)
        if term.isdigit():
            match |= Q(number=f"REL{int(term):06d}")
        return queryset.filter(match)


class ProposalFilterSet(ShownFiltersMixin, django_filters.FilterSet):
    status = django_filters.MultipleChoiceFilter(choices=ProposalStatus.choices, distinct=False, label=_("Status"),
                                                 widget=forms.CheckboxSelectMultiple)
    q = django_filters.CharFilter(method="filter_search", label=_("Search"))

    class Meta:
        model = ChangeProposal
        fields = ["status"]

    SHOWN = ("status",)

    def filter_search(self, queryset, name, value):
        term = (value or "").strip()[:100]
        if not term:
            return queryset
        match = Q(title__icontains=term) | Q(number__iexact=term)
        if term.isdigit():
            match |= Q(number=f"PRP{int(term):06d}")
        return queryset.filter(match)
