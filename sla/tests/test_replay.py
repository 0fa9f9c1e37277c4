"""Property: whatever happens to a ticket, its timers' state can be rebuilt from their
event log alone."""

from datetime import UTC, datetime, timedelta

import pytest
from django.db import transaction
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from catalog.tests.factories import TeamFactory, UserFactory
from sla import services
from sla.models import BusinessCalendar, SLATimer
from sla.tests.factories import CalendarFactory, PolicyFactory, TicketFactory, office_hours

pytestmark = pytest.mark.django_db
T0 = datetime(2026, 3, 27, 6, 0, tzinfo=UTC)  # Friday before the EU clocks change

steps = st.lists(st.tuples(
    st.sampled_from(["hold", "work", "priority", "vip", "answer", "resolve", "reopen", "sweep", "hours"]),
    st.integers(min_value=1, max_value=60 * 30),  # minutes since the previous step
), min_size=1, max_size=12)


class Rollback(Exception):
    pass


@pytest.fixture
def setting():
    """The calendars and policies every example starts from, and a team with a manager and an
    assignee for the ticket: built once for the test (each example rolls back what it does,
    the calendar's new hours included)."""
    athens = office_hours(CalendarFactory(timezone="Europe/Athens"), "09:00", "17:00")
    always = CalendarFactory(timezone="UTC")
    PolicyFactory(name="std", calendar=athens, response_minutes=120, resolution_minutes=900)
    PolicyFactory(name="p1", calendar=always, priority=1, response_minutes=20, resolution_minutes=240)
    PolicyFactory(name="vip", calendar=athens, customer_tier="vip", response_minutes=60, resolution_minutes=480)
    team = TeamFactory(manager=UserFactory())
    return {"athens": athens.pk, "team": team, "assignee": UserFactory()}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=steps)
@example(steps=[("resolve", 1), ("hours", 1), ("reopen", 1)])  # the calendar changed while stopped
def test_event_log_replays_to_the_stored_state(setting, steps):
    try:
        with transaction.atomic():
            athens = BusinessCalendar.objects.get(pk=setting["athens"])  # as stored: "hours" changes it
            ticket = TicketFactory(priority=3, team=setting["team"], assignee=setting["assignee"])
            at = T0
            services.sla_start(ticket=ticket, at=at)
            for action, gap in steps:
                at += timedelta(minutes=gap)
                if action in ("hold", "work"):
                    ticket.status = "on_hold" if action == "hold" else "in_progress"
                    services.sla_status_changed(ticket=ticket, at=at)
                elif action in ("priority", "vip"):
                    if action == "priority":
                        ticket.priority = 1 if ticket.priority != 1 else 3
                    else:
                        ticket.customer_tier = "" if ticket.customer_tier else "vip"
                    services.sla_retarget(ticket=ticket, at=at)
                elif action in ("answer", "resolve"):
                    services.sla_stop(ticket=ticket, metric="response" if action == "answer" else "resolution",
                                      at=at)
                elif action == "reopen":
                    services.sla_reopen(ticket=ticket, metric="resolution", at=at)
                elif action == "sweep":
                    services.sla_sweep(now=at)
                else:
                    hours = [(d, 420, 1200) for d in range(6)] if gap % 2 else [(d, 540, 1020) for d in range(5)]
                    services.calendar_save(calendar=athens, name=athens.name, timezone_name="Europe/Athens",
                                           hours=hours, holidays=[], at=at)
            for timer in SLATimer.objects.filter(object_id=ticket.pk):
                replayed = services.timer_replay(list(timer.events.all()))
                stored = (timer.status, timer.consumed, timer.due_at, timer.met_at, timer.breached_at,
                          timer.last_resumed_at)
                assert (replayed.status, replayed.consumed, replayed.due_at, replayed.met_at,
                        replayed.breached_at, replayed.last_resumed_at) == stored, (timer.metric, steps)
            raise Rollback
    except Rollback:
        pass
