"""A postmortem's actions and timeline rows are validated whole, in a PATCH too, and the
priority matrix's history answers (issue 15, item 9): 400 naming the key, never a 500."""

import pytest

from catalog.tests.factories import ServiceFactory, TeamFactory
from core.roles import Role
from incidents import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def boss(make_user):
    return make_user(Role.MANAGER, username="boss", email="boss@example.test")


@pytest.fixture
def postmortem_url(api, boss):
    incident = services.incident_create(title="Login fails", actor=boss,
                                        service=ServiceFactory(owner_team=TeamFactory(manager=boss)))
    response = api.as_user(boss).post(f"/api/v1/incidents/{incident.pk}/declare-major/", {"summary": "Down"},
                                      format="json")
    assert response.status_code == 201, response.content
    return f"/api/v1/major-incidents/{response.json()['id']}/postmortem/"


def _row_errors(body, field):
    errors = body[field]
    return errors[0] if isinstance(errors, list) else errors["0"]


@pytest.mark.parametrize("method", ["put", "patch"])
@pytest.mark.parametrize(("field", "row", "missing"), [
    ("actions", {"owner": None, "due_at": "2026-12-01"}, "title"),
    ("timeline", {"text": "Paged the DBA"}, "at"),
    ("timeline", {"at": "2026-11-30T10:00:00Z"}, "text"),
])
def test_a_row_missing_a_key_is_a_400(api, boss, postmortem_url, method, field, row, missing):
    response = getattr(api.as_user(boss), method)(postmortem_url, {"summary": "s", field: [row]}, format="json")
    assert response.status_code == 400, response.content
    assert missing in _row_errors(response.json(), field)


def test_a_partial_update_with_complete_rows_works(api, boss, postmortem_url):
    response = api.as_user(boss).patch(postmortem_url, {
        "actions": [{"title": "Patch firmware"}],
        "timeline": [{"at": "2026-11-30T10:00:00Z", "text": "Paged the DBA"}]}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["actions"][0]["title"] == "Patch firmware"
    assert response.json()["timeline"][0]["text"] == "Paged the DBA"


def test_the_priority_matrix_history_answers(api, make_user):
    admin = make_user(Role.ADMIN)
    cell = api.as_user(admin).get("/api/v1/priority-matrix/").json()["results"][0]
    assert api.as_user(admin).patch(f"/api/v1/priority-matrix/{cell['id']}/", {"priority": 2},
                                    format="json").status_code == 200
    for user in (admin, make_user(Role.AGENT)):
        response = api.as_user(user).get(f"/api/v1/priority-matrix/{cell['id']}/history/")
        assert response.status_code == 200, response.content
        assert response.json()["results"][0]["history_type"] == "~"
