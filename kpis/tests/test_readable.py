# ruff: noqa: F811 - the fixtures imported from factories are taken as test arguments
"""Dashboards that read well (issue 21): full-width charts with both axes named and their
units, no raw key of a KPI anywhere in the text a person reads, agents by name, the backlog's
ages in words; the wallboard's colour thresholds (settings, per queue) and its TV mode."""

import re
from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import timezone

from contactcenter.models import Call, Queue
from core.roles import Role
from kpis import formulas
from kpis.floor import QueueFigures
from kpis.thresholds import DEFAULTS, level, levels_of, thresholds_for

from .factories import D, contact_center, itsm, kpi_settings  # noqa: F401
from .test_dashboards import PERIOD, rollup

pytestmark = pytest.mark.django_db
WALLBOARD = reverse("dashboards:wallboard")


class Text(HTMLParser):
    """The text a person reads: every text node (the charts' SVG labels too), no markup, no
    attribute, no style or script."""

    def __init__(self):
        super().__init__()
        self.parts, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        self.skip += tag in ("style", "script")

    def handle_endtag(self, tag):
        self.skip -= tag in ("style", "script") and self.skip > 0

    def handle_data(self, data):
        if not self.skip and data.strip():
            self.parts.append(data.strip())


def text_of(html: str) -> str:
    parser = Text()
    parser.feed(html)
    return "\n".join(parser.parts)


def figure(html: str, testid: str) -> str:
    start = html.index(f'data-testid="{testid}"')
    return html[start:html.index("</figure>", start)]


@pytest.fixture
def dashboard(client, make_user, contact_center, itsm):
    rollup()
    client.force_login(make_user(Role.MANAGER, username="dash-reader"))
    return client.get("/dashboards/", PERIOD).content.decode()


def test_no_kpi_key_is_shown_as_text(dashboard):
    text = text_of(dashboard)
    assert "Offered" in text and "Under a day" in text  # the labels are there, in words
    keys = {*formulas.CONTACT_CENTER_KEYS, *formulas.BACKLOG_SUMS, "kb_deflections", "lt_1d", "1_3d", "gt_30d",
            "status=", "outcome="}
    shown = sorted(key for key in keys if ("_" in key or "=" in key) and key in text)
    assert not shown, f"raw keys in the dashboard's text: {shown}"
    assert "_" not in text.replace("—", ""), [line for line in text.splitlines() if "_" in line]


def test_agents_by_name(dashboard, contact_center):
    x, y = contact_center["agents"]
    text = text_of(dashboard)
    assert x.get_full_name() in text and y.get_full_name() in text
    assert "agent-x" not in text and "agent-y" not in text


def test_charts_are_full_width_with_axes_and_units(dashboard):
    for testid in ("volume-chart", "rate-chart", "time-chart"):
        chart = figure(dashboard, testid)
        assert 'class="kpi-chart"' in dashboard[dashboard.rindex("<figure", 0, dashboard.index(chart)):][:80]
        assert 'viewBox="0 0 1200 420"' in chart, testid  # drawn wide, scaled to the page's width
        labels = text_of(chart)
        assert "Start of the interval (UTC)" in labels, testid  # the x axis is named (hourly buckets)
    assert "Calls" in text_of(figure(dashboard, "volume-chart"))
    rates = text_of(figure(dashboard, "rate-chart"))
    assert "Share of offered calls (%)" in " ".join(rates.splitlines())  # the y title, over a few lines
    assert "80 %" in rates and "0.8\n" not in rates and "0–1" not in rates  # shares in per cent
    times = text_of(figure(dashboard, "time-chart"))
    assert "Seconds" in times and re.search(r"^\d+ s$", times, re.M)  # in whole seconds
    assert "font-size:15" in dashboard.replace(" ", "").replace("px", "")  # readable labels, not thumbnails


def test_daily_labels_use_the_language_s_format(client, make_user, contact_center, itsm):
    rollup()
    client.force_login(make_user(Role.MANAGER, username="dash-el"))
    client.cookies["django_language"] = "el"
    html = client.get("/dashboards/", {**PERIOD, "interval": "1d"}, HTTP_ACCEPT_LANGUAGE="el").content.decode()
    assert "3 Μαρτίου" in text_of(figure(html, "volume-chart"))  # MONTH_DAY_FORMAT of core/formats/el


def test_the_cost_per_call_names_its_currency(client, make_user, contact_center, settings):
    rollup()
    settings.KPI_COST_CURRENCY = "EUR"
    client.force_login(make_user(Role.MANAGER, username="dash-cost"))
    html = client.get("/dashboards/", PERIOD).content.decode()
    cost = html[html.index('data-testid="cost-per-call"'):]
    assert " EUR</bdi>" in cost[:200]


# --- the wallboard's thresholds -----------------------------------------------------------------
def test_levels_against_the_defaults():
    limits = DEFAULTS
    assert [level("service_level", v, limits["service_level"]) for v in (0.95, 0.8, 0.7, 0.59, None)] == \
        ["ok", "ok", "warn", "bad", ""]
    assert [level("waiting", v, limits["waiting"]) for v in (0, 2, 3, 8)] == ["ok", "ok", "warn", "bad"]
    assert [level("abandonment", v, limits["abandonment"]) for v in (0.01, 0.05, 0.2)] == ["ok", "warn", "bad"]


def test_thresholds_from_settings_and_per_queue(settings):
    settings.WALLBOARD_THRESHOLDS = {"waiting": {"warn": 5}, "queues": {"vip": {"waiting": {"warn": 1, "bad": 2}}}}
    assert thresholds_for()["waiting"] == {"warn": 5, "bad": 8}
    assert thresholds_for("vip")["waiting"] == {"warn": 1, "bad": 2}
    assert thresholds_for("vip")["service_level"] == DEFAULTS["service_level"]
    line = QueueFigures(name="vip", service_level_seconds=20, waiting=2, offered=10, answered_in_time=9, abandoned=1)
    assert levels_of(line, "vip") == {"waiting": "bad", "service_level": "ok", "abandonment": "bad",
                                      "longest_wait": ""}
    assert levels_of(line)["waiting"] == "ok"  # 2 < the floor's own warn of 5


def test_the_wallboard_colours_and_tv_mode(client, make_user, settings):
    settings.WALLBOARD_THRESHOLDS = {"queues": {"vip": {"waiting": {"warn": 1, "bad": 2}}}}
    vip = Queue.objects.create(name="vip")
    Queue.objects.create(name="calm")
    for n in range(2):
        Call.objects.create(call_sid=f"CATV{n}", queue=vip, direction="inbound", started_at=timezone.now(),
                            queued_at=timezone.now() - timedelta(seconds=5))
    client.force_login(make_user(Role.AGENT, username="tv-agent"))
    page = client.get(WALLBOARD).content.decode()
    assert 'data-testid="tv-link"' in page and 'class="topbar"' in page
    rows = {r.split("<bdi>", 1)[1].split("</bdi>", 1)[0]: r for r in page.split('data-testid="queue-row"')[1:]}
    assert 'data-testid="queue-waiting" class="kpi-level-bad" data-level="bad">2<' in rows["vip"]
    assert 'data-testid="queue-waiting" class="kpi-level-ok" data-level="ok">0<' in rows["calm"]
    tv = client.get(WALLBOARD, {"tv": "1"}).content.decode()
    assert 'class="kpi-tv"' in tv and 'class="topbar"' not in tv  # dark, large, no menus
    assert 'hx-trigger="every ' in tv and 'data-testid="tv-exit"' in tv
    assert "Times in UTC" in tv
    assert 'data-level="bad">2<' in tv
