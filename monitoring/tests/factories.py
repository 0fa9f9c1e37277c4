import factory

from monitoring.models import Alert, AlertRule, AlertSource
from monitoring.selectors import token_hash

#: The token every factory-made source answers to (tests post with it).
TOKEN = "test-token-0123456789abcdefghijklmnopqrstuvw"


class AlertSourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AlertSource

    name = factory.Sequence(lambda n: f"Prometheus {n}")
    kind = "alertmanager"
    token_hash = token_hash(TOKEN)
    token_prefix = TOKEN[:6]


class AlertRuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AlertRule

    source = factory.SubFactory(AlertSourceFactory)
    match = factory.Sequence(lambda n: {"job": f"job-{n}"})


class AlertFactory(factory.django.DjangoModelFactory):
    """A bare alert row (no incident): post to the events endpoint when the test is about
    what an alert does."""

    class Meta:
        model = Alert

    source = factory.SubFactory(AlertSourceFactory)
    fingerprint = factory.Sequence(lambda n: f"{n:016x}")
    title = factory.Sequence(lambda n: f"Alert {n}")
    labels = factory.LazyAttribute(lambda alert: {"alertname": alert.title})
