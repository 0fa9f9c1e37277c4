"""A postmortem action's ``due_at`` is a day: given as a date or as a datetime (its UTC day,
as API.md reads a date alone as a UTC day), always answered as a date; the schema says so."""

import pytest
from django.test import Client

from catalog.tests.factories import ServiceFactory
from core.roles import Role
from incidents import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def base(api, make_user):
    boss = make_user(Role.MANAGER)
    incident = services.incident_create(title="Login fails", actor=boss, service=ServiceFactory())
    api.as_user(boss)
    major = api.post(f"/api/v1/incidents/{incident.pk}/declare-major/", {"summary": "Down"}, format="json").json()
    return f"/api/v1/major-incidents/{major['id']}/postmortem/"


@pytest.mark.parametrize(("given", "kept"), [
    ("2026-12-01", "2026-12-01"),
    ("2026-12-01T15:30:00Z", "2026-12-01"),
    ("2026-12-01T15:30:00.250+00:00", "2026-12-01"),
    ("2026-12-02T01:00:00+03:00", "2026-12-01"),  # the UTC day
    ("2026-12-01T23:30:00", "2026-12-01"),  # no offset: UTC
])
def test_a_date_or_a_datetime_is_accepted_and_kept_as_its_utc_day(api, make_user, base, given, kept):
    owner = make_user(Role.AGENT)
    response = api.put(base, {"summary": "s", "actions": [{"title": "Patch", "owner": owner.pk, "due_at": given}]},
                       format="json")
    assert response.status_code == 200, response.content
    assert response.json()["actions"] == [{"title": "Patch", "owner": owner.pk, "due_at": kept}]
    assert api.get(base).json()["actions"][0]["due_at"] == kept


@pytest.mark.parametrize("given", ["tomorrow", "2026-02-30", "2026-13-01T10:00:00Z", 20261201, ["2026-12-01"]])
def test_anything_else_is_400_on_the_field(api, base, given):
    response = api.put(base, {"summary": "s", "actions": [{"title": "Patch", "due_at": given}]}, format="json")
    assert response.status_code == 400
    errors = response.json()["actions"]  # per row: {"0": {...}} (DRF) or [{...}]
    assert "due_at" in (errors[0] if isinstance(errors, list) else errors["0"])


def test_the_schema_takes_a_date_or_a_datetime_and_gives_a_date(admin_user):
    client = Client()
    client.force_login(admin_user)
    components = client.get("/api/schema/", {"format": "json"}).json()["components"]["schemas"]
    requests = [c for name, c in components.items() if name.endswith("Request") and "due_at" in c.get("properties", {})
                and "title" in c["properties"] and "owner" in c["properties"]]
    responses = [c for name, c in components.items() if not name.endswith("Request")
                 and "due_at" in c.get("properties", {}) and "owner" in c["properties"] and "title" in c["properties"]]
    assert requests and responses
    for component in requests:
        formats = {s["format"] for s in component["properties"]["due_at"]["anyOf"]}
        assert formats == {"date", "date-time"}
    for component in responses:
        assert component["properties"]["due_at"]["format"] == "date"
