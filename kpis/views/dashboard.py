"""``/dashboards/``: the managers' KPI dashboard, read from the rollup tables (a fixed number
of queries, whatever the volume). Charts are server-side SVG drawn by pygal (no script, no
CDN; their one ``<style>`` carries the page's CSP nonce); every figure links to the records
behind it."""

import math
from datetime import UTC, datetime, time, timedelta
from urllib.parse import urlencode

from csp.constants import NONCE
from csp.decorators import csp_update
from django.conf import settings
from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import formats, timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from catalog.models import Team
from contactcenter.models import ProviderKind, Queue
from core.db_router import reads_from_reports
from core.pages import roles_only
from core.roles import Role
from incidents.choices import Channel
from knowledge import stats as knowledge_stats

from .. import selectors
from ..caching import rollup_cached
from ..forms.dashboard import PeriodForm
from ..selectors import CallFilters

#: The backlog's age buckets (``formulas.BACKLOG_SUMS``) as a reader says them.
AGEING_LABELS = {"lt_1d": gettext_lazy("Under a day"), "1_3d": gettext_lazy("1–3 days"),
                 "3_7d": gettext_lazy("3–7 days"), "7_30d": gettext_lazy("7–30 days"),
                 "gt_30d": gettext_lazy("Over 30 days")}
WEEKDAYS = [gettext_lazy("Mon"), gettext_lazy("Tue"), gettext_lazy("Wed"), gettext_lazy("Thu"),
            gettext_lazy("Fri"), gettext_lazy("Sat"), gettext_lazy("Sun")]


def _defaults() -> dict:
    today = timezone.now().astimezone(UTC).date()
    return {"start": today - timedelta(days=6), "end": today, "interval": "1d"}


def _svg(chart, nonce: str) -> str:
    """The chart's SVG for inline use under the Content-Security-Policy: pygal's config
    ``<script>`` goes (it only feeds pygal's tooltip script, which we never load), its
    ``<style>`` carries the response's nonce, and the hidden tooltip loses its style attribute
    (it stays empty without that script)."""
    import pygal  # deferred: see _charts

    tree = chart.render_tree()
    for parent in tree.iter():
        for child in list(parent):
            tag = child.tag.rsplit("}", 1)[-1] if isinstance(child.tag, str) else None  # None: a comment
            if tag == "script":
                parent.remove(child)
            elif tag == "style":
                child.set("nonce", nonce)
            elif child.get("class") == "tooltip":
                child.attrib.pop("style", None)
    svg = pygal.etree.etree.tostring(tree, encoding="unicode")
    return mark_safe(svg)  # noqa: S308 - pygal escapes the labels it draws


#: Labels a person can read: the SVG is drawn 1200 units wide and shown full width (about
#: 1100-1200 px on a desktop), so a 15-unit label is about a 14-15 px one on screen (pygal's
#: CleanStyle with these).
READABLE = dict(
    font_family="system-ui, -apple-system, 'Segoe UI', Roboto, Vazirmatn, 'Noto Sans', sans-serif",
    title_font_size=20, label_font_size=15, major_label_font_size=15, legend_font_size=16,
    value_font_size=15, tooltip_font_size=15, no_data_font_size=24)


def _percent(value) -> str:
    return "" if value is None else f"{value * 100:.0f} %"


def _seconds(value) -> str:
    return "" if value is None else f"{value:.0f} s"


def _chart(kind, title: str, labels: list[str], lines: dict[str, list], nonce: str, *, x_title: str, y_title: str,
           percent: bool = False, seconds: bool = False):
    """One full-width chart: a title, both axes named with their unit, the legend below;
    shares drawn 0-100 %, times in whole seconds."""
    import pygal  # deferred: see _charts

    options = {}
    if percent:
        options = {"range": (0, 1), "y_labels": [i / 10 for i in range(11)], "value_formatter": _percent}
    elif seconds:
        options = {"value_formatter": _seconds}
    chart = kind(js=[], disable_xml_declaration=True, explicit_size=False, width=1200, height=420,
                 show_dots=len(labels) <= 60, x_label_rotation=30 if len(labels) > 12 else 0,
                 show_minor_x_labels=False, legend_at_bottom=True, title=title, x_title=x_title, y_title=y_title,
                 style=pygal.style.CleanStyle(**READABLE), no_data_text=_("No data"), margin_bottom=10,
                 truncate_legend=-1, truncate_label=-1, **options)
    chart.x_labels = labels
    chart.x_labels_major_every = max(1, len(labels) // 12)
    for name, values in lines.items():
        chart.add(name, values)
    return _svg(chart, nonce)


def _heat(grid: list[list[int]]) -> list[dict]:
    peak = max((max(row) for row in grid), default=0) or 1
    # Ten shades (CSS classes heat-1 … heat-10), the darkest for the busiest hour.
    return [{"day": WEEKDAYS[index], "cells": [{"hour": hour, "n": n, "level": math.ceil(10 * n / peak) if n else 0}
                                               for hour, n in enumerate(row)]}
            for index, row in enumerate(grid)]


def _names(model, ids, field: str) -> dict[int, str]:
    ids = {i for i in ids if i}
    return dict(model.objects.filter(pk__in=ids).values_list("pk", field)) if ids else {}


def _people(ids) -> dict[int, str]:
    """Agents by the name a person knows them by: their full name, the username only when
    they have none. One query."""
    ids = {i for i in ids if i}
    rows = get_user_model().objects.filter(pk__in=ids).values_list("pk", "first_name", "last_name", "username")
    return {pk: f"{first} {last}".strip() or username for pk, first, last, username in rows} if ids else {}


def _agent_rows(calls: list[dict], csat: list[dict], opportunities: list[dict]) -> list[dict]:
    """One row per agent with something in the period: their calls (``calls`` False when
    they took none), their tickets' survey answers and their opportunities; the busiest
    on the phone first, then by answers and opportunities."""
    rows = {row["agent"]: {**row, "calls": True} for row in calls}
    for row in csat:
        rows.setdefault(row["agent"], {"agent": row["agent"], "calls": False})["ticket_csat"] = row
    for row in opportunities:
        rows.setdefault(row["agent"], {"agent": row["agent"], "calls": False})["opportunities"] = row
    return sorted(rows.values(), key=lambda row: (
        not row["calls"], -(row.get("answered") or 0), -row.get("ticket_csat", {}).get("responses", 0),
        -row.get("opportunities", {}).get("raised", 0), row["agent"]))


#: Stands for the response's CSP nonce in the cached charts.
NONCE_MARK = "kpi-nonce-0b5c1e"


def _charts(calls: dict, period: dict, interval: str) -> dict[str, str]:
    """The three charts of the contact-center series, their ``<style>`` nonce ``NONCE_MARK``."""
    # deferred: pygal costs ~14 ms of CPU to import and every process imports this module (the
    # URLs); only drawing charts needs it, once per rollup version (the dashboard caches them).
    import pygal

    daily = interval == "1d"
    nonce = NONCE_MARK
    # A day's buckets say their time, several days' their date (and time): the language's formats.
    label_format = "MONTH_DAY_FORMAT" if daily else "TIME_FORMAT" if period["start"] == period["end"] \
        else "SHORT_DATETIME_FORMAT"
    labels = [formats.time_format(bucket["start"], label_format) if label_format == "TIME_FORMAT"
              else formats.date_format(bucket["start"], label_format) for bucket in calls["series"]]
    x_title = _("Day (UTC)") if daily else _("Start of the interval (UTC)")
    volume_chart = _chart(pygal.Bar if daily and len(labels) <= 31 else pygal.Line, _("Calls"), labels, {
        _("Offered"): [b["offered"] for b in calls["series"]],
        _("Answered"): [b["answered"] for b in calls["series"]],
        _("Abandoned"): [b["abandoned"] for b in calls["series"]]}, nonce, x_title=x_title, y_title=_("Calls"))
    rate_chart = _chart(pygal.Line, _("Service level and abandonment"), labels, {
        _("Service level"): [b["service_level"] for b in calls["series"]],
        _("Abandonment"): [b["abandonment_rate"] for b in calls["series"]]}, nonce, x_title=x_title,
        y_title=_("Share of offered calls (%)"), percent=True)
    time_chart = _chart(pygal.Line, _("Speed of answer and handle time"), labels, {
        _("Average speed of answer"): [b["average_speed_of_answer_seconds"] for b in calls["series"]],
        _("Average handle time"): [b["average_handle_time_seconds"] for b in calls["series"]]}, nonce,
        x_title=x_title, y_title=_("Seconds"), seconds=True)

    return {"volume_chart": volume_chart, "rate_chart": rate_chart, "time_chart": time_chart}


@roles_only(Role.MANAGER, Role.ADMIN, message=gettext_lazy("Only managers can see the dashboards."))
@csp_update({"style-src": [NONCE]})
@reads_from_reports  # the read-only copy when there is one (core/db_router.py)
def dashboard(request: HttpRequest) -> HttpResponse:
    form = PeriodForm(request.GET or None, initial=_defaults())
    period = form.cleaned_data if form.is_bound and form.is_valid() else _defaults()
    start = datetime.combine(period["start"], time(0), tzinfo=UTC)
    end = datetime.combine(period["end"] + timedelta(days=1), time(0), tzinfo=UTC)
    interval = period["interval"]
    filters = CallFilters()

    calls = selectors.contact_center_kpis(start=start, end=end, filters=filters, interval=interval)
    # The charts are drawn once per rollup version, period and language (pygal: ~15 ms of CPU
    # each for a year per day); the response's nonce goes into the copy.
    nonce = str(request.csp_nonce)
    charts = {name: mark_safe(svg.replace(NONCE_MARK, nonce)) for name, svg in rollup_cached(  # noqa: S308 - ours
        ("charts", start.isoformat(), end.isoformat(), interval, get_language()),
        lambda: _charts(calls, period, interval)).items()}

    queue_totals = selectors.queue_sums(start, end, filters)  # one read for the queues and the providers
    queues = selectors.per_queue(start, end, filters, queue_totals)
    itsm, teams = selectors.itsm_with_teams(start=start, end=end)
    csat = selectors.ticket_csat(start, end)
    agents = _agent_rows(selectors.per_agent(start, end, filters), csat["agent"],
                         selectors.opportunities_by_agent(start, end))
    queue_names = _names(Queue, [row["queue"] for row in queues], "name")
    agent_names = _people([row["agent"] for row in agents])
    team_names = _names(Team, [row["team"] for row in [*teams, *csat["team"]]], "name")
    for row in queues:
        row["name"] = queue_names.get(row["queue"], _("(no queue)"))
    for row in agents:
        row["name"] = agent_names.get(row["agent"], f"#{row['agent']}") if row["agent"] else _("(no agent)")
    for row in [*teams, *csat["team"]]:
        row["name"] = team_names.get(row["team"], _("(no team)"))
    knowledge = {"feedback": knowledge_stats.article_feedback_totals(start, end),
                 "articles": knowledge_stats.deflections_by_article(start, end, limit=10),
                 "services": knowledge_stats.deflections_by_service(start, end),
                 "misses": knowledge_stats.search_misses(limit=20)}
    kinds = dict(ProviderKind.choices)
    providers = [{**row, "label": row["name"] or _("(no provider)"), "kind_label": kinds.get(row["kind"], "—")}
                 for row in selectors.per_provider(start, end, queue_totals)]
    channel_labels = dict(Channel.choices)
    channels = [{**row, "name": channel_labels.get(row["channel"], row["channel"]) if row["channel"]
                 else _("(no channel)")} for row in itsm["by_channel"]]
    return render(request, "kpis/dashboard.html", {
        "form": form, "start": start, "end": end, "last_day": period["end"], "interval": interval,
        "calls": calls, **charts,
        "ageing": [(AGEING_LABELS[name], n) for name, n in itsm["ageing"].items() if name in AGEING_LABELS],
        "cost_currency": getattr(settings, "KPI_COST_CURRENCY", ""),
        "heatmap_table": mark_safe(rollup_cached(  # noqa: S308 - a template's output; 168 cells drawn once
            ("heatmap-table", start.isoformat(), end.isoformat(), get_language()),  # per version, period, language
            lambda: str(render_to_string("kpis/_heatmap.html", {
                "heatmap": _heat(selectors.arrival_heatmap(start, end, filters)), "hours": range(24)})))),
        "queues": queues, "agents": agents, "itsm": itsm, "teams": teams, "channels": channels,
        "csat_teams": csat["team"], "knowledge": knowledge, "providers": providers,
        "created_after": start.isoformat(), "created_before": end.isoformat(),
        "api_query": f"from={period['start'].isoformat()}&to={(period['end'] + timedelta(days=1)).isoformat()}",
        "calls_query": urlencode({"started_after": period["start"].isoformat(),
                                  "started_before": (period["end"] + timedelta(days=1)).isoformat()}),
    })


