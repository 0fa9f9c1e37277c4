"""Thin tasks around IMAP polling. Each imports its service inside its body, the one rule
for tasks: a service may then import its tasks at the top without a cycle.

Both are safe to run twice or late: a second run of a mailbox that is being fetched returns
at once (the fetch lock), and a message fetched twice is a ``duplicate``."""

from celery import shared_task
from django.conf import settings


@shared_task(acks_late=True)
def fetch_all() -> int:
    """Beat, every MAIL_FETCH_SECONDS: one ``fetch_mailbox`` task per active IMAP mailbox,
    so several workers poll several mailboxes at once. Returns how many were queued."""
    from .imap import mailboxes_to_fetch  # tasks import their services here (see above)

    ids = mailboxes_to_fetch()
    for mailbox_id in ids:
        # A poll that could not start before the next one is due is dropped: that one covers it.
        fetch_mailbox.apply_async((mailbox_id,), expires=settings.MAIL_FETCH_SECONDS)
    return len(ids)


@shared_task(acks_late=True)
def fetch_mailbox(mailbox_id: int) -> dict:
    """Fetch one mailbox's new messages now (beat through ``fetch_all``, the API's ``fetch``).
    A mail server's failure is recorded on the mailbox (``last_error``), not raised."""
    from .imap import mailbox_fetch  # tasks import their services here (see above)

    return mailbox_fetch(mailbox=mailbox_id).as_dict()
