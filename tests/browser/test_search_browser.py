"""The header search box in a real browser (issue 21): "/" focuses it, a record number
jumps to the record, a phone number's suggestion is picked with the arrow keys and Enter,
and words list ranked results across kinds."""

import pytest
from selenium.webdriver.common.keys import Keys

from catalog.tests.factories import ContactFactory, ContactPhoneFactory, CustomerFactory
from core.roles import Role
from incidents.tests.factories import IncidentFactory
from problems.tests.factories import ProblemFactory


@pytest.fixture
def desk(make_user):
    agent = make_user(Role.AGENT, username="ann", first_name="Ann", last_name="Agent")
    contact = ContactFactory(name="Eleni Papadopoulou", customer=CustomerFactory(name="Acme Bank"))
    ContactPhoneFactory(contact=contact, number="+302101234567")
    incident = IncidentFactory(number="INC000123", title="Card terminal offline at the airport shop")
    problem = ProblemFactory(title="Card terminals drop their connection", description="airport shops, every evening")
    return {"agent": agent, "contact": contact, "incident": incident, "problem": problem}


def box(page):
    return page.find("#searchbox-q")


def options(page):
    return page.find_all("#searchbox-suggestions [role=option]")


def test_slash_focuses_the_box_and_a_number_jumps(page, desk):
    page.login(desk["agent"]).get("/")
    page.find("body").send_keys("/")
    page.wait_for(lambda d: page.js("return document.activeElement && document.activeElement.id") == "searchbox-q",
                  message="'/' did not focus the search box")
    box(page).send_keys("inc123")
    box(page).send_keys(Keys.ENTER)
    page.wait_for_path(f"/incidents/{desk['incident'].pk}/")
    assert "Card terminal offline" in page.find("h1").text
    assert page.csp_violations() == []


def test_a_phone_number_suggests_the_contact_picked_with_the_keyboard(page, desk):
    page.login(desk["agent"]).get("/")
    box(page).click()
    box(page).send_keys("0030 210 123 4567")
    page.wait_for(lambda d: any("Eleni Papadopoulou" in o.text for o in options(page)),
                  message="no suggestion for the phone number")
    assert box(page).get_attribute("aria-expanded") == "true"
    box(page).send_keys(Keys.ARROW_DOWN)
    first = options(page)[0]
    assert first.get_attribute("aria-selected") == "true"
    assert box(page).get_attribute("aria-activedescendant") == first.get_attribute("id")
    box(page).send_keys(Keys.ENTER)
    page.wait_for_path(f"/contacts/{desk['contact'].pk}/")
    page.screenshot("search-phone")


def test_words_list_ranked_results_across_kinds(page, desk):
    page.login(desk["agent"]).get("/")
    box(page).click()
    box(page).send_keys("card airport")
    page.wait_for(lambda d: len(options(page)) >= 3, message="no suggestions for the words")
    kinds = [o.get_attribute("data-kind") for o in options(page) if o.get_attribute("data-kind")]
    assert set(kinds) == {"incident", "problem"}
    box(page).send_keys(Keys.ENTER)  # nothing chosen: the results page
    page.wait_for_path("/search/")
    results = page.find("[data-testid=search-results]")
    kinds = [li.get_attribute("data-kind") for li in results.find_elements("css selector", "li.search-result")]
    assert kinds == ["incident", "problem"]  # "card" and "airport" both in the incident's title
    assert results.find_elements("css selector", "mark")
    page.screenshot("search-words")
    assert page.csp_violations() == []


def test_a_requester_searches_only_their_own(page, desk, make_user):
    rita = make_user(Role.REQUESTER, username="rita")
    mine = IncidentFactory(title="Card reader at my desk", requester=rita)
    page.login(rita).get("/search/?q=card")
    results = page.find("[data-testid=search-results]").text
    assert "Card reader at my desk" in results
    assert "Card terminal offline" not in results and "Card terminals drop" not in results
    assert page.find_all(f"a[href='/portal/incidents/{mine.pk}/']")
