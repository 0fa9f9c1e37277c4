"""SLA configuration: business calendars and policies with their escalation rules. Open
timers follow an edit from the instant it is made, keeping the business time they consumed
under the old hours, target or calendar (and the event log says so, for the replay)."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction

from ..calendar import CalendarSpec
from ..choices import EventKind, TimerStatus
from ..events import timer_event
from ..models import BusinessCalendar, EscalationRule, Holiday, SLAPolicy, SLATimer, WorkingHours
from .timers import _accrue, _catch_up_breach, _create_escalations, _now, _save, _schedule, _Specs


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
            timer_event(timer, EventKind.CALENDAR_CHANGE, at, actor, calendar=new_spec.to_json(),
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
        timer_event(timer, EventKind.POLICY_CHANGE, at, actor, reason="policy edited", old=old, policy=policy.pk,
               target_seconds=target.total_seconds(), calendar=spec.to_json())
