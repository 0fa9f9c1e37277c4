"""SMS backends, chosen by ``settings.SMS_BACKEND`` (a dotted path).

``OutboxBackend`` keeps messages in the database (development and tests: nothing leaves the
machine); ``TwilioBackend`` sends them with Twilio's REST client.
"""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string

from .models import SmsMessage


class BaseSmsBackend:
    def send(self, *, to: str, body: str) -> str:
        """Send one SMS; return the provider's message id. Raise on failure."""
        raise NotImplementedError


class OutboxBackend(BaseSmsBackend):
    def send(self, *, to: str, body: str) -> str:
        message = SmsMessage.objects.create(to=to, body=body)
        return f"outbox-{message.pk}"


class TwilioBackend(BaseSmsBackend):
    def __init__(self):
        if not (settings.TWILIO_ACCOUNT_SID and settings.TWILIO_AUTH_TOKEN and settings.TWILIO_FROM_NUMBER):
            raise ImproperlyConfigured(
                "TwilioBackend needs TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM_NUMBER."
            )

    def send(self, *, to: str, body: str) -> str:
        # Twilio's REST client is a heavy import that only this backend needs.
        from twilio.rest import Client

        client = Client(settings.TWILIO_ACCOUNT_SID, settings.TWILIO_AUTH_TOKEN)
        message = client.messages.create(to=to, from_=settings.TWILIO_FROM_NUMBER, body=body)
        return message.sid


def get_sms_backend() -> BaseSmsBackend:
    return import_string(settings.SMS_BACKEND)()
