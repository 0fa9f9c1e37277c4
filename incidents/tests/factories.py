from datetime import timedelta

import factory
from django.utils import timezone

from catalog.tests.factories import ServiceFactory, UserFactory
from incidents.models import (
    Incident,
    IncidentNote,
    MajorIncident,
    MajorIncidentTask,
    PriorityMatrix,
    SpikeAlert,
    SpikeRule,
    StakeholderUpdate,
)


class IncidentFactory(factory.django.DjangoModelFactory):
    """A bare incident row (no SLA clocks, no number rules): use services.incident_create
    when the test is about creation."""

    class Meta:
        model = Incident

    title = factory.Sequence(lambda n: f"Incident {n}")
    service = factory.SubFactory(ServiceFactory)
    number = factory.Sequence(lambda n: f"INC9{n:05d}")


class IncidentNoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IncidentNote

    incident = factory.SubFactory(IncidentFactory)
    author = factory.SubFactory(UserFactory)
    body = factory.Sequence(lambda n: f"Note {n}")


class MajorIncidentFactory(factory.django.DjangoModelFactory):
    """A declared major incident row (no announcement, no paging): use
    services.major_incident_declare when the test is about declaring."""

    class Meta:
        model = MajorIncident

    incident = factory.SubFactory(IncidentFactory, is_major=True)
    summary = "Outage"
    bridge_pin = factory.Sequence(lambda n: f"{n:06d}")
    started_at = factory.LazyFunction(timezone.now)


class MajorIncidentTaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MajorIncidentTask

    major_incident = factory.SubFactory(MajorIncidentFactory)
    title = factory.Sequence(lambda n: f"Task {n}")


class StakeholderUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StakeholderUpdate

    major_incident = factory.SubFactory(MajorIncidentFactory)
    status = "declared"
    audiences = factory.LazyFunction(lambda: ["technical"])
    what = "Mail is down"


class PriorityMatrixFactory(factory.django.DjangoModelFactory):
    """A cell outside the 3 × 3 matrix the data migration makes (the cells are unique)."""

    class Meta:
        model = PriorityMatrix

    impact = factory.Sequence(lambda n: 10 + n)
    urgency = 1
    priority = 3


class SpikeRuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SpikeRule

    service = factory.SubFactory(ServiceFactory)
    window_minutes = 15
    threshold = 5


class SpikeAlertFactory(factory.django.DjangoModelFactory):
    """An open alert: five reports in the last fifteen minutes (one open alert per rule)."""

    class Meta:
        model = SpikeAlert

    rule = factory.SubFactory(SpikeRuleFactory)
    service = factory.SelfAttribute("rule.service")
    count = 5
    window_end = factory.LazyFunction(timezone.now)
    window_start = factory.LazyAttribute(lambda alert: alert.window_end - timedelta(minutes=alert.rule.window_minutes))
