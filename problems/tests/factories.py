from datetime import timedelta

import factory
from django.utils import timezone

from catalog.tests.factories import ServiceFactory
from problems.models import KnownError, Problem, ProblemCandidate


class ProblemFactory(factory.django.DjangoModelFactory):
    """A bare problem row: use services.problem_create when the test is about creation."""

    class Meta:
        model = Problem

    title = factory.Sequence(lambda n: f"Problem {n}")
    number = factory.Sequence(lambda n: f"PRB9{n:05d}")


class KnownErrorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = KnownError

    title = factory.Sequence(lambda n: f"Known error {n}")
    number = factory.Sequence(lambda n: f"KE9{n:05d}")
    symptom = "Mail does not arrive"
    workaround = "Restart the client"


class ProblemCandidateFactory(factory.django.DjangoModelFactory):
    """A proposed cluster of three incidents on a service over the last day."""

    class Meta:
        model = ProblemCandidate

    service = factory.SubFactory(ServiceFactory)
    signature = factory.Sequence(lambda n: f"signature-{n}")
    incident_count = 3
    last_seen = factory.LazyFunction(timezone.now)
    first_seen = factory.LazyAttribute(lambda candidate: candidate.last_seen - timedelta(days=1))
