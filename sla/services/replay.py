"""Replay: a timer's state rebuilt from its event log alone, the check that the log is
complete (the property tests compare it with the live timer)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from ..calendar import ZERO, CalendarSpec, add_business_time, business_time_between
from ..choices import EventKind, TimerStatus


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
            state.breached_at = datetime.fromisoformat(data["breached_at"]) if data.get("breached_at") else at
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
