"""The history timeline builder: a record's django-simple-history rows as lines people read
(who, when, why, and what changed, old → new), and the timeline's filter (``?show=``): which
kinds of lines a ticket page shows, with a count per kind on its chips.

A ticket page builds every entry (a fixed number of queries whatever it shows), then
``filter_timeline`` keeps those of the chosen kinds: notes, customer messages, changes, SLA
events and deliveries. By default notes, messages and changes; an unknown kind in the URL is
ignored."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


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

    @property
    def group(self) -> str:
        """The filter chip this line belongs to (``TIMELINE_KINDS``)."""
        if self.kind == "note":
            return "notes" if self.internal else "messages"
        return KIND_GROUPS.get(self.kind, "changes")


#: The timeline's filter chips, in the order shown: the ``?show=`` value and its label.
TIMELINE_KINDS = {
    "notes": gettext_lazy("Notes"),
    "messages": gettext_lazy("Customer messages"),
    "changes": gettext_lazy("Changes"),
    "sla": gettext_lazy("SLA"),
    "deliveries": gettext_lazy("Deliveries"),
}
#: What a ticket page shows when the URL chooses nothing: the conversation and the changes,
#: not every SLA tick and notification sent.
DEFAULT_SHOWN = ("notes", "messages", "changes")
#: Entry kinds (other than notes: internal ones are notes, public ones messages) and their chip;
#: any other kind (a change, an attachment, an approval, a task...) is a change.
KIND_GROUPS = {"message": "messages", "comment": "messages", "email": "messages", "sla": "sla",
               "delivery": "deliveries"}
SHOW_PARAM = "show"


@dataclass
class Chip:
    """One filter chip: its kind, label, how many lines of that kind, whether shown, and the
    address that toggles it."""

    key: str
    label: Any
    count: int
    active: bool
    url: str


@dataclass
class TimelineFilter:
    """The shown entries and the chips above them (``core/_timeline.html``)."""

    entries: list
    chips: list
    shown: tuple
    is_default: bool
    default_url: str
    all_url: str
    total: int


def shown_kinds(raw: str | None) -> tuple:
    """The kinds ``?show=`` asks for (comma-separated, unknown ones ignored), in chip order;
    the default when it names none."""
    asked = {part.strip() for part in (raw or "").split(",")}
    shown = tuple(key for key in TIMELINE_KINDS if key in asked)
    return shown or DEFAULT_SHOWN


def _url(path: str, params: QueryDict, kinds: Iterable[str] | None) -> str:
    query = params.copy()
    query.pop(SHOW_PARAM, None)
    if kinds is not None:
        query[SHOW_PARAM] = ",".join(kinds)
    encoded = query.urlencode(safe=",")
    return f"{path}?{encoded}" if encoded else path


def filter_timeline(entries: Iterable[Entry], request=None, *, raw: str | None = None,
                    path: str = "", params: QueryDict | None = None) -> TimelineFilter:
    """Keep the entries of the kinds ``?show=`` names (``request.GET`` or ``raw``), count each
    kind, and give each chip the address that toggles it (the page's own, keeping its other
    parameters). Pure Python over the built entries: no query, whatever is shown."""
    if request is not None:
        params, path = request.GET, request.path
        raw = ",".join(params.getlist(SHOW_PARAM))
    params = params if params is not None else QueryDict()
    entries = list(entries)
    shown = shown_kinds(raw)
    counts = dict.fromkeys(TIMELINE_KINDS, 0)
    for entry in entries:
        counts[entry.group] += 1
    chips = []
    for key, label in TIMELINE_KINDS.items():
        active = key in shown
        toggled = [k for k in TIMELINE_KINDS if (k in shown) != (k == key)]
        chips.append(Chip(key=key, label=label, count=counts[key], active=active,
                          url=_url(path, params, toggled if toggled else DEFAULT_SHOWN)))
    return TimelineFilter(entries=[e for e in entries if e.group in shown], chips=chips, shown=shown,
                          is_default=shown == DEFAULT_SHOWN, default_url=_url(path, params, None),
                          all_url=_url(path, params, TIMELINE_KINDS), total=len(entries))


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
