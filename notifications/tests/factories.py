import factory

from catalog.tests.factories import UserFactory
from notifications.models import Delivery, MessageTemplate, Notification, StakeholderGroup


class MessageTemplateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MessageTemplate
        django_get_or_create = ("key",)

    key = factory.Sequence(lambda n: f"test_template_{n}")
    subject = "{{ subject }}"
    body = "{{ body }}"


class StakeholderGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StakeholderGroup

    name = factory.Sequence(lambda n: f"Stakeholders {n}")


class DeliveryFactory(factory.django.DjangoModelFactory):
    """A queued email to a user."""

    class Meta:
        model = Delivery

    channel = "email"
    user = factory.SubFactory(UserFactory)
    recipient = factory.LazyAttribute(lambda delivery: delivery.user.email if delivery.user else "someone@example.test")
    template = "test"
    subject = "Subject"
    body = "Body"
    idempotency_key = factory.Sequence(lambda n: f"test-delivery-{n}")


class NotificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Notification

    user = factory.SubFactory(UserFactory)
    subject = factory.Sequence(lambda n: f"Notification {n}")
