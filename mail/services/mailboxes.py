"""Writes of the desk's mailboxes (the API and the admin go through here)."""

from __future__ import annotations

from django.db import transaction

from ..models import Mailbox

#: Fields a mailbox is written with; the IMAP bookkeeping fields are the fetcher's.
WRITABLE = ("name", "address", "protocol", "host", "port", "username", "password", "folder", "use_tls", "creates",
            "catalog_item", "default_service", "default_team", "create_contacts", "active")


@transaction.atomic
def mailbox_save(*, mailbox: Mailbox | None = None, data: dict, actor) -> Mailbox:
    """Create a mailbox (``mailbox=None``) or change one, recorded in its history with the
    actor. An empty or missing password keeps the stored one (the API never shows it, so a
    form cannot send it back)."""
    mailbox = mailbox if mailbox is not None else Mailbox()
    data = {name: value for name, value in data.items() if name in WRITABLE}
    if not data.get("password"):
        data.pop("password", None)
    for name, value in data.items():
        setattr(mailbox, name, value)
    if "address" in data:
        mailbox.address = (mailbox.address or "").strip().lower()
    mailbox.full_clean()
    mailbox._history_user = actor
    mailbox.save()
    return mailbox
