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
        _register_complaints_for_calling_out()


def _register_complaints_for_calling_out() -> None:
    """Click-to-call from a complaint (contactcenter.outbound, issue 22.2): the contact center
    sits above crm and may not import it, so crm names its tickets there."""
    from contactcenter.outbound import register_ticket

    from .complaint_selectors import complaints_visible_to

    def complaint_to_call(user, pk: int):
        complaint = complaints_visible_to(user).select_related("contact").filter(pk=pk).first()
        return (complaint, complaint.contact) if complaint is not None else None

    register_ticket("complaint", complaint_to_call)
