"""The complaint pages: the register (filters, constant queries), its CSV export, recording
from an incident, a call or the 360° view in one click, the page's actions (409 on a
refusal), and who may open what."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalog.tests.factories import ContactFactory, CustomerFactory
from contactcenter.tests.factories import CallFactory
from core.roles import Role
from crm.models import Complaint
from crm.services import complaint as services
from incidents.tests.factories import IncidentFactory

from .factories_complaint import ComplaintFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def agent_user(make_user):
    return make_user(Role.AGENT, username="page-agent")


@pytest.fixture
def agent_client(client, agent_user):
    client.force_login(agent_user)
    return client


def _register_queries(client) -> int:
    client.get("/complaints/")  # warm per-process caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/complaints/", {"status": "received"})
    assert response.status_code == 200
    return len(queries)


def test_the_register_costs_the_same_queries_for_1_and_20_rows(agent_client, agent_user):
    ComplaintFactory(owner=agent_user)
    one = _register_queries(agent_client)
    for _ in range(19):
        ComplaintFactory(owner=agent_user)
    twenty = _register_queries(agent_client)
    assert one == twenty, (one, twenty)
    page = agent_client.get("/complaints/", {"status": "received"})
    assert page.content.count(b'href="/complaints/') >= 20


def test_the_register_filters(agent_client, agent_user):
    customer = CustomerFactory()
    mine = ComplaintFactory(owner=agent_user, severity=1, contact=ContactFactory(customer=customer))
    compliment = ComplaintFactory(kind="compliment", severity=3)

    def shown(**params):
        content = agent_client.get("/complaints/", params).content.decode()
        return {c.number for c in (mine, compliment) if c.number in content}

    assert shown(kind="compliment") == {compliment.number}
    assert shown(severity="1") == {mine.number}
    assert shown(owner="me") == {mine.number}
    assert shown(customer=customer.pk) == {mine.number}
    assert shown(q=mine.number) == {mine.number}
    assert shown(kind="praise") == set()  # an unknown kind: no rows, the form says why


def test_the_csv_export_has_the_filtered_rows_and_quotes_formulas(agent_client):
    hit = ComplaintFactory(subject="=HYPERLINK(\"http://evil\")", severity=1)
    ComplaintFactory(severity=3)
    response = agent_client.get("/complaints/export.csv", {"severity": "1"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:5] == ["number", "kind", "channel", "severity", "status"]
    assert [row[0] for row in rows[1:]] == [hit.number]
    assert rows[1][rows[0].index("subject")].startswith("'=")


def test_requesters_cannot_open_the_register_or_the_export(client, make_user):
    client.force_login(make_user(Role.REQUESTER, username="page-req"))
    assert client.get("/complaints/").status_code == 403
    assert client.get("/complaints/export.csv").status_code == 403
    assert client.get("/complaints/new/").status_code == 403


def test_one_click_from_an_incident_prefills_and_links_it(agent_client):
    contact = ContactFactory()
    incident = IncidentFactory(contact=contact, title="Card declined abroad")
    form = agent_client.get("/complaints/new/", {"incident": incident.pk})
    assert form.status_code == 200
    assert f'value="{incident.pk}"'.encode() in form.content and b"Card declined abroad" in form.content
    response = agent_client.post("/complaints/new/", {
        "kind": "complaint", "subject": "Card declined abroad", "channel": "phone", "severity": "2",
        "contact": contact.pk, "incident": incident.pk})
    complaint = Complaint.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/complaints/{complaint.pk}/"
    assert list(complaint.incidents.all()) == [incident] and complaint.customer == contact.customer


def test_one_click_from_a_call_takes_its_contact(agent_client):
    contact = ContactFactory()
    call = CallFactory(contact=contact, customer=contact.customer)
    form = agent_client.get("/complaints/new/", {"call": call.pk})
    assert form.status_code == 200 and f'value="{contact.pk}"'.encode() in form.content
    agent_client.post("/complaints/new/", {"kind": "suggestion", "subject": "Call back sooner", "channel": "phone",
                                           "severity": "3", "contact": contact.pk, "call": call.pk})
    complaint = Complaint.objects.get()
    assert (complaint.call, complaint.contact, complaint.kind) == (call, contact, "suggestion")


def test_one_click_from_the_360_view_takes_the_contact(agent_client):
    contact = ContactFactory()
    view = agent_client.get(f"/contacts/{contact.pk}/").content.decode()
    assert f'href="/complaints/new/?contact={contact.pk}" data-testid="record-complaint"' in view
    form = agent_client.get("/complaints/new/", {"contact": contact.pk})
    assert form.status_code == 200 and f'value="{contact.pk}"'.encode() in form.content
    assert b'data-testid="complaint-source"' in form.content
    for junk in ("x", "0", "99999999", "1e3"):  # nobody: an empty form, never an error
        response = agent_client.get("/complaints/new/", {"contact": junk})
        assert response.status_code == 200 and b'data-testid="complaint-source"' not in response.content


def test_a_bad_form_is_a_400_with_field_errors(agent_client):
    response = agent_client.post("/complaints/new/", {"kind": "praise", "subject": "", "channel": "phone",
                                                      "severity": "9"})
    assert response.status_code == 400 and response.content.count(b"errorlist") >= 3
    assert not Complaint.objects.exists()


def test_the_page_offers_the_allowed_actions_and_runs_them(agent_client, agent_user):
    complaint = services.complaint_create(actor=agent_user, subject="Lost letter", contact=ContactFactory())
    page = agent_client.get(f"/complaints/{complaint.pk}/")
    assert page.status_code == 200
    assert b'data-testid="action-acknowledge"' in page.content and b'data-testid="action-close"' not in page.content
    assert agent_client.post(f"/complaints/{complaint.pk}/acknowledge/").status_code == 302
    refused = agent_client.post(f"/complaints/{complaint.pk}/acknowledge/")
    assert refused.status_code == 409
    missing = agent_client.post(f"/complaints/{complaint.pk}/respond/", {"respond-response": ""})
    assert missing.status_code == 400
    answered = agent_client.post(f"/complaints/{complaint.pk}/respond/", {"respond-response": "Found it"})
    assert answered.status_code == 302
    complaint.refresh_from_db()
    assert (complaint.status, complaint.response) == ("responded", "Found it")
    assert agent_client.post(f"/complaints/{complaint.pk}/close/", {"close-satisfied": "false"}).status_code == 302
    complaint.refresh_from_db()
    assert (complaint.status, complaint.satisfied) == ("closed", False)
    assert agent_client.post(f"/complaints/{complaint.pk}/nonsense/").status_code == 404


def test_a_requester_reads_their_own_complaint_page_only(client, make_user, agent_user):
    alice = make_user(Role.REQUESTER, username="page-alice")
    mine = ComplaintFactory(contact=ContactFactory(user=alice))
    other = ComplaintFactory()
    client.force_login(alice)
    page = client.get(f"/complaints/{mine.pk}/")
    assert page.status_code == 200 and b"complaint-actions" not in page.content
    assert client.get(f"/complaints/{other.pk}/").status_code == 404
    assert client.post(f"/complaints/{mine.pk}/acknowledge/").status_code == 403


def test_the_survey_shows_on_the_ticket(agent_client, agent_user):
    from django.template import Context, Template

    from .factories_complaint import SurveyFactory

    incident = IncidentFactory()
    SurveyFactory(ticket_kind="incident", ticket_id=incident.pk, score=2, comment="Slow")
    html = Template("{% load survey_tags %}{% ticket_survey incident %}").render(Context({"incident": incident}))
    assert "2 out of 5" in html and "Slow" in html
    assert "ticket-survey" not in Template("{% load survey_tags %}{% ticket_survey i %}").render(
        Context({"i": IncidentFactory()}))
    complaint = ComplaintFactory()
    SurveyFactory(ticket_kind="complaint", ticket_id=complaint.pk, score=5)
    assert b"5 out of 5" in agent_client.get(f"/complaints/{complaint.pk}/").content


def test_the_admin_lists_complaints_and_surveys(client, make_user):
    client.force_login(make_user(Role.ADMIN, username="cmp-admin", is_staff=True, is_superuser=True))
    ComplaintFactory()
    assert client.get("/admin/crm/complaint/").status_code == 200
    assert client.get("/admin/crm/survey/").status_code == 200
