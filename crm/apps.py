from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CrmConfig(AppConfig):
    name = "crm"
    verbose_name = _("Customers")

    def ready(self):
        from sla.choices import TicketKind
        from sla.protocol import register_ticket_statuses

        from . import receivers  # noqa: F401 (connects the survey hooks)
        from .choices import ComplaintStatus

        register_ticket_statuses(TicketKind.COMPLAINT, ComplaintStatus.values)  # what SLA policies may pause on
