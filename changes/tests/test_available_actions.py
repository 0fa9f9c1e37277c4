"""One rule for what a person may do to a change: for several roles and states (each approval
route, the schedule, the review), the change page offers exactly what
``change_available_actions`` says and the API carries out exactly those verbs; the others
answer 403 or 409, as they did. The API once recorded a review the page did not offer (a
change that needs none, or a second one): it is refused now, like on the page."""

import copy
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from catalog.tests.factories import ConfigurationItemFactory, ServiceFactory, UserFactory
from changes import services
from changes.models import Change
from changes.selectors import CHANGE_TRANSITIONS, change_available_actions
from changes.tests.factories import CABBoardFactory
from core.roles import Role
from core.tests.actions import accepted, api_accepts, offered
from incidents.tests.factories import IncidentFactory
from tests.module_data import built_once

pytestmark = pytest.mark.django_db

SOON = timezone.now() + timedelta(days=3)
VERBS = (*CHANGE_TRANSITIONS, "vote", "edit", "link", "cmdb", "evaluate")


@pytest.fixture(scope="module")
def _org(django_db_setup, django_db_blocker):
    """:func:`_build_org` once for the module (:func:`tests.module_data.built_once`)."""
    yield from built_once(django_db_blocker, _build_org)


@pytest.fixture
def org(_org, db):
    """Each test its own copies of the people and the service (logging in changes a user)."""
    return {name: copy.copy(record) for name, record in _org.items()}


def _build_org():
    def make_user(role, username):
        return UserFactory(roles=[role], username=username)

    people = {"dev": make_user(Role.AGENT, username="dev"), "cm": make_user(Role.CHANGE_MANAGER, username="cm"),
              "boss": make_user(Role.MANAGER, username="boss"), "cab": make_user(Role.CAB_MEMBER, username="cab"),
              "cab2": make_user(Role.CAB_MEMBER, username="cab2")}
    CABBoardFactory(kind="cab", quorum=2).members.set([people["cab"], people["cab2"]])
    CABBoardFactory(kind="ecab", quorum=1, implement_before_ratification=True).members.set([people["cab"]])
    return {**people, "service": ServiceFactory(name="Core banking")}


def change_in(org, state: str) -> Change:
    """A change the agent asked for, taken as far as ``state`` through the services."""
    dev, cm = org["dev"], org["cm"]
    risk = {"assessed_significant": 3, "cab_review": 3, "reviewing_significant": 3, "management": 5}.get(state, 1)
    change = services.change_create(
        actor=dev, title="Upgrade the database", description="Minor version upgrade", services=[org["service"]],
        implementation_plan="Drain, upgrade", backout_plan="Restore", test_plan="Smoke tests", planned_start=SOON,
        planned_end=SOON + timedelta(hours=2), risk=risk, impact=2 if risk > 1 else 3,
        type="emergency" if state == "emergency" else "normal")
    if state == "draft":
        return change
    services.change_submit(change=change, actor=dev)
    if state in ("submitted", "emergency"):
        return Change.objects.get(pk=change.pk)
    services.change_assess(change=change, actor=cm)
    if state == "assessed_significant":
        return Change.objects.get(pk=change.pk)
    if state in ("cab_review", "management", "reviewing_significant"):
        services.change_send_to_cab(change=change, actor=cm)
        if state == "cab_review":
            return Change.objects.get(pk=change.pk)
        for member in (org["cab"], org["cab2"]):
            services.change_vote(change=change, actor=member, decision="approve")
        if state == "management":
            return Change.objects.get(pk=change.pk)
    elif state != "assessed":
        services.change_authorize(change=change, actor=cm)
    if state in ("assessed", "authorized", "cancelled"):
        if state == "cancelled":
            services.change_cancel(change=change, actor=dev)
        return Change.objects.get(pk=change.pk)
    services.change_schedule(change=change, actor=dev)
    if state == "scheduled_early":  # implementation waits for the planned start
        return Change.objects.get(pk=change.pk)
    Change.objects.filter(pk=change.pk).update(planned_start=timezone.now() - timedelta(minutes=5))
    if state == "scheduled":
        return Change.objects.get(pk=change.pk)
    services.change_implement(change=change, actor=dev)
    if state != "implementing":
        services.change_complete(change=change, actor=dev, outcome="failed" if state == "failed" else "successful")
    if state == "closed":
        services.change_close(change=change, actor=dev)
    return Change.objects.get(pk=change.pk)


def calls(change: Change) -> dict:
    base = f"/api/v1/changes/{change.pk}"
    bodies = {"complete": {"outcome": "successful"}, "review": {"notes": "Went well"}, "reject": {"reason": "No"},
              "cancel": {"reason": "Not needed"}}
    made = {verb: ("post", f"{base}/{verb}/", bodies.get(verb, {})) for verb in CHANGE_TRANSITIONS}
    return {**made, "vote": ("post", f"{base}/votes/", {"decision": "abstain"}),
            "edit": ("patch", f"{base}/", {"description": "Clearer"}),
            "link": ("post", f"{base}/link/", {"incidents": [IncidentFactory().pk]}),
            "cmdb": ("post", f"{base}/cmdb/", {"ci": ConfigurationItemFactory().pk, "attributes": {"location": "B"}}),
            "evaluate": ("put", f"{base}/evaluation/", {"risk": "r", "cost": "c", "capacity": "c", "security": "s",
                                                        "recommendation": "go"})}


STATES = ["draft", "submitted", "assessed", "assessed_significant", "cab_review", "management", "emergency",
          "authorized", "scheduled_early", "scheduled", "implementing", "reviewing_significant", "failed",
          "closed", "cancelled"]


@pytest.mark.parametrize("state", STATES)
def test_change_page_and_api_follow_the_selector(client, api, org, state):
    """Every role on one change in ``state`` (the change, and the incident and CI the calls
    name, are built once per state; each API call is rolled back, so every role sees the same
    change)."""
    change = change_in(org, state)
    made = calls(change)  # the same calls (the same incident to link, the same CI) for every role
    wrong = {}
    for role in ("dev", "cm", "boss", "cab"):
        user = org[role]
        allowed = set(change_available_actions(user, Change.objects.get(pk=change.pk)))
        client.force_login(user)
        page = client.get(reverse("changes:detail", args=[change.pk]))
        shown = offered(page.content, VERBS, markers={"vote": "vote-form", "link": "link-form", "cmdb": "cmdb-form"})
        answers = api_accepts(api.as_user(user), made)
        if shown != allowed or accepted(answers) != allowed:
            wrong[role] = {"selector": sorted(allowed), "page": sorted(shown), "api": answers}
    assert not wrong, wrong


def test_the_approval_route_decides_who_is_offered_what(org):
    assert "send-to-cab" in change_available_actions(org["cm"], change_in(org, "assessed_significant"))
    assert "send-to-cab" not in change_available_actions(org["cm"], change_in(org, "assessed"))
    assert "authorize" in change_available_actions(org["cm"], change_in(org, "assessed"))
    assert "authorize" not in change_available_actions(org["cm"], change_in(org, "submitted"))  # assess first
    management = change_in(org, "management")
    assert "authorize" in change_available_actions(org["boss"], management)
    assert "authorize" not in change_available_actions(org["cm"], management)
    emergency = change_in(org, "emergency")
    assert {"vote", "implement"} <= set(change_available_actions(org["cab"], emergency))
    assert "vote" not in change_available_actions(org["cab2"], emergency)  # not on the ECAB
    assert "implement" not in change_available_actions(org["dev"], change_in(org, "scheduled_early"))


def test_a_review_is_recorded_once_and_only_where_one_is_needed(api, org):
    minor = change_in(org, "reviewing_significant")
    client = api.as_user(org["cm"])
    assert client.post(f"/api/v1/changes/{minor.pk}/review/", {"notes": "Fine"}, format="json").status_code == 200
    again = client.post(f"/api/v1/changes/{minor.pk}/review/", {"notes": "Again"}, format="json")
    assert again.status_code == 409 and "recorded already" in again.json()["detail"]
    assert "review" not in change_available_actions(org["cm"], Change.objects.get(pk=minor.pk))
    done = change_in(org, "implementing")
    services.change_complete(change=done, actor=org["dev"], outcome="successful")
    refused = client.post(f"/api/v1/changes/{done.pk}/review/", {"notes": "Fine"}, format="json")
    assert refused.status_code == 409 and "needs no post-implementation review" in refused.json()["detail"]
