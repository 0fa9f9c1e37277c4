"""The incident queue's "Open a problem from them" posts the ticked rows (the CSRF token in
the body, never in the address); the problem form opens prefilled, and submitting it opens
the problem. A GET with ids (no token) still only prefills."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from catalog.tests.factories import ServiceFactory, TeamFactory
from core.roles import Role
from incidents import services as incidents
from problems.models import Problem

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("celery_eager")]


@pytest.fixture
def desk(make_user):
    tech = make_user(Role.AGENT, username="tech")
    team = TeamFactory(name="Messaging")
    team.members.add(tech)
    service = ServiceFactory(name="Email", owner_team=team)
    first, second = (incidents.incident_create(title=title, actor=tech, service=service)
                     for title in ("Mail bounces", "Mail bounces again"))
    return {"tech": tech, "first": first, "second": second}


@pytest.fixture
def browser(desk):
    """A client that checks CSRF tokens, as a browser meets the site."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(desk["tech"])
    return client


def test_the_queue_posts_the_ticked_rows(browser, desk):
    queue = browser.get(reverse("incidents:queue")).content.decode()
    form = re.search(r'<form method="(\w+)"[^>]*data-testid="bulk-form">.*?</form>', queue, re.S)
    assert form is not None and form.group(1) == "post"
    bulk_button = next(b for b in re.findall(r"<button[^>]*>", form.group(0)) if "bulk-problem" in b)
    assert "formmethod" not in bulk_button and reverse("problems:create") in bulk_button

    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.group(0)).group(1)
    page = browser.post(reverse("problems:create"), {
        "csrfmiddlewaretoken": token, "next": "/incidents/", "bulk-ids": [desk["first"].pk, desk["second"].pk],
        "bulk-problem": "1"})
    assert page.status_code == 200
    body = page.content.decode()
    assert desk["first"].number in body and desk["second"].number in body
    assert 'data-testid="from-incidents"' in body and Problem.objects.count() == 0
    assert "csrfmiddlewaretoken" not in page.request["QUERY_STRING"]

    # The prefilled form submits as it is: one problem from both incidents.
    initial = page.context["form"].initial
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)
    created = browser.post(reverse("problems:create"), {
        "csrfmiddlewaretoken": token, "title": initial["title"], "description": initial.get("description", ""),
        "incidents": initial["incidents"], "impact": initial["impact"], "urgency": initial["urgency"]})
    assert created.status_code == 302, created.content.decode()[:2000]
    problem = Problem.objects.get()
    assert set(problem.incidents.values_list("pk", flat=True)) == {desk["first"].pk, desk["second"].pk}


def test_a_post_without_the_token_is_refused(browser, desk):
    response = browser.post(reverse("problems:create"), {"bulk-ids": [desk["first"].pk], "bulk-problem": "1"})
    assert response.status_code == 403


def test_a_get_with_ids_still_prefills_without_a_token(browser, desk):
    page = browser.get(reverse("problems:create"), {"bulk-ids": [desk["first"].pk, desk["second"].pk]})
    assert page.status_code == 200
    assert desk["first"].number in page.content.decode() and Problem.objects.count() == 0
