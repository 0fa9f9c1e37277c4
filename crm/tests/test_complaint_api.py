"""Complaints through the API: recording, the lifecycle and its guards (409), what each role
may do and see, field validation, and the SLA clocks a complaint policy starts."""

import pytest
from django.contrib.contenttypes.models import ContentType

from catalog.tests.factories import ContactFactory, ContactPhoneFactory, ServiceFactory, TeamFactory
from core.roles import Role
from crm.models import Complaint
from crm.services import complaint as services
from incidents.tests.factories import IncidentFactory
from notifications.models import Delivery
from sla.models import SLATimer
from sla.tests.factories import PolicyFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/complaints/"


@pytest.fixture
def agent_user(make_user):
    return make_user(Role.AGENT, username="cmp-agent")


def _lifecycle_complaint(actor, **kwargs):
    contact = kwargs.pop("contact", None) or ContactFactory(email="kim@example.test")
    return services.complaint_create(actor=actor, subject="Charged twice", contact=contact, **kwargs)


def test_an_agent_records_one_with_a_cmp_number_its_contact_customer_and_linked_incident(api, agent_user):
    contact = ContactFactory()
    incident = IncidentFactory(contact=contact)
    body = api.as_user(agent_user).post(URL, {"kind": "complaint", "subject": "Card charged twice",
                                              "contact": contact.pk, "channel": "email", "severity": 1,
                                              "incidents": [incident.pk]}, format="json")
    assert body.status_code == 201, body.content
    data = body.json()
    assert data["number"] == f"CMP{data['id']:06d}"
    assert data["status"] == "received" and data["customer"] == contact.customer_id
    assert data["incidents"] == [incident.pk] and data["severity"] == 1 and data["channel"] == "email"
    assert set(data["actions"]) == {"acknowledge", "escalate"}
    assert Complaint.objects.get(pk=data["id"]).history.first().number == data["number"]


@pytest.mark.parametrize(("body", "field"), [
    ({"kind": "praise", "subject": "x"}, "kind"),
    ({"subject": "x", "channel": "pigeon"}, "channel"),
    ({"subject": "x", "severity": 4}, "severity"),
    ({"subject": "x", "severity": 0}, "severity"),
    ({"subject": ""}, "subject"),
    ({"kind": "complaint"}, "subject"),
    ({"subject": "x", "contact": 999999999}, "contact"),
])
def test_bad_fields_answer_400_with_the_field_named(api, agent_user, body, field):
    response = api.as_user(agent_user).post(URL, body, format="json")
    assert response.status_code == 400, response.content
    assert field in response.json()
    assert not Complaint.objects.exists()


def test_the_whole_lifecycle_tells_the_customer_at_acknowledgement_and_response(api, agent_user,
                                                                               django_capture_on_commit_callbacks):
    complaint = _lifecycle_complaint(agent_user)
    client = api.as_user(agent_user)
    base = f"{URL}{complaint.pk}/"
    with django_capture_on_commit_callbacks(execute=False):
        ack = client.post(f"{base}acknowledge/")
    assert ack.status_code == 200 and ack.json()["status"] == "acknowledged"
    assert ack.json()["acknowledged_at"] and ack.json()["owner"] == agent_user.pk
    assert client.post(f"{base}investigate/").json()["status"] == "investigating"
    assert client.post(f"{base}respond/", {"response": ""}, format="json").status_code == 400
    responded = client.post(f"{base}respond/", {"response": "We refunded the second charge."}, format="json")
    assert responded.status_code == 200 and responded.json()["responded_at"]
    closed = client.post(f"{base}close/", {"satisfied": False}, format="json")
    assert closed.json()["status"] == "closed" and closed.json()["satisfied"] is False
    assert closed.json()["actions"] == ["reopen"]
    assert client.post(f"{base}reopen/", {}, format="json").status_code == 400  # a reason is required
    reopened = client.post(f"{base}reopen/", {"reason": "Still charged twice"}, format="json")
    assert reopened.json()["status"] == "investigating" and reopened.json()["reopen_count"] == 1
    told = Delivery.objects.filter(related=f"crm.complaint:{complaint.pk}").order_by("id")
    assert [(d.channel, d.recipient, d.template) for d in told] == [
        ("email", "kim@example.test", "complaint-acknowledged"), ("email", "kim@example.test", "complaint-responded")]
    assert "We refunded the second charge." in told[1].body and complaint.number in told[0].subject
    reasons = list(complaint.history.order_by("history_id").values_list("history_change_reason", flat=True))
    assert reasons == ["received", "acknowledged", "investigating", "responded", "closed",
                       "reopened: Still charged twice"]


def test_a_contact_without_email_is_told_by_sms(agent_user):
    contact = ContactFactory(email="")
    ContactPhoneFactory(contact=contact, number="+302101234567")
    complaint = _lifecycle_complaint(agent_user, contact=contact)
    services.complaint_acknowledge(complaint=complaint, actor=agent_user)
    delivery = Delivery.objects.get(related=f"crm.complaint:{complaint.pk}")
    assert (delivery.channel, delivery.recipient) == ("sms", "+302101234567")


@pytest.mark.parametrize(("steps", "action", "body"), [
    ([], "investigate", {}),
    ([], "respond", {"response": "done"}),
    ([], "close", {}),
    ([], "reopen", {"reason": "again"}),
    (["acknowledge"], "acknowledge", {}),
    (["acknowledge", "respond"], "escalate", {"reason": "boss"}),
])
def test_a_refused_transition_is_409_with_the_current_status(api, agent_user, steps, action, body):
    complaint = _lifecycle_complaint(agent_user)
    for step in steps:
        kwargs = {"response": "answer"} if step == "respond" else {}
        getattr(services, f"complaint_{step}")(complaint=complaint, actor=agent_user, **kwargs)
    complaint.refresh_from_db()
    before = complaint.status
    response = api.as_user(agent_user).post(f"{URL}{complaint.pk}/{action}/", body, format="json")
    assert response.status_code == 409, response.content
    assert response.json()["code"] == "invalid_transition" and response.json()["status"] == before
    complaint.refresh_from_db()
    assert complaint.status == before


def test_a_satisfied_customer_closes_it_for_good(api, agent_user):
    complaint = _lifecycle_complaint(agent_user)
    services.complaint_acknowledge(complaint=complaint, actor=agent_user)
    services.complaint_respond(complaint=complaint, actor=agent_user, response="Refunded")
    services.complaint_close(complaint=complaint, actor=agent_user, satisfied=True)
    response = api.as_user(agent_user).post(f"{URL}{complaint.pk}/reopen/", {"reason": "x"}, format="json")
    assert response.status_code == 409 and response.json()["status"] == "closed"


def test_escalation_then_investigation(api, agent_user):
    complaint = _lifecycle_complaint(agent_user)
    client = api.as_user(agent_user)
    assert client.post(f"{URL}{complaint.pk}/escalate/", {}, format="json").status_code == 400
    escalated = client.post(f"{URL}{complaint.pk}/escalate/", {"reason": "Ombudsman letter"}, format="json")
    assert escalated.json()["status"] == "escalated" and escalated.json()["escalation_reason"] == "Ombudsman letter"
    assert client.post(f"{URL}{complaint.pk}/investigate/").json()["status"] == "investigating"


def test_status_cannot_be_written(api, agent_user):
    complaint = _lifecycle_complaint(agent_user)
    response = api.as_user(agent_user).patch(f"{URL}{complaint.pk}/", {"status": "closed", "severity": 1},
                                             format="json")
    assert response.status_code == 200 and response.json()["status"] == "received"
    assert response.json()["severity"] == 1


# --- roles ------------------------------------------------------------------------------------
def test_requesters_lodge_and_see_only_their_own_and_cannot_act(api, make_user, agent_user):
    alice, bob = make_user(Role.REQUESTER, username="alice"), make_user(Role.REQUESTER, username="bob")
    alice_contact = ContactFactory(user=alice)
    ContactFactory(user=bob)
    client = api.as_user(alice)
    lodged = client.post(URL, {"subject": "Rude agent", "kind": "complaint", "owner": agent_user.pk,
                               "channel": "letter"}, format="json")
    assert lodged.status_code == 201, lodged.content
    mine = lodged.json()
    assert mine["contact"] == alice_contact.pk and mine["channel"] == "portal" and mine["owner"] is None
    assert mine["actions"] == []
    named = _lifecycle_complaint(agent_user, contact=alice_contact)  # recorded by an agent, naming her
    others = _lifecycle_complaint(agent_user)
    listed = {row["id"] for row in client.get(URL).json()["results"]}
    assert listed == {mine["id"], named.pk}
    assert client.get(f"{URL}{others.pk}/").status_code == 404
    assert client.post(f"{URL}{others.pk}/acknowledge/").status_code == 404
    assert client.post(f"{URL}{mine['id']}/acknowledge/").status_code == 403
    assert client.patch(f"{URL}{mine['id']}/", {"subject": "x"}, format="json").status_code == 403
    assert api.as_user(bob).get(f"{URL}{mine['id']}/").status_code == 404
    api.credentials()
    assert api.get(URL).status_code == 401


def test_filters(api, agent_user):
    first = _lifecycle_complaint(agent_user, severity=1)
    services.complaint_acknowledge(complaint=first, actor=agent_user)
    second = services.complaint_create(actor=agent_user, subject="Great service", kind="compliment", severity=3)
    client = api.as_user(agent_user)

    def ids(**params):
        return {row["id"] for row in client.get(URL, params).json()["results"]}

    assert ids(kind="compliment") == {second.pk}
    assert ids(status="acknowledged") == {first.pk}
    assert ids(severity=1) == {first.pk}
    assert ids(owner="me") == {first.pk}
    assert ids(owner="none") == {second.pk}
    assert ids(customer=first.customer_id) == {first.pk}
    assert client.get(URL, {"kind": "praise"}).status_code == 400


# --- SLA ------------------------------------------------------------------------------------------
def test_a_complaint_policy_starts_clocks_acknowledge_meets_response_and_respond_resolution(agent_user):
    PolicyFactory(applies_to="complaint", response_minutes=60, resolution_minutes=60 * 24 * 5, pause_on=[])
    complaint = _lifecycle_complaint(agent_user, service=ServiceFactory(owner_team=TeamFactory()))
    kind = ContentType.objects.get_for_model(Complaint)

    def timers():
        return dict(SLATimer.objects.filter(content_type=kind, object_id=complaint.pk)
                    .values_list("metric", "status"))

    assert timers() == {"response": "running", "resolution": "running"}
    services.complaint_acknowledge(complaint=complaint, actor=agent_user)
    assert timers() == {"response": "met", "resolution": "running"}
    services.complaint_respond(complaint=complaint, actor=agent_user, response="Answer")
    assert timers() == {"response": "met", "resolution": "met"}
    services.complaint_close(complaint=complaint, actor=agent_user, satisfied=False)
    services.complaint_reopen(complaint=complaint, actor=agent_user, reason="not fixed")
    assert timers()["resolution"] == "running"
