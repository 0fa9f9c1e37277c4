"""Dashboards that read well, in a real browser (issue 21): the wallboard's TV mode is dark
and large, colours its figures against the thresholds and re-colours them by itself when the
floor changes; on a Persian page, English written by a user keeps its own direction (its
closing punctuation stays at its end) and the page names the user's timezone."""

from datetime import timedelta

import pytest
from django.utils import timezone

from catalog.tests.factories import ServiceFactory
from changes import services as change_services
from changes.tests.test_views import SOON, rfc
from contactcenter.models import Call, Queue
from core.roles import Role
from kpis.tests.factories import contact_center, itsm, kpi_settings  # noqa: F401 - fixtures
from kpis.tests.test_dashboards import rollup

REFRESH_SECONDS = 1


@pytest.fixture(autouse=True)
def _fast_refresh(settings):
    settings.WALLBOARD_REFRESH_SECONDS = REFRESH_SECONDS
    settings.WALLBOARD_THRESHOLDS = {"waiting": {"warn": 1, "bad": 2}}


def rgb(page, css: str, prop: str) -> tuple[int, ...]:
    value = page.js(f"return getComputedStyle(document.querySelector(arguments[0])).{prop};", css)
    return tuple(int(float(part)) for part in value[value.index("(") + 1:value.index(")")].split(",")[:3])


def waiting_call(queue, n: int):
    Call.objects.create(call_sid=f"CA-tv-{n}", queue=queue, direction="inbound", started_at=timezone.now(),
                        queued_at=timezone.now() - timedelta(seconds=30))


def test_tv_mode_is_dark_large_and_coloured_by_the_thresholds(page, make_user):
    queue = Queue.objects.create(name="billing")
    waiting_call(queue, 1)
    manager = make_user(Role.MANAGER, username="tv-manager")
    page.login(manager).get("/dashboards/wallboard/?tv=1")
    page.wait_for(lambda d: page.find("[data-testid=wallboard-tv]"), message="no TV mode")
    assert not page.find_all(".topbar"), "TV mode shows no menus"
    background = rgb(page, "body", "backgroundColor")
    assert sum(background) < 120, f"TV mode is dark: {background}"
    figure_px = float(page.js("return parseFloat(getComputedStyle(document.querySelector("
                              "'[data-testid=waiting-total]')).fontSize);"))
    assert figure_px >= 48, f"the figures are large enough to read across the room: {figure_px}px"

    tile = "[data-testid=waiting-total-tile]"
    assert page.find(tile).get_attribute("data-level") == "warn"  # one caller waiting: amber
    amber = rgb(page, tile, "backgroundColor")
    assert amber[0] > amber[2] + 40, f"amber: {amber}"
    page.js("window.__sameDocument = true;")

    waiting_call(queue, 2)  # a second caller: red, without a reload
    page.wait_for(lambda d: page.find(tile).get_attribute("data-level") == "bad", timeout=REFRESH_SECONDS + 4,
                  message="the tile did not turn red")
    red = rgb(page, tile, "backgroundColor")
    assert red != amber and red[0] > red[1] + 30 and red[0] > red[2] + 30, f"red: {red}"
    assert page.find("[data-testid=queue-waiting]").get_attribute("data-level") == "bad"
    assert page.js("return window.__sameDocument === true;"), "the TV page reloaded instead of refreshing its panel"
    page.screenshot("wallboard-tv")


def test_a_persian_page_keeps_english_titles_in_their_own_direction(page, make_user):
    agent = make_user(Role.AGENT, username="fa-agent")
    change = rfc({"dev": agent, "service": ServiceFactory(name="Core banking")}, title="Upgrade the DB (phase 2).")
    change_services.change_submit(change=change, actor=agent)
    month = timezone.localtime(SOON).strftime("%Y-%m")
    page.login(agent, sd_language="fa", sd_timezone="Asia/Tehran").get(f"/changes/calendar/?month={month}")
    assert page.find("html").get_attribute("dir") == "rtl"
    title = page.find(f"[data-number='{change.number}'] bdi")
    assert title.text == "Upgrade the DB (phase 2)."
    assert page.js("return getComputedStyle(arguments[0]).unicodeBidi;", title) == "isolate"
    assert page.js("return arguments[0].matches(':dir(ltr)');", title), "the English title is laid out left to right"
    # Its closing "." stays at its end (the right), not thrown to the left as in a bare RTL line.
    first, last = page.js(
        "const node = arguments[0].firstChild, r = document.createRange(), at = i => {"
        " r.setStart(node, i); r.setEnd(node, i + 1); return r.getBoundingClientRect().left; };"
        "return [at(0), at(node.length - 1)];", title)
    assert last > first, f"the final full stop at x={last} should follow the first letter at x={first}"
    assert page.find(f"[data-number='{change.number}']").get_attribute("data-kind") == "proposed"
    assert "Asia/Tehran" in page.find("[data-testid=timezone]").text


def test_a_persian_dashboard_draws_its_charts_left_to_right(page, make_user, contact_center, itsm):  # noqa: F811
    """The charts' numbers and units keep their order on a right-to-left page: "100 %", not
    "% 100", and the legend's text beside its box."""
    rollup()
    manager = make_user(Role.MANAGER, username="fa-manager")
    page.login(manager, sd_language="fa").get("/dashboards/?start=2025-03-01&end=2025-03-05&interval=1d")
    assert page.find("html").get_attribute("dir") == "rtl"
    svg = page.find("[data-testid=rate-chart] svg")
    assert page.js("return getComputedStyle(arguments[0]).direction;", svg) == "ltr"
    digit, percent = page.js(
        "const t = [...arguments[0].querySelectorAll('text')].find(e => e.textContent.trim() === '100 %');"
        "return [t.getStartPositionOfChar(0).x, t.getStartPositionOfChar(t.textContent.length - 1).x];", svg)
    assert digit < percent, f"'100 %' drawn as '% 100' ({digit} vs {percent})"
    page.screenshot("dashboard-fa")
