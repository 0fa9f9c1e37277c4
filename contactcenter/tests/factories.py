"""Bare contact-center rows: the call log and its tasks are built by the telephony
webhooks in production; tests that are about the webhooks post to them instead."""

import factory
from django.utils import timezone

from catalog.tests.factories import UserFactory
from contactcenter.models import AgentState, AgentStateLog, Announcement, Call, Callback, Line, MenuOption, Queue


class QueueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Queue

    name = factory.Sequence(lambda n: f"queue-{n}")


class LineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Line

    # US toll-free numbers are valid E.164 for phonenumbers.
    number = factory.Sequence(lambda n: f"+1800555{n:04d}")
    name = factory.Sequence(lambda n: f"Line {n}")
    queue = factory.SubFactory(QueueFactory)


class MenuOptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MenuOption

    line = factory.SubFactory(LineFactory)
    digit = "1"
    label = "Support"
    queue = factory.SubFactory(QueueFactory)


class AnnouncementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Announcement

    message = factory.Sequence(lambda n: f"Announcement {n}")


class CallFactory(factory.django.DjangoModelFactory):
    """An inbound call that reached ``queue`` at ``started_at``."""

    class Meta:
        model = Call

    call_sid = factory.Sequence(lambda n: f"CA{n:032d}")
    from_number = factory.Sequence(lambda n: f"+1555{n:07d}")
    queue = factory.SubFactory(QueueFactory)
    started_at = factory.LazyFunction(timezone.now)
    queued_at = factory.LazyAttribute(lambda call: call.started_at if call.queue else None)


class CallbackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Callback

    call = factory.SubFactory(CallFactory)
    reason = "abandoned"


class AgentStateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgentState
        django_get_or_create = ("user",)

    user = factory.SubFactory(UserFactory)
    state = "available"


class AgentStateLogFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgentStateLog

    user = factory.SubFactory(UserFactory)
    state = "available"
    started_at = factory.LazyFunction(timezone.now)
