"""SLA timers, the service API for ticket apps: ``sla_start``, ``sla_pause``,
``sla_resume``, ``sla_status_changed``, ``sla_stop``, ``sla_reopen`` and ``sla_retarget``
(see :mod:`sla.protocol`). Each function locks the ticket's timers, applies the django-fsm
transition, updates the arithmetic (business time consumed, due and escalation instants),
and appends to the event log, in one transaction. The helpers here (calendar specs, accrual,
scheduling, the catch-up breach) serve the configuration services too."""

from __future__ import annotations

from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Min
from django.utils import timezone

from ..calendar import ZERO, CalendarSpec, add_business_time, business_time_between
from ..choices import EventKind, Metric, TimerStatus
from ..events import timer_event
from ..models import BusinessCalendar, SLAEscalation, SLAPolicy, SLATimer
from ..protocol import SLAFacts
from ..selectors import policy_for


class _Specs(dict):
    """Calendar specs by calendar id, loaded once per service call."""

    def __missing__(self, calendar_id: int) -> CalendarSpec:
        calendar = BusinessCalendar.objects.prefetch_related("hours", "holidays").get(pk=calendar_id)
        spec = self[calendar_id] = calendar.spec()
        return spec


def _now(at: datetime | None) -> datetime:
    return at or timezone.now()


def _locked_timers(ticket) -> list[SLATimer]:
    return list(SLATimer.objects.select_for_update().filter(
        content_type=ContentType.objects.get_for_model(ticket), object_id=ticket.pk).order_by("metric"))


def _snapshot(timer: SLATimer, facts: SLAFacts) -> None:
    timer.kind = facts.kind
    timer.priority = facts.priority
    timer.customer_tier = facts.customer_tier or ""
    timer.team_id = facts.team_id
    timer.service_id = facts.service_id


def _accrue(timer: SLATimer, spec: CalendarSpec, at: datetime) -> None:
    """Move business time consumed since the last resume into ``consumed``."""
    if timer.last_resumed_at is not None and at > timer.last_resumed_at:
        timer.consumed += business_time_between(spec, timer.last_resumed_at, at)
        timer.last_resumed_at = at


def _schedule(timer: SLATimer, spec: CalendarSpec) -> None:
    """Compute ``due_at`` and every unfired escalation's ``fire_at`` from the calendar."""
    escalations = list(timer.escalations.filter(fired_at__isnull=True))
    if timer.last_resumed_at is None:
        timer.due_at = None
        for escalation in escalations:
            escalation.fire_at = None
    else:
        if timer.status == TimerStatus.RUNNING:
            timer.due_at = add_business_time(spec, timer.last_resumed_at, max(timer.target - timer.consumed, ZERO))
        for escalation in escalations:
            threshold = timer.target * escalation.at_percent / 100
            escalation.fire_at = add_business_time(spec, timer.last_resumed_at,
                                                   max(threshold - timer.consumed, ZERO))
    SLAEscalation.objects.bulk_update(escalations, ["fire_at"])
    timer.next_escalation_at = min((e.fire_at for e in escalations if e.fire_at), default=None)


def _create_escalations(timer: SLATimer, policy: SLAPolicy, *, new_timer: bool = False) -> None:
    fired = set()
    if not new_timer:  # a brand-new timer has no escalations to keep or replace
        fired = set(timer.escalations.filter(fired_at__isnull=False).values_list("at_percent", "notify", "group_id"))
        timer.escalations.filter(fired_at__isnull=True).delete()
    SLAEscalation.objects.bulk_create([
        SLAEscalation(timer=timer, rule=rule, at_percent=rule.at_percent, notify=rule.notify,
                      group_id=rule.group_id, channels=rule.channels)
        for rule in policy.escalations.all()
        if rule.metric == timer.metric and (rule.at_percent, rule.notify, rule.group_id) not in fired
    ])


def _unschedule_after(timer: SLATimer, at: datetime) -> None:
    """Escalations not yet due at ``at`` wait (paused) or never come (stopped); those that
    became due before it still fire, even if the sweep has not run yet."""
    timer.escalations.filter(fired_at__isnull=True, fire_at__gt=at).update(fire_at=None)
    timer.next_escalation_at = timer.escalations.filter(
        fired_at__isnull=True, fire_at__isnull=False).aggregate(m=Min("fire_at"))["m"]


def _catch_up_breach(timer: SLATimer, at: datetime) -> None:
    """A running timer whose due instant passed before the sweep saw it is breached then."""
    if timer.status == TimerStatus.RUNNING and timer.due_at is not None and timer.due_at <= at:
        timer.breach()
        timer.breached_at = timer.due_at
        timer_event(timer, EventKind.BREACH, timer.due_at, breached_at=timer.due_at.isoformat())


_TIMER_FIELDS = ["status", "consumed", "last_resumed_at", "paused_at", "due_at", "next_escalation_at",
                 "met_at", "breached_at", "policy", "calendar", "target", "kind", "priority", "customer_tier",
                 "team", "service"]


def _save(timer: SLATimer) -> None:
    timer.save(update_fields=_TIMER_FIELDS)



# --- the service API for ticket apps ------------------------------------------------------
@transaction.atomic
def sla_start(*, ticket, at: datetime | None = None, actor=None) -> list[SLATimer]:
    """Start the response and resolution timers of the policy matching ``ticket``.
    Does nothing for a metric that already has a timer, or when no policy matches."""
    at = _now(at)
    facts: SLAFacts = ticket.sla_facts()
    policy = policy_for(facts)
    if policy is None:
        return []
    content_type = ContentType.objects.get_for_model(ticket)
    existing = set(SLATimer.objects.filter(content_type=content_type, object_id=ticket.pk)
                   .values_list("metric", flat=True))
    specs = _Specs()
    spec = specs[policy.calendar_id]
    started = []
    for metric in Metric.values:
        target = policy.target(metric)
        if target is None or metric in existing:
            continue
        timer = SLATimer(content_type=content_type, object_id=ticket.pk, metric=metric, policy=policy,
                         calendar_id=policy.calendar_id, target=target, started_at=at, last_resumed_at=at)
        _snapshot(timer, facts)
        timer.save()
        _create_escalations(timer, policy, new_timer=True)
        _schedule(timer, spec)
        _save(timer)
        timer_event(timer, EventKind.START, at, actor, target_seconds=target.total_seconds(), policy=policy.pk,
               calendar=spec.to_json())
        started.append(timer)
    if facts.status in (policy.pause_on or []):
        for timer in started:
            _pause(timer, spec, at, actor, reason=f"status {facts.status}")
    return started


def _pause(timer: SLATimer, spec: CalendarSpec, at: datetime, actor, reason: str = "") -> None:
    _catch_up_breach(timer, at)
    if timer.status != TimerStatus.RUNNING:
        _save(timer)
        return
    _accrue(timer, spec, at)
    timer.pause()
    timer.last_resumed_at = None
    timer.paused_at = at
    timer.due_at = None
    _unschedule_after(timer, at)
    _save(timer)
    timer_event(timer, EventKind.PAUSE, at, actor, reason=reason)


def _resume(timer: SLATimer, spec: CalendarSpec, at: datetime, actor, reason: str = "") -> None:
    if timer.status != TimerStatus.PAUSED:
        return
    timer.resume()
    timer.last_resumed_at = at
    timer.paused_at = None
    _schedule(timer, spec)
    _save(timer)
    timer_event(timer, EventKind.RESUME, at, actor, reason=reason)


@transaction.atomic
def sla_pause(*, ticket, at: datetime | None = None, actor=None, reason: str = "") -> None:
    at, specs = _now(at), _Specs()
    for timer in _locked_timers(ticket):
        _pause(timer, specs[timer.calendar_id], at, actor, reason)


@transaction.atomic
def sla_resume(*, ticket, at: datetime | None = None, actor=None, reason: str = "") -> None:
    at, specs = _now(at), _Specs()
    for timer in _locked_timers(ticket):
        _resume(timer, specs[timer.calendar_id], at, actor, reason)


@transaction.atomic
def sla_status_changed(*, ticket, at: datetime | None = None, actor=None) -> None:
    """Pause the ticket's open timers if its new status is one its policy pauses on;
    resume them if it is not."""
    at, specs = _now(at), _Specs()
    status = ticket.sla_facts().status
    for timer in _locked_timers(ticket):
        spec = specs[timer.calendar_id]
        if status in (timer.policy.pause_on or []):
            _pause(timer, spec, at, actor, reason=f"status {status}")
        else:
            _resume(timer, spec, at, actor, reason=f"status {status}")


@transaction.atomic
def sla_stop(*, ticket, metric: str, at: datetime | None = None, actor=None) -> SLATimer | None:
    """The metric is met (first response given, ticket resolved). A timer already past its
    target stays breached and records when it was met."""
    at, specs = _now(at), _Specs()
    for timer in _locked_timers(ticket):
        if timer.metric != metric:
            continue
        spec = specs[timer.calendar_id]
        _catch_up_breach(timer, at)
        if timer.status == TimerStatus.BREACHED:
            if timer.met_at is not None:
                return timer
            timer.record_late_met()
        elif timer.status in (TimerStatus.RUNNING, TimerStatus.PAUSED):
            timer.meet()
        else:
            return timer
        _accrue(timer, spec, at)
        timer.last_resumed_at = None
        timer.met_at = at
        _unschedule_after(timer, at)
        _save(timer)
        timer_event(timer, EventKind.STOP, at, actor)
        return timer
    return None


@transaction.atomic
def sla_reopen(*, ticket, metric: str, at: datetime | None = None, actor=None) -> SLATimer | None:
    """The ticket was reopened: a met timer runs again from the business time it had
    consumed (a breached one stays breached and keeps escalating)."""
    at, specs = _now(at), _Specs()
    for timer in _locked_timers(ticket):
        if timer.metric != metric or timer.met_at is None:
            continue
        if timer.status == TimerStatus.MET:
            timer.reopen()
        else:
            timer.reopen_breached()
        timer.met_at = None
        timer.last_resumed_at = at
        timer.paused_at = None
        spec = specs[timer.calendar_id]
        _create_escalations(timer, timer.policy)
        _schedule(timer, spec)
        _save(timer)
        # The calendar as it is now: it may have changed while the timer was stopped.
        timer_event(timer, EventKind.REOPEN, at, actor, calendar=spec.to_json(),
               target_seconds=timer.target.total_seconds())
        return timer
    return None


@transaction.atomic
def sla_retarget(*, ticket, at: datetime | None = None, actor=None, reason: str = "") -> list[SLATimer]:
    """Re-match the policy after the ticket changed (priority, tier, service, team).

    Business time already consumed is kept, whatever the new policy or calendar; only the
    target, the calendar used from now on, and the escalation rules change."""
    at, specs = _now(at), _Specs()
    facts: SLAFacts = ticket.sla_facts()
    policy = policy_for(facts)
    changed = []
    for timer in _locked_timers(ticket):
        _snapshot(timer, facts)
        if not timer.is_open or policy is None:
            _save(timer)
            continue
        target = policy.target(timer.metric)
        if target is None or (policy.pk == timer.policy_id and target == timer.target
                              and policy.calendar_id == timer.calendar_id):
            _save(timer)
            continue
        _catch_up_breach(timer, at)
        _accrue(timer, specs[timer.calendar_id], at)
        old = {"policy": timer.policy_id, "target_seconds": timer.target.total_seconds()}
        timer.policy, timer.calendar_id, timer.target = policy, policy.calendar_id, target
        spec = specs[policy.calendar_id]
        _create_escalations(timer, policy)
        _schedule(timer, spec)
        _save(timer)
        timer_event(timer, EventKind.POLICY_CHANGE, at, actor, reason=reason, old=old, policy=policy.pk,
               target_seconds=target.total_seconds(), calendar=spec.to_json())
        changed.append(timer)
    return changed
