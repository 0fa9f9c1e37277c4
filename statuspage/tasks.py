"""Thin Celery tasks: they take ids and call :mod:`statuspage.services`, which makes them
safe to run twice or late. A mail server that fails is retried with a growing delay. Each
imports the services inside its body: the services import these tasks at the top."""

from smtplib import SMTPException

from celery import shared_task

RETRY = {"autoretry_for": (SMTPException, OSError), "retry_backoff": 30, "retry_backoff_max": 900,
         "max_retries": 8}


@shared_task(bind=True, acks_late=True, **RETRY)
def notify_subscribers(self, update_id: int) -> int:
    """Mail a public stakeholder update to the subscribers of its services; returns how many.
    Notices another worker still holds are looked at again when their lease runs out (if
    that worker died, this run sends them)."""
    from . import services  # the services import this module (to queue it)

    sent = services.subscribers_notify(update_id=update_id)
    wait = services.subscriber_notices_waiting(update_id=update_id)
    if wait is not None:
        raise self.retry(countdown=wait)
    return sent


@shared_task(acks_late=True, **RETRY)
def send_confirmation(subscriber_id: int) -> bool:
    """Mail the double opt-in link to a new (or returning) subscriber."""
    from . import services  # the services import this module (to queue it)

    return services.confirmation_send(subscriber_id=subscriber_id)


@shared_task(bind=True, acks_late=True, **RETRY)
def notify_maintenance(self, maintenance_id: int) -> int:
    """Mail a scheduled maintenance window to the subscribers of its services; returns how
    many (notices another worker holds: as :func:`notify_subscribers`)."""
    from . import services  # the services import this module (to queue it)

    sent = services.maintenance_notify(maintenance_id=maintenance_id)
    wait = services.maintenance_notices_waiting(maintenance_id=maintenance_id)
    if wait is not None:
        raise self.retry(countdown=wait)
    return sent


@shared_task(acks_late=True, autoretry_for=(Exception,), max_retries=5, retry_backoff=True)
def sync_change_maintenance(change_id: int) -> int | None:
    """Publish (or withdraw) a change's projected outage, then tell the subscribers."""
    from . import services  # the services import this module (to queue it)

    window = services.change_maintenance_sync(change_id=change_id)
    if window is None:
        return None
    notify_maintenance.delay(window.pk)
    return window.pk
