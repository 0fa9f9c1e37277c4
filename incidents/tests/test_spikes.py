"""Spike detection: counting demand over each rule's window, the weekday/hour baseline,
one alert per spike, dismissal, auto-declare, and the demand-signal interface."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import IntegrityError

from catalog.tests.factories import ServiceFactory, TeamFactory
from core.roles import Role
from incidents import services
from incidents.choices import SpikeAlertStatus
from incidents.models import DemandSignal, Incident, MajorIncident, SpikeAlert, SpikeRule
from incidents.tests.factories import IncidentFactory
from notifications.models import Delivery

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 11, 16, 10, 0, tzinfo=UTC)  # a Monday, 10:00 UTC, in the past


@pytest.fixture
def boss(make_user):
    return make_user(Role.MANAGER, username="duty-manager", email="duty@example.test")


@pytest.fixture
def service(boss):
    return ServiceFactory(name="Web hosting", owner_team=TeamFactory(manager=boss))


def reports(service, n, at, minutes_apart=1):
    for i in range(n):
        IncidentFactory(service=service, created_at=at - timedelta(minutes=i * minutes_apart))


class TestDetection:
    def test_a_spike_raises_one_alert_not_one_per_sweep(self, service, boss):
        SpikeRule.objects.create(service=service, window_minutes=15, threshold=5)
        reports(service, 6, NOW - timedelta(minutes=1))
        raised = services.detect_spikes(now=NOW)
        assert [(a.service, a.count) for a in raised] == [(service, 6)]
        reports(service, 3, NOW + timedelta(minutes=1))
        assert services.detect_spikes(now=NOW + timedelta(minutes=2)) == []
        alert = SpikeAlert.objects.get()
        assert alert.count == 9  # the open alert follows the peak
        notice = Delivery.objects.get(template="spike-alert", channel="email")
        assert notice.user == boss and f"/major-incidents/spikes/{alert.pk}/" in notice.body

    def test_below_threshold_and_outside_window_do_not_count(self, service):
        SpikeRule.objects.create(service=service, window_minutes=10, threshold=5)
        reports(service, 4, NOW - timedelta(minutes=1))
        reports(service, 5, NOW - timedelta(minutes=30))  # long before the window
        IncidentFactory.create_batch(5, service=ServiceFactory(), created_at=NOW - timedelta(minutes=1))
        assert services.detect_spikes(now=NOW) == []

    def test_calls_count_as_demand_once_each(self, service):
        SpikeRule.objects.create(service=service, window_minutes=15, threshold=4)
        for sid in ("CA1", "CA2", "CA3", "CA3"):  # a replayed webhook counts once
            services.demand_record(service=service, source="call", reference=sid, at=NOW - timedelta(minutes=2))
        assert DemandSignal.objects.count() == 3
        assert services.detect_spikes(now=NOW) == []
        IncidentFactory(service=service, created_at=NOW - timedelta(minutes=1))
        assert [a.count for a in services.detect_spikes(now=NOW)] == [4]

    def test_baseline_multiplier_compares_with_the_same_weekday_and_hour(self, service):
        rule = SpikeRule.objects.create(service=service, window_minutes=60, baseline_multiplier=Decimal("3"),
                                        baseline_weeks=4)
        for week in range(1, 5):  # a busy Monday 09–10 every week: 4 reports each
            reports(service, 4, NOW - timedelta(weeks=week, minutes=5), minutes_apart=10)
        reports(service, 10, NOW - timedelta(minutes=1), minutes_apart=5)
        assert services.detect_spikes(now=NOW) == []  # 10 < 3 × 4
        reports(service, 2, NOW - timedelta(minutes=2), minutes_apart=1)
        alert = services.detect_spikes(now=NOW)[0]
        assert (alert.count, alert.baseline, alert.rule) == (12, Decimal("4.00"), rule)

    def test_quiet_baseline_counts_as_one(self, service):
        SpikeRule.objects.create(service=service, window_minutes=15, baseline_multiplier=Decimal("3"))
        reports(service, 2, NOW - timedelta(minutes=1))
        assert services.detect_spikes(now=NOW) == []
        reports(service, 1, NOW - timedelta(minutes=2))
        assert len(services.detect_spikes(now=NOW)) == 1

    def test_dismissed_spike_may_alert_again_in_a_later_window(self, service, boss):
        SpikeRule.objects.create(service=service, window_minutes=15, threshold=3)
        reports(service, 3, NOW - timedelta(minutes=1))
        alert = services.detect_spikes(now=NOW)[0]
        services.spike_alert_dismiss(alert=alert, actor=boss, at=NOW + timedelta(minutes=2))
        assert services.detect_spikes(now=NOW + timedelta(minutes=5)) == []  # same demand, already seen
        reports(service, 3, NOW + timedelta(minutes=40))
        again = services.detect_spikes(now=NOW + timedelta(minutes=41))
        assert len(again) == 1 and again[0].pk != alert.pk

    def test_no_alert_while_a_major_incident_is_active_on_the_service(self, service, boss):
        SpikeRule.objects.create(service=service, window_minutes=15, threshold=3)
        master = services.incident_create(title="Sites down", actor=boss, service=service)
        services.major_incident_declare(incident=master, actor=boss, summary="Hosting down")
        reports(service, 5, NOW - timedelta(minutes=1))
        assert services.detect_spikes(now=NOW) == []

    def test_one_open_alert_per_rule_is_a_database_rule(self, service):
        rule = SpikeRule.objects.create(service=service, window_minutes=15, threshold=3)
        SpikeAlert.objects.create(rule=rule, service=service, count=3, window_start=NOW, window_end=NOW)
        with pytest.raises(IntegrityError):
            SpikeAlert.objects.create(rule=rule, service=service, count=4, window_start=NOW, window_end=NOW)

    def test_one_query_whatever_the_number_of_rules(self, django_assert_num_queries):
        for _ in range(5):
            SpikeRule.objects.create(service=ServiceFactory(), window_minutes=15, threshold=50,
                                     baseline_multiplier=Decimal("2"))
        with django_assert_num_queries(2):  # the longest baseline, then every rule with its counts
            rules, _weeks = services.spikes.rules_with_demand(now=NOW)
            assert len(list(rules)) == 5


class TestDecisions:
    def test_declare_from_an_alert_uses_the_oldest_report_as_master(self, service, boss):
        SpikeRule.objects.create(service=service, window_minutes=15, threshold=3)
        first = IncidentFactory(service=service, created_at=NOW - timedelta(minutes=9))
        reports(service, 3, NOW - timedelta(minutes=1))
        alert = services.detect_spikes(now=NOW)[0]
        alert = services.spike_alert_declare(alert=alert, actor=boss)
        major = alert.major_incident
        assert alert.status == SpikeAlertStatus.DECLARED and major.incident_id == first.pk
        assert major.started_at == alert.window_start
        assert Incident.objects.filter(parent=first).count() == 3

    def test_auto_declare_without_anyone(self, service, boss):
        SpikeRule.objects.create(service=service, window_minutes=15, threshold=3, auto_declare=True)
        reports(service, 3, NOW - timedelta(minutes=1))
        alert = services.detect_spikes(now=NOW)[0]
        assert alert.status == SpikeAlertStatus.DECLARED
        assert alert.major_incident.manager == boss and alert.major_incident.declared_by is None

    def test_auto_declare_with_nobody_on_duty_leaves_the_alert_open(self):
        service = ServiceFactory(owner_team=None)
        SpikeRule.objects.create(service=service, window_minutes=15, threshold=3, auto_declare=True)
        reports(service, 3, NOW - timedelta(minutes=1))
        alert = services.detect_spikes(now=NOW)[0]
        assert alert.status == SpikeAlertStatus.OPEN and not MajorIncident.objects.exists()

    def test_declaring_twice_is_refused(self, service, boss):
        SpikeRule.objects.create(service=service, window_minutes=15, threshold=3)
        reports(service, 3, NOW - timedelta(minutes=1))
        alert = services.detect_spikes(now=NOW)[0]
        services.spike_alert_declare(alert=alert, actor=boss)
        from core.errors import InvalidTransitionError

        with pytest.raises(InvalidTransitionError):
            services.spike_alert_declare(alert=alert, actor=boss)
        assert MajorIncident.objects.count() == 1

    def test_management_command(self, service, capsys):
        SpikeRule.objects.create(service=service, window_minutes=15, threshold=2)
        reports(service, 2, NOW - timedelta(minutes=1))
        call_command("detect_spikes", "--now", NOW.isoformat())
        assert "1 new alert" in capsys.readouterr().out
