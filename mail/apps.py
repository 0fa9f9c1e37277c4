from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MailConfig(AppConfig):
    name = "mail"
    verbose_name = _("Email")

    def ready(self):
        # mail sits below incidents, servicerequests and notifications (ARCHITECTURE.md): it
        # hears of their changes through their signals and completes its own outgoing mail
        # at send time. Imported here because the models must be loaded first.
        from incidents import signals as incident_signals
        from notifications.services import email_delivery_prepare
        from servicerequests import signals as request_signals

        from .services import outbound

        incident_signals.incident_note_added.connect(outbound.on_incident_note_added,
                                                     dispatch_uid="mail-incident-comment")
        request_signals.request_submitted.connect(outbound.on_request_submitted, dispatch_uid="mail-ack-request")
        request_signals.request_comment_added.connect(outbound.on_request_comment_added,
                                                      dispatch_uid="mail-request-comment")
        email_delivery_prepare.connect(outbound.on_email_delivery_prepare, dispatch_uid="mail-ticket-headers")
