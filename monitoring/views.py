"""Staff pages of the monitoring channel: the alert log."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.pages import Column, FilteredListView
from core.roles import is_admin

from .filtersets import AlertFilterSet
from .selectors import alert_log

#: The log's columns (``?cols=``; the alert always shows); no bulk actions: monitoring has no
#: service that acknowledges or resolves an alert by hand (the source resolves it).
COLUMNS = [
    Column("alert", _("Alert"), sort="title", always=True),
    Column("status", _("Status")),
    Column("source", _("Source")),
    Column("where", _("Service or CI")),
    Column("received", _("Received"), sort="received"),
    Column("last", _("Last received"), sort="last_at"),
    Column("incident", _("Incident")),
]


class AlertListView(FilteredListView):
    """Every alert episode, newest activity first: where it came from, whether it still
    fires, what it opened or which change held it back. Filters: source, status, service,
    held back by a change (and, from the address bar, incident and change)."""

    staff_message = _("Only service desk staff can see the alert log.")
    filterset_class = AlertFilterSet
    template_name = "monitoring/alert_list.html"
    context_object_name = "alerts"
    list_url = "monitoring:alerts"
    results_id = "alert-results"
    partial_template_name = "monitoring/_alert_results.html"
    sorts = {"last": ["-last_received_at", "-id"], "first": ["-first_received_at", "-id"],
             "count": ["-received_count", "-id"],
             "title": ["title", "id"], "-title": ["-title", "-id"],
             "received": ["received_count", "id"], "-received": ["-received_count", "-id"],
             "last_at": ["last_received_at", "id"], "-last_at": ["-last_received_at", "-id"]}
    default_sort = "last"
    sort_choices = [("last", _("Last received")), ("first", _("First received")), ("count", _("Most received"))]
    list_key, columns = "alerts", COLUMNS

    def get_base_queryset(self):
        return alert_log()

    def search(self, qs, term):
        return qs.filter(Q(title__icontains=term) | Q(fingerprint__iexact=term))

    def get_context_data(self, **kwargs):
        # Admins configure sources (tokens, rules) in the admin site.
        return {**super().get_context_data(**kwargs), "can_configure": is_admin(self.request.user)}
