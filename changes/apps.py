from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChangesConfig(AppConfig):
    name = "changes"
    verbose_name = _("Changes")

    def ready(self):
        # In ready(): the app registry is loaded only now.
        from sla.choices import TicketKind
        from sla.protocol import register_ticket_statuses

        from .choices import ChangeStatus

        register_ticket_statuses(TicketKind.CHANGE, ChangeStatus.values)  # what SLA policies may pause on
