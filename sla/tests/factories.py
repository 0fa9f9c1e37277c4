from datetime import date, timedelta

import factory
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from catalog.tests.factories import ServiceFactory, TeamFactory, UserFactory
from sla.models import (
    BusinessCalendar,
    EscalationRule,
    Holiday,
    ServiceOutage,
    SLAPolicy,
    SLATimer,
    WorkingHours,
)
from sla.tests.ticketapp.models import DemoTicket


class CalendarFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BusinessCalendar

    name = factory.Sequence(lambda n: f"Calendar {n}")
    timezone = "UTC"


def office_hours(calendar, start="09:00", end="17:00", weekdays=range(5)):
    from sla.calendar import parse_minute

    for day in weekdays:
        WorkingHours.objects.create(calendar=calendar, weekday=day, start_minute=parse_minute(start),
                                    end_minute=parse_minute(end))
    return calendar


class PolicyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SLAPolicy

    name = factory.Sequence(lambda n: f"Policy {n}")
    applies_to = "incident"
    calendar = factory.SubFactory(CalendarFactory)
    response_minutes = 60
    resolution_minutes = 480
    pause_on = factory.LazyFunction(lambda: ["on_hold"])


class EscalationRuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EscalationRule

    policy = factory.SubFactory(PolicyFactory)
    metric = "response"
    at_percent = 75
    notify = "assignee"
    channels = factory.LazyFunction(lambda: ["sms"])


class TicketFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DemoTicket

    priority = 3
    team = factory.SubFactory(TeamFactory, manager=factory.SubFactory(UserFactory))
    assignee = factory.SubFactory(UserFactory)


class WorkingHoursFactory(factory.django.DjangoModelFactory):
    """Monday 09:00–17:00 unless told otherwise (minutes after midnight)."""

    class Meta:
        model = WorkingHours

    calendar = factory.SubFactory(CalendarFactory)
    weekday = 0
    start_minute = 9 * 60
    end_minute = 17 * 60


class HolidayFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Holiday

    calendar = factory.SubFactory(CalendarFactory)
    date = factory.Sequence(lambda n: date(2030, 1, 1) + timedelta(days=n))
    name = "Holiday"


class SLATimerFactory(factory.django.DjangoModelFactory):
    """A running resolution clock of a fresh incident (one timer per ticket and metric), due
    in four hours: ``status=breached`` with ``breached_at`` for a breach."""

    class Meta:
        model = SLATimer

    class Params:
        ticket = factory.SubFactory("incidents.tests.factories.IncidentFactory")

    content_type = factory.LazyAttribute(lambda timer: ContentType.objects.get_for_model(timer.ticket))
    object_id = factory.LazyAttribute(lambda timer: timer.ticket.pk)
    kind = "incident"
    metric = "resolution"
    policy = factory.SubFactory(PolicyFactory)
    calendar = factory.LazyAttribute(lambda timer: timer.policy.calendar)
    target = timedelta(hours=8)
    started_at = factory.LazyFunction(timezone.now)
    last_resumed_at = factory.LazyAttribute(lambda timer: timer.started_at)
    due_at = factory.LazyAttribute(lambda timer: timer.started_at + timedelta(hours=4))


class ServiceOutageFactory(factory.django.DjangoModelFactory):
    """A one-hour outage yesterday."""

    class Meta:
        model = ServiceOutage

    service = factory.SubFactory(ServiceFactory)
    started_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))
    ended_at = factory.LazyAttribute(lambda outage: outage.started_at + timedelta(hours=1))
    description = "Outage"
