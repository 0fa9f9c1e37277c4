"""Issue 23: on PostgreSQL a master's resolution and a declaration's links write their
per-child rows in SQL (history ``INSERT … SELECT``, SLA timers stopped with one ``UPDATE …
FROM``, their events with one ``INSERT … SELECT``, one ``UPDATE`` of the incidents). These tests
run the same scenario through the model path (what other databases run, and what ran here
before) and through the SQL path, each from the same savepoint, and compare every row written:
the incidents, their history rows, their SLA timers, escalations and events, the war-room
timeline. Only the instants the code takes from the clock (``updated_at``, ``history_date`` of
the resolve, ``recorded_at``) and the primary keys of new rows may differ."""

from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection, transaction
from django.db.models import F
from django.test.utils import CaptureQueriesContext

from core.roles import Role
from incidents import services
from incidents.models import Incident, TimelineEvent
from incidents.services import setbased
from sla.models import SLAEscalation, SLAEvent, SLATimer
from sla.services import bulk
from sla.tests.factories import CalendarFactory, EscalationRuleFactory, PolicyFactory, office_hours

pytestmark = pytest.mark.django_db

T0 = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)  # a Monday
RESOLVED_AT = T0 + timedelta(hours=2)
CLOCK = {"updated_at", "history_date", "recorded_at"}


@pytest.fixture
def desk(desk):
    """The shared desk (incidents/tests/conftest.py), its policy escalating, and a phone policy."""
    policy = desk.pop("policy")
    for metric, percent in (("response", 75), ("resolution", 50), ("resolution", 100)):
        EscalationRuleFactory(policy=policy, metric=metric, at_percent=percent)
    # Calls are answered on a calendar of one working hour a day (09:00–10:00): business time
    # differs from elapsed time, so the SQL path asks Python for it.
    PolicyFactory(name="phone", channel="phone", response_minutes=30, resolution_minutes=240, pause_on=["on_hold"],
                  calendar=office_hours(CalendarFactory(name="One hour"), "09:00", "10:00"))
    return desk


def report(desk, make_user, name: str, *, at: datetime, **kwargs) -> Incident:
    requester = make_user(Role.REQUESTER, username=name, email=f"{name}@example.test")
    return services.incident_create(title=f"Cannot log in ({name})", actor=requester, service=desk["service"], at=at,
                                    **kwargs)


@pytest.fixture
def outage(desk, make_user):
    """A master with children in every state a clock can be in when the master is resolved."""
    agent = desk["agent"]
    master = services.incident_create(title="Internet banking down", actor=agent, service=desk["service"], at=T0)
    kids = {
        # response due 10:00:00.123456, passed at 11:00: breached then (its data has microseconds)
        "late": report(desk, make_user, "late", at=T0 + timedelta(microseconds=123456)),
        "late_whole": report(desk, make_user, "late-whole", at=T0 + timedelta(minutes=1)),  # due 10:01:00
        "fresh": report(desk, make_user, "fresh", at=T0 + timedelta(minutes=90)),  # escalations not due yet
        "held": report(desk, make_user, "held", at=T0 + timedelta(minutes=5)),  # paused clocks
        "phone": report(desk, make_user, "phone", at=T0 + timedelta(minutes=10), channel="phone"),
        "answered": report(desk, make_user, "answered", at=T0 + timedelta(minutes=20)),  # response met late
        "done": report(desk, make_user, "done", at=T0 + timedelta(minutes=3)),  # resolved before: untouched
    }
    services.incident_start(incident=kids["held"], actor=agent, at=T0 + timedelta(minutes=15))
    services.incident_hold(incident=kids["held"], actor=agent, reason="waiting for the customer",
                           at=T0 + timedelta(minutes=30))
    services.incident_add_note(incident=kids["answered"], actor=agent, body="Looking into it", visibility="public",
                               at=T0 + timedelta(minutes=85))
    services.incident_resolve(incident=kids["done"], actor=agent, resolution_code="workaround", resolution="cache",
                              at=T0 + timedelta(minutes=40))
    services.incident_link_to_master(master=master, incidents=list(kids.values()), actor=agent,
                                     at=T0 + timedelta(minutes=95))
    grandchild = report(desk, make_user, "grand", at=T0 + timedelta(minutes=50))
    services.incident_link(incident=grandchild, actor=agent, parent=kids["fresh"])
    kids["grand"] = grandchild
    return master, kids


def rows(queryset, *, order, drop=()):
    return [{k: v for k, v in row.items() if k not in CLOCK and k not in drop} for row in queryset.order_by(*order)
            .values()]


def written(incident_ids: list[int]) -> dict:
    timers = SLATimer.objects.filter(content_type__model="incident", object_id__in=incident_ids)
    return {
        "incidents": rows(Incident.objects.filter(pk__in=incident_ids), order=["id"]),
        "history": rows(Incident.history.filter(id__in=incident_ids), order=["id", "history_id"], drop={"history_id"}),
        "timers": rows(timers, order=["object_id", "metric"]),
        "escalations": rows(SLAEscalation.objects.filter(timer__in=timers), order=["id"]),
        "events": rows(SLAEvent.objects.filter(timer__in=timers), order=["id"], drop={"id"}),
        "timeline": rows(TimelineEvent.objects.all(), order=["id"], drop={"id", "major_incident_id"}),
    }


def both_paths(monkeypatch, action, incident_ids: list[int]) -> tuple[dict, dict]:
    """``action()`` through the model path, rolled back, then through the SQL path."""
    assert connection.vendor == "postgresql"
    sid = transaction.savepoint()
    with monkeypatch.context() as patched:
        patched.setattr(setbased, "sql_path", lambda: False)
        patched.setattr(bulk, "sql_path", lambda: False)
        action()
    by_models = written(incident_ids)
    transaction.savepoint_rollback(sid)
    action()
    return by_models, written(incident_ids)


class TestResolveWithMasterInSql:
    def test_the_sql_path_writes_the_rows_the_model_path_wrote(self, desk, outage, monkeypatch):
        master, kids = outage
        ids = [master.pk, *(kid.pk for kid in kids.values())]

        def resolve():
            services.incident_resolve(incident=Incident.objects.get(pk=master.pk), actor=desk["agent"],
                                      resolution_code="fixed", resolution="Load balancer restarted", at=RESOLVED_AT)

        by_models, by_sql = both_paths(monkeypatch, resolve, ids)
        for part in by_models:
            assert by_sql[part] == by_models[part], part
        # and what they wrote is what sla_stop and incident_resolve write one by one
        timers = {(t["object_id"], t["metric"]): t for t in by_sql["timers"]}
        late = timers[(kids["late"].pk, "response")]
        assert late["status"] == "breached" and late["breached_at"] == T0 + timedelta(minutes=60, microseconds=123456)
        assert late["met_at"] == RESOLVED_AT and late["last_resumed_at"] is None
        assert late["consumed"] == RESOLVED_AT - T0 - timedelta(microseconds=123456)
        breaches = [e["data"] for e in by_sql["events"] if e["kind"] == "breach"]
        assert {"breached_at": "2026-12-07T10:00:00.123456+00:00"} in breaches
        assert {"breached_at": "2026-12-07T10:01:00+00:00"} in breaches
        held = timers[(kids["held"].pk, "resolution")]
        assert held["status"] == "met" and held["consumed"] == timedelta(minutes=25)
        phone = timers[(kids["phone"].pk, "resolution")]  # 09:10–10:00 of business time, not 110 minutes
        assert phone["status"] == "met" and phone["consumed"] == timedelta(minutes=50)
        fresh = timers[(kids["fresh"].pk, "response")]  # its 75 % escalation (11:15) never comes
        assert fresh["status"] == "met" and fresh["next_escalation_at"] is None
        assert not [e for e in by_sql["escalations"] if e["timer_id"] == fresh["id"] and e["fire_at"]]
        answered = timers[(kids["answered"].pk, "response")]  # met at 10:25, after its 10:20 target
        assert answered["status"] == "breached" and answered["met_at"] == T0 + timedelta(minutes=85)
        stops = [e for e in by_sql["events"] if e["kind"] == "stop" and e["timer_id"] == answered["id"]]
        assert len(stops) == 1  # stopped by the comment, not again by the resolve
        incidents = {i["id"]: i for i in by_sql["incidents"]}
        assert incidents[kids["done"].pk]["resolution"] == "cache"
        assert all(incidents[kid.pk]["status"] == "resolved" for kid in kids.values())
        last = {}
        for row in by_sql["history"]:
            last[row["id"]] = row
        assert last[kids["grand"].pk]["history_change_reason"] == f"resolved with master {kids['fresh'].number}"
        assert last[kids["late"].pk]["history_change_reason"] == f"resolved with master {master.number}"
        assert last[kids["late"].pk]["history_user_id"] == desk["agent"].pk
        assert last[kids["late"].pk]["history_type"] == "~" and last[kids["late"].pk]["acknowledged_at"] == RESOLVED_AT

    def test_the_history_rows_carry_the_update_instant(self, desk, outage):
        master, kids = outage
        services.incident_resolve(incident=master, actor=desk["agent"], resolution_code="fixed", resolution="ok",
                                  at=RESOLVED_AT)
        row = Incident.history.filter(id=kids["late"].pk).latest("history_id")
        assert row.history_date == Incident.objects.get(pk=kids["late"].pk).updated_at

    def test_the_sql_path_has_a_fixed_number_of_statements(self, desk, outage, make_user):
        master, kids = outage
        with CaptureQueriesContext(connection) as ctx:
            services.incident_resolve(incident=master, actor=desk["agent"], resolution_code="fixed", resolution="ok",
                                      at=RESOLVED_AT)
        sql = [q["sql"] for q in ctx.captured_queries]
        # per level of links: the locking read, the calendars, one read of business-hour
        # instants (the phone calendar), the escalations, the timers with their events, the
        # incidents with their history rows; no statement names a child's id
        assert sum(s.startswith("WITH moved AS (UPDATE incidents_incident") for s in sql) == 2  # two levels
        assert sum(s.startswith("WITH stopped AS ( UPDATE sla_slatimer") for s in sql) == 2
        assert not any(f"= {kids['late'].pk}" in s or f"({kids['late'].pk}" in s for s in sql)


class TestDeclareLinksInSql:
    def test_the_sql_path_writes_the_rows_the_model_path_wrote(self, desk, make_user, monkeypatch):
        agent = desk["agent"]
        master = services.incident_create(title="Card payments down", actor=agent, service=desk["service"], at=T0)
        reports = [report(desk, make_user, f"card{k}", at=T0 + timedelta(minutes=k)) for k in range(4)]
        services.incident_start(incident=reports[1], actor=agent, at=T0 + timedelta(minutes=10))
        services.incident_hold(incident=reports[1], actor=agent, reason="waiting", at=T0 + timedelta(minutes=11))
        services.incident_resolve(incident=reports[3], actor=agent, resolution_code="fixed", resolution="ok",
                                  at=T0 + timedelta(minutes=12))
        ids = [master.pk, *(r.pk for r in reports)]

        def declare():
            services.major_incident_declare(incident=Incident.objects.get(pk=master.pk), actor=desk["boss"],
                                            summary="Card payments are failing", at=T0 + timedelta(minutes=30))

        by_models, by_sql = both_paths(monkeypatch, declare, ids)
        for part in by_models:
            assert by_sql[part] == by_models[part], part
        linked = [row for row in by_sql["incidents"] if row["parent_id"] == master.pk]
        assert [row["id"] for row in linked] == [r.pk for r in reports[:3]]
        history = [row for row in by_sql["history"] if row["history_change_reason"] == f"linked to {master.number}"]
        assert [row["id"] for row in history] == [r.pk for r in reports[:3]]
        assert all(row["history_user_id"] == desk["boss"].pk and row["history_type"] == "~" for row in history)
        assert Incident.history.filter(id=reports[0].pk).latest("history_id").history_date == T0 + timedelta(
            minutes=30)
        assert any(row["text"].startswith("3 incidents linked: ") and reports[2].number in row["text"]
                   for row in by_sql["timeline"])

    def test_link_to_master_answers_the_same_on_both_paths(self, desk, make_user, monkeypatch):
        master = services.incident_create(title="Down", actor=desk["agent"], service=desk["service"], at=T0)
        first, second = (report(desk, make_user, f"r{k}", at=T0) for k in range(2))
        answers = []
        for sql in (False, True):
            sid = transaction.savepoint()
            with monkeypatch.context() as patched:
                if not sql:
                    patched.setattr(setbased, "sql_path", lambda: False)
                services.incident_link_to_master(master=master, incidents=[first.pk], actor=desk["agent"], at=T0)
                answers.append(services.incident_link_to_master(master=master, incidents=[first, second.pk, master],
                                                                actor=None, at=T0))
            transaction.savepoint_rollback(sid)
        assert answers[0] == answers[1] == [(second.pk, second.number, second.title)]


def created(incident_id: int) -> dict:
    """What recording one incident wrote, without the keys a second run numbers differently."""
    timers = SLATimer.objects.filter(content_type__model="incident", object_id=incident_id)
    return {
        "incident": rows(Incident.objects.filter(pk=incident_id), order=["id"], drop={"id", "number"}),
        "history": rows(Incident.history.filter(id=incident_id), order=["history_id"],
                        drop={"id", "number", "history_id"}),
        "timers": rows(timers, order=["metric"], drop={"id", "object_id"}),
        "escalations": rows(SLAEscalation.objects.filter(timer__in=timers).annotate(
            metric=F("timer__metric")), order=["metric", "at_percent"], drop={"id", "timer_id"}),
        "events": rows(SLAEvent.objects.filter(timer__in=timers).annotate(metric=F("timer__metric")),
                       order=["metric", "id"], drop={"id", "timer_id"}),
    }


class TestCreateInSql:
    def test_the_sql_path_writes_the_rows_the_model_path_wrote(self, desk, make_user, monkeypatch):
        requester = make_user(Role.REQUESTER, username="rita", email="rita@example.test")
        answers = []
        for sql in (False, True):
            sid = transaction.savepoint()
            with monkeypatch.context() as patched:
                if not sql:
                    patched.setattr(setbased, "sql_path", lambda: False)
                    patched.setattr(bulk, "sql_path", lambda: False)
                incident = services.incident_create(title="VPN drops", actor=requester, service=desk["service"],
                                                    impact=1, urgency=2, at=T0)
            fresh = Incident.objects.get(pk=incident.pk)
            assert fresh.number == f"INC{incident.pk:06d}" == incident.number
            clocks = [(t.metric, t.pk, t.due_at) for t in incident.sla_timers.all()]  # the answer's clocks
            assert clocks == list(SLATimer.objects.filter(object_id=incident.pk, content_type__model="incident")
                                  .order_by("metric").values_list("metric", "id", "due_at"))
            answers.append(created(incident.pk))
            transaction.savepoint_rollback(sid)
        by_models, by_sql = answers
        for part in by_models:
            assert by_sql[part] == by_models[part], part
        assert len(by_sql["timers"]) == 2 and len(by_sql["escalations"]) == 3 and len(by_sql["events"]) == 2
        history = by_sql["history"][0]
        assert history["history_type"] == "+" and history["history_change_reason"] == "created"
        assert history["history_user_id"] == requester.pk and history["title"] == "VPN drops"
