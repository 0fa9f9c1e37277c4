"""The API: the token (once, never again, rotated), who may do what, and the events
endpoint's refusals: 401, 403, 400 and 413 as documented, never a 500, never a partial write."""

import hashlib
import json

import pytest

from catalog.tests.factories import ServiceFactory
from core.roles import Role
from incidents.models import Incident
from monitoring.models import Alert, AlertSource
from monitoring.payloads import fingerprint

from .conftest import am_alert, am_body
from .factories import TOKEN, AlertFactory, AlertSourceFactory

pytestmark = pytest.mark.django_db

SOURCES = "/api/v1/alert-sources/"


def events(source) -> str:
    return f"{SOURCES}{source.pk}/events/"


# --- the token ---------------------------------------------------------------------------------
def test_the_token_is_shown_once_and_only_its_hash_is_kept(api, admin_user, post):
    service = ServiceFactory()
    client = api.as_user(admin_user)
    made = client.post(SOURCES, {"name": "Prometheus EU", "kind": "alertmanager", "default_service": service.pk,
                                 "rules": [{"match": {"job": "db"}, "impact": 1}]}, format="json")
    assert made.status_code == 201, made.content
    token = made.json()["token"]
    assert len(token) >= 40 and made.json()["token_prefix"] == token[:6]
    assert made.json()["rules"] == [{"match": {"job": "db"}, "service": None, "ci": None, "impact": 1,
                                     "urgency": None}]
    source = AlertSource.objects.get(pk=made.json()["id"])
    assert source.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in json.dumps(list(AlertSource.objects.values()), default=str)
    assert token not in json.dumps(list(source.history.values()), default=str)
    # Never again: not in the detail, the list, an update or the history.
    assert client.get(f"{SOURCES}{source.pk}/").json()["token"] is None
    assert all(row["token"] is None for row in client.get(SOURCES).json()["results"])
    assert client.patch(f"{SOURCES}{source.pk}/", {"auto_resolve": False}, format="json").json()["token"] is None
    assert token not in client.get(f"{SOURCES}{source.pk}/history/").content.decode()
    # …and it works.
    assert post(source, am_body(am_alert()), token=token).status_code == 202


def test_rotating_the_token_shows_the_new_one_once_and_the_old_stops_working(api, admin_user, post):
    source = AlertSourceFactory(default_service=ServiceFactory())
    assert post(source, am_body(am_alert())).status_code == 202
    rotated = api.as_user(admin_user).post(f"{SOURCES}{source.pk}/rotate-token/")
    assert rotated.status_code == 200
    new = rotated.json()["token"]
    assert new and new != TOKEN
    assert post(source, am_body(am_alert()), token=TOKEN).status_code == 401
    assert post(source, am_body(am_alert()), token=new).status_code == 202
    assert api.as_user(admin_user).get(f"{SOURCES}{source.pk}/").json()["token"] is None
    assert source.history.first().history_change_reason == "token rotated"


@pytest.mark.parametrize("role", [Role.REQUESTER, Role.AGENT, Role.MANAGER, Role.CHANGE_MANAGER, Role.CAB_MEMBER])
def test_only_admins_see_or_touch_sources(api, make_user, role):
    source = AlertSourceFactory()
    client = api.as_user(make_user(role))
    assert client.get(SOURCES).status_code == 403
    assert client.get(f"{SOURCES}{source.pk}/").status_code == 403
    assert client.post(SOURCES, {"name": "x", "kind": "generic"}, format="json").status_code == 403
    assert client.post(f"{SOURCES}{source.pk}/rotate-token/").status_code == 403
    assert AlertSource.objects.get().token_hash == source.token_hash


def test_a_rule_with_a_ci_of_another_service_is_refused(api, admin_user):
    from catalog.tests.factories import ConfigurationItemFactory

    ci = ConfigurationItemFactory()
    response = api.as_user(admin_user).post(SOURCES, {
        "name": "Grafana", "kind": "grafana", "rules": [{"match": {"a": "b"}, "service": ServiceFactory().pk,
                                                        "ci": ci.pk}]}, format="json")
    assert response.status_code == 400 and "rules" in response.json()
    assert not AlertSource.objects.exists()


# --- the alert log -------------------------------------------------------------------------------
def test_the_alert_log_is_for_staff_with_its_filters(api, make_user):
    firing = AlertFactory()
    resolved = AlertFactory(status="resolved")
    agent = api.as_user(make_user(Role.AGENT))
    assert {row["id"] for row in agent.get("/api/v1/alerts/").json()["results"]} == {firing.pk, resolved.pk}
    assert [row["id"] for row in agent.get("/api/v1/alerts/", {"status": "resolved"}).json()["results"]] == [
        resolved.pk]
    assert [row["id"] for row in agent.get("/api/v1/alerts/", {"source": firing.source_id}).json()["results"]] == [
        firing.pk]
    assert agent.get("/api/v1/alerts/", {"incident": 999999}).status_code == 400
    assert agent.post("/api/v1/alerts/", {}, format="json").status_code in (403, 405)  # read-only
    assert api.as_user(make_user(Role.REQUESTER)).get("/api/v1/alerts/").status_code == 403


# --- the events endpoint: who ----------------------------------------------------------------------
@pytest.mark.parametrize("header", [None, "", "Bearer", "Bearer wrong-token", f"Token {TOKEN}", "Bearer a b",
                                    f"bearer {TOKEN}x", "Basic dXNlcjpwYXNz"])
def test_without_the_sources_token_401_and_nothing_stored(api, source, header):
    api.credentials()
    headers = {"HTTP_AUTHORIZATION": header} if header is not None else {}
    response = api.post(events(source), am_body(am_alert()), format="json", **headers)
    assert response.status_code == 401, response.content
    assert response.json()["code"] in ("not_authenticated", "authentication_failed")
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert not Alert.objects.exists()


def test_another_sources_token_or_an_unknown_source_is_401(api, post):
    mine = AlertSourceFactory()
    other = AlertSourceFactory(token_hash=hashlib.sha256(b"other-token").hexdigest())
    assert post(other, am_body(am_alert())).status_code == 401
    assert post(mine, am_body(am_alert()), token="other-token").status_code == 401
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
    for pk in (999999, "abc"):
        assert api.post(f"{SOURCES}{pk}/events/", am_body(am_alert()), format="json").status_code in (401, 404)
    assert not Alert.objects.exists()


def test_a_user_session_or_token_is_not_a_sources_token(api, admin_user, source):
    response = api.as_user(admin_user).post(events(source), am_body(am_alert()), format="json")
    assert response.status_code == 401 and not Alert.objects.exists()


def test_a_switched_off_source_is_403(source, post):
    source.active = False
    source.save()
    response = post(source, am_body(am_alert()))
    assert response.status_code == 403 and "switched off" in response.json()["detail"]
    assert not Alert.objects.exists()


# --- the events endpoint: what ------------------------------------------------------------------------
def _raw(api, source, data: bytes, content_type="application/json", **extra):
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
    return api.generic("POST", events(source), data, content_type=content_type, **extra)


@pytest.mark.parametrize("data", [b"", b"   ", b"not json", b"{\"alerts\": [", b"\xff\xfe", b"[1, 2]", b"null",
                                  b"\"alerts\"", b"{\"alerts\": NaN}", b"[" * 5000 + b"]" * 5000,
                                  b"{\"alerts\": {\"a\": 1}}", b"{\"alerts\": [\"x\"]}"])
def test_bodies_that_are_not_the_shape_are_400_and_store_nothing(api, source, data):
    response = _raw(api, source, data)
    assert response.status_code == 400, response.content
    assert response.json()
    assert not Alert.objects.exists()


def test_any_content_type_is_read_as_json(api, source):
    source.default_service = ServiceFactory()
    source.save()
    body = json.dumps(am_body(am_alert())).encode()
    assert _raw(api, source, body, content_type="text/plain").status_code == 202
    assert _raw(api, source, body, content_type="").status_code == 202


def test_a_huge_label_set_is_400_with_where(source, post):
    alert = am_alert()
    alert["labels"].update({f"label_{i}": "v" for i in range(500)})
    response = post(source, am_body(alert))
    assert response.status_code == 400 and "alerts[0].labels" in response.json()
    assert not Alert.objects.exists()


def test_nul_characters_are_400_not_a_database_error(source, post):
    alert = am_alert()
    alert["annotations"]["summary"] = "bad\u0000byte"
    assert post(source, am_body(alert)).status_code == 400
    assert not Alert.objects.exists()


def test_5000_alerts_in_one_post_are_413_and_store_nothing(source, post):
    response = post(source, am_body(*[am_alert(instance=f"web{i}") for i in range(5000)]))
    assert response.status_code == 413
    assert response.json()["code"] == "too_large" and "5000" in response.json()["detail"]
    assert not Alert.objects.exists()


def test_a_body_over_the_byte_limit_is_413_before_it_is_read(api, source, settings):
    settings.MONITORING_MAX_BODY_BYTES = 1000
    response = _raw(api, source, json.dumps(am_body(*[am_alert(instance=f"web{i}") for i in range(20)])).encode())
    assert response.status_code == 413 and not Alert.objects.exists()


def test_the_limit_itself_is_accepted(source, post, settings):
    settings.MONITORING_MAX_ALERTS = 50
    source.default_service = ServiceFactory()
    source.save()
    response = post(source, am_body(*[am_alert(instance=f"web{i}") for i in range(50)]))
    assert response.status_code == 202 and response.json()["accepted"] == 50
    assert Alert.objects.count() == 50


def test_a_failure_half_way_leaves_nothing(source, post):
    """A database refusal on the second alert (its CI's service no longer matches the rule's
    service: incident_create refuses) rolls back the first alert and its incident too."""
    from catalog.tests.factories import ConfigurationItemFactory
    from monitoring.models import AlertRule

    service = ServiceFactory()
    ci = ConfigurationItemFactory()
    AlertRule.objects.create(source=source, order=0, match={"job": "bad"}, service=service, ci=ci)  # no clean()
    source.default_service = service
    source.save()
    good, bad = am_alert(job="good"), am_alert(job="bad")
    # Alerts are taken in fingerprint order: the good one is stored and opens its incident first.
    assert fingerprint(good["labels"]) < fingerprint(bad["labels"])
    response = post(source, am_body(bad, good))
    assert response.status_code == 400
    assert not Alert.objects.exists() and not Incident.objects.exists()


@pytest.mark.parametrize("raw", [b'{"alerts": [{"title": "\\ud800 lone surrogate"}]}',
                                 b'{"alerts": [{"labels": {"\\udfff": "x"}}]}',
                                 b'{"alerts": [{"labels": {"a": "x"}, "annotations": {"b": "\\ud83d"}}]}'])
def test_lone_surrogates_are_400_not_an_encoding_error(api, raw):
    source = AlertSourceFactory(kind="generic", default_service=ServiceFactory())
    response = _raw(api, source, raw)
    assert response.status_code == 400, response.content
    assert not Alert.objects.exists()
