from celery import shared_task

from .services import incidents_auto_close


@shared_task(acks_late=True)
def auto_close() -> int:
    """Close incidents resolved more than INCIDENT_AUTOCLOSE_DAYS ago."""
    return incidents_auto_close()


@shared_task(acks_late=True)
def detect_spikes() -> int:
    """Evaluate every spike rule now (beat, every SPIKE_SWEEP_SECONDS); returns alerts raised."""
    from .services import detect_spikes as detect

    return len(detect())


@shared_task(acks_late=True)
def remind_updates() -> int:
    """Remind communications leads of major incidents with no recent stakeholder update."""
    from .services import major_incident_remind_updates

    return major_incident_remind_updates()
