"""The agent pages' filters: the request queue and the fulfilment task queue. The names
match the API's parameters (``status``, ``catalog_item``, ``team``, ``assignee``), so a
filter means the same whichever door it came through."""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from catalog.models import Team
from core.filters import ShownFiltersMixin

from .choices import RequestStatus, TaskStatus
from .models import CatalogItem, FulfilmentTask, ServiceRequest

ASSIGNEE_CHOICES = [("", _("Anyone")), ("me", _("Me")), ("none", _("Nobody"))]


def search_requests(qs, term: str):
    """By number (REQ000089, or just 89), the item's name or the requester's name."""
    term = (term or "").strip()[:100]
    if not term:
        return qs
    match = (Q(number__iexact=term) | Q(catalog_item__name__icontains=term)
             | Q(requested_for__username__icontains=term) | Q(requested_for__first_name__icontains=term)
             | Q(requested_for__last_name__icontains=term))
    if term.isdigit():
        match |= Q(number=f"REQ{int(term):06d}")
    return qs.filter(match)


class RequestFilterSet(ShownFiltersMixin, django_filters.FilterSet):
    """``team``: requests with an open fulfilment task for that team; ``q``: a number, an
    item or a person."""

    status = django_filters.MultipleChoiceFilter(choices=RequestStatus.choices, distinct=False, label=_("Status"),
                                                 widget=forms.CheckboxSelectMultiple)
    catalog_item = django_filters.ModelChoiceFilter(queryset=CatalogItem.objects.order_by("name"), distinct=False,
                                                    label=_("Item"))
    team = django_filters.ModelChoiceFilter(queryset=Team.objects.order_by("name"), method="filter_team",
                                            label=_("Open tasks of team"))
    q = django_filters.CharFilter(method="filter_search", label=_("Search"))

    SHOWN = ("status", "catalog_item", "team")

    class Meta:
        model = ServiceRequest
        fields = ["status", "catalog_item", "team"]

    def filter_team(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(Exists(FulfilmentTask.objects.filter(request=OuterRef("pk"), team=value,
                                                                    status=TaskStatus.OPEN)))

    def filter_search(self, queryset, name, value):
        return search_requests(queryset, value)


class TaskFilterSet(ShownFiltersMixin, django_filters.FilterSet):
    """The fulfilment queue: open tasks of a team (``team``), mine or nobody's (``assignee``)."""

    team = django_filters.ModelChoiceFilter(queryset=Team.objects.order_by("name"), distinct=False, label=_("Team"),
                                            empty_label=_("Any"))
    assignee = django_filters.CharFilter(method="filter_assignee", label=_("Assignee"),
                                         widget=forms.Select(choices=ASSIGNEE_CHOICES))

    SHOWN = ("team", "assignee")

    class Meta:
        model = FulfilmentTask
        fields = ["team", "assignee"]

    def filter_assignee(self, queryset, name, value):
        if value == "me":
            return queryset.filter(assignee=self.request.user) if self.request else queryset.none()
        if value == "none":
            return queryset.filter(assignee__isnull=True)
        return queryset
