"""One rule for what a person may do to a service request: for the requester, the approver
and an agent in each state, the portal's tracker (the agent's request page for staff) offers
exactly what ``request_available_actions`` says and the API carries out exactly those verbs
(the others answer 403 or 409, as they did); portal and API see the same requests."""

import pytest
from django.urls import reverse

from catalog.services import profile_for
from catalog.tests.factories import TeamFactory
from core.roles import Role
from core.tests.actions import accepted, api_accepts, offered
from servicerequests import services
from servicerequests.models import ServiceRequest
from servicerequests.selectors import REQUEST_TRANSITIONS, request_available_actions, requests_visible_to
from servicerequests.tests.factories import CatalogItemFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("celery_eager")]

VERBS = (*REQUEST_TRANSITIONS, "comment")
#: What the tracker shows for them: the approver's banner and the comment box.
MARKERS = {"approve": "asks-me", "reject": "asks-me", "comment": "comment-form"}


@pytest.fixture
def org(make_user):
    people = {"requester": make_user(Role.REQUESTER, username="rita"),
              "approver": make_user(Role.REQUESTER, username="mona"), "agent": make_user(Role.AGENT, username="tess")}
    profile = profile_for(people["requester"])
    profile.manager = people["approver"]
    profile.save()
    team = TeamFactory(name="IT")
    team.members.add(people["agent"])
    item = CatalogItemFactory(name="Laptop", approvals=[{"level": 1, "approver": "manager"}],
                              tasks=[{"title": "Deliver it", "team": team.pk, "order": 1}])
    return {**people, "item": item}


def request_in(org, state: str) -> ServiceRequest:
    req = services.request_submit(item=org["item"], actor=org["requester"], answers={})
    if state == "rejected":
        services.request_decide(request=req, actor=org["approver"], approve=False, comment="Not this year")
    elif state == "cancelled":
        services.request_cancel(request=req, actor=org["requester"], reason="Found one")
    elif state != "awaiting_approval":
        services.request_decide(request=req, actor=org["approver"], approve=True)
        if state in ("fulfilled", "closed"):
            services.task_complete(task=req.tasks.get(), actor=org["agent"])
        if state == "closed":
            services.request_close(request=req, actor=org["requester"])
    return ServiceRequest.objects.get(pk=req.pk)


def calls(req: ServiceRequest) -> dict:
    base = f"/api/v1/requests/{req.pk}"
    made = {verb: ("post", f"{base}/{verb}/", {"comment": "Because"}) for verb in REQUEST_TRANSITIONS}
    return {**made, "comment": ("post", f"{base}/comments/", {"body": "Any news?"})}


@pytest.mark.parametrize("state", ["awaiting_approval", "fulfilling", "fulfilled", "closed", "rejected", "cancelled"])
@pytest.mark.parametrize("role", ["requester", "approver", "agent"])
def test_tracker_and_api_follow_the_selector(client, api, org, role, state):
    req = request_in(org, state)
    user = org[role]
    allowed = set(request_available_actions(user, req))
    client.force_login(user)
    page = client.get(reverse("requests:detail" if role == "agent" else "portal:request", args=[req.pk]))
    assert offered(page.content, VERBS, MARKERS) == allowed
    answers = api_accepts(api.as_user(user), calls(req))
    assert accepted(answers) == allowed, answers


def test_the_decision_is_the_current_approvers(org):
    req = request_in(org, "awaiting_approval")
    assert request_available_actions(org["approver"], req) == ["approve", "reject", "comment"]
    assert request_available_actions(org["requester"], req) == ["cancel", "comment"]
    assert request_available_actions(org["agent"], req) == ["cancel", "comment"]
    assert request_available_actions(org["approver"], request_in(org, "fulfilling")) == ["comment"]


def test_portal_and_api_see_the_same_requests(api, org, make_user):
    mine, theirs = request_in(org, "awaiting_approval"), request_in(org, "fulfilled")
    other = services.request_submit(item=CatalogItemFactory(name="Mouse"), actor=make_user(Role.REQUESTER),
                                    answers={})
    for who in ("requester", "approver", "agent"):
        visible = set(requests_visible_to(org[who]).values_list("pk", flat=True))
        listed = {row["id"] for row in api.as_user(org[who]).get("/api/v1/requests/").json()["results"]}
        assert listed == visible, who
    assert set(requests_visible_to(org["approver"]).values_list("pk", flat=True)) == {mine.pk, theirs.pk}
    assert other.pk in set(requests_visible_to(org["agent"]).values_list("pk", flat=True))
