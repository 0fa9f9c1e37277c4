"""The SLA timers' event log, written here only: every row a timer's history (and its
replay, ``sla.services.replay``) is built from."""

from __future__ import annotations

from datetime import datetime

from .choices import EventKind
from .models import SLAEvent, SLATimer


def timer_event(timer: SLATimer, kind: str, at: datetime, actor=None, **data) -> SLAEvent:
    return SLAEvent.objects.create(timer=timer, kind=kind, at=at, actor=actor, data=data)


def timers_breached(due: list[tuple[int, datetime]], *, swept_at: datetime) -> None:
    """One breach row per ``(timer id, due instant)`` the sweep marked breached."""
    SLAEvent.objects.bulk_create([
        SLAEvent(timer_id=timer_id, kind=EventKind.BREACH, at=due_at, data={"breached_at": due_at.isoformat(),
                                                                            "swept_at": swept_at.isoformat()})
        for timer_id, due_at in due
    ])


def escalations_fired(rows: list[tuple[int, int, datetime, int]], *, fired_at: datetime) -> None:
    """One escalation row per ``(escalation id, timer id, fire_at, at_percent)`` the sweep fired."""
    SLAEvent.objects.bulk_create([
        SLAEvent(timer_id=timer_id, kind=EventKind.ESCALATION, at=fire_at,
                 data={"escalation": esc_id, "at_percent": pct, "fired_at": fired_at.isoformat()})
        for esc_id, timer_id, fire_at, pct in rows
    ])
