"""The pages under the Content-Security-Policy in a real Chromium (issue 15, item 20): what
used to be inline still works from static files, nothing is refused (the ``page`` fixture
fails any test whose pages logged a CSP violation), and the lockout page shows."""

import pytest
from selenium.webdriver.common.by import By

from catalog.tests.factories import ServiceFactory, TeamFactory
from core.roles import Role
from incidents import services
from sla.tests.factories import PolicyFactory

PASSWORD = "demo-pass-123"  # catalog.tests.factories.UserFactory's


@pytest.fixture
def floor(make_user):
    team = TeamFactory(name="Desk")
    agent = make_user(Role.AGENT, username="csp-agent")
    manager = make_user(Role.MANAGER, Role.AGENT, username="csp-manager")
    team.members.add(agent, manager)
    service = ServiceFactory(name="Mail", owner_team=team)
    PolicyFactory(name="Incidents", response_minutes=240, resolution_minutes=960)
    incidents = [services.incident_create(title=f"Mail is slow {n}", actor=agent, service=service, team=team)
                 for n in range(3)]
    return {"agent": agent, "manager": manager, "incidents": incidents}


def test_the_policy_is_enforced_by_the_browser(page, floor):
    """A script the policy forbids, added after load, is refused: the check below is real."""
    page.login(floor["agent"]).get("/")
    page.js("const s = document.createElement('script'); s.textContent = 'window.inlineRan = true;';"
            "document.body.appendChild(s);")
    assert page.js("return window.inlineRan === true;") is False
    assert page.csp_violations(), "the browser reported no violation for an inline script"


def test_select_all_ticks_every_row_from_its_static_script(page, floor):
    page.login(floor["agent"]).get("/incidents/?tab=team")
    boxes = page.wait_for(lambda d: page.find_all("input[name='bulk-ids']"), message="no rows")
    assert len(boxes) == 3

    page.find("[data-select-all]").click()
    assert all(box.is_selected() for box in page.find_all("input[name='bulk-ids']"))
    page.find("[data-select-all]").click()
    assert not any(box.is_selected() for box in page.find_all("input[name='bulk-ids']"))

    # After HTMX swaps the results (a search), the new rows obey too.
    page.find("#id_q").send_keys("slow 1")
    # Leaving the box fires its "change" (one more search) now rather than when the click below
    # takes the focus, which swapped the rows again after the click (a stale row, seen once).
    page.js("document.activeElement.blur();")
    page.wait_for(lambda d: len(page.find_all("input[name='bulk-ids']")) == 1
                  and not page.find_all(".htmx-request"), message="search did not narrow")
    page.find("[data-select-all]").click()
    assert page.find("input[name='bulk-ids']").is_selected()


@pytest.mark.parametrize("path", ["/", "/incidents/", "/problems/", "/changes/", "/catalog/contacts/",
                                  "/contact-center/", "/profile/", "/dashboards/", "/dashboards/wallboard/",
                                  "/dashboards/staffing/", "/sla/", "/status/", "/portal/"])
def test_staff_pages_load_with_nothing_refused(page, floor, path):
    page.login(floor["manager"]).get(path)
    page.wait_for(lambda d: page.js("return document.readyState") == "complete")
    assert page.find_all("main"), path
    assert page.js("return typeof window.htmx") == "object"


def test_an_incident_page_with_its_clocks_and_live_parts(page, floor):
    incident = floor["incidents"][0]
    page.login(floor["agent"]).get(f"/incidents/{incident.pk}/")
    page.wait_for(lambda d: page.js("return document.readyState") == "complete")
    assert page.js("return typeof window.slaClock") == "object"  # sla-clock.js ran


def test_the_dashboard_charts_keep_their_style(page, floor):
    page.login(floor["manager"]).get("/dashboards/")
    title = page.wait_for(lambda d: page.find("[data-testid=volume-chart] svg .title"), message="no chart")
    # pygal's stylesheet applied (its <style> carries the nonce): the title uses its font size
    # (kpis.views.dashboard.READABLE).
    assert page.js("return getComputedStyle(arguments[0]).fontSize;", title) == "20px"


def test_the_status_page_and_the_login_page(page, floor):
    page.get("/status/")
    assert page.find("[data-testid=status-banner]")
    page.get("/login/")
    assert page.find("#id_username")


def test_the_api_docs_render_swagger_ui(page, floor):
    page.login(floor["agent"]).get("/api/docs/")
    page.wait_for(lambda d: page.find_all(".swagger-ui .info .title"), timeout=15, message="Swagger UI did not render")
    assert "Service desk API" in page.find(".swagger-ui .info .title").text


def test_the_admin_login_page(page, floor):
    page.get("/admin/login/")
    assert page.find_all("#id_username")


def test_a_locked_out_person_sees_the_lockout_page(page, floor, settings):
    # Three failures lock here (the live server is a thread of this process: it reads the
    # override); the configured limit is tests/test_login_lockout.py's. Each failure is a
    # login form loaded and posted: ten of them were 5 s of this test.
    settings.AXES_FAILURE_LIMIT = 3
    for _ in range(settings.AXES_FAILURE_LIMIT):
        page.login_form("csp-agent", "wrong-password")
    alert = page.wait_for(lambda d: page.driver.find_element(By.CSS_SELECTOR, "[data-testid=locked-out] [role=alert]"),
                          message="no lockout page")
    assert "Too many failed attempts to log in." in alert.text
    page.login_form("csp-agent", PASSWORD)
    assert page.find_all("[data-testid=locked-out]") and not page.find_all(".mainnav")
