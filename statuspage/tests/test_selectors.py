"""What the page says: each service's state from the active major incidents on it (the worst
impact wins) and maintenance in progress, back to operational after resolve; the uptime
history; and the maintenance service function."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from catalog.tests.factories import ServiceFactory
from sla.models import ServiceOutage
from statuspage import selectors, services
from statuspage.choices import ServiceState
from statuspage.models import ScheduledMaintenance

pytestmark = pytest.mark.django_db


def states() -> dict[str, str]:
    return {s.name: s.status for s in selectors.status_summary().services}


class TestServiceState:
    def test_nothing_to_report(self):
        summary = selectors.status_summary()
        assert summary.status == ServiceState.OPERATIONAL
        assert summary.services == () and summary.incidents == () and summary.maintenance == ()

    def test_the_worst_impact_of_the_active_major_incidents_wins(self, declare):
        cards, web = ServiceFactory(name="Card payments"), ServiceFactory(name="Web hosting")
        ServiceFactory(name="Email")
        declare(cards, impact="degraded", summary="Slow card payments")
        declare(ServiceFactory(name="Card switch"), impact="partial_outage", services=[cards, web],
                summary="Switch flapping")
        assert states() == {"Card payments": "partial_outage", "Card switch": "partial_outage",
                            "Web hosting": "partial_outage", "Email": "operational"}
        # (a new report on a service with an active major incident joins it: declare from elsewhere)
        declare(ServiceFactory(name="Load balancer"), impact="major_outage", services=[web],
                summary="Web hosting down")
        assert states()["Web hosting"] == "major_outage"
        assert selectors.status_summary().status == ServiceState.MAJOR_OUTAGE

    def test_maintenance_in_progress_and_upcoming(self, declare):
        cards, web = ServiceFactory(name="Card payments"), ServiceFactory(name="Web hosting")
        now = timezone.now()
        services.maintenance_schedule(title="Switch upgrade", services=[cards], starts_at=now - timedelta(minutes=5),
                                      ends_at=now + timedelta(hours=1))
        services.maintenance_schedule(title="Web patching", services=[web], starts_at=now + timedelta(days=1),
                                      ends_at=now + timedelta(days=1, hours=2))
        summary = selectors.status_summary()
        assert states() == {"Card payments": "under_maintenance", "Web hosting": "operational"}
        assert summary.status == ServiceState.UNDER_MAINTENANCE
        assert [(m.title, m.state) for m in summary.maintenance] == [("Switch upgrade", "in_progress"),
                                                                     ("Web patching", "scheduled")]
        # An incident during the maintenance window is worse than the maintenance.
        declare(cards, impact="degraded")
        assert states()["Card payments"] == "degraded"

    def test_maintenance_without_services_covers_every_service(self):
        ServiceFactory(name="Card payments")
        ServiceFactory(name="Web hosting")
        now = timezone.now()
        services.maintenance_schedule(title="Data centre power work", services=[], starts_at=now - timedelta(hours=1),
                                      ends_at=now + timedelta(hours=1))
        assert set(states().values()) == {"under_maintenance"}

    def test_finished_maintenance_is_gone(self):
        ServiceFactory(name="Card payments")
        now = timezone.now()
        ScheduledMaintenance.objects.create(title="Done", starts_at=now - timedelta(hours=2),
                                            ends_at=now - timedelta(hours=1))
        assert selectors.status_summary().maintenance == ()

    def test_back_to_operational_after_resolve(self, declare, resolve):
        cards = ServiceFactory(name="Card payments")
        major = declare(cards, impact="major_outage")
        assert states() == {"Card payments": "major_outage"}
        resolve(major)
        assert states() == {"Card payments": "operational"}
        assert selectors.status_summary().status == ServiceState.OPERATIONAL

    def test_inactive_services_are_not_listed(self):
        ServiceFactory(name="Retired", is_active=False)
        assert states() == {}


class TestIncidents:
    def test_only_incidents_with_a_public_update_are_listed(self, declare, post_update):
        quiet = declare(summary="Internal only")
        post_update(quiet, audiences=["technical"], body="Bridge is open")
        public = declare(summary="Payments failing")
        post_update(public, body="We are investigating.")
        incidents = selectors.status_summary().incidents
        assert [i.title for i in incidents] == ["Payments failing"]
        assert [u.body for u in incidents[0].updates] == ["We are investigating."]
        assert selectors.public_incident(quiet.pk) is None

    def test_resolved_incidents_stay_for_fourteen_days(self, declare, post_update, resolve):
        major = declare(summary="Payments failing")
        post_update(major)
        resolve(major)
        [incident] = selectors.status_summary().incidents
        assert not incident.is_active and incident.phase == "resolved"
        later = timezone.now() + timedelta(days=15)
        assert selectors.public_incidents(now=later) == []


class TestUptime:
    NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)

    def at(self, day, hour=0):
        return datetime(2026, 3, day, hour, tzinfo=UTC)

    def test_no_outages_is_a_full_green_history(self):
        days, percent = selectors.uptime([], now=self.NOW)
        assert len(days) == 90 and percent == 100.0
        assert {d.level for d in days} == {"up"}
        assert days[-1].day.isoformat() == "2026-03-10" and days[0].day.isoformat() == "2025-12-11"

    def test_a_six_hour_outage(self):
        days, percent = selectors.uptime([(self.at(9, 0), self.at(9, 6))], now=self.NOW)
        assert days[-2].down_seconds == 6 * 3600 and days[-2].level == "partial"
        window = 89 * 86400 + 12 * 3600  # 89 whole days and today until noon
        assert percent == round(100 * (1 - 6 * 3600 / window), 3)

    def test_overlapping_outages_count_once_and_an_ongoing_one_runs_until_now(self):
        days, _ = selectors.uptime([(self.at(8, 0), self.at(8, 1)), (self.at(8, 0, ), self.at(8, 1)),
                                    (self.at(10, 11), None)], now=self.NOW)
        assert days[-3].down_seconds == 3600 and days[-3].level == "minor"
        assert days[-1].down_seconds == 3600

    def test_an_outage_across_midnight_is_split_by_utc_day(self):
        days, _ = selectors.uptime([(self.at(8, 20), self.at(9, 4))], now=self.NOW)
        assert (days[-3].down_seconds, days[-2].down_seconds) == (4 * 3600, 4 * 3600)

    def test_a_whole_day_down_is_major(self):
        days, _ = selectors.uptime([(self.at(7), self.at(8))], now=self.NOW)
        assert days[-4].level == "major"

    def test_days_before_the_history_starts_have_no_data(self):
        days, percent = selectors.uptime([], now=self.NOW, since=self.at(9, 0))
        assert [d.level for d in days[-3:]] == ["none", "up", "up"]
        assert percent == 100.0

    def test_an_outage_across_midnight_adds_up_to_its_length(self):
        """Fractions of a second on both sides of midnight: the days still add up (each day's
        truncation lost a second: a flaky 7199 in a run just after midnight)."""
        now = datetime(2026, 12, 7, 0, 1, 0, 400000, tzinfo=UTC)
        days, _percent = selectors.uptime([(now - timedelta(hours=2), now)], now=now)
        assert sum(d.down_seconds for d in days) == 2 * 3600
        assert [d.down_seconds for d in days if d.down_seconds] == [7140, 60]

    def test_the_page_uses_recorded_outages(self):
        cards = ServiceFactory(name="Card payments")
        now = timezone.now()
        ServiceOutage.objects.create(service=cards, started_at=now - timedelta(days=3, hours=2),
                                     ended_at=now - timedelta(days=3))
        ServiceOutage.objects.create(service=cards, started_at=now - timedelta(days=200),
                                     ended_at=now - timedelta(days=199))  # outside the window
        [health] = selectors.status_summary(now=now).services
        assert sum(d.down_seconds for d in health.days) == 2 * 3600
        assert health.days_down in (1, 2)
        assert 99.0 < health.uptime_90d < 100.0


class TestMaintenanceSchedule:
    def test_the_window_must_end_after_it_starts(self):
        now = timezone.now()
        with pytest.raises(ValidationError) as error:
            services.maintenance_schedule(title="Upgrade", services=[], starts_at=now, ends_at=now)
        assert "ends_at" in error.value.message_dict
        with pytest.raises(IntegrityError):
            ScheduledMaintenance.objects.create(title="Backwards", starts_at=now, ends_at=now - timedelta(hours=1))

    def test_a_source_schedules_once_and_moves_later(self):
        cards, web = ServiceFactory(), ServiceFactory()
        now = timezone.now()
        first = services.maintenance_schedule(title="CHG000007", services=[cards], starts_at=now,
                                              ends_at=now + timedelta(hours=1), source="changes.change:7")
        again = services.maintenance_schedule(title="CHG000007 (moved)", services=[web],
                                              starts_at=now + timedelta(days=1),
                                              ends_at=now + timedelta(days=1, hours=1), source="changes.change:7")
        assert again.pk == first.pk and ScheduledMaintenance.objects.count() == 1
        assert list(again.services.all()) == [web] and again.title == "CHG000007 (moved)"
        assert services.maintenance_cancel(source="changes.change:7") == 1
        assert not ScheduledMaintenance.objects.exists()
