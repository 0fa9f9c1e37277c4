"""The incident page in a real Chromium (issue 21, items 2, 7 and 10): the timeline's filter
chips swap the timeline without reloading the page and keep the choice in the address (a
reload shows the same), and a canned reply is inserted into a note with its placeholders
filled in, then saved."""

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.support.ui import Select

from catalog.models import CannedReply
from catalog.tests.factories import ContactFactory, ServiceFactory, TeamFactory
from core.roles import Role
from incidents import services
from sla.tests.factories import PolicyFactory


@pytest.fixture
def ticket(make_user):
    team, other = TeamFactory(name="Desk"), TeamFactory(name="Network")
    ann = make_user(Role.AGENT, username="ticket-ann", first_name="Ann", last_name="Agent")
    team.members.add(ann)
    service = ServiceFactory(name="Mail", owner_team=team)
    PolicyFactory(name="Incidents", response_minutes=240, resolution_minutes=960, pause_on=["on_hold"])
    contact = ContactFactory(name="Maria Papadopoulou")
    incident = services.incident_create(title="Mailbox full", actor=ann, service=service, team=team, contact=contact)
    incident = services.incident_start(incident=incident, actor=ann)
    services.incident_add_note(incident=incident, actor=ann, body="Quota is 2 GB", visibility="internal")
    incident = services.incident_hold(incident=incident, actor=ann, reason="waiting for the user")
    incident = services.incident_resume(incident=incident, actor=ann)
    CannedReply.objects.create(name="We are on it", team=team,
                               body="Dear {{ contact.name }}, we are working on {{ ticket.number }}. <b>{% now %}</b>")
    CannedReply.objects.create(name="Network only", team=other, body="not for Ann")
    return {"ann": ann, "incident": incident, "contact": contact}


def groups(page) -> set[str]:
    return {li.get_attribute("data-group") for li in page.find_all("#timeline li[data-group]")}


def test_filter_the_timeline_and_insert_a_canned_reply(page, ticket):
    incident = ticket["incident"]
    page.login(ticket["ann"])
    page.get(incident.get_absolute_url())
    assert groups(page) == {"notes", "changes"}  # no SLA ticks, no deliveries by default
    assert int(page.find("[data-testid=count-sla]").text) > 0
    page.js("window.__sameDocument = true;")

    page.find("[data-testid=chip-sla]").click()
    page.wait_for(lambda d: "sla" in groups(page), message="the SLA events never appeared")
    assert page.js("return window.__sameDocument === true;")  # swapped by HTMX, not reloaded
    assert "show=notes,messages,changes,sla" in page.driver.current_url
    page.find("[data-testid=chip-notes]").click()
    page.wait_for(lambda d: "notes" not in groups(page), message="the notes stayed")
    assert groups(page) == {"changes", "sla"}
    assert page.find("[data-testid=chip-notes]").get_attribute("aria-pressed") == "false"

    page.driver.refresh()  # the choice is in the address: a reload shows the same
    page.wait_for(lambda d: not page.js("return window.__sameDocument === true;"), message="no reload")
    assert groups(page) == {"changes", "sla"}
    page.find("[data-testid=timeline-default]").click()
    page.wait_for(lambda d: groups(page) == {"notes", "changes"}, message="the default view did not come back")

    # "n" focuses the composer (static/js/shortcuts.js reads data-shortcut)
    ActionChains(page.driver).send_keys("n").perform()
    page.wait_for(lambda d: page.js("return document.activeElement.id;") == "id_note-body",
                  message="n did not focus the note")
    page.find("#id_note-body").send_keys("Checked the quota.")
    options = [o.text for o in Select(page.find("[data-testid=canned-reply]")).options]
    assert "We are on it" in options and "Network only" not in options
    Select(page.find("[data-testid=canned-reply]")).select_by_visible_text("We are on it")
    expected = (f"Checked the quota.\n\nDear Maria Papadopoulou, we are working on {incident.number}. "
                "<b>{% now %}</b>")
    page.wait_for(lambda d: page.find("#id_note-body").get_attribute("value") == expected,
                  message="the canned reply was not inserted")
    assert page.find("[data-testid=canned-reply]").get_attribute("value") == ""  # the picker is ready again
    page.find("#id_note-visibility_1").click()  # a reply to the customer
    page.find("[data-testid=note-form] button[type=submit]").click()
    page.wait_for(lambda d: "saved" in page.find(".messages").text, message="the note was not saved")
    message = page.find("#timeline li[data-group=messages]")
    assert f"we are working on {incident.number}" in message.text and "<b>{% now %}</b>" in message.text
    page.screenshot("incident-timeline-filter-canned-reply")
