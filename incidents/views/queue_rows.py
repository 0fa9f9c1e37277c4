"""What the queue's rows show beyond their columns, prepared once per page rather than by
template tags per row (issue 23: at a million incidents the queue's time was its rendering,
not its SQL — ``bench/README.md``, "`bench_incidents.py`").

- :func:`incidents.selectors.page_timers`: the page's SLA timers in the queries
  ``sla.selectors.SLA_PREFETCH`` makes, without a queryset built per row and with one
  object per calendar (its business-time rules read once per page, not once per timer).
- :class:`ClockCells`: each row's SLA badges, the markup of ``{% sla_clocks %}``
  (``sla/_clocks.html``) written out in Python with the page's translated words looked up
  once. ``incidents/tests/test_queue_rows.py`` renders both for every state of a clock and
  in every language, and fails the day they differ by a character.
"""

from __future__ import annotations

from django.utils import timezone
from django.utils.formats import date_format, localize
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.timezone import template_localtime
from django.utils.translation import gettext as _

from sla.templatetags.sla_tags import _badges, _metric_order, business_duration, clock_badge, iso_utc


class ClockCells:
    """The SLA badges of a page's rows, as ``{% sla_clocks ticket %}`` renders them."""

    def __init__(self, context, now=None):
        self.context = context  # the script tag is written once per request, as the tag does
        self.now = now or timezone.now()
        self.met = escape(_("met"))
        self.breached = escape(_("breached"))
        self.at_risk = escape(_("(at risk)"))
        self.head = None  # the badges' wrapper, the same on every row

    def __call__(self, timers) -> str:
        clocks = [clock_badge(timer, self.now) for timer in sorted(timers, key=_metric_order)]
        if not clocks:
            return ""
        script = ""
        if self.head is None:  # the first row with clocks: the script tag (once per request), the formats
            page = _badges(self.context, clocks, self.now)
            script = page["script"]
            self.head = (f'<span class="sla-clocks" data-now="{localize(page["now"])}" '
                         f'data-fmt-hours="{escape(page["fmt_hours"])}" '
                         f'data-fmt-minutes="{escape(page["fmt_minutes"])}" '
                         f'data-text-breached="{self.breached}" data-text-at-risk="{self.at_risk}">')
        elif self.context.get("request") is None:  # without a request the tag writes it every time
            script = _badges(self.context, clocks, self.now)["script"]
        out = [self.head]
        for c in clocks:
            out.append(f'\n<span class="sla-clock sla-clock-{escape(c["state"])}" data-testid="sla-clock" '
                       f'data-metric="{escape(c["timer"].metric)}" data-state="{escape(c["state"])}" '
                       f'data-due="{escape(iso_utc(c["due_at"]))}" data-target="{localize(c["target"])}" '
                       f'data-remaining="{localize(c["remaining"])}"')
            if c["running"]:
                out.append(f' data-running data-windows="{escape(c["windows"])}"')
            if c["due_at"]:
                due = escape(date_format(template_localtime(c["due_at"]), "DATETIME_FORMAT"))
                out.append(f' title="{_("Due %(due)s") % {"due": due}}"')
            out.append(f'>\n<span class="sla-clock-metric">{escape(c["metric"])}</span>\n'
                       f'<span class="sla-clock-value">{self.value(c)}</span>\n</span>')
        out.append(f'</span>{script}')
        return mark_safe("".join(out))  # noqa: S308 — every value above is escaped

    def value(self, c: dict) -> str:
        state = c["state"]
        if state == "met":
            return self.met
        if state == "breached":
            if c["overdue"] is None:
                return self.breached
            return _("overdue %(duration)s") % {"duration": escape(business_duration(c["overdue"]))}
        if state == "paused":
            return _("paused, %(duration)s left") % {"duration": escape(business_duration(c["remaining"]))}
        shown = f'<bdi class="sla-clock-time">{escape(business_duration(c["remaining"]))}</bdi>'
        if state == "warning":
            shown += f'<span class="visually-hidden"> {self.at_risk}</span>'
        return shown
