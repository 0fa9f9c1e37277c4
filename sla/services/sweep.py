"""The sweep: breaches and due escalations found by one indexed, set-based query per batch
(``sla_sweep``, run by Celery beat), and the notifications of fired escalations, queued
after commit in chunks and re-queued when a worker lost them."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F, OuterRef, Subquery
from django.utils import timezone

from catalog.models import Team
from notifications.services import notify

from ..choices import TimerStatus
from ..events import escalations_fired, timers_breached
from ..models import SLAEscalation, SLATimer
from ..protocol import SLAFacts
from ..tasks import fire_escalations
from .timers import _now

logger = logging.getLogger(__name__)


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
            batch_breached = _sweep_breaches(now, batch)
        with transaction.atomic():
            batch_escalated = _sweep_escalations(now, batch)
        breached, escalated = breached + batch_breached, escalated + batch_escalated
        if batch_breached < batch and batch_escalated < batch:
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
    timers_breached(due, swept_at=now)
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
    escalations_fired(rows, fired_at=now)
    transaction.on_commit(lambda: _queue_notifications(ids))
    return len(ids)


#: Escalations per notification task: one broker message per chunk, not per escalation.
NOTIFY_CHUNK = 100
#: A fired escalation whose notifications were not queued after this long is queued again.
REQUEUE_AFTER = timedelta(minutes=5)


def _queue_notifications(ids: list[int]) -> None:
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
    elif escalation.notify == "requester" and facts.requester_ids:
        recipients = list(get_user_model().objects.filter(pk__in=facts.requester_ids, is_active=True))
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
    template, url = "sla-escalation", ticket.get_absolute_url()
    if escalation.notify == "requester":  # plain words, and the page the requester may open
        template = "sla-requester-late"
        url = getattr(ticket, "sla_requester_url", ticket.get_absolute_url)()
    with transaction.atomic():
        deliveries = notify(recipients, template, context, escalation.channels or ["in_app"],
                            idempotency_key=f"sla-escalation:{escalation.pk}",
                            related=f"{ct.app_label}.{ct.model}:{timer.object_id}", url=url)
        _mark_notified(escalation.pk)
    return len(deliveries)


def _mark_notified(escalation_id: int) -> None:
    SLAEscalation.objects.filter(pk=escalation_id, notified_at__isnull=True).update(notified_at=timezone.now())
