"""``problems/<id>/resolve/`` takes API.md's action body, an optional ``{"note": "..."}``, and
still ``{"resolution": "..."}``: the note becomes the resolution text; with nothing, the
text says the root cause was removed."""

import pytest

from core.roles import Role
from problems import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def known_error(make_user):
    tech = make_user(Role.AGENT)
    problem = services.problem_create(actor=tech, title="VPN drops")
    services.problem_investigate(problem=problem, actor=tech)
    services.problem_mark_known_error(problem=problem, actor=tech, root_cause="MTU too big", workaround="MTU 1400")
    return tech, problem


@pytest.mark.parametrize(("body", "text"), [
    ({"note": "Raised the MTU limit (CHG000012)"}, "Raised the MTU limit (CHG000012)"),
    ({"resolution": "Proxy patched"}, "Proxy patched"),
    ({"resolution": "Proxy patched", "note": "Verified with users"}, "Proxy patched\n\nVerified with users"),
    ({}, "The root cause was removed."),
    (None, "The root cause was removed."),
    ({"note": "   "}, "The root cause was removed."),
    ({"note": None}, "The root cause was removed."),
])
def test_resolve_takes_an_optional_note(api, known_error, body, text):
    tech, problem = known_error
    client = api.as_user(tech)
    url = f"/api/v1/problems/{problem.pk}/resolve/"
    response = client.post(url, body, format="json") if body is not None else client.post(url)
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "resolved" and response.json()["resolution"] == text
    problem.refresh_from_db()
    assert problem.resolution == text


def test_a_note_of_the_wrong_type_is_400(api, known_error):
    tech, problem = known_error
    response = api.as_user(tech).post(f"/api/v1/problems/{problem.pk}/resolve/", {"note": ["x"]}, format="json")
    assert response.status_code == 400 and "note" in response.json()
