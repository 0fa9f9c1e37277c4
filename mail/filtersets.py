"""FilterSets of the email channel's pages."""

import django_filters
from django.utils.translation import gettext_lazy as _

from core.filters import ShownFiltersMixin

from .choices import MessageStatus, Protocol
from .models import Mailbox, MailMessage


class MailboxFilterSet(ShownFiltersMixin, django_filters.FilterSet):
    SHOWN = ("protocol", "active", "failing")
    protocol = django_filters.ChoiceFilter(choices=Protocol.choices, label=_("Protocol"))
    failing = django_filters.BooleanFilter(method="filter_failing", label=_("Last fetch failed"))

    class Meta:
        model = Mailbox
        fields = ["protocol", "active"]

    def filter_failing(self, queryset, name, value):
        return queryset.exclude(last_error="") if value else queryset.filter(last_error="")


class MailMessageFilterSet(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=MessageStatus.choices)

    class Meta:
        model = MailMessage
        fields = ["mailbox", "direction", "status", "result", "incident", "request"]
