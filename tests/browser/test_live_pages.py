"""Live pages in two real browsers (static/js/live.js, core/live.py): a queue that updates
when another agent assigns a ticket, and the collision banners when two agents have the
same incident open ("… is also viewing", "… changed this ticket just now")."""

import shutil
import tempfile

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from catalog.tests.factories import ServiceFactory, TeamFactory
from core.roles import Role
from incidents import services
from tests.browser.conftest import CHROMEDRIVER, Page, chrome_options, quiesce, start_clean

#: The first poll comes a second after the page loads, the next ones every 10 s.
FIRST_POLL = 8


@pytest.fixture(scope="module")
def second_browser(browser):
    """Another Chromium (its own profile, so its own cookies): the other agent's."""
    profile_dir = tempfile.mkdtemp(prefix="sd-chromium-2-")
    options = chrome_options(profile_dir)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(20)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile_dir, ignore_errors=True)


@pytest.fixture
def other_page(second_browser, live_server):
    pg = Page(second_browser, live_server.url)
    start_clean(pg)
    yield pg
    violations = pg.csp_violations()
    quiesce(pg)
    if violations:
        pytest.fail("Content-Security-Policy violations (second browser):\n" + "\n".join(violations), pytrace=False)


@pytest.fixture
def desk(make_user):
    team = TeamFactory(name="Service Desk L1")
    ann = make_user(Role.AGENT, username="ann", first_name="Ann", last_name="Agent")
    bob = make_user(Role.AGENT, username="bob", first_name="Bob", last_name="Builder")
    team.members.add(ann, bob)
    service = ServiceFactory(name="Internet banking", owner_team=team)
    return {"team": team, "ann": ann, "bob": bob, "service": service}


def row_text(page, number: str) -> str:
    return page.find(f"[data-number='{number}']").text


def test_the_queue_updates_when_another_agent_assigns_a_ticket(page, other_page, desk):
    incident = services.incident_create(title="VPN drops every hour", actor=desk["ann"], service=desk["service"])
    page.login(desk["ann"]).get("/incidents/?tab=all")
    assert "Bob Builder" not in row_text(page, incident.number)
    page.find(f"#pick-{incident.pk}").click()  # a ticked box survives the refresh
    version = page.find("#list-region").get_attribute("data-live-version")
    # Refreshed through the list's own partial (its results element), not the whole page.
    assert page.find("#list-region").get_attribute("data-live-target") == "queue-results"

    # Bob assigns it to himself from his own browser, on the incident's page.
    other_page.login(desk["bob"]).get(incident.get_absolute_url())
    services.incident_assign(incident=incident, actor=desk["bob"], assignee=desk["bob"])

    # Ann's queue shows it at its next poll, without a reload (the same window object).
    page.js("window.liveMarker = 'kept';")
    page.js("window.liveNow();")
    page.wait_for(lambda d: "Bob Builder" in row_text(page, incident.number), timeout=10,
                  message="the queue did not show Bob as the assignee")
    assert page.js("return window.liveMarker;") == "kept"
    assert page.find("#list-region").get_attribute("data-live-version") != version
    assert page.find(f"#pick-{incident.pk}").is_selected()


def test_the_collision_banners(page, other_page, desk):
    incident = services.incident_create(title="Printer on fire", actor=desk["ann"], service=desk["service"])
    page.login(desk["ann"]).get(incident.get_absolute_url())
    other_page.login(desk["bob"]).get(incident.get_absolute_url())

    # Bob's first poll (a second after his page loaded) finds Ann there.
    other_page.wait_for(lambda d: other_page.find("[data-testid=live-viewing]").text
                        == "Ann Agent is also viewing this ticket.", timeout=FIRST_POLL,
                        message="Bob was not told that Ann is viewing")
    assert other_page.find("[data-testid=live-viewing] bdi").text == "Ann Agent"
    # Ann's page, at its next poll, shows Bob.
    page.js("window.liveNow();")
    page.wait_for(lambda d: "Bob Builder is also viewing" in page.find("[data-testid=live-viewing]").text,
                  message="Ann was not told that Bob is viewing")

    # Ann starts typing a note; Bob assigns the incident to himself.
    page.find("#note-form textarea").send_keys("Checking the toner")
    services.incident_assign(incident=incident, actor=desk["bob"], assignee=desk["bob"])
    page.js("window.liveNow();")
    page.wait_for(lambda d: page.find("[data-testid=live-changed]").is_displayed(),
                  message="Ann was not told that Bob changed the incident")
    assert page.find("[data-testid=live-changed]").text.startswith("Bob Builder changed this ticket just now.")
    # The header and the details refreshed; what Ann was typing is still there.
    page.wait_for(lambda d: "Bob Builder" in page.find("[data-testid=assignee]").text,
                  message="the details did not show the new assignee")
    assert page.find("[data-testid=status]").text == "Assigned"
    assert page.find("#note-form textarea").get_attribute("value") == "Checking the toner"
    # Bob changed it himself: his page refreshes without a banner about himself.
    other_page.js("window.liveNow();")
    other_page.wait_for(lambda d: "Bob Builder" in other_page.find("[data-testid=assignee]").text,
                        message="Bob's page did not refresh")
    assert other_page.find_all("[data-testid=live-changed]") == []
