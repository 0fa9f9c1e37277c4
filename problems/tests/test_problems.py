"""Problem management through the services and the API: the lifecycle and its guards,
opening problems from incidents and major incidents, known errors and their suggestions,
trend analysis, recurrence, and who may see problems."""

import itertools
from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from catalog.tests.factories import ConfigurationItemFactory, ServiceFactory, TeamFactory
from core.errors import InvalidTransitionError
from core.roles import Role
from incidents import services as incidents
from incidents.models import IncidentNote
from incidents.tests.factories import IncidentFactory
from notifications.models import Delivery
from problems import services
from problems.choices import CandidateStatus
from problems.models import KnownError, Problem, ProblemCandidate
from problems.selectors import known_error_suggestions

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(make_user):
    boss = make_user(Role.MANAGER, username="pm", email="pm@example.test")
    tech = make_user(Role.AGENT, username="tech", email="tech@example.test")
    return {"boss": boss, "tech": tech, "rita": make_user(Role.REQUESTER, username="rita")}


@pytest.fixture
def service(people):
    return ServiceFactory(name="Email", owner_team=TeamFactory(manager=people["boss"]))


class TestLifecycle:
    def test_from_incidents_to_closed(self, people, service):
        ci = ConfigurationItemFactory(service=service)
        first = incidents.incident_create(title="Outlook asks for password", actor=people["tech"], service=service,
                                          ci=ci)
        second = incidents.incident_create(title="Mail password prompt", actor=people["tech"], service=service)
        problem = services.problem_create(actor=people["tech"], incidents=[first, second])
        assert problem.number == f"PRB{problem.pk:06d}" and problem.title == "Outlook asks for password"
        assert set(problem.services.all()) == {service} and set(problem.cis.all()) == {ci}
        problem = services.problem_investigate(problem=problem, actor=people["tech"])
        assert problem.status == "investigating" and problem.owner == people["tech"]
        with pytest.raises(ValidationError):  # no root cause, no workaround yet
            services.problem_mark_known_error(problem=problem, actor=people["tech"])
        services.problem_update(problem=problem, actor=people["tech"], five_whys=["token expired", "cache stale"],
                                contributing_factors="No monitoring of the token service")
        problem = services.problem_mark_known_error(problem=problem, actor=people["tech"],
                                                    root_cause="Stale token cache on the mail proxy",
                                                    workaround="Sign out of Outlook and back in")
        known = KnownError.objects.get(problem=problem)
        assert (known.status, known.workaround, known.number) == ("published", "Sign out of Outlook and back in",
                                                                  f"KE{known.pk:06d}")
        services.problem_resolve(problem=problem, actor=people["tech"], resolution="Proxy patched (CHG000012)")
        # The owners of still-open linked incidents hear of it (the manager for unassigned ones).
        told = Delivery.objects.filter(related=f"problems.problem:{problem.pk}", channel="email")
        assert {d.user for d in told} == {people["boss"]}
        problem = services.problem_close(problem=problem, actor=people["tech"])
        assert problem.status == "closed"
        assert KnownError.objects.get(pk=known.pk).status == "retired"
        assert problem.history.count() >= 5

    def test_guards(self, people, service):
        problem = services.problem_create(actor=people["tech"], title="Printer queue stalls")
        with pytest.raises(InvalidTransitionError):
            services.problem_close(problem=problem, actor=people["tech"])
        with pytest.raises(InvalidTransitionError):
            services.problem_resolve(problem=problem, actor=people["tech"], resolution="x")
        with pytest.raises(ValidationError):
            services.problem_resolve(problem=problem, actor=people["tech"], resolution="")
        with pytest.raises(PermissionDenied):
            services.problem_investigate(problem=problem, actor=people["rita"])
        with pytest.raises(PermissionDenied):
            services.problem_create(actor=people["rita"], title="x")
        assert Problem.objects.get(pk=problem.pk).status == "new"

    def test_from_a_major_incident_the_postmortem_links_back(self, people, service):
        master = incidents.incident_create(title="Mail down", actor=people["boss"], service=service)
        major = incidents.major_incident_declare(incident=master, actor=people["boss"], summary="Email down")
        problem = services.problem_create(actor=people["boss"], major_incident=major)
        assert problem.title == "Email down" and list(problem.incidents.all()) == [master]
        assert incidents.postmortem_for(major).problem == problem.pk


class TestKnownErrors:
    APPS = ["Outlook", "VPN client", "Payroll portal", "Teams", "SAP GUI", "Citrix receiver", "Chrome", "Printer",
            "Wi-Fi", "Internet banking", "Card terminal", "Jira", "SharePoint", "OneDrive", "Zoom", "Okta",
            "Laptop dock", "Mobile banking app", "Core banking", "ATM"]
    SYMPTOMS = [
        "asks for the password again and again after a password change",
        "crashes on start with an access violation",
        "is very slow in the morning",
        "shows certificate error NET::ERR_CERT_DATE_INVALID",
        "cannot connect: timeout after 30 seconds",
        "freezes when opening attachments",
        "logs the user out every few minutes",
        "shows a blank white page after login",
        "prints garbled characters",
        "loses its settings after reboot",
    ]

    def build(self, service):
        made = []
        for i, (app, symptom) in enumerate(itertools.product(self.APPS, self.SYMPTOMS)):
            made.append(KnownError(title=f"{app} {symptom}", symptom=f"Users report that {app} {symptom}.",
                                   workaround=f"Workaround #{i}: restart {app}.", status="published",
                                   number=f"KE9{i:05d}", applied_count=i % 7))
        KnownError.objects.bulk_create(made)
        assert KnownError.objects.count() == 200

    def test_the_right_entry_ranks_first_among_200(self, service):
        self.build(service)
        found = known_error_suggestions(text="Outlook keeps asking for my password since I changed it")
        assert found[0].title == "Outlook asks for the password again and again after a password change"
        found = known_error_suggestions(text="SAP GUI crash at startup (access violation)")
        assert found[0].title == "SAP GUI crashes on start with an access violation"
        found = known_error_suggestions(text="zoom: certificate error when joining")
        assert found[0].title == "Zoom shows certificate error NET::ERR_CERT_DATE_INVALID"
        assert known_error_suggestions(text="the") == []

    def test_a_match_on_the_incidents_ci_comes_first(self, service):
        self.build(service)
        ci = ConfigurationItemFactory(service=service)
        twin = KnownError.objects.create(title="VPN client cannot connect: timeout after 30 seconds (branch)",
                                         symptom="Users report that the VPN client cannot connect.",
                                         workaround="Use the backup gateway.", status="published", number="KE8")
        twin.cis.add(ci)
        found = known_error_suggestions(text="VPN client cannot connect timeout", ci_id=ci.pk)
        assert found[0] == twin
        drafts = KnownError.objects.create(title="VPN client timeout draft", symptom="VPN timeout",
                                           workaround="x", status="draft", number="KE7")
        assert drafts not in known_error_suggestions(text="VPN client cannot connect timeout", ci_id=ci.pk)

    def test_applying_a_workaround_is_recorded_once(self, people, service):
        known = services.known_error_save(actor=people["tech"], title="Mail quota", symptom="Mailbox full",
                                          workaround="Archive old mail", status="published")
        incident = incidents.incident_create(title="Mailbox full", actor=people["tech"], service=service)
        services.known_error_apply(known_error=known, incident=incident, actor=people["tech"])
        services.known_error_apply(known_error=known, incident=incident, actor=people["tech"])
        assert KnownError.objects.get(pk=known.pk).applied_count == 1
        note = IncidentNote.objects.get(incident=incident)
        assert "Archive old mail" in note.body and note.visibility == "internal"

    def test_known_error_needs_a_workaround(self, people):
        with pytest.raises(ValidationError) as exc:
            services.known_error_save(actor=people["tech"], title="x", symptom="y", workaround="")
        assert "workaround" in exc.value.message_dict
        assert not KnownError.objects.exists()


NOW = datetime(2026, 11, 16, 12, 0, tzinfo=UTC)


class TestTrendsAndRecurrence:
    def test_one_candidate_per_cluster_and_none_for_scattered(self, people, service, settings):
        settings.PROBLEM_TREND_MIN_INCIDENTS, settings.PROBLEM_TREND_DAYS = 4, 7
        ci = ConfigurationItemFactory(service=service)
        for day in range(5):
            IncidentFactory(service=service, ci=ci, created_at=NOW - timedelta(days=day, hours=1))
        for _ in range(6):  # scattered: each on its own service
            IncidentFactory(service=ServiceFactory(), created_at=NOW - timedelta(days=1))
        IncidentFactory.create_batch(4, service=service, ci=ci, created_at=NOW - timedelta(days=30))  # too old
        made = services.trend_sweep(now=NOW)
        assert [(c.service, c.ci, c.incident_count) for c in made] == [(service, ci, 5)]
        IncidentFactory(service=service, ci=ci, created_at=NOW - timedelta(minutes=5))
        assert services.trend_sweep(now=NOW) == []  # same cluster: refreshed, not proposed again
        candidate = ProblemCandidate.objects.get()
        assert candidate.incident_count == 6 and candidate.incidents.count() == 6
        assert Delivery.objects.filter(related=f"problems.problemcandidate:{candidate.pk}", channel="email",
                                       user=people["boss"]).count() == 1

    def test_accepting_links_the_incidents_and_they_leave_the_trend(self, people, service, settings):
        settings.PROBLEM_TREND_MIN_INCIDENTS = 3
        IncidentFactory.create_batch(3, service=service, created_at=NOW - timedelta(hours=2))
        [candidate] = services.trend_sweep(now=NOW)
        problem = services.candidate_accept(candidate=candidate, actor=people["tech"])
        assert problem.incidents.count() == 3
        assert ProblemCandidate.objects.get().status == CandidateStatus.ACCEPTED
        assert services.trend_sweep(now=NOW) == []

    def test_dismissed_cluster_returns_only_with_newer_incidents(self, people, service, settings):
        settings.PROBLEM_TREND_MIN_INCIDENTS = 3
        IncidentFactory.create_batch(3, service=service, created_at=NOW - timedelta(hours=2))
        [candidate] = services.trend_sweep(now=NOW)
        services.candidate_dismiss(candidate=candidate, actor=people["tech"], at=NOW)
        assert services.trend_sweep(now=NOW + timedelta(hours=1)) == []
        IncidentFactory(service=service, created_at=NOW + timedelta(hours=2))
        assert len(services.trend_sweep(now=NOW + timedelta(hours=3))) == 1

    def test_recurrence_after_resolution_flags_the_problem(self, people, service, celery_eager,
                                                           django_capture_on_commit_callbacks):
        ci = ConfigurationItemFactory(service=service)
        old = incidents.incident_create(title="Mail relay drops mail", actor=people["tech"], service=service, ci=ci)
        problem = services.problem_create(actor=people["tech"], incidents=[old], owner=people["tech"])
        services.problem_investigate(problem=problem, actor=people["tech"])
        services.problem_update(problem=problem, actor=people["tech"], root_cause="Relay queue limit")
        services.problem_resolve(problem=problem, actor=people["tech"], resolution="Limit raised",
                                 at=timezone.now() - timedelta(days=2))
        elsewhere = ConfigurationItemFactory(service=ServiceFactory())
        with django_capture_on_commit_callbacks(execute=True):
            incidents.incident_create(title="Unrelated", actor=people["tech"], service=elsewhere.service,
                                      ci=elsewhere)
        assert not Problem.objects.get(pk=problem.pk).needs_review
        with django_capture_on_commit_callbacks(execute=True):
            again = incidents.incident_create(title="Mail relay drops mail again", actor=people["tech"],
                                              service=service, ci=ci)
        flagged = Problem.objects.get(pk=problem.pk)
        assert flagged.needs_review and again.number in flagged.review_reason
        assert Delivery.objects.filter(related=f"problems.problem:{problem.pk}", user=people["tech"],
                                       subject__contains="may not have held").exists()


class TestApi:
    def test_requesters_never_see_problems(self, api, people, service):
        services.problem_create(actor=people["tech"], title="Secret root cause")
        client = api.as_user(people["rita"])
        for path in ("/api/v1/problems/", "/api/v1/known-errors/", "/api/v1/problem-candidates/"):
            assert client.get(path).status_code == 403, path

    def test_create_act_and_guard(self, api, people, service):
        client = api.as_user(people["tech"])
        incident = incidents.incident_create(title="VPN drops", actor=people["tech"], service=service)
        created = client.post("/api/v1/problems/", {"incidents": [incident.pk], "impact": 1, "urgency": 2},
                              format="json")
        assert created.status_code == 201, created.content
        body = created.json()
        assert {"title", "description", "status", "incidents", "root_cause", "workaround", "known_error"} <= set(body)
        assert body["title"] == "VPN drops" and body["incidents"] == [incident.pk] and body["priority"] == 2
        pk = body["id"]
        assert client.post(f"/api/v1/problems/{pk}/resolve/", {"resolution": "x"}, format="json").status_code == 409
        assert client.post(f"/api/v1/problems/{pk}/investigate/").json()["status"] == "investigating"
        missing = client.post(f"/api/v1/problems/{pk}/mark-known-error/", {}, format="json")
        assert missing.status_code == 400 and "root_cause" in missing.json()
        marked = client.post(f"/api/v1/problems/{pk}/mark-known-error/",
                             {"root_cause": "MTU too big", "workaround": "Set MTU to 1400"}, format="json")
        assert marked.status_code == 200 and marked.json()["status"] == "known_error"
        known_id = marked.json()["known_error"]
        suggested = client.get(f"/api/v1/known-errors/suggest/?text=vpn+keeps+dropping&service={service.pk}")
        assert [k["id"] for k in suggested.json()["results"]] == [known_id]
        other = incidents.incident_create(title="VPN drops again", actor=people["tech"], service=service)
        applied = client.post(f"/api/v1/known-errors/{known_id}/apply/", {"incident": other.pk}, format="json")
        assert applied.status_code == 201
        assert client.get(f"/api/v1/known-errors/{known_id}/").json()["applied_count"] == 1
        searched = client.get("/api/v1/known-errors/?search=mtu")
        assert [k["id"] for k in searched.json()["results"]] == [known_id]
        assert sorted(client.get(f"/api/v1/problems/{pk}/").json()["incidents"]) == [incident.pk, other.pk]
        assert client.post("/api/v1/problems/", {}, format="json").status_code == 400
