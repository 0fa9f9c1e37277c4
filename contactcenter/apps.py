from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContactCenterConfig(AppConfig):
    name = "contactcenter"
    verbose_name = _("Contact center")

    def ready(self):
        from . import receivers  # noqa: F401  (IVR announcements follow major incidents)
