"""Nested items are validated whole, in a PATCH too (issue 15, item 9): a calendar's hours
without ``start`` or a policy's escalation without ``notify``/``channels`` is a 400 naming
the key, never a 500 (DRF skipped required keys inside a partial update)."""

import pytest

from core.roles import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(api, make_user):
    return api.as_user(make_user(Role.MANAGER, Role.ADMIN))


@pytest.fixture
def calendar(client):
    response = client.post("/api/v1/business-calendars/", {
        "name": "Office", "timezone": "Europe/Athens",
        "hours": [{"weekday": 0, "start": "09:00", "end": "17:00"}]}, format="json")
    assert response.status_code == 201, response.content
    return response.json()


@pytest.mark.parametrize("method", ["post", "put", "patch"])
@pytest.mark.parametrize("missing", ["weekday", "start", "end"])
def test_hours_missing_a_key_is_a_400(client, calendar, method, missing):
    row = {key: value for key, value in {"weekday": 1, "start": "09:00", "end": "17:00"}.items() if key != missing}
    body = {"name": "Office 2", "timezone": "UTC", "hours": [row]}
    url = "/api/v1/business-calendars/" if method == "post" else f"/api/v1/business-calendars/{calendar['id']}/"
    response = getattr(client, method)(url, body, format="json")
    assert response.status_code == 400, response.content
    assert missing in response.json()["hours"][0] if isinstance(response.json()["hours"], list) \
        else missing in response.json()["hours"]["0"]


def test_a_partial_update_still_replaces_hours_and_keeps_the_rest(client, calendar):
    response = client.patch(f"/api/v1/business-calendars/{calendar['id']}/",
                            {"hours": [{"weekday": 2, "start": "10:00", "end": "12:00"}]}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["hours"] == [{"weekday": 2, "start": "10:00", "end": "12:00"}]
    assert response.json()["timezone"] == "Europe/Athens"


@pytest.fixture
def policy(client, calendar):
    response = client.post("/api/v1/sla-policies/", {
        "name": "P1", "applies_to": "incident", "calendar": calendar["id"], "resolution_minutes": 240},
        format="json")
    assert response.status_code == 201, response.content
    return response.json()


@pytest.mark.parametrize("method", ["put", "patch"])
@pytest.mark.parametrize("missing", ["metric", "at_percent", "notify", "channels"])
def test_an_escalation_missing_a_key_is_a_400(client, calendar, policy, method, missing):
    rule = {key: value for key, value in {"metric": "resolution", "at_percent": 75, "notify": "assignee",
                                          "channels": ["email"]}.items() if key != missing}
    body = {"name": "P1", "applies_to": "incident", "calendar": calendar["id"], "resolution_minutes": 240,
            "escalations": [rule]}
    response = getattr(client, method)(f"/api/v1/sla-policies/{policy['id']}/", body, format="json")
    assert response.status_code == 400, response.content
    errors = response.json()["escalations"]
    assert missing in (errors[0] if isinstance(errors, list) else errors["0"])


def test_a_partial_update_with_complete_escalations_works(client, policy):
    response = client.patch(f"/api/v1/sla-policies/{policy['id']}/", {"escalations": [
        {"metric": "resolution", "at_percent": 75, "notify": "assignee", "channels": ["email", "email"]}]},
        format="json")
    assert response.status_code == 200, response.content
    assert [(rule["at_percent"], rule["channels"]) for rule in response.json()["escalations"]] == [(75, ["email"])]
