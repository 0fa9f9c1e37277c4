"""The screen pop in a real browser: an agent goes available on the phone console, a known
VIP calls (a signed Twilio webhook), the caller's card appears within about a second, and
the agent records an incident from the call, which links the call."""

import time

import pytest
from django.test import Client

from catalog.choices import CustomerTier
from catalog.models import ContactPhone
from catalog.tests.factories import AgentProfileFactory, ContactFactory, CustomerFactory, SkillFactory
from contactcenter.models import Call, Line, Queue
from contactcenter.tests.signed import BASE, TOKEN, incoming, post
from core.roles import Role
from incidents import services as incidents


@pytest.fixture
def desk(make_user, settings):
    settings.TWILIO_AUTH_TOKEN, settings.PUBLIC_BASE_URL = TOKEN, BASE
    skill = SkillFactory(name="cards")
    queue = Queue.objects.create(name="cards", skill=skill)
    Line.objects.create(number="+302100000000", name="Support", queue=queue)
    agent = make_user(Role.AGENT, username="ann", first_name="Ann", last_name="Agent")
    AgentProfileFactory(user=agent).skills.add(skill)
    contact = ContactFactory(name="Eleni Papadopoulou", customer=CustomerFactory(name="Acme Bank",
                                                                                 tier=CustomerTier.VIP))
    ContactPhone.objects.create(contact=contact, number="+306900000001")
    incidents.incident_create(title="Card blocked after travel", actor=agent, contact=contact, channel="phone")
    return {"agent": agent, "contact": contact}


def test_the_callers_card_pops_up_and_an_incident_is_recorded_from_the_call(page, desk):
    page.login(desk["agent"]).get("/contact-center/")  # the login form has its own tests
    assert page.find("[data-testid=screen-pop-idle]")
    page.find("[data-testid=state-available]").click()
    page.wait_for(lambda d: page.find("[data-testid=state-available]").get_attribute("aria-pressed") == "true",
                  message="the agent never became available")

    rang = time.monotonic()
    assert post(Client(), "voice", incoming("CA1")).status_code == 200
    page.wait_for(lambda d: page.find_all("[data-testid=screen-pop]"), timeout=3, message="no screen pop")
    shown_after = time.monotonic() - rang
    card = page.find("[data-testid=screen-pop]").text
    assert "Eleni Papadopoulou" in card and "Acme Bank" in card and "VIP" in card
    assert "Card blocked after travel" in card
    assert shown_after < 2.5, f"the card took {shown_after:.1f} s"
    page.screenshot("screen-pop")

    page.find("[data-testid=incident-from-call]").click()
    page.wait_for(lambda d: page.find_all("#id_title"), message="no incident form")
    page.find("#id_title").send_keys("Card declined abroad")
    page.find("[data-testid=incident-form] button[type=submit]").click()
    page.wait_for(lambda d: page.path.startswith("/incidents/") and page.path.rstrip("/").split("/")[-1].isdigit(),
                  message="no incident page")
    call = Call.objects.get(call_sid="CA1")
    assert call.incident is not None and call.incident.title == "Card declined abroad"
    assert call.incident.contact == desk["contact"] and call.incident.channel == "phone"
