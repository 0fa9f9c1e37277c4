"""One FilterSet for the alert log, used by the ``alerts/`` API and the agents' page."""

import django_filters
from django.utils.translation import gettext_lazy as _

from catalog.models import Service
from core.filters import ShownFiltersMixin

from .choices import AlertStatus
from .models import Alert, AlertSource


class AlertFilterSet(ShownFiltersMixin, django_filters.FilterSet):
    SHOWN = ("source", "status", "service", "suppressed")
    source = django_filters.ModelChoiceFilter(queryset=AlertSource.objects.order_by("name"), label=_("Source"))
    status = django_filters.ChoiceFilter(choices=AlertStatus.choices, label=_("Status"))
    service = django_filters.ModelChoiceFilter(queryset=Service.objects.order_by("name"), label=_("Service"))
    suppressed = django_filters.BooleanFilter(method="filter_suppressed", label=_("Held back by a change"))

    class Meta:
        model = Alert
        fields = ["source", "status", "incident", "service", "suppressed_by_change"]

    def filter_suppressed(self, queryset, name, value):
        held = {"suppressed_by_change__isnull": False, "incident__isnull": True}
        return queryset.filter(**held) if value else queryset.exclude(**held)
