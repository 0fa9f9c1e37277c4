"""Incidents in a real browser: an agent takes an incident from the queue, writes a work
note and resolves it; the requester then sees it resolved in the portal. The pages fit a
phone (375 px) in Persian, right to left.

Screenshots go to ``BROWSER_SCREENSHOT_DIR`` (default ``/tmp/servicedesk-screenshots``)."""

from datetime import UTC, datetime, timedelta

import pytest
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from catalog.services import contact_create, profile_update_preferences
from catalog.tests.factories import (
    CIRelationFactory,
    ConfigurationItemFactory,
    CustomerFactory,
    ServiceFactory,
    TeamFactory,
)
from core.roles import Role
from incidents import services
from sla import services as sla
from sla.tests.factories import PolicyFactory
from tests.browser.helpers import check_page_fits


@pytest.fixture
def desk(make_user):
    team = TeamFactory(name="Service Desk L1")
    agent = make_user(Role.AGENT, username="ann", first_name="Ann", last_name="Agent")
    colleague = make_user(Role.AGENT, username="bob", first_name="Bob", last_name="Builder")
    team.members.add(agent, colleague)
    service = ServiceFactory(name="Internet banking", owner_team=team)
    requester = make_user(Role.REQUESTER, username="rita", first_name="Rita", last_name="Requester")
    customer = CustomerFactory(name="Acme Hellas Financial Services and Holdings S.A.", tier="vip")
    contact_create(name="Rita Requester", customer=customer, email="rita@acme.example.test",
                             phone_numbers=["+302100000001", "+306900000001"], user=requester)
    PolicyFactory(name="Incidents", response_minutes=240, resolution_minutes=960, pause_on=["on_hold"])
    return {"team": team, "agent": agent, "colleague": colleague, "service": service, "requester": requester}


def wait_for_status(page, label: str):
    page.wait_for(lambda d: page.find("[data-testid=status]").text == label,
                  message=f"status never became {label!r}")


def test_an_agent_resolves_an_incident_and_the_requester_sees_it(page, desk):
    incident = services.incident_create(title="Cannot log in to internet banking", actor=desk["requester"],
                                        service=desk["service"], description="Error 503 since this morning")
    other = services.incident_create(title="Statement download is slow", actor=desk["requester"],
                                     service=desk["service"])
    services.incident_assign(incident=other, actor=desk["colleague"], assignee=desk["colleague"])

    page.login(desk["agent"]).get("/")  # Ann (the login form has its own tests)
    page.nav_link("/incidents/").click()
    page.wait_for_path("/incidents/")
    assert page.find(".inc-tabs a[aria-current=page]").text == "My work"
    assert "No incidents here." in page.find("[data-testid=queue-table]").text

    # The tabs reload only the results (HTMX) and the address follows.
    page.js("window.__sameDocument = true;")
    page.find("#tab-unassigned").click()
    page.wait_for(lambda d: page.find(".inc-tabs a[aria-current=page]").text == "Unassigned",
                  message="the Unassigned tab never became current")
    assert page.js("return window.__sameDocument === true;"), "the page was reloaded, not swapped"
    assert "tab=unassigned" in page.path
    rows = page.find_all("[data-testid=queue-row]")
    assert [row.get_attribute("data-number") for row in rows] == [incident.number]
    assert "VIP" in rows[0].text and page.find_all("[data-testid=queue-row] [data-testid=sla-clock]")
    # a filter reloads the results too, and keeps the tab
    def filters_open(driver):
        # Open the filter panel (clicking its summary) until the priority checkboxes show.
        if not page.find(".inc-more").get_property("open"):
            page.find(".inc-more > summary").click()
            return False
        return page.find("input[name=priority][value='1']").is_displayed()

    page.wait_for(filters_open, message="the filters did not open")
    page.find("input[name=priority][value='1']").click()
    page.wait_for(lambda d: "No incidents here." in page.find("[data-testid=queue-table]").text,
                  message="the priority filter was not applied")
    assert "tab=unassigned" in page.path and "priority=1" in page.path
    page.find("input[name=priority][value='1']").click()
    page.wait_for(lambda d: len(page.find_all("[data-testid=queue-row]")) == 1, message="filter not removed")
    # so does typing in the search box (after a short pause)
    page.find("#id_q").send_keys("printer")
    page.wait_for(lambda d: not page.find_all("[data-testid=queue-row]"), message="the search was not applied")
    assert "q=printer" in page.path
    page.find("#id_q").send_keys(Keys.BACKSPACE * 7)
    page.wait_for(lambda d: len(page.find_all("[data-testid=queue-row]")) == 1, message="search not cleared")
    assert page.js("return window.__sameDocument === true;")
    page.screenshot("incident-queue-en-desktop")

    page.find(f"[data-testid=queue-row] a[href='/incidents/{incident.pk}/']").click()
    page.wait_for_path(f"/incidents/{incident.pk}/")
    assert page.find("[data-testid=number]").text == incident.number
    wait_for_status(page, "New")
    page.find("button[data-action=take]").click()
    wait_for_status(page, "Assigned")
    assert "assigned to you" in page.find(".messages").text
    assert page.find("[data-testid=assignee]").text == "Ann Agent"
    assert not page.find_all("button[data-action=take]")

    page.find("#id_note-body").send_keys("Checked the load balancer: node 2 returns 503.")
    assert page.find("#id_note-visibility_0").is_selected()  # a work note unless told otherwise
    page.find("[data-testid=note-form] button[type=submit]").click()
    page.wait_for(lambda d: "saved" in page.find(".messages").text, message="the note was not saved")
    note = page.find("[data-testid=timeline] .inc-tl-note")
    assert "node 2 returns 503" in note.text and note.find_element("css selector", "[data-testid=internal]")

    page.find("summary[data-action=resolve]").click()
    Select(page.find("#id_resolve-resolution_code")).select_by_value("fixed")
    page.find("#id_resolve-resolution").send_keys("Restarted node 2; logins work again.")
    page.find("[data-testid=resolve-form] button[type=submit]").click()
    wait_for_status(page, "Resolved")
    assert "Restarted node 2" in page.find("[data-testid=resolution]").text
    timeline = page.find("[data-testid=timeline]").text
    assert "Resolved" in timeline and "Ann Agent" in timeline
    page.screenshot("incident-resolved-en-desktop")

    # The requester, signed in, finds it resolved in the portal, without the work note.
    page.driver.delete_all_cookies()
    page.login(desk["requester"]).get("/")
    page.find("[data-testid=portal-links] a[href='/portal/']").click()
    page.wait_for_path("/portal/")
    item = page.find(f"[data-testid=portal-incidents] li[data-number='{incident.number}']")
    assert item.find_element("css selector", "[data-testid=portal-status]").text == "Resolved"
    item.find_element("css selector", "a").click()
    page.wait_for_path(f"/portal/incidents/{incident.pk}/")
    assert page.find("[data-testid=status]").text == "Resolved"
    assert page.find("[data-testid=progress] [aria-current=step]").text.startswith("Resolved")
    assert "Restarted node 2" in page.find("[data-testid=resolution]").text
    assert "node 2 returns 503" not in page.find("main").text
    page.screenshot("incident-portal-en-desktop")


@pytest.fixture
def busy_incident(desk):
    """An incident with something in every part of its page."""
    now = datetime.now(UTC)
    agent = desk["agent"]
    ci = ConfigurationItemFactory(name="ib-frontend-cluster-athens-01", service=desk["service"])
    CIRelationFactory(source=ci, target=ConfigurationItemFactory(name="core-banking-database-primary"),
                      kind="depends_on")
    CIRelationFactory(source=ci, target=ConfigurationItemFactory(name="vm-host-07"), kind="runs_on")
    master = services.incident_create(title="Internet banking unavailable for all customers", actor=agent,
                                      service=desk["service"], impact=1, urgency=1, at=now - timedelta(hours=6))
    incident = services.incident_create(
        title="Η σύνδεση στο internet banking αποτυγχάνει με σφάλμα 503 — ورود به بانکداری اینترنتی ممکن نیست",
        description="https://ib.acme.example.test/login/very/long/path/that/does/not/break/easily?session=abcdef",
        actor=desk["requester"], service=desk["service"], ci=ci, at=now - timedelta(hours=5))
    services.incident_assign(incident=incident, actor=agent, assignee=agent)
    services.incident_start(incident=incident, actor=agent)
    services.incident_add_note(incident=incident, actor=agent, visibility="internal",
                               body="Load balancer logs: upstream_connect_error_or_disconnect/reset_before_headers")
    services.incident_add_note(incident=incident, actor=agent, visibility="public",
                               body="Μας ενημερώσατε — εργαζόμαστε πάνω σε αυτό. ما در حال بررسی هستیم.")
    services.incident_hold(incident=incident, actor=agent, reason="waiting for the vendor")
    services.incident_resume(incident=incident, actor=agent)
    services.incident_link(incident=incident, actor=agent, parent=master)
    for n in range(3):
        services.incident_create(title=f"Login fails for branch {n}", actor=desk["requester"],
                                 service=desk["service"])
    sla.sla_sweep(now=now)
    return incident


@pytest.mark.parametrize("language", ["en", "fa"])
def test_the_incident_pages_fit_a_desktop_and_a_phone(page, desk, busy_incident, language):
    agent = desk["agent"]
    tz = "Asia/Tehran" if language == "fa" else "Europe/Athens"
    profile_update_preferences(user=agent, language=language, timezone=tz)
    page.login(agent, sd_language=language, sd_timezone=tz)
    pages = {"incident": f"/incidents/{busy_incident.pk}/", "queue": "/incidents/?tab=open",
             "new": "/incidents/new/", "edit": f"/incidents/{busy_incident.pk}/edit/",
             "portal-incident": f"/portal/incidents/{busy_incident.pk}/", "home": "/"}
    for width in ("desktop", "phone"):
        if width == "phone":
            page.set_phone()
        # On a phone the incident page comes last: the resolve form is tried on it below.
        for name, path in pages.items() if width == "desktop" else reversed(pages.items()):
            check_page_fits(page, f"incident-{name}-{language}-{width}", path)
            assert page.find("html").get_attribute("dir") == ("rtl" if language == "fa" else "ltr")

    # The incident page on a phone (loaded last above), with the resolve form open and an error in it.
    assert page.path == f"/incidents/{busy_incident.pk}/"
    page.find("summary[data-action=resolve]").click()
    Select(page.find("#id_resolve-resolution_code")).select_by_value("workaround")
    page.find("#id_resolve-resolution").send_keys("   ")  # the browser lets it through; the server does not
    page.find("[data-testid=resolve-form] button[type=submit]").click()
    page.wait_for(lambda d: page.find_all("#id_resolve-resolution_error"), message="no error under the resolution")
    assert page.find("summary[data-action=resolve]").find_element("xpath", "..").get_attribute("open")
    assert page.horizontal_overflow() == 0
    page.screenshot(f"incident-resolve-error-{language}-phone")
    if language == "fa":
        width = page.js("return document.documentElement.clientWidth;")
        title = page.find("main h1").rect
        assert title["x"] + title["width"] > width - 40, "the title should start at the right edge"

    requester = desk["requester"]
    page.driver.delete_all_cookies()
    profile_update_preferences(user=requester, language=language, timezone=tz)
    page.login(requester, sd_language=language, sd_timezone=tz)
    for name, path in {"portal": "/portal/", "portal-mine": f"/portal/incidents/{busy_incident.pk}/",
                       "requester-home": "/"}.items():
        check_page_fits(page, f"incident-{name}-{language}-phone", path)
    page.set_desktop()
