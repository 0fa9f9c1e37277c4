"""The contact-center floor as it is now, for the wallboard: a read of the live call log
and agent states (not the rollups), in three queries."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.db.models import Count, F, IntegerField, Min, Q, Value
from django.db.models.functions import Coalesce
from django.db.models.lookups import LessThanOrEqual
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from contactcenter.choices import AgentStateChoice, CallOutcome
from contactcenter.models import AgentState, Call, Queue

from . import staffing

#: Answer-time target for calls that reached no named queue (the queues' own default).
DEFAULT_SERVICE_LEVEL_SECONDS = 20


@dataclass
class QueueFigures:
    """One queue's line on the wallboard (or the floor's total)."""

    name: str
    service_level_seconds: int | None
    queue_id: int | None = None  #: None for "no queue" and the floor's total
    waiting: int = 0
    oldest_queued_at: datetime | None = None
    offered: int = 0
    answered: int = 0
    answered_in_time: int = 0
    abandoned: int = 0
    now: datetime = field(default_factory=timezone.now)
    #: The wallboard's colour of each figure (``thresholds.levels_of``), set by the page.
    levels: dict[str, str] = field(default_factory=dict)

    @property
    def longest_wait_seconds(self) -> int | None:
        if self.oldest_queued_at is None:
            return None
        return max(0, int((self.now - self.oldest_queued_at).total_seconds()))

    @property
    def longest_wait_display(self) -> str:
        """``m:ss`` (``h:mm:ss`` past an hour); an em dash when nobody waits."""
        seconds = self.longest_wait_seconds
        if seconds is None:
            return "—"
        hours, rest = divmod(seconds, 3600)
        return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"

    @property
    def service_level(self) -> float | None:
        return self.answered_in_time / self.offered if self.offered else None

    @property
    def abandonment_rate(self) -> float | None:
        return self.abandoned / self.offered if self.offered else None

    def add(self, other: QueueFigures) -> None:
        self.waiting += other.waiting
        self.offered += other.offered
        self.answered += other.answered
        self.answered_in_time += other.answered_in_time
        self.abandoned += other.abandoned
        if other.oldest_queued_at and (self.oldest_queued_at is None or other.oldest_queued_at < self.oldest_queued_at):
            self.oldest_queued_at = other.oldest_queued_at


def floor_now(*, now: datetime | None = None) -> dict:
    """The wallboard's figures, in three queries.

    - waiting: in a queue, with no agent, not ended; the longest wait is the oldest of them;
    - today (inbound calls started since midnight in the current time zone that reached a
      queue), the definitions of the KPI rollups (docs/kpis.md): offered leaves out callers
      who abandoned within ``KPI_ABANDON_GRACE_SECONDS`` (default 5: they were not really
      offered); service level = answered within the queue's ``service_level_seconds`` ÷
      offered; abandonment = abandoned (after the grace) ÷ offered. Calls still waiting are
      offered and not yet answered, so a long queue shows in the service level at once;
    - agents by state, from ``AgentState``.
    """
    now = now or timezone.now()
    grace = getattr(settings, "KPI_ABANDON_GRACE_SECONDS", 5)
    day_start, _day_end = staffing.day_bounds(timezone.localdate(now))
    waiting = Q(queued_at__isnull=False, agent__isnull=True, ended_at__isnull=True)
    today = Q(direction="inbound", started_at__gte=day_start, started_at__lte=now, queued_at__isnull=False)
    unanswered_abandon = Q(answered_at__isnull=True, outcome=CallOutcome.ABANDONED)
    offered = today & ~(unanswered_abandon & Q(wait_seconds__lt=grace))
    answered = today & Q(answered_at__isnull=False)
    target = Coalesce(F("queue__service_level_seconds"), Value(DEFAULT_SERVICE_LEVEL_SECONDS),
                      output_field=IntegerField())
    in_time = answered & Q(LessThanOrEqual(Coalesce(F("wait_seconds"), Value(0)), target))
    rows = (Call.objects.filter(waiting | today).order_by().values("queue_id")
            .annotate(waiting=Count("id", filter=waiting), oldest=Min("queued_at", filter=waiting),
                      offered=Count("id", filter=offered), answered=Count("id", filter=answered),
                      in_time=Count("id", filter=in_time), abandoned=Count("id", filter=offered & unanswered_abandon)))
    by_queue = {row["queue_id"]: row for row in rows}
    lines = []
    for queue in Queue.objects.only("id", "name", "service_level_seconds").order_by("name"):
        figures = QueueFigures(name=queue.name, service_level_seconds=queue.service_level_seconds, now=now,
                               queue_id=queue.pk)
        if queue.pk in by_queue:
            _fill(figures, by_queue[queue.pk])
        lines.append(figures)
    if None in by_queue:  # calls that reached no named queue
        other = QueueFigures(name=str(_("No queue")), service_level_seconds=DEFAULT_SERVICE_LEVEL_SECONDS, now=now)
        _fill(other, by_queue[None])
        lines.append(other)
    total = QueueFigures(name=str(_("All queues")), service_level_seconds=None, now=now)
    for line in lines:
        total.add(line)
    states = dict(AgentState.objects.order_by().values_list("state").annotate(n=Count("id")))
    agents = [{"state": value, "label": label, "count": states.get(value, 0)}
              for value, label in AgentStateChoice.choices]
    return {"queues": lines, "total": total, "agents": agents,
            "logged_in": sum(a["count"] for a in agents if a["state"] != AgentStateChoice.OFFLINE), "now": now}


def _fill(figures: QueueFigures, row: dict) -> None:
    figures.waiting, figures.oldest_queued_at = row["waiting"], row["oldest"]
    figures.offered, figures.answered = row["offered"], row["answered"]
    figures.answered_in_time, figures.abandoned = row["in_time"], row["abandoned"]
