from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServiceRequestsConfig(AppConfig):
    # The folder is not ``requests/`` (it would shadow the ``requests`` library twilio
    # imports); the label keeps the name people and the API use.
    name = "servicerequests"
    label = "requests"
    verbose_name = _("Service requests")

    def ready(self):
        # In ready(): the app registry is loaded only now.
        from sla.choices import TicketKind
        from sla.protocol import register_ticket_statuses

        from .choices import RequestStatus

        register_ticket_statuses(TicketKind.REQUEST, RequestStatus.values)  # what SLA policies may pause on
