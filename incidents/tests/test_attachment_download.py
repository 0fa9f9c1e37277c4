"""An attachment's ``url`` in the API is the permission-checked download, not the storage's
/media/ address (not served, and serving it would skip the check). The download checks who
may see the incident and the file, and always sends it as a download, never sniffed."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from catalog.tests.factories import ContactFactory, ServiceFactory, TeamFactory
from core.roles import Role
from incidents import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk(make_user, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    team = TeamFactory(name="Service Desk")
    agent = make_user(Role.AGENT, username="ann")
    team.members.add(agent)
    rita, other = make_user(Role.REQUESTER, username="rita"), make_user(Role.REQUESTER, username="olga")
    ContactFactory(user=rita)
    ContactFactory(user=other)
    service = ServiceFactory(name="Email", owner_team=team)
    incident = services.incident_create(title="Mail down", actor=rita, service=service)
    return {"agent": agent, "rita": rita, "other": other, "incident": incident}


def upload(api, user, incident, name, body, visibility):
    response = api.as_user(user).post(f"/api/v1/incidents/{incident.pk}/attachments/", {
        "file": SimpleUploadedFile(name, body, content_type="text/plain"), "visibility": visibility},
        format="multipart")
    assert response.status_code == 201, response.content
    return response.json()


def listed(api, user, incident) -> list[dict]:
    body = api.as_user(user).get(f"/api/v1/incidents/{incident.pk}/attachments/").json()
    return body["results"] if isinstance(body, dict) else body


def assert_download(response, body: bytes, name: str):
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == body
    assert response["Content-Disposition"].startswith("attachment") and name in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_url_is_the_checked_download_and_works_with_a_token(api, desk):
    incident = desk["incident"]
    created = upload(api, desk["agent"], incident, "trace.txt", b"internal trace", "internal")
    expected = f"/api/v1/incidents/{incident.pk}/attachments/{created['id']}/download/"
    assert created["url"] == expected and "/media/" not in created["url"]
    assert [row["url"] for row in listed(api, desk["agent"], incident)] == [expected]
    assert_download(api.as_user(desk["agent"]).get(expected), b"internal trace", "trace.txt")


def test_who_may_download_what(api, desk):
    incident = desk["incident"]
    internal = upload(api, desk["agent"], incident, "trace.txt", b"internal trace", "internal")["url"]
    public = upload(api, desk["agent"], incident, "howto.txt", b"how to", "public")["url"]
    # The requester sees only the public file, in the list and to download.
    assert [row["url"] for row in listed(api, desk["rita"], incident)] == [public]
    assert_download(api.as_user(desk["rita"]).get(public), b"how to", "howto.txt")
    refused = api.as_user(desk["rita"]).get(internal)
    assert refused.status_code == 404 and refused.json()["detail"]
    # Another requester learns nothing; nobody anonymous gets anything.
    assert api.as_user(desk["other"]).get(public).status_code == 404
    assert Client().get(public).status_code in (401, 403)
    # An attachment asked for under another incident is not found either.
    other_incident = services.incident_create(title="Other", actor=desk["agent"])
    wrong = public.replace(f"/incidents/{incident.pk}/", f"/incidents/{other_incident.pk}/")
    assert api.as_user(desk["agent"]).get(wrong).status_code == 404


def test_any_accept_header_gets_the_file(api, desk):
    url = upload(api, desk["agent"], desk["incident"], "trace.txt", b"bytes", "internal")["url"]
    response = api.as_user(desk["agent"]).get(url, HTTP_ACCEPT="application/octet-stream")
    assert_download(response, b"bytes", "trace.txt")


def test_the_page_download_is_never_sniffed(api, client, desk):
    incident = desk["incident"]
    created = upload(api, desk["agent"], incident, "trace.txt", b"internal trace", "internal")
    client.force_login(desk["agent"])
    response = client.get(reverse("incidents:attachment", args=[incident.pk, created["id"]]))
    assert_download(response, b"internal trace", "trace.txt")
