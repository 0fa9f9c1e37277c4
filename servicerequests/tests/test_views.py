"""The service-request pages through Django's test client: the portal (catalogue, ordering,
the tracker, cancel, close, comments), the approvals inbox (approve, reject with a reason),
the agent side (queues, take and complete tasks, permissions) and the query budgets of the
lists."""

import copy

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from catalog.services import profile_for
from catalog.tests.factories import TeamFactory, UserFactory
from core.roles import Role
from incidents.services.suspected import red_alert_cache_clear
from notifications.models import Delivery
from servicerequests import services
from servicerequests.models import CatalogItem, RequestComment, ServiceRequest
from servicerequests.selectors import orderable_items
from tests.module_data import built_once

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("celery_eager")]

LAPTOP_FORM = [
    {"name": "model", "label": "Model", "type": "choice", "required": True, "choices": ["13-inch", "15-inch"]},
    {"name": "quantity", "label": "How many", "type": "number", "required": True, "min": 1, "max": 3},
    {"name": "needed_by", "label": "Needed by", "type": "date"},
    {"name": "reason", "label": "Why", "type": "textarea", "max_length": 500},
]
GOOD = {"answers-model": "15-inch", "answers-quantity": "2", "answers-needed_by": "2030-01-15",
        "answers-reason": "The old one broke"}


@pytest.fixture(scope="module")
def _org(django_db_setup, django_db_blocker):
    """:func:`_build_org` once for the module (:func:`tests.module_data.built_once`)."""
    yield from built_once(django_db_blocker, _build_org, eager_tasks=True)


@pytest.fixture
def org(_org, db):
    """Each test its own copies of the people and teams (a test may change one in memory)."""
    return {name: copy.copy(record) for name, record in _org.items()}


def _build_org():
    people = {
        "rita": UserFactory(roles=[Role.REQUESTER], username="rita", first_name="Rita", last_name="Requester"),
        "mona": UserFactory(roles=[Role.REQUESTER], username="mona", first_name="Mona", last_name="Manager"),
        "max": UserFactory(roles=[Role.REQUESTER], username="max"),
        "tech": UserFactory(roles=[Role.AGENT], username="tech", first_name="Tess", last_name="Tech"),
        "ops": UserFactory(roles=[Role.AGENT], username="ops"),
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


def make_item(org, approvals=(), tasks=None, **extra):
    return CatalogItem.objects.create(
        name=extra.pop("name", "Laptop"), category=extra.pop("category", "Hardware"), form=LAPTOP_FORM,
        approvals=list(approvals),
        tasks=tasks if tasks is not None else [{"title": "Order the laptop", "team": org["it"].pk, "order": 1},
                                               {"title": "Image and deliver", "team": org["deploy"].pk, "order": 2}],
        **extra)


def managed(org, **extra):
    return make_item(org, approvals=[{"level": 1, "approver": "manager"}], **extra)


def order(org, item, who="rita"):
    return services.request_submit(item=item, actor=org[who], answers={"model": "13-inch", "quantity": 1})


def steps(response) -> list[tuple[str, str]]:
    return [(s.kind, s.state) for s in response.context["steps"]]


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]] if response.context else []


def login(client, user):
    client.force_login(user)
    return client


# --- the portal ----------------------------------------------------------------------------------
class TestPortal:
    def test_the_catalogue_shows_what_i_may_order_by_category(self, client, org):
        laptop = make_item(org)
        make_item(org, name="Server", category="Hosting", roles=["agent"])
        finance_only = make_item(org, name="Budget report", category="Reports")
        finance_only.teams.set([org["finance"]])
        make_item(org, name="Retired phone", is_active=False)
        login(client, org["rita"])
        response = client.get(reverse("portal:home"))
        assert response.status_code == 200
        assert [(c, [i.name for i in items]) for c, items in response.context["catalogue"]] == [
            ("Hardware", ["Laptop"])]
        assert reverse("portal:order", args=[laptop.pk]) in response.content.decode()
        login(client, org["max"])
        names = [i.name for _c, items in client.get(reverse("portal:home")).context["catalogue"] for i in items]
        assert names == ["Laptop", "Budget report"]
        login(client, org["tech"])
        names = [i.name for _c, items in client.get(reverse("portal:home")).context["catalogue"] for i in items]
        assert names == ["Laptop", "Server"]  # Hardware, then Hosting

    def test_search(self, client, org):
        make_item(org)
        make_item(org, name="Password reset", category="Access")
        login(client, org["rita"])
        response = client.get(reverse("portal:home"), {"q": "pass"})
        assert [i.name for _c, items in response.context["catalogue"] for i in items] == ["Password reset"]
        response = client.get(reverse("portal:home"), {"q": "nothing like it"})
        assert response.context["catalogue"] == [] and 'data-testid="catalog-empty"' in response.content.decode()

    def test_the_list_agrees_with_may_order(self, org):
        items = [make_item(org, name="Open"), make_item(org, name="Agents", roles=["agent"]),
                 make_item(org, name="Finance", roles=[]), make_item(org, name="Agents or finance", roles=["agent"]),
                 make_item(org, name="Off", is_active=False)]
        items[2].teams.set([org["finance"]])
        items[3].teams.set([org["finance"]])
        for who in ("rita", "max", "tech", "mona"):
            user = org[who]
            expected = sorted(i.name for i in items if services.may_order(i, user))
            assert sorted(i.name for i in orderable_items(user)) == expected, who

    def test_my_requests_with_a_tracker_and_my_approvals(self, client, org):
        mine = order(org, managed(org))
        theirs = order(org, make_item(org, name="Phone"), who="max")
        login(client, org["rita"])
        response = client.get(reverse("portal:home"))
        assert [r.number for r in response.context["my_requests"]] == [mine.number]
        html = response.content.decode()
        assert theirs.number not in html and 'data-testid="mini-progress"' in html
        progress = response.context["my_requests"][0].progress
        assert [(p["key"], p["done"], p["current"]) for p in progress] == [
            ("submitted", True, False), ("approval", False, True), ("fulfilment", False, False),
            ("fulfilled", False, False), ("closed", False, False)]
        assert 'data-testid="approvals-waiting"' not in html
        # Rita's manager is a requester too: the portal tells her what waits for her.
        login(client, org["mona"])
        response = client.get(reverse("portal:home"))
        assert response.context["waiting_count"] == 1
        html = response.content.decode()
        assert "Approvals waiting for you (1)" in html
        assert f'{reverse("requests:approvals")}#request-{mine.pk}' in html

    def test_the_portal_links_to_the_incident_report_page(self, client, org):
        login(client, org["rita"])
        html = client.get(reverse("portal:home")).content.decode()
        assert reverse("portal:report") in html and 'data-testid="portal-incidents"' in html


# --- ordering ------------------------------------------------------------------------------------
class TestOrder:
    def test_the_form_comes_from_the_items_definition(self, client, org):
        laptop = managed(org)
        login(client, org["rita"])
        response = client.get(reverse("portal:order", args=[laptop.pk]))
        html = response.content.decode()
        assert response.status_code == 200
        for label in ("Model", "How many", "Needed by", "Why"):
            assert f">{label}</label>" in html or f">{label}</legend>" in html
        assert 'name="answers-model"' in html and 'name="order-requested_for"' not in html
        assert "The requester&#x27;s manager" in html and "Order the laptop" in html

    def test_bad_answers_show_field_errors_and_save_nothing(self, client, org):
        laptop = managed(org)
        login(client, org["rita"])
        response = client.post(reverse("portal:order", args=[laptop.pk]),
                               {"answers-model": "17-inch", "answers-quantity": "9", "answers-needed_by": "soon"})
        assert response.status_code == 400
        assert set(response.context["form"].errors) == {"model", "quantity", "needed_by"}
        html = response.content.decode()
        assert 'data-testid="form-errors"' in html and "has-error" in html
        assert not ServiceRequest.objects.exists()

    def test_an_order_goes_to_its_tracker(self, client, org):
        laptop = managed(org)
        login(client, org["rita"])
        response = client.post(reverse("portal:order", args=[laptop.pk]), GOOD)
        req = ServiceRequest.objects.get()
        assert response.status_code == 302 and response["Location"] == reverse("portal:request", args=[req.pk])
        assert req.answers == {"model": "15-inch", "quantity": 2, "needed_by": "2030-01-15",
                               "reason": "The old one broke"}
        assert (req.requested_by, req.requested_for, req.status) == (org["rita"], org["rita"], "awaiting_approval")
        page = client.get(response["Location"])
        assert req.number in messages_of(page)[0]
        assert ("Model", "15-inch") in page.context["req"].answer_rows

    def test_only_staff_order_for_someone_else(self, client, org):
        laptop = make_item(org)
        login(client, org["rita"])  # a requester's "for" is ignored: the page does not offer it
        client.post(reverse("portal:order", args=[laptop.pk]), {**GOOD, "order-requested_for": "max"})
        assert ServiceRequest.objects.get().requested_for == org["rita"]
        login(client, org["tech"])
        response = client.get(reverse("portal:order", args=[laptop.pk]))
        assert 'name="order-requested_for"' in response.content.decode()
        response = client.post(reverse("portal:order", args=[laptop.pk]), {**GOOD, "order-requested_for": "nobody"})
        assert response.status_code == 400 and response.context["order_form"].errors["requested_for"]
        response = client.post(reverse("portal:order", args=[laptop.pk]), {**GOOD, "order-requested_for": "max"})
        assert response.status_code == 302
        made = ServiceRequest.objects.latest("id")
        assert (made.requested_by, made.requested_for) == (org["tech"], org["max"])

    def test_items_one_may_not_order(self, client, org):
        server = make_item(org, name="Server", roles=["agent"])
        retired = make_item(org, name="Old", is_active=False)
        login(client, org["rita"])
        assert client.get(reverse("portal:order", args=[server.pk])).status_code == 403
        assert client.post(reverse("portal:order", args=[server.pk]), GOOD).status_code == 403
        assert client.get(reverse("portal:order", args=[retired.pk])).status_code == 404
        assert not ServiceRequest.objects.exists()


# --- the tracker ---------------------------------------------------------------------------------
class TestTracker:
    def test_someone_elses_request_is_a_404_but_its_approver_may_read_it(self, client, org):
        req = order(org, managed(org))
        url = reverse("portal:request", args=[req.pk])
        assert login(client, org["max"]).get(url).status_code == 404
        assert client.post(url, {"action": "cancel"}).status_code == 404
        response = login(client, org["mona"]).get(url)
        assert response.status_code == 200 and 'data-testid="asks-me"' in response.content.decode()
        assert not response.context["can_cancel"]
        assert login(client, org["tech"]).get(url).status_code == 200
        assert ServiceRequest.objects.get().status == "awaiting_approval"

    def test_each_step_in_order(self, client, org):
        req = order(org, managed(org))
        login(client, org["rita"])
        url = reverse("portal:request", args=[req.pk])
        assert steps(client.get(url)) == [("submitted", "done"), ("approval", "current"), ("task", "pending"),
                                          ("task", "pending"), ("fulfilled", "pending"), ("closed", "pending")]
        services.request_decide(request=req, actor=org["mona"], approve=True, comment="Go ahead")
        response = client.get(url)
        assert steps(response) == [("submitted", "done"), ("approval", "done"), ("task", "current"),
                                   ("task", "pending"), ("fulfilled", "pending"), ("closed", "pending")]
        approval = response.context["steps"][1]
        assert approval.people[0]["name"] == "Mona Manager" and approval.people[0]["comment"] == "Go ahead"
        assert 'aria-current="step"' in response.content.decode()

    def test_two_levels_and_a_rejection_with_its_reason(self, client, org):
        req = order(org, make_item(org, approvals=[
            {"level": 1, "approver": "manager"},
            {"level": 2, "approver": "group", "group": org["finance"].pk, "rule": "any"}]))
        login(client, org["rita"])
        url = reverse("portal:request", args=[req.pk])
        response = client.get(url)
        assert steps(response)[:3] == [("submitted", "done"), ("approval", "current"), ("approval", "pending")]
        assert "Finance (any one of them)" in response.context["steps"][2].who
        services.request_decide(request=req, actor=org["mona"], approve=True)
        services.request_decide(request=req, actor=org["max"], approve=False, comment="No budget this quarter")
        response = client.get(url)
        assert steps(response) == [("submitted", "done"), ("approval", "done"), ("approval", "failed"),
                                   ("rejected", "failed")]
        assert response.context["steps"][-1].note == "No budget this quarter"
        assert "No budget this quarter" in response.content.decode()

    def test_cancel_while_waiting_with_a_reason(self, client, org):
        req = order(org, managed(org))
        login(client, org["rita"])
        url = reverse("portal:request", args=[req.pk])
        assert client.get(url).context["can_cancel"]
        response = client.post(url, {"action": "cancel", "cancel-reason": "Found one in the cupboard"})
        assert response.status_code == 302 and response["Location"] == url
        req.refresh_from_db()
        assert req.status == "cancelled"
        response = client.get(url)
        assert steps(response) == [("submitted", "done"), ("cancelled", "failed")]
        assert response.context["steps"][-1].note == "Found one in the cupboard"
        assert not response.context["can_cancel"] and not response.context["can_close"]

    def test_no_cancel_once_fulfilment_started(self, client, org):
        req = order(org, make_item(org))
        assert req.status == "fulfilling"
        login(client, org["rita"])
        url = reverse("portal:request", args=[req.pk])
        assert not client.get(url).context["can_cancel"]
        response = client.post(url, {"action": "cancel"})
        assert response.status_code == 409 and "can no longer be cancelled" in messages_of(response)[0]
        assert ServiceRequest.objects.get().status == "fulfilling"

    def test_close_once_fulfilled(self, client, org):
        req = order(org, make_item(org, tasks=[{"title": "Hand it over", "team": org["it"].pk, "order": 1}]))
        login(client, org["rita"])
        url = reverse("portal:request", args=[req.pk])
        assert client.post(url, {"action": "close"}).status_code == 409
        services.task_complete(task=req.tasks.get(), actor=org["tech"])
        response = client.get(url)
        assert response.context["can_close"]
        assert steps(response)[-2:] == [("fulfilled", "done"), ("closed", "pending")]
        response = client.post(url, {"action": "close"})
        assert response.status_code == 302
        response = client.get(url)
        assert ServiceRequest.objects.get().status == "closed"
        assert all(state == "done" for _kind, state in steps(response))

    def test_comments(self, client, org):
        req = order(org, make_item(org))
        login(client, org["rita"])
        url = reverse("portal:request", args=[req.pk])
        response = client.post(url, {"action": "comment", "comment-body": "   "})
        assert response.status_code == 400 and response.context["forms"]["comment"].errors["body"]
        response = client.post(url, {"action": "comment", "comment-body": "Blue one, please"})
        assert response.status_code == 302
        comment = RequestComment.objects.get()
        assert (comment.author, comment.body) == (org["rita"], "Blue one, please")
        assert "Blue one, please" in client.get(url).content.decode()
        assert client.post(url, {"action": "explode"}).status_code == 400


# --- the approvals inbox -------------------------------------------------------------------------
class TestApprovals:
    def test_a_requester_manager_approves_in_one_click(self, client, org):
        req = order(org, managed(org))
        login(client, org["mona"])
        response = client.get(reverse("requests:approvals"))
        assert response.status_code == 200
        html = response.content.decode()
        assert f'id="request-{req.pk}"' in html and req.number in html and "13-inch" in html
        response = client.post(reverse("requests:decide", args=[req.pk]), {f"decide-{req.pk}-decision": "approve"})
        assert response.status_code == 302 and response["Location"] == reverse("requests:approvals")
        assert ServiceRequest.objects.get().status == "fulfilling"
        page = client.get(response["Location"])
        assert "fulfilment has started" in messages_of(page)[0]
        assert 'data-testid="inbox-empty"' in page.content.decode()
        assert [a.request.number for a in page.context["recent"]] == [req.number]
        # approving again: it is no longer waiting
        response = client.post(reverse("requests:decide", args=[req.pk]), {f"decide-{req.pk}-decision": "approve"})
        assert response.status_code == 409

    def test_a_reject_needs_a_reason_which_the_requester_reads(self, client, org):
        req = order(org, managed(org))
        login(client, org["mona"])
        url = reverse("requests:decide", args=[req.pk])
        response = client.post(url, {f"decide-{req.pk}-decision": "reject", f"decide-{req.pk}-comment": ""})
        assert response.status_code == 400
        form = response.context["rows"][0]["form"]
        assert form.errors["comment"] and "Say why" in response.content.decode()
        assert ServiceRequest.objects.get().status == "awaiting_approval"
        response = client.post(url, {f"decide-{req.pk}-decision": "reject",
                                     f"decide-{req.pk}-comment": "Use the spare one"})
        assert response.status_code == 302
        assert ServiceRequest.objects.get().status == "rejected"
        assert Delivery.objects.filter(user=org["rita"], body__contains="Use the spare one").exists()

    def test_all_of_a_group_and_people_not_asked(self, client, org):
        req = order(org, make_item(org, approvals=[{"level": 1, "approver": "group", "group": org["finance"].pk,
                                                    "rule": "all"}]))
        url = reverse("requests:decide", args=[req.pk])
        login(client, org["max"])
        response = client.post(url, {f"decide-{req.pk}-decision": "approve"})
        assert "waits for the other approvers" in messages_of(client.get(response["Location"]))[0]
        response = client.post(url, {f"decide-{req.pk}-decision": "approve"})  # already decided
        assert response.status_code == 403
        assert login(client, org["ops"]).post(url, {f"decide-{req.pk}-decision": "approve"}).status_code == 403
        assert login(client, org["rita"]).post(url, {f"decide-{req.pk}-decision": "approve"}).status_code == 403
        assert ServiceRequest.objects.get().status == "awaiting_approval"
        response = login(client, org["mona"]).post(url, {f"decide-{req.pk}-decision": "maybe"})
        assert response.status_code == 400
        assert login(client, org["mona"]).post(url, {f"decide-{req.pk}-decision": "approve"}).status_code == 302
        assert ServiceRequest.objects.get().status == "fulfilling"

    def test_strangers_get_a_404_and_anonymous_people_log_in(self, client, org):
        req = order(org, managed(org))
        response = client.get(reverse("requests:approvals"))
        assert response.status_code == 302 and response["Location"].startswith("/login/")
        login(client, org["max"])
        assert client.get(reverse("requests:approvals")).status_code == 200
        assert client.post(reverse("requests:decide", args=[req.pk]),
                           {f"decide-{req.pk}-decision": "approve"}).status_code == 404


# --- the agent side ------------------------------------------------------------------------------
class TestAgentPages:
    def test_requesters_are_kept_out(self, client, org):
        req = order(org, make_item(org))
        task = req.tasks.get(status="open")
        login(client, org["rita"])
        for url in (reverse("requests:queue"), reverse("requests:tasks"), reverse("requests:detail", args=[req.pk])):
            assert client.get(url).status_code == 403, url
        assert client.post(reverse("requests:task-action", args=[task.pk, "complete"])).status_code == 403
        assert client.post(reverse("requests:action", args=[req.pk, "close"])).status_code == 403
        assert ServiceRequest.objects.get().status == "fulfilling"
        client.logout()
        response = client.get(reverse("requests:queue"))
        assert response.status_code == 302 and response["Location"].startswith("/login/")

    def test_the_navigation_has_requests_for_staff(self, client, org):
        labels = lambda: [str(i["label"]) for i in client.get("/").context["nav_items"]]  # noqa: E731
        login(client, org["tech"])
        assert "Requests" in labels()
        page = client.get(reverse("requests:tasks"))
        assert [str(i["label"]) for i in page.context["nav_items"] if i["active"]] == ["Requests"]
        login(client, org["rita"])
        assert "Requests" not in labels() and "Portal" in labels()

    def test_the_queue_and_its_filters(self, client, org):
        laptop, phone = managed(org), make_item(org, name="Phone", tasks=[
            {"title": "Set up the phone", "team": org["deploy"].pk, "order": 1}])
        waiting, busy = order(org, laptop), order(org, phone, who="max")
        done = order(org, make_item(org, name="Nothing to do", tasks=[]))
        login(client, org["tech"])

        def numbers(**params):
            response = client.get(reverse("requests:queue"), params)
            assert response.status_code == 200
            return sorted(r.number for r in response.context["rows"])

        assert numbers() == sorted([waiting.number, busy.number])  # open ones
        assert numbers(tab="all") == sorted([waiting.number, busy.number, done.number])
        assert numbers(tab="all", status="fulfilled") == [done.number]
        assert numbers(status="fulfilled") == [done.number]  # a ticked status wins over the tab
        assert numbers(catalog_item=phone.pk) == [busy.number]
        assert numbers(team=org["deploy"].pk) == [busy.number]
        assert numbers(q=busy.number) == [busy.number]
        assert numbers(q=str(waiting.pk)) == [waiting.number]
        assert numbers(q="max") == [busy.number]
        assert numbers(status="nonsense") == []

    def test_take_and_complete_tasks_from_the_task_queue(self, client, org):
        req = order(org, make_item(org))
        login(client, org["tech"])
        response = client.get(reverse("requests:tasks"))
        assert [t.title for t in response.context["tasks"]] == ["Order the laptop"]  # my team's
        first = response.context["tasks"][0]
        assert client.get(reverse("requests:tasks"), {"scope": "all"}).context["scope"] == "all"
        back = reverse("requests:tasks") + "?scope=mine"
        response = client.post(reverse("requests:task-action", args=[first.pk, "take"]),
                               {"next": back, "from": "tasks"})
        assert response.status_code == 302 and response["Location"] == back
        first.refresh_from_db()
        assert first.assignee == org["tech"]
        response = client.post(reverse("requests:task-action", args=[first.pk, "complete"]),
                               {"next": back, "from": "tasks", f"task-{first.pk}-note": "Ordered from the vendor"})
        assert response.status_code == 302
        first.refresh_from_db()
        assert (first.status, first.note) == ("done", "Ordered from the vendor")
        # done already: the queue again, as it now stands, with the reason
        response = client.post(reverse("requests:task-action", args=[first.pk, "complete"]),
                               {"next": back, "from": "tasks"})
        assert response.status_code == 409 and response.context["tasks"] == []
        assert "This task is done." in messages_of(response)
        response = client.get(reverse("requests:tasks"), {"scope": "all"})
        assert [t.title for t in response.context["tasks"]] == ["Image and deliver"]
        assert ServiceRequest.objects.get(pk=req.pk).status == "fulfilling"

    def test_complete_tasks_on_the_request_page(self, client, org):
        req = order(org, make_item(org))
        first, second = req.tasks.order_by("order")
        login(client, org["ops"])
        url = reverse("requests:detail", args=[req.pk])
        response = client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        assert reverse("requests:task-action", args=[first.pk, "complete"]) in html
        assert reverse("requests:task-action", args=[second.pk, "complete"]) not in html  # not open yet
        response = client.post(reverse("requests:task-action", args=[second.pk, "complete"]), {"from": "detail"})
        assert response.status_code == 409 and response.context["req"].pk == req.pk
        response = client.post(reverse("requests:task-action", args=[first.pk, "complete"]),
                               {f"task-{first.pk}-note": "Arrived", "next": url})
        assert response.status_code == 302 and response["Location"] == url
        response = client.post(reverse("requests:task-action", args=[second.pk, "complete"]),
                               {f"task-{second.pk}-note": "x" * 6000, "next": url})
        assert response.status_code == 400 and response.context["open_form"] == f"task-{second.pk}"
        client.post(reverse("requests:task-action", args=[second.pk, "complete"]),
                    {f"task-{second.pk}-note": "Delivered to her desk", "next": url})
        req.refresh_from_db()
        assert req.status == "fulfilled"
        response = client.get(url)
        history = [e.title for e in response.context["history"]]
        assert "Fulfilled" in history and "Task done: Image and deliver" in history
        assert "Delivered to her desk" in response.content.decode()
        assert response.context["can_close"]
        assert client.post(reverse("requests:action", args=[req.pk, "close"])).status_code == 302
        assert ServiceRequest.objects.get().status == "closed"

    def test_cancel_and_comment_from_the_request_page(self, client, org):
        req = order(org, managed(org))
        login(client, org["tech"])
        response = client.post(reverse("requests:action", args=[req.pk, "comment"]), {"comment-body": ""})
        assert response.status_code == 400 and response.context["forms"]["comment"].errors
        response = client.post(reverse("requests:action", args=[req.pk, "comment"]),
                               {"comment-body": "Which colour?"})
        assert response.status_code == 302
        assert Delivery.objects.filter(user=org["rita"], body__contains="Which colour?").exists()
        response = client.post(reverse("requests:action", args=[req.pk, "cancel"]),
                               {"cancel-reason": "Duplicate of another request"})
        assert response.status_code == 302
        assert ServiceRequest.objects.get().status == "cancelled"
        assert Delivery.objects.filter(user=org["rita"], body__contains="Duplicate of another").exists()
        response = client.post(reverse("requests:action", args=[req.pk, "close"]))
        assert response.status_code == 409
        assert client.post(reverse("requests:action", args=[req.pk, "explode"])).status_code == 404


# --- query budgets -------------------------------------------------------------------------------
def _queries(client, url, params=None, rows=None):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return (len(rows(response)) if rows else None), len(ctx.captured_queries)


class TestQueryBudgets:
    def test_the_agent_queues(self, client, org):
        laptop = managed(org)
        plain = make_item(org, name="Phone")

        def add(n):
            for i in range(n):
                order(org, laptop if i % 2 else plain, who="rita" if i % 3 else "max")

        login(client, org["tech"])
        queue = reverse("requests:queue")
        add(2)
        few_rows, few = _queries(client, queue, {"tab": "all"}, lambda r: r.context["rows"])
        add(8)
        many_rows, many = _queries(client, queue, {"tab": "all"}, lambda r: r.context["rows"])
        assert (few_rows, many_rows) == (2, 10)
        assert many == few, f"{few} queries for 2 rows, {many} for 10"
        assert many <= 14

        tasks = reverse("requests:tasks")
        few_rows, few = _queries(client, tasks, {"scope": "all"}, lambda r: r.context["tasks"])
        add(6)
        many_rows, many = _queries(client, tasks, {"scope": "all"}, lambda r: r.context["tasks"])
        assert many_rows > few_rows and many == few
        assert many <= 12

    def test_the_portal_and_the_inbox(self, client, org):
        def add(n):
            for _i in range(n):
                item = make_item(org, name=f"Item {CatalogItem.objects.count()}",
                                 category=f"Cat {CatalogItem.objects.count() % 3}",
                                 approvals=[{"level": 1, "approver": "manager"}])
                item.teams.set([org["finance"]]) if CatalogItem.objects.count() % 2 else None
                order(org, item, who="mona" if CatalogItem.objects.count() % 2 else "rita")

        login(client, org["mona"])
        add(2)
        red_alert_cache_clear()  # the Red Alert banner: the same (cold) cache for both counts
        few_items, few = _queries(client, reverse("portal:home"), rows=lambda r: r.context["my_requests"])
        inbox_few, inbox_q_few = _queries(client, reverse("requests:approvals"), rows=lambda r: r.context["rows"])
        add(6)
        red_alert_cache_clear()
        many_items, many = _queries(client, reverse("portal:home"), rows=lambda r: r.context["my_requests"])
        inbox_many, inbox_q_many = _queries(client, reverse("requests:approvals"), rows=lambda r: r.context["rows"])
        assert many_items > few_items and many == few, (few, many)
        assert inbox_many > inbox_few and inbox_q_many == inbox_q_few, (inbox_q_few, inbox_q_many)
        assert many <= 15 and inbox_q_many <= 12
