"""Twilio's webhooks with real signatures from twilio's own RequestValidator: caller ID, the
major-incident announcement (deflected calls), replays and out-of-order status callbacks,
bad signatures and malformed requests."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from twilio.request_validator import RequestValidator

from catalog.models import ContactPhone
from catalog.tests.factories import ContactFactory
from contactcenter.models import Announcement, Call, Callback, CallEvent
from core.roles import Role
from incidents import services as incidents
from incidents.models import DemandSignal

from .signed import BASE, TOKEN, incoming, post, status, twilio_time

pytestmark = pytest.mark.django_db


class TestSecurity:
    def test_a_bad_signature_is_403_and_records_nothing(self, client, line):
        response = post(client, "voice", incoming("CA1"), signature="forged")
        assert response.status_code == 403 and not Call.objects.exists()
        response = post(client, "voice", incoming("CA1"), signature="")
        assert response.status_code == 403

    def test_the_signature_covers_the_query(self, client, line):
        params = {"CallSid": "CA1", "Digits": "1"}
        signed_without = RequestValidator(TOKEN).compute_signature(f"{BASE}{reverse('telephony:gather')}", params)
        response = post(client, "gather", params, query="step=announcement", signature=signed_without)
        assert response.status_code == 403

    def test_get_is_refused(self, client):
        assert client.get(reverse("telephony:voice")).status_code == 405


class TestVoice:
    def test_a_known_caller_is_greeted_by_name_and_queued(self, client, line, django_assert_max_num_queries):
        contact = ContactFactory(name="Eleni Papadopoulou")
        ContactPhone.objects.create(contact=contact, number="+306900000001")
        # The line (with its newest announcement's id), the caller ID, the call inserted with its
        # repeat-call link, its demand signal, the menu, the routing (call and agent locked, the
        # queue position): 14 statements with the test transaction's savepoints, whatever the
        # number of contacts, calls or announcements (17 before issue 23; outside a transaction
        # the webhook itself is 5 statements: contactcenter/tests/test_voice_queries.py).
        with django_assert_max_num_queries(14):
            response = post(client, "voice", incoming("CA1"))
        body = response.content.decode()
        assert response.status_code == 200 and response["Content-Type"].startswith("text/xml")
        assert "Hello Eleni Papadopoulou." in body and ">support</Enqueue>" in body
        call = Call.objects.get(call_sid="CA1")
        assert call.contact == contact and call.customer == contact.customer and call.line == line
        assert DemandSignal.objects.filter(service=line.service, reference="CA1").count() == 1

    def test_a_replayed_voice_hook_records_nothing_twice(self, client, line):
        post(client, "voice", incoming("CA1"))
        again = post(client, "voice", incoming("CA1"))
        assert again.status_code == 200 and Call.objects.count() == 1 and DemandSignal.objects.count() == 1

    def test_a_withheld_number_is_an_anonymous_caller(self, client, line):
        response = post(client, "voice", incoming("CA2", caller="anonymous"))
        assert response.status_code == 200 and "account number" in response.content.decode()
        assert Call.objects.get(call_sid="CA2").contact is None

    def test_missing_parameters_get_a_clear_twiml_message(self, client, line):
        response = post(client, "voice", {"From": "+306900000001"})
        assert response.status_code == 200 and "could not be identified" in response.content.decode()


class TestAnnouncements:
    def declare(self, make_user, line, django_capture_on_commit_callbacks):
        boss = make_user(Role.MANAGER)
        master = incidents.incident_create(title="Banking down", actor=boss, service=line.service)
        with django_capture_on_commit_callbacks(execute=True):
            major = incidents.major_incident_declare(incident=master, actor=boss, summary="Online banking down",
                                                     announcement="Online banking is down. We are fixing it.")
        return boss, major

    def test_declaring_turns_the_announcement_on_and_resolving_off(self, client, line, make_user,
                                                                   django_capture_on_commit_callbacks):
        boss, major = self.declare(make_user, line, django_capture_on_commit_callbacks)
        announcement = Announcement.objects.get(major_incident=major)
        assert announcement.active and list(announcement.services.all()) == [line.service]
        with django_capture_on_commit_callbacks(execute=True):
            incidents.major_incident_set_announcement(major=major, actor=boss, announcement="Fixed by noon.")
        assert Announcement.objects.get(pk=announcement.pk).message == "Fixed by noon."
        with django_capture_on_commit_callbacks(execute=True):
            incidents.major_incident_transition(major=major, actor=boss, action="resolve", resolution="fixed")
        assert not Announcement.objects.get(pk=announcement.pk).active
        body = post(client, "voice", incoming("CA9")).content.decode()
        assert "Fixed by noon." not in body and "account number" in body  # no announcement: the usual way

    def test_a_caller_who_hangs_up_after_the_announcement_is_deflected(self, client, line, make_user,
                                                                       django_capture_on_commit_callbacks):
        self.declare(make_user, line, django_capture_on_commit_callbacks)
        body = post(client, "voice", incoming("CA1")).content.decode()
        assert "Online banking is down." in body and "press 1" in body and "<Gather" in body
        post(client, "status", status("CA1", 0, "in-progress"))
        post(client, "status", status("CA1", 1, "completed", duration=20))
        assert Call.objects.get(call_sid="CA1").outcome == "deflected"

    def test_pressing_1_continues_to_an_agent(self, client, line, make_user, django_capture_on_commit_callbacks):
        self.declare(make_user, line, django_capture_on_commit_callbacks)
        post(client, "voice", incoming("CA1"))
        body = post(client, "gather", {"CallSid": "CA1", "Digits": "1"}, query="step=announcement").content.decode()
        assert "account number" in body  # an unknown caller: who are you?
        body = post(client, "gather", {"CallSid": "CA1", "Digits": ""}, query="step=account").content.decode()
        assert ">support</Enqueue>" in body  # skipped: on to an agent anonymously
        post(client, "status", status("CA1", 0, "in-progress"))
        post(client, "queue", {"CallSid": "CA1", "QueueResult": "bridged", "QueueTime": "35"})
        post(client, "status", status("CA1", 1, "completed", duration=300))
        call = Call.objects.get(call_sid="CA1")
        assert call.continued and call.outcome == "answered" and call.talk_seconds == 300
        assert call.wait_seconds == 35 and not Callback.objects.exists()


class TestStatusCallbacks:
    def test_replays_and_out_of_order_events_apply_once_in_order(self, client, line):
        post(client, "voice", incoming("CA1"))
        ended = timezone.now().replace(microsecond=0) - timedelta(minutes=1)
        assert post(client, "status", status("CA1", 2, "completed", duration=42,
                                             at=twilio_time(ended))).status_code == 200
        post(client, "status", status("CA1", 1, "in-progress", at=twilio_time(ended - timedelta(minutes=4))))  # late
        post(client, "status", status("CA1", 2, "completed", duration=42, at=twilio_time(ended)))  # replay
        call = Call.objects.get(call_sid="CA1")
        assert call.status == "completed" and call.last_sequence == 2
        assert call.talk_seconds is None and call.outcome == "abandoned"  # never reached anyone
        assert call.ended_at == ended and call.input_flags == []
        assert CallEvent.objects.filter(call=call).count() == 2

    def test_an_unanswered_call_is_missed_and_a_hang_up_in_queue_abandoned(self, client, line):
        post(client, "voice", incoming("CA1"))
        post(client, "status", status("CA1", 0, "no-answer"))
        post(client, "voice", incoming("CA2", caller="+306900000002"))
        post(client, "queue", {"CallSid": "CA2", "QueueResult": "hangup", "QueueTime": "120"})
        post(client, "status", status("CA2", 0, "completed", duration=130))
        assert dict(Call.objects.values_list("call_sid", "outcome")) == {"CA1": "missed", "CA2": "abandoned"}
        callbacks = dict(Callback.objects.values_list("number", "reason"))
        assert callbacks == {"+306900000001": "missed", "+306900000002": "abandoned"}
        post(client, "status", status("CA2", 0, "completed", duration=130))  # a replay adds no second task
        assert Callback.objects.count() == 2


class TestAfterHours:
    @pytest.fixture
    def closed_line(self, line):
        from django.utils import timezone

        from sla.tests.factories import CalendarFactory, office_hours

        calendar = CalendarFactory()
        office_hours(calendar, weekdays=[(timezone.now().weekday() + 3) % 7])  # open another day: closed now
        line.calendar = calendar
        line.after_hours_message = "We are closed. Leave a message."
        line.save()
        return line

    def test_voicemail_after_hours_makes_a_callback_with_the_recording(self, client, closed_line):
        body = post(client, "voice", incoming("CA1")).content.decode()
        assert "We are closed. Leave a message." in body and "<Record" in body
        post(client, "recording", {"CallSid": "CA1", "RecordingSid": "RE1", "RecordingDuration": "14",
                                   "RecordingUrl": "https://api.twilio.com/recordings/RE1"})
        post(client, "status", status("CA1", 0, "completed", duration=30))
        callback = Callback.objects.get()
        assert (callback.reason, callback.recording_url, callback.recording_seconds) == (
            "voicemail", "https://api.twilio.com/recordings/RE1", 14)
        assert Call.objects.get().outcome == "voicemail"

    def test_hanging_up_after_hours_without_a_message(self, client, closed_line):
        post(client, "voice", incoming("CA1"))
        post(client, "status", status("CA1", 0, "completed", duration=8))
        assert Callback.objects.get().reason == "after_hours"

    def test_malformed_callbacks_are_400_not_500(self, client, line):
        assert post(client, "status", {"CallSid": "CA1", "CallStatus": "completed",
                                       "SequenceNumber": "x"}).status_code == 400
        assert post(client, "status", {"CallSid": "CA1"}).status_code == 400
        assert not CallEvent.objects.exists()


class TestApi:
    def test_call_log_and_callbacks(self, client, api, line, make_user):
        post(client, "voice", incoming("CA1"))
        post(client, "queue", {"CallSid": "CA1", "QueueResult": "hangup", "QueueTime": "90"})
        post(client, "status", status("CA1", 0, "completed", duration=95))
        agent, other = make_user(Role.AGENT), make_user(Role.AGENT)
        calls = api.as_user(agent).get("/api/v1/calls/").json()["results"]
        assert [(c["call_sid"], c["outcome"], c["wait_seconds"], c["line"]) for c in calls] == [
            ("CA1", "abandoned", 90, line.pk)]
        [task] = api.get("/api/v1/callbacks/?status=open").json()["results"]
        assert (task["reason"], task["number"]) == ("abandoned", "+306900000001")
        assert api.post(f"/api/v1/callbacks/{task['id']}/claim/").json()["status"] == "claimed"
        late = api.as_user(other).post(f"/api/v1/callbacks/{task['id']}/claim/")
        assert late.status_code == 409
        assert api.as_user(agent).post(f"/api/v1/callbacks/{task['id']}/complete/").json()["status"] == "done"
        assert api.as_user(make_user(Role.REQUESTER)).get("/api/v1/calls/").status_code == 403


class TestUnknownCallersBridgeAndSurvey:
    @pytest.fixture
    def customer_contact(self):
        contact = ContactFactory(name="Nikos Georgiou")
        contact.customer.account_number = "004512"
        contact.customer.save()
        contact.set_pin("2580")
        contact.save()
        return contact

    def test_an_unknown_caller_is_identified_by_account_number_and_pin(self, client, line, customer_contact):
        assert "account number" in post(client, "voice", incoming("CA1", caller="+447700900123")).content.decode()
        body = post(client, "gather", {"CallSid": "CA1", "Digits": "004512"}, query="step=account").content.decode()
        assert "PIN" in body and "account=004512" in body
        body = post(client, "gather", {"CallSid": "CA1", "Digits": "1111"},
                    query="step=pin&account=004512").content.decode()
        assert "did not match" in body
        body = post(client, "gather", {"CallSid": "CA1", "Digits": "2580"},
                    query="step=pin&account=004512").content.decode()
        assert "Hello Nikos Georgiou." in body and ">support</Enqueue>" in body
        call = Call.objects.get(call_sid="CA1")
        assert call.contact == customer_contact and call.customer == customer_contact.customer
        assert call.account_number == "004512" and call.pin_tries == 1

    def test_three_wrong_pins_continue_anonymously(self, client, line, customer_contact):
        post(client, "voice", incoming("CA1", caller="+447700900123"))
        for _ in range(2):
            body = post(client, "gather", {"CallSid": "CA1", "Digits": "9999"},
                        query="step=pin&account=004512").content.decode()
            assert "did not match" in body
        body = post(client, "gather", {"CallSid": "CA1", "Digits": "9999"},
                    query="step=pin&account=004512").content.decode()
        assert "put you through anyway" in body and ">support</Enqueue>" in body
        assert Call.objects.get(call_sid="CA1").contact is None

    def test_the_bridge_number_joins_the_major_incident_conference_by_pin(self, client, line, make_user, settings):
        boss = make_user(Role.MANAGER)
        master = incidents.incident_create(title="Core down", actor=boss, service=line.service)
        major = incidents.major_incident_declare(incident=master, actor=boss, summary="Core banking down")
        bridge = settings.MAJOR_INCIDENT_BRIDGE_NUMBER
        assert "bridge PIN" in post(client, "voice", incoming("CB1", to=bridge)).content.decode()
        wrong = post(client, "gather", {"CallSid": "CB1", "Digits": "000000"}, query="step=bridge").content.decode()
        assert "does not open a live bridge" in wrong
        body = post(client, "gather", {"CallSid": "CB1", "Digits": major.bridge_pin},
                    query="step=bridge").content.decode()
        assert f"major-incident-{major.pk}</Conference>" in body and "<Dial>" in body

    def test_the_post_call_survey_stores_the_rating(self, client, api, line, make_user):
        contact = ContactFactory()
        ContactPhone.objects.create(contact=contact, number="+306900000001")
        post(client, "voice", incoming("CA1"))
        body = post(client, "queue", {"CallSid": "CA1", "QueueResult": "bridged", "QueueTime": "12"}).content.decode()
        assert "Press 1 to 5" in body and "step=csat" in body
        assert "Thank you for your feedback" in post(client, "gather", {"CallSid": "CA1", "Digits": "4"},
                                                     query="step=csat").content.decode()
        post(client, "gather", {"CallSid": "CA1", "Digits": "1"}, query="step=csat")  # a replay keeps the first
        assert Call.objects.get(call_sid="CA1").csat == 4
        assert api.as_user(make_user(Role.AGENT)).get("/api/v1/calls/").json()["results"][0]["csat"] == 4
        line.csat_survey = False
        line.save()
        post(client, "voice", incoming("CA2"))
        assert "step=csat" not in post(client, "queue", {"CallSid": "CA2", "QueueResult": "bridged"}).content.decode()
