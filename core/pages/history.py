"""The history timeline builder: a record's django-simple-history rows as lines people read
(who, when, why, and what changed, old → new)."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.utils.translation import gettext as _


@dataclass
class Entry:
    """One line of a timeline."""

    at: datetime
    kind: str = "change"  # change, note, sla, delivery, attachment, approval, task...
    who: Any = None
    title: str = ""
    body: str = ""
    reason: str = ""
    changes: list = field(default_factory=list)  # (field label, old, new)
    internal: bool = False
    order: int = 0  # among entries at the same moment


def person(user) -> str:
    """A person's name as pages show it ("" for nobody)."""
    return (user.get_full_name() or user.get_username()) if user is not None else ""


def history_records(record, limit: int) -> list:
    """The record's newest ``limit`` history rows, newest first, with who made them."""
    return list(record.history.select_related("history_user").order_by("-history_date", "-history_id")[:limit])


def history_timeline(records: Iterable, *, model, tracked: Iterable[str], shown: Callable[[str, Any], str],
                    title: Callable[[Any, str], str], edited_only: Iterable[str] = (), echoes: bool = False,
                    at: Callable[[Any], datetime] | None = None) -> list[Entry]:
    """One entry per saved change (``records`` oldest first), oldest first.

    Each change of a ``tracked`` field (``owner_id`` for a foreign key) is (its verbose name,
    ``shown(name, old)``, ``shown(name, new)``); a long text in ``edited_only`` just says it
    was edited. A save that changed nothing tracked, with no reason beyond "edited", is left
    out; with ``echoes``, so is a save that repeats the previous one's reason (setting
    many-to-many links saves a copy with the same reason). ``title(record, reason)`` names
    the line; ``at(record)`` when it happened (default: when it was saved)."""
    edited_only = set(edited_only)
    entries, previous = [], None
    for record in records:
        changes = []
        if record.history_type == "~" and previous is not None:
            for name in tracked:
                old, new = getattr(previous, name), getattr(record, name)
                if old != new:
                    label = model._meta.get_field(name.removesuffix("_id")).verbose_name
                    if name in edited_only:
                        changes.append((label, "", _("edited")))
                    else:
                        changes.append((label, shown(name, old), shown(name, new)))
        reason = record.history_change_reason or ""
        echo = echoes and previous is not None and reason == (previous.history_change_reason or "") and not changes
        previous = record
        if record.history_type == "~" and (echo or (not changes and reason in ("", "edited"))):
            continue  # a save that changed nothing shown here (the number, timestamps, links)
        entries.append(Entry(at=at(record) if at else record.history_date, who=record.history_user,
                             title=title(record, reason), reason=reason, changes=changes))
    return entries
