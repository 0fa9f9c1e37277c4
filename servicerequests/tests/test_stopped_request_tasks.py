"""A rejected or cancelled request leaves nothing to fulfil: every task not done is
cancelled by the service, each with a line in its history saying who and why; none is left
in a team's queue. The same through the services and the API."""

import pytest

from catalog.services import profile_for
from catalog.tests.factories import TeamFactory
from core.roles import Role
from servicerequests import services
from servicerequests.models import CatalogItem, FulfilmentTask, ServiceRequest

pytestmark = pytest.mark.django_db


@pytest.fixture
def org(make_user):
    rita, mona = make_user(Role.REQUESTER, username="rita"), make_user(Role.REQUESTER, username="mona")
    tech = make_user(Role.AGENT, username="tech")
    profile = profile_for(rita)
    profile.manager = mona
    profile.save()
    team = TeamFactory(name="IT purchasing")
    team.members.set([tech])
    laptop = CatalogItem.objects.create(
        name="Laptop", category="Hardware", form=[], approvals=[{"level": 1, "approver": "manager"}],
        tasks=[{"title": "Order the laptop", "team": team.pk, "order": 1},
               {"title": "Image and deliver", "team": team.pk, "order": 2}])
    request = services.request_submit(item=laptop, actor=rita, answers={})
    assert request.status == "awaiting_approval"
    assert set(request.tasks.values_list("status", flat=True)) == {"pending"}
    return {"rita": rita, "mona": mona, "tech": tech, "team": team, "request": request}


def assert_nothing_left(request: ServiceRequest, actor, reason: str) -> None:
    tasks = list(FulfilmentTask.objects.filter(request=request))
    assert len(tasks) == 2 and {t.status for t in tasks} == {"cancelled"}
    for task in tasks:
        last = task.history.order_by("-history_date", "-history_id").first()
        assert last is not None, f"no history for {task}"
        assert (last.status, last.history_user, last.history_change_reason) == ("cancelled", actor, reason)
    assert not FulfilmentTask.objects.filter(request=request, status__in=["pending", "open"]).exists()


def test_a_rejection_cancels_the_tasks_with_history(org):
    request = services.request_decide(request=org["request"], actor=org["mona"], approve=False,
                                      comment="We have spare laptops")
    assert request.status == "rejected"
    assert_nothing_left(request, org["mona"], "request rejected")


def test_a_cancellation_cancels_the_tasks_with_history(org):
    request = services.request_cancel(request=org["request"], actor=org["rita"], reason="Not needed")
    assert request.status == "cancelled"
    assert_nothing_left(request, org["rita"], "request cancelled")


@pytest.mark.parametrize("action, who, reason", [("reject", "mona", "request rejected"),
                                                  ("cancel", "rita", "request cancelled")])
def test_through_the_api_no_task_is_left_in_the_queue(api, org, action, who, reason):
    request = org["request"]
    response = api.as_user(org[who]).post(f"/api/v1/requests/{request.pk}/{action}/", {"comment": "No"},
                                          format="json")
    assert response.status_code == 200, response.content
    assert_nothing_left(request, org[who], reason)
    queue = api.as_user(org["tech"]).get(f"/api/v1/request-tasks/?team={org['team'].pk}&status=open").json()
    rows = queue["results"] if isinstance(queue, dict) else queue
    assert [row for row in rows if row.get("request") == request.pk] == []
