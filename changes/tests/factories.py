from datetime import timedelta

import factory
from django.utils import timezone

from catalog.tests.factories import UserFactory
from changes.models import (
    BlackoutWindow,
    CABBoard,
    CABMeeting,
    Change,
    ChangeModel,
    ChangeProposal,
    ChangeTask,
    Release,
)


class ChangeFactory(factory.django.DjangoModelFactory):
    """A bare draft RFC row: use services.change_create when the test is about creation."""

    class Meta:
        model = Change

    title = factory.Sequence(lambda n: f"Change {n}")
    number = factory.Sequence(lambda n: f"CHG9{n:05d}")
    requested_by = factory.SubFactory(UserFactory)


class ChangeTaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChangeTask

    change = factory.SubFactory(ChangeFactory)
    title = factory.Sequence(lambda n: f"Step {n}")


class ChangeModelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChangeModel
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Standard change {n}")
    tasks = factory.LazyFunction(lambda: ["Do it", "Check it"])


class CABBoardFactory(factory.django.DjangoModelFactory):
    """The CAB (one board per kind: ``kind="ecab"`` for the other)."""

    class Meta:
        model = CABBoard
        django_get_or_create = ("kind",)

    kind = "cab"
    name = factory.LazyAttribute(lambda board: board.kind.upper())


class CABMeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CABMeeting

    board = factory.SubFactory(CABBoardFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=1))


class BlackoutWindowFactory(factory.django.DjangoModelFactory):
    """A day-long freeze a week from now, on every service."""

    class Meta:
        model = BlackoutWindow

    name = factory.Sequence(lambda n: f"Freeze {n}")
    start = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
    end = factory.LazyAttribute(lambda window: window.start + timedelta(days=1))


class ReleaseFactory(factory.django.DjangoModelFactory):
    """A release being planned (no window, plan or changes yet)."""

    class Meta:
        model = Release

    name = factory.Sequence(lambda n: f"Release {n}")
    number = factory.Sequence(lambda n: f"REL9{n:05d}")


class ChangeProposalFactory(factory.django.DjangoModelFactory):
    """A draft change proposal."""

    class Meta:
        model = ChangeProposal

    title = factory.Sequence(lambda n: f"Proposal {n}")
    number = factory.Sequence(lambda n: f"PRP9{n:05d}")
    requested_by = factory.SubFactory(UserFactory)
