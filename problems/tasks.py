"""Thin tasks around the problems services; each imports its service inside its body (the
one rule for tasks), so a service may import its tasks at the top without a cycle."""

from celery import shared_task


@shared_task(acks_late=True, autoretry_for=(Exception,), max_retries=3, retry_backoff=True)
def check_recurrence(incident_id: int) -> int:
    """Flag resolved problems whose signature came back with this incident."""
    from . import services  # tasks import their services here (see above)

    return len(services.problem_check_recurrence(incident=incident_id))


@shared_task(acks_late=True)
def trend_sweep() -> int:
    """Propose problems for clusters of recurring incidents (beat, hourly)."""
    from . import services  # tasks import their services here (see above)

    return len(services.trend_sweep())
