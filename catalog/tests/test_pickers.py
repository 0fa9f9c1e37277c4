"""The contact and customer pickers' suggestions (catalog/pickers.py): found by name, by a
phone number however it is written, by e-mail; only what the user may see; a friendly
message when nothing matches; a fixed number of queries."""

import pytest
from django.urls import reverse

from catalog.models import ContactPhone
from catalog.phone import phone_from_query
from catalog.pickers import ContactPicker, contact_label, contact_suggestions, customer_suggestions
from catalog.tests.factories import ContactFactory, CustomerFactory
from core.roles import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    acme = CustomerFactory(name="Acme Bank", account_number="700123")
    eleni = ContactFactory(name="Eleni Papadopoulou", email="eleni@acme.test", customer=acme)
    ContactPhone.objects.create(contact=eleni, number="+302101234567")
    nikos = ContactFactory(name="Nikos Georgiou", email="nikos@other.test", customer=CustomerFactory(name="Olympus"))
    ContactPhone.objects.create(contact=nikos, number="+306900000002")
    return {"acme": acme, "eleni": eleni, "nikos": nikos}


def picks(client, user, name, q, **params):
    client.force_login(user)
    response = client.get(reverse(f"catalog:pick-{name}"), {"q": q, **params})
    assert response.status_code == 200
    return response.json()


@pytest.mark.parametrize("q", ["+30 210 123 4567", "+302101234567", "0030 210 1234567", "0030-210-123-4567",
                               "+30 (210) 123.4567"])
def test_a_contact_is_found_by_a_phone_number_written_any_way(people, agent, q):
    assert contact_suggestions(agent, q) == [people["eleni"]]


@pytest.mark.parametrize("q", ["210 123 4567", "2101234567", "210-1234567"])
def test_a_national_number_is_read_in_the_default_region(people, agent, settings, q):
    settings.PHONE_DEFAULT_REGION = "GR"
    assert contact_suggestions(agent, q) == [people["eleni"]]


def test_the_pickers_and_the_search_box_read_a_phone_number_by_one_rule(settings):
    from search.engine import parse_phone  # the search box, which sits below catalog

    settings.PHONE_DEFAULT_REGION = None
    for q in ("0030 210 1234567", "+30 210 123 4567", "210 123 4567", "hello", "12"):
        assert parse_phone(q) == phone_from_query(q)


def test_by_name_by_every_word_and_by_email(people, agent):
    assert contact_suggestions(agent, "eleni") == [people["eleni"]]
    assert contact_suggestions(agent, "papa ELE") == [people["eleni"]]
    assert contact_suggestions(agent, "ELENI@acme.test") == [people["eleni"]]
    assert contact_suggestions(agent, "nikos@") == [people["nikos"]]
    assert contact_suggestions(agent, "e") == []  # one letter: not yet


def test_the_endpoint_answers_the_value_the_field_takes(client, people, agent):
    data = picks(client, agent, "contacts", "Eleni")
    assert data["results"] == [{"value": f"#{people['eleni'].pk}", "id": people["eleni"].pk,
                                "label": "Eleni Papadopoulou",
                                "detail": "eleni@acme.test · +302101234567 · Acme Bank"}]
    assert data["empty"] == ""
    assert picks(client, agent, "contacts", "Eleni", value="id")["results"][0]["value"] == str(people["eleni"].pk)


def test_nothing_matches_says_so_kindly(client, people, agent):
    data = picks(client, agent, "contacts", "Zorba")
    assert data["results"] == []
    assert "No contact matches “Zorba”" in data["empty"] and "phone number" in data["empty"]
    assert "No customer matches" in picks(client, agent, "customers", "Zorba")["empty"]


def test_a_requester_is_offered_only_their_own_contact_and_customer(client, people, make_user):
    rita = make_user(Role.REQUESTER, username="rita")
    people["nikos"].user = rita
    people["nikos"].save()
    assert picks(client, rita, "contacts", "Eleni")["results"] == []
    assert picks(client, rita, "contacts", "+302101234567")["results"] == []
    assert [r["label"] for r in picks(client, rita, "contacts", "Nikos")["results"]] == ["Nikos Georgiou"]
    assert picks(client, rita, "customers", "Acme")["results"] == []
    assert [r["label"] for r in picks(client, rita, "customers", "Olympus")["results"]] == ["Olympus"]


def test_anonymous_users_get_nothing(client, people):
    response = client.get(reverse("catalog:pick-contacts"), {"q": "Eleni"})
    assert response.status_code == 302 and "Eleni" not in response.content.decode()


def test_customers_by_name_account_phone_and_email(people, agent):
    acme = people["acme"]
    assert customer_suggestions(agent, "acme") == [acme]
    assert customer_suggestions(agent, "7001") == [acme]
    assert customer_suggestions(agent, "+30 210 123 4567") == [acme]
    assert customer_suggestions(agent, "eleni@acme.test") == [acme]


def test_the_query_count_does_not_grow_with_the_matches(client, agent, django_assert_max_num_queries):
    for n in range(30):
        contact = ContactFactory(name=f"Maria {n:02d}")
        ContactPhone.objects.create(contact=contact, number=f"+30210555{n:04d}")
    client.force_login(agent)
    # session, user, groups (is the user staff?), contacts, their phones
    with django_assert_max_num_queries(5):
        data = client.get(reverse("catalog:pick-contacts"), {"q": "maria"}).json()
    assert len(data["results"]) == 8
    with django_assert_max_num_queries(4):
        client.get(reverse("catalog:pick-customers"), {"q": "maria"})


def test_the_widget_shows_the_name_and_submits_what_the_field_takes(people):
    html = ContactPicker().render("contact", f"#{people['eleni'].pk}", attrs={"id": "id_contact"})
    assert 'data-picker-label="Eleni Papadopoulou"' in html and f'value="#{people["eleni"].pk}"' in html
    assert 'data-picker-url="/catalog/pick/contacts/"' in html and "js/picker.js" in html
    assert "<script>" not in html and "style=" not in html  # CSP: nothing inline
    assert contact_label("eleni@acme.test") == "Eleni Papadopoulou"
    assert contact_label("nobody@acme.test") == ""
