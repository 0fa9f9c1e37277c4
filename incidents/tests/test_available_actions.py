"""One rule for what a person may do to an incident or a major incident: for several roles
and states, the page offers exactly what ``incident_available_actions`` /
``major_incident_available_actions`` say, and the API carries out exactly those verbs (the
others answer 403 or 409, as they always did)."""

from datetime import timedelta

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from catalog.tests.factories import ServiceFactory, TeamFactory, UserFactory
from core.roles import Role
from core.tests.actions import accepted, api_accepts, offered
from incidents import services
from incidents.models import Incident
from incidents.selectors import (
    INCIDENT_ACTIONS,
    MAJOR_INCIDENT_ACTIONS,
    incident_available_actions,
    major_incident_available_actions,
)
from incidents.tests.factories import IncidentFactory, MajorIncidentFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("celery_eager")]


@pytest.fixture(scope="module")
def _desk(django_db_setup, django_db_blocker):
    """The team, its people and its service, built once for the module: in a transaction of
    their own, rolled back after the module's last test (each test's own transaction is a
    savepoint inside it, so what a test writes is gone before the next one)."""
    with django_db_blocker.unblock(), transaction.atomic():
        team = TeamFactory(name="Service Desk")
        people = {"agent": UserFactory(roles=[Role.AGENT], username="ann"),
                  "manager": UserFactory(roles=[Role.MANAGER], username="mia"),
                  "admin": UserFactory(roles=[Role.ADMIN], username="ada"),
                  "requester": UserFactory(roles=[Role.REQUESTER], username="rita")}
        team.members.add(people["agent"])
        yield {**people, "team": team, "service": ServiceFactory(name="Mail", owner_team=team)}
        transaction.set_rollback(True)


@pytest.fixture
def desk(_desk, db):
    """Each test gets the rows read afresh (what a test does to the objects stays in its test)."""
    return {key: type(value).objects.get(pk=value.pk) for key, value in _desk.items()}


# --- incidents ----------------------------------------------------------------------------------
def incident_in(desk, state: str) -> Incident:
    """An incident the requester reported, taken by the agent as far as ``state``."""
    agent = desk["agent"]
    incident = services.incident_create(title="Cannot send mail", actor=desk["requester"], service=desk["service"])
    if state == "new":
        return incident
    services.incident_assign(incident=incident, actor=agent, assignee=agent)
    if state != "assigned":
        services.incident_start(incident=incident, actor=agent)
    if state == "on_hold":
        services.incident_hold(incident=incident, actor=agent, reason="Waiting for the customer")
    if state in ("resolved", "resolved_long_ago", "closed"):
        services.incident_resolve(incident=incident, actor=agent, resolution_code="fixed", resolution="Restarted")
    if state == "resolved_long_ago":  # past the reopen window: reopen's condition fails
        Incident.objects.filter(pk=incident.pk).update(resolved_at=timezone.now() - timedelta(days=30))
    if state == "closed":
        services.incident_close(incident=incident, actor=agent)
    return Incident.objects.get(pk=incident.pk)


def incident_calls(incident: Incident, desk) -> dict:
    base = f"/api/v1/incidents/{incident.pk}"
    master = IncidentFactory(title="The master", service=desk["service"])
    bodies = {"assign": {"assignee": desk["agent"].pk}, "hold": {"reason": "Waiting"},
              "resolve": {"resolution_code": "fixed", "resolution": "Restarted"}, "reopen": {"reason": "Back"},
              "link": {"parent": master.pk}}
    return {verb: ("post", f"{base}/{verb}/", bodies.get(verb, {})) for verb in INCIDENT_ACTIONS}


@pytest.mark.parametrize("state", ["new", "assigned", "in_progress", "on_hold", "resolved", "resolved_long_ago",
                                   "closed"])
@pytest.mark.parametrize("role", ["agent", "manager", "requester"])
def test_incident_page_and_api_follow_the_selector(client, api, desk, role, state):
    incident = incident_in(desk, state)
    user = desk[role]
    allowed = set(incident_available_actions(user, incident))
    client.force_login(user)
    page = client.get(reverse("incidents:detail", args=[incident.pk]), follow=True)  # a requester: the portal
    assert page.status_code == 200
    assert offered(page.content, INCIDENT_ACTIONS) == allowed
    answers = api_accepts(api.as_user(user), incident_calls(incident, desk))
    assert accepted(answers) == allowed, answers
    if role == "requester":
        assert allowed == set() and set(answers.values()) == {403}


def test_the_lifecycle_offered_follows_the_state(desk):
    agent = desk["agent"]
    assert incident_available_actions(agent, incident_in(desk, "new")) == \
        ["assign", "start", "resolve", "link"]
    assert incident_available_actions(agent, incident_in(desk, "resolved")) == ["close", "reopen"]
    assert incident_available_actions(agent, incident_in(desk, "resolved_long_ago")) == ["close"]
    assert incident_available_actions(desk["requester"], incident_in(desk, "new")) == []


# --- major incidents ----------------------------------------------------------------------------
def major_in(desk, state: str):
    """A major incident run by the agent (its incident manager), as far as ``state``; with
    ``reviewable``, resolved with a complete postmortem."""
    major = MajorIncidentFactory(incident__service=desk["service"], manager=desk["agent"],
                                 status="resolved" if state == "reviewable" else state)
    major.services.add(desk["service"])
    if state == "reviewable":
        services.postmortem_save(major=major, actor=desk["agent"], summary="Disk full", root_cause="No alert",
                                 complete=True)
    return major


@pytest.mark.parametrize("state", ["declared", "mobilised", "contained", "resolved", "reviewable", "reviewed",
                                   "closed"])
@pytest.mark.parametrize("role", ["agent", "manager", "bystander"])
def test_war_room_and_api_follow_the_selector(client, api, desk, make_user, role, state):
    major = major_in(desk, state)
    user = make_user(Role.AGENT, username="bo") if role == "bystander" else desk[role]  # staff who do not run it
    allowed = set(major_incident_available_actions(user, major))
    shown = set(major_incident_available_actions(user, major, waiting=True))
    client.force_login(user)
    page = client.get(reverse("major:detail", args=[major.pk]))
    assert offered(page.content, MAJOR_INCIDENT_ACTIONS) == shown
    base = f"/api/v1/major-incidents/{major.pk}"
    calls = {verb: ("post", f"{base}/{verb}/", {"resolution": "Failed over"} if verb == "resolve" else {})
             for verb in MAJOR_INCIDENT_ACTIONS}
    answers = api_accepts(api.as_user(user), calls)
    assert accepted(answers) == allowed, answers
    # Offered while it waits for the postmortem: pressing it says what is missing (409).
    assert {answers[verb] for verb in shown - allowed} <= {409}
    if role == "bystander":
        assert shown == set()


def test_review_waits_for_the_postmortem(desk):
    major = major_in(desk, "resolved")
    assert major_incident_available_actions(desk["agent"], major) == []
    assert major_incident_available_actions(desk["agent"], major, waiting=True) == ["review"]
    assert major_incident_available_actions(desk["agent"], major_in(desk, "reviewable")) == ["review"]
