from django.apps import AppConfig


class TicketAppConfig(AppConfig):
    """A minimal ticket model for the SLA engine's tests (installed by the test settings only)."""

    name = "sla.tests.ticketapp"
    label = "sla_ticketapp"
