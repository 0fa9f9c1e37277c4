"""A menu choice routed (issue 22 bench: ``services.call_route_from_menu``): the TwiML and
every row it writes are pinned byte for byte as the view answered before the fast path
(captured from commit c30a496): into the queue when no agent with the skill is free, to the
longest-idle agent otherwise, the option's announcement first, demand for a line without a
service, and a call that already has its agent. Run outside a test transaction, as the hook
runs in production (autocommit), so the statements are the real ones."""

import pytest
from django.utils import timezone

from catalog.choices import CustomerTier
from catalog.models import ContactPhone
from catalog.tests.factories import AgentProfileFactory, ContactFactory, CustomerFactory, ServiceFactory, SkillFactory
from contactcenter import routing
from contactcenter.models import AgentState, AgentStateLog, Announcement, Call, Line, MenuOption, Queue
from core.roles import Role
from incidents.models import DemandSignal

from .signed import incoming, post

pytestmark = pytest.mark.django_db(transaction=True)

GREEK = '<Say language="el-GR" voice="Google.el-GR-Wavenet-A">'


@pytest.fixture
def desk():
    """A Greek line with a service and a two-option menu; the cards queue records its calls
    and needs the cards skill."""
    cards, hosting = SkillFactory(name="cards"), SkillFactory(name="hosting")
    queues = (
        Queue.objects.create(name="cards", skill=cards, priority=1, record_calls=True),
        Queue.objects.create(name="hosting", skill=hosting),
    )
    line = Line.objects.create(
        number="+302100000000", name="Cards", service=ServiceFactory(name="Banking"), language="el", queue=queues[0]
    )
    MenuOption.objects.create(line=line, digit="1", label="cards", queue=queues[0], service=line.service)
    MenuOption.objects.create(
        line=line, digit="2", label="web hosting", queue=queues[1], service=ServiceFactory(name="Hosting")
    )
    contact = ContactFactory(name="Eleni Papadopoulou", customer=CustomerFactory(tier=CustomerTier.GOLD))
    ContactPhone.objects.create(contact=contact, number="+306900000001")
    return {"line": line, "queues": queues, "skills": (cards, hosting)}


def agent(make_user, skill, username):
    user = make_user(Role.AGENT, username=username)
    AgentProfileFactory(user=user).skills.set([skill])
    routing.agent_set_state(user=user, state="available", at=timezone.now() - timezone.timedelta(minutes=5))
    return user


def rows(sid="CA1") -> dict:
    """What routing leaves behind, comparable across runs (times as set or not)."""
    call = Call.objects.get(call_sid=sid)
    return {
        "call": {
            "queue": call.queue.name if call.queue_id else None,
            "queued": call.queued_at is not None,
            "priority": call.priority,
            "service": call.service.name if call.service_id else None,
            "recording_notice": call.recording_notice,
            "agent": call.agent.username if call.agent_id else None,
            "announcement": call.announcement_id is not None,
            "temporary_agent": call.temporary_agent_id,
            "continued": call.continued,
            "input_flags": call.input_flags,
        },
        "agents": sorted(
            (state.user.username, state.state, state.call_id == call.pk)
            for state in AgentState.objects.select_related("user")
        ),
        "log": sorted(
            (entry.user.username, entry.state, entry.ended_at is not None, entry.call_id == call.pk)
            for entry in AgentStateLog.objects.select_related("user")
        ),
        "demand": sorted(DemandSignal.objects.values_list("service__name", "reference")),
    }


def choose(client, digit, sid="CA1"):
    post(client, "voice", incoming(sid))
    return post(client, "gather", {"CallSid": sid, "Digits": digit}, query="step=menu")


QUEUED = (
    '<?xml version="1.0" encoding="UTF-8"?><Response>'
    + GREEK
    + "Η κλήση αυτή ηχογραφείται για λόγους ποιότητας και εκπαίδευσης.</Say>"
    '<Enqueue action="/telephony/twilio/queue/" method="POST" waitUrl="/telephony/twilio/wait/" '
    'waitUrlMethod="POST">cards</Enqueue></Response>'
)


class TestTheSameAnswerAndRows:
    def test_into_the_queue_when_no_agent_is_free(self, client, desk, make_user):
        agent(make_user, desk["skills"][1], "hosting-only")  # free, but not for cards
        response = choose(client, "1")
        assert response.content.decode() == QUEUED
        assert rows() == {
            "call": {
                "queue": "cards",
                "queued": True,
                "priority": 1,
                "service": "Banking",
                "recording_notice": True,
                "agent": None,
                "announcement": False,
                "temporary_agent": None,
                "continued": False,
                "input_flags": [],
            },
            "agents": [("hosting-only", "available", False)],
            "log": [("hosting-only", "available", False, False)],
            "demand": [("Banking", "CA1")],
        }

    def test_to_the_longest_idle_agent_with_the_skill(
        self, client, desk, make_user, django_capture_on_commit_callbacks
    ):
        agent(make_user, desk["skills"][0], "ann")
        with django_capture_on_commit_callbacks() as callbacks:
            response = choose(client, "1")
        assert response.content.decode() == (
            '<?xml version="1.0" encoding="UTF-8"?><Response>'
            + GREEK
            + "Η κλήση αυτή ηχογραφείται για λόγους ποιότητας και εκπαίδευσης.</Say>"
            '<Dial action="/telephony/twilio/dial/" answerOnBridge="true" method="POST" '
            'record="record-from-answer-dual" '
            'recordingStatusCallback="https://desk.example.test/telephony/twilio/recording-status/" '
            'recordingStatusCallbackEvent="in-progress completed absent" recordingStatusCallbackMethod="POST" '
            'timeout="20"><Client>ann</Client></Dial></Response>'
        )
        assert rows() == {
            "call": {
                "queue": "cards",
                "queued": True,
                "priority": 1,
                "service": "Banking",
                "recording_notice": True,
                "agent": "ann",
                "announcement": False,
                "temporary_agent": None,
                "continued": False,
                "input_flags": [],
            },
            "agents": [("ann", "busy", True)],
            "log": [("ann", "available", True, False), ("ann", "busy", False, True)],
            "demand": [("Banking", "CA1")],
        }
        assert callbacks == []  # no Celery follow-up: the caller is put through by this answer

    def test_a_queue_that_does_not_record_says_nothing_of_it(self, client, desk):
        response = choose(client, "2")
        assert response.content.decode() == (
            '<?xml version="1.0" encoding="UTF-8"?><Response>'
            '<Enqueue action="/telephony/twilio/queue/" method="POST" waitUrl="/telephony/twilio/wait/" '
            'waitUrlMethod="POST">hosting</Enqueue></Response>'
        )
        assert rows()["call"] == {
            "queue": "hosting",
            "queued": True,
            "priority": 1,
            "service": "Hosting",
            "recording_notice": False,
            "agent": None,
            "announcement": False,
            "temporary_agent": None,
            "continued": False,
            "input_flags": [],
        }

    def test_the_options_announcement_first_then_1_routes(self, client, desk):
        announcement = Announcement.objects.create(
            message="Hosting is down; we are on it.", allow_continue=True, language="en"
        )
        announcement.services.add(desk["line"].menu.get(digit="2").service)
        response = choose(client, "2")
        assert response.content.decode() == (
            '<?xml version="1.0" encoding="UTF-8"?><Response>'
            '<Gather action="/telephony/twilio/gather/?step=announcement&amp;option=2" method="POST" '
            'numDigits="1" timeout="6"><Say>Hosting is down; we are on it.</Say>'
            + GREEK
            + "Αν χρειάζεστε ακόμη να μιλήσετε με κάποιον, πατήστε 1. Διαφορετικά μπορείτε να κλείσετε.</Say>"
            "</Gather>" + GREEK + "Ευχαριστούμε για την κλήση σας. Αντίο.</Say><Hangup /></Response>"
        )
        assert rows()["call"] == {
            "queue": None,
            "queued": False,
            "priority": 0,
            "service": "Hosting",
            "recording_notice": False,
            "agent": None,
            "announcement": True,
            "temporary_agent": None,
            "continued": False,
            "input_flags": [],
        }
        again = post(client, "gather", {"CallSid": "CA1", "Digits": "1"}, query="step=announcement&option=2")
        assert again.content.decode().endswith(">hosting</Enqueue></Response>")
        assert rows()["call"]["queue"] == "hosting" and rows()["call"]["continued"] is True

    def test_no_or_a_wrong_key_the_lines_own_queue(self, client, desk):
        for sid, digit in (("CA1", "9"), ("CA2", "")):
            assert choose(client, digit, sid).content.decode() == QUEUED
            assert rows(sid)["call"]["queue"] == "cards" and rows(sid)["call"]["service"] == "Banking"

    def test_a_line_without_a_service_records_demand_for_the_choice(self, client, desk):
        Line.objects.filter(pk=desk["line"].pk).update(service=None)
        choose(client, "2")
        assert rows()["demand"] == [("Hosting", "CA1")]
        assert rows()["call"]["service"] == "Hosting"

    def test_a_call_that_has_its_agent_is_routed_under_locks(self, client, desk, make_user):
        """A replayed menu choice after the call was given an agent: the locked path, as before
        (the agent stays busy with it; the fast path's UPDATE matches no row)."""
        ann = agent(make_user, desk["skills"][0], "ann")
        choose(client, "1")
        again = post(client, "gather", {"CallSid": "CA1", "Digits": "1"}, query="step=menu")
        assert "<Enqueue" in again.content.decode()  # ann is busy now: no one free, as before
        assert rows()["call"]["agent"] is None
        assert AgentState.objects.get(user=ann).call.call_sid == "CA1"


class TestTheWaitingUpdateCompiledOnce:
    """``routing.route_call_waiting_first``'s UPDATE is compiled once per shape and run with the
    call's values: each shape writes what ``route_call`` writes, and none falls back to the ORM."""

    @pytest.mark.parametrize("shape", ["no queue", "a queue without a skill", "a queue with a skill"])
    def test_each_shape_writes_the_call_as_route_call_does(self, desk, shape):
        from contactcenter.tests.factories import CallFactory

        queue = {
            "no queue": None,
            "a queue without a skill": Queue.objects.create(name="general"),
            "a queue with a skill": desk["queues"][1],
        }[shape]
        earlier = timezone.now() - timezone.timedelta(minutes=3)
        for k, queued_at in enumerate((None, earlier)):  # the second call runs the SQL compiled for the first
            call = CallFactory(
                call_sid=f"CA{k}", queue=None, queued_at=queued_at, customer=CustomerFactory(tier=CustomerTier.VIP)
            )
            other = CallFactory(call_sid=f"CB{k}", queue=None)
            assert routing.route_call_waiting_first(call=call, queue=queue, also={"recording_notice": True}) is None
            stored, untouched = Call.objects.get(pk=call.pk), Call.objects.get(pk=other.pk)
            assert (stored.queue, stored.priority, stored.recording_notice, stored.agent_id) == (queue, 2, True, None)
            assert stored.queued_at == call.queued_at and stored.queued_at is not None
            assert (stored.queued_at == earlier) is (queued_at is not None)  # kept when it was set
            assert untouched.queued_at is None and untouched.queue is None and not untouched.recording_notice
        assert routing._WAIT_SQL and None not in routing._WAIT_SQL.values()

    def test_a_free_agent_takes_the_locked_path(self, desk, make_user):
        from contactcenter.tests.factories import CallFactory

        ann = agent(make_user, desk["skills"][1], "ann")
        call = CallFactory(call_sid="CA1", queue=None)
        assert routing.route_call_waiting_first(call=call, queue=desk["queues"][1]).user_id == ann.pk
        assert Call.objects.get(pk=call.pk).agent == ann and call.agent == ann
