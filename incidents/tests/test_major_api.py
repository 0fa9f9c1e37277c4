"""The major-incident API as integrators use it (paths and shapes from API.md)."""

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from catalog.tests.factories import ServiceFactory, TeamFactory
from core.roles import Role
from incidents import services
from incidents.models import MajorIncident, SpikeAlert, SpikeRule
from incidents.tests.factories import IncidentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def boss(make_user):
    return make_user(Role.MANAGER, username="boss", email="boss@example.test")


@pytest.fixture
def service(boss):
    return ServiceFactory(name="Internet banking", owner_team=TeamFactory(manager=boss))


@pytest.fixture
def incident(service, boss):
    return services.incident_create(title="Login fails", actor=boss, service=service)


def declare(api, user, incident, **body):
    return api.as_user(user).post(f"/api/v1/incidents/{incident.pk}/declare-major/",
                                  {"summary": "Internet banking down", **body}, format="json")


class TestDeclare:
    def test_declare_answers_201_with_the_contract_fields(self, api, boss, incident):
        response = declare(api, boss, incident)
        assert response.status_code == 201, response.content
        body = response.json()
        assert {"incident", "status", "manager", "declared_at", "bridge", "announcement", "team"} <= set(body)
        assert body["incident"] == incident.pk and body["status"] == "declared" and body["manager"] == boss.pk
        assert set(body["bridge"]) >= {"number", "pin"} and len(body["bridge"]["pin"]) == 6
        assert [(m["user"], m["role"]) for m in body["team"]] == [(boss.pk, "incident_manager")]
        assert body["actions"] == ["mobilise", "contain", "resolve"]
        assert api.get(f"/api/v1/incidents/{incident.pk}/").json()["is_major"] is True

    def test_declaring_twice_is_409(self, api, boss, incident):
        declare(api, boss, incident)
        response = declare(api, boss, incident)
        assert response.status_code == 409
        assert response.json()["code"] == "invalid_transition"
        assert MajorIncident.objects.count() == 1

    def test_declaring_from_a_closed_incident_is_409_and_changes_nothing(self, api, boss, incident):
        services.incident_resolve(incident=incident, actor=boss, resolution_code="fixed", resolution="ok")
        services.incident_close(incident=incident, actor=boss)
        response = declare(api, boss, incident)
        assert response.status_code == 409 and response.json()["status"] == "closed"
        assert not MajorIncident.objects.exists()

    def test_missing_summary_is_400(self, api, boss, incident):
        response = api.as_user(boss).post(f"/api/v1/incidents/{incident.pk}/declare-major/", {}, format="json")
        assert response.status_code == 400 and "summary" in response.json()

    def test_agent_without_permission_and_requester_are_refused(self, api, make_user, incident):
        assert declare(api, make_user(Role.AGENT), incident).status_code == 403
        # Someone else's incident does not exist for a requester (404); their own is a 403.
        assert declare(api, make_user(Role.REQUESTER), incident).status_code == 404
        incident.requester = make_user(Role.REQUESTER)
        incident.save()
        assert declare(api, incident.requester, incident).status_code == 403
        assert not MajorIncident.objects.exists()


class TestLifecycleAndParts:
    def test_transitions_review_guard_and_postmortem(self, api, boss, incident, make_user):
        major_id = declare(api, boss, incident).json()["id"]
        base = f"/api/v1/major-incidents/{major_id}"
        assert api.post(f"{base}/mobilise/").json()["status"] == "mobilised"
        assert api.post(f"{base}/resolve/", {}, format="json").status_code == 400
        resolved = api.post(f"{base}/resolve/", {"resolution": "Failed over to the standby"}, format="json")
        assert resolved.json()["status"] == "resolved"
        response = api.post(f"{base}/review/")
        assert response.status_code == 409 and response.json()["code"] == "invalid_transition"
        draft = api.get(f"{base}/postmortem/").json()
        assert draft["complete"] is False and any("declared" in row["text"] for row in draft["timeline"])
        owner = make_user(Role.AGENT)
        bad = api.put(f"{base}/postmortem/", {"summary": "s", "root_cause": "", "complete": True}, format="json")
        assert bad.status_code == 400 and "root_cause" in bad.json()
        good = api.put(f"{base}/postmortem/", {
            "summary": "Primary DB node died", "root_cause": "Disk firmware bug", "complete": True,
            "timeline": draft["timeline"],
            "actions": [{"title": "Patch firmware", "owner": owner.pk, "due_at": "2026-12-01"}]}, format="json")
        assert good.status_code == 200, good.content
        assert good.json()["actions"] == [{"title": "Patch firmware", "owner": owner.pk, "due_at": "2026-12-01"}]
        assert api.post(f"{base}/review/").json()["status"] == "reviewed"
        assert api.post(f"{base}/close/").json()["status"] == "closed"
        assert api.post(f"{base}/mobilise/").status_code == 409

    def test_updates_tasks_team_and_announcement(self, api, boss, incident, make_user):
        major_id = declare(api, boss, incident).json()["id"]
        base = f"/api/v1/major-incidents/{major_id}"
        assert api.post(f"{base}/updates/", {"audiences": [], "what": "x"}, format="json").status_code == 400
        created = api.post(f"{base}/updates/", {
            "audiences": ["users", "public"], "what": "Internet banking", "where": "All customers",
            "event": "unplanned", "eta": (timezone.now() + timedelta(hours=1)).isoformat(),
            "contact": "+15555550123", "body": "Logins fail."}, format="json")
        assert created.status_code == 201 and created.json()["audiences"] == ["users", "public"]
        listed = api.get(f"{base}/updates/").json()
        assert listed["results"][0]["what"] == "Internet banking"

        tech = make_user(Role.AGENT, username="tech")
        assert api.post(f"{base}/team/", {"user": tech.pk, "role": "technical_lead"}, format="json").status_code \
            == 201
        task = api.post(f"{base}/tasks/", {"title": "Fail over DB", "assignee": tech.pk}, format="json")
        assert task.status_code == 201
        task_id = task.json()["id"]
        taken = api.as_user(tech).patch(f"{base}/tasks/{task_id}/", {"status": "in_progress",
                                                                     "expected_status": "open"}, format="json")
        assert taken.status_code == 200 and taken.json()["status"] == "in_progress"
        late = api.as_user(boss).patch(f"{base}/tasks/{task_id}/", {"status": "in_progress",
                                                                    "expected_status": "open"}, format="json")
        assert late.status_code == 409 and late.json()["code"] == "conflict"

        outsider = make_user(Role.AGENT)
        assert api.as_user(outsider).post(f"{base}/tasks/", {"title": "x"}, format="json").status_code == 403
        patched = api.as_user(boss).patch(f"{base}/", {"announcement": "Banking is down; fix by noon."},
                                          format="json")
        assert patched.status_code == 200 and patched.json()["announcement"] == "Banking is down; fix by noon."
        assert api.get(f"{base}/timeline/").json()["count"] >= 5

    def test_requesters_cannot_read_major_incidents(self, api, boss, incident, make_user):
        declare(api, boss, incident)
        assert api.as_user(make_user(Role.REQUESTER)).get("/api/v1/major-incidents/").status_code == 403

    def test_list_query_count_does_not_grow(self, api, boss, django_assert_max_num_queries):
        def make(n):
            for _ in range(n):
                inc = services.incident_create(title="down", actor=boss, service=ServiceFactory())
                major = services.major_incident_declare(incident=inc, actor=boss, summary="down")
                IncidentFactory(service=inc.service, parent=inc)
                services.major_incident_add_task(major=major, actor=boss, title="t")

        make(2)
        client = api.as_user(boss)
        with django_assert_max_num_queries(12) as small:
            assert client.get("/api/v1/major-incidents/").status_code == 200
        make(10)
        with django_assert_max_num_queries(len(small.captured_queries)):
            assert client.get("/api/v1/major-incidents/").json()["count"] == 12


class TestMetrics:
    def test_metrics_for_a_hand_built_history(self, api, boss, service):
        other = ServiceFactory()
        t0 = datetime(2026, 10, 5, 9, 0, tzinfo=UTC)

        def history(service, start, declared_after, resolved_after):
            inc = IncidentFactory(service=service, created_at=start)
            major = services.major_incident_declare(incident=inc, actor=boss, summary="down",
                                                    at=start + declared_after, started_at=start)
            services.major_incident_transition(major=major, actor=boss, action="resolve", resolution="ok",
                                               at=start + resolved_after)

        history(service, t0, timedelta(minutes=10), timedelta(hours=1))
        history(service, t0 + timedelta(days=2), timedelta(minutes=20), timedelta(hours=3))
        history(other, t0 + timedelta(days=1), timedelta(minutes=30), timedelta(hours=2))
        body = api.as_user(boss).get("/api/v1/major-incidents/metrics/?from=2026-10-01&to=2026-11-01").json()
        assert body["count"] == 3
        assert body["mtta_seconds"] == 1200.0  # (10 + 20 + 30) / 3 minutes
        assert body["mttr_seconds"] == 7200.0  # (1 + 3 + 2) / 3 hours
        # Gaps: t0+1h → t0+1d (23 h), t0+1d+2h → t0+2d (22 h).
        assert body["mtbf_seconds"] == 22.5 * 3600
        mine = api.get(f"/api/v1/major-incidents/metrics/?from=2026-10-01&to=2026-11-01&service={service.pk}").json()
        assert (mine["count"], mine["mtta_seconds"], mine["mtbf_seconds"]) == (2, 900.0, (47 * 3600.0))
        assert {row["name"]: row["count"] for row in body["by_service"]} == {service.name: 2, other.name: 1}
        empty = api.get("/api/v1/major-incidents/metrics/?from=2025-01-01&to=2025-02-01").json()
        assert empty["count"] == 0 and empty["mttr_seconds"] is None
        assert api.get("/api/v1/major-incidents/metrics/?from=nonsense").status_code == 400


class TestSpikeApi:
    def test_rules_validate_and_alerts_decide(self, api, boss, service, make_user):
        client = api.as_user(boss)
        zero = client.post("/api/v1/spike-rules/", {"service": service.pk, "window_minutes": 0, "threshold": 5},
                           format="json")
        assert zero.status_code == 400 and "window_minutes" in zero.json()
        none = client.post("/api/v1/spike-rules/", {"service": service.pk, "window_minutes": 15}, format="json")
        assert none.status_code == 400 and "threshold" in none.json()
        assert not SpikeRule.objects.exists()
        rule = client.post("/api/v1/spike-rules/", {"service": service.pk, "window_minutes": 15, "threshold": 3},
                           format="json")
        assert rule.status_code == 201
        assert api.as_user(make_user(Role.AGENT)).post(
            "/api/v1/spike-rules/", {"service": service.pk, "window_minutes": 5, "threshold": 2},
            format="json").status_code == 403
        client = api.as_user(boss)  # one client: back to the manager's token
        for _ in range(3):
            services.incident_create(title="cannot log in", actor=boss, service=service)
        services.detect_spikes()
        alerts = client.get("/api/v1/spike-alerts/?status=open").json()["results"]
        assert [(a["service"], a["count"], a["status"]) for a in alerts] == [(service.pk, 3, "open")]
        declared = client.post(f"/api/v1/spike-alerts/{alerts[0]['id']}/declare/", {}, format="json")
        assert declared.status_code == 200 and declared.json()["status"] == "declared"
        assert declared.json()["major_incident"] == MajorIncident.objects.get().pk
        again = client.post(f"/api/v1/spike-alerts/{alerts[0]['id']}/dismiss/", {}, format="json")
        assert again.status_code == 409
        assert SpikeAlert.objects.get().status == "declared"
