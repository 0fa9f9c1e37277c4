"""Thin tasks around the monitoring services. Each imports its service inside its body (the
project's rule: a service may then import its tasks at the top without a cycle)."""

from celery import shared_task
from django.utils.dateparse import parse_datetime


@shared_task(acks_late=True)
def release_suppressed(at: str | None = None) -> int:
    """Open the incidents of alerts a change window held back, now that the window is over
    and they still fire (beat, every ``MONITORING_RELEASE_SECONDS``). ``at`` (ISO 8601) is
    "now" for a test that moves time; returns how many alerts were released."""
    from .services import alerts_release  # tasks import their services here (see above)

    return alerts_release(at=parse_datetime(at) if at else None)
