"""Every write to SLA timers, calendars and policies.

Timers are generic: ticket apps call ``sla_start``, ``sla_status_changed``, ``sla_stop``
and ``sla_retarget`` (see :mod:`sla.protocol`). Each function locks the ticket's timers,
applies the django-fsm transition, updates the arithmetic (business time consumed, due and
escalation instants), and appends to the event log, in one transaction.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F, Min, OuterRef, Subquery
from django.utils import timezone

from .calendar import CalendarSpec, add_business_time, business_time_between
from .choices import EventKind, Metric, TimerStatus
from .models import (
    BusinessCalendar,
    EscalationRule,
    Holiday,
    SLAEscalation,
    SLAEvent,
    SLAPolicy,
    SLATimer,
    WorkingHours,
)
from .protocol import SLAFacts
from .selectors import policy_for

logger = logging.getLogger(__name__)
ZERO = timedelta(0)


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


def _event(timer: SLATimer, kind: str, at: datetime, actor=None, **data) -> SLAEvent:
    return SLAEvent.objects.create(timer=timer, kind=kind, at=at, actor=actor, data=data)


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
        _event(timer, EventKind.BREACH, timer.due_at, breached_at=timer.due_at.isoformat())


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
        _event(timer, EventKind.START, at, actor, target_seconds=target.total_seconds(), policy=policy.pk,
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
    _event(timer, EventKind.PAUSE, at, actor, reason=reason)


def _resume(timer: SLATimer, spec: CalendarSpec, at: datetime, actor, reason: str = "") -> None:
    if timer.status != TimerStatus.PAUSED:
        return
    timer.resume()
    timer.last_resumed_at = at
    timer.paused_at = None
    _schedule(timer, spec)
    _save(timer)
    _event(timer, EventKind.RESUME, at, actor, reason=reason)


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
        _event(timer, EventKind.STOP, at, actor)
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
        _event(timer, EventKind.REOPEN, at, actor, calendar=spec.to_json(),
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
        _event(timer, EventKind.POLICY_CHANGE, at, actor, reason=reason, old=old, policy=policy.pk,
               target_seconds=target.total_seconds(), calendar=spec.to_json())
        changed.append(timer)
    return changed


# --- replay ---------------------------------------------------------------------------------
@dataclass
class ReplayedState:
    status: str
    consumed: timedelta
    last_resumed_at: datetime | None
    due_at: datetime | None
    met_at: datetime | None
    breached_at: datetime | None


def timer_replay(events) -> ReplayedState:
    """Rebuild a timer's state from its event log alone (no other table is read)."""
    from datetime import datetime as dt

    state = ReplayedState(TimerStatus.RUNNING, ZERO, None, None, None, None)
    spec: CalendarSpec | None = None
    target = ZERO

    def accrue(at):
        if state.last_resumed_at is not None and at > state.last_resumed_at:
            state.consumed += business_time_between(spec, state.last_resumed_at, at)
            state.last_resumed_at = at

    def due():
        if state.status == TimerStatus.RUNNING and state.last_resumed_at is not None:
            state.due_at = add_business_time(spec, state.last_resumed_at, max(target - state.consumed, ZERO))

    for event in sorted(events, key=lambda e: (e.at, e.pk)):
        kind, at, data = event.kind, event.at, event.data
        if kind == EventKind.START:
            spec, target = CalendarSpec.from_json(data["calendar"]), timedelta(seconds=data["target_seconds"])
            state.status, state.last_resumed_at = TimerStatus.RUNNING, at
            due()
        elif kind == EventKind.PAUSE:
            accrue(at)
            state.status, state.last_resumed_at, state.due_at = TimerStatus.PAUSED, None, None
        elif kind == EventKind.RESUME:
            state.status, state.last_resumed_at = TimerStatus.RUNNING, at
            due()
        elif kind in (EventKind.POLICY_CHANGE, EventKind.CALENDAR_CHANGE):
            accrue(at)
            spec = CalendarSpec.from_json(data["calendar"])
            target = timedelta(seconds=data.get("target_seconds", target.total_seconds()))
            due()
        elif kind == EventKind.BREACH:
            state.status = TimerStatus.BREACHED
            state.breached_at = dt.fromisoformat(data["breached_at"]) if data.get("breached_at") else at
        elif kind == EventKind.STOP:
            accrue(at)
            state.last_resumed_at, state.met_at = None, at
            if state.status != TimerStatus.BREACHED:
                state.status = TimerStatus.MET
        elif kind == EventKind.REOPEN:
            if "calendar" in data:
                spec = CalendarSpec.from_json(data["calendar"])
                target = timedelta(seconds=data.get("target_seconds", target.total_seconds()))
            state.met_at, state.last_resumed_at = None, at
            if state.status == TimerStatus.MET:
                state.status = TimerStatus.RUNNING
                due()
    return state


# --- the sweep ------------------------------------------------------------------------------
@dataclass(frozen=True)
class SweepResult:
    breached: int
    escalated: int


def sla_sweep(*, now: datetime | None = None, batch: int = 1000) -> SweepResult:
    """Mark breaches and fire due escalations: a few set-based statements per batch,
    whatever the number of timers that are not due.

    Safe to run concurrently and late. Timers are claimed with ``FOR UPDATE SKIP LOCKED``
    (always the timer before its escalations, the same order the services lock in, so
    sweeps and ticket updates never deadlock), and escalations are marked with a
    ``fired_at IS NULL`` guard, so each escalation level fires exactly once. Breaches get
    their true instant (``due_at``); escalations fire in ``fire_at`` order."""
    now = _now(now)
    breached = escalated = 0
    while True:
        with transaction.atomic():
            b = _sweep_breaches(now, batch)
        with transaction.atomic():
            e = _sweep_escalations(now, batch)
        breached, escalated = breached + b, escalated + e
        if b < batch and e < batch:
            requeue_unnotified(now=now)
            return SweepResult(breached=breached, escalated=escalated)


def _sweep_breaches(now: datetime, batch: int) -> int:
    due = list(SLATimer.objects.select_for_update(skip_locked=True)
               .filter(status=TimerStatus.RUNNING, due_at__lte=now)
               .order_by("due_at").values_list("id", "due_at")[:batch])
    if not due:
        return 0
    ids = [timer_id for timer_id, _ in due]
    SLATimer.objects.filter(id__in=ids, status=TimerStatus.RUNNING).update(
        status=TimerStatus.BREACHED, breached_at=F("due_at"))
    SLAEvent.objects.bulk_create([
        SLAEvent(timer_id=timer_id, kind=EventKind.BREACH, at=due_at, data={"breached_at": due_at.isoformat(),
                                                                            "swept_at": now.isoformat()})
        for timer_id, due_at in due
    ])
    return len(due)


def _sweep_escalations(now: datetime, batch: int) -> int:
    due = SLAEscalation.objects.filter(fired_at__isnull=True, fire_at__isnull=False, fire_at__lte=now)
    candidates = list(dict.fromkeys(due.order_by("fire_at", "id").values_list("timer_id", flat=True)[:batch]))
    if not candidates:
        return 0
    timer_ids = list(SLATimer.objects.select_for_update(skip_locked=True).filter(id__in=candidates)
                     .order_by("id").values_list("id", flat=True))
    rows = list(due.filter(timer_id__in=timer_ids).order_by("fire_at", "id")
                .values_list("id", "timer_id", "fire_at", "at_percent"))
    if not rows:
        return 0
    ids = [row[0] for row in rows]
    SLAEscalation.objects.filter(id__in=ids, fired_at__isnull=True).update(fired_at=now)
    pending = SLAEscalation.objects.filter(timer=OuterRef("pk"), fired_at__isnull=True, fire_at__isnull=False)
    SLATimer.objects.filter(id__in=timer_ids).update(
        next_escalation_at=Subquery(pending.order_by("fire_at").values("fire_at")[:1]))
    SLAEvent.objects.bulk_create([
        SLAEvent(timer_id=timer_id, kind=EventKind.ESCALATION, at=fire_at,
                 data={"escalation": esc_id, "at_percent": pct, "fired_at": now.isoformat()})
        for esc_id, timer_id, fire_at, pct in rows
    ])

    transaction.on_commit(lambda: _queue_notifications(ids))
    return len(ids)


#: Escalations per notification task: one broker message per chunk, not per escalation.
NOTIFY_CHUNK = 100
#: A fired escalation whose notifications were not queued after this long is queued again.
REQUEUE_AFTER = timedelta(minutes=5)


def _queue_notifications(ids: list[int]) -> None:
    from .tasks import fire_escalations

    for start in range(0, len(ids), NOTIFY_CHUNK):  # in fire_at order
        fire_escalations.delay(ids[start:start + NOTIFY_CHUNK])


def requeue_unnotified(*, now: datetime | None = None, limit: int = 5000) -> int:
    """Queue again the fired escalations whose notification task was lost (a worker died
    between the sweep's commit and the broker). Safe: notify() is idempotent."""
    now = _now(now)
    ids = list(SLAEscalation.objects.filter(fired_at__isnull=False, notified_at__isnull=True,
                                            fired_at__lt=now - REQUEUE_AFTER)
               .order_by("fired_at", "id").values_list("id", flat=True)[:limit])
    if ids:
        _queue_notifications(ids)
    return len(ids)


def escalation_notify(*, escalation_id: int) -> int:
    """Tell the escalation's audience; idempotent by ``sla-escalation:<id>``."""
    from django.contrib.auth import get_user_model

    from catalog.models import Team
    from notifications.services import notify

    escalation = (SLAEscalation.objects.select_related("timer__content_type", "timer__policy", "group")
                  .filter(pk=escalation_id, fired_at__isnull=False).first())
    if escalation is None:
        return 0
    timer = escalation.timer
    ticket = timer.ticket
    if ticket is None:
        _mark_notified(escalation.pk)
        return 0
    facts: SLAFacts = ticket.sla_facts()
    recipients: list = []
    if escalation.notify == "assignee" and facts.assignee_id:
        recipients = list(get_user_model().objects.filter(pk=facts.assignee_id))
    elif escalation.notify == "team_manager" and facts.team_id:
        manager_id = Team.objects.filter(pk=facts.team_id).values_list("manager_id", flat=True).first()
        recipients = list(get_user_model().objects.filter(pk=manager_id)) if manager_id else []
    elif escalation.notify == "group" and escalation.group is not None:
        recipients = [escalation.group]
    if not recipients:
        logger.warning("escalation %s has nobody to notify (%s)", escalation.pk, escalation.notify)
        _mark_notified(escalation.pk)
        return 0
    target_minutes = timer.target.total_seconds() / 60
    elapsed_minutes = target_minutes * escalation.at_percent / 100
    context = {
        "ticket": ticket.sla_label(), "metric": timer.get_metric_display().lower(),
        "percent": escalation.at_percent, "due_at": timer.due_at, "breached": escalation.at_percent >= 100,
        "remaining_minutes": round(max(target_minutes - elapsed_minutes, 0)),
        "overdue_minutes": round(max(elapsed_minutes - target_minutes, 0)),
        "target_minutes": round(target_minutes),
    }
    ct = timer.content_type
    with transaction.atomic():
        deliveries = notify(recipients, "sla-escalation", context, escalation.channels or ["in_app"],
                            idempotency_key=f"sla-escalation:{escalation.pk}",
                            related=f"{ct.app_label}.{ct.model}:{timer.object_id}", url=ticket.get_absolute_url())
        _mark_notified(escalation.pk)
    return len(deliveries)


def _mark_notified(escalation_id: int) -> None:
    SLAEscalation.objects.filter(pk=escalation_id, notified_at__isnull=True).update(notified_at=timezone.now())


# --- calendars and policies -----------------------------------------------------------------
@transaction.atomic
def calendar_save(*, calendar: BusinessCalendar | None = None, name: str, timezone_name: str,
                  hours: list[tuple[int, int, int]], holidays: list, description: str = "",
                  at: datetime | None = None, actor=None) -> BusinessCalendar:
    """Create or change a calendar. Running timers on it keep the business time consumed
    under the old hours and continue on the new ones from ``at``."""
    at = _now(at)
    new_spec = CalendarSpec.build(timezone_name, hours, [h for h, _name in holidays])  # validates
    if calendar is None:
        calendar = BusinessCalendar.objects.create(name=name, timezone=timezone_name, description=description)
        timers = []
        old_spec = None
    else:
        calendar = BusinessCalendar.objects.select_for_update().get(pk=calendar.pk)
        old_spec = _Specs()[calendar.pk]
        # Every open timer on the calendar: running ones accrue under the old hours; paused
        # ones only log the change, so a replay of their events resumes on the new hours.
        timers = list(SLATimer.objects.select_for_update().filter(
            calendar=calendar, met_at__isnull=True,
            status__in=[TimerStatus.RUNNING, TimerStatus.PAUSED, TimerStatus.BREACHED]))
        calendar.name, calendar.timezone, calendar.description = name, timezone_name, description
        calendar.save()
    existing_hours = {(h.weekday, h.start_minute, h.end_minute): h for h in calendar.hours.all()}
    for key, row in existing_hours.items():
        if key not in set(hours):
            row.delete()
    for weekday, start, end in sorted(set(hours) - set(existing_hours)):
        WorkingHours.objects.create(calendar=calendar, weekday=weekday, start_minute=start, end_minute=end)
    existing_days = {h.date: h for h in calendar.holidays.all()}
    wanted = dict(holidays)
    for day, row in existing_days.items():
        if day not in wanted:
            row.delete()
        elif row.name != wanted[day]:
            row.name = wanted[day]
            row.save(update_fields=["name"])
    for day in sorted(set(wanted) - set(existing_days)):
        Holiday.objects.create(calendar=calendar, date=day, name=wanted[day])
    if old_spec is not None and old_spec != new_spec:
        for timer in timers:
            _catch_up_breach(timer, at)
            _accrue(timer, old_spec, at)
            _schedule(timer, new_spec)
            _save(timer)
            _event(timer, EventKind.CALENDAR_CHANGE, at, actor, calendar=new_spec.to_json(),
                   target_seconds=timer.target.total_seconds())
    return calendar


@transaction.atomic
def policy_save(*, policy: SLAPolicy | None = None, escalations: list[dict] | None = None,
                at: datetime | None = None, actor=None, **fields) -> SLAPolicy:
    """Create or change a policy and its escalation rules. Open timers under a changed
    policy are re-targeted from ``at``, keeping the business time they consumed."""
    at = _now(at)
    if policy is None:
        policy = SLAPolicy(**fields)
        policy.full_clean()
        policy.save()
    else:
        policy = SLAPolicy.objects.select_for_update().get(pk=policy.pk)
        for field, value in fields.items():
            setattr(policy, field, value)
        policy.full_clean()
        policy.save()
    rules_changed = False
    if escalations is not None:
        def key(metric, percent, notify, group, channels):
            return metric, percent, notify, getattr(group, "pk", group), tuple(channels)

        before = sorted(key(r.metric, r.at_percent, r.notify, r.group_id, r.channels)
                        for r in policy.escalations.all())
        after = sorted(key(r["metric"], r["at_percent"], r["notify"], r.get("group"), r["channels"])
                       for r in escalations)
        rules_changed = before != after
        if rules_changed:
            policy.escalations.all().delete()
            EscalationRule.objects.bulk_create([EscalationRule(policy=policy, **rule) for rule in escalations])
    _retarget_policy_timers(policy, at, actor, rules_changed=rules_changed)
    return policy


def _retarget_policy_timers(policy: SLAPolicy, at: datetime, actor, *, rules_changed: bool) -> None:
    """Open timers of an edited policy move to its new target, calendar and rules; a rename
    or any edit that changes none of those leaves them (and their log) alone."""
    specs = _Specs()
    policy = SLAPolicy.objects.prefetch_related("escalations").get(pk=policy.pk)
    for timer in SLATimer.objects.select_for_update().filter(
            policy=policy, status__in=[TimerStatus.RUNNING, TimerStatus.PAUSED, TimerStatus.BREACHED],
            met_at__isnull=True):
        target = policy.target(timer.metric)
        if target is None or (target == timer.target and timer.calendar_id == policy.calendar_id
                              and not rules_changed):
            continue
        _catch_up_breach(timer, at)
        _accrue(timer, specs[timer.calendar_id], at)
        old = {"policy": timer.policy_id, "target_seconds": timer.target.total_seconds()}
        timer.calendar_id, timer.target = policy.calendar_id, target
        spec = specs[policy.calendar_id]
        _create_escalations(timer, policy)
        _schedule(timer, spec)
        _save(timer)
        _event(timer, EventKind.POLICY_CHANGE, at, actor, reason="policy edited", old=old, policy=policy.pk,
               target_seconds=target.total_seconds(), calendar=spec.to_json())
