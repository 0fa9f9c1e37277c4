"""The agent's console: the screen pop of the call routed to them (with a constant number
of queries), the state buttons, and "create incident from this call"."""

import pytest
from django.urls import reverse

from catalog.choices import CustomerTier
from catalog.models import ContactPhone
from catalog.tests.factories import AgentProfileFactory, ContactFactory, CustomerFactory, SkillFactory
from contactcenter import routing
from contactcenter.models import AgentState, Call, Queue
from core.roles import Role
from incidents import services as incidents

from .signed import incoming, post

pytestmark = pytest.mark.django_db


@pytest.fixture
def ringing(client, line, make_user):
    """An available agent with the queue's skill; a known VIP calls and is routed to them."""
    skill = SkillFactory(name="cards")
    line.queue = Queue.objects.create(name="cards", skill=skill)
    line.save()
    agent = make_user(Role.AGENT, first_name="Ann", last_name="Agent")
    AgentProfileFactory(user=agent).skills.add(skill)
    routing.agent_set_state(user=agent, state="available")
    contact = ContactFactory(name="Eleni Papadopoulou", customer=CustomerFactory(name="Acme Bank",
                                                                                 tier=CustomerTier.VIP))
    ContactPhone.objects.create(contact=contact, number="+306900000001")
    post(client, "voice", incoming("CA0"))  # an earlier call of theirs
    Call.objects.filter(call_sid="CA0").update(outcome="abandoned", ended_at=Call.objects.get().started_at)
    AgentState.objects.filter(user=agent).update(state="available", call=None)
    for number in range(3):
        incidents.incident_create(title=f"Card blocked {number}", actor=agent, contact=contact, channel="phone")
    post(client, "voice", incoming("CA1"))
    return agent, contact, Call.objects.get(call_sid="CA1")


def test_the_screen_pop_shows_the_caller_with_constant_queries(client, ringing, django_assert_max_num_queries):
    agent, contact, call = ringing
    assert call.agent == agent
    client.force_login(agent)
    with django_assert_max_num_queries(12):
        body = client.get(reverse("contactcenter:screen-pop")).content.decode()
    assert "Ringing" in body and "Eleni Papadopoulou" in body and "Acme Bank" in body and "VIP" in body
    assert body.count("Card blocked") == 3 and "Abandoned" in body  # open incidents, last calls
    assert reverse("contactcenter:incident-from-call", args=[call.pk]) in body
    for number in range(3, 20):  # more incidents and calls: the same number of queries
        incidents.incident_create(title=f"Card blocked {number}", actor=agent, contact=contact, channel="phone")
        Call.objects.create(call_sid=f"OLD{number}", contact=contact, outcome="answered")
    with django_assert_max_num_queries(12):
        client.get(reverse("contactcenter:screen-pop"))
    page = client.get(reverse("contactcenter:console")).content.decode()
    assert 'hx-trigger="every 1s"' in page and "Eleni Papadopoulou" in page


def test_an_idle_agent_sees_no_card_and_requesters_are_refused(client, make_user):
    agent = make_user(Role.AGENT)
    client.force_login(agent)
    assert "No call for you right now" in client.get(reverse("contactcenter:screen-pop")).content.decode()
    client.force_login(make_user(Role.REQUESTER))
    assert client.get(reverse("contactcenter:console")).status_code == 403
    client.logout()
    assert client.get(reverse("contactcenter:console")).status_code == 302


def test_state_buttons(client, make_user):
    agent = make_user(Role.AGENT)
    client.force_login(agent)
    response = client.post(reverse("contactcenter:state"), {"state": "available"})
    assert response.status_code == 302 and AgentState.objects.get(user=agent).state == "available"
    client.post(reverse("contactcenter:state"), {"state": "nonsense"})
    assert AgentState.objects.get(user=agent).state == "available"


def test_create_incident_from_the_call(client, ringing):
    agent, contact, call = ringing
    client.force_login(agent)
    url = reverse("contactcenter:incident-from-call", args=[call.pk])
    form = client.get(url).content.decode()
    assert f'value="{contact.email}"' in form and 'value="phone" selected' in form
    assert client.post(url, {"title": ""}).status_code == 200  # the form again, with the error
    response = client.post(url, {"title": "Card declined abroad", "description": "Since this morning",
                                 "contact": f"#{contact.pk}", "channel": "phone", "impact": "2", "urgency": "2"})
    call.refresh_from_db()
    assert response.status_code == 302 and call.incident is not None
    assert (call.incident.title, call.incident.contact, call.incident.channel) == (
        "Card declined abroad", contact, "phone")


def test_the_call_log_page_filters_like_the_api(client, api, make_user, django_assert_max_num_queries):
    from datetime import timedelta

    from django.utils import timezone

    queue = Queue.objects.create(name="cards")
    now = timezone.now()
    for n in range(30):
        Call.objects.create(call_sid=f"CA{n}", queue=queue, outcome="abandoned" if n % 3 == 0 else "answered",
                            started_at=now - timedelta(days=n), contact=ContactFactory() if n % 5 == 0 else None)
    manager = make_user(Role.MANAGER)
    client.force_login(manager)
    url = reverse("contactcenter:calls")
    since = (now - timedelta(days=10, hours=1)).isoformat()
    with django_assert_max_num_queries(10):
        response = client.get(url, {"outcome": "abandoned", "started_after": since})
    rows = response.content.decode().count('data-testid="call-row"')
    assert rows == 4  # days 0, 3, 6, 9
    assert api.as_user(manager).get("/api/v1/calls/", {"outcome": "abandoned", "started_after": since}
                                    ).json()["count"] == 4
    assert client.get(url, {"started_after": "not a date"}).status_code == 200  # the form says what is wrong
    with django_assert_max_num_queries(10):
        assert client.get(url).content.decode().count('data-testid="call-row"') == 30
