import django_filters

from .choices import CallOutcome
from .models import Call


class CallFilterSet(django_filters.FilterSet):
    """Shared by ``calls/`` and the call log page (the dashboards drill down to it)."""

    outcome = django_filters.MultipleChoiceFilter(choices=CallOutcome.choices, distinct=False)
    started_after = django_filters.IsoDateTimeFilter(field_name="started_at", lookup_expr="gte")
    started_before = django_filters.IsoDateTimeFilter(field_name="started_at", lookup_expr="lt")
    repeat = django_filters.BooleanFilter(field_name="repeat_of", lookup_expr="isnull", exclude=True,
                                          label="a repeat call")
    rated = django_filters.BooleanFilter(field_name="csat", lookup_expr="isnull", exclude=True, label="surveyed")

    class Meta:
        model = Call
        fields = ["outcome", "status", "contact", "customer", "line", "direction", "queue", "agent", "incident",
                  "service"]
