"""SLA clocks for ticket pages and queues, and business-time formatting.

    {% load sla_tags %}
    {% sla_clocks ticket %}          one badge per timer of ``ticket.sla_timers.all()``
    {{ seconds|business_duration }}  "1 h 05 min"

Queues prefetch ``sla.selectors.SLA_PREFETCH`` so the badges cost no query per row. The
badges carry the server's remaining business time and the working windows of the next
day, so ``static/js/sla-clock.js`` can tick them down once a minute without knowing the
calendar; the server's value is authoritative on reload.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from django import template
from django.templatetags.static import static
from django.utils import timezone
from django.utils.dates import WEEKDAYS_ABBR
from django.utils.html import format_html
from django.utils.translation import gettext as _

from ..calendar import CalendarError, business_time_between, fmt_minute, intervals_from
from ..choices import Channel, Metric, TimerStatus
from ..protocol import metric_label
from ..selectors import clock

register = template.Library()

#: A running clock turns amber when this share of its target (or less) is left.
WARNING_SHARE = 0.25
#: How far ahead the working windows sent to the browser reach.
WINDOW_HORIZON = timedelta(hours=24)
MAX_WINDOWS = 8


@register.filter
def business_duration(seconds) -> str:
    """Seconds of business time as "1 h 05 min" or "45 min" (whole minutes, rounded down)."""
    try:
        total = int(seconds)
    except (TypeError, ValueError):
        return ""
    minutes = max(total, 0) // 60
    hours, minutes = divmod(minutes, 60)
    if hours:
        return _("%(hours)d h %(minutes)02d min") % {"hours": hours, "minutes": minutes}
    return _("%(minutes)d min") % {"minutes": minutes}


@register.filter
def business_minutes(minutes) -> str:
    """A target in business minutes, formatted like :func:`business_duration`."""
    try:
        return business_duration(int(minutes) * 60)
    except (TypeError, ValueError):
        return ""


def _spec(calendar):
    # One spec per calendar instance per request: the hours and holidays are prefetched.
    spec = getattr(calendar, "_sla_spec", None)
    if spec is None:
        spec = calendar._sla_spec = calendar.spec()
    return spec


def _epoch(moment: datetime) -> int:
    return int(moment.timestamp())


def _windows(spec, now: datetime, due_at: datetime) -> str:
    """Working intervals between now and the due instant (at most a day ahead), as
    "start-end" epoch seconds: what the browser needs to count business time down."""
    until = min(due_at, now + WINDOW_HORIZON)
    windows = []
    try:
        for begin, end in intervals_from(spec, now):
            if begin >= until or len(windows) >= MAX_WINDOWS:
                break
            windows.append(f"{_epoch(begin)}-{_epoch(min(end, until))}")
    except CalendarError:
        pass
    return " ".join(windows)


def clock_badge(timer, now: datetime | None = None) -> dict:
    """What one badge shows: the state, the business time left (or overdue) and, for a
    running clock, what the browser needs to keep it ticking."""
    now = now or timezone.now()
    spec = _spec(timer.calendar)
    shown = clock(timer, now, spec)
    target = int(timer.target.total_seconds())
    badge = {
        "timer": timer,
        "metric": metric_label(timer.kind, timer.metric) or timer.get_metric_display(),
        "target": target,
        "remaining": shown.remaining_seconds,
        "due_at": shown.due_at,
        "running": False,
        "overdue": None,
        "windows": "",
    }
    if timer.status == TimerStatus.MET:
        badge["state"] = "met"
    elif shown.breached:
        badge["state"] = "breached"
        since = timer.breached_at or timer.due_at
        if since is not None and timer.met_at is None:
            badge["overdue"] = int(business_time_between(spec, since, now).total_seconds())
    elif shown.paused:
        badge["state"] = "paused"
    else:
        badge["state"] = "warning" if shown.remaining_seconds <= target * WARNING_SHARE else "ok"
        if shown.due_at is not None:
            badge["running"] = True
            badge["windows"] = _windows(spec, now, shown.due_at)
    return badge


@register.inclusion_tag("sla/_clocks.html", takes_context=True)
def sla_clocks(context, ticket, now=None):
    """The ticket's SLA clocks as badges (``ticket.sla_timers`` should be prefetched)."""
    now = now or timezone.now()
    timers = sorted(ticket.sla_timers.all(), key=metric_order) if ticket is not None else []
    return badges_context(context, [clock_badge(timer, now) for timer in timers], now)


@register.inclusion_tag("sla/_clocks.html", takes_context=True)
def sla_clock(context, timer, now=None):
    """One timer's badge (the dashboard's lists)."""
    now = now or timezone.now()
    return badges_context(context, [clock_badge(timer, now)], now)


def metric_order(timer) -> int:
    """The sort key that shows a ticket's badges in the order of :class:`~sla.choices.Metric`
    (response before resolution), whatever order the timers were read in."""
    return _METRIC_RANK.get(timer.metric, len(_METRIC_RANK))


#: Each metric's place in :class:`~sla.choices.Metric` (``Metric.values`` builds its list on
#: every read: a tenth of a page's badges' CPU when asked twice a badge).
_METRIC_RANK = {value: rank for rank, value in enumerate(Metric.values)}


def badges_context(context, clocks: list[dict], now: datetime) -> dict:
    """What ``sla/_clocks.html`` renders ``clocks`` (:func:`clock_badge` each) with: the
    badges, ``now`` in epoch seconds, the clock script's tag the first time a request asks
    (``""`` after, or without clocks) and the translated patterns the browser formats
    durations with. Code that writes the same markup itself (the incident queue's rows)
    reads its wrapper's attributes and the script from here."""
    return {
        "clocks": clocks,
        "now": _epoch(now),
        "script": _script_once(context) if clocks else "",
        # the browser formats with the same (translated) patterns as business_duration
        "fmt_hours": _("%(hours)d h %(minutes)02d min"),
        "fmt_minutes": _("%(minutes)d min"),
    }


def _script_once(context) -> str:
    """The clock script's tag, the first time a request asks for it (the script also
    guards against running twice, for pages rendered without a request)."""
    request = context.get("request")
    if request is not None:
        if getattr(request, "_sla_clock_script", False):
            return ""
        request._sla_clock_script = True
    return format_html('<script src="{}" defer></script>', static("js/sla-clock.js"))


@register.simple_tag
def calendar_hours(calendar) -> list[str]:
    """A calendar's week in a few lines: "Mon–Fri 09:00–13:00, 14:00–18:00"; ["24×7"] if it has no hours."""
    per_day: dict[int, list[tuple[int, int]]] = {}
    for h in calendar.hours.all():
        per_day.setdefault(h.weekday, []).append((h.start_minute, h.end_minute))
    if not per_day:
        return [_("24×7")]
    lines, day = [], 0
    while day < 7:
        intervals = tuple(sorted(per_day.get(day, ())))
        last = day
        while last + 1 < 7 and tuple(sorted(per_day.get(last + 1, ()))) == intervals:
            last += 1
        if intervals:
            days = str(WEEKDAYS_ABBR[day]) if last == day else f"{WEEKDAYS_ABBR[day]}–{WEEKDAYS_ABBR[last]}"
            lines.append(f"{days} " + ", ".join(f"{fmt_minute(s)}–{fmt_minute(e)}" for s, e in intervals))
        day = last + 1
    return lines


@register.filter
def channel_labels(channels) -> str:
    """["sms", "email"] → "SMS, Email"."""
    labels = dict(Channel.choices)
    return ", ".join(str(labels.get(channel, channel)) for channel in channels or [])


@register.filter
def percent(fraction, digits: int = 1) -> str:
    """0.9735 → "97.4 %"; "—" when there is nothing to measure."""
    if fraction is None or fraction == "":
        return "—"
    return f"{float(fraction) * 100:.{int(digits)}f} %"


@register.filter
def iso_utc(moment) -> str:
    return moment.astimezone(UTC).isoformat() if moment else ""
