from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IncidentsConfig(AppConfig):
    name = "incidents"
    verbose_name = _("Incidents")

    def ready(self):
        # In ready(): the app registry is loaded only now.
        from sla.choices import TicketKind
        from sla.protocol import register_ticket_statuses

        from .choices import IncidentStatus

        register_ticket_statuses(TicketKind.INCIDENT, IncidentStatus.values)  # what SLA policies may pause on
