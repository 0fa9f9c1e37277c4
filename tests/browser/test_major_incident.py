"""Major incidents in a real browser: a manager declares one from the incident page, lands
in the war room, puts someone on the team, adds a task and posts an update for the public;
the war room refreshes itself; someone not logged in then reads the update on the public
status page. The pages fit a phone (375 px).

Screenshots go to ``BROWSER_SCREENSHOT_DIR`` (default ``/tmp/servicedesk-screenshots``)."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from selenium.webdriver.support.ui import Select

from catalog.tests.factories import ServiceFactory, TeamFactory
from core.roles import Role
from incidents import services
from incidents.models import MajorIncident, SpikeAlert, SpikeRule
from tests.browser.helpers import check_page_fits

UPDATE_TEXT = "Card payments fail in all shops. We expect a fix by 15:00."


@pytest.fixture
def desk(make_user):
    boss = make_user(Role.MANAGER, username="mia", first_name="Mia", last_name="Manager")
    tech = make_user(Role.AGENT, username="tom", first_name="Tom", last_name="Tech")
    team = TeamFactory(name="Payments ops", manager=boss)
    team.members.add(tech)
    service = ServiceFactory(name="Card payments", owner_team=team)
    rita = make_user(Role.REQUESTER, username="rita", first_name="Rita", last_name="Requester")
    incident = services.incident_create(title="Card payments fail at the till", actor=rita, service=service)
    return {"boss": boss, "tech": tech, "service": service, "rita": rita, "incident": incident}


def message_shows(page, text: str):
    page.wait_for(lambda d: text in page.find(".messages").text, message=f"no message {text!r}")


def test_a_manager_runs_a_major_incident_and_the_public_reads_the_update(page, desk, settings):
    settings.MAJOR_INCIDENT_REFRESH_SECONDS = 1  # the war room's live part (10 s by default) below
    incident = desk["incident"]
    page.login(desk["boss"])  # Mia (the login form has its own tests)

    # Declare from the incident page (its navigation has the major incidents).
    page.get(f"/incidents/{incident.pk}/")
    assert "Major incidents" in page.nav_labels()
    page.find("summary[data-action=declare-major]").click()
    summary = page.find("#id_declare-summary")
    assert summary.get_attribute("value") == incident.title  # prefilled, editable
    summary.clear()
    summary.send_keys("Card payments down in every shop")
    page.find("[data-testid=declare-form] button[type=submit]").click()
    page.wait_for(lambda d: page.path.startswith("/major-incidents/"), message="not sent to the war room")
    major = MajorIncident.objects.get()
    page.wait_for_path(f"/major-incidents/{major.pk}/")
    assert page.find("[data-testid=summary]").text == "Card payments down in every shop"
    assert page.find("[data-testid=status]").text == "Declared"
    assert page.find("[data-testid=bridge-pin]").text == major.bridge_pin
    assert "declared a major incident" in page.find("[data-testid=timeline]").text
    assert "war room" in page.find(".messages").text

    # Put Tom on the team as communications lead.
    page.find("#id_member-user").send_keys("tom")
    Select(page.find("#id_member-role")).select_by_value("communications_lead")
    page.find("[data-testid=member-form] button[type=submit]").click()
    message_shows(page, "The team is updated.")
    member = page.find("[data-testid=member][data-user=tom]")
    assert "Communications lead" in member.text

    # A task for Tom.
    page.find("#id_task-title").send_keys("Fail over to the spare gateway")
    Select(page.find("#id_task-assignee")).select_by_visible_text("Tom Tech")
    page.find("[data-testid=task-form] button[type=submit]").click()
    message_shows(page, "The task is on the board.")
    task = page.find("[data-testid=task]")
    assert "Fail over to the spare gateway" in task.text and "Tom Tech" in task.text
    assert task.get_attribute("data-status") == "open"

    # An update for the public status page.
    page.find("summary[data-action=update]").click()
    page.find("input[name=update-audiences][value=public]").click()
    page.find("#id_update-body").send_keys(UPDATE_TEXT)
    page.find("[data-testid=update-form] button[type=submit]").click()
    message_shows(page, "The update is sent.")
    assert UPDATE_TEXT in page.find("[data-testid=update-list]").text
    assert "Public status page" in page.find("[data-testid=update-list]").text
    page.screenshot("major-war-room-en-desktop")

    # The live part refreshes by itself: news from elsewhere shows up without a reload.
    page.js("window.__sameDocument = true;")
    services.major_incident_transition(major=major, actor=desk["boss"], action="mobilise")
    page.wait_for(lambda d: page.find("[data-testid=status]").text == "Mobilised", timeout=15,
                  message="the war room did not refresh itself")
    assert "Mobilised" in page.find("[data-testid=timeline]").text
    assert page.js("return window.__sameDocument === true;"), "the page was reloaded, not refreshed in place"
    assert page.find("#id_task-title").get_attribute("value") == ""  # the forms were left alone

    # Logged out, the public status page shows the update.
    page.driver.delete_all_cookies()
    page.get("/status/")
    page.wait_for(lambda d: UPDATE_TEXT in page.find("body").text, message="the update is not on /status/")
    page.screenshot("major-status-page-en-desktop")


def test_the_major_incident_pages_fit_a_phone(page, desk):
    major = services.major_incident_declare(incident=desk["incident"], actor=desk["boss"],
                                            summary="Card payments down in every shop — Πληρωμές με κάρτα")
    services.major_incident_add_member(major=major, actor=desk["boss"], user=desk["tech"],
                                       role="communications_lead")
    services.major_incident_add_task(major=major, actor=desk["boss"], title="Fail over to the spare gateway",
                                     assignee=desk["tech"], due_at=timezone.now() + timedelta(hours=1))
    services.major_incident_post_update(major=major, actor=desk["boss"], audiences=["public", "management"],
                                        what="Card payments", where="All shops", body=UPDATE_TEXT)
    for n in range(3):
        services.incident_create(title=f"Cannot pay {n}", actor=desk["rita"], service=desk["service"])
    other = ServiceFactory(name="Internet banking")
    rule = SpikeRule.objects.create(service=other, threshold=5, baseline_multiplier=Decimal("3"))
    now = timezone.now()
    alert = SpikeAlert.objects.create(rule=rule, service=other, count=14, baseline=Decimal("2.25"),
                                      window_start=now - timedelta(minutes=15), window_end=now)
    page.login(desk["boss"])
    pages = {"war-room": f"/major-incidents/{major.pk}/", "list": "/major-incidents/",
             "postmortem": f"/major-incidents/{major.pk}/postmortem/", "spike": f"/major-incidents/spikes/{alert.pk}/",
             "incident": f"/incidents/{desk['incident'].pk}/"}
    for width in ("desktop", "phone"):
        if width == "phone":
            page.set_phone()
        # On a phone the war room comes last: a bad update is tried on it below.
        for name, path in pages.items() if width == "desktop" else reversed(pages.items()):
            check_page_fits(page, f"major-{name}-en-{width}", path)

    # On a phone (the war room, loaded last above), a bad update shows its errors in place, and the page still fits.
    assert page.path == f"/major-incidents/{major.pk}/"
    page.find("summary[data-action=update]").click()
    page.find("#id_update-what").clear()
    page.find("#id_update-what").send_keys("   ")  # the browser lets it through; the server does not
    page.find("[data-testid=update-form] button[type=submit]").click()
    page.wait_for(lambda d: page.find_all("[data-testid=update-form] .errorlist"), message="no errors shown")
    assert page.find("summary[data-action=update]").find_element("xpath", "..").get_attribute("open")
    assert page.horizontal_overflow() == 0
    page.screenshot("major-update-error-en-phone")

    # One click on the spike alert declares a major incident and opens its war room.
    page.get(f"/major-incidents/spikes/{alert.pk}/")
    page.find("button[data-action=declare]").click()
    page.wait_for(lambda d: page.path.startswith("/major-incidents/") and "spikes" not in page.path,
                  message="not sent to the new war room")
    alert.refresh_from_db()
    assert alert.status == "declared" and page.path == f"/major-incidents/{alert.major_incident_id}/"
    page.set_desktop()
