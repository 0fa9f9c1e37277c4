"""The 360° view in a real browser (issue 19): an agent takes a call from a known customer,
opens the caller's 360° view from the screen pop, sees the history, and raises an
opportunity from the call in one click."""

import pytest
from django.test import Client

from catalog.choices import CustomerTier
from catalog.models import ContactPhone
from catalog.tests.factories import AgentProfileFactory, ContactFactory, CustomerFactory, SkillFactory
from contactcenter.models import Call, Line, Queue
from contactcenter.tests.signed import BASE, TOKEN, incoming, post
from core.roles import Role
from crm.models import Opportunity
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


def test_from_the_screen_pop_to_the_360_view_and_an_opportunity(page, desk):
    page.login(desk["agent"]).get("/contact-center/")  # the login form has its own tests
    page.find("[data-testid=state-available]").click()
    page.wait_for(lambda d: page.find("[data-testid=state-available]").get_attribute("aria-pressed") == "true",
                  message="the agent never became available")
    assert post(Client(), "voice", incoming("CA360")).status_code == 200
    page.wait_for(lambda d: page.find_all("[data-testid=contact-360]"), timeout=5, message="no screen pop")
    call = Call.objects.get(call_sid="CA360")

    page.find("[data-testid=contact-360]").click()
    contact = desk["contact"]
    page.wait_for_path(f"/contacts/{contact.pk}/")
    view = page.find("[data-testid=customer-360]").text
    assert "Eleni Papadopoulou" in view and "VIP" in view
    assert "Card blocked after travel" in page.find("[data-testid=open-tickets]").text
    timeline = page.find("[data-testid=timeline]").text
    assert "Card blocked after travel" in timeline and "+30690" in timeline.replace(" ", "")
    page.screenshot("customer-360")

    page.find("#id_opportunity-product").send_keys("Gold credit card")
    page.find("#id_opportunity-value").send_keys("120")
    page.find("[data-action=raise-opportunity]").click()
    page.wait_for(lambda d: Opportunity.objects.exists(), message="no opportunity raised")
    opportunity = Opportunity.objects.get()
    assert opportunity.call == call and opportunity.contact == contact and opportunity.owner == desk["agent"]
    page.wait_for(lambda d: "Gold credit card" in page.find("[data-testid=timeline]").text,
                  message="the opportunity is not on the timeline")
