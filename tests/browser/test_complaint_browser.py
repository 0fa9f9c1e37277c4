"""A complaint in a real browser (issue 19): an agent opens a known contact's 360° view,
records a complaint from it in one click, acknowledges it, responds and closes it; the
customer answers the survey the closing sent through its public link (no login) and the
answer shows on the complaint's page. The incident the contact had is resolved too: its
survey, answered from the email's one-click score link, shows on the incident's page."""

import re

import pytest

from catalog.tests.factories import ContactFactory, CustomerFactory
from core.roles import Role
from crm.models import Complaint, Survey
from incidents import services as incidents
from notifications.models import Delivery

SURVEY_PATH = re.compile(r"/surveys/[^/\s?]+/")


@pytest.fixture
def desk(make_user, celery_eager):
    """An agent, and a contact with an email address and an open incident (the surveys go by
    email; Celery runs the sending task in the live server's thread)."""
    agent = make_user(Role.AGENT, username="cora", first_name="Cora", last_name="Agent")
    contact = ContactFactory(name="Nikos Georgiou", email="nikos@example.test",
                             customer=CustomerFactory(name="Aegean Insurance"))
    incident = incidents.incident_create(title="Claim form rejects my policy number", actor=agent, contact=contact,
                                         channel="phone")
    return {"agent": agent, "contact": contact, "incident": incident}


def survey_link(survey: Survey) -> str:
    """The path of the survey's link, as the customer's email carries it."""
    delivery = Delivery.objects.get(related=f"crm.survey:{survey.pk}")
    return SURVEY_PATH.search(delivery.body).group(0)


def answer_survey(page, path: str, *, score: int, comment: str = "", chosen: bool = False):
    """The customer, with no session, answers on the survey's page."""
    page.driver.delete_all_cookies()
    page.get(path)
    radio = page.find(f"input[name=score][value='{score}']")
    if chosen:  # the email's one-click link chose the score already
        assert radio.is_selected()
    else:
        radio.click()
    if comment:
        page.find("textarea[name=comment]").send_keys(comment)
    page.find("[data-testid=survey-form] button[type=submit]").click()
    page.wait_for(lambda d: page.find_all("[data-testid=survey-thanks]"), message="the answer was not recorded")


def act(page, name: str, status: str):
    page.find(f"[data-testid=action-{name}]").click()
    page.wait_for(lambda d: page.find("[data-testid=complaint-status]").text == status,
                  message=f"the complaint did not become {status}")


def test_a_complaint_from_the_360_view_to_the_survey_on_the_ticket(page, desk):
    agent, contact = desk["agent"], desk["contact"]
    page.login(agent)
    page.get(f"/contacts/{contact.pk}/")
    page.find("[data-testid=record-complaint]").click()  # one click: the form knows the contact
    page.wait_for_path("/complaints/new/")
    assert page.find("#id_contact").get_attribute("value") == str(contact.pk)
    assert "Nikos Georgiou" in page.find("[data-testid=complaint-source]").text
    page.find("#id_subject").send_keys("Nobody called me back about my claim")
    page.find("[data-testid=complaint-form] button[type=submit]").click()
    page.wait_for(lambda d: Complaint.objects.exists(), message="no complaint recorded")
    complaint = Complaint.objects.get()
    assert (complaint.contact, complaint.customer, complaint.status) == (contact, contact.customer, "received")
    page.wait_for_path(f"/complaints/{complaint.pk}/")

    act(page, "acknowledge", "Acknowledged")
    page.find("#id_respond-response").send_keys("We are sorry: your claim advisor will call you today.")
    act(page, "respond", "Responded")
    page.find("#id_close-satisfied").send_keys("Yes")
    act(page, "close", "Closed")
    complaint.refresh_from_db()
    assert complaint.satisfied is True and complaint.response.startswith("We are sorry")
    told = set(Delivery.objects.filter(related=f"crm.complaint:{complaint.pk}").values_list("template", flat=True))
    assert {"complaint-acknowledged", "complaint-responded"} <= told  # the customer heard at both steps
    assert "not answered yet" in page.find("[data-testid=ticket-survey]").text  # sent when it closed

    survey = Survey.objects.get(ticket_kind="complaint", ticket_id=complaint.pk)
    answer_survey(page, survey_link(survey), score=4, comment="Quick answer, thanks")
    page.login(agent)
    page.get(f"/complaints/{complaint.pk}/")
    shown = page.find("[data-testid=ticket-survey]").text
    assert "4 out of 5" in shown and "Quick answer, thanks" in shown
    page.screenshot("complaint-survey")

    # The contact's incident, resolved: its survey's one-click link (score 5) shows on its page.
    incident = desk["incident"]
    incidents.incident_resolve(incident=incident, actor=agent, resolution_code="fixed",
                               resolution="Policy numbers with a dash are accepted now.")
    survey = Survey.objects.get(ticket_kind="incident", ticket_id=incident.pk)
    answer_survey(page, survey_link(survey) + "?score=5", score=5, chosen=True)
    page.login(agent)
    page.get(f"/incidents/{incident.pk}/")
    assert "5 out of 5" in page.find("[data-testid=ticket-survey]").text
    page.get(f"/contacts/{contact.pk}/")
    assert "rated 5/5" in page.find("[data-testid=timeline]").text and "rated 4/5" in page.find(
        "[data-testid=timeline]").text
