from celery import shared_task

from .services import incidents_auto_close


@shared_task(acks_late=True)
def auto_close() -> int:
    """Close incidents resolved more than INCIDENT_AUTOCLOSE_DAYS ago."""
    return incidents_auto_close()
