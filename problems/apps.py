from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProblemsConfig(AppConfig):
    name = "problems"
    verbose_name = _("Problems")

    def ready(self):
        # In ready(): the app registry is loaded only now.
        from sla.choices import TicketKind
        from sla.protocol import register_metric_labels, register_ticket_statuses

        from . import receivers  # noqa: F401  (listens to the incidents app's signals)
        from .choices import ProblemStatus

        register_ticket_statuses(TicketKind.PROBLEM, ProblemStatus.values)  # what SLA policies may pause on
        # A problem's response clock runs until the root cause is known, its resolution clock until the fix.
        register_metric_labels(TicketKind.PROBLEM, {"response": _("Root cause"), "resolution": _("Fix")})
