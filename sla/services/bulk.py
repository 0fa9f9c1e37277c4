"""``sla_stop_many``: :func:`sla.services.timers.sla_stop` for many tickets at once (a master
incident resolved with thousands of linked reports). The same arithmetic and event log per
timer, in a fixed number of statements whatever the number of tickets: one locking read, one
update of the escalations, one of the timers, one insert of the events."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import Min, QuerySet

from ..calendar import business_time_between
from ..choices import EventKind, Metric, TimerStatus
from ..models import SLAEscalation, SLAEvent, SLATimer
from .timers import _TIMER_FIELDS, _now, _Specs


@transaction.atomic
def sla_stop_many(*, model, ticket_ids: Iterable[int] | QuerySet, metrics: Sequence[str], at: datetime | None = None,
                  actor=None) -> list[SLATimer]:
    """Stop the ``metrics`` timers of every ticket of ``model`` in ``ticket_ids`` at ``at``, as
    ``sla_stop`` does one by one: a running timer past its due instant is breached then
    (a BREACH event), a breached one records when it was met, a running or paused one is
    met; business time is accrued, unfired escalations not yet due never come, and each
    stopped timer gets its STOP event. ``ticket_ids``: ids, or a queryset of them (a
    subquery: thousands of ids need not travel). Returns the timers stopped."""
    at = _now(at)
    ids = ticket_ids if isinstance(ticket_ids, QuerySet) else list(ticket_ids)
    content_type = ContentType.objects.get_for_model(model)
    of_tickets = {"content_type": content_type, "object_id__in": ids, "metric__in": list(metrics)}
    timers = list(SLATimer.objects.select_for_update().filter(**of_tickets).order_by("object_id", "metric"))
    specs, stopped, events = _Specs(), [], []
    for timer in timers:
        if timer.status == TimerStatus.RUNNING and timer.due_at is not None and timer.due_at <= at:
            timer.breach()
            timer.breached_at = timer.due_at
            events.append(SLAEvent(timer=timer, kind=EventKind.BREACH, at=timer.due_at, actor=None,
                                   data={"breached_at": timer.due_at.isoformat()}))
        if timer.status == TimerStatus.BREACHED:
            if timer.met_at is not None:
                continue
            timer.record_late_met()
        elif timer.status in (TimerStatus.RUNNING, TimerStatus.PAUSED):
            timer.meet()
        else:
            continue
        if timer.last_resumed_at is not None and at > timer.last_resumed_at:
            timer.consumed += business_time_between(specs[timer.calendar_id], timer.last_resumed_at, at)
        timer.last_resumed_at = None
        timer.met_at = at
        stopped.append(timer)
        events.append(SLAEvent(timer=timer, kind=EventKind.STOP, at=at, actor=actor, data={}))
    if not stopped:
        return []
    # The escalations of the tickets' timers (a join, not a list of ids: those of a timer
    # stopped before were unscheduled then, so touching them again changes nothing).
    of_timers = {f"timer__{key}": value for key, value in of_tickets.items()}
    SLAEscalation.objects.filter(**of_timers, fired_at__isnull=True, fire_at__gt=at).update(fire_at=None)
    next_at = dict(SLAEscalation.objects.filter(**of_timers, fired_at__isnull=True, fire_at__isnull=False)
                   .values("timer_id").annotate(m=Min("fire_at")).values_list("timer_id", "m"))
    for timer in stopped:
        timer.next_escalation_at = next_at.get(timer.pk)
    _update_timers(stopped)
    SLAEvent.objects.bulk_create(events, batch_size=2000)
    return stopped


_CHANGED = ("status", "consumed", "last_resumed_at", "met_at", "breached_at", "next_escalation_at")


def _update_timers(timers: list[SLATimer]) -> None:
    """Each timer's new values in one statement (PostgreSQL: ``UPDATE … FROM unnest(…)``;
    other databases: ``bulk_update``)."""
    assert set(_CHANGED) <= set(_TIMER_FIELDS)
    if connection.vendor != "postgresql":
        SLATimer.objects.bulk_update(timers, list(_CHANGED), batch_size=500)
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE sla_slatimer AS t SET status = v.status, consumed = v.consumed, "
            "last_resumed_at = v.last_resumed_at, met_at = v.met_at, breached_at = v.breached_at, "
            "next_escalation_at = v.next_escalation_at "
            "FROM unnest(%s::bigint[], %s::varchar[], %s::interval[], %s::timestamptz[], %s::timestamptz[], "
            "%s::timestamptz[], %s::timestamptz[]) AS v(id, status, consumed, last_resumed_at, met_at, breached_at, "
            "next_escalation_at) WHERE t.id = v.id",
            [[t.pk for t in timers], [t.status for t in timers], [t.consumed for t in timers],
             [t.last_resumed_at for t in timers], [t.met_at for t in timers], [t.breached_at for t in timers],
             [t.next_escalation_at for t in timers]])


def sla_start_new(*, ticket, at: datetime | None = None, actor=None) -> list[SLATimer]:
    """:func:`sla.services.timers.sla_start` for a ticket just created (it has no timers yet),
    called inside the transaction that created it: the policy and calendar from the
    per-process cache (``sla.selectors_cache``), every timer, escalation and START event
    computed first and inserted with one statement per table. A policy that pauses on the
    ticket's first status takes ``sla_start``'s path. The timers returned carry their
    calendar with its hours and holidays (what ``SLA_PREFETCH`` would read), by metric."""
    from ..calendar import ZERO, add_business_time
    from ..selectors_cache import cached_policy_for, cached_spec
    from .timers import _snapshot, sla_start

    at = _now(at)
    facts = ticket.sla_facts()
    policy = cached_policy_for(facts)
    if policy is None:
        return []
    if facts.status in (policy.pause_on or []):
        return sla_start(ticket=ticket, at=at, actor=actor)
    content_type = ContentType.objects.get_for_model(ticket)
    spec = cached_spec(policy.calendar_id)
    timers, rules = [], list(policy.escalations.all())
    for metric in Metric.values:
        target = policy.target(metric)
        if target is None:
            continue
        timer = SLATimer(content_type=content_type, object_id=ticket.pk, metric=metric, policy=policy,
                         calendar=policy.calendar, target=target, started_at=at, last_resumed_at=at,
                         due_at=add_business_time(spec, at, max(target, ZERO)))
        _snapshot(timer, facts)
        timer._escalations = [
            SLAEscalation(rule=rule, at_percent=rule.at_percent, notify=rule.notify, group_id=rule.group_id,
                          channels=rule.channels,
                          fire_at=add_business_time(spec, at, max(target * rule.at_percent / 100, ZERO)))
            for rule in rules if rule.metric == metric]
        timer.next_escalation_at = min((e.fire_at for e in timer._escalations), default=None)
        timers.append(timer)
    if not timers:
        return []
    SLATimer.objects.bulk_create(timers)
    escalations = []
    for timer in timers:
        for escalation in timer._escalations:
            escalation.timer = timer
            escalations.append(escalation)
    if escalations:
        SLAEscalation.objects.bulk_create(escalations)
    calendar = spec.to_json()
    SLAEvent.objects.bulk_create([
        SLAEvent(timer=timer, kind=EventKind.START, at=at, actor=actor,
                 data={"target_seconds": timer.target.total_seconds(), "policy": policy.pk, "calendar": calendar})
        for timer in timers])
    return sorted(timers, key=lambda timer: timer.metric)
