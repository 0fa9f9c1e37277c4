"""The complaint register's filters, shared by the API and the page (crm-complaints)."""

import django_filters

from core.filters import ShownFiltersMixin

from .choices import ComplaintChannel, ComplaintKind, ComplaintStatus, Severity, SurveyChannel, SurveyTicketKind
from .models import Complaint, Survey


class ComplaintFilterSet(ShownFiltersMixin, django_filters.FilterSet):
    """``owner=me`` means the caller; ``owner=none`` nobody yet. Customers and contacts are
    ids (a page never lists every customer in a select)."""

    SHOWN = ("kind", "status", "severity", "owner", "customer")

    kind = django_filters.MultipleChoiceFilter(choices=ComplaintKind.choices, distinct=False)
    status = django_filters.MultipleChoiceFilter(choices=ComplaintStatus.choices, distinct=False)
    severity = django_filters.MultipleChoiceFilter(choices=Severity.choices, distinct=False)
    channel = django_filters.MultipleChoiceFilter(choices=ComplaintChannel.choices, distinct=False)
    owner = django_filters.CharFilter(method="filter_owner", label="owner (user id, me or none)")
    customer = django_filters.NumberFilter(field_name="customer_id", label="customer (id)")
    contact = django_filters.NumberFilter(field_name="contact_id", label="contact (id)")
    created_after = django_filters.IsoDateTimeFilter(field_name="created_at", lookup_expr="gte")
    created_before = django_filters.IsoDateTimeFilter(field_name="created_at", lookup_expr="lt")

    class Meta:
        model = Complaint
        fields = ["kind", "status", "severity", "channel", "owner", "customer", "contact", "service", "team"]

    def filter_owner(self, queryset, name, value):
        value = (value or "").strip()
        if value == "me":
            user = getattr(self.request, "user", None)
            return queryset.filter(owner=user) if user and user.is_authenticated else queryset.none()
        if value in ("none", "null"):
            return queryset.filter(owner__isnull=True)
        if not value.isdigit():
            return queryset.none()
        return queryset.filter(owner_id=int(value))


class SurveyFilterSet(django_filters.FilterSet):
    contact = django_filters.NumberFilter(field_name="contact_id")
    customer = django_filters.NumberFilter(field_name="customer_id")
    ticket_kind = django_filters.MultipleChoiceFilter(choices=SurveyTicketKind.choices, distinct=False)
    channel = django_filters.MultipleChoiceFilter(choices=SurveyChannel.choices, distinct=False)
    answered = django_filters.BooleanFilter(field_name="answered_at", lookup_expr="isnull", exclude=True)
    score = django_filters.MultipleChoiceFilter(choices=[(i, str(i)) for i in range(1, 6)], distinct=False)

    class Meta:
        model = Survey
        fields = ["ticket_kind", "ticket_id", "contact", "customer", "agent", "team", "channel", "score"]
