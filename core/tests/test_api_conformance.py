"""The schema and the answers agree (issue 15, items 4 and 9): error responses documented,
blank choices and URLs answered as null, JSON bodies guarded on depth and size."""

import pytest
from django.test import override_settings

from core.api.parsers import nesting_exceeds
from core.roles import Role

pytestmark = pytest.mark.django_db


# --- the JSON parser's guard (item 9) ---------------------------------------------------------
def test_nesting_scan_counts_brackets_outside_strings_only():
    assert nesting_exceeds("[" * 65, 64)
    assert not nesting_exceeds("[" * 64 + "]" * 64, 64)
    assert not nesting_exceeds('{"a": "' + "[" * 500 + '"}', 64)
    assert not nesting_exceeds('["\\"", ' + "[" * 10 + "]" * 10 + "]", 64)
    assert not nesting_exceeds("[]" * 1000, 64)  # many, but side by side


@pytest.mark.parametrize("body", ["[" * 100_000, "{\"a\": " * 100_000, "[" * 65 + "]" * 65])
def test_a_deeply_nested_body_is_a_400_not_a_500(api, agent, body):
    response = api.as_user(agent).generic("POST", "/api/v1/customers/", body, content_type="application/json")
    assert response.status_code == 400, response.content
    assert response.json() == {"detail": response.json()["detail"], "code": "too_deep"}


def test_a_body_nested_within_the_limit_is_parsed(api, agent):
    body = '{"name": "Acme", "tier": "gold", "account_number": "0042", "notes": "' + "[" * 200 + '"}'
    response = api.as_user(agent).generic("POST", "/api/v1/customers/", body, content_type="application/json")
    assert response.status_code == 201, response.content


@override_settings(API_JSON_MAX_BYTES=1000)
def test_a_body_larger_than_the_limit_is_a_400(api, agent):
    body = '{"name": "' + "x" * 2000 + '"}'
    response = api.as_user(agent).generic("POST", "/api/v1/customers/", body, content_type="application/json")
    assert response.status_code == 400, response.content
    assert response.json()["code"] == "too_large"


def test_malformed_json_keeps_its_parse_error(api, agent):
    response = api.as_user(agent).generic("POST", "/api/v1/customers/", "{nope", content_type="application/json")
    assert response.status_code == 400
    assert response.json()["code"] == "parse_error"
    assert response.json()["detail"].startswith("JSON parse error")


def test_form_and_multipart_bodies_are_still_accepted(api, make_user):
    client = api.as_user(make_user(Role.AGENT))
    response = client.post("/api/v1/customers/", {"name": "Form Co", "tier": "gold", "account_number": "7"},
                           format="multipart")
    assert response.status_code == 201, response.content
    response = client.generic("POST", "/api/v1/customers/", "name=Url+Co&tier=standard&account_number=8",
                              content_type="application/x-www-form-urlencoded")
    assert response.status_code == 201, response.content


def test_a_body_in_a_media_type_no_parser_reads_is_a_documented_415(api, make_user):
    client = api.as_user(make_user(Role.MANAGER))
    response = client.generic("POST", "/api/v1/stakeholder-groups/", "name: Board", content_type="text/yaml")
    assert response.status_code == 415, response.content
    assert response.json()["code"] == "unsupported_media_type"


# --- error responses are in the schema (item 4) -----------------------------------------------
def test_every_operation_documents_its_error_responses():
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    missing = []
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            codes = set(operation["responses"])
            expected = {"400", "401", "403", "429"}
            if "{" in path or method == "get":
                expected.add("404")
            if method in {"post", "put", "patch", "delete"}:
                expected.add("409")
            if method in {"post", "put", "patch"}:
                expected.add("415")
            if path == "/api/v1/auth/token/" or not any(operation.get("security") or [{}]):
                expected -= {"401", "403"}  # signing in, or an operation open to anyone (a survey's answer)
            if expected - codes:
                missing.append((method, path, sorted(expected - codes)))
    assert not missing, missing[:10]
    error = schema["components"]["schemas"]["Error"]
    assert sorted(error["required"]) == ["code", "detail"]


# --- nothing known yet answers null, never "" (item 4) ------------------------------------------
def test_an_open_incident_has_no_resolution_code_yet(api, agent):
    response = api.as_user(agent).post("/api/v1/incidents/", {"title": "Printer on fire"}, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["resolution_code"] is None
    listed = api.as_user(agent).get("/api/v1/incidents/").json()["results"]
    assert [row["resolution_code"] for row in listed] == [None]


def test_a_draft_change_has_no_outcome_and_a_computed_category(api, make_user):
    from changes.services import change_create

    user = make_user(Role.AGENT)
    change = change_create(actor=user, title="Patch the router", type="normal")
    body = api.as_user(user).get(f"/api/v1/changes/{change.pk}/").json()
    assert body["outcome"] is None
    assert body["category"] is None or body["category"] in {"minor", "significant", "major"}
    assert "" not in (body["approval_stage"], body["ratification"])


def test_a_running_call_has_no_outcome_and_a_callback_without_voicemail_no_recording(api, agent):
    from django.utils import timezone

    from kpis.tests.factories import CallbackFactory, CallFactory

    now = timezone.now()
    call = CallFactory(status="in-progress", started_at=now)
    CallbackFactory(call=CallFactory(outcome="abandoned", started_at=now), number="+15550001111")
    client = api.as_user(agent)
    assert client.get(f"/api/v1/calls/{call.pk}/").json()["outcome"] is None
    callbacks = client.get("/api/v1/callbacks/").json()["results"]
    assert [row["recording_url"] for row in callbacks] == [None]


def test_a_blank_url_is_still_accepted_and_null_too(api, make_user):
    client = api.as_user(make_user(Role.MANAGER))
    created = client.post("/api/v1/queues/", {"name": "Billing", "hold_music_url": ""}, format="json")
    assert created.status_code == 201, created.content
    assert created.json()["hold_music_url"] is None
    pk = created.json()["id"]
    changed = client.patch(f"/api/v1/queues/{pk}/", {"hold_music_url": "https://example.com/a.mp3"}, format="json")
    assert changed.json()["hold_music_url"] == "https://example.com/a.mp3"
    cleared = client.patch(f"/api/v1/queues/{pk}/", {"hold_music_url": None}, format="json")
    assert cleared.status_code == 200, cleared.content
    assert cleared.json()["hold_music_url"] is None
    from contactcenter.models import Queue

    assert Queue.objects.get(pk=pk).hold_music_url == ""  # stored blank, as before: no migration


def test_a_contact_without_customer_has_no_tier(api, agent):
    response = api.as_user(agent).post("/api/v1/contacts/", {"name": "Walk-in"}, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["tier"] is None


def _schema():
    from drf_spectacular.generators import SchemaGenerator

    return SchemaGenerator().get_schema(request=None, public=True)


def test_the_schema_declares_unknown_values_as_null_and_every_real_value():
    components = _schema()["components"]["schemas"]
    for component, field in [("Incident", "resolution_code"), ("Change", "outcome"), ("Change", "category"),
                             ("Call", "outcome"), ("Callback", "recording_url"), ("Contact", "tier")]:
        assert components[component]["properties"][field].get("nullable") is True, (component, field)
    task_status = components["Task"]["properties"]["status"]["allOf"][0]["$ref"].rsplit("/", 1)[1]
    assert set(components[task_status]["enum"]) == {"pending", "open", "done", "cancelled"}
    assert {"from", "to", "total", "met", "breached", "compliance"} <= set(components["Compliance"]["properties"])


def test_every_blank_choice_or_url_of_an_api_serializer_reads_as_null():
    """The guard for the next field: a model's blank choice/URL column served through a
    ModelSerializer must use core.api.serializers.ModelSerializer (or its fields)."""
    from django.urls import get_resolver
    from rest_framework import serializers

    from core.api.serializers import BlankAsNullMixin, blank_as_null_class

    seen, wrong = set(), []

    def walk(patterns):
        for pattern in patterns:
            if hasattr(pattern, "url_patterns"):
                walk(pattern.url_patterns)
                continue
            view = getattr(pattern.callback, "cls", None)
            serializer_class = getattr(view, "serializer_class", None)
            if serializer_class is None or serializer_class in seen:
                continue
            seen.add(serializer_class)
            if not issubclass(serializer_class, serializers.ModelSerializer):
                continue
            model = serializer_class.Meta.model
            for name, field in serializer_class().fields.items():
                source = field.source if field.source != "*" else name
                try:
                    model_field = model._meta.get_field(source)
                except Exception:  # noqa: BLE001, S112 — not a model column (a method, a relation path)
                    continue
                if blank_as_null_class(model_field) and not isinstance(field, BlankAsNullMixin):
                    wrong.append(f"{serializer_class.__name__}.{name}")

    walk(get_resolver().url_patterns)
    assert seen and not wrong, wrong


def test_a_kpi_error_is_json_even_when_csv_was_asked_for(api, agent, make_user):
    refused = api.as_user(agent).get("/api/v1/kpis/itsm/", {"format": "csv"})
    assert refused.status_code == 403
    assert refused["Content-Type"].startswith("application/json")
    assert refused.json()["code"] == "permission_denied"
    bad = api.as_user(make_user(Role.MANAGER)).get("/api/v1/kpis/contact-center/", {"interval": "5m",
                                                                                   "format": "csv"})
    assert bad.status_code == 400 and "interval" in bad.json()


def test_the_attachments_upload_guards_its_json_body_too(api, agent):
    """``incidents/<id>/attachments/`` names its parsers itself: the JSON one is ours."""
    incident = api.as_user(agent).post("/api/v1/incidents/", {"title": "Scanner jams"}, format="json").json()
    response = api.as_user(agent).generic("POST", f"/api/v1/incidents/{incident['id']}/attachments/",
                                          "[" * 100_000, content_type="application/json")
    assert response.status_code == 400, response.content
    assert response.json()["code"] == "too_deep"


def test_a_withheld_caller_is_null_and_what_twilio_sent_is_kept_apart(api, agent):
    from django.utils import timezone

    from contactcenter.tests.factories import CallFactory

    now = timezone.now()
    withheld = CallFactory(from_number="", from_raw="anonymous", started_at=now,
                           input_flags=[{"field": "Timestamp", "value": "9999-01-01", "problem": "far"}])
    known = CallFactory(from_number="+302101234567", started_at=now)
    client = api.as_user(agent)
    body = client.get(f"/api/v1/calls/{withheld.pk}/").json()
    assert (body["from_number"], body["from_raw"]) == (None, "anonymous")
    assert body["input_flags"] == [{"field": "Timestamp", "value": "9999-01-01", "problem": "far"}]
    body = client.get(f"/api/v1/calls/{known.pk}/").json()
    assert (body["from_number"], body["from_raw"], body["input_flags"]) == ("+302101234567", None, [])
    schema = client.get("/api/schema/?format=json").json()["components"]["schemas"]
    call = schema["Call"]["properties"]
    assert call["from_number"].get("nullable") is True and call["from_raw"].get("nullable") is True
