from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServiceRequestsConfig(AppConfig):
    # The folder is not ``requests/`` (it would shadow the ``requests`` library twilio
    # imports); the label keeps the name people and the API use.
    name = "servicerequests"
    label = "requests"
    verbose_name = _("Service requests")
