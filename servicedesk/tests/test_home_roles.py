"""The home page by role: each role sees its own parts (someone with several roles sees each
of them), and a fixed number of queries whatever the number of rows in each list."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from catalog.tests.factories import ConfigurationItemFactory, CustomerFactory, ServiceFactory, UserFactory
from changes.models import Vote
from changes.tests.factories import BlackoutWindowFactory, CABBoardFactory, ChangeFactory
from contactcenter.tests.factories import CallbackFactory
from core.roles import Role
from crm.models import Complaint
from incidents.tests.factories import IncidentFactory, MajorIncidentFactory, StakeholderUpdateFactory
from notifications.models import Notification
from servicedesk.views import HOME_ROWS, _week
from servicerequests.tests.factories import ApprovalFactory, ServiceRequestFactory
from sla.tests.factories import SLATimerFactory

#: The parts of the page (``data-part``) and the sections (``data-testid``) in each.
SECTIONS = {
    "agent": ["my-queue", "home-at-risk", "home-callbacks"],
    "cab": ["home-awaiting-vote", "home-voted"],
    "change_manager": ["home-to-assess", "home-schedule"],
    "manager": ["home-kpis", "home-breaches", "home-majors", "home-complaints"],
    "requester": ["catalog-links", "portal-links", "home-my-tickets", "home-approvals", "home-outages"],
}
PART_OF = {Role.AGENT: "agent", Role.CAB_MEMBER: "cab", Role.CHANGE_MANAGER: "change_manager",
           Role.MANAGER: "manager", Role.ADMIN: "manager", Role.REQUESTER: "requester"}


def fill(user, n: int) -> None:
    """``n`` rows in every list of every part for ``user`` (whatever their roles)."""
    now = timezone.now()
    service = ServiceFactory()
    # Agent: my incidents with their clocks, timers due soon (incidents and requests), callbacks.
    for _ in range(n):
        mine = IncidentFactory(assignee=user, status="assigned", priority=2)
        SLATimerFactory(ticket=mine, due_at=now + timedelta(minutes=30))
        SLATimerFactory(ticket=ServiceRequestFactory(), kind="request", due_at=now + timedelta(minutes=20))
        CallbackFactory(agent=user, status="open", number="+302100000000")
    # CAB member: changes awaiting the board's vote, and changes voted on.
    board = CABBoardFactory()
    board.members.add(user)
    for _ in range(n):
        ChangeFactory(status="cab_review", approval_stage="cab", submitted_at=now)
        Vote.objects.create(change=ChangeFactory(status="authorized"), board=board, member=user, decision="approve")
    # Change manager: RFCs to assess, this week's schedule (with services, CIs, a freeze).
    start, _end = _week(now)
    for i in range(n):
        ChangeFactory(status="submitted", submitted_at=now)
        planned = ChangeFactory(status="scheduled", planned_start=start + timedelta(hours=i + 1),
                                planned_end=start + timedelta(hours=i + 3))
        planned.services.add(service)
        planned.cis.add(ConfigurationItemFactory())
        BlackoutWindowFactory(start=start + timedelta(days=2), end=start + timedelta(days=3)).services.add(service)
    # Manager: breaches (incidents and requests), open major incidents, open complaints.
    customer = CustomerFactory()
    for _ in range(n):
        SLATimerFactory(status="breached", due_at=now - timedelta(hours=2), breached_at=now - timedelta(hours=2))
        SLATimerFactory(ticket=ServiceRequestFactory(), kind="request", status="breached",
                        due_at=now - timedelta(hours=1), breached_at=now - timedelta(hours=1))
        MajorIncidentFactory(manager=UserFactory())
        Complaint.objects.create(customer=customer, subject="Rude answer", number=None)
    # Requester: my incidents and requests, approvals waiting for me, an outage on my service.
    for _ in range(n):
        IncidentFactory(requester=user, service=service)
        ServiceRequestFactory(requested_by=user)
        ApprovalFactory(approver=user, request=ServiceRequestFactory(status="awaiting_approval", current_level=1))
        outage = MajorIncidentFactory(incident=IncidentFactory(is_major=True, service=service))
        outage.services.add(service)
        StakeholderUpdateFactory(major_incident=outage, audiences=["public"])
    for i in range(n):
        Notification.objects.create(user=user, subject=f"News {i}", url="/profile/")


def home(client, user):
    """The home page as ``user``, with its query count: cold, as after a rollup run (the KPI
    figures are cached until the next one: ``kpis.caching``)."""
    from kpis.caching import rollups_changed

    client.force_login(user)
    rollups_changed()
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/")
    assert response.status_code == 200
    return response, len(queries.captured_queries)


def shown(response) -> tuple[set[str], set[str]]:
    html = response.content.decode()
    parts = {part for part in SECTIONS if f'data-part="{part}"' in html}
    sections = {testid for testids in SECTIONS.values() for testid in testids if f'data-testid="{testid}"' in html}
    return parts, sections


@pytest.mark.django_db
@pytest.mark.parametrize("roles", [
    (Role.AGENT,), (Role.CAB_MEMBER,), (Role.CHANGE_MANAGER,), (Role.MANAGER,), (Role.ADMIN,), (Role.REQUESTER,),
    (Role.AGENT, Role.CAB_MEMBER), (Role.MANAGER, Role.CHANGE_MANAGER, Role.REQUESTER),
], ids=lambda roles: "+".join(roles))
def test_each_role_sees_its_parts_and_no_other(client, make_user, roles):
    user = make_user(*roles)
    fill(user, 1)
    response, _count = home(client, user)
    parts, sections = shown(response)
    expected = {PART_OF[role] for role in roles}
    assert parts == expected
    assert sections == {testid for part in expected for testid in SECTIONS[part]}
    html = response.content.decode()
    assert 'data-testid="home-notifications"' in html and "News 0" in html
    assert ("Welcome" in html) is (roles != (Role.REQUESTER,))


@pytest.mark.django_db
def test_the_lists_show_the_rows_of_each_role(client, make_user):
    user = make_user(Role.AGENT, Role.CAB_MEMBER, Role.CHANGE_MANAGER, Role.MANAGER, Role.REQUESTER)
    fill(user, 2)
    response, _count = home(client, user)
    ctx = response.context
    assert len(ctx["my_incidents"]) == 2 and ctx["queue_counts"]["mine"] == 2
    assert len(ctx["at_risk"]) == 4 and {row["timer"].kind for row in ctx["at_risk"]} == {"incident", "request"}
    assert all(row["ticket"] is not None for row in ctx["at_risk"] + ctx["breaches"])
    assert len(ctx["callbacks"]) == 2
    assert len(ctx["awaiting_vote"]) == 2 and len(ctx["voted"]) == 2
    assert all(change.status == "submitted" for change in ctx["to_assess"]) and len(ctx["to_assess"]) == 2
    assert len(ctx["schedule"]["changes"]) == 2 and ctx["schedule"]["blackouts"]
    assert len(ctx["breaches"]) == 4 and all(row["timer"].status == "breached" for row in ctx["breaches"])
    assert len(ctx["majors"]) == 4  # two for the manager, two on the requester's service
    assert len(ctx["complaints"]) == 2
    assert len(ctx["requester_incidents"]) == 2 and len(ctx["requester_requests"]) == 2
    assert len(ctx["approvals"]) == 2 and len(ctx["outages"]) == 2
    assert [group["items"] for group in ctx["notification_groups"]][0][0].subject == "News 1"
    assert str(ctx["notification_groups"][0]["label"]) == "Today"


@pytest.mark.django_db
def test_the_lists_stop_at_a_few_rows_and_link_to_the_rest(client, make_user):
    user = make_user(Role.CAB_MEMBER)
    board = CABBoardFactory()
    board.members.add(user)
    for _ in range(HOME_ROWS + 1):
        ChangeFactory(status="cab_review", approval_stage="cab", submitted_at=timezone.now())
    response, _count = home(client, user)
    assert len(response.context["awaiting_vote"]) == HOME_ROWS and response.context["more_awaiting_vote"]


@pytest.mark.django_db
def test_a_requester_sees_only_public_news_of_their_own_services(client, make_user):
    requester = make_user(Role.REQUESTER)
    mine, other = ServiceFactory(), ServiceFactory()
    IncidentFactory(requester=requester, service=mine)
    for service, audiences in ((mine, ["public"]), (mine, ["technical"]), (other, ["public"])):
        major = MajorIncidentFactory(incident=IncidentFactory(is_major=True, service=service),
                                     summary=f"Outage {service.pk} {audiences[0]}")
        major.services.add(service)
        StakeholderUpdateFactory(major_incident=major, audiences=audiences)
    response, _count = home(client, requester)
    assert [outage.title for outage in response.context["outages"]] == [f"Outage {mine.pk} public"]
    assert f"Outage {other.pk}" not in response.content.decode()


#: Queries per home page, with rows in every list (user, roles, unread count and the
#: notifications included; the session comes from the cache). Pinned: a change here means a
#: page that got slower.
QUERIES = {
    (Role.AGENT,): 17,
    (Role.CAB_MEMBER,): 7,
    (Role.CHANGE_MANAGER,): 11,
    (Role.MANAGER,): 13,
    (Role.REQUESTER,): 12,
}


@pytest.mark.django_db
@pytest.mark.parametrize("roles", list(QUERIES), ids=lambda roles: "+".join(roles))
def test_the_queries_of_each_home_do_not_grow_with_the_rows(client, make_user, roles):
    few, many = make_user(*roles), make_user(*roles)
    fill(few, 1)
    fill(many, 3)
    _response, with_few = home(client, few)
    _response, with_many = home(client, many)
    assert with_few == with_many == QUERIES[roles], (with_few, with_many)


@pytest.mark.django_db
def test_several_roles_cost_the_sum_of_their_parts(client, make_user):
    """Someone with every role: every part, still a fixed number of queries."""
    everyone = (Role.AGENT, Role.CAB_MEMBER, Role.CHANGE_MANAGER, Role.MANAGER, Role.REQUESTER)
    few, many = make_user(*everyone), make_user(*everyone)
    fill(few, 1)
    fill(many, 3)
    _response, with_few = home(client, few)
    _response, with_many = home(client, many)
    assert with_few == with_many
