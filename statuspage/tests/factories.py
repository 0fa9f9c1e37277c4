from datetime import timedelta

import factory
from django.utils import timezone

from statuspage.models import ScheduledMaintenance, Subscriber


class ScheduledMaintenanceFactory(factory.django.DjangoModelFactory):
    """Two hours of maintenance tomorrow."""

    class Meta:
        model = ScheduledMaintenance

    title = factory.Sequence(lambda n: f"Maintenance {n}")
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=1))
    ends_at = factory.LazyAttribute(lambda maintenance: maintenance.starts_at + timedelta(hours=2))


class SubscriberFactory(factory.django.DjangoModelFactory):
    """A confirmed subscriber."""

    class Meta:
        model = Subscriber

    email = factory.Sequence(lambda n: f"subscriber{n}@example.test")
    confirmed_at = factory.LazyFunction(timezone.now)
