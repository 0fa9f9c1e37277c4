"""The shapes API.md promises everywhere (issue 15, items 1, 2, 3 and 8): every list is the
paginated envelope, sub-resources too; a request's fulfilment task at its documented path;
the change schedule's ``conflicts``; and one JSON error shape under ``/api/`` (no route, an
unexpected failure, 405/406/415, 409 with ``status``)."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from catalog.models import CIRelation, Customer, Service
from catalog.tests.factories import (
    ConfigurationItemFactory,
    ContactFactory,
    CustomerFactory,
    ServiceFactory,
    TeamFactory,
)
from changes import services as changes
from changes.models import CABBoard
from core.roles import Role
from incidents import services as incidents
from problems import services as problems
from servicerequests import services as requests
from servicerequests.models import CatalogItem

pytestmark = pytest.mark.django_db

ENVELOPE = {"count", "next", "previous", "results"}
SOON = timezone.now() + timedelta(days=3)


def assert_paginated(client, url: str, total: int) -> list:
    """``url`` answers the envelope; ``page_size`` and ``page`` work. Returns every row."""
    response = client.get(url)
    assert response.status_code == 200, response.content
    body = response.json()
    assert isinstance(body, dict) and set(body) == ENVELOPE, body
    assert body["count"] == total and len(body["results"]) == total
    glue = "&" if "?" in url else "?"
    first = client.get(f"{url}{glue}page_size=1").json()
    assert first["count"] == total and len(first["results"]) == 1
    assert first["previous"] is None and first["next"] is not None
    second = client.get(f"{url}{glue}page_size=1&page=2").json()
    assert len(second["results"]) == 1 and second["previous"] is not None
    assert second["results"][0] != first["results"][0]
    return body["results"]


def assert_error(response, status_code: int, code: str | None = None) -> dict:
    assert response.status_code == status_code, response.content
    assert response["Content-Type"].startswith("application/json"), (response["Content-Type"], response.content)
    body = response.json()
    assert {"detail", "code"} <= set(body) and isinstance(body["detail"], str) and body["detail"], body
    if code is not None:
        assert body["code"] == code, body
    return body


# --- changes -------------------------------------------------------------------------------------
@pytest.fixture
def cab(make_user):
    people = {"cm": make_user(Role.CHANGE_MANAGER), "dev": make_user(Role.AGENT),
              "members": [make_user(Role.CAB_MEMBER) for _ in range(4)], "service": ServiceFactory()}
    board = CABBoard.objects.create(name="CAB", kind="cab", quorum=3, rule="majority")
    board.members.set(people["members"])
    return people


def rfc(cab, *, risk=1, impact=3, services=None, cis=(), start=SOON, hours=2):
    return changes.change_create(
        actor=cab["dev"], title="Upgrade the database", description="Minor version upgrade",
        implementation_plan="1. drain 2. upgrade", backout_plan="Restore the snapshot", test_plan="Smoke tests",
        planned_start=start, planned_end=start + timedelta(hours=hours), risk=risk, impact=impact, type="normal",
        services=[cab["service"]] if services is None else services, cis=list(cis))


def authorised(cab, **extra):
    change = rfc(cab, **extra)
    changes.change_submit(change=change, actor=cab["dev"])
    changes.change_assess(change=change, actor=cab["cm"])
    return changes.change_authorize(change=change, actor=cab["cm"])


def scheduled(cab, **extra):
    change, _conflicts = changes.change_schedule(change=authorised(cab, **extra), actor=cab["dev"])
    return change


def test_change_votes_are_paginated(api, cab):
    change = rfc(cab, risk=3, impact=2)
    changes.change_submit(change=change, actor=cab["dev"])
    changes.change_assess(change=change, actor=cab["cm"])
    changes.change_send_to_cab(change=change, actor=cab["cm"])
    for member in cab["members"][:2]:  # quorum 3: still undecided
        created = api.as_user(member).post(f"/api/v1/changes/{change.pk}/votes/", {"decision": "approve"},
                                           format="json")
        assert created.status_code == 201 and created.json()["decision"] == "approve"
    votes = assert_paginated(api.as_user(cab["dev"]), f"/api/v1/changes/{change.pk}/votes/", 2)
    assert [v["member"] for v in votes] == [m.pk for m in cab["members"][:2]]


def test_change_conflicts_are_paginated(api, cab):
    change, *others = [authorised(cab) for _ in range(3)]
    rows = assert_paginated(api.as_user(cab["dev"]), f"/api/v1/changes/{change.pk}/conflicts/", 2)
    assert sorted(row["change"] for row in rows) == sorted(o.pk for o in others)
    assert {tuple(row["reasons"]) for row in rows} == {("service",)}


def test_change_schedule_lists_the_conflicting_pairs(api, cab):
    database = ConfigurationItemFactory(name="db-01")
    app = ConfigurationItemFactory(name="app-01")
    CIRelation.objects.create(source=app, target=database, kind="runs_on")
    first = scheduled(cab)
    second = scheduled(cab, start=SOON + timedelta(hours=1))  # the same service, an hour later
    on_db = scheduled(cab, services=[], cis=[database], start=SOON + timedelta(days=1))
    on_app = scheduled(cab, services=[], cis=[app], start=SOON + timedelta(days=1))
    alone = scheduled(cab, start=SOON + timedelta(days=2))
    body = api.as_user(cab["dev"]).get("/api/v1/change-schedule/").json()
    assert {"from", "to", "changes", "blackouts", "conflicts"} <= set(body)
    assert body["conflicts"] == [
        {"changes": [first.pk, second.pk], "numbers": [first.number, second.number], "reasons": ["service"],
         "start": (SOON + timedelta(hours=1)).isoformat().replace("+00:00", "Z"),
         "end": (SOON + timedelta(hours=2)).isoformat().replace("+00:00", "Z")},
        {"changes": [on_db.pk, on_app.pk], "numbers": [on_db.number, on_app.number], "reasons": ["connected_ci"],
         "start": (SOON + timedelta(days=1)).isoformat().replace("+00:00", "Z"),
         "end": (SOON + timedelta(days=1, hours=2)).isoformat().replace("+00:00", "Z")},
    ]
    rows = {row["id"]: row for row in body["changes"]}
    assert rows[first.pk]["conflicts"] == [second.pk] and rows[alone.pk]["conflicts"] == []


def test_change_schedule_query_count_does_not_grow_with_conflicts(api, cab):
    client = api.as_user(cab["dev"])
    scheduled(cab, cis=[ConfigurationItemFactory()]), scheduled(cab, cis=[ConfigurationItemFactory()])
    client.get("/api/v1/change-schedule/")  # warm the token and content-type caches
    with CaptureQueriesContext(connection) as few:
        assert len(client.get("/api/v1/change-schedule/").json()["conflicts"]) == 1
    for _ in range(4):
        scheduled(cab, cis=[ConfigurationItemFactory()])
    with CaptureQueriesContext(connection) as many:
        assert len(client.get("/api/v1/change-schedule/").json()["conflicts"]) == 15
    assert len(many.captured_queries) == len(few.captured_queries)


# --- major incidents -----------------------------------------------------------------------------
@pytest.fixture
def major(api, make_user):
    boss = make_user(Role.MANAGER)
    service = ServiceFactory(owner_team=TeamFactory(manager=boss))
    incident = incidents.incident_create(title="Login fails", actor=boss, service=service)
    response = api.as_user(boss).post(f"/api/v1/incidents/{incident.pk}/declare-major/",
                                      {"summary": "Internet banking down"}, format="json")
    assert response.status_code == 201, response.content
    return {"id": response.json()["id"], "boss": boss}


def test_major_incident_tasks_and_team_are_paginated(api, major, make_user):
    client = api.as_user(major["boss"])
    base = f"/api/v1/major-incidents/{major['id']}"
    for title in ("Fail over DB", "Tell the branches"):
        created = client.post(f"{base}/tasks/", {"title": title}, format="json")
        assert created.status_code == 201 and created.json()["title"] == title
    assert [t["title"] for t in assert_paginated(client, f"{base}/tasks/", 2)] == ["Fail over DB",
                                                                                 "Tell the branches"]
    tech = make_user(Role.AGENT)
    added = client.post(f"{base}/team/", {"user": tech.pk, "role": "technical_lead"}, format="json")
    assert added.status_code == 201 and added.json()["user"] == tech.pk
    assert [m["user"] for m in assert_paginated(client, f"{base}/team/", 2)] == [major["boss"].pk, tech.pk]


def test_major_incident_not_found_bodies_carry_a_code(api, major, make_user):
    client = api.as_user(major["boss"])
    base = f"/api/v1/major-incidents/{major['id']}"
    body = assert_error(client.patch(f"{base}/tasks/999999/", {"title": "x"}, format="json"), 404, "not_found")
    assert body["detail"] == "No such task."
    assert_error(client.delete(f"{base}/team/{make_user(Role.AGENT).pk}/"), 404, "not_found")


# --- incidents, requests, known errors, reports ----------------------------------------------------
def test_incident_attachments_are_paginated(api, agent, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    incident = incidents.incident_create(title="Printer on fire", actor=agent)
    client = api.as_user(agent)
    url = f"/api/v1/incidents/{incident.pk}/attachments/"
    for name in ("a.txt", "b.txt"):
        created = client.post(url, {"file": SimpleUploadedFile(name, b"log", content_type="text/plain")},
                              format="multipart")
        assert created.status_code == 201, created.content
    assert len(assert_paginated(client, url, 2)) == 2


@pytest.fixture
def laptop(make_user):
    it, deploy = TeamFactory(), TeamFactory()
    return CatalogItem.objects.create(name="Laptop", category="Hardware", form=[], approvals=[],
                                      tasks=[{"title": "Order it", "team": it.pk, "order": 1},
                                             {"title": "Deliver it", "team": deploy.pk, "order": 1}])


def test_request_comments_are_paginated(api, requester, laptop):
    ordered = requests.request_submit(item=laptop, actor=requester, answers={})
    client = api.as_user(requester)
    for text in ("Any news?", "Thanks"):
        created = client.post(f"/api/v1/requests/{ordered.pk}/comments/", {"body": text}, format="json")
        assert created.status_code == 201 and created.json()["body"] == text
    rows = assert_paginated(client, f"/api/v1/requests/{ordered.pk}/comments/", 2)
    assert [c["body"] for c in rows] == ["Any news?", "Thanks"]


def test_known_error_suggestions_are_paginated(api, agent):
    for title in ("VPN drops every hour", "VPN drops on wifi"):
        problems.known_error_save(actor=agent, title=title, symptom="The VPN keeps dropping",
                                  workaround="Reconnect", status="published")
    assert len(assert_paginated(api.as_user(agent), "/api/v1/known-errors/suggest/?text=vpn+dropping", 2)) == 2


def test_service_availability_and_the_priority_matrix_are_paginated(api, agent):
    ServiceFactory(), ServiceFactory()
    client = api.as_user(agent)
    active = Service.objects.filter(is_active=True).count()
    assert len(assert_paginated(client, "/api/v1/service-availability/", active)) == active
    assert len(assert_paginated(client, "/api/v1/priority-matrix/", 9)) == 9


def test_the_schema_shows_the_envelope_of_every_sub_resource_list(api, agent):
    schema = api.as_user(agent).get("/api/schema/?format=json").json()
    for path in ("changes/{id}/votes/", "changes/{id}/conflicts/", "major-incidents/{id}/tasks/",
                 "major-incidents/{id}/team/", "incidents/{id}/attachments/", "requests/{id}/comments/",
                 "known-errors/suggest/", "service-availability/", "priority-matrix/"):
        ref = schema["paths"][f"/api/v1/{path}"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
        component = schema["components"]["schemas"][ref["$ref"].rsplit("/", 1)[-1]]
        assert set(component["properties"]) - {"count_exact"} == ENVELOPE, path  # count_exact: only past 10,000
    conflicts = schema["components"]["schemas"]["ChangeSchedule"]["properties"]["conflicts"]
    assert conflicts["type"] == "array"


# --- a request's fulfilment tasks at their documented path -------------------------------------------
def test_a_request_task_completes_at_its_documented_path(api, requester, agent, make_user, laptop):
    ordered = requests.request_submit(item=laptop, actor=requester, answers={})
    first, second = ordered.tasks.order_by("id")
    other = requests.request_submit(item=laptop, actor=make_user(Role.REQUESTER), answers={})
    staff = api.as_user(agent)
    base = f"/api/v1/requests/{ordered.pk}/tasks"

    shown = staff.get(f"{base}/{first.pk}/")
    assert shown.status_code == 200 and shown.json()["id"] == first.pk and shown.json()["status"] == "open"
    # A task of another request is not one of this request's.
    assert_error(staff.get(f"{base}/{other.tasks.first().pk}/"), 404, "not_found")
    assert_error(staff.post(f"{base}/{other.tasks.first().pk}/complete/", {}, format="json"), 404, "not_found")

    done = staff.post(f"{base}/{first.pk}/complete/", {"note": "Ordered"}, format="json")
    assert done.status_code == 200, done.content
    assert done.json()["status"] == "done" and done.json()["note"] == "Ordered"
    assert_error(staff.post(f"{base}/{first.pk}/complete/", {}, format="json"), 409, "invalid_transition")
    # The queue's path still works.
    assert staff.post(f"/api/v1/request-tasks/{second.pk}/complete/", {}, format="json").status_code == 200
    assert staff.get(f"/api/v1/requests/{ordered.pk}/").json()["status"] == "fulfilled"


def test_a_requester_sees_only_their_own_request_tasks_and_completes_none(api, requester, laptop, make_user):
    ordered = requests.request_submit(item=laptop, actor=requester, answers={})
    task = ordered.tasks.first()
    url = f"/api/v1/requests/{ordered.pk}/tasks/{task.pk}/"
    stranger = api.as_user(make_user(Role.REQUESTER))
    assert_error(stranger.get(url), 404, "not_found")
    assert_error(stranger.post(f"{url}complete/", {}, format="json"), 404, "not_found")
    owner = api.as_user(requester)
    assert owner.get(url).json()["title"] == task.title
    assert_error(owner.post(f"{url}complete/", {}, format="json"), 403)
    assert ordered.tasks.get(pk=task.pk).status == "open"


# --- one error shape under /api/ -------------------------------------------------------------------------
@pytest.mark.parametrize("path", ["/api/v1/nope/", "/api/v1/incidents/abc/", "/api/nope", "/api/v1/incidents/1/nope/"])
def test_unmatched_api_paths_answer_json_404(api, agent, path):
    assert_error(api.as_user(agent).get(path), 404, "not_found")


def test_unmatched_api_paths_answer_json_404_without_login(client):
    assert_error(client.get("/api/v1/nope/"), 404, "not_found")


def test_pages_keep_the_html_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404 and response["Content-Type"].startswith("text/html")


def test_405_406_and_415_are_json_with_a_code(api, agent):
    client = api.as_user(agent)
    assert_error(client.delete("/api/v1/incidents/"), 405, "method_not_allowed")
    assert_error(client.post("/api/v1/incidents/", "title=x", content_type="text/plain"), 415,
                 "unsupported_media_type")
    assert_error(client.get("/api/v1/incidents/", HTTP_ACCEPT="application/xml"), 406, "not_acceptable")


def test_a_bare_detail_400_gains_its_code():
    """A service's message-only ValidationError (``{"detail": [...]}``) answers with a code."""
    from django.core.exceptions import ValidationError

    from core.api.exceptions import exception_handler
    from core.api.services import drf_validation_error

    response = exception_handler(drf_validation_error(ValidationError("Pick a slot.")), {})
    assert response.status_code == 400 and response.data == {"detail": "Pick a slot.", "code": "invalid"}


@pytest.mark.urls("core.tests.urls")
@pytest.mark.parametrize("path", ["/api/v1/test-boom/", "/api/v1/test-plain-boom/"])
def test_an_unexpected_failure_under_api_is_a_json_500(client, path):
    client.raise_request_exception = False
    body = assert_error(client.get(path), 500, "server_error")
    assert "unexpected failure" not in body["detail"]  # nothing of the internals leaks


@pytest.mark.urls("core.tests.urls")
def test_an_unexpected_failure_on_a_page_keeps_the_html_500(client):
    client.raise_request_exception = False
    response = client.get("/test-page-boom/")
    assert response.status_code == 500 and response["Content-Type"].startswith("text/html")


@pytest.mark.urls("core.tests.urls")
def test_a_unique_conflict_is_409_with_a_status(client):
    body = assert_error(client.post("/api/v1/test-duplicate/", {}, content_type="application/json"), 409,
                        "conflict")
    assert body["status"] == "exists"


def test_deleting_a_customer_with_contacts_is_409_with_a_status(api, agent):
    customer = CustomerFactory()
    ContactFactory(customer=customer)
    body = assert_error(api.as_user(agent).delete(f"/api/v1/customers/{customer.pk}/"), 409, "conflict")
    assert body["status"] == "in_use" and "contacts" in body["detail"]
    assert Customer.objects.filter(pk=customer.pk).exists()
    alone = CustomerFactory()
    assert api.as_user(agent).delete(f"/api/v1/customers/{alone.pk}/").status_code == 204


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/api/v1/incidents/", "/api/v1/incidents/987654/", "/api/v1/nope/"])
def test_a_browser_asking_for_html_under_api_gets_json(client, path):
    response = client.get(path, HTTP_ACCEPT="text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
    assert response["Content-Type"].startswith("application/json"), response["Content-Type"]
    assert set(response.json()) >= {"detail", "code"}
