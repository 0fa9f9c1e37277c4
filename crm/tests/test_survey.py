"""Satisfaction surveys: one per ticket however often it is resolved or the task runs; the
no-login page through a signed, expiring token (forged, expired, used: a clear page and
nothing changed); a low score tells the team's manager; requesters see their own."""

import re
from unittest import mock

import pytest
from django.core import signing

from catalog.tests.factories import ContactFactory, ContactPhoneFactory, TeamFactory
from core.roles import Role
from crm.models import Survey
from crm.services import complaint as complaints
from crm.services.survey import SALT, survey_answer, survey_send, survey_token
from crm.tasks import send_survey
from incidents import services as incidents
from incidents.tests.factories import IncidentFactory
from notifications.models import Delivery
from servicerequests.services import task_complete
from servicerequests.tests.factories import FulfilmentTaskFactory, ServiceRequestFactory

from .factories_complaint import SurveyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def agent_user(make_user):
    return make_user(Role.AGENT, username="srv-agent")


def _resolve(incident, actor):
    incidents.incident_resolve(incident=incident, actor=actor, resolution_code="fixed", resolution="Restarted")


def test_an_incident_resolved_twice_sends_one_survey_and_the_task_run_again_sends_nothing(
        agent_user, celery_eager, django_capture_on_commit_callbacks):
    contact = ContactFactory(email="zoe@example.test")
    incident = IncidentFactory(contact=contact, customer=contact.customer, assignee=agent_user, status="in_progress")
    with django_capture_on_commit_callbacks(execute=True):
        _resolve(incident, agent_user)
    with django_capture_on_commit_callbacks(execute=True):
        incidents.incident_reopen(incident=incident, actor=agent_user, reason="back again")
    with django_capture_on_commit_callbacks(execute=True):
        _resolve(incident, agent_user)
    survey = Survey.objects.get()
    assert (survey.ticket_kind, survey.ticket_id, survey.contact, survey.agent) == (
        "incident", incident.pk, contact, agent_user)
    assert (survey.channel, survey.recipient, survey.ticket_number) == ("email", contact.email, incident.number)
    assert send_survey("incident", incident.pk) is None  # the task once more: nothing new
    deliveries = Delivery.objects.filter(related=f"crm.survey:{survey.pk}")
    assert deliveries.count() == 1
    body = deliveries.get().body
    assert incident.number in body and "?score=5" in body and "?score=1" in body


def test_a_contact_without_email_gets_an_sms_link(agent_user):
    contact = ContactFactory(email="")
    ContactPhoneFactory(contact=contact, number="+302107654321")
    incident = IncidentFactory(contact=contact, status="resolved")
    survey = survey_send(ticket_kind="incident", ticket_id=incident.pk)
    delivery = Delivery.objects.get(related=f"crm.survey:{survey.pk}")
    assert survey.channel == "sms" and delivery.channel == "sms" and delivery.recipient == "+302107654321"
    assert survey_token(survey) in delivery.body


def test_nobody_to_ask_sends_nothing():
    incident = IncidentFactory(contact=ContactFactory(email=""))
    assert survey_send(ticket_kind="incident", ticket_id=incident.pk) is None
    assert not Survey.objects.exists()


def test_a_fulfilled_request_and_a_closed_complaint_send_theirs(agent_user, make_user, celery_eager,
                                                                django_capture_on_commit_callbacks):
    requester = make_user(Role.REQUESTER, username="req-survey")
    ContactFactory(user=requester, email="req@example.test")
    team = TeamFactory()
    request = ServiceRequestFactory(requested_by=requester, status="fulfilling")
    task = FulfilmentTaskFactory(request=request, team=team, assignee=agent_user, status="open")
    with django_capture_on_commit_callbacks(execute=True):
        task_complete(task=task, actor=agent_user)
    survey = Survey.objects.get(ticket_kind="request")
    assert (survey.ticket_id, survey.agent, survey.team) == (request.pk, agent_user, team)
    complaint = complaints.complaint_create(actor=agent_user, subject="Slow refund", contact=ContactFactory())
    complaints.complaint_acknowledge(complaint=complaint, actor=agent_user)
    complaints.complaint_respond(complaint=complaint, actor=agent_user, response="Refunded")
    with django_capture_on_commit_callbacks(execute=True):
        complaints.complaint_close(complaint=complaint, actor=agent_user, satisfied=True)
    assert Survey.objects.filter(ticket_kind="complaint", ticket_id=complaint.pk, agent=agent_user).exists()


# --- the no-login page --------------------------------------------------------------------------------
def test_the_link_shows_the_score_chosen_and_one_click_records_it(client, agent_user):
    survey = SurveyFactory(agent=agent_user)
    url = f"/surveys/{survey_token(survey)}/"
    page = client.get(url, {"score": "4"})
    assert page.status_code == 200 and re.search(rb'value="4"[^>]*checked', page.content)
    survey.refresh_from_db()
    assert survey.answered_at is None  # a GET records nothing (mail scanners open links)
    done = client.post(url, {"score": "4", "comment": "Quick and kind"})
    assert done.status_code == 200 and b"survey-thanks" in done.content
    survey.refresh_from_db()
    assert (survey.score, survey.comment) == (4, "Quick and kind") and survey.answered_at


@pytest.mark.parametrize("score", ["0", "6", "x", ""])
def test_a_score_outside_1_to_5_is_a_400_with_the_field_error_and_changes_nothing(client, score):
    survey = SurveyFactory()
    page = client.post(f"/surveys/{survey_token(survey)}/", {"score": score})
    assert page.status_code == 400 and b"errorlist" in page.content
    survey.refresh_from_db()
    assert survey.score is None and survey.answered_at is None


def test_a_forged_link_is_a_clear_page(client):
    survey = SurveyFactory()
    token = survey_token(survey)
    other = SurveyFactory()
    forged = [token[:-2] + ("AA" if not token.endswith("AA") else "BB"),  # signature changed
              token.replace(f"{survey.pk}:", f"{other.pk}:", 1),  # another survey's id
              signing.TimestampSigner(salt="another-salt").sign(str(survey.pk)),
              "nonsense", "1:2:3:4"]
    for bad in forged:
        for response in (client.get(f"/surveys/{bad}/"), client.post(f"/surveys/{bad}/", {"score": "5"})):
            assert response.status_code == 400 and b"survey-problem" in response.content, bad
    assert not Survey.objects.filter(answered_at__isnull=False).exists()


def test_an_expired_link_is_a_clear_page(client, settings):
    survey = SurveyFactory()
    old = signing.TimestampSigner(salt=SALT)
    with mock.patch("django.core.signing.time.time", return_value=__import__("time").time() - 15 * 86400):
        token = old.sign(str(survey.pk))
    settings.CRM_SURVEY_TOKEN_DAYS = 14
    for response in (client.get(f"/surveys/{token}/"), client.post(f"/surveys/{token}/", {"score": "5"})):
        assert response.status_code == 410 and b"survey-problem" in response.content
    survey.refresh_from_db()
    assert survey.answered_at is None


def test_a_used_link_is_a_clear_page_and_the_first_answer_stays(client):
    survey = SurveyFactory()
    url = f"/surveys/{survey_token(survey)}/"
    assert client.post(url, {"score": "5"}).status_code == 200
    for response in (client.get(url), client.post(url, {"score": "1", "comment": "changed my mind"})):
        assert response.status_code == 409 and b"survey-problem" in response.content
    survey.refresh_from_db()
    assert (survey.score, survey.comment) == (5, "")


def test_the_api_answer_takes_the_token_with_no_login(api):
    survey = SurveyFactory()
    bad = api.post("/api/v1/surveys/answer/", {"token": survey_token(survey), "score": 9}, format="json")
    assert bad.status_code == 400 and "score" in bad.json()
    forged = api.post("/api/v1/surveys/answer/", {"token": "x:y:z", "score": 3}, format="json")
    assert forged.status_code == 404
    ok = api.post("/api/v1/surveys/answer/", {"token": survey_token(survey), "score": 3, "solved": False},
                  format="json")
    assert ok.status_code == 200 and ok.json()["score"] == 3 and ok.json()["solved_first_contact"] is False
    again = api.post("/api/v1/surveys/answer/", {"token": survey_token(survey), "score": 5}, format="json")
    assert again.status_code == 404


def test_the_api_answer_may_leave_solved_out(api):
    survey = SurveyFactory()
    ok = api.post("/api/v1/surveys/answer/", {"token": survey_token(survey), "score": 4}, format="json")
    assert ok.status_code == 200 and ok.json()["solved_first_contact"] is None
    bad = api.post("/api/v1/surveys/answer/", {"token": survey_token(SurveyFactory()), "score": 4, "solved": "maybe"},
                   format="json")
    assert bad.status_code == 400 and "solved" in bad.json()


# --- a low score ------------------------------------------------------------------------------------------
def test_a_low_score_tells_the_team_manager_once(make_user, agent_user):
    manager = make_user(Role.MANAGER, username="srv-manager")
    team = TeamFactory(manager=manager)
    survey = SurveyFactory(agent=agent_user, team=team)
    survey_answer(token=survey_token(survey), score=2, comment="Nobody called back")
    told = Delivery.objects.filter(user=manager, template="survey-low-score")
    assert set(told.values_list("channel", flat=True)) == {"in_app", "email"}
    assert "Nobody called back" in told.get(channel="email").body
    good = SurveyFactory(agent=agent_user, team=team)
    survey_answer(token=survey_token(good), score=3)
    assert told.count() == 2


# --- who sees which ---------------------------------------------------------------------------------------
def test_requesters_see_only_their_own_surveys(api, make_user, agent_user):
    alice = make_user(Role.REQUESTER, username="srv-alice")
    mine = SurveyFactory(contact=ContactFactory(user=alice))
    other = SurveyFactory()
    client = api.as_user(alice)
    assert {row["id"] for row in client.get("/api/v1/surveys/").json()["results"]} == {mine.pk}
    assert client.get(f"/api/v1/surveys/{other.pk}/").status_code == 404
    staff = api.as_user(agent_user).get("/api/v1/surveys/", {"ticket_kind": "incident"}).json()
    assert {row["id"] for row in staff["results"]} == {mine.pk, other.pk}
    assert api.as_user(agent_user).get("/api/v1/surveys/", {"ticket_kind": "nope"}).status_code == 400


def test_the_survey_is_unique_per_ticket_in_the_database():
    survey = SurveyFactory()
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        SurveyFactory(ticket_kind=survey.ticket_kind, ticket_id=survey.ticket_id)
    with pytest.raises(IntegrityError), transaction.atomic():
        SurveyFactory(score=6)
