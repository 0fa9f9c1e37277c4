"""Bare source rows for the KPI tests (the rollups read columns, so the tests write them
directly: no webhooks, no services; the factories live in their own apps and are imported
here for the test modules that take them from this one), and the hand-built fixtures of
calls and tickets whose expected figures the tests work out by hand. Test modules import the
fixtures they use."""

from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.contenttypes.models import ContentType

from catalog.tests.factories import ContactFactory, ServiceFactory, TeamFactory, UserFactory
from contactcenter.tests.factories import AgentStateLogFactory, CallbackFactory, CallFactory, QueueFactory
from incidents.models import Incident
from incidents.tests.factories import IncidentFactory, MajorIncidentFactory
from sla.models import SLATimer
from sla.tests.factories import CalendarFactory, PolicyFactory


def sla_timer(ticket: Incident, *, metric: str, status: str, at, team=None) -> SLATimer:
    """A stopped timer of ``ticket``: met or breached at ``at``."""
    policy = PolicyFactory(calendar=CalendarFactory())
    return SLATimer.objects.create(
        content_type=ContentType.objects.get_for_model(ticket), object_id=ticket.pk, metric=metric, policy=policy,
        calendar=policy.calendar, status=status, target=timedelta(hours=1), started_at=ticket.created_at,
        met_at=at if status == "met" else None, breached_at=at if status == "breached" else None, kind="incident",
        priority=ticket.priority, team=team or ticket.team, service=ticket.service)

#: A Monday in the past; the contact-center interval under test is 09:00–09:15 UTC.
D = datetime(2025, 3, 3, tzinfo=UTC)
T0 = D + timedelta(hours=9)


def at(minutes: float = 0, base: datetime = T0) -> datetime:
    return base + timedelta(minutes=minutes)


@pytest.fixture
def kpi_settings(settings):
    settings.KPI_ABANDON_GRACE_SECONDS = 5
    settings.KPI_COST_PER_AGENT_HOUR = 30.0
    return settings


@pytest.fixture
def contact_center(db, kpi_settings):
    """Eight calls in 09:00–09:15 and one repeat at 09:20:

    ==  =====  ===========  ====  ====  ====  ====  =====  ====
    #   queue  outcome      wait  talk  hold  wrap  csat   agent
    ==  =====  ===========  ====  ====  ====  ====  =====  ====
    1   A(20)  answered     10    100   0     20    5      X    (repeated by #10)
    2   A      answered     20    200   30    40    4      X
    3   A      transferred  25    300   0     —     2      Y    (1 transfer)
    4   B(30)  answered     29    400   10    60    —      Y
    5   A      abandoned    40
    6   A      abandoned    3                                   (short: within the 5 s grace)
    7   B      abandoned    5
    8   —      deflected                                        (announcement, no queue)
    10  A      answered     15    50    0     10    —      X    09:20, repeat of #1
    ==  =====  ===========  ====  ====  ====  ====  =====  ====
    """
    queue_a, queue_b = QueueFactory(name="a", service_level_seconds=20), QueueFactory(name="b",
                                                                                    service_level_seconds=30)
    x, y = UserFactory(username="agent-x"), UserFactory(username="agent-y")
    team = TeamFactory(name="Phones")
    team.members.add(x)
    service = ServiceFactory(name="Mail")
    contact = ContactFactory()

    def answered(minute, queue, wait, talk, hold, wrap, csat, agent, **kwargs):
        return CallFactory(started_at=at(minute), queue=queue, answered_at=at(minute, T0) + timedelta(seconds=wait),
                           wait_seconds=wait, talk_seconds=talk, hold_seconds=hold, wrap_up_seconds=wrap, csat=csat,
                           agent=agent, outcome=kwargs.pop("outcome", "answered"), service=service, **kwargs)

    calls = {
        1: answered(1, queue_a, 10, 100, 0, 20, 5, x, contact=contact),
        2: answered(2, queue_a, 20, 200, 30, 40, 4, x),
        3: answered(3, queue_a, 25, 300, 0, None, 2, y, transfers=1, outcome="transferred"),
        4: answered(4, queue_b, 29, 400, 10, 60, None, y),
        5: CallFactory(started_at=at(5), queue=queue_a, outcome="abandoned", wait_seconds=40),
        6: CallFactory(started_at=at(6), queue=queue_a, outcome="abandoned", wait_seconds=3),
        7: CallFactory(started_at=at(7), queue=queue_b, outcome="abandoned", wait_seconds=5),
        8: CallFactory(started_at=at(8), queue=None, outcome="deflected"),
    }
    calls[10] = answered(20, queue_a, 15, 50, 0, 10, None, x, contact=contact, repeat_of=calls[1])
    # Callbacks: #5 created 09:05, done 09:35 (1800 s); #7 created 09:10, done 09:20 (600 s).
    CallbackFactory(call=calls[5], created_at=at(5), done_at=at(35), status="done", agent=x)
    CallbackFactory(call=calls[7], created_at=at(10), done_at=at(20), status="done", agent=y)
    # X: available 08:50–09:05, busy 09:05–09:10, wrap-up 09:10–09:12, available 09:12–09:20, offline.
    # Y: busy 09:00–09:15, then still available (no end).
    for user, state, began, ended in ((x, "available", -10, 5), (x, "busy", 5, 10), (x, "wrap_up", 10, 12),
                                      (x, "available", 12, 20), (x, "offline", 20, None), (y, "busy", 0, 15),
                                      (y, "available", 15, None)):
        AgentStateLogFactory(user=user, state=state, started_at=at(began),
                             ended_at=at(ended) if ended is not None else None)
    return {"calls": calls, "queues": (queue_a, queue_b), "agents": (x, y), "team": team, "service": service}


@pytest.fixture
def itsm(db):
    """Day D (2025-03-03) of the ITSM fixture:

    - i1 (team T1, P2): created 08:00, acknowledged 08:10 (600 s), resolved 10:00 (7200 s);
    - i2 (T1, P2): created 09:00, acknowledged 09:30 (1800 s), resolved 13:00 (14400 s), reopened once;
    - i3 (T2, P1): created D−10d 12:00, acknowledged then; still open (10.5 days old at the end of D);
    - i4 (T2, P1): created 20:00, acknowledged 20:20 (1200 s), open (4 h old at the end of D);
    - i0 (T1, P2): created and resolved D−5d, the master of the previous major incident;
    - SLA timers: met on D ×3 (i1 response and resolution, i2 response, team T1), breached on D ×1 (i4, T2);
    - major incidents: m0 impact D−5d 00:00, resolved D−5d 04:00; m1 on i1 impact 08:00, declared 08:15;
    - changes completed on D: successful, failed (caused i4), successful; submitted on D: 2 normal, 2 emergency;
    - a problem created D−2d, a known error on D (172800 s); a request created 08:00, fulfilled 09:30 (5400 s).
    """
    from changes.models import Change
    from problems.models import Problem
    from servicerequests.models import CatalogItem, ServiceRequest

    t1, t2 = TeamFactory(name="T1"), TeamFactory(name="T2")
    service = ServiceFactory(name="Payroll")

    def incident(team, priority, created, **kwargs):
        return IncidentFactory(team=team, priority=priority, created_at=created, service=service, **kwargs)

    i1 = incident(t1, 2, at(8 * 60, D), acknowledged_at=at(8 * 60 + 10, D), resolved_at=at(10 * 60, D),
                  status="resolved")
    i2 = incident(t1, 2, at(9 * 60, D), acknowledged_at=at(9 * 60 + 30, D), resolved_at=at(13 * 60, D),
                  status="resolved", reopen_count=1)
    i3 = incident(t2, 1, D - timedelta(days=10) + timedelta(hours=12), status="in_progress",
                  acknowledged_at=D - timedelta(days=10) + timedelta(hours=12, minutes=5))
    i4 = incident(t2, 1, at(20 * 60, D), acknowledged_at=at(20 * 60 + 20, D), status="in_progress")
    i0 = incident(t1, 2, D - timedelta(days=5), resolved_at=D - timedelta(days=5, hours=-4), status="closed")
    sla_timer(i1, metric="response", status="met", at=at(8 * 60 + 10, D))
    sla_timer(i1, metric="resolution", status="met", at=at(10 * 60, D))
    sla_timer(i2, metric="response", status="met", at=at(9 * 60 + 30, D))
    sla_timer(i4, metric="response", status="breached", at=at(21 * 60, D))
    MajorIncidentFactory(incident=i0, started_at=D - timedelta(days=5), declared_at=D - timedelta(days=5, minutes=-10),
                         resolved_at=D - timedelta(days=5, hours=-4), status="closed")
    MajorIncidentFactory(incident=i1, started_at=at(8 * 60, D), declared_at=at(8 * 60 + 15, D),
                         resolved_at=at(10 * 60, D), status="resolved")
    noon = at(12 * 60, D)
    for number, (kind, outcome) in enumerate([("normal", "successful"), ("emergency", "failed"),
                                              ("normal", "successful"), ("emergency", "")]):
        change = Change.objects.create(title=f"c{number}", type=kind, outcome=outcome, submitted_at=noon,
                                       completed_at=noon if outcome else None, number=f"CHG9{number:05d}")
        if outcome == "failed":
            change.caused_incidents.add(i4)
    Problem.objects.create(title="p", created_at=D - timedelta(days=2), known_error_at=D, status="known_error",
                           number="PRB900001")
    requester = UserFactory(username="req-kpi")
    item = CatalogItem.objects.create(name="Laptop")
    ServiceRequest.objects.create(catalog_item=item, requested_by=requester, requested_for=requester,
                                  created_at=at(8 * 60, D), fulfilled_at=at(9 * 60 + 30, D), status="fulfilled",
                                  number="REQ900001")
    return {"teams": (t1, t2), "service": service, "incidents": (i0, i1, i2, i3, i4)}
