from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatuspageConfig(AppConfig):
    name = "statuspage"
    verbose_name = _("Status page")

    def ready(self):
        from . import receivers  # noqa: F401  (connects to the incidents app's signals)
