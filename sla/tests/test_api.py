"""The SLA API: calendars, policies, timers, reports and availability."""

from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework import serializers

from catalog.tests.factories import ServiceFactory
from core.roles import Role
from sla import services
from sla.api.fields import SLATimersField
from sla.models import ServiceOutage, SLATimer
from sla.selectors import SLA_PREFETCH
from sla.tests.factories import CalendarFactory, PolicyFactory, TicketFactory, office_hours
from sla.tests.ticketapp.models import DemoTicket

pytestmark = pytest.mark.django_db
T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


@pytest.fixture
def manager(make_user):
    return make_user(Role.MANAGER, username="mona-manager")


class TestCalendars:
    def test_a_manager_defines_a_calendar_with_lunch_breaks_and_holidays(self, api, manager):
        response = api.as_user(manager).post("/api/v1/business-calendars/", {
            "name": "Athens office", "timezone": "Europe/Athens",
            "hours": [{"weekday": d, "start": s, "end": e} for d in range(5) for s, e in
                      (("09:00", "13:00"), ("14:00", "18:00"))],
            "holidays": ["2026-12-25", "2026-12-26"],
        })
        assert response.status_code == 201, response.content
        body = response.json()
        assert body["hours"][:2] == [{"weekday": 0, "start": "09:00", "end": "13:00"},
                                     {"weekday": 0, "start": "14:00", "end": "18:00"}]
        assert body["holidays"] == ["2026-12-25", "2026-12-26"] and body["is_24x7"] is False

    def test_no_hours_means_24x7(self, api, manager):
        response = api.as_user(manager).post("/api/v1/business-calendars/", {"name": "Always", "timezone": "UTC"})
        assert response.status_code == 201 and response.json()["is_24x7"] is True

    @pytest.mark.parametrize("payload, field, message", [
        ({"timezone": "Mars/Olympus"}, "timezone", "not a known timezone"),
        ({"hours": [{"weekday": 0, "start": "17:00", "end": "09:00"}]}, "hours", "ends before it starts"),
        ({"hours": [{"weekday": 0, "start": "09:00", "end": "13:00"},
                    {"weekday": 0, "start": "12:00", "end": "18:00"}]}, "hours", "overlap"),
        ({"hours": [{"weekday": 7, "start": "09:00", "end": "13:00"}]}, "hours", ""),
        ({"hours": [{"weekday": 1, "start": "9am", "end": "13:00"}]}, "hours", "not a time"),
        ({"hours": [{"weekday": 1, "start": "09:00", "end": "25:00"}]}, "hours", "between 00:00 and 24:00"),
        ({"holidays": ["2026-02-30"]}, "holidays", ""),
    ])
    def test_bad_calendars_are_400_with_a_clear_message(self, api, manager, payload, field, message):
        response = api.as_user(manager).post("/api/v1/business-calendars/",
                                             {"name": "Bad", "timezone": "UTC", **payload})
        assert response.status_code == 400, response.content
        assert field in response.json()
        assert message in str(response.json()[field])

    def test_agents_read_but_do_not_configure(self, api, agent):
        CalendarFactory()
        client = api.as_user(agent)
        assert client.get("/api/v1/business-calendars/").status_code == 200
        response = client.post("/api/v1/business-calendars/", {"name": "X", "timezone": "UTC"})
        assert response.status_code == 403 and "manager" in response.json()["detail"]

    def test_changing_hours_through_the_api_re_times_running_timers(self, api, manager):
        calendar = office_hours(CalendarFactory(), "09:00", "17:00")
        PolicyFactory(calendar=calendar, response_minutes=240)
        ticket = TicketFactory()
        services.sla_start(ticket=ticket, at=datetime(2026, 11, 23, 9, 0, tzinfo=UTC))
        response = api.as_user(manager).patch(f"/api/v1/business-calendars/{calendar.pk}/", {
            "hours": [{"weekday": d, "start": "08:00", "end": "20:00"} for d in range(7)]})
        assert response.status_code == 200, response.content
        assert SLATimer.objects.get(metric="response").events.filter(kind="calendar_change").exists()

    def test_a_calendar_in_use_cannot_be_deleted(self, api, manager):
        policy = PolicyFactory()
        response = api.as_user(manager).delete(f"/api/v1/business-calendars/{policy.calendar_id}/")
        assert response.status_code == 409


class TestPolicies:
    def payload(self, calendar, change=None):
        return {**self.base(calendar), **(change or {})}

    def base(self, calendar):
        return {"name": "VIP incidents", "applies_to": "incident", "customer_tier": "vip", "priority": None,
                "calendar": calendar.pk, "response_minutes": 60, "resolution_minutes": 240,
                "pause_on": ["on_hold"], "escalations": [
                    {"metric": "response", "at_percent": 75, "notify": "assignee", "channels": ["sms"]},
                    {"metric": "response", "at_percent": 100, "notify": "team_manager",
                     "channels": ["sms", "email"]}]}

    def test_create_and_read_back(self, api, manager):
        calendar = CalendarFactory()
        response = api.as_user(manager).post("/api/v1/sla-policies/", self.payload(calendar))
        assert response.status_code == 201, response.content
        body = response.json()
        assert body["customer_tier"] == "vip" and body["priority"] is None and body["service"] is None
        assert [(e["at_percent"], e["notify"]) for e in body["escalations"]] == [(75, "assignee"),
                                                                                 (100, "team_manager")]

    @pytest.mark.parametrize("change, field", [
        ({"response_minutes": 0}, "response_minutes"),
        ({"response_minutes": -5}, "response_minutes"),
        ({"response_minutes": None, "resolution_minutes": None, "escalations": []}, "resolution_minutes"),
        ({"escalations": [{"metric": "response", "at_percent": 1001, "notify": "assignee",
                           "channels": ["sms"]}]}, "escalations"),
        ({"escalations": [{"metric": "response", "at_percent": 50, "notify": "group", "channels": ["sms"]}]},
         "escalations"),
        ({"escalations": [{"metric": "response", "at_percent": 50, "notify": "assignee",
                           "channels": ["pigeon"]}]}, "escalations"),
        ({"customer_tier": "platinum"}, "customer_tier"),
        ({"priority": 9}, "priority"),
        ({"calendar": 424242}, "calendar"),
    ])
    def test_bad_policies_are_400(self, api, manager, change, field):
        response = api.as_user(manager).post("/api/v1/sla-policies/", self.payload(CalendarFactory(), change))
        assert response.status_code == 400, response.content
        assert field in response.json()

    def test_editing_a_policy_re_targets_open_timers_and_keeps_consumed_time(self, api, manager):
        policy = PolicyFactory(response_minutes=240)
        ticket = TicketFactory()
        services.sla_start(ticket=ticket, at=T0)
        response = api.as_user(manager).patch(f"/api/v1/sla-policies/{policy.pk}/", {"response_minutes": 120})
        assert response.status_code == 200
        timer = SLATimer.objects.get(metric="response")
        assert timer.target == timedelta(minutes=120)
        assert timer.events.filter(kind="policy_change").count() == 1
        # A rename changes no clock and logs nothing.
        assert api.as_user(manager).patch(f"/api/v1/sla-policies/{policy.pk}/", {"name": "renamed"}).status_code == 200
        assert timer.events.filter(kind="policy_change").count() == 1


class TestTimersAndReports:
    def test_timers_list_shows_remaining_business_time_with_flat_queries(self, api, agent):
        calendar = office_hours(CalendarFactory())
        PolicyFactory(calendar=calendar)
        client = api.as_user(agent)

        def queries():
            with CaptureQueriesContext(connection) as ctx:
                response = client.get("/api/v1/sla-timers/?metric=response")
            assert response.status_code == 200
            return len(ctx.captured_queries), response.json()

        services.sla_start(ticket=TicketFactory(), at=T0)
        few, body = queries()
        assert body["results"][0]["remaining_seconds"] >= 0 and body["results"][0]["ticket"]["type"] == \
            "sla_ticketapp.demoticket"
        for _ in range(8):
            services.sla_start(ticket=TicketFactory(), at=T0)
        many, body = queries()
        assert many == few and body["count"] == 9

    def test_a_timers_event_log(self, api, agent):
        PolicyFactory()
        ticket = TicketFactory()
        services.sla_start(ticket=ticket, at=T0)
        services.sla_pause(ticket=ticket, at=T0 + timedelta(minutes=5))
        timer = SLATimer.objects.get(metric="response")
        events = api.as_user(agent).get(f"/api/v1/sla-timers/{timer.pk}/events/").json()["results"]
        assert [e["kind"] for e in events] == ["start", "pause"]

    def test_compliance_breached_and_at_risk(self, api, agent):
        PolicyFactory(response_minutes=60, resolution_minutes=600)
        late, on_time, running = TicketFactory(), TicketFactory(), TicketFactory()
        now = datetime.now(UTC)
        for ticket in (late, on_time):
            services.sla_start(ticket=ticket, at=now - timedelta(hours=3))
        services.sla_start(ticket=running, at=now - timedelta(minutes=30))
        services.sla_stop(ticket=on_time, metric="response", at=now - timedelta(hours=2, minutes=30))
        services.sla_sweep(now=now)
        client = api.as_user(agent)
        report = client.get("/api/v1/sla/compliance/?group_by=metric").json()
        assert (report["total"], report["met"], report["breached"], report["compliance"]) == (2, 1, 1, 0.5)
        assert report["groups"] == [{"key": "response", "label": "response", "total": 2, "met": 1, "breached": 1,
                                     "compliance": 0.5}]
        breached = client.get("/api/v1/sla/breached/").json()["results"]
        assert [t["ticket"]["id"] for t in breached] == [late.pk]
        at_risk = client.get("/api/v1/sla/at-risk/?within_minutes=45").json()["results"]
        assert [(t["ticket"]["id"], t["metric"]) for t in at_risk] == [(running.pk, "response")]
        assert client.get("/api/v1/sla/at-risk/?within_minutes=abc").status_code == 400
        assert client.get("/api/v1/sla/compliance/?from=yesterday").status_code == 400
        assert client.get("/api/v1/sla/compliance/?group_by=moon").status_code == 400
        assert client.get("/api/v1/sla/compliance/?from=2026-11-02&to=2026-11-01").status_code == 400

    def test_availability_against_the_target(self, api, agent):
        service = ServiceFactory(availability_target="99.900")
        day = datetime(2026, 11, 1, tzinfo=UTC)
        ServiceOutage.objects.create(service=service, started_at=day + timedelta(hours=1),
                                     ended_at=day + timedelta(hours=1, minutes=30))
        ServiceOutage.objects.create(service=service, started_at=day + timedelta(hours=1, minutes=20),
                                     ended_at=day + timedelta(hours=2))  # overlaps: counted once
        rows = api.as_user(agent).get(
            f"/api/v1/service-availability/?from=2026-11-01&to=2026-12-01&service={service.pk}").json()
        [row] = rows["results"]
        assert row["downtime_seconds"] == 3600 and row["outages"] == 2
        assert row["measured"] == pytest.approx(1 - 3600 / (30 * 86400), abs=1e-6)
        assert row["target"] == pytest.approx(0.999) and row["met"] is False

    def test_outage_that_ends_before_it_starts_is_400(self, api, manager):
        service = ServiceFactory()
        response = api.as_user(manager).post("/api/v1/service-outages/", {
            "service": service.pk, "started_at": "2026-11-01T10:00:00Z", "ended_at": "2026-11-01T09:00:00Z"})
        assert response.status_code == 400 and "ended_at" in response.json()


class DemoTicketSerializer(serializers.ModelSerializer):
    sla = SLATimersField()

    class Meta:
        model = DemoTicket
        fields = ["id", "sla"]


def test_tickets_embed_their_clocks_without_a_query_per_row():
    PolicyFactory(calendar=office_hours(CalendarFactory(timezone="Asia/Tehran")))
    for _ in range(3):
        services.sla_start(ticket=TicketFactory(), at=T0)

    def render():
        with CaptureQueriesContext(connection) as ctx:
            data = DemoTicketSerializer(DemoTicket.objects.prefetch_related(*SLA_PREFETCH), many=True).data
        return len(ctx.captured_queries), data

    few, data = render()
    assert [c["metric"] for c in data[0]["sla"]] == ["resolution", "response"]
    assert set(data[0]["sla"][0]) == {"metric", "status", "due_at", "remaining_seconds", "breached"}
    for _ in range(10):
        services.sla_start(ticket=TicketFactory(), at=T0)
    many, data = render()
    assert many == few and len(data) == 13
