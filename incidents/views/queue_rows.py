"""What the queue's rows show beyond their columns, prepared once per page rather than by
template tags per row (issue 23: at a million incidents the queue's time was its rendering,
not its SQL — ``bench/README.md``, "`bench_incidents.py`").

- :func:`incidents.selectors.page_timers` (``sla.selectors.page_timers``): the page's SLA
  timers as plain values (``TimerValues``, no model instance) in three statements, with one
  object per calendar (its business-time rules read once per page, not once per timer);
  ``sla.selectors.clock`` and ``clock_badge`` read them as they read ``SLATimer`` objects.
- :class:`ClockCells`: each row's SLA badges, the markup of ``{% sla_clocks %}``
  (``sla/_clocks.html``) written out in Python with the page's translated words looked up
  once. ``incidents/tests/test_queue_rows.py`` renders both for every state of a clock and
  in every language, and fails the day they differ by a character.
- :class:`QueueRows`: the table's rows, the markup the ``{% for %}`` loop of
  ``incidents/_queue_results.html`` wrote, written once per page in Python: the row's
  address reversed once (a placeholder id), the column labels and the status and tier
  labels translated once, each value escaped as the template escaped it. The same test
  module holds it to that loop, kept there as the reference, byte for byte.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.formats import get_format, localize
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import template_localtime
from django.utils.translation import gettext as _

from catalog.models import Customer
from sla.templatetags.sla_tags import badges_context, clock_badge, iso_utc, metric_order

from ..models import Incident


def number_writer():
    """How the templates write an integer in the current language: ``localize`` (what a
    template variable goes through), or plain ``str`` when that is what it amounts to (no
    thousands separator: the common case, and ten times cheaper)."""
    return str if localize(1234567) == "1234567" else localize


class ClockCells:
    """The SLA badges of a page's rows, as ``{% sla_clocks ticket %}`` renders them."""

    def __init__(self, context, now=None):
        self.context = context  # the script tag is written once per request, as the tag does
        self.now = now or timezone.now()
        self.met = escape(_("met"))
        self.breached = escape(_("breached"))
        self.at_risk = escape(_("(at risk)"))
        self.head = None  # the badges' wrapper, the same on every row
        # What each badge's text and title need, looked up once a page rather than once a
        # badge: the patterns of sla_tags.business_duration, the due date's format, the words.
        self.fmt_hours = _("%(hours)d h %(minutes)02d min")
        self.fmt_minutes = _("%(minutes)d min")
        self.due_format = get_format("DATETIME_FORMAT")  # what date_format(…, "DATETIME_FORMAT") uses
        self.due = _("Due %(due)s")
        self.overdue = _("overdue %(duration)s")
        self.paused = _("paused, %(duration)s left")
        self.number = number_writer()

    def __call__(self, timers) -> str:
        clocks = [clock_badge(timer, self.now) for timer in sorted(timers, key=metric_order)]
        if not clocks:
            return ""
        script = ""
        if self.head is None:  # the first row with clocks: the script tag (once per request), the formats
            page = badges_context(self.context, clocks, self.now)
            script = page["script"]
            self.head = (
                f'<span class="sla-clocks" data-now="{localize(page["now"])}" '
                f'data-fmt-hours="{escape(page["fmt_hours"])}" '
                f'data-fmt-minutes="{escape(page["fmt_minutes"])}" '
                f'data-text-breached="{self.breached}" data-text-at-risk="{self.at_risk}">'
            )
        elif self.context.get("request") is None:  # without a request the tag writes it every time
            script = badges_context(self.context, clocks, self.now)["script"]
        out = [self.head]
        for c in clocks:
            out.append(
                f'\n<span class="sla-clock sla-clock-{escape(c["state"])}" data-testid="sla-clock" '
                f'data-metric="{escape(c["timer"].metric)}" data-state="{escape(c["state"])}" '
                f'data-due="{escape(iso_utc(c["due_at"]))}" data-target="{self.number(c["target"])}" '
                f'data-remaining="{self.number(c["remaining"])}"'
            )
            if c["running"]:
                out.append(f' data-running data-windows="{escape(c["windows"])}"')
            if c["due_at"]:
                due = escape(dateformat.format(template_localtime(c["due_at"]), self.due_format))
                out.append(f' title="{self.due % {"due": due}}"')
            out.append(
                f'>\n<span class="sla-clock-metric">{escape(c["metric"])}</span>\n'
                f'<span class="sla-clock-value">{self.value(c)}</span>\n</span>'
            )
        out.append(f"</span>{script}")
        return mark_safe("".join(out))  # noqa: S308 — every value above is escaped

    def duration(self, seconds) -> str:
        """``sla_tags.business_duration`` with the page's patterns."""
        try:
            total = int(seconds)
        except (TypeError, ValueError):
            return ""
        hours, minutes = divmod(max(total, 0) // 60, 60)
        if hours:
            return self.fmt_hours % {"hours": hours, "minutes": minutes}
        return self.fmt_minutes % {"minutes": minutes}

    def value(self, c: dict) -> str:
        state = c["state"]
        if state == "met":
            return self.met
        if state == "breached":
            if c["overdue"] is None:
                return self.breached
            return self.overdue % {"duration": escape(self.duration(c["overdue"]))}
        if state == "paused":
            return self.paused % {"duration": escape(self.duration(c["remaining"]))}
        shown = f'<bdi class="sla-clock-time">{escape(self.duration(c["remaining"]))}</bdi>'
        if state == "warning":
            shown += f'<span class="visually-hidden"> {self.at_risk}</span>'
        return shown


class QueueRows:
    """The queue's rows as the ``{% for i in object_list %}`` loop of
    ``incidents/_queue_results.html`` wrote them (the template writes ``QueueRows(...)(rows)``
    in its place): ``shown`` the shown columns' names, ``timers`` the page's
    (:func:`incidents.selectors.page_timers`; only read with the SLA column shown)."""

    def __init__(self, request, shown, now=None):
        self.shown = shown
        self.clocks = ClockCells({"request": request}, now) if "sla" in shown else None
        # reversed once with a placeholder id: each row's address is the prefix and its id
        self.detail = escape(reverse("incidents:detail", args=[0]).removesuffix("0/"))
        self.tick = _("Tick %(number)s")
        self.duplicate = _("duplicate of %(number)s")
        self.statuses = {value: escape(label) for value, label in Incident._meta.get_field("status").flatchoices}
        self.tiers = {value: escape(label) for value, label in Customer._meta.get_field("tier").flatchoices}
        self.labels = {
            name: escape(label)
            for name, label in (
                ("priority", _("Priority")),
                ("status", _("Status")),
                ("service", _("Service")),
                ("customer", _("Customer")),
                ("assignee", _("Assignee")),
                ("sla", _("SLA")),
            )
        }
        self.nobody = escape(_("nobody"))
        self.number = number_writer()

    def __call__(self, rows, timers=None) -> SafeString:
        timers = timers or {}
        return mark_safe("".join(self.row(row, timers) for row in rows))  # noqa: S308 — every value is escaped

    def row(self, i, timers) -> str:
        shown, labels, pk = self.shown, self.labels, self.number(i.pk)
        number, url = escape(i.number), f"{self.detail}{pk}/"
        out = [
            f'\n      <tr data-testid="queue-row" data-number="{number}" data-row>\n'
            f'        <td class="inc-check"><input type="checkbox" name="bulk-ids" value="{pk}" id="pick-{pk}" '
            f'aria-label="{self.tick % {"number": number}}"></td>\n'
            f'        <th scope="row" class="inc-num"><a href="{url}" data-row-link>{number}</a></th>\n'
            f'        <td class="inc-title"><a href="{url}"><bdi>{escape(i.title)}</bdi></a>'
        ]
        parent = i.parent
        if parent:
            out.append(f' <small class="muted">{self.duplicate % {"number": escape(parent.number)}}</small>')
        out.append("</td>\n        ")
        if "priority" in shown:
            priority = self.number(i.priority)
            out.append(
                f'<td class="inc-c-priority" data-label="{labels["priority"]}"><span class="inc-priority '
                f'inc-p{priority}">P{priority}</span></td>'
            )
        out.append("\n        ")
        if "status" in shown:
            status = i.status
            label = self.statuses[status] if status in self.statuses else escape(status)
            out.append(
                f'<td class="inc-c-status" data-label="{labels["status"]}"><span class="inc-status '
                f'inc-status-{escape(status)}">{label}</span></td>'
            )
        out.append("\n        ")
        if "service" in shown:
            service = i.service
            name = f"<bdi>{escape(service.name)}</bdi>" if service else "—"
            out.append(f'<td class="inc-c-service" data-label="{labels["service"]}">{name}</td>')
        out.append("\n        ")
        if "customer" in shown:
            customer = i.customer
            if customer:
                tier = customer.tier
                label = self.tiers[tier] if tier in self.tiers else escape(tier)
                cell = (
                    f'<bdi>{escape(customer.name)}</bdi> <span class="tier tier-{escape(tier)}" '
                    f'data-testid="tier">{label}</span>'
                )
            else:
                cell = "—"
            out.append(f'<td class="inc-c-customer" data-label="{labels["customer"]}">{cell}</td>')
        out.append("\n        ")
        if "assignee" in shown:
            assignee, team = i.assignee, i.team
            cell = (
                f"<bdi>{escape(assignee.get_full_name() or assignee.username)}</bdi>"
                if assignee
                else f'<span class="muted">{self.nobody}</span>'
            )
            if team:
                cell += f'<br><small class="muted"><bdi>{escape(team.name)}</bdi></small>'
            out.append(f'<td class="inc-c-assignee" data-label="{labels["assignee"]}">{cell}</td>')
        out.append("\n        ")
        if "sla" in shown:
            out.append(f'<td class="inc-c-sla" data-label="{labels["sla"]}">{self.clocks(timers.get(i.pk, ()))}</td>')
        out.append("\n      </tr>\n    ")
        return "".join(out)
