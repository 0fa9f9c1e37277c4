"""The incidents API: create, list with filters, actions with 409s, notes, requester isolation."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalog.tests.factories import ContactFactory, ServiceFactory, TeamFactory
from core.roles import Role
from incidents import services
from incidents.models import Incident, IncidentNote
from sla.tests.factories import PolicyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk(make_user):
    team = TeamFactory(name="Service Desk")
    agent = make_user(Role.AGENT, username="ann")
    team.members.add(agent)
    requester = make_user(Role.REQUESTER, username="rita")
    ContactFactory(user=requester, customer__tier="gold")
    PolicyFactory(response_minutes=60, resolution_minutes=480)
    return {"team": team, "agent": agent, "requester": requester,
            "service": ServiceFactory(name="Email", owner_team=team)}


def new_incident(desk, actor=None, **kw):
    return services.incident_create(title=kw.pop("title", "Mail down"), actor=actor or desk["requester"],
                                    service=desk["service"], **kw)


class TestCreateAndRead:
    def test_a_requester_reports_an_incident(self, api, desk):
        response = api.as_user(desk["requester"]).post("/api/v1/incidents/", {
            "title": "Cannot send mail", "description": "Since 9:00", "service": desk["service"].pk,
            "impact": 2, "urgency": 1, "channel": "portal", "assignee": desk["agent"].pk})
        assert response.status_code == 201, response.content
        body = response.json()
        assert body["number"].startswith("INC") and body["status"] == "new" and body["priority"] == 2
        assert body["team"] == desk["team"].pk and body["assignee"] is None  # requesters cannot assign
        assert body["requester"] == desk["requester"].pk
        assert {t["metric"] for t in body["sla"]} == {"response", "resolution"}
        assert body["actions"] == []

    @pytest.mark.parametrize("payload, field", [
        ({}, "title"),
        ({"title": "x" * 201}, "title"),
        ({"title": "t", "impact": 4}, "impact"),
        ({"title": "t", "urgency": "high"}, "urgency"),
        ({"title": "t", "channel": "pigeon"}, "channel"),
        ({"title": "t", "service": 99999}, "service"),
        ({"title": "t", "status": "resolved", "priority": 1, "impact": 9}, "impact"),
    ])
    def test_bad_input_is_400_and_nothing_saved(self, api, desk, payload, field):
        response = api.as_user(desk["agent"]).post("/api/v1/incidents/", payload)
        assert response.status_code == 400 and field in response.json()
        assert Incident.objects.count() == 0

    def test_status_and_priority_are_read_only(self, api, desk):
        incident = new_incident(desk)
        response = api.as_user(desk["agent"]).patch(f"/api/v1/incidents/{incident.pk}/",
                                                    {"status": "closed", "priority": 1, "urgency": 1, "impact": 1})
        assert response.status_code == 200
        assert response.json()["status"] == "new" and response.json()["priority"] == 1  # from the matrix

    def test_requesters_see_only_their_own(self, api, desk, make_user):
        mine = new_incident(desk)
        theirs = new_incident(desk, actor=make_user(Role.REQUESTER, username="sam"))
        client = api.as_user(desk["requester"])
        assert [i["id"] for i in client.get("/api/v1/incidents/").json()["results"]] == [mine.pk]
        assert client.get(f"/api/v1/incidents/{theirs.pk}/").status_code == 404
        assert client.post(f"/api/v1/incidents/{mine.pk}/start/").status_code == 403

    def test_filters_search_and_ordering(self, api, desk):
        agent = desk["agent"]
        a = new_incident(desk, title="VPN broken", impact=1, urgency=1)
        b = new_incident(desk, title="Printer jam", impact=3, urgency=3)
        services.incident_assign(incident=b, actor=agent, assignee=agent)
        client = api.as_user(agent)

        def ids(query):
            response = client.get(f"/api/v1/incidents/?{query}")
            assert response.status_code == 200, response.content
            return [i["id"] for i in response.json()["results"]]

        assert ids("assignee=me") == [b.pk]
        assert ids("status=new") == [a.pk]
        assert ids("priority=1") == [a.pk]
        assert ids("search=printer") == [b.pk]
        assert ids(f"search={a.number}") == [a.pk]
        assert ids("ordering=priority") == [a.pk, b.pk]
        assert ids("breached=true") == []
        assert ids("created_after=2000-01-01T00:00:00Z&open=true") == [b.pk, a.pk]
        assert client.get("/api/v1/incidents/?created_after=yesterday").status_code == 400
        assert client.get("/api/v1/incidents/?priority=9").status_code == 400

    def test_list_query_count_does_not_grow_with_rows(self, api, desk):
        client = api.as_user(desk["agent"])

        def count():
            with CaptureQueriesContext(connection) as ctx:
                assert client.get("/api/v1/incidents/?page_size=100").status_code == 200
            return len(ctx.captured_queries)

        new_incident(desk)
        few = count()
        for i in range(15):
            incident = new_incident(desk, title=f"t{i}")
            if i % 3 == 0:
                services.incident_assign(incident=incident, actor=desk["agent"], assignee=desk["agent"])
        assert count() == few


class TestActions:
    def test_the_whole_path_through_the_api(self, api, desk):
        incident = new_incident(desk)
        client = api.as_user(desk["agent"])
        url = f"/api/v1/incidents/{incident.pk}"
        body = client.post(f"{url}/assign/", {"assignee": desk["agent"].pk}).json()
        assert body["status"] == "assigned" and "start" in body["actions"] and "close" not in body["actions"]
        assert client.post(f"{url}/start/").json()["acknowledged_at"] is not None
        assert client.post(f"{url}/hold/", {}).status_code == 400
        assert client.post(f"{url}/hold/", {"reason": "waiting for the user"}).json()["status"] == "on_hold"
        assert client.post(f"{url}/resume/").json()["status"] == "in_progress"
        bad = client.post(f"{url}/resolve/", {"resolution_code": "magic", "resolution": ""})
        assert bad.status_code == 400 and set(bad.json()) == {"resolution_code", "resolution"}
        done = client.post(f"{url}/resolve/", {"resolution_code": "fixed", "resolution": "Quota raised"})
        assert done.json()["status"] == "resolved" and done.json()["actions"] == ["close", "reopen"]
        assert client.post(f"{url}/reopen/", {"reason": "Still full"}).json()["status"] == "in_progress"
        client.post(f"{url}/resolve/", {"resolution_code": "fixed", "resolution": "Quota raised again"})
        assert client.post(f"{url}/close/").json()["status"] == "closed"
        history = client.get(f"{url}/history/").json()["results"]
        assert history[0]["history_change_reason"] == "closed" and history[0]["history_user"] == desk["agent"].pk

    def test_a_disallowed_action_is_409_with_the_current_status(self, api, desk):
        incident = new_incident(desk)
        response = api.as_user(desk["agent"]).post(f"/api/v1/incidents/{incident.pk}/close/")
        assert response.status_code == 409
        assert response.json() == {"detail": "You cannot close an incident that is new.",
                                   "code": "invalid_transition", "status": "new"}

    def test_link_to_a_master_and_list_its_children(self, api, desk):
        master, child = new_incident(desk, title="Email down"), new_incident(desk)
        client = api.as_user(desk["agent"])
        response = client.post(f"/api/v1/incidents/{child.pk}/link/", {"parent": master.pk})
        assert response.status_code == 200 and response.json()["parent"] == master.pk
        children = client.get(f"/api/v1/incidents/{master.pk}/children/").json()["results"]
        assert [c["id"] for c in children] == [child.pk]
        loop = client.post(f"/api/v1/incidents/{master.pk}/link/", {"parent": child.pk})
        assert loop.status_code == 400 and "cycle" in loop.json()["parent"][0]
        assert client.post(f"/api/v1/incidents/{child.pk}/link/", {"parent": 999999}).status_code == 400


class TestNotesAndAttachments:
    def test_requesters_never_see_internal_notes(self, api, desk):
        incident = new_incident(desk)
        staff = api.as_user(desk["agent"])
        assert staff.post(f"/api/v1/incidents/{incident.pk}/notes/",
                          {"body": "root cause: disk", "visibility": "internal"}).status_code == 201
        assert staff.post(f"/api/v1/incidents/{incident.pk}/notes/",
                          {"body": "We are on it", "visibility": "public"}).status_code == 201
        requester = api.as_user(desk["requester"])
        notes = requester.get(f"/api/v1/incidents/{incident.pk}/notes/").json()["results"]
        assert [n["body"] for n in notes] == ["We are on it"]
        assert requester.post(f"/api/v1/incidents/{incident.pk}/notes/",
                              {"body": "sneaky", "visibility": "internal"}).status_code == 403
        assert requester.post(f"/api/v1/incidents/{incident.pk}/notes/", {"body": "thanks"}).json()[
            "visibility"] == "public"
        assert IncidentNote.objects.filter(visibility="internal").count() == 1

    def test_attachments_have_size_and_type_limits(self, api, desk, settings, tmp_path):
        settings.MEDIA_ROOT = tmp_path
        settings.ATTACHMENT_MAX_BYTES = 1024
        incident = new_incident(desk)
        client = api.as_user(desk["agent"])
        url = f"/api/v1/incidents/{incident.pk}/attachments/"
        ok = client.post(url, {"file": SimpleUploadedFile("log.txt", b"error 42", content_type="text/plain")},
                         format="multipart")
        assert ok.status_code == 201 and ok.json()["size"] == 8
        big = client.post(url, {"file": SimpleUploadedFile("big.txt", b"x" * 2048, content_type="text/plain")},
                          format="multipart")
        assert big.status_code == 400 and "at most" in big.json()["file"][0]
        exe = client.post(url, {"file": SimpleUploadedFile("x.exe", b"MZ", content_type="application/x-msdownload")},
                          format="multipart")
        assert exe.status_code == 400 and "not accepted" in exe.json()["file"][0]
        assert incident.attachments.count() == 1


def test_admins_change_the_priority_matrix(api, admin_user, agent):
    cells = api.as_user(agent).get("/api/v1/priority-matrix/").json()["results"]
    assert len(cells) == 9 and {(c["impact"], c["urgency"]): c["priority"] for c in cells}[(1, 1)] == 1
    cell = next(c for c in cells if (c["impact"], c["urgency"]) == (2, 2))
    assert api.as_user(agent).patch(f"/api/v1/priority-matrix/{cell['id']}/", {"priority": 1}).status_code == 403
    client = api.as_user(admin_user)
    assert client.patch(f"/api/v1/priority-matrix/{cell['id']}/", {"priority": 6}).status_code == 400
    assert client.patch(f"/api/v1/priority-matrix/{cell['id']}/", {"priority": 2}).json()["priority"] == 2
    incident = services.incident_create(title="t", actor=admin_user, impact=2, urgency=2)
    assert incident.priority == 2


def test_pages_never_overlap_when_many_share_a_priority(api, desk):
    for i in range(7):
        new_incident(desk, title=f"same priority {i}")
    client = api.as_user(desk["agent"])
    seen = []
    for page in (1, 2, 3, 4):
        seen += [i["id"] for i in client.get(f"/api/v1/incidents/?ordering=priority&page_size=2&page={page}").json()[
            "results"]]
    assert len(seen) == 7 and len(set(seen)) == 7


def test_the_queue_filters_keep_their_widgets_after_the_api_schema_is_built(client, agent):
    """The workspace and the API share filters; building the schema first must not change
    what the page shows (a filter builds its form field once)."""
    assert client.get("/api/schema/").status_code == 200
    client.force_login(agent)
    html = client.get("/incidents/").content.decode()
    assert 'type="checkbox" name="priority" value="1"' in html
    assert 'type="checkbox" name="status" value="new"' in html
