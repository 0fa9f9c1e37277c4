import django_filters

from .choices import Metric, TicketKind, TimerStatus
from .models import ServiceOutage, SLAPolicy, SLATimer


class SLATimerFilterSet(django_filters.FilterSet):
    status = django_filters.MultipleChoiceFilter(choices=TimerStatus.choices)
    metric = django_filters.ChoiceFilter(choices=Metric.choices)
    kind = django_filters.ChoiceFilter(choices=TicketKind.choices)
    due_before = django_filters.IsoDateTimeFilter(field_name="due_at", lookup_expr="lt")

    class Meta:
        model = SLATimer
        fields = ["status", "metric", "kind", "policy", "team", "priority", "customer_tier", "service"]


class SLAPolicyFilterSet(django_filters.FilterSet):
    class Meta:
        model = SLAPolicy
        fields = ["applies_to", "priority", "customer_tier", "channel", "service", "calendar", "is_active"]


class ServiceOutageFilterSet(django_filters.FilterSet):
    class Meta:
        model = ServiceOutage
        fields = ["service"]
