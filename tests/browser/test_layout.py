"""Layout on a desktop and on a phone (375 px), left-to-right and right-to-left.

Each page is also saved as a PNG under ``BROWSER_SCREENSHOT_DIR`` (default
``/tmp/servicedesk-screenshots``) for a person to look at."""

import pytest

from catalog.services import contact_create, contact_update, profile_update_preferences
from catalog.tests.factories import CustomerFactory, ServiceFactory, TeamFactory
from notifications.models import Notification
from tests.browser.helpers import check_page_fits


@pytest.fixture
def busy_agent(agent):
    """An agent with something on every page: a team, services, contacts and news."""
    team = TeamFactory(name="Service Desk L1", manager=agent)
    team.members.add(agent)
    for name in ("E-mail", "VPN", "Payroll"):
        ServiceFactory(name=name, owner_team=team)
    acme = CustomerFactory(name="Acme Hellas S.A.", tier="vip")
    globex = CustomerFactory(name="Globex International Holdings Ltd", tier="gold")
    eleni = contact_create(name="Eleni Papadopoulou", customer=acme, email="eleni.papadopoulou@acme.example.test",
                           phone_numbers=["+302100000001", "+306900000001"])
    contact_update(contact=eleni, email="eleni@acme.example.test")
    contact_create(name="Γιώργος Νικολάου", customer=acme, email="g.nikolaou@acme.example.test",
                   phone_numbers=["+302100000002"])
    contact_create(name="مریم احمدی", customer=globex, email="maryam@globex.example.test",
                   phone_numbers=["+982100000001"])
    contact_create(name="Walk-in caller", phone_numbers=["+351210000001"])
    Notification.objects.create(user=agent, subject="INC-1042 assigned to you",
                                body="VPN down for the Athens office; customer is VIP.")
    Notification.objects.create(user=agent, subject="SLA warning on INC-1038")
    agent.contact_pk = eleni.pk
    return agent


@pytest.mark.parametrize("language", ["en", "fa"])
def test_pages_fit_a_desktop_and_a_phone(page, busy_agent, language):
    tz = "Asia/Tehran" if language == "fa" else "Europe/Athens"
    profile_update_preferences(user=busy_agent, language=language, timezone=tz)
    page.login(busy_agent, sd_language=language, sd_timezone=tz)
    pages = {"home": "/", "contacts": "/catalog/contacts/", "profile": "/profile/",
             "contact": f"/catalog/contacts/{busy_agent.contact_pk}/"}
    for width_name in ("desktop", "phone"):
        if width_name == "phone":
            page.set_phone()
        for name, path in pages.items():
            check_page_fits(page, f"{name}-{language}-{width_name}", path)
            assert page.find("html").get_attribute("dir") == ("rtl" if language == "fa" else "ltr")
        page.set_desktop()


def test_login_page_fits_a_phone(page):
    page.set_phone()
    check_page_fits(page, "login-en-phone", "/login/")
    form = page.find("form.stack").rect
    assert form["width"] > 250, "the login form should use the phone's width"
