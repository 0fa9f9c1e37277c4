"""Thin tasks around the incidents services. Each imports its service inside its body, the
one rule for tasks: a service may then import its tasks at the top without a cycle."""

from celery import shared_task


@shared_task(acks_late=True)
def auto_close() -> int:
    """Close incidents resolved more than INCIDENT_AUTOCLOSE_DAYS ago."""
    from .services import incidents_auto_close  # tasks import their services here (see above)

    return incidents_auto_close()


@shared_task(acks_late=True)
def detect_spikes() -> int:
    """Evaluate every spike rule now (beat, every SPIKE_SWEEP_SECONDS); returns alerts raised."""
    from .services import detect_spikes as detect  # tasks import their services here (see above)

    return len(detect())


@shared_task(acks_late=True)
def remind_updates() -> int:
    """Remind communications leads of major incidents with no recent stakeholder update."""
    from .services import major_incident_remind_updates  # tasks import their services here (see above)

    return major_incident_remind_updates()


@shared_task(acks_late=True)
def linked_resolved(incident_ids: list[int], actor_id: int | None) -> int:
    """The incidents resolved with their master (one task for all of them, queued after the
    resolution committed): each requester told, ``incident_resolved`` sent for each."""
    from .services import incidents_tell_resolved  # tasks import their services here (see above)

    return incidents_tell_resolved(incident_ids=incident_ids, actor_id=actor_id)
