from django.apps import AppConfig
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class ChangesConfig(AppConfig):
    name = "changes"
    verbose_name = gettext_lazy("Changes")

    def ready(self):
        # In ready(): the app registry is loaded only now.
        from sla.choices import TicketKind
        from sla.protocol import register_ticket_statuses

        from .choices import ChangeStatus

        register_ticket_statuses(TicketKind.CHANGE, ChangeStatus.values)  # what SLA policies may pause on

        from catalog.guards import register_ci_guard

        register_ci_guard(_controlled_cis_refusal)  # CIs under change control change through an RFC


def _controlled_cis_refusal(ci_ids: list[int]) -> str | None:
    from catalog.models import ConfigurationItem

    from .selectors import under_change_control

    found = under_change_control(cis=ci_ids)["cis"]
    if not found:
        return None
    names = ", ".join(ConfigurationItem.objects.filter(pk__in=found).order_by("name").values_list("name", flat=True))
    return _("%(names)s is under change control: raise an RFC that sets it (the change applies it when "
             "implemented).") % {"names": names}
