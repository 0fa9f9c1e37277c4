from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProblemsConfig(AppConfig):
    name = "problems"
    verbose_name = _("Problems")

    def ready(self):
        from . import receivers  # noqa: F401  (listens to the incidents app's signals)
