import factory

from catalog.tests.factories import TeamFactory, UserFactory
from sla.models import BusinessCalendar, EscalationRule, SLAPolicy, WorkingHours
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
