"""Service requests through the services and the API: form validation from definitions,
each approval route (manager, any-of-group, all-of-group, two levels), rejection, parallel
and sequential tasks, close and cancel, the SLA clocks, and who sees what."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from catalog.services import profile_for
from catalog.tests.factories import TeamFactory
from core.errors import InvalidTransitionError
from core.roles import Role
from notifications.models import Delivery
from servicerequests import services
from servicerequests.models import CatalogItem, ServiceRequest
from sla.models import SLATimer
from sla.tests.factories import PolicyFactory

pytestmark = pytest.mark.django_db

LAPTOP_FORM = [
    {"name": "model", "label": "Model", "type": "choice", "required": True, "choices": ["13-inch", "15-inch"]},
    {"name": "quantity", "type": "number", "required": True, "min": 1, "max": 3},
    {"name": "needed_by", "type": "date"},
    {"name": "reason", "type": "textarea", "max_length": 500},
]


@pytest.fixture
def org(make_user):
    people = {
        "rita": make_user(Role.REQUESTER, username="rita", email="rita@example.test"),
        "mona": make_user(Role.REQUESTER, username="mona", email="mona@example.test"),
        "max": make_user(Role.REQUESTER, username="max"),
        "tech": make_user(Role.AGENT, username="tech"),
        "ops": make_user(Role.AGENT, username="ops"),
    }
    profile = profile_for(people["rita"])
    profile.manager = people["mona"]
    profile.save()
    people["it"] = TeamFactory(name="IT purchasing")
    people["it"].members.set([people["tech"]])
    people["deploy"] = TeamFactory(name="Deployment")
    people["deploy"].members.set([people["ops"]])
    people["finance"] = TeamFactory(name="Finance")
    people["finance"].members.set([people["max"], people["mona"]])
    return people


def item(org, approvals=(), tasks=None, **extra):
    return CatalogItem.objects.create(
        name=extra.pop("name", "Laptop"), category="Hardware", form=LAPTOP_FORM, approvals=list(approvals),
        tasks=tasks if tasks is not None else [{"title": "Order the laptop", "team": org["it"].pk, "order": 1},
                                               {"title": "Image and deliver", "team": org["deploy"].pk, "order": 2}],
        **extra)


def order(org, catalog_item, who="rita", **answers):
    answers = answers or {"model": "13-inch", "quantity": 1}
    return services.request_submit(item=catalog_item, actor=org[who], answers=answers)


class TestForm:
    def test_bad_answers_get_field_errors_and_nothing_is_saved(self, org):
        laptop = item(org)
        with pytest.raises(ValidationError) as exc:
            services.request_submit(item=laptop, actor=org["rita"],
                                    answers={"model": "17-inch", "quantity": 9, "needed_by": "soon", "colour": "red"})
        assert set(exc.value.message_dict) == {"model", "quantity", "needed_by", "colour"}
        with pytest.raises(ValidationError) as exc:
            services.request_submit(item=laptop, actor=org["rita"], answers={})
        assert set(exc.value.message_dict) == {"model", "quantity"}
        assert not ServiceRequest.objects.exists()

    def test_answers_are_normalised(self, org):
        request = order(org, item(org), model="15-inch", quantity="2", needed_by="2026-12-01")
        assert request.answers == {"model": "15-inch", "quantity": 2, "needed_by": "2026-12-01"}
        assert request.number == f"REQ{request.pk:06d}"

    def test_who_may_order(self, org):
        restricted = item(org, name="Server", roles=["agent"])
        with pytest.raises(PermissionDenied):
            order(org, restricted)
        assert order(org, restricted, who="tech").status == "fulfilling"

    def test_only_staff_order_for_someone_else(self, org):
        with pytest.raises(PermissionDenied):
            services.request_submit(item=item(org), actor=org["rita"], requested_for=org["max"],
                                    answers={"model": "13-inch", "quantity": 1})


class TestApprovals:
    def test_manager_approves_then_fulfilment_starts(self, org):
        request = order(org, item(org, approvals=[{"level": 1, "approver": "manager"}]))
        assert request.status == "awaiting_approval"
        assert Delivery.objects.filter(user=org["mona"], subject__contains="Please approve").exists()
        with pytest.raises(PermissionDenied):
            services.request_decide(request=request, actor=org["max"], approve=True)
        request = services.request_decide(request=request, actor=org["mona"], approve=True)
        assert request.status == "fulfilling"
        assert list(request.tasks.values_list("status", flat=True)) == ["open", "pending"]

    def test_any_of_group(self, org):
        request = order(org, item(org, approvals=[{"level": 1, "approver": "group", "group": org["finance"].pk,
                                                   "rule": "any"}]))
        assert request.approvals.count() == 2
        request = services.request_decide(request=request, actor=org["max"], approve=True)
        assert request.status == "fulfilling"
        assert sorted(request.approvals.values_list("decision", flat=True)) == ["approved", "skipped"]

    def test_all_of_group(self, org):
        request = order(org, item(org, approvals=[{"level": 1, "approver": "group", "group": org["finance"].pk,
                                                   "rule": "all"}]))
        request = services.request_decide(request=request, actor=org["max"], approve=True)
        assert request.status == "awaiting_approval"
        request = services.request_decide(request=request, actor=org["mona"], approve=True)
        assert request.status == "fulfilling"

    def test_two_levels(self, org):
        request = order(org, item(org, approvals=[
            {"level": 1, "approver": "manager"},
            {"level": 2, "approver": "group", "group": org["finance"].pk, "rule": "any"}]))
        assert list(request.approvals.values_list("approver__username", flat=True)) == ["mona"]
        request = services.request_decide(request=request, actor=org["mona"], approve=True)
        assert (request.status, request.current_level) == ("awaiting_approval", 2)
        with pytest.raises(InvalidTransitionError):
            services.request_close(request=request, actor=org["rita"])
        request = services.request_decide(request=request, actor=org["max"], approve=True)
        assert request.status == "fulfilling"

    def test_rejection_stops_everything_and_tells_the_requester(self, org):
        request = order(org, item(org, approvals=[{"level": 1, "approver": "manager"},
                                                  {"level": 2, "approver": "group", "group": org["finance"].pk}]))
        with pytest.raises(ValidationError):
            services.request_decide(request=request, actor=org["mona"], approve=False)  # needs a reason
        request = services.request_decide(request=request, actor=org["mona"], approve=False,
                                          comment="We have spare laptops in the store room")
        assert request.status == "rejected"
        assert set(request.tasks.values_list("status", flat=True)) == {"cancelled"}
        assert request.approvals.filter(level=2).count() == 0
        told = Delivery.objects.get(user=org["rita"], channel="email", subject__contains="not approved")
        assert "spare laptops" in told.body

    def test_no_manager_on_record_skips_the_level(self, org):
        request = order(org, item(org, approvals=[{"level": 1, "approver": "manager"}]), who="max")
        assert request.status == "fulfilling"


class TestFulfilment:
    def test_sequential_tasks_then_fulfilled_then_closed(self, org):
        request = order(org, item(org))
        first, second = request.tasks.order_by("order")
        with pytest.raises(InvalidTransitionError):
            services.task_complete(task=second, actor=org["ops"])  # not open yet
        services.task_complete(task=first, actor=org["tech"])
        assert ServiceRequest.objects.get(pk=request.pk).status == "fulfilling"
        services.task_complete(task=second, actor=org["ops"])
        request = ServiceRequest.objects.get(pk=request.pk)
        assert request.status == "fulfilled" and request.fulfilled_at is not None
        assert Delivery.objects.filter(user=org["rita"], channel="email", subject__contains="is done").exists()
        assert services.request_close(request=request, actor=org["rita"]).status == "closed"

    def test_parallel_tasks(self, org):
        request = order(org, item(org, tasks=[{"title": "Account", "team": org["it"].pk, "order": 1},
                                              {"title": "Badge", "team": org["deploy"].pk, "order": 1}]))
        assert set(request.tasks.values_list("status", flat=True)) == {"open"}
        first, second = request.tasks.all()
        services.task_complete(task=first, actor=org["tech"])
        assert ServiceRequest.objects.get(pk=request.pk).status == "fulfilling"
        services.task_complete(task=second, actor=org["ops"])
        assert ServiceRequest.objects.get(pk=request.pk).status == "fulfilled"

    def test_no_tasks_is_fulfilled_on_approval(self, org):
        assert order(org, item(org, tasks=[])).status == "fulfilled"

    def test_cancel_only_before_fulfilment(self, org):
        waiting = order(org, item(org, approvals=[{"level": 1, "approver": "manager"}]))
        assert services.request_cancel(request=waiting, actor=org["rita"]).status == "cancelled"
        busy = order(org, item(org, name="Phone"))
        with pytest.raises(InvalidTransitionError):
            services.request_cancel(request=busy, actor=org["rita"])
        with pytest.raises(PermissionDenied):
            services.request_cancel(request=waiting, actor=org["max"])

    def test_sla_clock_pauses_while_awaiting_approval(self, org):
        policy = PolicyFactory(applies_to="request", response_minutes=480, resolution_minutes=2400,
                               pause_on=["awaiting_approval"])
        request = order(org, item(org, approvals=[{"level": 1, "approver": "manager"}], sla_policy=policy))
        timers = SLATimer.objects.filter(object_id=request.pk, policy=policy)
        assert {t.status for t in timers} == {"paused"}
        services.request_decide(request=request, actor=org["mona"], approve=True)
        assert dict(timers.values_list("metric", "status")) == {"response": "met", "resolution": "running"}


class TestApi:
    def test_order_validate_approve_and_privacy(self, api, org):
        laptop = item(org, approvals=[{"level": 1, "approver": "manager"}])
        client = api.as_user(org["rita"])
        bad = client.post("/api/v1/requests/", {"catalog_item": laptop.pk, "answers": {"model": "x"}}, format="json")
        assert bad.status_code == 400 and set(bad.json()["answers"]) == {"model", "quantity"}
        made = client.post("/api/v1/requests/", {"catalog_item": laptop.pk,
                                                 "answers": {"model": "13-inch", "quantity": 1}}, format="json")
        assert made.status_code == 201, made.content
        body = made.json()
        assert body["requested_for"] == org["rita"].pk and body["status"] == "awaiting_approval"
        assert {"number", "catalog_item", "requested_by", "answers", "approvals", "tasks"} <= set(body)
        # Another requester neither sees nor touches it; the approver sees and approves it.
        other = api.as_user(org["max"])
        assert other.get(f"/api/v1/requests/{body['id']}/").status_code == 404
        assert other.get("/api/v1/requests/").json()["count"] == 0
        manager = api.as_user(org["mona"])
        approved = manager.post(f"/api/v1/requests/{body['id']}/approve/", {"comment": "ok"}, format="json")
        assert approved.status_code == 200 and approved.json()["status"] == "fulfilling"
        again = manager.post(f"/api/v1/requests/{body['id']}/approve/", {}, format="json")
        assert again.status_code == 409
        tasks = api.as_user(org["tech"]).get(f"/api/v1/request-tasks/?team={org['it'].pk}&status=open").json()
        assert [t["title"] for t in tasks["results"]] == ["Order the laptop"]

    def test_catalog_item_definition_is_checked(self, api, make_user, org):
        client = api.as_user(make_user(Role.MANAGER))
        bad = client.post("/api/v1/catalog-items/", {"name": "Access", "form": [{"name": "Bad Name", "type": "x"}]},
                          format="json")
        assert bad.status_code == 400 and "form" in bad.json()
        good = client.post("/api/v1/catalog-items/", {"name": "Access", "form": [{"name": "system", "type": "text"}],
                                                      "approvals": [{"level": 1, "approver": "manager"}]},
                           format="json")
        assert good.status_code == 201
        assert api.as_user(org["rita"]).post("/api/v1/catalog-items/", {"name": "x"},
                                             format="json").status_code == 403
