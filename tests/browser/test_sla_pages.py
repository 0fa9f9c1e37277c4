"""The SLA pages in a real browser: a manager sets up a calendar and a policy, the
dashboard fits a phone in Persian (right to left), and the clocks tick.

Screenshots go to ``BROWSER_SCREENSHOT_DIR`` (default ``/tmp/servicedesk-screenshots``)."""

from datetime import UTC, datetime, timedelta

import pytest
from selenium.webdriver.support.ui import Select

from catalog.services import profile_update_preferences
from catalog.tests.factories import ServiceFactory, TeamFactory
from core.roles import Role
from sla import services
from sla.models import BusinessCalendar, ServiceOutage, SLAPolicy
from sla.tests.factories import PolicyFactory, TicketFactory
from tests.browser.helpers import check_page_fits


@pytest.fixture
def manager(make_user):
    return make_user(Role.MANAGER, username="mona-manager", first_name="Mona", last_name="Manager")


def submit(page):
    page.find("form.sla-form button[type=submit]").click()


def test_a_manager_sets_up_a_calendar_and_a_policy(page, manager):
    page.login(manager).get("/")
    page.nav_link("/sla/").click()
    page.wait_for_path("/sla/")
    page.find(".sla-subnav a[href='/sla/calendars/']").click()
    page.wait_for_path("/sla/calendars/")
    page.find("a[href='/sla/calendars/new/']").click()
    page.wait_for_path("/sla/calendars/new/")

    page.find("#id_name").send_keys("Athens office")
    Select(page.find("#id_timezone")).select_by_value("Europe/Athens")
    for day in range(5):
        page.find(f"#id_hours_{day}").send_keys("09:00-13:00, 14:00-18:00")
    page.find("#id_holidays").send_keys("2026-12-25 Christmas Day")
    page.find("#id_hours_0").clear()
    page.find("#id_hours_0").send_keys("09:00-13:00, 12:00-18:00")  # a slip: overlapping
    submit(page)
    page.wait_for(lambda d: page.find_all("#id_hours_0_error"), message="no error under Monday")
    assert "overlap" in page.find("#id_hours_0_error").text
    assert page.find("#id_hours_0").get_attribute("aria-invalid") == "true"
    assert not BusinessCalendar.objects.exists()
    page.screenshot("sla-calendar-error-en-desktop")

    monday = page.find("#id_hours_0")
    monday.clear()
    monday.send_keys("09:00-13:00, 14:00-18:00")
    assert page.find("#id_hours_4").get_attribute("value") == "09:00-13:00, 14:00-18:00"  # kept
    submit(page)
    page.wait_for_path("/sla/calendars/")
    row = page.find("[data-testid=calendar-table] tbody tr").text
    assert "Athens office" in row and "Europe/Athens" in row and "Mon–Fri 09:00–13:00, 14:00–18:00" in row
    assert "saved" in page.find(".messages").text
    calendar = BusinessCalendar.objects.get()
    assert [h.name for h in calendar.holidays.all()] == ["Christmas Day"]

    page.find(".sla-subnav a[href='/sla/policies/']").click()
    page.wait_for_path("/sla/policies/")
    page.find("a[href='/sla/policies/new/']").click()
    page.wait_for_path("/sla/policies/new/")
    page.find("#id_name").send_keys("VIP incidents")
    Select(page.find("#id_customer_tier")).select_by_value("vip")
    Select(page.find("#id_calendar")).select_by_visible_text("Athens office")
    page.find("#id_response_minutes").send_keys("60")
    page.find("#id_resolution_minutes").send_keys("480")
    page.find("#id_pause_on").send_keys("on_hold")
    for n, (percent, notify, channels) in enumerate([("75", "assignee", ["sms"]),
                                                     ("100", "team_manager", ["sms", "email"])]):
        Select(page.find(f"#id_rules-{n}-metric")).select_by_value("response")
        page.find(f"#id_rules-{n}-at_percent").send_keys(percent)
        Select(page.find(f"#id_rules-{n}-notify")).select_by_value(notify)
        for channel in channels:
            page.find(f"input[name='rules-{n}-channels'][value='{channel}']").click()
    page.screenshot("sla-policy-form-en-desktop")
    submit(page)
    page.wait_for_path("/sla/policies/")

    row = page.find("[data-testid=policy-table] tbody tr").text
    assert "VIP incidents" in row and "Athens office" in row and "VIP" in row
    rules = [li.text for li in page.find_all("[data-testid=policy-table] [data-testid=rules] li")]
    assert rules == ["Response 75 % → Assignee (SMS)", "Response 100 % → Team manager (Email, SMS)"]
    policy = SLAPolicy.objects.get()
    assert policy.escalations.count() == 2 and policy.pause_on == ["on_hold"]
    page.screenshot("sla-policy-list-en-desktop")

    # the edit page shows the rules again, and the history
    page.find(f"a[href='/sla/policies/{policy.pk}/']").click()
    page.wait_for_path(f"/sla/policies/{policy.pk}/")
    assert page.find("#id_rules-1-at_percent").get_attribute("value") == "100"
    assert page.find("[data-testid=history] tbody tr").text.count("created") == 1


@pytest.fixture
def sla_story(manager):
    """Two missed targets, two clocks running out, two services (one below target)."""
    PolicyFactory(name="Standard incidents — business hours and a long name", response_minutes=60,
                  resolution_minutes=480)
    team = TeamFactory(name="Service Desk L1 (Athens)")
    now = datetime.now(UTC)
    titles = ["VPN down for the whole Athens office since the morning", "Mail bounces", "Payroll export fails",
              "Printer offline"]
    tickets = [TicketFactory(title=title, team=team, priority=1 + n) for n, title in enumerate(titles)]
    # half a minute of slack: the last clock shows "40 min" for the test's first 30 seconds
    for ticket, started in zip(tickets, (300, 200, 50, 19.5), strict=True):
        services.sla_start(ticket=ticket, at=now - timedelta(minutes=started))
    services.sla_stop(ticket=tickets[1], metric="resolution", at=now - timedelta(minutes=1))
    services.sla_sweep(now=now)
    banking = ServiceFactory(name="Internet banking", availability_target="99.900")
    ServiceFactory(name="E-mail", availability_target="99.500")
    ServiceOutage.objects.create(service=banking, started_at=now - timedelta(days=3),
                                 ended_at=now - timedelta(days=3) + timedelta(hours=2))
    return tickets


@pytest.mark.parametrize("language", ["en", "fa"])
def test_the_sla_pages_fit_a_desktop_and_a_phone(page, manager, sla_story, language):
    tz = "Asia/Tehran" if language == "fa" else "Europe/Athens"
    profile_update_preferences(user=manager, language=language, timezone=tz)
    page.login(manager, sd_language=language, sd_timezone=tz)
    policy = SLAPolicy.objects.get()
    pages = {"dashboard": "/sla/", "policies": "/sla/policies/", "calendars": "/sla/calendars/",
             "policy": f"/sla/policies/{policy.pk}/", "calendar": f"/sla/calendars/{policy.calendar_id}/"}
    for width in ("desktop", "phone"):
        if width == "phone":
            page.set_phone()
        for name, path in pages.items():
            check_page_fits(page, f"sla-{name}-{language}-{width}", path)
            assert page.find("html").get_attribute("dir") == ("rtl" if language == "fa" else "ltr")
            if (width, name) == ("phone", "dashboard"):  # the dashboard on a phone, as loaded just now
                assert len(page.find_all("[data-testid=breach-table] tbody tr")) == 2
                assert len(page.find_all("[data-testid=risk-table] tbody tr")) == 2
                if language == "fa":
                    # right to left: the page's title starts at the right edge
                    viewport = page.js("return document.documentElement.clientWidth;")
                    title = page.find("main h1").rect
                    assert title["x"] + title["width"] > viewport - 40
        page.set_desktop()


def test_running_clocks_tick_down_and_turn_amber_then_red(page, manager, sla_story):
    page.login(manager).get("/sla/")
    ticket = sla_story[3]  # 40 minutes left of its response target
    badge_css = f"[data-testid=risk-table] tr:has(a[href='/tickets/{ticket.pk}/']) [data-testid=sla-clock]"
    badge = page.find(badge_css)
    assert badge.get_attribute("data-state") == "ok" and badge.text == "Response 40 min"

    def later(minutes):
        """Pretend the page has been open for that long, then let the script tick."""
        page.js("const box = document.querySelector(arguments[0]).closest('.sla-clocks');"
                "box.dataset.seen = String(Number(box.dataset.seen) - arguments[1] * 60); window.slaClock.tick();",
                badge_css, minutes)
        return page.find(badge_css)

    assert later(10).text == "Response 30 min"
    badge = later(20)
    assert badge.get_attribute("data-state") == "warning"
    assert badge.text.split("\n") == ["Response 10 min", "(at risk)"]  # said, not only shown in amber
    badge = later(15)
    assert (badge.get_attribute("data-state"), badge.text) == ("breached", "Response breached")
