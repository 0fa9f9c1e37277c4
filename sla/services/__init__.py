"""Every write to SLA timers, calendars and policies, by concern: ``timers`` (the service
API for ticket apps: start, pause, resume, stop, reopen, retarget), ``sweep`` (breaches,
escalations and their notifications), ``config`` (calendars and policies), ``replay`` (a
timer's state from its event log), ``bulk`` (a new ticket's timers, many tickets' at once). The
names are re-exported here, so callers write ``services.sla_start(...)``."""

from .bulk import START_ON_MODEL_PATH, sla_plan_new, sla_start_new, sla_stop_many
from .config import calendar_save, policy_save
from .replay import ReplayedState, timer_replay
from .sweep import NOTIFY_CHUNK, REQUEUE_AFTER, SweepResult, escalation_notify, requeue_unnotified, sla_sweep
from .timers import (
    sla_pause,
    sla_reopen,
    sla_resume,
    sla_retarget,
    sla_start,
    sla_status_changed,
    sla_stop,
)

__all__ = [
    "NOTIFY_CHUNK", "REQUEUE_AFTER", "START_ON_MODEL_PATH", "ReplayedState", "SweepResult", "calendar_save",
    "escalation_notify", "policy_save", "requeue_unnotified", "sla_pause", "sla_plan_new", "sla_reopen", "sla_resume",
    "sla_retarget", "sla_start", "sla_start_new", "sla_status_changed", "sla_stop", "sla_stop_many", "sla_sweep",
    "timer_replay",
]
