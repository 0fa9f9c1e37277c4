"""``GET /api/v1/kpis/staffing/`` (shape, defaults, refusals, permissions), the forecast
from a month of calls (means worked out by hand) and the staffing page."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from contactcenter.choices import AgentStateChoice, CallOutcome
from contactcenter.models import AgentState, AgentStateLog, Call
from core.roles import Role
from kpis import erlang, staffing

pytestmark = pytest.mark.django_db

URL = "/api/v1/kpis/staffing/"
KEYS = {"traffic_erlangs", "agents", "agents_with_shrinkage", "service_level", "probability_of_waiting",
        "average_speed_of_answer_seconds", "occupancy"}


@pytest.fixture
def manager(make_user):
    return make_user(Role.MANAGER, username="mgr-mia")


class TestStaffingAPI:
    def test_the_worked_example(self, api, manager):
        response = api.as_user(manager).get(URL, {"calls": 100, "interval_seconds": 1800, "aht_seconds": 180,
                                                  "target_service_level": 0.8, "target_seconds": 20,
                                                  "shrinkage": 0.3})
        assert response.status_code == 200, response.content
        body = response.json()
        assert set(body) == KEYS
        assert body["traffic_erlangs"] == 10
        assert (body["agents"], body["agents_with_shrinkage"]) == (14, 20)
        assert body["service_level"] == pytest.approx(0.8884, abs=1e-4)
        assert body["probability_of_waiting"] == pytest.approx(0.1741, abs=1e-4)
        assert body["average_speed_of_answer_seconds"] == pytest.approx(7.84, abs=0.01)
        assert body["occupancy"] == pytest.approx(10 / 14)

    def test_defaults_come_from_settings(self, api, manager, settings):
        settings.STAFFING_SHRINKAGE = 0.5
        settings.STAFFING_TARGET_SERVICE_LEVEL = 0.8
        settings.STAFFING_TARGET_SECONDS = 20
        # 50 calls a quarter-hour (the default interval) of 180 s: 10 Erlangs again.
        body = api.as_user(manager).get(URL, {"calls": 50, "aht_seconds": 180}).json()
        assert body["traffic_erlangs"] == 10
        assert (body["agents"], body["agents_with_shrinkage"]) == (14, 28)

    def test_no_calls_need_no_agents(self, api, manager):
        response = api.as_user(manager).get(URL, {"calls": 0, "aht_seconds": 300})
        assert response.status_code == 200
        assert response.json()["agents"] == 0 and response.json()["agents_with_shrinkage"] == 0

    @pytest.mark.parametrize(("params", "field"), [
        ({"aht_seconds": 180}, "calls"),
        ({"calls": 10}, "aht_seconds"),
        ({"calls": -1, "aht_seconds": 180}, "calls"),
        ({"calls": "many", "aht_seconds": 180}, "calls"),
        ({"calls": "nan", "aht_seconds": 180}, "calls"),
        ({"calls": 10, "aht_seconds": -180}, "aht_seconds"),
        ({"calls": 10, "aht_seconds": 0}, "aht_seconds"),
        ({"calls": 10, "aht_seconds": 180, "interval_seconds": 0}, "interval_seconds"),
        ({"calls": 10, "aht_seconds": 180, "shrinkage": 1}, "shrinkage"),
        ({"calls": 10, "aht_seconds": 180, "shrinkage": -0.1}, "shrinkage"),
        ({"calls": 10, "aht_seconds": 180, "target_service_level": 1}, "target_service_level"),
        ({"calls": 10, "aht_seconds": 180, "target_service_level": 0}, "target_service_level"),
        ({"calls": 10, "aht_seconds": 180, "target_service_level": 80}, "target_service_level"),
        ({"calls": 10, "aht_seconds": 180, "target_seconds": -1}, "target_seconds"),
        ({"calls": 10, "aht_seconds": 180, "max_asa_seconds": 0}, "max_asa_seconds"),
        ({"calls": 10 ** 9, "aht_seconds": 3600, "interval_seconds": 60}, "calls"),
    ])
    def test_bad_input_is_a_400_with_field_errors(self, api, manager, params, field):
        response = api.as_user(manager).get(URL, params)
        assert response.status_code == 400
        body = response.json()
        assert isinstance(body[field], list) and body[field]

    def test_permissions(self, api, make_user, admin_user):
        params = {"calls": 10, "aht_seconds": 180}
        assert api.get(URL, params).status_code == 401
        assert api.as_user(make_user(Role.REQUESTER)).get(URL, params).status_code == 403
        assert api.as_user(make_user(Role.AGENT)).get(URL, params).status_code == 403
        assert api.as_user(admin_user).get(URL, params).status_code == 200


# --- the forecast ------------------------------------------------------------------------------
DAY = date(2026, 3, 11)  # a Wednesday


def at(day: date, hh: int, mm: int, ss: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hh, mm, ss, tzinfo=UTC)


def make_call(started_at: datetime, *, talk=None, hold=0, wrap=None, answered=True, direction="inbound",
              outcome=None) -> Call:
    make_call.n = getattr(make_call, "n", 0) + 1
    return Call.objects.create(
        call_sid=f"CA{make_call.n:06d}", direction=direction, started_at=started_at,
        answered_at=started_at + timedelta(seconds=10) if answered else None, talk_seconds=talk if answered else None,
        hold_seconds=hold, wrap_up_seconds=wrap, ended_at=started_at + timedelta(minutes=5),
        outcome=outcome or (CallOutcome.ANSWERED if answered else CallOutcome.ABANDONED))


@pytest.fixture
def month_of_calls():
    """Four Wednesdays before DAY, plus calls that must not count.

    09:00–09:15: week 1 three answered calls of 100 + 20 + 30 = 150 s; week 2 one of 200 s
    (no wrap-up recorded); week 3 none; week 4 two abandoned (one at 09:14:59). Mean 6 / 4 =
    1.5 calls, handle time (3 × 150 + 200) / 4 answered = 162.5 s.
    10:30–10:45: week 1 two answered calls of 400 s: 0.5 calls, 400 s.
    Elsewhere: no calls, the day's handle time (450 + 200 + 800) / 6 = 241.67 s."""
    w = [DAY - timedelta(weeks=k) for k in range(1, 6)]
    for minute in (0, 7, 14):
        make_call(at(w[0], 9, minute), talk=100, hold=20, wrap=30)
    make_call(at(w[1], 9, 5), talk=200)
    make_call(at(w[3], 9, 0), answered=False)
    make_call(at(w[3], 9, 14, 59), answered=False)
    make_call(at(w[0], 10, 30), talk=400)
    make_call(at(w[0], 10, 44), talk=350, hold=50)
    # Not counted: five weeks back, another weekday, the day itself, outbound, 09:15 sharp.
    for _ in range(5):
        make_call(at(w[4], 9, 0), talk=999)
    make_call(at(w[0] + timedelta(days=1), 9, 0), talk=999)
    make_call(at(DAY, 9, 0), talk=999)
    make_call(at(w[0], 9, 3), talk=999, direction="outbound-api")
    make_call(at(w[0], 9, 15), talk=30)


class TestForecast:
    def test_means_by_weekday_and_interval(self, month_of_calls, django_assert_num_queries):
        with timezone.override(UTC), django_assert_num_queries(1):
            intervals = staffing.forecast_day(day=DAY, weeks=4)
        assert len(intervals) == 96
        nine, nine_fifteen, half_ten = intervals[36], intervals[37], intervals[42]
        assert nine.start == at(DAY, 9, 0) and nine.end == at(DAY, 9, 15)
        assert nine.calls == 1.5 and nine.aht_seconds == 162.5 and nine.answered_sample == 4
        assert nine_fifteen.calls == 0.25 and nine_fifteen.aht_seconds == 30
        assert half_ten.calls == 0.5 and half_ten.aht_seconds == 400
        assert intervals[0].calls == 0
        assert intervals[0].aht_seconds == pytest.approx((450 + 200 + 800 + 30) / 7)
        assert sum(i.calls for i in intervals) == pytest.approx((6 + 2 + 1) / 4)

    def test_in_the_local_time_zone(self, month_of_calls):
        """In Athens (UTC+2 in March) the 09:00 UTC calls fall in the 11:00 interval."""
        with timezone.override("Europe/Athens"):
            intervals = staffing.forecast_day(day=DAY, weeks=4)
        assert intervals[44].calls == 1.5 and intervals[36].calls == 0

    def test_no_history_uses_the_default_handle_time(self, settings):
        settings.STAFFING_DEFAULT_AHT_SECONDS = 321
        intervals = staffing.forecast_day(day=DAY, weeks=4)
        assert all(i.calls == 0 and i.aht_seconds == 321 for i in intervals)

    def test_plan_with_agents_logged_in_then(self, month_of_calls, make_user, django_assert_max_num_queries):
        ann, bob, cy = (make_user(Role.AGENT, username=name) for name in ("ann", "bob", "cy"))
        AgentStateLog.objects.create(user=ann, state=AgentStateChoice.AVAILABLE, started_at=at(DAY, 8, 50),
                                     ended_at=at(DAY, 9, 10))
        AgentStateLog.objects.create(user=ann, state=AgentStateChoice.OFFLINE, started_at=at(DAY, 9, 10))
        AgentStateLog.objects.create(user=bob, state=AgentStateChoice.BUSY, started_at=at(DAY, 9, 5))
        AgentStateLog.objects.create(user=cy, state=AgentStateChoice.OFFLINE, started_at=at(DAY, 8, 0))
        targets = staffing.Targets(service_level=0.8, seconds=20, shrinkage=0.3)
        with timezone.override(UTC), django_assert_max_num_queries(2):
            plans = staffing.plan_day(day=DAY, targets=targets, weeks=4, now=at(DAY, 9, 20))
        logged = {p.forecast.start.strftime("%H:%M"): p.logged_in for p in plans}
        assert (logged["08:30"], logged["08:45"], logged["09:00"], logged["09:15"]) == (0, 1, 2, 1)
        assert logged["09:30"] is None  # not begun yet
        nine = plans[36]
        expected = erlang.required_agents(calls=1.5, interval_seconds=900, aht_seconds=162.5,
                                          target_service_level=0.8, target_seconds=20, shrinkage=0.3)
        assert nine.requirement == expected and nine.requirement.agents == 2
        assert nine.requirement.agents_with_shrinkage == 3
        assert plans[0].requirement.agents == 0


# --- the staffing page -------------------------------------------------------------------------
class TestStaffingPage:
    url = reverse("dashboards:staffing")

    def test_access(self, client, make_user):
        response = client.get(self.url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
        client.force_login(make_user(Role.REQUESTER))
        assert client.get(self.url).status_code == 403
        client.force_login(make_user(Role.AGENT))
        assert client.get(self.url).status_code == 403

    def test_the_day_and_the_calculator(self, client, manager, month_of_calls, django_assert_max_num_queries):
        AgentState.objects.create(user=manager, state=AgentStateChoice.AVAILABLE)
        client.force_login(manager)
        with timezone.override(UTC):
            response = client.get(self.url, {"date": DAY.isoformat(), "calls": 100, "interval_seconds": 1800,
                                             "aht_seconds": 180, "target_percent": 80, "target_seconds": 20,
                                             "shrinkage_percent": 30})
        assert response.status_code == 200
        html = response.content.decode()
        plans = response.context["plans"]
        assert plans[0].forecast.start == at(DAY, 9, 0) and plans[-1].forecast.start == at(DAY, 10, 30)
        assert 'data-testid="forecast-calls">1.50<' in html
        result = response.context["result"]
        assert (result.agents, result.agents_with_shrinkage) == (14, 20)
        assert 'data-testid="result-agents">14<' in html

    def test_a_bad_calculator_input_shows_the_error(self, client, manager):
        client.force_login(manager)
        response = client.get(self.url, {"calls": -3, "interval_seconds": 900, "aht_seconds": 180,
                                         "target_percent": 80, "target_seconds": 20, "shrinkage_percent": 30})
        assert response.status_code == 200 and response.context["result"] is None
        assert response.context["what_if"].errors["calls"]

    @pytest.mark.parametrize("day", ["0001-01-03", "not-a-date", "9999-12-31"])
    def test_a_bad_day_shows_today(self, client, manager, day):
        client.force_login(manager)
        response = client.get(self.url, {"date": day})
        assert response.status_code == 200 and response.context["day"] == timezone.localdate()
        assert response.context["day_form"].errors["date"]

    def test_queries_do_not_grow_with_calls(self, client, manager, django_assert_max_num_queries):
        client.force_login(manager)
        with django_assert_max_num_queries(12) as few:
            client.get(self.url)
        for k in range(1, 5):
            for minute in range(0, 60, 3):
                make_call(timezone.now() - timedelta(weeks=k, minutes=minute), talk=100)
        with django_assert_max_num_queries(len(few.captured_queries)):
            assert client.get(self.url).status_code == 200
