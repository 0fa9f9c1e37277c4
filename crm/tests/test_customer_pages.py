"""The 360° pages and the opportunity pages (issue 19): what they show, who may open them,
and a constant number of queries whatever the history's length."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from catalog.tests.factories import ContactFactory, ContactPhoneFactory, ServiceFactory
from contactcenter.models import Call
from core.roles import Role
from crm import selectors
from crm.models import Opportunity
from crm.selectors import services_in_use
from incidents.models import Incident
from incidents.tests.factories import IncidentFactory, MajorIncidentFactory

from .factories_complaint import ComplaintFactory, SurveyFactory
from .factories_opportunity import OpportunityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def browser(make_user):
    def login(role=Role.AGENT, user=None):
        client = Client()
        client.force_login(user or make_user(role))
        return client
    return login


def _history(contact, n):
    now = timezone.now()
    Call.objects.bulk_create([Call(call_sid=f"CA-page-{n}-{i}", contact=contact, customer=contact.customer,
                                   outcome="answered", csat=5, started_at=now - timedelta(minutes=i))
                              for i in range(n)])
    Incident.objects.bulk_create([Incident(title=f"Old trouble {i}", contact=contact, customer=contact.customer,
                                           status="closed", created_at=now - timedelta(days=1, minutes=i))
                                  for i in range(n)])


def test_the_contact_page_shows_the_whole_picture(browser):
    contact = ContactFactory(name="Maria Papadopoulou")
    ContactPhoneFactory(contact=contact, number="+302101234567")
    service = ServiceFactory(name="Card payments")
    incident = IncidentFactory(contact=contact, customer=contact.customer, service=service, title="Card declined")
    major = MajorIncidentFactory()
    major.services.add(service)
    Call.objects.create(call_sid="CA-one", contact=contact, customer=contact.customer, outcome="answered", csat=2)
    OpportunityFactory(contact=contact, title="Gold card")
    page = browser().get(f"/contacts/{contact.pk}/")
    html = page.content.decode()
    assert page.status_code == 200
    for text in ("Maria Papadopoulou", "+302101234567", contact.customer.get_tier_display(), incident.number,
                 "Card declined", "Card payments", 'data-testid="major-incident"', "Gold card", "rated 2/5",
                 'data-testid="raise-opportunity"'):
        assert text in html, text
    only_calls = browser().get(f"/contacts/{contact.pk}/?kind=call").content.decode()
    assert 'data-kind="call"' in only_calls and 'data-kind="incident"' not in only_calls
    customer_page = browser(Role.MANAGER).get(f"/customers/{contact.customer_id}/").content.decode()
    assert "Maria Papadopoulou" in customer_page and "Gold card" in customer_page


def test_who_may_open_it(browser, make_user):
    contact = ContactFactory(user=make_user(Role.REQUESTER))
    assert browser(user=contact.user).get(f"/contacts/{contact.pk}/").status_code == 403
    assert browser(Role.REQUESTER).get(f"/customers/{contact.customer_id}/").status_code == 403
    assert browser().get("/contacts/999999/").status_code == 404
    assert browser().get("/customers/999999/").status_code == 404
    assert Client().get(f"/contacts/{contact.pk}/").status_code == 302  # to the login page


@pytest.mark.parametrize("path", ["contacts", "customers"])
def test_the_page_costs_the_same_queries_for_a_short_and_a_long_history(browser, path):
    contact = ContactFactory()
    client = browser()
    url = f"/{path}/{contact.pk if path == 'contacts' else contact.customer_id}/"
    _history(contact, 3)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    _history(contact, 400)
    with CaptureQueriesContext(connection) as many:
        assert client.get(url + "?page=3").status_code == 200
    assert len(many) == len(few), [q["sql"][:150] for q in many.captured_queries]


def test_raise_an_opportunity_from_the_contact_page_and_a_call(browser, make_user):
    agent = make_user(Role.AGENT)
    contact = ContactFactory()
    call = Call.objects.create(call_sid="CA-raise", contact=contact, customer=contact.customer)
    client = browser(user=agent)
    page = client.get(f"/contacts/{contact.pk}/?call={call.pk}").content.decode()
    assert f'name="opportunity-call" value="{call.pk}"' in page
    response = client.post(f"/opportunities/new/?next=/contacts/{contact.pk}/", {
        "opportunity-contact": contact.pk, "opportunity-call": call.pk, "opportunity-product": "Home insurance",
        "opportunity-value": "480", "opportunity-currency": "eur"})
    assert response.status_code == 302 and response["Location"] == f"/contacts/{contact.pk}/"
    opportunity = Opportunity.objects.get()
    assert (opportunity.call, opportunity.contact, opportunity.owner, opportunity.currency) == (call, contact, agent,
                                                                                                "EUR")
    bad = client.post("/opportunities/new/", {"opportunity-contact": contact.pk, "opportunity-product": "X",
                                               "opportunity-value": "-3", "opportunity-currency": "ABC"})
    assert bad.status_code == 302 and Opportunity.objects.count() == 1


def test_the_pipeline_board_and_the_actions(browser, make_user):
    ann, bob, manager = make_user(Role.AGENT), make_user(Role.AGENT), make_user(Role.MANAGER)
    anns, bobs = OpportunityFactory(owner=ann, title="Ann's lead"), OpportunityFactory(owner=bob, title="Bob's lead")
    board = browser(user=ann).get("/opportunities/").content.decode()
    assert "Ann&#x27;s lead" in board and "Bob&#x27;s lead" not in board and "agent-figures" not in board
    managers = browser(user=manager).get("/opportunities/").content.decode()
    assert "Ann&#x27;s lead" in managers and "Bob&#x27;s lead" in managers and 'data-testid="agent-figures"' in managers
    client = browser(user=ann)
    assert client.get(f"/opportunities/{bobs.pk}/").status_code == 404
    assert client.post(f"/opportunities/{bobs.pk}/qualify/").status_code == 404
    assert client.post(f"/opportunities/{anns.pk}/qualify/").status_code == 302
    anns.refresh_from_db()
    assert anns.stage == "qualified"
    refused = client.post(f"/opportunities/{anns.pk}/win/")
    assert refused.status_code == 409
    assert client.post(f"/opportunities/{anns.pk}/lose/", {"lose-reason": ""}).status_code == 400
    assert client.post(f"/opportunities/{anns.pk}/lose/", {"lose-reason": "No budget"}).status_code == 302
    page = client.get(f"/opportunities/{anns.pk}/").content.decode()
    assert "No budget" in page and "qualified" in page


def test_the_totals_read_a_window_not_the_history(monkeypatch):
    """Tickets this year and open complaints in one query, the CSAT trend in another, the
    trend from the latest ratings only (TREND_RATINGS of each kind)."""
    contact = ContactFactory()
    now = timezone.now()
    _history(contact, 5)  # five rated calls (5/5) in the last minutes; five closed incidents yesterday
    Incident.objects.create(title="Last year", contact=contact, customer=contact.customer,
                            created_at=now.replace(month=1, day=1) - timedelta(days=1))
    Call.objects.create(call_sid="CA-old", contact=contact, csat=1, started_at=now - timedelta(days=300))
    SurveyFactory(contact=contact, score=3, answered_at=now)
    ComplaintFactory(contact=contact, customer=contact.customer)
    ComplaintFactory(contact=contact, customer=contact.customer, status="closed")
    with CaptureQueriesContext(connection) as queries:
        got = selectors.totals(contact=contact)
    assert len(queries) == 2
    ticket_count = 5 if (now - timedelta(days=1)).year == now.year else 0
    assert got["tickets_this_year"] == ticket_count and got["open_complaints"] == 1
    trend = got["csat_trend"]  # five 5s and a 3, not the 300-day-old 1
    assert sum(m["responses"] for m in trend) == 6
    assert sum(m["mean"] * m["responses"] for m in trend) == pytest.approx(28, abs=0.05)
    assert not got["tickets_capped"] and not got["complaints_capped"]
    monkeypatch.setattr(selectors, "TREND_RATINGS", 2)
    monkeypatch.setattr(selectors, "COUNTED", 1)
    got = selectors.totals(contact=contact)
    assert sum(m["responses"] for m in got["csat_trend"]) == 3  # two calls and the survey
    assert (got["open_complaints"], got["complaints_capped"]) == (1, True)  # "1+": at most COUNTED rows read
    if ticket_count:
        assert (got["tickets_this_year"], got["tickets_capped"]) == (1, True)


def test_the_services_are_those_of_the_latest_interactions():
    contact = ContactFactory()
    now = timezone.now()
    old, recent = ServiceFactory(name="Old loans"), ServiceFactory(name="Cards")
    IncidentFactory(contact=contact, customer=contact.customer, service=old, created_at=now - timedelta(days=400))
    IncidentFactory(contact=contact, customer=contact.customer, service=recent, created_at=now)
    assert [s.name for s, _ in services_in_use(contact=contact)] == ["Cards", "Old loans"]
    assert [s.name for s, _ in services_in_use(contact=contact, recent=1)] == ["Cards"]
