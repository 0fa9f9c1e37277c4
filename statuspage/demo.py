"""The status page part of ``manage.py seed_demo``: an upcoming maintenance window and one
confirmed subscriber (the mail to subscribers then shows in the console backend).
Idempotent: the window is found again by its source, the subscriber by address."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from catalog.models import Service

from . import services
from .models import Subscriber

DEMO_SUBSCRIBER = "status-watcher@example.test"


@transaction.atomic
def seed() -> dict:
    start = (timezone.now() + timedelta(days=3)).replace(hour=22, minute=0, second=0, microsecond=0)
    window = services.maintenance_schedule(
        title="Mailbox storage upgrade", services=Service.objects.filter(name="Email"), starts_at=start,
        ends_at=start + timedelta(hours=2), source="demo:mail-storage",
        description="Mailboxes may be slow to open; no mail is lost. Outbound mail is queued and sent afterwards.")
    subscriber = Subscriber.objects.filter(email=DEMO_SUBSCRIBER).first()
    if subscriber is None:
        subscriber = services.subscriber_subscribe(email=DEMO_SUBSCRIBER)
        services.subscriber_confirm(token=subscriber.confirm_token)
    return {"maintenance": [window], "subscribers": [subscriber]}


def seed_demo(context: dict) -> None:
    """``manage.py seed_demo``'s step: the maintenance window and a subscriber."""
    seed()
