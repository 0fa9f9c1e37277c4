from django.utils.translation import gettext as _

from core.pages.history import Entry, person

from .models import Delivery, Notification


def unread_count(user) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


def notifications_for(user):
    if not getattr(user, "is_authenticated", False):
        return Notification.objects.none()
    return Notification.objects.filter(user=user)


def delivery_entries(related: str, limit: int) -> list[Entry]:
    """A ticket's deliveries (``related`` as ``notify()`` names it: ``"<app>.<model>:<pk>"``) as
    timeline lines, newest first, at most ``limit``; one query."""
    deliveries = (Delivery.objects.filter(related=related).select_related("user")
                  .order_by("-created_at", "-id")[:limit])
    entries = []
    for delivery in deliveries:
        to = person(delivery.user) if delivery.user else delivery.recipient
        title = _("%(channel)s to %(to)s (%(status)s)") % {
            "channel": delivery.get_channel_display(), "to": to, "status": delivery.get_status_display().lower()}
        entries.append(Entry(at=delivery.created_at, kind="delivery", title=title, body=delivery.subject, order=3))
    return entries
