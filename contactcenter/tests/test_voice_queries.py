"""The voice webhook's statements, pinned (issue 23: Twilio waits on it). Run outside a test
transaction (as the webhook runs in production, in autocommit), so no savepoints are
counted: the line with its active announcement's id, the caller with their customer, the
call (its repeat-of link a subquery of the INSERT), its demand signal, the line's menu."""

import pytest

from catalog.models import ContactPhone
from catalog.tests.factories import ContactFactory, ServiceFactory
from contactcenter.models import Call, Line, MenuOption, Queue
from incidents.models import DemandSignal
from incidents.tests.factories import IncidentFactory

from .signed import incoming, post

pytestmark = pytest.mark.django_db(transaction=True)

MENU = (
    '<Gather action="/telephony/twilio/gather/?step=menu" method="POST" numDigits="1" timeout="6">'
    "<Say>For cards, press 1. For web hosting, press 2.</Say></Gather>"
)


@pytest.fixture
def menu_line():
    line = Line.objects.create(
        number="+302100000009", name="Cards", service=ServiceFactory(name="Cards"), greeting="Welcome."
    )
    for digit, label in (("1", "cards"), ("2", "web hosting")):
        MenuOption.objects.create(line=line, digit=digit, label=label, queue=Queue.objects.create(name=label))
    return line


def test_a_known_caller_with_an_open_ticket_in_five_statements(client, menu_line, django_assert_max_num_queries):
    contact = ContactFactory(name="Eleni Papadopoulou")
    ContactPhone.objects.create(contact=contact, number="+306900000001")
    IncidentFactory(contact=contact, service=menu_line.service)
    first = post(client, "voice", incoming("CA1", to=menu_line.number))
    with django_assert_max_num_queries(5):
        response = post(client, "voice", incoming("CA2", to=menu_line.number))
    body = response.content.decode()
    assert response.status_code == 200 and "<Say>Hello Eleni Papadopoulou.</Say><Say>Welcome.</Say>" in body
    assert MENU in body and first.content == response.content
    call, earlier = Call.objects.get(call_sid="CA2"), Call.objects.get(call_sid="CA1")
    assert call.contact == contact and call.customer == contact.customer and call.line == menu_line
    assert call.repeat_of == earlier and earlier.repeat_of is None  # the subquery inside the INSERT
    assert DemandSignal.objects.filter(service=menu_line.service, reference="CA2").count() == 1


def test_an_unknown_caller_in_four_statements(client, menu_line, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        response = post(client, "voice", incoming("CA3", caller="+306900000077", to=menu_line.number))
    assert "Enter your customer account number" in response.content.decode()
    call = Call.objects.get(call_sid="CA3")
    assert call.contact is None and call.line == menu_line and call.repeat_of is None
    assert DemandSignal.objects.filter(reference="CA3").count() == 1


def test_a_replay_answers_the_same_and_writes_nothing(client, menu_line):
    contact = ContactFactory(name="Eleni Papadopoulou")
    ContactPhone.objects.create(contact=contact, number="+306900000001")
    first = post(client, "voice", incoming("CA4", to=menu_line.number))
    again = post(client, "voice", incoming("CA4", to=menu_line.number))
    assert again.status_code == 200 and again.content == first.content and MENU in again.content.decode()
    assert Call.objects.filter(call_sid="CA4").count() == 1
    assert DemandSignal.objects.filter(reference="CA4").count() == 1


def test_an_active_announcement_is_read_with_the_line_in_five_statements(
    client, menu_line, django_assert_max_num_queries
):
    from contactcenter.models import Announcement

    announcement = Announcement.objects.create(
        message="Card payments are failing; we are on it.", allow_continue=True, language="en"
    )
    announcement.lines.add(menu_line)
    contact = ContactFactory(name="Eleni Papadopoulou")
    ContactPhone.objects.create(contact=contact, number="+306900000001")
    post(client, "voice", incoming("CA7", to=menu_line.number))
    with django_assert_max_num_queries(5):  # line + announcement, caller, call, demand, heard-it
        response = post(client, "voice", incoming("CA8", to=menu_line.number))
    body = response.content.decode()
    assert response.status_code == 200 and "Card payments are failing; we are on it." in body
    assert "step=announcement" in body  # press 1 to continue
    assert Call.objects.get(call_sid="CA8").announcement == announcement


def test_pressing_1_after_the_announcement_in_three_statements(client, menu_line, django_assert_num_queries):
    """The gather hook (issue 22 bench): the call with its line, contact and customer, its
    ``continued`` update, the menu — no empty transaction for input flags, no option lookup
    without an option."""
    from contactcenter.models import Announcement

    announcement = Announcement.objects.create(message="Card payments are failing.", allow_continue=True)
    announcement.lines.add(menu_line)
    contact = ContactFactory(name="Eleni Papadopoulou")
    ContactPhone.objects.create(contact=contact, number="+306900000001")
    post(client, "voice", incoming("CA9", to=menu_line.number))
    with django_assert_num_queries(3):
        response = post(client, "gather", {"CallSid": "CA9", "Digits": "1"}, query="step=announcement")
    assert "<Say>Hello Eleni Papadopoulou.</Say>" in response.content.decode()
    assert MENU in response.content.decode() and Call.objects.get(call_sid="CA9").continued
    # A bad field is still noted on the call (in its own transaction).
    post(client, "gather", {"CallSid": "CA9", "Digits": "12ab"}, query="step=menu")
    assert Call.objects.get(call_sid="CA9").input_flags[0]["field"] == "Digits"


@pytest.fixture
def greek_desk(menu_line):
    """Issue 22's bench set-up in small: the line speaks Greek, its queues record calls and
    need a skill; a known caller."""
    from catalog.tests.factories import SkillFactory

    Line.objects.filter(pk=menu_line.pk).update(language="el")
    for option in menu_line.menu.select_related("queue"):
        option.queue.skill = SkillFactory(name=option.label)
        option.queue.record_calls = True
        option.queue.save()
    contact = ContactFactory(name="Eleni Papadopoulou")
    ContactPhone.objects.create(contact=contact, number="+306900000001")
    return menu_line


def test_a_menu_choice_into_the_queue_in_three_statements(client, greek_desk, django_assert_num_queries):
    """The gather hook, no agent free (issue 22 bench): the call with its line, contact and
    customer; the option with its queue and its service's announcement; one ``UPDATE`` that
    queues the call — service, priority, the recording notice, ``queued_at`` — where no agent
    with the skill is free (no transaction, no lock)."""
    post(client, "voice", incoming("CA10", to=greek_desk.number))
    with django_assert_num_queries(3):
        response = post(client, "gather", {"CallSid": "CA10", "Digits": "1"}, query="step=menu")
    body = response.content.decode()
    assert "<Enqueue" in body and ">cards</Enqueue>" in body and 'language="el-GR"' in body
    call = Call.objects.get(call_sid="CA10")
    assert call.queue.name == "cards" and call.queued_at is not None and call.recording_notice


def test_a_menu_choice_to_an_agent_in_four_statements(client, greek_desk, make_user, django_assert_num_queries):
    """An agent with the skill is free: the call; the option; the waiting ``UPDATE`` matches
    no row; then one statement (``routing._connect_free_agent``) locks the call and the agent
    (``SKIP LOCKED``), writes the call (agent, queue, service, the notice), closes the agent's
    stretch, makes them busy and opens the new stretch, returning the agent's user (9 statements
    under locks before: ``route_call``)."""
    from catalog.tests.factories import AgentProfileFactory
    from contactcenter import routing
    from core.roles import Role

    ann = make_user(Role.AGENT, username="ann")
    AgentProfileFactory(user=ann).skills.set([greek_desk.menu.get(digit="1").queue.skill])
    routing.agent_set_state(user=ann, state="available")
    post(client, "voice", incoming("CA11", to=greek_desk.number))
    with django_assert_num_queries(4):
        response = post(client, "gather", {"CallSid": "CA11", "Digits": "1"}, query="step=menu")
    assert "<Client>ann</Client>" in response.content.decode()
    assert Call.objects.get(call_sid="CA11").agent == ann
