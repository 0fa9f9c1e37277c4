"""Issue 24, item 7: a request's priority is impact × urgency on the incidents' matrix (the
one rule, admin-editable), its expected delivery comes from the SLA (``due_at`` in the API,
"Expected by" on the tracker), and an escalation to ``requester`` tells the requester, through
the real sweep and notify()."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from core.roles import Role
from incidents.models import PriorityMatrix
from notifications.models import Delivery
from servicerequests import services
from servicerequests.models import CatalogItem
from sla import services as sla
from sla.models import SLATimer
from sla.tests.factories import CalendarFactory, EscalationRuleFactory, PolicyFactory

pytestmark = pytest.mark.django_db

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)  # a Monday


@pytest.fixture
def people(make_user):
    return {"rita": make_user(Role.REQUESTER, username="rita", email="rita@example.test"),
            "tech": make_user(Role.AGENT, username="tech", email="tech@example.test")}


def laptop(**extra):
    return CatalogItem.objects.create(name=extra.pop("name", "Laptop"), category="Hardware",
                                      tasks=[{"title": "Order it"}], **extra)


def resolution_timer(request):
    return SLATimer.objects.get(object_id=request.pk, kind="request", metric="resolution")


class TestPriority:
    def test_the_default_is_p4_and_the_matrix_decides_the_rest(self, people):
        plain = services.request_submit(item=laptop(), actor=people["rita"], answers={})
        assert (plain.impact, plain.urgency, plain.priority) == (3, 2, 4)
        urgent = services.request_submit(item=laptop(name="Badge"), actor=people["rita"], answers={}, urgency=1)
        assert urgent.priority == 3  # impact 3 × urgency 1
        by_desk = services.request_submit(item=laptop(name="VPN"), actor=people["tech"], answers={}, impact=1,
                                          urgency=1)
        assert by_desk.priority == 1

    def test_an_admin_edit_of_the_incidents_matrix_applies_to_requests(self, people):
        PriorityMatrix.objects.update_or_create(impact=3, urgency=2, defaults={"priority": 5})
        request = services.request_submit(item=laptop(), actor=people["rita"], answers={})
        assert request.priority == 5

    def test_requesters_give_urgency_not_impact_and_bad_levels_are_refused(self, people):
        with pytest.raises(ValidationError) as refused:
            services.request_submit(item=laptop(), actor=people["rita"], answers={}, impact=1)
        assert "impact" in refused.value.message_dict
        with pytest.raises(ValidationError) as bad:
            services.request_submit(item=laptop(name="X"), actor=people["tech"], answers={}, urgency=7)
        assert "urgency" in bad.value.message_dict

    def test_the_desk_reprioritises_and_the_sla_follows(self, people):
        calendar = CalendarFactory()  # 24×7
        PolicyFactory(name="normal", applies_to="request", calendar=calendar, response_minutes=600,
                      resolution_minutes=2400, pause_on=[])
        PolicyFactory(name="urgent", applies_to="request", priority=1, calendar=calendar, response_minutes=30,
                      resolution_minutes=240, pause_on=[])
        request = services.request_submit(item=laptop(), actor=people["rita"], answers={}, at=T0)
        assert resolution_timer(request).due_at == T0 + timedelta(minutes=2400)
        with pytest.raises(PermissionDenied):
            services.request_prioritise(request=request, actor=people["rita"], impact=1, urgency=1)
        services.request_prioritise(request=request, actor=people["tech"], impact=1, urgency=1,
                                    at=T0 + timedelta(minutes=60))
        request.refresh_from_db()
        timer = resolution_timer(request)
        assert request.priority == 1 and timer.policy.name == "urgent"
        # 60 minutes consumed are kept: 180 of the 240 are left
        assert timer.due_at == T0 + timedelta(minutes=240)
        assert request.history.first().history_change_reason == "priority P1"


class TestApi:
    def test_impact_urgency_priority_and_due_at(self, api, people):
        PolicyFactory(applies_to="request", calendar=CalendarFactory(), response_minutes=60,
                      resolution_minutes=1440, pause_on=[])
        item = laptop()
        client = api.as_user(people["rita"])
        made = client.post("/api/v1/requests/", {"catalog_item": item.pk, "urgency": 1}, format="json")
        assert made.status_code == 201, made.content
        body = made.json()
        assert (body["impact"], body["urgency"], body["priority"]) == (3, 1, 3)
        due = resolution_timer(item.requests.get()).due_at
        assert datetime.fromisoformat(body["due_at"]) == due
        refused = client.post("/api/v1/requests/", {"catalog_item": item.pk, "impact": 1}, format="json")
        assert refused.status_code == 400 and "impact" in refused.json()
        bad = client.post("/api/v1/requests/", {"catalog_item": item.pk, "urgency": 9}, format="json")
        assert bad.status_code == 400 and "urgency" in bad.json()

    def test_due_at_is_null_without_an_sla_and_projected_while_paused(self, api, people, make_user):
        mona = make_user(Role.REQUESTER, username="mona")
        from catalog.services import profile_for

        profile = profile_for(people["rita"])
        profile.manager = mona
        profile.save()
        client = api.as_user(people["rita"])
        none = client.post("/api/v1/requests/", {"catalog_item": laptop().pk}, format="json").json()
        assert none["due_at"] is None
        policy = PolicyFactory(applies_to="request", calendar=CalendarFactory(), response_minutes=60,
                               resolution_minutes=600, pause_on=["awaiting_approval"])
        item = laptop(name="Phone", approvals=[{"level": 1, "approver": "manager"}], sla_policy=policy)
        before = timezone.now()
        waiting = client.post("/api/v1/requests/", {"catalog_item": item.pk}, format="json").json()
        assert waiting["status"] == "awaiting_approval"
        assert {t["status"] for t in waiting["sla"]} == {"paused"}
        due = datetime.fromisoformat(waiting["due_at"])
        # the whole 600 minutes are left, counted from now (the clock resumes on approval)
        assert before + timedelta(minutes=600) <= due <= timezone.now() + timedelta(minutes=600)

    def test_prioritise_action(self, api, people):
        request = services.request_submit(item=laptop(), actor=people["rita"], answers={})
        url = f"/api/v1/requests/{request.pk}/prioritise/"
        assert api.as_user(people["rita"]).post(url, {"impact": 1, "urgency": 1}, format="json").status_code == 403
        staff = api.as_user(people["tech"])
        assert staff.post(url, {"impact": 0, "urgency": 1}, format="json").status_code == 400
        done = staff.post(url, {"impact": 2, "urgency": 1}, format="json")
        assert done.status_code == 200 and done.json()["priority"] == 2


class TestRequesterEscalation:
    def test_the_sweep_tells_the_requester_once_when_the_delivery_date_is_missed(
            self, people, celery_eager, django_capture_on_commit_callbacks):
        policy = PolicyFactory(applies_to="request", calendar=CalendarFactory(), response_minutes=None,
                               resolution_minutes=120, pause_on=[])
        EscalationRuleFactory(policy=policy, metric="resolution", at_percent=100, notify="requester",
                              channels=["email", "in_app"])
        request = services.request_submit(item=laptop(sla_policy=policy), actor=people["rita"], answers={}, at=T0)
        assert sla.sla_sweep(now=T0 + timedelta(minutes=119)).escalated == 0
        with django_capture_on_commit_callbacks(execute=True):
            result = sla.sla_sweep(now=T0 + timedelta(minutes=121))
        assert result.escalated == 1
        told = Delivery.objects.filter(template="sla-requester-late")
        assert {(d.user_id, d.channel) for d in told} == {(people["rita"].pk, "email"), (people["rita"].pk, "in_app")}
        assert all(d.url == f"/portal/requests/{request.pk}/" for d in told)
        assert request.number in told.first().subject
        with django_capture_on_commit_callbacks(execute=True):
            assert sla.sla_sweep(now=T0 + timedelta(minutes=300)).escalated == 0
        assert Delivery.objects.filter(template="sla-requester-late").count() == 2

    def test_the_sla_policy_api_accepts_requester(self, api, make_user):
        admin = make_user(Role.ADMIN, username="boss")
        calendar = CalendarFactory()
        made = api.as_user(admin).post("/api/v1/sla-policies/", {
            "name": "Requests", "applies_to": "request", "calendar": calendar.pk, "resolution_minutes": 600,
            "escalations": [{"metric": "resolution", "at_percent": 100, "notify": "requester",
                             "channels": ["email"]}]}, format="json")
        assert made.status_code == 201, made.content
        assert made.json()["escalations"][0]["notify"] == "requester"


class TestPages:
    def test_the_tracker_and_the_request_page_show_the_expected_date(self, client, people):
        PolicyFactory(applies_to="request", calendar=CalendarFactory(), response_minutes=60,
                      resolution_minutes=1440, pause_on=[])
        request = services.request_submit(item=laptop(), actor=people["rita"], answers={})
        client.force_login(people["rita"])
        page = client.get(f"/portal/requests/{request.pk}/").content.decode()
        assert 'data-testid="expected"' in page
        due = resolution_timer(request).due_at
        assert f'datetime="{timezone.localtime(due).strftime("%Y-%m-%dT%H:%M:%S")}' in page
        client.force_login(people["tech"])
        agent_page = client.get(f"/requests/{request.pk}/").content.decode()
        assert 'data-testid="expected"' in agent_page and "P4" in agent_page
        moved = client.post(f"/requests/{request.pk}/prioritise/",
                            {"prioritise-impact": "1", "prioritise-urgency": "2"})
        assert moved.status_code == 302
        request.refresh_from_db()
        assert request.priority == 2
