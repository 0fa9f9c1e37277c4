from celery import shared_task

from . import services


@shared_task(acks_late=True, autoretry_for=(Exception,), max_retries=3, retry_backoff=True)
def check_recurrence(incident_id: int) -> int:
    """Flag resolved problems whose signature came back with this incident."""
    return len(services.problem_check_recurrence(incident=incident_id))


@shared_task(acks_late=True)
def trend_sweep() -> int:
    """Propose problems for clusters of recurring incidents (beat, hourly)."""
    return len(services.trend_sweep())
