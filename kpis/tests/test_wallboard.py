"""The wallboard: its figures from a fixture of today's calls and the agents' states, who
may see it, the htmx panel, and a query count that does not grow with the rows."""

from datetime import UTC, datetime, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from catalog.tests.factories import UserFactory
from contactcenter.choices import AgentStateChoice, CallOutcome
from contactcenter.models import AgentState, Call, Queue
from core.roles import Role
from kpis.floor import floor_now

pytestmark = pytest.mark.django_db

URL = reverse("dashboards:wallboard")
NOW = datetime.combine(timezone.now().astimezone(UTC).date(), time(12, 0), tzinfo=UTC)


def call(queue, *, queued=-600, wait=None, answered=False, ended=True, outcome="", agent=None, direction="inbound",
         started=None):
    """A call that reached ``queue`` ``-queued`` seconds before NOW."""
    call.n = getattr(call, "n", 0) + 1
    queued_at = NOW + timedelta(seconds=queued)
    return Call.objects.create(
        call_sid=f"CAW{call.n:05d}", direction=direction, queue=queue, started_at=started or queued_at - timedelta(
            seconds=15), queued_at=queued_at, wait_seconds=wait, agent=agent,
        answered_at=queued_at + timedelta(seconds=wait or 0) if answered else None,
        ended_at=queued_at + timedelta(seconds=300) if ended else None,
        outcome=outcome or (CallOutcome.ANSWERED if answered else ""))


@pytest.fixture
def floor(make_user):
    """Billing (answer within 20 s) and Tech (60 s):

    Billing today: answered after 10 s (in time) and 30 s; abandoned after 3 s (within the
    grace: not offered) and after 40 s; two callers waiting, for 90 s and 30 s. Yesterday's
    answered call and an outbound call do not count. Offered 5, answered 2, in time 1,
    abandoned 1.
    Tech today: answered after 45 s (in time) and 61 s; one ringing an agent. Offered 3,
    answered 2, in time 1.
    Agents: 2 available, 1 busy, 1 wrap-up, 3 offline."""
    billing = Queue.objects.create(name="billing", service_level_seconds=20)
    tech = Queue.objects.create(name="tech", service_level_seconds=60)
    call(billing, wait=10, answered=True)
    call(billing, wait=30, answered=True)
    call(billing, wait=3, outcome=CallOutcome.ABANDONED)
    call(billing, wait=40, outcome=CallOutcome.ABANDONED)
    call(billing, queued=-90, ended=False)
    call(billing, queued=-30, ended=False)
    call(billing, queued=-86400 - 3600, wait=5, answered=True)
    Call.objects.create(call_sid="CAOUT", direction="outbound-api", started_at=NOW - timedelta(minutes=5))
    call(tech, wait=45, answered=True)
    call(tech, wait=61, answered=True)
    call(tech, queued=-10, ended=False, agent=make_user(Role.AGENT, username="ringing"))
    states = [AgentStateChoice.AVAILABLE] * 2 + [AgentStateChoice.BUSY, AgentStateChoice.WRAP_UP] + \
        [AgentStateChoice.OFFLINE] * 3
    for i, state in enumerate(states):
        AgentState.objects.create(user=make_user(Role.AGENT, username=f"floor{i}"), state=state)
    return billing, tech


class TestFigures:
    def test_per_queue_and_in_total(self, floor, django_assert_num_queries):
        with timezone.override(UTC), django_assert_num_queries(3):
            board = floor_now(now=NOW)
        billing, tech = board["queues"]
        assert (billing.name, billing.waiting, billing.longest_wait_seconds, billing.longest_wait_display) == \
            ("billing", 2, 90, "1:30")
        assert (billing.offered, billing.answered, billing.answered_in_time, billing.abandoned) == (5, 2, 1, 1)
        assert billing.service_level == 0.2 and billing.abandonment_rate == 0.2
        assert (tech.waiting, tech.longest_wait_seconds, tech.longest_wait_display) == (0, None, "—")
        assert (tech.offered, tech.answered, tech.answered_in_time, tech.abandoned) == (3, 2, 1, 0)
        total = board["total"]
        assert (total.waiting, total.longest_wait_seconds, total.offered) == (2, 90, 8)
        assert total.service_level == 0.25 and total.abandonment_rate == 0.125
        assert {a["state"]: a["count"] for a in board["agents"]} == {
            "available": 2, "busy": 1, "wrap_up": 1, "offline": 3}
        assert board["logged_in"] == 4

    def test_the_grace_is_a_setting(self, floor, settings):
        settings.KPI_ABANDON_GRACE_SECONDS = 0
        with timezone.override(UTC):
            billing = floor_now(now=NOW)["queues"][0]
        assert (billing.offered, billing.abandoned) == (6, 2)

    def test_nothing_yet(self):
        board = floor_now()
        assert board["queues"] == [] and board["total"].service_level is None and board["logged_in"] == 0


class TestPage:
    def test_access(self, client, make_user):
        response = client.get(URL)
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
        expired = client.get(URL, HTTP_HX_REQUEST="true")  # a wallboard whose session ended
        assert expired.status_code == 200 and expired["HX-Redirect"].startswith(reverse("login"))
        client.force_login(make_user(Role.REQUESTER))
        assert client.get(URL).status_code == 403
        for role in (Role.AGENT, Role.MANAGER, Role.ADMIN):
            client.force_login(make_user(role))
            assert client.get(URL).status_code == 200

    def test_full_page_and_htmx_panel(self, client, make_user, settings):
        settings.WALLBOARD_REFRESH_SECONDS = 7
        Queue.objects.create(name="billing")
        Call.objects.create(call_sid="CAQ", queue=Queue.objects.get(), queued_at=timezone.now() - timedelta(seconds=5))
        client.force_login(make_user(Role.MANAGER))
        html = client.get(URL).content.decode()
        assert "<html" in html and 'hx-trigger="every 7s"' in html
        assert 'data-testid="waiting-total">1<' in html
        panel = client.get(URL, HTTP_HX_REQUEST="true").content.decode()
        assert "<html" not in panel and panel.lstrip().startswith('<div id="wallboard"')
        assert 'data-testid="waiting-total">1<' in panel

    def test_queries_do_not_grow_with_rows(self, client, make_user, django_assert_max_num_queries):
        client.force_login(make_user(Role.MANAGER))
        queue = Queue.objects.create(name="q0")
        call(queue, queued=-5, ended=False, started=timezone.now())
        with django_assert_max_num_queries(50) as baseline:
            client.get(URL)
        for i in range(1, 6):
            extra = Queue.objects.create(name=f"q{i}")
            for _ in range(5):
                Call.objects.create(call_sid=f"CAX{i}{_}", queue=extra, queued_at=timezone.now())
            AgentState.objects.create(user=UserFactory(username=f"extra{i}"), state=AgentStateChoice.BUSY)
        with django_assert_max_num_queries(len(baseline.captured_queries)):
            assert client.get(URL).status_code == 200
