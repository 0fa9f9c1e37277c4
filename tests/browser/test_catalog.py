"""The contacts list (phone search in any format) and a contact's history."""

from catalog.services import contact_create, contact_update
from catalog.tests.factories import CustomerFactory


def rows(page):
    return [r.text for r in page.find_all("[data-testid=contact-table] tbody tr")]


def test_contacts_list_finds_a_number_written_another_way(page, agent):
    customer = CustomerFactory(name="Acme Hellas", tier="vip")
    contact_create(name="Eleni Papadopoulou", customer=customer, phone_numbers=["+302100000001"])
    contact_create(name="Other Person", phone_numbers=["+302100000099"])
    page.login(agent).get("/catalog/contacts/")

    listed = rows(page)
    assert len(listed) == 2
    eleni = next(r for r in listed if "Eleni" in r)
    assert "+302100000001" in eleni and "VIP" in eleni

    search = page.find("#q")
    search.send_keys("+30 210 000 0001")
    page.find("form.searchbar button[type=submit]").click()
    page.wait_for(lambda d: "q=" in d.current_url)

    listed = rows(page)
    assert len(listed) == 1
    assert "Eleni Papadopoulou" in listed[0]
    assert page.find("#q").get_attribute("value") == "+30 210 000 0001"


def test_contacts_list_searches_by_name_and_says_when_nothing_matches(page, agent):
    contact_create(name="Eleni Papadopoulou", phone_numbers=["+302100000001"])
    page.login(agent).get("/catalog/contacts/?q=papado")
    assert ["Eleni" in r for r in rows(page)] == [True]

    page.get("/catalog/contacts/?q=nobody")
    assert rows(page) == ["No contacts."]


def test_contact_detail_shows_its_history(page, agent):
    contact = contact_create(name="Nikos History", email="nikos@example.test", phone_numbers=["+302100000002"])
    contact_update(contact=contact, email="nikos@new.example.test")
    page.login(agent).get("/catalog/contacts/")
    page.find(f"a[href='/catalog/contacts/{contact.pk}/']").click()

    page.wait_for_path(f"/catalog/contacts/{contact.pk}/")
    assert page.find("h1").text == "Nikos History"
    assert "+302100000002" in page.find(".phone").text
    history = page.find("[data-testid=history]")
    headers = [th.text for th in history.find_elements("css selector", "thead th")]
    assert headers == ["When", "Who", "What", "Why"]
    what = [r.find_elements("css selector", "td")[2].text
            for r in history.find_elements("css selector", "tbody tr")]
    assert what == ["changed", "created"]  # newest first
