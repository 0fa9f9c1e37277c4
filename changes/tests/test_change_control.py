"""Issue 24, change and release: the CMDB follows the change (apply, back-out restore, the
CI's history naming the change, the CI page), change proposals before major RFCs, the
evaluation report before the CAB (and on its agenda), the change policy (major criteria,
change control) and RACI per change model (approvers, whom to tell)."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from catalog.models import CIRelation, ConfigurationItem
from catalog.tests.factories import ConfigurationItemFactory, ServiceFactory
from changes import services
from changes.models import CABBoard, CABMeeting, Change, ChangeModel, ChangePolicy, RaciAssignment
from core.errors import InvalidTransitionError
from core.roles import Role
from notifications.models import Delivery

pytestmark = pytest.mark.django_db

PAST = timezone.now() - timedelta(minutes=30)
PLANS = {"description": "d", "implementation_plan": "i", "backout_plan": "b", "test_plan": "t"}


@pytest.fixture
def org(make_user):
    people = {"cm": make_user(Role.CHANGE_MANAGER, username="cm"), "dev": make_user(Role.AGENT, username="dev"),
              "boss": make_user(Role.MANAGER, username="boss"),
              "cab": [make_user(Role.CAB_MEMBER, username=f"cab{i}") for i in range(3)],
              "service": ServiceFactory(name="Payments")}
    board = CABBoard.objects.create(name="CAB", kind="cab", quorum=2, rule="majority")
    board.members.set(people["cab"])
    people["board"] = board
    return people


def scheduled(org, *, cis=(), **extra) -> Change:
    fields = {**PLANS, "planned_start": PAST, "planned_end": PAST + timedelta(hours=2), "risk": 1, "impact": 3}
    fields.update(extra)
    change = services.change_create(actor=org["dev"], title="Move the database", services=[org["service"]],
                                    cis=list(cis), **fields)
    services.change_submit(change=change, actor=org["dev"])
    services.change_assess(change=change, actor=org["cm"])
    services.change_authorize(change=change, actor=org["cm"])
    services.change_schedule(change=change, actor=org["dev"])
    return Change.objects.get(pk=change.pk)


class TestCmdbFollowsTheChange:
    def test_apply_on_complete_and_history_names_the_change(self, org):
        db, old_host, new_host = (ConfigurationItemFactory(name=n) for n in ("db-1", "host-old", "host-new"))
        CIRelation.objects.create(source=db, target=old_host, kind="runs_on")
        change = scheduled(org)
        services.change_set_ci_update(change=change, actor=org["dev"], ci=db,
                                      attributes={"location": "Lisbon DC2", "status": "maintenance"},
                                      relations=[{"op": "remove", "kind": "runs_on", "target": old_host.pk},
                                                 {"op": "add", "kind": "runs_on", "target": new_host.pk}])
        assert db in change.cis.all()
        services.change_implement(change=change, actor=org["dev"])
        db.refresh_from_db()
        assert db.location == "" and db.status == "active"  # applied on completion, not before
        services.change_complete(change=change, actor=org["dev"], outcome="successful")
        db.refresh_from_db()
        assert (db.location, db.status) == ("Lisbon DC2", "maintenance")
        assert set(CIRelation.objects.filter(source=db).values_list("target__name", flat=True)) == {"host-new"}
        latest = db.history.order_by("-history_date").first()
        assert latest.history_change_reason.startswith(f"{change.number} applied")
        assert latest.history_user == org["dev"]
        removed = CIRelation.history.filter(source_id=db.pk, target_id=old_host.pk, history_type="-").get()
        assert removed.history_change_reason.startswith(change.number)

    def test_back_out_restores_what_implement_applied(self, org):
        db, host = ConfigurationItemFactory(name="db-2", location="Porto"), ConfigurationItemFactory(name="h2")
        change = scheduled(org)
        services.change_set_ci_update(change=change, actor=org["dev"], ci=db, attributes={"location": "Faro"},
                                      relations=[{"op": "add", "kind": "depends_on", "target": host.pk}],
                                      apply_on="implement")
        services.change_implement(change=change, actor=org["dev"])
        db.refresh_from_db()
        assert db.location == "Faro" and CIRelation.objects.filter(source=db, target=host).exists()
        services.change_complete(change=change, actor=org["dev"], outcome="backed_out")
        db.refresh_from_db()
        assert db.location == "Porto" and not CIRelation.objects.filter(source=db, target=host).exists()
        reasons = list(db.history.order_by("history_date").values_list("history_change_reason", flat=True))
        assert reasons[-2].startswith(f"{change.number} applied") and reasons[-1].startswith(
            f"{change.number} backed out")
        update = change.ci_updates.get()
        assert update.applied_at and update.restored_at

    def test_guards_bad_input_is_400_and_late_edits_409(self, org):
        db = ConfigurationItemFactory(name="db-3")
        change = scheduled(org)
        with pytest.raises(ValidationError) as exc:
            services.change_set_ci_update(change=change, actor=org["dev"], ci=db, attributes={"name": "x"})
        assert "attributes" in exc.value.message_dict
        with pytest.raises(ValidationError):
            services.change_set_ci_update(change=change, actor=org["dev"], ci=db, attributes={"status": "gone"})
        with pytest.raises(ValidationError):
            services.change_set_ci_update(change=change, actor=org["dev"], ci=db,
                                          relations=[{"op": "add", "kind": "runs_on", "target": db.pk}])
        services.change_implement(change=change, actor=org["dev"])
        with pytest.raises(InvalidTransitionError):
            services.change_set_ci_update(change=change, actor=org["dev"], ci=db, attributes={"location": "x"})

    def test_api_and_the_ci_page(self, org, api, client):
        db = ConfigurationItemFactory(name="db-4")
        change = scheduled(org)
        dev = api.as_user(org["dev"])
        bad = dev.post(f"/api/v1/changes/{change.pk}/cmdb/", {"ci": db.pk, "attributes": {"owner_team": 99999}},
                       format="json")
        assert bad.status_code == 400 and "attributes" in bad.json()
        made = dev.post(f"/api/v1/changes/{change.pk}/cmdb/", {"ci": db.pk, "attributes": {"location": "DC9"}},
                        format="json")
        assert made.status_code == 201 and made.json()["apply_on"] == "complete"
        assert dev.get(f"/api/v1/changes/{change.pk}/cmdb/").json()["count"] == 1
        dev.post(f"/api/v1/changes/{change.pk}/implement/")
        dev.post(f"/api/v1/changes/{change.pk}/complete/", {"outcome": "successful"}, format="json")
        assert ConfigurationItem.objects.get(pk=db.pk).location == "DC9"
        client.force_login(org["dev"])
        page = client.get(f"/changes/cis/{db.pk}/").content.decode()
        assert change.number in page and "DC9" in page
        assert client.get("/changes/cis/999999/").status_code == 404


class TestProposals:
    def proposal(self, org):
        return services.proposal_create(actor=org["dev"], title="Move to the new core banking", cost="250000.00",
                                        business_case="Old one is out of support", benefit="Faster",
                                        risks="Migration", services=[org["service"]])

    def test_lifecycle_and_rfcs_link_back(self, org):
        proposal = self.proposal(org)
        assert proposal.number.startswith("PRP")
        with pytest.raises(ValidationError, match="not approved"):
            services.change_from_proposal(proposal=proposal, actor=org["dev"])
        services.proposal_submit(proposal=proposal, actor=org["dev"])
        with pytest.raises(PermissionDenied):
            services.proposal_approve(proposal=proposal, actor=org["cm"])
        with pytest.raises(ValidationError):
            services.proposal_reject(proposal=proposal, actor=org["boss"], notes="")
        proposal = services.proposal_approve(proposal=proposal, actor=org["boss"], notes="Go")
        assert proposal.status == "approved" and proposal.decided_by == org["boss"]
        change = services.change_from_proposal(proposal=proposal, actor=org["dev"])
        assert change.proposal == proposal and list(change.services.all()) == [org["service"]]
        with pytest.raises(InvalidTransitionError):
            services.proposal_withdraw(proposal=proposal, actor=org["dev"])

    def test_incomplete_proposal_cannot_be_submitted(self, org):
        proposal = services.proposal_create(actor=org["dev"], title="Vague")
        with pytest.raises(InvalidTransitionError, match="business case"):
            services.proposal_submit(proposal=proposal, actor=org["dev"])

    def test_policy_makes_major_changes_wait_for_a_proposal(self, org):
        ChangePolicy.objects.create(major_needs_proposal=True,
                                    major_criteria=[{"key": "ledger", "text": "Touches the ledger"}])
        change = services.change_create(actor=org["dev"], title="Ledger schema", services=[org["service"]],
                                        planned_start=PAST, planned_end=PAST + timedelta(hours=1), risk=1,
                                        impact=3, major_criteria=["ledger"], **PLANS)
        assert change.category == "major"  # the policy's criterion, whatever the matrix says
        with pytest.raises(ValidationError) as exc:
            services.change_submit(change=change, actor=org["dev"])
        assert "proposal" in exc.value.message_dict
        with pytest.raises(ValidationError):
            services.change_update(change=change, actor=org["dev"], major_criteria=["nope"])

    def test_api(self, org, api):
        as_ = api.as_user
        made = as_(org["dev"]).post("/api/v1/change-proposals/", {"title": "New DC", "business_case": "b",
                                                                 "benefit": "b",
                                                      "risks": "r", "cost": "10.50"}, format="json")
        assert made.status_code == 201, made.content
        pk = made.json()["id"]
        assert as_(org["dev"]).post(f"/api/v1/change-proposals/{pk}/raise-rfc/").status_code == 400
        assert as_(org["dev"]).post(f"/api/v1/change-proposals/{pk}/submit/").json()["status"] == "submitted"
        assert as_(org["dev"]).post(f"/api/v1/change-proposals/{pk}/approve/").status_code == 403
        approved = as_(org["boss"]).post(f"/api/v1/change-proposals/{pk}/approve/", {}, format="json")
        assert approved.json()["status"] == "approved"
        raised = as_(org["dev"]).post(f"/api/v1/change-proposals/{pk}/raise-rfc/")
        assert raised.status_code == 201 and raised.json()["proposal"] == pk
        assert as_(org["dev"]).post(f"/api/v1/change-proposals/{pk}/approve/").status_code == 409
        assert as_(org["dev"]).get("/api/v1/change-proposals/999999/").status_code == 404


class TestEvaluation:
    def significant(self, org):
        change = services.change_create(actor=org["dev"], title="Swap the core switch", services=[org["service"]],
                                        planned_start=PAST, planned_end=PAST + timedelta(hours=1), risk=3, impact=2,
                                        **PLANS)
        services.change_submit(change=change, actor=org["dev"])
        services.change_assess(change=change, actor=org["cm"])
        return change

    def test_cab_waits_for_the_report_and_the_agenda_shows_it(self, org, api, client):
        ChangePolicy.objects.create(evaluation_categories=["significant", "major"])
        change = self.significant(org)
        with pytest.raises(InvalidTransitionError, match="evaluation report"):
            services.change_send_to_cab(change=change, actor=org["cm"])
        with pytest.raises(PermissionDenied):
            services.change_evaluate(change=change, actor=org["dev"], risk="r", cost="c", capacity="c",
                                     security="s", recommendation="go")
        with pytest.raises(ValidationError) as exc:
            services.change_evaluate(change=change, actor=org["cm"], risk="", cost="c", capacity="c",
                                     security="s", recommendation="maybe")
        assert set(exc.value.message_dict) == {"risk", "recommendation"}
        services.change_evaluate(change=change, actor=org["cm"], risk="Low", cost="2 days", capacity="Fine",
                                 security="No exposure", recommendation="go", summary="Do it")
        assert services.change_send_to_cab(change=change, actor=org["cm"]).status == "cab_review"
        meeting = CABMeeting.objects.create(board=org["board"], starts_at=timezone.now() + timedelta(days=1))
        agenda = api.as_user(org["cm"]).get(f"/api/v1/cab-meetings/{meeting.pk}/agenda/").json()
        assert [c["id"] for c in agenda["approval"]] == [change.pk]
        assert agenda["evaluations"][str(change.pk)]["recommendation"] == "go"
        report = api.as_user(org["dev"]).get(f"/api/v1/changes/{change.pk}/evaluation/")
        assert report.status_code == 200 and report.json()["security"] == "No exposure"
        client.force_login(org["cab"][0])
        page = client.get(f"/changes/{change.pk}/").content.decode()
        assert 'data-testid="evaluation"' in page and "No exposure" in page
        assert 'data-testid="inbox-evaluation"' in client.get("/changes/approvals/").content.decode()

    def test_without_a_policy_the_cab_route_is_unchanged(self, org):
        assert services.change_send_to_cab(change=self.significant(org), actor=org["cm"]).status == "cab_review"


class TestRaci:
    def test_accountable_approves_and_consulted_informed_are_told(self, org, make_user):
        approver, watcher = make_user(Role.AGENT, username="approver"), make_user(Role.AGENT, username="watcher")
        model = ChangeModel.objects.create(name="Firewall rule")
        RaciAssignment.objects.create(model=None, step="authorize", raci="A", user=approver)
        RaciAssignment.objects.create(model=None, step="implement", raci="I", user=watcher)
        RaciAssignment.objects.create(model=model, step="implement", raci="C", role=Role.MANAGER)
        change = services.change_create(actor=org["dev"], title="Open port 443", services=[org["service"]],
                                        planned_start=PAST, planned_end=PAST + timedelta(hours=1), risk=1, impact=3,
                                        **PLANS)
        services.change_submit(change=change, actor=org["dev"])
        services.change_assess(change=change, actor=org["cm"])
        with pytest.raises(PermissionDenied):
            services.change_authorize(change=change, actor=watcher)
        services.change_authorize(change=change, actor=approver)  # accountable by the RACI
        services.change_schedule(change=change, actor=org["dev"])
        services.change_implement(change=change, actor=org["dev"])
        told = set(Delivery.objects.filter(idempotency_key__startswith=f"change:{change.pk}:raci:implement")
                   .values_list("user_id", flat=True))
        assert told == {watcher.pk}
        from changes.selectors import raci_of, raci_users
        assert raci_users(Change(model=model), "implement", "C") == {org["boss"].pk}  # the model's own RACI
        assert raci_users(Change(model=model), "authorize", "A") == {approver.pk}  # else the default
        assert [row["step"] for row in raci_of(change)] == ["authorize", "implement"]


class TestPolicyApi:
    def test_change_control_check(self, org, api):
        controlled = ConfigurationItemFactory(name="ledger-db")
        policy = ChangePolicy.objects.create(major_criteria=[{"key": "ledger", "text": "Ledger"}])
        policy.services.add(org["service"])
        policy.cis.add(controlled)
        other = ServiceFactory(name="Intranet")
        body = api.as_user(org["dev"]).get(
            f"/api/v1/change-policy/?services={org['service'].pk},{other.pk}&cis={controlled.pk}").json()
        assert body["check"] == {"controlled": True, "services": [org["service"].pk], "cis": [controlled.pk]}
        assert body["major_criteria"] == [{"key": "ledger", "text": "Ledger"}]
        assert api.as_user(org["dev"]).get("/api/v1/change-policy/?services=x").status_code == 400


def test_the_demo_shows_a_release_a_proposal_and_an_evaluation(make_user):
    from changes import demo
    from changes.models import ChangeProposal, EvaluationReport, Release

    ServiceFactory(name="Internet banking")
    ServiceFactory(name="Web hosting")
    ServiceFactory(name="Email")
    users = {"changemanager": make_user(Role.CHANGE_MANAGER, username="cmd"),
             "agent": make_user(Role.AGENT, username="agentd"), "cab": make_user(Role.CAB_MEMBER, username="cabd"),
             "manager": make_user(Role.MANAGER, username="mgrd")}
    demo.seed(users=users)
    demo.seed(users=users)  # idempotent
    release = Release.objects.get()
    assert release.status == "authorized" and release.changes.get().deployment_authorized_at
    proposal = ChangeProposal.objects.get()
    assert proposal.status == "approved" and proposal.changes.count() == 1
    assert EvaluationReport.objects.get().recommendation == "go"
    assert ChangePolicy.objects.count() == 1
