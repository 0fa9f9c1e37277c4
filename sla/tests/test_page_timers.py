"""A page's timers read as plain values (``sla.selectors.page_timers``: ``TimerValues``, no
model instance) show the same clocks and badges as the ``SLATimer`` objects of
``SLA_PREFETCH``, through the same code, in every state of a timer and on a business-hours
calendar with a holiday."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.contrib.contenttypes.models import ContentType

from sla import selectors, services
from sla.selectors import SLA_PREFETCH, PageCalendar, TimerValues, clock, page_timers
from sla.templatetags.sla_tags import clock_badge
from sla.tests.factories import CalendarFactory, HolidayFactory, PolicyFactory, TicketFactory, office_hours
from sla.tests.ticketapp.models import DemoTicket

pytestmark = pytest.mark.django_db
T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)  # a Monday, 11:00 in Athens


def minutes(n):
    return timedelta(minutes=n)


@pytest.fixture
def tickets():
    """Timers running, paused, met, breached (by the sweep, and met late), on an office-hours
    calendar in Athens with a holiday on the Tuesday, and on a 24×7 one."""
    office = office_hours(CalendarFactory(timezone="Europe/Athens"))
    HolidayFactory(calendar=office, date=date(2026, 11, 24))
    PolicyFactory(name="std", calendar=office, response_minutes=120, resolution_minutes=600)
    PolicyFactory(
        name="vip", calendar=CalendarFactory(), customer_tier="vip", response_minutes=30, resolution_minutes=240
    )
    running = TicketFactory()
    paused = TicketFactory()
    met = TicketFactory()
    late = TicketFactory(customer_tier="vip")
    swept = TicketFactory(customer_tier="vip")
    for ticket in (running, paused, met, late, swept):
        services.sla_start(ticket=ticket, at=T0)
    paused.status = "on_hold"
    services.sla_status_changed(ticket=paused, at=T0 + minutes(20))
    services.sla_stop(ticket=met, metric="response", at=T0 + minutes(30))
    services.sla_stop(ticket=late, metric="response", at=T0 + minutes(45))  # due at 30: breached, then met
    services.sla_sweep(now=T0 + minutes(50))  # the swept ticket's response clock: breached
    return [running, paused, met, late, swept, TicketFactory()]  # the last one has no timers


def _badge(timer, now) -> dict:
    return {key: value for key, value in clock_badge(timer, now).items() if key != "timer"}


@pytest.mark.parametrize("later", [minutes(5), minutes(100), timedelta(hours=30), timedelta(days=6)])
def test_the_values_show_the_model_s_clocks_and_badges(tickets, later):
    now = T0 + later
    ids = [ticket.pk for ticket in tickets]
    models = {
        t.pk: list(t.sla_timers.all()) for t in DemoTicket.objects.filter(pk__in=ids).prefetch_related(*SLA_PREFETCH)
    }
    values = page_timers(DemoTicket, ids)
    assert set(values) == set(ids) and values[tickets[-1].pk] == []
    states = set()
    for pk in ids:
        assert [type(t) for t in values[pk]] == [TimerValues] * len(models[pk])
        assert [(t.pk, t.metric) for t in values[pk]] == [(t.pk, t.metric) for t in models[pk]]
        for model, value in zip(models[pk], values[pk], strict=True):
            assert value.calendar.spec() == model.calendar.spec()
            assert clock(value, now) == clock(model, now) == clock(value, now, value.calendar.spec())
            assert _badge(value, now) == _badge(model, now)
            assert value.get_metric_display() == model.get_metric_display()
            states.add((model.status, _badge(model, now)["state"], bool(model.calendar.hours.all())))
    # every state of a timer (as stored and as shown) was compared, on both calendars
    assert {state for _, state, _ in states} >= {"met", "breached", "paused"}
    assert {status for status, _, _ in states} >= {"running", "paused", "met", "breached"}
    assert any(state in ("ok", "warning") and office for _, state, office in states) or later >= timedelta(hours=30)
    assert {office for _, _, office in states} == {True, False}


def test_the_values_come_in_three_queries_with_one_object_per_calendar(tickets, django_assert_num_queries):
    ids = [ticket.pk for ticket in tickets]
    with django_assert_num_queries(3):  # the timers with their calendar's time zone, its hours, its holidays
        timers = page_timers(DemoTicket, ids)
    calendars = {id(t.calendar) for ts in timers.values() for t in ts}
    assert len(calendars) == 2 and all(isinstance(t.calendar, PageCalendar) for ts in timers.values() for t in ts)
    with django_assert_num_queries(1):  # no timers: no calendar to read
        assert page_timers(DemoTicket, [tickets[-1].pk]) == {tickets[-1].pk: []}
    with django_assert_num_queries(0):
        assert page_timers(DemoTicket, []) == {}


def test_a_running_clock_past_its_due_instant_shows_breached_before_the_sweep(tickets):
    running = tickets[0]
    (value,) = [t for t in page_timers(DemoTicket, [running.pk])[running.pk] if t.metric == "response"]
    shown = selectors.clock(value, T0 + timedelta(days=3))
    assert value.status == "running" and shown.breached and shown.status == "breached"
    assert shown.remaining_seconds == 0


def test_the_precompiled_statements_read_what_the_orm_reads(tickets):
    """On PostgreSQL the reads are statements written once a process; elsewhere (SQLite) the
    ORM's ``values_list``: the same rows, values and types, in the same order."""
    from sla.selectors import _PageReads

    ours = _PageReads.for_database("default")
    assert ours.sql is not None  # the suite runs on PostgreSQL
    orm = _PageReads("default")
    orm.sql = None
    content_type = ContentType.objects.get_for_model(DemoTicket).pk
    ids = [ticket.pk for ticket in tickets]
    timers = ours.timers(content_type, ids)
    assert len(timers) == 10 and timers == list(orm.timers(content_type, ids))
    assert [type(v) for v in timers[0]] == [type(v) for v in list(orm.timers(content_type, ids))[0]]
    calendars = sorted({row[-2] for row in timers})
    assert sorted(ours.hours(calendars)) == sorted(orm.hours(calendars)) and len(ours.hours(calendars)) == 5
    assert ours.holidays(calendars) == list(orm.holidays(calendars)) == [(calendars[0], date(2026, 11, 24))]
