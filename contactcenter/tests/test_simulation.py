"""A call you can try (contactcenter/simulation.py): the demo rings the desk through the real
voice webhook, signed with twilio's own algorithm, and routing offers the call to the agent
who asked; ``manage.py simulate_call`` does the same; the console shows the button only in
demo mode. The webhook runs on its own thread and database connection, as a real request
does, so these tests commit (transactional)."""

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from twilio.request_validator import RequestValidator

from catalog.models import ContactPhone
from catalog.tests.factories import ContactFactory, CustomerFactory
from contactcenter import simulation
from contactcenter.models import AgentState, Call, Line, MenuOption, Queue
from contactcenter.tests.signed import BASE, TOKEN
from core.roles import Role

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo(settings, make_user):
    settings.TWILIO_AUTH_TOKEN, settings.PUBLIC_BASE_URL = TOKEN, BASE
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "desk.example.test"]
    settings.DEMO_TELEPHONY = True
    general = Queue.objects.create(name="general")
    cards = Queue.objects.create(name="cards")
    line = Line.objects.create(number="+302100000100", name="Support", queue=general)
    MenuOption.objects.create(line=line, digit="1", label="cards", queue=cards)  # a menu: the caller presses nothing
    agent = make_user(Role.AGENT, username="ann", first_name="Ann")
    eleni = ContactFactory(name="Eleni Papadopoulou", customer=CustomerFactory(name="Acme Bank"))
    ContactPhone.objects.create(contact=eleni, number="+306900000001")
    return {"agent": agent, "eleni": eleni, "line": line, "general": general}


def test_a_simulated_call_is_signed_like_twilios_and_offered_to_the_agent(demo):
    result = simulation.simulate_call(contact=demo["eleni"], agent=demo["agent"])
    voice, menu = result.exchanges
    assert (voice.path, voice.status) == (reverse("telephony:voice"), 200)
    assert "Hello Eleni Papadopoulou." in voice.body and "<Gather" in voice.body
    assert menu.path == reverse("telephony:gather") + "?step=menu" and menu.status == 200
    assert "<Dial" in menu.body and "<Client>ann</Client>" in menu.body
    call = Call.objects.get()
    assert call == result.call and call.call_sid.startswith(simulation.SIM_SID_PREFIX)
    assert (call.contact, call.from_number, call.to_number) == (demo["eleni"], "+306900000001", "+302100000100")
    assert (call.agent, call.queue) == (demo["agent"], demo["general"])
    assert AgentState.objects.get(user=demo["agent"]).call == call  # the screen pop's call
    # the signature is twilio's own, over PUBLIC_BASE_URL + path
    url = f"{BASE}{voice.path}"
    assert RequestValidator(TOKEN).validate(url, voice.params, simulation.sign(url, voice.params))


def test_a_request_signed_with_another_token_is_refused_by_the_webhook(demo):
    params = {"CallSid": "CA" + "1" * 32, "From": "+306900000001", "To": "+302100000100"}
    forged = RequestValidator("another-token").compute_signature(f"{BASE}{reverse('telephony:voice')}", params)
    assert simulation.post(reverse("telephony:voice"), params, signature=forged).status == 403
    assert not Call.objects.exists()
    assert simulation.post(reverse("telephony:voice"), params).status == 200  # signed as Twilio signs
    assert Call.objects.get().call_sid == "CA" + "1" * 32


def test_hanging_up_ends_the_call_and_frees_the_agent(demo):
    call = simulation.simulate_call(contact=demo["eleni"], agent=demo["agent"]).call
    exchange = simulation.simulate_hangup(call=call)
    assert exchange.status == 200
    call.refresh_from_db()
    assert call.ended_at is not None and call.status == "completed"
    assert AgentState.objects.get(user=demo["agent"]).call_id is None


def test_without_a_token_there_is_nothing_to_sign_with(demo, settings):
    settings.TWILIO_AUTH_TOKEN = ""
    with pytest.raises(ValidationError):
        simulation.simulate_call(contact=demo["eleni"])
    assert not Call.objects.exists()


def test_the_command_rings_from_a_phone_number_written_any_way(demo, capsys):
    call_command("simulate_call", "0030 690 000 0001", agent="ann")
    out = capsys.readouterr().out
    assert "POST /telephony/twilio/voice/ -> 200" in out and "offered to ann" in out
    assert Call.objects.get().contact == demo["eleni"]


def test_the_console_offers_the_button_only_in_demo_mode(demo, client, settings):
    client.force_login(demo["agent"])
    page = client.get(reverse("contactcenter:console")).content.decode()
    assert 'data-testid="simulate-call-button"' in page and "Eleni Papadopoulou" in page
    response = client.post(reverse("contactcenter:simulate"), {"contact": demo["eleni"].pk})
    assert response.status_code == 302 and Call.objects.get().agent == demo["agent"]
    settings.DEMO_TELEPHONY = False
    assert 'simulate-call-button' not in client.get(reverse("contactcenter:console")).content.decode()
    assert client.post(reverse("contactcenter:simulate"), {"contact": demo["eleni"].pk}).status_code == 404
