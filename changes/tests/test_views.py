"""The change pages through Django's test client: who may open them and vote, the RFC form
(from nothing, from a change model, from a problem; bad input that saves nothing), the
change page's lifecycle buttons (submit with missing fields, assess, authorise, schedule
into a blackout or onto a conflict, implement too early), the CAB inbox reaching a decision
at quorum, the change calendar, and the list's filters and query budget."""

from datetime import timedelta

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from catalog.tests.factories import ConfigurationItemFactory, ServiceFactory, UserFactory
from changes import services
from changes.models import BlackoutWindow, CABBoard, Change, ChangeModel, Vote
from core.roles import Role

pytestmark = pytest.mark.django_db

SOON = (timezone.now() + timedelta(days=3)).replace(hour=10, minute=0, second=0, microsecond=0)
LOCAL = "%Y-%m-%dT%H:%M"  # what a datetime-local input sends


@pytest.fixture(scope="module")
def _org(django_db_setup, django_db_blocker):
    """The people, the boards and the service, built once for the module: in a transaction of
    their own, rolled back after the module's last test (each test's own transaction is a
    savepoint inside it, so what a test writes is gone before the next one)."""
    def user(role, **kwargs):
        return UserFactory(roles=[role], **kwargs)

    with django_db_blocker.unblock(), transaction.atomic():
        people = {
            "cm": user(Role.CHANGE_MANAGER, username="cm", first_name="Carla", last_name="Manager"),
            "dev": user(Role.AGENT, username="dev", first_name="Dev", last_name="Eloper"),
            "boss": user(Role.MANAGER, username="boss"),
            "cab": [user(Role.CAB_MEMBER, username=f"cab{i}") for i in range(3)],
            "outsider": user(Role.CAB_MEMBER, username="outsider"),
            "rita": user(Role.REQUESTER, username="rita"),
        }
        cab = CABBoard.objects.create(name="CAB", kind="cab", quorum=2, rule="majority")
        cab.members.set(people["cab"])
        ecab = CABBoard.objects.create(name="ECAB", kind="ecab", quorum=1, rule="majority")
        ecab.members.set(people["cab"][:1])
        people["board"], people["ecab"] = cab, ecab
        people["service"] = ServiceFactory(name="Core banking")
        yield people
        transaction.set_rollback(True)


def _afresh(value):
    if isinstance(value, list):
        return [_afresh(item) for item in value]
    return type(value).objects.get(pk=value.pk)


@pytest.fixture
def org(_org, db):
    """Each test gets the rows read afresh (what a test does to the objects stays in its test)."""
    return {key: _afresh(value) for key, value in _org.items()}


def rfc(org, *, risk=2, impact=2, type="normal", actor=None, **extra):
    fields = {"title": "Upgrade the database", "description": "Minor version upgrade",
              "implementation_plan": "1. drain 2. upgrade 3. undrain", "backout_plan": "Restore the snapshot",
              "test_plan": "Smoke tests", "planned_start": SOON, "planned_end": SOON + timedelta(hours=2),
              "risk": risk, "impact": impact, "type": type}
    fields.update(extra)
    services_ = fields.pop("services", [org["service"]])
    return services.change_create(actor=actor or org["dev"], services=services_, **fields)


def before_cab(org, risk=3, **extra):
    """A significant change (risk 3 × impact 2; major with risk 5) waiting for the CAB's vote."""
    change = rfc(org, risk=risk, impact=2, **extra)
    services.change_submit(change=change, actor=org["dev"])
    services.change_assess(change=change, actor=org["cm"])
    return services.change_send_to_cab(change=change, actor=org["cm"])


def authorised(org, **extra):
    """A minor change the change manager authorised."""
    change = rfc(org, risk=1, impact=3, **extra)
    services.change_submit(change=change, actor=org["dev"])
    services.change_assess(change=change, actor=org["cm"])
    return services.change_authorize(change=change, actor=org["cm"])


def action(change, name):
    return reverse("changes:action", args=[change.pk, name])


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]] if response.context else []


def fresh(change) -> Change:
    return Change.objects.get(pk=change.pk)


def login(client, user):
    client.force_login(user)
    return client


# --- who may open what and who may vote ---------------------------------------------------------
class TestPermissions:
    def urls(self, change):
        return [reverse("changes:list"), reverse("changes:create"), change.get_absolute_url(),
                reverse("changes:edit", args=[change.pk]), reverse("changes:calendar"), reverse("changes:approvals")]

    def test_requesters_get_403_everywhere(self, client, org):
        change = before_cab(org)
        login(client, org["rita"])
        for url in self.urls(change):
            assert client.get(url).status_code == 403, url
        for url, data in [(reverse("changes:create"), {"title": "x", "type": "normal", "impact": 2}),
                          (action(change, "cancel"), {}), (action(change, "vote"), {"vote-decision": "approve"}),
                          (reverse("changes:approval-vote", args=[change.pk]),
                           {f"vote-{change.pk}-decision": "approve"})]:
            assert client.post(url, data).status_code == 403, url
        assert Change.objects.count() == 1 and fresh(change).status == "cab_review" and not Vote.objects.exists()

    def test_anonymous_people_are_sent_to_log_in(self, client, org):
        for url in self.urls(rfc(org)):
            response = client.get(url)
            assert response.status_code == 302 and response["Location"].startswith("/login/"), url

    def test_staff_open_every_page(self, client, org):
        change = rfc(org)
        for user in (org["dev"], org["cab"][0]):
            login(client, user)
            for url in self.urls(change):
                assert client.get(url).status_code == 200, (user, url)

    def test_navigation(self, client, org):
        labels = lambda: [str(item["label"]) for item in client.get("/").context["nav_items"]]  # noqa: E731
        login(client, org["dev"])
        assert "Changes" in labels() and "Approvals" not in labels()
        login(client, org["cab"][0])
        assert {"Changes", "Approvals"} <= set(labels())
        page = client.get(reverse("changes:approvals"))
        assert [str(i["label"]) for i in page.context["nav_items"] if i["active"]] == ["Approvals"]
        login(client, org["rita"])
        assert not {"Changes", "Approvals"} & set(labels())

    def test_a_cab_member_off_the_board_cannot_vote(self, client, org):
        change = before_cab(org)
        login(client, org["outsider"])
        inbox = client.get(reverse("changes:approvals"))
        assert not inbox.context["rows"] and b'data-testid="no-board"' in inbox.content
        response = client.post(reverse("changes:approval-vote", args=[change.pk]),
                               {f"vote-{change.pk}-decision": "approve"})
        assert response.status_code == 403
        assert any("Only members of the CAB" in m for m in messages_of(response))
        response = client.post(action(change, "vote"), {"vote-decision": "approve"})
        assert response.status_code == 403
        assert not Vote.objects.exists() and fresh(change).status == "cab_review"
        page = client.get(change.get_absolute_url())
        assert "vote" not in page.context["actions"] and b'data-testid="vote-form"' not in page.content


# --- the RFC form -------------------------------------------------------------------------------
class TestCreate:
    def form_data(self, org, **extra):
        data = {"type": "normal", "title": "Patch the core switch", "description": "Security fix",
                "services": [org["service"].pk], "planned_start": SOON.strftime(LOCAL),
                "planned_end": (SOON + timedelta(hours=1)).strftime(LOCAL), "implementation_plan": "Patch",
                "backout_plan": "Roll back", "test_plan": "Ping", "impact": "2", "risk_method": "questionnaire",
                "risk_untested": "on", "risk_no_backout": "on"}
        data.update(extra)
        return data

    def test_an_rfc_is_recorded_with_its_risk_from_the_questionnaire(self, client, org):
        login(client, org["dev"])
        assert client.get(reverse("changes:create")).status_code == 200
        response = client.post(reverse("changes:create"), self.form_data(org))
        change = Change.objects.get()
        assert response.status_code == 302 and response["Location"] == change.get_absolute_url()
        assert (change.title, change.status, change.risk, change.category) == (
            "Patch the core switch", "draft", 3, "significant")
        assert change.risk_answers["untested"] is True and change.risk_answers["first_time"] is False
        assert list(change.services.all()) == [org["service"]] and change.requested_by == org["dev"]
        assert change.planned_start == SOON
        page = client.get(response["Location"])
        assert page.status_code == 200 and b'data-testid="missing"' not in page.content
        assert "submit" in page.context["actions"]

    def test_a_direct_risk(self, client, org):
        login(client, org["dev"])
        client.post(reverse("changes:create"), self.form_data(org, risk_method="direct", risk="1", impact="3"))
        change = Change.objects.get()
        assert (change.risk, change.risk_answers, change.category) == (1, {}, "minor")

    @pytest.mark.parametrize(("extra", "field"), [
        ({"title": ""}, "title"),  # the service's rule: a change needs a title
        ({"planned_end": (SOON - timedelta(hours=1)).strftime(LOCAL)}, "planned_end"),  # the service's rule
        ({"planned_start": "not a date"}, "planned_start"),  # the form's
        ({"risk_method": "direct", "risk": ""}, "risk"),
        ({"type": "standard"}, "model"),  # a standard change follows a model
    ])
    def test_bad_input_shows_field_errors_and_saves_nothing(self, client, org, extra, field):
        login(client, org["dev"])
        response = client.post(reverse("changes:create"), self.form_data(org, **extra))
        assert response.status_code == 400
        assert response.context["form"].errors[field]
        assert b'data-testid="form-errors"' in response.content
        assert not Change.objects.exists()

    def test_a_standard_change_from_a_model(self, client, org):
        model = ChangeModel.objects.create(name="Restart a web node", tasks=["Drain", "Restart", "Undrain"],
                                           implementation_plan="Follow the runbook", risk=1, impact=3)
        model.services.add(org["service"])
        login(client, org["dev"])
        page = client.get(reverse("changes:create"), {"model": model.pk})
        initial = page.context["form"].initial
        assert (initial["type"], initial["model"], initial["title"]) == ("standard", model.pk, "Restart a web node")
        response = client.post(reverse("changes:create"), {
            "type": "standard", "model": model.pk, "title": "", "impact": "3", "risk_method": "questionnaire"})
        change = Change.objects.get()
        assert response.status_code == 302
        assert (change.type, change.model, change.title, change.risk, change.impact) == (
            "standard", model, "Restart a web node", 1, 3)
        assert list(change.services.all()) == [org["service"]]
        assert list(change.tasks.values_list("title", flat=True)) == ["Drain", "Restart", "Undrain"]
        client.post(action(change, "submit"))
        assert fresh(change).status == "authorized"  # pre-authorised

    def test_from_a_problem(self, client, org):
        from problems import services as problems

        problem = problems.problem_create(actor=org["dev"], title="Disk fills up", services=[org["service"]])
        login(client, org["dev"])
        page = client.get(reverse("changes:create"), {"problem": problem.pk})
        assert b'data-testid="draft-from-source"' in page.content and problem.number.encode() in page.content
        response = client.post(reverse("changes:create"), {"from": "problem", "problem": problem.pk})
        change = Change.objects.get()
        assert response.status_code == 302 and response["Location"] == reverse("changes:edit", args=[change.pk])
        assert list(change.problems.all()) == [problem] and list(change.services.all()) == [org["service"]]
        assert client.get(reverse("changes:create"), {"problem": 999999}).status_code == 404

    def test_from_a_major_incident(self, client, org):
        from incidents import services as incidents

        master = incidents.incident_create(title="Core down", actor=org["boss"], service=org["service"])
        major = incidents.major_incident_declare(incident=master, actor=org["boss"], summary="Core banking down")
        login(client, org["dev"])
        assert client.get(reverse("changes:create"), {"major_incident": major.pk}).status_code == 200
        client.post(reverse("changes:create"), {"from": "major_incident", "major_incident": major.pk})
        change = Change.objects.get()
        assert change.type == "emergency" and list(change.incidents.all()) == [master]

    def test_edit_a_draft_and_later_only_the_plans(self, client, org):
        change = rfc(org)
        login(client, org["dev"])
        page = client.get(reverse("changes:edit", args=[change.pk]))
        data = {k: v for k, v in page.context["form"].initial.items() if v not in (None, False)}
        data.update(title="Upgrade the database to 16.2", planned_start=SOON.strftime(LOCAL),
                    planned_end=(SOON + timedelta(hours=2)).strftime(LOCAL), outage_start="", outage_end="")
        response = client.post(reverse("changes:edit", args=[change.pk]), data)
        assert response.status_code == 302, response.context["form"].errors
        assert fresh(change).title == "Upgrade the database to 16.2" and fresh(change).risk == 2
        services.change_submit(change=change, actor=org["dev"])
        services.change_assess(change=change, actor=org["cm"])
        services.change_authorize(change=change, actor=org["cm"])
        page = client.get(reverse("changes:edit", args=[change.pk]))
        assert page.context["late"] and set(page.context["form"].fields) == {
            "description", "implementation_plan", "backout_plan", "test_plan", "assignee"}
        client.post(reverse("changes:edit", args=[change.pk]), {
            "description": "Minor version upgrade", "implementation_plan": "1. drain 2. upgrade 3. check 4. undrain",
            "backout_plan": "Restore the snapshot", "test_plan": "Smoke tests"})
        assert "3. check" in fresh(change).implementation_plan


# --- the change page ----------------------------------------------------------------------------
class TestLifecycle:
    def test_submit_with_missing_fields_says_what_is_missing(self, client, org):
        change = services.change_create(actor=org["dev"], title="Patch", type="normal")
        login(client, org["dev"])
        page = client.get(change.get_absolute_url())
        assert b'data-testid="missing"' in page.content and "back-out plan" in page.context["missing"]
        response = client.post(action(change, "submit"))
        assert response.status_code == 400
        text = " ".join(messages_of(response))
        assert "is not submitted" in text
        for label in ("implementation plan", "back-out plan", "test plan", "planned start", "services", "risk"):
            assert label in text, label
        assert fresh(change).status == "draft"

    def test_a_minor_change_from_submit_to_close(self, client, org):
        change = rfc(org, risk=1, impact=3, planned_start=timezone.now() + timedelta(hours=1),
                     planned_end=timezone.now() + timedelta(hours=3))
        login(client, org["dev"])
        assert client.post(action(change, "submit")).status_code == 302
        page = client.get(change.get_absolute_url())
        assert "assess" not in page.context["actions"] and "authorize" not in page.context["actions"]
        login(client, org["cm"])
        page = client.get(change.get_absolute_url())
        assert {"assess", "reject", "cancel"} <= page.context["actions"]
        assert client.post(action(change, "assess"), {"assess-risk": "", "assess-impact": "3"}).status_code == 302
        assert (fresh(change).status, fresh(change).approval_stage) == ("assessed", "change_manager")
        assert "authorize" in client.get(change.get_absolute_url()).context["actions"]
        client.post(action(change, "authorize"))
        assert fresh(change).status == "authorized"
        start = timezone.localtime(change.planned_start)
        response = client.post(action(change, "schedule"), {
            "schedule-planned_start": start.strftime(LOCAL),
            "schedule-planned_end": (start + timedelta(hours=2)).strftime(LOCAL)})
        assert response.status_code == 302 and fresh(change).status == "scheduled"
        response = client.post(action(change, "implement"))
        assert response.status_code == 409 and "planned start" in " ".join(messages_of(response))
        Change.objects.filter(pk=change.pk).update(planned_start=timezone.now() - timedelta(minutes=1))
        client.post(action(change, "implement"))
        assert fresh(change).status == "implementing"
        client.post(action(change, "complete"), {"complete-outcome": "successful"})
        assert fresh(change).status == "reviewing"
        client.post(action(change, "close"))
        change = fresh(change)
        assert change.status == "closed"
        history = client.get(change.get_absolute_url()).context["history"]
        assert [e.title for e in history][-1] == "Recorded" and history[0].title == "Closed"

    def test_reject_needs_a_reason_and_refusals_are_409(self, client, org):
        change = rfc(org, risk=1, impact=3)
        services.change_submit(change=change, actor=org["dev"])
        login(client, org["cm"])
        response = client.post(action(change, "reject"), {"reject-reason": " "})
        assert response.status_code == 400 and response.context["forms"]["reject"].errors
        assert fresh(change).status == "submitted"
        response = client.post(action(change, "authorize"))  # not assessed yet
        assert response.status_code == 409 and "Assess the change" in " ".join(messages_of(response))
        login(client, org["dev"])
        response = client.post(action(change, "reject"), {"reject-reason": "No"})
        assert response.status_code == 403 and fresh(change).status == "submitted"
        assert client.post(action(change, "fly")).status_code == 404

    def test_a_major_change_goes_to_it_management_after_the_cab(self, client, org):
        change = before_cab(org, risk=5)
        for member in org["cab"][:2]:
            services.change_vote(change=change, actor=member, decision="approve")
        login(client, org["cm"])
        page = client.get(change.get_absolute_url())
        assert page.context["change"].approval_stage == "management" and "authorize" not in page.context["actions"]
        login(client, org["boss"])
        page = client.get(change.get_absolute_url())
        assert {"authorize", "reject"} <= page.context["actions"] and b"IT management" in page.content
        client.post(action(change, "authorize"))
        assert fresh(change).status == "authorized"

    def test_schedule_into_a_blackout_is_refused(self, client, org):
        BlackoutWindow.objects.create(name="Year-end freeze", start=SOON - timedelta(days=1),
                                      end=SOON + timedelta(days=5))
        change = authorised(org)
        login(client, org["dev"])
        start = timezone.localtime(SOON)
        response = client.post(action(change, "schedule"), {
            "schedule-planned_start": start.strftime(LOCAL),
            "schedule-planned_end": (start + timedelta(hours=2)).strftime(LOCAL)})
        assert response.status_code == 409
        assert any("Year-end freeze is a change freeze" in m for m in messages_of(response))
        assert fresh(change).status == "authorized"

    def test_schedule_shows_the_conflicts(self, client, org):
        first = authorised(org)
        services.change_schedule(change=first, actor=org["dev"])
        second = authorised(org, title="Rotate the certificates")
        login(client, org["dev"])
        response = client.post(action(second, "schedule"), {}, follow=True)
        assert fresh(second).status == "scheduled"
        assert any("conflicts with 1 other change" in m for m in messages_of(response))
        conflicts = response.context["conflicts"]
        assert [(c["number"], c["reasons"]) for c in conflicts] == [(first.number, ["service"])]
        assert b'data-testid="conflicts"' in response.content

    def test_bad_schedule_input_shows_errors(self, client, org):
        change = authorised(org)
        login(client, org["dev"])
        start = timezone.localtime(SOON)
        response = client.post(action(change, "schedule"), {
            "schedule-planned_start": start.strftime(LOCAL),
            "schedule-planned_end": (start + timedelta(hours=2)).strftime(LOCAL),
            "schedule-outage_start": (start - timedelta(hours=1)).strftime(LOCAL),
            "schedule-outage_end": start.strftime(LOCAL)})
        assert response.status_code == 400 and response.context["open_form"] == "schedule"
        assert response.context["forms"]["schedule"].errors["outage_start"]
        assert fresh(change).status == "authorized"

    def test_link_records_by_number(self, client, org):
        from incidents import services as incidents

        incident = incidents.incident_create(title="Slow after the upgrade", actor=org["dev"])
        change = rfc(org)
        login(client, org["dev"])
        client.post(action(change, "link"), {"link-kind": "caused_incidents", "link-number": incident.number[3:]})
        assert list(fresh(change).caused_incidents.all()) == [incident]
        response = client.post(action(change, "link"), {"link-kind": "problems", "link-number": "PRB999999"})
        assert response.status_code == 400 and response.context["forms"]["link"].errors["number"]


# --- the CAB inbox ------------------------------------------------------------------------------
class TestApprovals:
    def test_votes_from_the_inbox_reach_the_decision_at_quorum(self, client, org):
        change = before_cab(org, outage_start=SOON, outage_end=SOON + timedelta(minutes=30))
        login(client, org["cab"][0])
        inbox = client.get(reverse("changes:approvals"))
        [row] = inbox.context["rows"]
        assert row["change"] == change and row["tally"]["counted"] == 0 and row["tally"]["quorum"] == 2
        assert b"Restore the snapshot" in inbox.content  # the plans are there to read
        response = client.post(reverse("changes:approval-vote", args=[change.pk]),
                               {f"vote-{change.pk}-decision": "approve"}, follow=True)
        assert response.redirect_chain[-1][0] == reverse("changes:approvals")
        assert any("no decision yet (1 of the 2" in m for m in messages_of(response))
        assert response.context["rows"][0]["tally"]["mine"].decision == "approve"
        assert fresh(change).status == "cab_review"

        login(client, org["cab"][1])
        response = client.post(reverse("changes:approval-vote", args=[change.pk]),
                               {f"vote-{change.pk}-decision": "approve", f"vote-{change.pk}-comment": "Fine"},
                               follow=True)
        assert any("the quorum is met" in m and "authorised" in m for m in messages_of(response))
        assert fresh(change).status == "authorized"
        assert not response.context["rows"]  # decided: no longer in the inbox
        assert b'data-testid="inbox-empty"' in response.content
        recent = response.context["recent"]
        assert [(v.change, v.decision) for v in recent] == [(change, "approve")]
        assert b"Authorised" in response.content

    def test_reject_from_the_inbox_needs_a_reason(self, client, org):
        change = before_cab(org)
        login(client, org["cab"][0])
        response = client.post(reverse("changes:approval-vote", args=[change.pk]),
                               {f"vote-{change.pk}-decision": "reject"})
        assert response.status_code == 400 and not Vote.objects.exists()
        assert response.context["rows"][0]["form"].errors["comment"]
        client.post(reverse("changes:approval-vote", args=[change.pk]),
                    {f"vote-{change.pk}-decision": "reject", f"vote-{change.pk}-comment": "No back-out test"})
        login(client, org["cab"][1])
        client.post(reverse("changes:approval-vote", args=[change.pk]),
                    {f"vote-{change.pk}-decision": "abstain"})
        login(client, org["cab"][2])
        response = client.post(reverse("changes:approval-vote", args=[change.pk]),
                               {f"vote-{change.pk}-decision": "approve"}, follow=True)
        assert fresh(change).status == "rejected"  # a majority tie rejects
        assert any("the board rejected" in m for m in messages_of(response))

    def test_voting_on_a_decided_change_is_409(self, client, org):
        change = before_cab(org)
        for member in org["cab"][:2]:
            services.change_vote(change=change, actor=member, decision="approve")
        login(client, org["cab"][2])
        response = client.post(reverse("changes:approval-vote", args=[change.pk]),
                               {f"vote-{change.pk}-decision": "reject", f"vote-{change.pk}-comment": "late"})
        assert response.status_code == 409 and "not awaiting" in " ".join(messages_of(response))
        assert Vote.objects.count() == 2

    def test_voting_from_the_change_page(self, client, org):
        change = before_cab(org)
        login(client, org["cab"][0])
        page = client.get(change.get_absolute_url())
        assert "vote" in page.context["actions"] and page.context["tally"]["quorum"] == 2
        client.post(action(change, "vote"), {"vote-decision": "approve"})
        page = client.get(change.get_absolute_url())
        assert [(v.member, v.decision) for v in page.context["votes"]] == [(org["cab"][0], "approve")]
        assert page.context["tally"]["approve"] == 1

    def test_the_inbox_query_count_does_not_grow_with_the_changes(self, client, org,
                                                                   django_assert_max_num_queries):
        login(client, org["cab"][0])
        first = before_cab(org)
        services.change_vote(change=first, actor=org["cab"][1], decision="approve")
        client.get(reverse("changes:approvals"))  # warm-up
        with django_assert_max_num_queries(18):
            small = client.get(reverse("changes:approvals"))
        for _ in range(6):
            change = before_cab(org)
            services.change_vote(change=change, actor=org["cab"][1], decision="abstain")
        with django_assert_max_num_queries(18):
            large = client.get(reverse("changes:approvals"))
        assert len(small.context["rows"]) == 1 and len(large.context["rows"]) == 7

    def test_a_board_member_with_nothing_to_vote_on(self, client, org):
        login(client, org["cab"][2])
        page = client.get(reverse("changes:approvals"))
        assert b'data-testid="inbox-empty"' in page.content and [b.name for b in page.context["boards"]] == ["CAB"]


# --- the change calendar ------------------------------------------------------------------------
class TestCalendar:
    def test_the_month_shows_changes_conflicts_and_blackouts(self, client, org):
        first = authorised(org)
        services.change_schedule(change=first, actor=org["dev"])
        second = authorised(org, title="Rotate the certificates")
        services.change_schedule(change=second, actor=org["dev"])
        later = authorised(org, title="Replace the load balancer", services=[ServiceFactory()],
                           planned_start=SOON + timedelta(days=40), planned_end=SOON + timedelta(days=40, hours=1))
        services.change_schedule(change=later, actor=org["dev"])
        draft = rfc(org, title="Not on the schedule")
        BlackoutWindow.objects.create(name="Launch freeze", start=SOON + timedelta(days=1),
                                      end=SOON + timedelta(days=2), reason="Product launch")
        login(client, org["dev"])
        month = timezone.localtime(SOON).strftime("%Y-%m")
        page = client.get(reverse("changes:calendar"), {"month": month})
        assert page.status_code == 200
        html = page.content.decode()
        assert first.number in html and second.number in html and draft.number not in html
        assert "Launch freeze" in html and 'data-testid="blackout"' in html
        entries = {e["change"].pk: e for e in page.context["entries"]}
        assert [c.pk for c in entries[first.pk]["conflicts"]] == [second.pk]
        assert 'data-testid="cal-conflict"' in html
        day = next(d for week in page.context["weeks"] for d in week if d["date"] == timezone.localdate(SOON))
        assert [e["change"] for e in day["changes"]] == [first, second]
        frozen = [d["date"] for week in page.context["weeks"] for d in week if d["blackouts"]]
        assert timezone.localdate(SOON + timedelta(days=1)) in frozen
        # next month: the later change (or the month after, when SOON is near a month's end)
        following = client.get(reverse("changes:calendar"), {"month": page.context["next"]})
        after = client.get(reverse("changes:calendar"), {"month": following.context["next"]})
        assert later.number in following.content.decode() + after.content.decode()

    def test_a_bad_month_shows_this_month(self, client, org):
        login(client, org["dev"])
        page = client.get(reverse("changes:calendar"), {"month": "2026-13"})
        assert page.status_code == 200 and page.context["month"] == timezone.localdate().replace(day=1)


# --- the list -----------------------------------------------------------------------------------
class TestList:
    def test_filters_and_search(self, client, org):
        waiting = before_cab(org, title="Swap the core switch")
        draft = rfc(org, title="Patch the printers")
        emergency = rfc(org, type="emergency", title="Hotfix the login")
        login(client, org["dev"])

        def numbers(**params):
            return {c.number for c in client.get(reverse("changes:list"), params).context["changes"]}

        assert numbers() == {waiting.number, draft.number, emergency.number}
        assert numbers(status="draft") == {draft.number, emergency.number}
        assert numbers(awaiting_approval="true") == {waiting.number}
        assert numbers(type="emergency") == {emergency.number}
        assert numbers(category="significant") == {waiting.number}
        assert numbers(q="printers") == {draft.number}
        assert numbers(q=str(int(waiting.number[3:]))) == {waiting.number}
        partial = client.get(reverse("changes:list"), {"q": "printers"}, HTTP_HX_REQUEST="true",
                             HTTP_HX_TARGET="change-results")
        assert b"<html" not in partial.content and draft.number.encode() in partial.content

    def test_the_query_count_does_not_grow_with_the_rows(self, client, org, django_assert_max_num_queries):
        login(client, org["dev"])
        other = ServiceFactory(name="Payments")
        ci = ConfigurationItemFactory()
        for _ in range(2):
            rfc(org, services=[org["service"], other], cis=[ci])
        client.get(reverse("changes:list"))  # warm-up (content types, sessions)
        with django_assert_max_num_queries(12):
            small = client.get(reverse("changes:list"))
        for _ in range(15):
            rfc(org, services=[org["service"], other], cis=[ci])
        with django_assert_max_num_queries(12):
            large = client.get(reverse("changes:list"))
        assert len(small.context["changes"]) == 2 and len(large.context["changes"]) == 17
        assert b"Payments" in large.content
