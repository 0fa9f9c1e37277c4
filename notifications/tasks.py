"""Thin tasks: take ids, call a service, retry with limits. A task imports its service
inside its body: the services import these tasks at the top (to queue them)."""

from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from .choices import DeliveryStatus
from .models import Delivery


@shared_task(bind=True, acks_late=True, max_retries=None)
def deliver(self, delivery_id: int) -> str:
    from .services import Outcome, delivery_send  # the services import this module

    outcome = delivery_send(delivery_id=delivery_id)
    if outcome == Outcome.RETRY:
        # 30 s, 60 s, 120 s ... capped at 15 minutes; the attempt count on the row is the limit.
        delay = min(30 * 2 ** self.request.retries, 900)
        raise self.retry(countdown=delay, max_retries=settings.NOTIFICATIONS_MAX_ATTEMPTS)
    return outcome


@shared_task(acks_late=True)
def deliver_batch(delivery_ids: list[int]) -> int:
    """Send many queued deliveries (one ``notify_each`` call's): each exactly once, as
    ``deliver`` does; one the provider refused now is handed to ``deliver`` and its retries.
    Run twice (a worker lost mid-batch), it sends only what is still queued."""
    from .services import Outcome, delivery_send  # the services import this module

    sent = 0
    for delivery_id in delivery_ids:
        outcome = delivery_send(delivery_id=delivery_id)
        if outcome == Outcome.RETRY:
            deliver.apply_async((delivery_id,), countdown=30)
        sent += outcome == Outcome.SENT
    return sent


@shared_task(acks_late=True)
def retry_stuck_deliveries(older_than_seconds: int = 600) -> int:
    """Re-queue deliveries still queued long after creation (a lost broker message).

    Safe to overlap with the original task: ``delivery_send`` sends each one once."""
    cutoff = timezone.now() - timedelta(seconds=older_than_seconds)
    ids = list(
        Delivery.objects.filter(Q(status=DeliveryStatus.QUEUED) & Q(created_at__lt=cutoff))
        .values_list("pk", flat=True)[:1000]
    )
    for delivery_id in ids:
        deliver.delay(delivery_id)
    return len(ids)
