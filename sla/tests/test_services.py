"""The SLA engine's service API, sweep and event log, against the real PostgreSQL."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail

from catalog.services import profile_for
from catalog.tests.factories import ServiceFactory
from notifications.models import Delivery, SmsMessage
from sla import selectors, services
from sla.models import SLAEscalation, SLAEvent, SLATimer
from sla.protocol import SLATicket
from sla.tests.factories import (
    CalendarFactory,
    EscalationRuleFactory,
    PolicyFactory,
    TicketFactory,
    office_hours,
)

pytestmark = pytest.mark.django_db
T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)  # a Monday, 09:00 UTC


def minutes(n):
    return timedelta(minutes=n)


def timer_of(ticket, metric="response") -> SLATimer:
    return SLATimer.objects.get(object_id=ticket.pk, metric=metric)


def test_the_demo_ticket_implements_the_protocol():
    assert isinstance(TicketFactory(), SLATicket)


class TestPolicyMatching:
    def test_most_specific_policy_wins_and_ties_are_deterministic(self):
        service = ServiceFactory()
        PolicyFactory(name="any incident")
        by_priority = PolicyFactory(name="P1", priority=1)
        vip = PolicyFactory(name="VIP", customer_tier="vip")
        vip_p1 = PolicyFactory(name="VIP P1", customer_tier="vip", priority=1)
        PolicyFactory(name="email P1", channel="email", priority=1)
        by_service = PolicyFactory(name="service P1", service=service, priority=1)
        PolicyFactory(name="inactive", customer_tier="vip", priority=1, service=service, is_active=False)
        PolicyFactory(name="requests", applies_to="request", priority=1)

        def match(**facts):
            return selectors.policy_for(TicketFactory.build(**facts).sla_facts()).name

        assert match(priority=3) == "any incident"
        assert match(priority=1) == by_priority.name
        assert match(priority=2, customer_tier="vip") == vip.name
        assert match(priority=1, customer_tier="vip") == vip_p1.name
        # two fields each: service beats tier beats channel
        assert match(priority=1, customer_tier="vip", service=service) == by_service.name
        assert match(priority=1, channel="email", customer_tier="vip") == vip_p1.name
        assert selectors.policy_for(TicketFactory.build(kind="problem").sla_facts()) is None


class TestTimers:
    def test_start_computes_due_instants_on_the_business_calendar(self):
        calendar = office_hours(CalendarFactory(timezone="Europe/Athens"))  # 09:00–17:00 Athens = 07–15 UTC
        PolicyFactory(calendar=calendar, response_minutes=60, resolution_minutes=480)
        ticket = TicketFactory()
        friday_1430 = datetime(2026, 11, 27, 14, 30, tzinfo=UTC)  # 16:30 Athens, Friday
        timers = services.sla_start(ticket=ticket, at=friday_1430)
        assert [t.metric for t in timers] == ["response", "resolution"]
        # 30 minutes on Friday, 30 more on Monday from 09:00 Athens (07:00 UTC)
        assert timer_of(ticket).due_at == datetime(2026, 11, 30, 7, 30, tzinfo=UTC)
        assert timer_of(ticket, "resolution").due_at == datetime(2026, 11, 30, 14, 30, tzinfo=UTC)
        assert SLAEvent.objects.filter(kind="start").count() == 2

    def test_no_policy_no_timers_and_starting_twice_adds_nothing(self):
        ticket = TicketFactory()
        assert services.sla_start(ticket=ticket, at=T0) == []
        PolicyFactory()
        assert len(services.sla_start(ticket=ticket, at=T0)) == 2
        assert services.sla_start(ticket=ticket, at=T0) == []

    def test_pause_freezes_the_clock_and_resume_moves_the_due_instant(self):
        PolicyFactory(response_minutes=60)  # 24×7
        ticket = TicketFactory()
        services.sla_start(ticket=ticket, at=T0)
        ticket.status = "on_hold"
        services.sla_status_changed(ticket=ticket, at=T0 + minutes(20))
        timer = timer_of(ticket)
        assert timer.status == "paused" and timer.due_at is None
        assert selectors.clock(timer, now=T0 + minutes(50)).remaining_seconds == 40 * 60
        ticket.status = "in_progress"
        services.sla_status_changed(ticket=ticket, at=T0 + minutes(90))
        timer = timer_of(ticket)
        assert timer.status == "running"
        assert timer.due_at == T0 + minutes(130)  # 40 minutes left from 10:30
        assert selectors.clock(timer, now=T0 + minutes(100)).remaining_seconds == 30 * 60

    def test_a_ticket_created_in_a_pausing_status_starts_paused(self):
        PolicyFactory()
        ticket = TicketFactory(status="on_hold")
        services.sla_start(ticket=ticket, at=T0)
        assert set(SLATimer.objects.values_list("status", flat=True)) == {"paused"}

    def test_policy_change_mid_flight_keeps_time_consumed_and_paused_time(self):
        standard = PolicyFactory(name="standard", response_minutes=240)
        PolicyFactory(name="P1", priority=1, response_minutes=60)
        ticket = TicketFactory(priority=3)
        services.sla_start(ticket=ticket, at=T0)
        ticket.status = "on_hold"
        services.sla_status_changed(ticket=ticket, at=T0 + minutes(10))   # 10 consumed
        ticket.status = "in_progress"
        services.sla_status_changed(ticket=ticket, at=T0 + minutes(70))   # 60 paused, not consumed
        ticket.priority = 1
        changed = services.sla_retarget(ticket=ticket, at=T0 + minutes(80))  # 20 consumed
        assert [t.metric for t in changed] == ["resolution", "response"]
        timer = timer_of(ticket)
        assert timer.policy.name == "P1" and timer.consumed == minutes(20)
        assert timer.due_at == T0 + minutes(80) + minutes(40)
        assert standard.timers.count() == 0
        event = SLAEvent.objects.get(timer=timer, kind="policy_change")
        assert event.data["old"]["target_seconds"] == 240 * 60

    def test_stop_meets_the_timer_and_unschedules_later_escalations(self):
        rule = EscalationRuleFactory(at_percent=75)
        ticket = TicketFactory()
        services.sla_start(ticket=ticket, at=T0)
        services.sla_stop(ticket=ticket, metric="response", at=T0 + minutes(30))
        timer = timer_of(ticket)
        assert timer.status == "met" and timer.met_at == T0 + minutes(30) and timer.consumed == minutes(30)
        assert SLAEscalation.objects.get(timer=timer, rule=rule).fire_at is None
        assert services.sla_sweep(now=T0 + minutes(120)).escalated == 0

    def test_stopping_after_the_due_instant_records_a_breach_and_when_it_was_met(self):
        PolicyFactory(response_minutes=60)
        ticket = TicketFactory()
        services.sla_start(ticket=ticket, at=T0)
        services.sla_stop(ticket=ticket, metric="response", at=T0 + minutes(75))  # the sweep never ran
        timer = timer_of(ticket)
        assert timer.status == "breached"
        assert timer.breached_at == T0 + minutes(60) and timer.met_at == T0 + minutes(75)
        assert selectors.clock(timer, now=T0 + minutes(80)).breached is True

    def test_reopening_continues_from_the_time_consumed(self):
        PolicyFactory(response_minutes=60, resolution_minutes=240)
        ticket = TicketFactory()
        services.sla_start(ticket=ticket, at=T0)
        services.sla_stop(ticket=ticket, metric="resolution", at=T0 + minutes(100))
        services.sla_reopen(ticket=ticket, metric="resolution", at=T0 + minutes(1000))
        timer = timer_of(ticket, "resolution")
        assert timer.status == "running" and timer.met_at is None and timer.consumed == minutes(100)
        assert timer.due_at == T0 + minutes(1000) + minutes(140)
        assert services.sla_reopen(ticket=ticket, metric="resolution", at=T0 + minutes(1001)) is None

    def test_the_state_can_be_rebuilt_from_the_event_log(self):
        calendar = office_hours(CalendarFactory(timezone="America/Sao_Paulo"))
        PolicyFactory(name="std", calendar=calendar, response_minutes=120, resolution_minutes=600)
        PolicyFactory(name="vip", calendar=CalendarFactory(), customer_tier="vip", response_minutes=30,
                      resolution_minutes=240)
        ticket = TicketFactory()
        at = datetime(2026, 11, 27, 18, 0, tzinfo=UTC)  # Friday 15:00 São Paulo
        services.sla_start(ticket=ticket, at=at)
        ticket.status = "on_hold"
        services.sla_status_changed(ticket=ticket, at=at + minutes(45))
        ticket.status = "in_progress"
        services.sla_status_changed(ticket=ticket, at=at + timedelta(days=3))
        ticket.customer_tier = "vip"
        services.sla_retarget(ticket=ticket, at=at + timedelta(days=3, minutes=5))
        services.sla_sweep(now=at + timedelta(days=4))
        services.sla_stop(ticket=ticket, metric="response", at=at + timedelta(days=4, minutes=1))
        for timer in SLATimer.objects.all():
            replayed = services.timer_replay(list(timer.events.all()))
            assert (replayed.status, replayed.consumed, replayed.due_at, replayed.met_at, replayed.breached_at,
                    replayed.last_resumed_at) == (timer.status, timer.consumed, timer.due_at, timer.met_at,
                                                  timer.breached_at, timer.last_resumed_at), timer.metric


class TestCalendarChange:
    def test_running_timers_keep_what_they_consumed_under_the_old_hours(self):
        calendar = office_hours(CalendarFactory(timezone="UTC"), "09:00", "17:00")
        PolicyFactory(calendar=calendar, response_minutes=240)
        ticket = TicketFactory()
        services.sla_start(ticket=ticket, at=T0)  # Monday 09:00
        # at 11:00 (120 consumed) the desk moves to 10:00–12:00 and 13:00–18:00
        services.calendar_save(calendar=calendar, name=calendar.name, timezone_name="UTC",
                               hours=[(d, 600, 720) for d in range(5)] + [(d, 780, 1080) for d in range(5)],
                               holidays=[], at=T0 + minutes(120))
        timer = timer_of(ticket)
        assert timer.consumed == minutes(120)
        # 120 left: 11:00–12:00 (60), lunch, 13:00–14:00 (60)
        assert timer.due_at == datetime(2026, 11, 23, 14, 0, tzinfo=UTC)
        assert SLAEvent.objects.filter(timer=timer, kind="calendar_change").exists()


    def test_a_paused_timer_resumes_on_the_new_hours_and_its_log_still_replays(self):
        calendar = office_hours(CalendarFactory(timezone="UTC"), "09:00", "17:00")
        PolicyFactory(calendar=calendar, response_minutes=240)
        ticket = TicketFactory()
        services.sla_start(ticket=ticket, at=T0)
        ticket.status = "on_hold"
        services.sla_status_changed(ticket=ticket, at=T0 + minutes(60))  # 60 consumed
        services.calendar_save(calendar=calendar, name=calendar.name, timezone_name="UTC",
                               hours=[(d, 420, 1140) for d in range(7)], holidays=[], at=T0 + minutes(90))
        ticket.status = "in_progress"
        services.sla_status_changed(ticket=ticket, at=T0 + minutes(120))  # Monday 11:00
        timer = timer_of(ticket)
        assert timer.due_at == T0 + minutes(120) + minutes(180)  # 07:00–19:00 now: no closing at 17:00
        replayed = services.timer_replay(list(timer.events.all()))
        assert (replayed.due_at, replayed.consumed) == (timer.due_at, timer.consumed)


@pytest.fixture
def the_users_example(celery_eager):
    """Answer within 1 hour; at 45 minutes the assignee gets an SMS that 15 minutes are
    left; at 60 minutes the service manager's phone is notified."""
    policy = PolicyFactory(response_minutes=60, resolution_minutes=480)
    EscalationRuleFactory(policy=policy, at_percent=75, notify="assignee", channels=["sms"])
    EscalationRuleFactory(policy=policy, at_percent=100, notify="team_manager", channels=["sms", "email"])
    ticket = TicketFactory(title="Card payments failing")
    for user, number in ((ticket.assignee, "+306911111111"), (ticket.team.manager, "+306922222222")):
        profile = profile_for(user)
        profile.phone = number
        profile.save()
    services.sla_start(ticket=ticket, at=T0)
    return ticket


def test_the_45_and_60_minute_example_end_to_end(the_users_example, django_capture_on_commit_callbacks):
    ticket = the_users_example
    with django_capture_on_commit_callbacks(execute=True):
        assert services.sla_sweep(now=T0 + minutes(44)) == services.SweepResult(0, 0)
    assert SmsMessage.objects.count() == 0
    with django_capture_on_commit_callbacks(execute=True):
        assert services.sla_sweep(now=T0 + minutes(45)).escalated == 1
    [sms] = SmsMessage.objects.all()
    assert sms.to == "+306911111111"
    assert "15 minutes are left" in sms.body and ticket.sla_label() in sms.body
    with django_capture_on_commit_callbacks(execute=True):
        result = services.sla_sweep(now=T0 + minutes(60))
    assert result == services.SweepResult(breached=1, escalated=1)
    assert SmsMessage.objects.filter(to="+306922222222", body__contains="SLA missed").count() == 1
    assert [m.to for m in mail.outbox] == [[ticket.team.manager.email]]
    timer = timer_of(ticket)
    assert timer.status == "breached" and timer.breached_at == T0 + minutes(60)
    # Sweeping again changes nothing and sends nothing.
    with django_capture_on_commit_callbacks(execute=True):
        assert services.sla_sweep(now=T0 + minutes(90)) == services.SweepResult(0, 0)
    assert SmsMessage.objects.count() == 2 and Delivery.objects.count() == 3


def test_a_late_sweep_fires_everything_once_in_order_with_true_instants(
        the_users_example, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        result = services.sla_sweep(now=T0 + timedelta(hours=3))  # workers were down
    assert result == services.SweepResult(breached=1, escalated=2)
    timer = timer_of(the_users_example)
    assert timer.breached_at == T0 + minutes(60)
    fired = list(SLAEvent.objects.filter(timer=timer, kind="escalation").order_by("at"))
    assert [e.at for e in fired] == [T0 + minutes(45), T0 + minutes(60)]
    sms = list(SmsMessage.objects.order_by("id").values_list("to", flat=True))
    assert sms == ["+306911111111", "+306922222222"]


def test_an_escalation_task_that_runs_twice_delivers_once(the_users_example, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.sla_sweep(now=T0 + minutes(45))
    escalation = SLAEscalation.objects.get(fired_at__isnull=False)
    assert services.escalation_notify(escalation_id=escalation.pk) == 0  # already delivered
    assert SmsMessage.objects.count() == 1


def test_a_paused_timer_does_not_escalate_until_resumed(the_users_example, django_capture_on_commit_callbacks):
    ticket = the_users_example
    ticket.status = "on_hold"
    services.sla_status_changed(ticket=ticket, at=T0 + minutes(30))
    with django_capture_on_commit_callbacks(execute=True):
        assert services.sla_sweep(now=T0 + minutes(300)) == services.SweepResult(0, 0)
    ticket.status = "in_progress"
    services.sla_status_changed(ticket=ticket, at=T0 + minutes(300))
    timer = timer_of(ticket)
    assert timer.next_escalation_at == T0 + minutes(315) and timer.due_at == T0 + minutes(330)


def test_breach_sweep_uses_a_constant_number_of_queries(django_assert_max_num_queries):
    PolicyFactory(response_minutes=60)
    for _ in range(30):
        services.sla_start(ticket=TicketFactory(), at=T0)
    with django_assert_max_num_queries(10):
        result = services.sla_sweep(now=T0 + timedelta(days=2))
    assert result.breached == 60  # response and resolution of each ticket


def test_the_sla_sweep_command_and_the_beat_schedule(settings):
    from io import StringIO

    from django.core.management import CommandError, call_command

    PolicyFactory(response_minutes=60)
    services.sla_start(ticket=TicketFactory(), at=T0)
    out = StringIO()
    call_command("sla_sweep", "--now", "2026-11-23T10:30:00+00:00", stdout=out)
    assert out.getvalue().strip() == "SLA sweep: 1 breached, 0 escalations fired."
    with pytest.raises(CommandError):
        call_command("sla_sweep", "--now", "2026-11-23 10:30")  # no offset
    entry = settings.CELERY_BEAT_SCHEDULE["sla-sweep"]
    assert entry["task"] == "sla.tasks.sweep" and entry["schedule"] == settings.SLA_SWEEP_SECONDS == 30
