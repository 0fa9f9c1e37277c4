"""Pickers and the demo's call in a real browser: an agent picks a contact by name on the
new-incident form with the keyboard (type, arrow down, Enter) and sees the priority the
matrix gives; a staff user simulates an incoming call on the phone console and sees the
screen pop, then finds the call in the log and on the caller's 360° view."""

import pytest

from catalog.models import ContactPhone
from catalog.services import profile_update_preferences
from catalog.tests.factories import ContactFactory, CustomerFactory, TeamFactory
from contactcenter.models import Call, Line, Queue
from contactcenter.tests.signed import BASE, TOKEN
from core.roles import Role
from incidents import services as incident_services
from incidents.models import Incident

ARROW_DOWN, ENTER = "\ue015", "\ue007"


@pytest.fixture
def people():
    acme = CustomerFactory(name="Acme Bank")
    eleni = ContactFactory(name="Eleni Papadopoulou", email="eleni@acme.test", customer=acme)
    ContactPhone.objects.create(contact=eleni, number="+306900000001")
    ContactFactory(name="Nikos Georgiou", email="nikos@acme.test", customer=acme)
    return {"eleni": eleni}


def test_an_agent_picks_a_contact_by_name_with_the_keyboard(page, people, make_user):
    agent = make_user(Role.AGENT, username="ann", first_name="Ann", last_name="Agent")
    mia = make_user(Role.AGENT, username="mia", first_name="Mia", last_name="Member")
    cards = TeamFactory(name="Cards")
    cards.members.add(mia)
    page.login(agent)
    page.get("/incidents/new/")
    box = page.find("#id_contact-picker")
    assert box.get_attribute("role") == "combobox"
    assert page.find("label[for=id_contact-picker]")  # the label names the box people type in
    box.send_keys("elen")
    page.wait_for(lambda d: page.find_all("#id_contact-picker-listbox [role=option][data-value]"),
                  message="no suggestions")
    assert "Eleni Papadopoulou" in page.find("#id_contact-picker-listbox").text
    assert "Nikos" not in page.find("#id_contact-picker-listbox").text
    box.send_keys(ARROW_DOWN)
    page.screenshot("picker-open")
    assert box.get_attribute("aria-activedescendant") == "id_contact-picker-listbox-0"
    box.send_keys(ENTER)
    assert box.get_attribute("value") == "Eleni Papadopoulou"
    assert page.find("#id_contact").get_attribute("value") == f"#{people['eleni'].pk}"
    assert box.get_attribute("aria-expanded") == "false"

    other = page.find("#id_title")
    other.send_keys("Card declined abroad")
    page.wait_for(lambda d: page.find("[data-testid=priority-preview]").text.endswith("P3"),
                  message="no priority preview")  # impact 2 × urgency 2
    page.find("#id_urgency option[value='1']").click()
    page.wait_for(lambda d: page.find("[data-testid=priority-preview]").get_attribute("data-priority")
                  == str(incident_services.priority_for(2, 1)), message="the preview did not follow the urgency")
    # the assignee list follows the team
    assert "Ann Agent" in page.find("#id_assignee").text  # no team yet: every staff member
    page.find(f"#id_team option[value='{cards.pk}']").click()
    page.wait_for(lambda d: [o.text for o in page.find_all("#id_assignee option")] == ["---------", "Mia Member"],
                  message="the assignee list did not follow the team")
    page.find(f"#id_assignee option[value='{mia.pk}']").click()
    page.find("[data-testid=incident-form] button[type=submit]").click()
    page.wait_for(lambda d: Incident.objects.exists(), message="no incident recorded")
    incident = Incident.objects.get()
    assert incident.contact == people["eleni"] and incident.urgency == 1
    assert (incident.team, incident.assignee) == (cards, mia)
    assert page.csp_violations() == []


def test_no_match_is_a_friendly_message(page, people, make_user):
    page.login(make_user(Role.AGENT, username="ann"))
    page.get("/incidents/new/")
    box = page.find("#id_contact-picker")
    box.send_keys("Zorba")
    page.wait_for(lambda d: page.find_all("#id_contact-picker-listbox .picker-empty"), message="no message")
    assert "No contact matches “Zorba”" in page.find("#id_contact-picker-listbox").text
    box.send_keys("\ue00c")  # Escape closes the list
    assert page.find("#id_contact-picker-listbox").get_attribute("hidden") is not None


def test_the_list_opens_under_the_box_right_to_left(page, people, make_user):
    agent = make_user(Role.AGENT, username="ann")
    profile_update_preferences(user=agent, language="fa", timezone="Asia/Tehran")
    page.login(agent, sd_language="fa", sd_timezone="Asia/Tehran").get("/incidents/new/")
    assert page.find("html").get_attribute("dir") == "rtl"
    box = page.find("#id_contact-picker")
    box.send_keys("Eleni")
    page.wait_for(lambda d: page.find_all("#id_contact-picker-listbox [role=option][data-value]"),
                  message="no suggestions")
    edges = page.js("const b = arguments[0].getBoundingClientRect(), l = arguments[1].getBoundingClientRect();"
                    "return [b.right, l.right, b.bottom, l.top];", box, page.find("#id_contact-picker-listbox"))
    assert abs(edges[0] - edges[1]) < 2 and edges[3] >= edges[2]  # aligned on the start (right) edge, below
    page.screenshot("picker-rtl")


def test_a_simulated_call_pops_up_and_is_in_the_log(page, people, make_user, settings):
    settings.TWILIO_AUTH_TOKEN, settings.PUBLIC_BASE_URL = TOKEN, BASE
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "desk.example.test"]
    settings.DEMO_TELEPHONY = True
    Line.objects.create(number="+302100000100", name="Support", queue=Queue.objects.create(name="general"))
    agent = make_user(Role.AGENT, username="ann", first_name="Ann", last_name="Agent")
    page.login(agent)
    page.get("/contact-center/")
    assert page.find("[data-testid=screen-pop-idle]")
    caller = page.find("[data-testid=simulate-caller]")
    assert "Eleni Papadopoulou" in caller.text
    page.find(f"[data-testid=simulate-caller] option[value='{people['eleni'].pk}']").click()
    page.find("[data-testid=simulate-call-button]").click()
    page.wait_for(lambda d: page.find_all("[data-testid=screen-pop]"), timeout=5, message="no screen pop")
    card = page.find("[data-testid=screen-pop]").text
    assert "Eleni Papadopoulou" in card and "Acme Bank" in card
    call = Call.objects.get()
    assert call.agent == agent and call.contact == people["eleni"] and call.from_number == "+306900000001"
    page.screenshot("simulated-call")

    view = page.find("[data-testid=screen-pop] [data-testid=contact-360]").get_attribute("href")
    page.get("/contact-center/calls/")
    log = page.find("main table").text
    assert "Eleni Papadopoulou" in log and "Acme Bank" in log and "Ann Agent" in log
    page.get(view.removeprefix(page.base_url))  # the caller's 360° view, from the card
    assert page.find("[data-testid=name]").text == "Eleni Papadopoulou"
    assert "+306900000001" in page.find("[data-testid=timeline]").text  # the call, on the timeline

    page.get("/contact-center/")
    page.find("[data-testid=simulate-hangup]").click()
    page.wait_for(lambda d: page.find_all("[data-testid=screen-pop-idle]"), message="the call did not end")
    call.refresh_from_db()
    assert call.ended_at is not None
