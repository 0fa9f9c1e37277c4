"""Change management through the services and the API: classification, the RFC template,
each approval route, quorum and veto, scheduling with blackouts and conflicts across the CI
graph, implementation, review, links and trends."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from catalog.models import CIRelation
from catalog.tests.factories import ConfigurationItemFactory, ServiceFactory
from changes import services
from changes.choices import ApprovalStage
from changes.models import BlackoutWindow, CABBoard, CategoryMatrix, Change, ChangeModel
from core.errors import InvalidTransitionError
from core.roles import Role
from incidents import services as incidents

pytestmark = pytest.mark.django_db

SOON = timezone.now() + timedelta(days=3)


@pytest.fixture
def org(make_user):
    people = {
        "cm": make_user(Role.CHANGE_MANAGER, username="cm"),
        "dev": make_user(Role.AGENT, username="dev"),
        "boss": make_user(Role.MANAGER, username="boss"),
        "cab": [make_user(Role.CAB_MEMBER, username=f"cab{i}") for i in range(4)],
    }
    cab = CABBoard.objects.create(name="CAB", kind="cab", quorum=3, rule="majority")
    cab.members.set(people["cab"])
    ecab = CABBoard.objects.create(name="ECAB", kind="ecab", quorum=2, rule="majority")
    ecab.members.set(people["cab"][:2])
    people["board"], people["ecab"] = cab, ecab
    people["service"] = ServiceFactory(name="Core banking")
    return people


def rfc(org, *, risk=2, impact=2, type="normal", **extra):
    fields = {"title": "Upgrade the database", "description": "Minor version upgrade",
              "implementation_plan": "1. drain 2. upgrade 3. undrain", "backout_plan": "Restore the snapshot",
              "test_plan": "Smoke tests", "planned_start": SOON, "planned_end": SOON + timedelta(hours=2),
              "risk": risk, "impact": impact, "type": type}
    fields.update(extra)
    services_ = fields.pop("services", [org["service"]])
    return services.change_create(actor=org["dev"], services=services_, **fields)


def to_board(org, change):
    services.change_submit(change=change, actor=org["dev"])
    services.change_assess(change=change, actor=org["cm"])
    return services.change_send_to_cab(change=change, actor=org["cm"])


class TestClassification:
    @pytest.mark.parametrize(("answers", "risk"), [
        ({}, 1), ({"business_hours": True}, 1), ({"untested": True}, 2), ({"untested": True, "many_cis": True}, 2),
        ({"untested": True, "no_backout": True}, 3), ({"untested": True, "no_backout": True, "first_time": True}, 4),
        ({"untested": True, "no_backout": True, "first_time": True, "customer_facing": True}, 5),
    ])
    def test_risk_from_the_questionnaire(self, answers, risk):
        assert services.risk_from_answers(answers) == risk

    def test_unknown_question_is_refused(self):
        with pytest.raises(ValidationError):
            services.risk_from_answers({"vibes": True})

    @pytest.mark.parametrize(("risk", "impact", "category"), [
        (1, 3, "minor"), (3, 3, "minor"), (4, 3, "significant"), (2, 2, "minor"), (3, 2, "significant"),
        (5, 2, "major"), (1, 1, "significant"), (3, 1, "major"),
    ])
    def test_category_matrix(self, risk, impact, category):
        assert services.category_for(risk, impact) == category

    def test_admins_change_the_matrix(self):
        CategoryMatrix.objects.filter(risk=1, impact=3).update(category="significant")
        assert services.category_for(1, 3) == "significant"

    def test_category_follows_the_answers(self, org):
        change = rfc(org, risk=None, impact=1, risk_answers={"untested": True, "no_backout": True})
        assert (change.risk, change.category) == (3, "major")


class TestTemplateAndRoutes:
    def test_incomplete_rfc_is_refused_with_what_is_missing(self, org, api):
        change = services.change_create(actor=org["dev"], title="Patch", type="normal")
        response = api.as_user(org["dev"]).post(f"/api/v1/changes/{change.pk}/submit/")
        assert response.status_code == 400
        assert {"backout_plan", "implementation_plan", "test_plan", "planned_start", "services", "risk"} <= \
            set(response.json())
        assert Change.objects.get(pk=change.pk).status == "draft"

    def test_minor_change_is_authorised_by_the_change_manager(self, org):
        change = rfc(org, risk=1, impact=3)
        services.change_submit(change=change, actor=org["dev"])
        change = services.change_assess(change=change, actor=org["cm"])
        assert (change.category, change.approval_stage) == ("minor", ApprovalStage.CHANGE_MANAGER)
        with pytest.raises(PermissionDenied):
            services.change_authorize(change=change, actor=org["cab"][0])
        with pytest.raises(InvalidTransitionError):
            services.change_send_to_cab(change=change, actor=org["cm"])
        assert services.change_authorize(change=change, actor=org["cm"]).status == "authorized"

    def test_significant_change_is_decided_by_cab_majority_at_quorum(self, org):
        change = to_board(org, rfc(org, risk=3, impact=2))
        assert change.status == "cab_review" and change.approval_stage == ApprovalStage.CAB
        services.change_vote(change=change, actor=org["cab"][0], decision="approve")
        services.change_vote(change=change, actor=org["cab"][1], decision="abstain")
        services.change_vote(change=change, actor=org["cab"][2], decision="reject")
        assert Change.objects.get(pk=change.pk).status == "cab_review"  # 2 votes count towards quorum 3
        services.change_vote(change=change, actor=org["cab"][2], decision="approve")  # replaces the reject
        assert Change.objects.get(pk=change.pk).status == "cab_review"
        services.change_vote(change=change, actor=org["cab"][3], decision="approve")
        change = Change.objects.get(pk=change.pk)
        assert change.status == "authorized" and change.votes.count() == 4
        with pytest.raises(InvalidTransitionError):  # decided: no more votes
            services.change_vote(change=change, actor=org["cab"][1], decision="reject")

    def test_majority_tie_rejects(self, org):
        org["board"].quorum = 2
        org["board"].save()
        change = to_board(org, rfc(org, risk=3, impact=2))
        services.change_vote(change=change, actor=org["cab"][0], decision="approve")
        services.change_vote(change=change, actor=org["cab"][1], decision="reject")
        assert Change.objects.get(pk=change.pk).status == "rejected"

    def test_unanimous_and_veto(self, org):
        org["board"].rule, org["board"].veto = "unanimous", True
        org["board"].save()
        change = to_board(org, rfc(org, risk=3, impact=2))
        services.change_vote(change=change, actor=org["cab"][0], decision="approve")
        with pytest.raises(ValidationError):
            services.change_vote(change=change, actor=org["cab"][1], decision="reject")  # a veto needs a reason
        services.change_vote(change=change, actor=org["cab"][1], decision="reject", comment="No rollback tested")
        change = Change.objects.get(pk=change.pk)
        assert change.status == "rejected" and "vote" in change.rejection_reason

    def test_major_change_needs_it_management_after_the_cab(self, org):
        change = to_board(org, rfc(org, risk=5, impact=2))
        for member in org["cab"][:3]:
            services.change_vote(change=change, actor=member, decision="approve")
        change = Change.objects.get(pk=change.pk)
        assert (change.status, change.approval_stage) == ("cab_review", ApprovalStage.MANAGEMENT)
        with pytest.raises(PermissionDenied):
            services.change_authorize(change=change, actor=org["cm"])
        assert services.change_authorize(change=change, actor=org["boss"]).status == "authorized"

    def test_emergency_goes_to_the_ecab_and_may_implement_first(self, org):
        change = rfc(org, type="emergency", planned_start=None, planned_end=None, test_plan="")
        change = services.change_submit(change=change, actor=org["dev"])
        assert (change.status, change.approval_stage) == ("cab_review", ApprovalStage.ECAB)
        with pytest.raises(PermissionDenied):  # on the CAB but not the ECAB
            services.change_vote(change=change, actor=org["cab"][3], decision="approve")
        with pytest.raises(InvalidTransitionError):
            services.change_implement(change=change, actor=org["dev"])
        org["ecab"].implement_before_ratification = True
        org["ecab"].save()
        change = services.change_implement(change=change, actor=org["dev"])
        assert (change.status, change.ratification) == ("implementing", "pending")
        services.change_vote(change=change, actor=org["cab"][0], decision="approve")
        services.change_vote(change=change, actor=org["cab"][1], decision="approve")
        assert Change.objects.get(pk=change.pk).ratification == "ratified"

    def test_standard_change_from_a_model_is_preauthorised_within_its_windows(self, org):
        model = ChangeModel.objects.create(name="Restart a web node", tasks=["Drain", "Restart", "Undrain"],
                                           allowed_windows=[{"weekdays": [5, 6], "start": "22:00", "end": "04:00"}],
                                           timezone="UTC")
        change = services.change_create(actor=org["dev"], model=model)
        assert change.type == "standard" and list(change.tasks.values_list("title", flat=True)) == [
            "Drain", "Restart", "Undrain"]
        change = services.change_submit(change=change, actor=org["dev"])
        assert change.status == "authorized"
        monday = datetime(2026, 12, 7, 23, 0, tzinfo=UTC)
        with pytest.raises(InvalidTransitionError, match="windows"):
            services.change_schedule(change=change, actor=org["dev"], planned_start=monday,
                                     planned_end=monday + timedelta(hours=1))
        saturday_night = datetime(2026, 12, 12, 23, 30, tzinfo=UTC)
        change, _conflicts = services.change_schedule(change=change, actor=org["dev"], planned_start=saturday_night,
                                                      planned_end=saturday_night + timedelta(hours=3))
        assert change.status == "scheduled"


class TestScheduleAndImplement:
    def authorised(self, org, **extra):
        change = rfc(org, risk=1, impact=3, **extra)
        services.change_submit(change=change, actor=org["dev"])
        services.change_assess(change=change, actor=org["cm"])
        return services.change_authorize(change=change, actor=org["cm"])

    def test_blackout_refuses_except_emergency(self, org):
        freeze = BlackoutWindow.objects.create(name="Year-end freeze", start=SOON - timedelta(days=1),
                                               end=SOON + timedelta(days=5))
        change = self.authorised(org)
        with pytest.raises(InvalidTransitionError, match="Year-end freeze"):
            services.change_schedule(change=change, actor=org["dev"])
        assert Change.objects.get(pk=change.pk).status == "authorized"
        freeze.services.add(ServiceFactory())  # a freeze on another service only
        change, _c = services.change_schedule(change=change, actor=org["dev"])
        assert change.status == "scheduled"
        emergency = rfc(org, type="emergency")
        emergency = services.change_submit(change=emergency, actor=org["dev"])
        for member in org["cab"][:2]:
            services.change_vote(change=emergency, actor=member, decision="approve")
        freeze.services.clear()  # a global freeze
        emergency, _c = services.change_schedule(change=emergency, actor=org["dev"])
        assert emergency.status == "scheduled"

    def test_conflicts_across_the_ci_graph(self, org):
        db = ConfigurationItemFactory(name="db-01")
        app = ConfigurationItemFactory(name="app-01")
        far = ConfigurationItemFactory(name="printer-7")
        CIRelation.objects.create(source=app, target=db, kind="runs_on")
        first = self.authorised(org, cis=[db], services=[])
        services.change_schedule(change=first, actor=org["dev"])
        second = self.authorised(org, cis=[app], services=[])
        _change, conflicts = services.change_schedule(change=second, actor=org["dev"])
        assert [(c["change"], c["reasons"]) for c in conflicts] == [(first.pk, ["connected_ci"])]
        third = self.authorised(org, cis=[far], services=[])
        assert services.change_schedule(change=third, actor=org["dev"])[1] == []
        later = self.authorised(org, cis=[db], services=[], planned_start=SOON + timedelta(days=1),
                                planned_end=SOON + timedelta(days=1, hours=1))
        assert services.change_schedule(change=later, actor=org["dev"])[1] == []  # no overlap in time

    def test_schedule_api_lists_conflicts_and_blackouts(self, org, api):
        a, b = self.authorised(org), self.authorised(org)
        services.change_schedule(change=a, actor=org["dev"])
        services.change_schedule(change=b, actor=org["dev"])
        BlackoutWindow.objects.create(name="Launch", start=SOON + timedelta(days=2), end=SOON + timedelta(days=3))
        body = api.as_user(org["dev"]).get("/api/v1/change-schedule/").json()
        rows = {row["id"]: row for row in body["changes"]}
        assert rows[a.pk]["conflicts"] == [b.pk] and rows[b.pk]["conflicts"] == [a.pk]
        assert [w["name"] for w in body["blackouts"]] == ["Launch"]

    def test_implement_waits_for_planned_start_and_failed_changes_need_review(self, org):
        change = self.authorised(org)
        services.change_schedule(change=change, actor=org["dev"])
        with pytest.raises(InvalidTransitionError, match="planned start"):
            services.change_implement(change=change, actor=org["dev"])
        Change.objects.filter(pk=change.pk).update(planned_start=timezone.now() - timedelta(minutes=1))
        services.change_implement(change=change, actor=org["dev"])
        change = services.change_complete(change=change, actor=org["dev"], outcome="backed_out")
        assert change.status == "failed"
        with pytest.raises(InvalidTransitionError):
            services.change_close(change=change, actor=org["dev"])
        services.change_review(change=change, actor=org["cm"], notes="The migration script was not idempotent.")
        assert services.change_close(change=change, actor=org["cm"]).status == "closed"

    def test_significant_change_needs_review_but_minor_does_not(self, org):
        minor = self.authorised(org)
        Change.objects.filter(pk=minor.pk).update(planned_start=timezone.now() - timedelta(minutes=5))
        services.change_schedule(change=minor, actor=org["dev"])
        services.change_implement(change=minor, actor=org["dev"])
        services.change_complete(change=minor, actor=org["dev"], outcome="successful")
        assert services.change_close(change=minor, actor=org["dev"]).status == "closed"
        significant = to_board(org, rfc(org, risk=3, impact=2, planned_start=timezone.now() - timedelta(minutes=5)))
        for member in org["cab"][:3]:
            services.change_vote(change=significant, actor=member, decision="approve")
        services.change_schedule(change=significant, actor=org["dev"])
        services.change_implement(change=significant, actor=org["dev"])
        services.change_complete(change=significant, actor=org["dev"], outcome="successful")
        with pytest.raises(InvalidTransitionError, match="review"):
            services.change_close(change=significant, actor=org["dev"])


class TestLinksAndTrends:
    def test_from_a_major_incident_and_a_problem(self, org):
        from problems import services as problems

        master = incidents.incident_create(title="Core down", actor=org["boss"], service=org["service"])
        major = incidents.major_incident_declare(incident=master, actor=org["boss"], summary="Core banking down")
        change = services.change_from_major_incident(major=major, actor=org["dev"])
        assert change.type == "emergency" and list(change.incidents.all()) == [master]
        assert incidents.postmortem_for(major).change == change.pk
        problem = problems.problem_create(actor=org["dev"], title="Disk fills up", services=[org["service"]])
        fix = services.change_from_problem(problem=problem, actor=org["dev"])
        assert list(fix.problems.all()) == [problem] and list(fix.services.all()) == [org["service"]]

    def test_metrics(self, org, api):
        start = timezone.now() - timedelta(days=1)
        ok, bad, emergency = rfc(org), rfc(org), rfc(org, type="emergency")
        Change.objects.filter(pk__in=[ok.pk, bad.pk, emergency.pk]).update(submitted_at=timezone.now())
        Change.objects.filter(pk=ok.pk).update(outcome="successful", completed_at=timezone.now())
        Change.objects.filter(pk=bad.pk).update(outcome="failed", completed_at=timezone.now())
        caused = incidents.incident_create(title="Broke after the change", actor=org["dev"])
        services.change_link(change=bad, actor=org["dev"], caused_incidents=[caused])
        body = api.as_user(org["dev"]).get(f"/api/v1/changes/metrics/?from={start.date()}").json()
        assert (body["change_success_rate"], body["emergency_change_ratio"], body["changes_causing_incidents"]) == \
            (0.5, round(1 / 3, 4), 1)


class TestApi:
    def test_a_member_outside_the_board_gets_403_and_votes_replace(self, org, api, make_user):
        change = to_board(org, rfc(org, risk=3, impact=2))
        outsider = make_user(Role.CAB_MEMBER, username="outsider")
        response = api.as_user(outsider).post(f"/api/v1/changes/{change.pk}/votes/", {"decision": "approve"},
                                              format="json")
        assert response.status_code == 403
        member = api.as_user(org["cab"][0])
        assert member.post(f"/api/v1/changes/{change.pk}/votes/", {"decision": "reject", "comment": "no"},
                           format="json").status_code == 201
        assert member.post(f"/api/v1/changes/{change.pk}/votes/", {"decision": "approve"},
                           format="json").status_code == 201
        votes = member.get(f"/api/v1/changes/{change.pk}/votes/").json()["results"]
        assert [(v["member"], v["decision"]) for v in votes] == [(org["cab"][0].pk, "approve")]

    def test_create_with_outage_and_implement_before_start_is_409(self, org, api):
        client = api.as_user(org["dev"])
        created = client.post("/api/v1/changes/", {
            "title": "Swap the core switch", "description": "x", "type": "normal", "risk": 1, "impact": 3,
            "services": [org["service"].pk], "implementation_plan": "a", "backout_plan": "b", "test_plan": "c",
            "planned_start": SOON.isoformat(), "planned_end": (SOON + timedelta(hours=2)).isoformat(),
            "outage": {"start": SOON.isoformat(), "end": (SOON + timedelta(minutes=30)).isoformat()}},
            format="json")
        assert created.status_code == 201, created.content
        body = created.json()
        assert body["number"].startswith("CHG") and body["category"] == "minor" and body["outage"]["end"]
        pk = body["id"]
        assert client.post(f"/api/v1/changes/{pk}/submit/").json()["status"] == "submitted"
        cm = api.as_user(org["cm"])
        assert cm.post(f"/api/v1/changes/{pk}/assess/", {}, format="json").json()["status"] == "assessed"
        assert cm.post(f"/api/v1/changes/{pk}/authorize/").json()["status"] == "authorized"
        scheduled = cm.post(f"/api/v1/changes/{pk}/schedule/", {}, format="json")
        assert scheduled.status_code == 200 and scheduled.json()["conflicts"] == []
        early = cm.post(f"/api/v1/changes/{pk}/implement/")
        assert early.status_code == 409 and early.json()["code"] == "invalid_transition"

    def test_requesters_cannot_read_changes(self, org, api, make_user):
        assert api.as_user(make_user(Role.REQUESTER)).get("/api/v1/changes/").status_code == 403
