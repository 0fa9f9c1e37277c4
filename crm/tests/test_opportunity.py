"""Opportunities (issue 19): the pipeline's lifecycle and guards through the API (409 on a
refused move, one success out of two concurrent ones), validation (400 with field errors),
who sees what, the history, the API contract, and the pages."""

import threading
from decimal import Decimal

import pytest
from django.db import close_old_connections
from rest_framework.test import APIClient

from catalog.tests.factories import ContactFactory
from contactcenter.models import Call
from core.roles import Role
from crm.models import Opportunity
from crm.selectors import agent_figures, opportunity_available_actions
from crm.services.opportunity import opportunity_create, opportunity_win
from tests.api_contract import STAFF, ApiContract, Resource, router_resources, unique

from .factories_opportunity import OpportunityFactory

pytestmark = pytest.mark.django_db
URL = "/api/v1/opportunities/"


def test_raise_from_a_call_brings_its_contact_and_customer(api, make_user):
    agent = make_user(Role.AGENT)
    contact = ContactFactory()
    call = Call.objects.create(call_sid="CA-opp", contact=contact, customer=contact.customer)
    response = api.as_user(agent).post(URL, {"call": call.pk, "product": "Travel insurance", "value": "350.50",
                                             "currency": "eur", "expected_close": "2030-01-31"}, format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["contact"] == contact.pk and body["customer"] == contact.customer_id and body["call"] == call.pk
    assert body["stage"] == "new" and body["owner"] == agent.pk and body["currency"] == "EUR"
    assert body["title"] == "Travel insurance" and body["value"] == 350.5
    assert body["available_actions"] == ["qualify", "lose", "edit"]


@pytest.mark.parametrize(("payload", "field"), [
    ({"value": "-1"}, "value"),
    ({"currency": "EURO"}, "currency"),
    ({"currency": "XYZ"}, "currency"),
    ({"currency": ""}, "currency"),
    ({"product": ""}, "product"),
    ({"contact": None}, "contact"),
    ({"value": "abc"}, "value"),
])
def test_bad_input_is_a_400_with_field_errors(api, make_user, payload, field):
    contact = ContactFactory()
    body = {"contact": contact.pk, "product": "Card", "value": "10", "currency": "EUR", **payload}
    response = api.as_user(make_user(Role.AGENT)).post(URL, body, format="json")
    assert response.status_code == 400 and field in response.json(), response.content
    assert not Opportunity.objects.exists()


def test_the_lifecycle_and_its_guards(api, make_user):
    agent = make_user(Role.AGENT)
    client = api.as_user(agent)
    opportunity = OpportunityFactory(owner=agent, value=Decimal("0"))
    detail = f"{URL}{opportunity.pk}/"
    assert client.post(f"{detail}win/").status_code == 409  # new → won: not a move
    refused = client.post(f"{detail}propose/")
    assert refused.status_code == 409 and refused.json()["code"] == "invalid_transition"
    assert client.post(f"{detail}qualify/").json()["stage"] == "qualified"
    no_value = client.post(f"{detail}propose/")
    assert no_value.status_code == 400 and "value" in no_value.json()  # a proposal needs a price
    assert client.patch(detail, {"value": "900"}, format="json").status_code == 200
    assert client.post(f"{detail}propose/").json()["stage"] == "proposal"
    assert client.post(f"{detail}lose/", {}, format="json").status_code == 400  # the reason is required
    won = client.post(f"{detail}win/").json()
    assert won["stage"] == "won" and won["closed_at"] and won["available_actions"] == []
    assert client.post(f"{detail}lose/", {"reason": "late"}, format="json").status_code == 409
    assert client.patch(detail, {"value": "1"}, format="json").status_code == 409  # closed: no edits
    with pytest.raises(Exception):  # noqa: B017 (django-fsm's protected field refuses a direct write)
        opportunity.stage = "won"
    history = client.get(f"{detail}history/").json()
    assert [e["history_change_reason"] for e in history["results"]][:4] == ["won", "proposal sent", "edited",
                                                                             "qualified"]
    assert history["results"][0]["history_user"] == agent.pk


def test_lose_keeps_the_reason(api, make_user):
    agent = make_user(Role.AGENT)
    opportunity = OpportunityFactory(owner=agent)
    body = api.as_user(agent).post(f"{URL}{opportunity.pk}/lose/", {"reason": "Chose a competitor"},
                                   format="json").json()
    assert body["stage"] == "lost" and body["lost_reason"] == "Chose a competitor"


def test_who_sees_and_moves_what(api, make_user):
    ann, bob = make_user(Role.AGENT), make_user(Role.AGENT)
    manager, requester = make_user(Role.MANAGER), make_user(Role.REQUESTER)
    anns = OpportunityFactory(owner=ann)
    assert api.as_user(requester).get(URL).status_code == 403
    assert api.as_user(requester).get(f"{URL}{anns.pk}/").status_code == 403
    assert api.as_user(bob).get(f"{URL}{anns.pk}/").status_code == 404
    assert api.as_user(bob).post(f"{URL}{anns.pk}/qualify/").status_code == 404
    assert [o["id"] for o in api.as_user(bob).get(URL).json()["results"]] == []
    assert [o["id"] for o in api.as_user(manager).get(URL).json()["results"]] == [anns.pk]
    assert api.as_user(manager).post(f"{URL}{anns.pk}/qualify/").status_code == 200
    assert opportunity_available_actions(bob, anns) == []
    assert opportunity_available_actions(requester, anns) == []


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_wins_one_success(make_user):
    """Two agents' connections press "won" at once: one wins, the other is told (409)."""
    manager = make_user(Role.MANAGER)
    owner = make_user(Role.AGENT)
    opportunity = OpportunityFactory(owner=owner)
    Opportunity.objects.filter(pk=opportunity.pk).update(stage="proposal")
    from rest_framework.authtoken.models import Token
    tokens = [Token.objects.create(user=u).key for u in (manager, owner)]
    barrier, codes = threading.Barrier(2), []

    def press(key):
        try:
            client = APIClient()
            client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
            barrier.wait()
            codes.append(client.post(f"{URL}{opportunity.pk}/win/").status_code)
        finally:
            close_old_connections()

    threads = [threading.Thread(target=press, args=(key,)) for key in tokens]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(codes) == [200, 409]
    assert Opportunity.objects.get(pk=opportunity.pk).history.filter(history_change_reason="won").count() == 1


def test_agent_figures(make_user):
    ann, bob = make_user(Role.AGENT, first_name="Ann"), make_user(Role.AGENT, first_name="Bob")
    contact = ContactFactory()
    for value in ("100", "250"):
        o = opportunity_create(actor=ann, product="Card", value=value, currency="EUR", contact=contact)
        Opportunity.objects.filter(pk=o.pk).update(stage="proposal")
        opportunity_win(opportunity=o, actor=ann)
    opportunity_create(actor=ann, product="Loan", value="5", currency="USD", contact=contact)
    opportunity_create(actor=bob, product="Loan", value="5", currency="USD", contact=contact)
    figures = {f["name"]: f for f in agent_figures()}
    assert figures[ann.get_full_name() or ann.username]["raised"] == 3
    assert figures[ann.get_full_name() or ann.username]["won"] == 2
    assert figures[ann.get_full_name() or ann.username]["won_value"] == {"EUR": Decimal("350")}
    assert figures[bob.get_full_name() or bob.username]["won"] == 0


# --- the API contract (tests/api_contract.py) ---------------------------------------------------
NARROWED = STAFF - {Role.MANAGER, Role.ADMIN}
OPPORTUNITIES = Resource(
    "opportunities", make=lambda owner: OpportunityFactory(owner=owner),
    create=lambda: {"contact": ContactFactory().pk, "product": f"Card {unique()}", "value": 10,
                    "currency": "EUR"},
    update=lambda row: {"product": f"Gold card {unique()}"}, write=STAFF, narrowed=NARROWED)


@pytest.fixture
def contract(api, make_user):
    return ApiContract(OPPORTUNITIES, router_resources()["opportunities"], api, make_user)


def test_contract_entry(contract):
    contract.check_entry()


def test_contract_list_and_retrieve(contract):
    contract.check_list_and_retrieve()


def test_contract_create_and_update(contract):
    contract.check_create_and_update()


def test_contract_anonymous(contract):
    contract.check_anonymous()


def test_contract_roles(contract):
    contract.check_roles()


def test_contract_query_budget(contract):
    contract.check_query_budget()
