"""The SLA pages: dashboard, calendars, policies, and the clock badges for ticket pages."""

import re
from datetime import UTC, date, datetime, timedelta

import pytest
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext

from catalog.tests.factories import ServiceFactory, TeamFactory
from core.roles import Role
from notifications.models import StakeholderGroup
from sla import services
from sla.models import BusinessCalendar, EscalationRule, ServiceOutage, SLAPolicy, SLATimer
from sla.selectors import SLA_PREFETCH
from sla.templatetags.sla_tags import business_duration
from sla.tests.factories import CalendarFactory, EscalationRuleFactory, PolicyFactory, TicketFactory, office_hours
from sla.tests.ticketapp.models import DemoTicket

pytestmark = pytest.mark.django_db
PAGES = ["/sla/", "/sla/calendars/", "/sla/calendars/new/", "/sla/policies/", "/sla/policies/new/"]


@pytest.fixture
def manager(make_user):
    return make_user(Role.MANAGER, username="mona-manager")


@pytest.fixture
def as_manager(client, manager):
    client.force_login(manager)
    return client


def now():
    return datetime.now(UTC)


def text(response) -> str:
    return response.content.decode()


def field_errors(response, field: str) -> str:
    """The error list Django renders right under a field (``id_<field>_error``)."""
    match = re.search(rf'<ul class="errorlist" id="id_{field}_error">(.*?)</ul>', text(response), re.S)
    return match[1] if match else ""


class TestPermissions:
    @pytest.mark.parametrize("path", PAGES)
    def test_agents_get_403(self, client, agent, path):
        client.force_login(agent)
        response = client.get(path)
        assert response.status_code == 403
        assert "managers and administrators" in text(response)

    @pytest.mark.parametrize("path", PAGES)
    def test_anonymous_visitors_are_sent_to_log_in(self, client, path):
        response = client.get(path)
        assert response.status_code == 302 and response.url.startswith("/login/")

    def test_agents_cannot_post_either(self, client, agent):
        client.force_login(agent)
        response = client.post("/sla/calendars/new/", {"name": "Sneaky", "timezone": "UTC"})
        assert response.status_code == 403 and not BusinessCalendar.objects.exists()

    def test_the_menu_shows_sla_to_managers_and_admins_only(self, client, agent, manager, admin_user):
        for user, sees in ((agent, False), (manager, True), (admin_user, True)):
            client.force_login(user)
            assert ('href="/sla/"' in text(client.get("/"))) is sees, user
            if sees:
                assert client.get("/sla/").status_code == 200


@pytest.fixture
def sla_story():
    """One response met, one missed (still open), one due within the hour; a service with
    a one-hour outage in the last 30 days."""
    team = TeamFactory(name="Service Desk L1")
    policy = PolicyFactory(name="Standard incidents", response_minutes=60, resolution_minutes=480)
    met, late, soon = (TicketFactory(title=title, team=team, priority=2)
                       for title in ("Printer jam", "VPN down", "Mail bounce"))
    at = now()
    for ticket in (met, late):
        services.sla_start(ticket=ticket, at=at - timedelta(hours=5))
    services.sla_start(ticket=soon, at=at - timedelta(minutes=50))
    services.sla_stop(ticket=met, metric="response", at=at - timedelta(hours=4, minutes=30))
    services.sla_sweep(now=at)
    service = ServiceFactory(name="Internet banking", availability_target="99.900")
    ServiceOutage.objects.create(service=service, started_at=at - timedelta(days=2),
                                 ended_at=at - timedelta(days=2) + timedelta(hours=1))
    return {"policy": policy, "met": met, "late": late, "soon": soon, "service": service}


class TestDashboard:
    def test_a_manager_sees_compliance_breaches_risks_and_availability(self, as_manager, sla_story):
        response = as_manager.get("/sla/")
        assert response.status_code == 200
        body = text(response)
        report = response.context["report"]
        assert (report["met"], report["breached"], report["compliance"]) == (1, 1, 0.5)
        assert 'data-testid="compliance-total"><bdi>50.0 %</bdi><' in body
        assert [(g["label"], g["met"], g["breached"]) for g in report["groups"]] == [("Standard incidents", 1, 1)]

        late, soon = sla_story["late"], sla_story["soon"]
        breaches = [row["timer"] for row in response.context["breaches"]]
        assert [(t.object_id, t.metric) for t in breaches] == [(late.pk, "response")]
        assert f'<a href="/tickets/{late.pk}/"><bdi>{late.sla_label()}</bdi></a>' in body
        risks = [row["timer"] for row in response.context["risks"]]
        assert [(t.object_id, t.metric) for t in risks] == [(soon.pk, "response")]
        assert f"/tickets/{soon.pk}/" in body and 'data-state="warning"' in body

        [row] = response.context["availability"]
        assert row["name"] == "Internet banking" and row["downtime_seconds"] == 3600 and row["met"] is False
        assert "99.861 %" in body and "99.900 %" in body and "Below target" in body

    def test_grouping_by_priority_and_team(self, as_manager, sla_story):
        groups = as_manager.get("/sla/?group_by=priority").context["report"]["groups"]
        assert [(g["label"], g["total"]) for g in groups] == [("P2", 2)]
        body = text(as_manager.get("/sla/?group_by=team"))
        assert "<bdi>Service Desk L1</bdi>" in body

    def test_a_period_without_outcomes(self, as_manager, sla_story):
        response = as_manager.get("/sla/?start=2020-01-01&end=2020-01-31&group_by=policy")
        assert response.context["report"]["total"] == 0
        assert "No target was met or missed in this period." in text(response)
        assert response.context["start"] == datetime(2020, 1, 1, tzinfo=UTC)
        assert response.context["end"] == datetime(2020, 2, 1, tzinfo=UTC)  # the end date is included

    def test_a_bad_period_is_explained_and_the_default_is_shown(self, as_manager, sla_story):
        response = as_manager.get("/sla/?start=2026-02-10&end=2026-02-01")
        assert response.status_code == 200
        assert "cannot be before the start date" in field_errors(response, "end")
        assert response.context["report"]["total"] == 2  # the last 30 days

    def test_queries_do_not_grow_with_rows(self, as_manager, sla_story):
        def count():
            with CaptureQueriesContext(connection) as ctx:
                assert as_manager.get("/sla/").status_code == 200
            return len(ctx.captured_queries)

        few = count()
        assert few <= 18  # session, user, roles, unread count + 2 compliance + 5 per timer list + 2 availability
        at = now()
        for n in range(6):
            late, soon = TicketFactory(team=TeamFactory()), TicketFactory()
            services.sla_start(ticket=late, at=at - timedelta(hours=3))
            services.sla_start(ticket=soon, at=at - timedelta(minutes=20 + n))
            ServiceOutage.objects.create(service=ServiceFactory(), started_at=at - timedelta(days=1),
                                         ended_at=at - timedelta(hours=20))
        services.sla_sweep(now=at)
        assert SLATimer.objects.filter(status="breached").count() == 7
        assert count() == few


def resubmit(response, *names) -> dict:
    """The POST data of the page's forms as they were rendered (what "Save" sends unchanged)."""
    data = {}
    for name in names:
        found = response.context[name]
        forms = [found.management_form, *found.forms] if hasattr(found, "management_form") else [found]
        for form in forms:
            for field in form:
                value = field.value()
                if value is not None and value is not False:
                    data[field.html_name] = "on" if value is True else value
    return data


def calendar_form(**change):
    data = {"name": "Athens office", "timezone": "Europe/Athens", "description": "",
            "holidays": "2026-12-25 Christmas Day\n2026-12-26 Boxing Day"}
    for day in range(7):
        data[f"hours_{day}"] = "09:00-13:00, 14:00-18:00" if day < 5 else ""
    data.update(change)
    return data


class TestCalendarPages:
    def test_a_manager_creates_a_calendar_with_a_lunch_break_and_holidays(self, as_manager, manager):
        response = as_manager.post("/sla/calendars/new/", calendar_form())
        assert response.status_code == 302 and response.url == "/sla/calendars/"
        calendar = BusinessCalendar.objects.get(name="Athens office")
        assert calendar.timezone == "Europe/Athens"
        assert sorted((h.weekday, h.start_minute, h.end_minute) for h in calendar.hours.all())[:2] == [
            (0, 540, 780), (0, 840, 1080)]
        assert calendar.hours.count() == 10
        assert [(h.date, h.name) for h in calendar.holidays.all()] == [
            (date(2026, 12, 25), "Christmas Day"), (date(2026, 12, 26), "Boxing Day")]
        assert calendar.history.first().history_user == manager

        listing = text(as_manager.get("/sla/calendars/"))
        assert "Athens office" in listing and "Mon–Fri 09:00–13:00, 14:00–18:00" in listing

    def test_empty_hours_mean_24x7(self, as_manager):
        data = calendar_form(name="Always on", holidays="", **{f"hours_{d}": "" for d in range(7)})
        assert as_manager.post("/sla/calendars/new/", data).status_code == 302
        calendar = BusinessCalendar.objects.get(name="Always on")
        assert not calendar.hours.exists() and calendar.spec().is_24x7
        assert "24×7" in text(as_manager.get("/sla/calendars/"))

    @pytest.mark.parametrize("change, field, message", [
        ({"timezone": "Mars/Olympus"}, "timezone", "is not a known timezone"),
        ({"hours_0": "09:00-13:00, 12:00-18:00"}, "hours_0", "09:00–13:00 and 12:00–18:00 overlap"),
        ({"hours_2": "17:00-09:00"}, "hours_2", "17:00–09:00 ends before it starts"),
        ({"hours_3": "9am-5pm"}, "hours_3", "is not a time like 09:00"),
        ({"hours_4": "09:00-25:00"}, "hours_4", "between 00:00 and 24:00"),
        ({"hours_1": "from nine"}, "hours_1", "is not an interval like 09:00-13:00"),
        ({"holidays": "2026-02-30 Nope"}, "holidays", "Line 1: “2026-02-30” is not a date"),
        ({"holidays": "2026-12-25 A\n2026-12-25 B"}, "holidays", "Line 2: 2026-12-25 is listed twice"),
        ({"name": ""}, "name", "This field is required"),
    ])
    def test_bad_input_is_shown_next_to_the_field_and_nothing_is_saved(self, as_manager, change, field, message):
        response = as_manager.post("/sla/calendars/new/", calendar_form(**change))
        assert response.status_code == 200
        assert message in field_errors(response, field), text(response)
        assert "Nothing was saved" in text(response)
        assert not BusinessCalendar.objects.exists()

    def test_a_duplicate_name_is_refused(self, as_manager):
        CalendarFactory(name="Athens office")
        response = as_manager.post("/sla/calendars/new/", calendar_form())
        assert "already a calendar called" in field_errors(response, "name")
        assert BusinessCalendar.objects.count() == 1

    def test_the_edit_page_shows_the_calendar_and_its_history(self, as_manager):
        calendar = services.calendar_save(name="Athens office", timezone_name="Europe/Athens",
                                          hours=[(0, 540, 780), (0, 840, 1080)],
                                          holidays=[(date(2026, 12, 25), "Christmas Day")])
        response = as_manager.get(f"/sla/calendars/{calendar.pk}/")
        assert response.status_code == 200
        form = response.context["form"]
        assert form["hours_0"].value() == "09:00-13:00, 14:00-18:00" and form["hours_1"].value() == ""
        assert form["holidays"].value() == "2026-12-25 Christmas Day"
        assert 'data-testid="history"' in text(response)
        assert as_manager.get("/sla/calendars/424242/").status_code == 404

    def test_editing_hours_goes_through_the_service_and_re_times_running_timers(self, as_manager, manager):
        calendar = office_hours(CalendarFactory(name="Office"), "09:00", "17:00")
        PolicyFactory(calendar=calendar, response_minutes=240)
        services.sla_start(ticket=TicketFactory(), at=now() - timedelta(minutes=1))
        timer = SLATimer.objects.get(metric="response")
        data = calendar_form(name="Office", timezone="UTC", holidays="",
                             **{f"hours_{d}": "08:00-20:00" for d in range(7)})
        response = as_manager.post(f"/sla/calendars/{calendar.pk}/", data)
        assert response.status_code == 302
        assert calendar.hours.count() == 7
        event = timer.events.get(kind="calendar_change")
        assert event.actor == manager and event.data["calendar"]["hours"][0] == [0, 480, 1200]
        history = text(as_manager.get(f"/sla/calendars/{calendar.pk}/"))
        assert history.count("<td data-label=\"What\">changed</td>") >= 1

    def test_saving_an_unchanged_calendar_writes_nothing(self, as_manager):
        calendar = office_hours(CalendarFactory(name="Office"))
        PolicyFactory(calendar=calendar)
        services.sla_start(ticket=TicketFactory())
        page = as_manager.get(f"/sla/calendars/{calendar.pk}/")
        history = calendar.history.count()
        response = as_manager.post(f"/sla/calendars/{calendar.pk}/", resubmit(page, "form"), follow=True)
        assert "Nothing changed." in text(response)
        assert calendar.history.count() == history
        assert not SLATimer.objects.filter(events__kind="calendar_change").exists()

    def test_an_invalid_edit_changes_nothing(self, as_manager):
        calendar = office_hours(CalendarFactory(name="Office"))
        before = list(calendar.hours.values_list("weekday", "start_minute", "end_minute"))
        response = as_manager.post(f"/sla/calendars/{calendar.pk}/",
                                   calendar_form(name="Renamed", hours_0="10:00-12:00, 11:00-13:00"))
        assert response.status_code == 200 and "overlap" in field_errors(response, "hours_0")
        calendar.refresh_from_db()
        assert calendar.name == "Office"
        assert list(calendar.hours.values_list("weekday", "start_minute", "end_minute")) == before


def policy_form(cal, rules=(), **change):
    data = {"name": "VIP incidents", "applies_to": "incident", "priority": "", "customer_tier": "vip",
            "channel": "", "service": "", "calendar": cal.pk, "response_minutes": "60",
            "resolution_minutes": "240", "pause_on": "on_hold, assigned", "is_active": "on"}
    rows = list(rules) + [{}] * 2  # the blank rows the page offers
    data.update({"rules-TOTAL_FORMS": str(len(rows)), "rules-INITIAL_FORMS": "0",
                 "rules-MIN_NUM_FORMS": "0", "rules-MAX_NUM_FORMS": "20"})
    for n, rule in enumerate(rows):
        for key, value in rule.items():
            data[f"rules-{n}-{key}"] = value
    data.update(change)
    return data


RULES = [{"metric": "response", "at_percent": "75", "notify": "assignee", "channels": ["sms"]},
         {"metric": "response", "at_percent": "100", "notify": "team_manager", "channels": ["sms", "email"]}]


class TestPolicyPages:
    def test_a_manager_creates_a_policy_with_two_escalation_rules(self, as_manager, manager):
        calendar = CalendarFactory(name="Athens office")
        response = as_manager.post("/sla/policies/new/", policy_form(calendar, RULES))
        assert response.status_code == 302, response.context and response.context["form"].errors
        policy = SLAPolicy.objects.get(name="VIP incidents")
        assert (policy.customer_tier, policy.priority, policy.channel, policy.service) == ("vip", None, None, None)
        assert policy.pause_on == ["on_hold", "assigned"] and policy.response_minutes == 60
        assert [(r.at_percent, r.notify, r.channels) for r in policy.escalations.order_by("at_percent")] == [
            (75, "assignee", ["sms"]), (100, "team_manager", ["sms", "email"])]
        assert policy.history.first().history_user == manager

        listing = text(as_manager.get("/sla/policies/"))
        assert "VIP incidents" in listing and "1 h 00 min" in listing
        assert "Response <bdi>75 %</bdi> → Assignee" in listing

    def test_a_group_rule_names_its_group(self, as_manager):
        calendar = CalendarFactory()
        group = StakeholderGroup.objects.create(name="CIO office")
        rule = {"metric": "resolution", "at_percent": "150", "notify": "group", "channels": ["email"]}
        response = as_manager.post("/sla/policies/new/", policy_form(calendar, [rule]))
        assert response.status_code == 200
        assert "Name the group to notify." in field_errors(response, "rules-0-group")
        assert not SLAPolicy.objects.exists()

        response = as_manager.post("/sla/policies/new/", policy_form(calendar, [{**rule, "group": str(group.pk)}]))
        assert response.status_code == 302
        assert EscalationRule.objects.get().group == group

    @pytest.mark.parametrize("change, field, message", [
        ({"response_minutes": "0"}, "response_minutes", "A target is at least 1 minute."),
        ({"resolution_minutes": "-5"}, "resolution_minutes", "A target is at least 1 minute."),
        ({"response_minutes": "", "resolution_minutes": ""}, "resolution_minutes",
         "Give a response or a resolution target."),
        ({"rules-0-at_percent": "1001"}, "rules-0-at_percent", "At most 1000 % of the target."),
        ({"rules-0-channels": []}, "rules-0-channels", "Choose at least one channel."),
        ({"response_minutes": ""}, "rules-0-metric", "There is no response target to escalate on."),
        ({"pause_on": "on hold"}, "pause_on", "is not a status name"),
        ({"customer_tier": "platinum"}, "customer_tier", "Select a valid choice"),
        ({"calendar": "424242"}, "calendar", "Select a valid choice"),
    ])
    def test_bad_input_is_shown_next_to_the_field_and_nothing_is_saved(self, as_manager, change, field, message):
        response = as_manager.post("/sla/policies/new/", policy_form(CalendarFactory(), RULES, **change))
        assert response.status_code == 200
        assert message in field_errors(response, field), text(response)
        assert "Nothing was saved" in text(response)
        assert not SLAPolicy.objects.exists() and not EscalationRule.objects.exists()

    def test_a_duplicate_name_is_refused(self, as_manager):
        calendar = CalendarFactory()
        PolicyFactory(name="VIP incidents", calendar=calendar)
        response = as_manager.post("/sla/policies/new/", policy_form(calendar, RULES, response_minutes=""))
        assert response.status_code == 200 and "already exists" in field_errors(response, "name")
        # the rules are still checked against the targets that were accepted
        assert "There is no response target" in field_errors(response, "rules-0-metric")
        assert SLAPolicy.objects.count() == 1

    def test_the_lists_query_counts_do_not_grow_with_rows(self, as_manager):
        def count(path):
            with CaptureQueriesContext(connection) as ctx:
                assert as_manager.get(path).status_code == 200
            return len(ctx.captured_queries)

        def add():
            calendar = office_hours(CalendarFactory())
            Holiday = calendar.holidays.model
            Holiday.objects.create(calendar=calendar, date=date(2026, 12, 25), name="Christmas")
            policy = PolicyFactory(calendar=calendar, service=ServiceFactory())
            EscalationRuleFactory(policy=policy, notify="group",
                                  group=StakeholderGroup.objects.create(name=f"Group {policy.pk}"))
            EscalationRuleFactory(policy=policy)

        add()
        few = {path: count(path) for path in ("/sla/calendars/", "/sla/policies/")}
        for _ in range(5):
            add()
        assert {path: count(path) for path in few} == few

    def test_editing_re_targets_open_timers_through_the_service(self, as_manager, manager):
        policy = PolicyFactory(name="Standard", response_minutes=240, resolution_minutes=480)
        EscalationRuleFactory(policy=policy, at_percent=50)
        EscalationRuleFactory(policy=policy, at_percent=90)
        services.sla_start(ticket=TicketFactory(), at=now() - timedelta(minutes=10))

        page = as_manager.get(f"/sla/policies/{policy.pk}/")
        rules = page.context["rules"]
        assert [f["at_percent"].value() for f in rules.forms[:2]] == [50, 90] and len(rules.forms) == 4
        assert page.context["form"]["pause_on"].value() == "on_hold"

        data = policy_form(policy.calendar, [{**RULES[0], "DELETE": "on"}, RULES[1]], name="Standard",
                           customer_tier="", response_minutes="120", **{"rules-INITIAL_FORMS": "2"})
        response = as_manager.post(f"/sla/policies/{policy.pk}/", data)
        assert response.status_code == 302, (response.context["form"].errors, response.context["rules"].errors)
        policy.refresh_from_db()
        assert policy.response_minutes == 120
        assert [r.at_percent for r in policy.escalations.all()] == [100]
        timer = SLATimer.objects.get(metric="response")
        assert timer.target == timedelta(minutes=120)
        event = timer.events.get(kind="policy_change")
        assert event.actor == manager
        assert 'data-testid="history"' in text(as_manager.get(f"/sla/policies/{policy.pk}/"))


    def test_saving_an_unchanged_policy_does_not_re_time_its_clocks(self, as_manager):
        policy = PolicyFactory(name="Standard")
        EscalationRuleFactory(policy=policy, at_percent=50, channels=["sms", "email"])
        services.sla_start(ticket=TicketFactory())
        page = as_manager.get(f"/sla/policies/{policy.pk}/")
        response = as_manager.post(f"/sla/policies/{policy.pk}/", resubmit(page, "form", "rules"), follow=True)
        assert "Nothing changed." in text(response)
        assert not SLATimer.objects.filter(events__kind="policy_change").exists()
        assert policy.history.count() == 1


# --- the clock badges --------------------------------------------------------------------------
CLOCKS = Template("{% load sla_tags %}{% for t in tickets %}<div>{% sla_clocks t now %}</div>{% endfor %}")


def render_clocks(tickets, at):
    return CLOCKS.render(Context({"tickets": tickets, "now": at}))


def badges(html: str) -> list[dict]:
    found = []
    for attrs, inner in re.findall(r'<span class="sla-clock [^"]*"([^>]*)>(.*?)</span>\s*</span>', html, re.S):
        found.append({**dict(re.findall(r'data-([a-z]+)(?:="([^"]*)")?', attrs)),
                      "text": re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", inner)).strip()})
    return found


class TestClocks:
    @pytest.mark.parametrize("seconds, shown", [(3900, "1 h 05 min"), (3959, "1 h 05 min"), (2700, "45 min"),
                                                (0, "0 min"), (-30, "0 min"), (90000, "25 h 00 min"),
                                                (None, ""), ("x", "")])
    def test_business_duration(self, seconds, shown):
        assert business_duration(seconds) == shown

    def test_states_remaining_time_and_due(self):
        T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)  # a Monday
        calendar = office_hours(CalendarFactory(), "09:00", "17:00")
        PolicyFactory(calendar=calendar, response_minutes=60, resolution_minutes=480)
        ticket = TicketFactory()
        services.sla_start(ticket=ticket, at=T0)
        ticket = DemoTicket.objects.prefetch_related(*SLA_PREFETCH).get(pk=ticket.pk)

        response, resolution = badges(render_clocks([ticket], T0 + timedelta(minutes=5)))
        assert (response["metric"], response["state"], response["remaining"]) == ("response", "ok", "3300")
        assert response["text"] == "Response 55 min" and response["due"] == "2026-11-23T10:00:00+00:00"
        assert response["target"] == "3600" and response["running"] == ""
        assert resolution["text"] == "Resolution 7 h 55 min"

        # 15 minutes left of 60: at risk
        response, _ = badges(render_clocks([ticket], T0 + timedelta(minutes=45)))
        assert response["state"] == "warning" and response["text"] == "Response 15 min (at risk)"

        # past the due instant: breached, overdue in business time
        response, _ = badges(render_clocks([ticket], T0 + timedelta(minutes=90)))
        assert response["state"] == "breached" and response["text"] == "Response overdue 30 min"
        assert "running" not in response

        # the ticket waits for the customer: paused, frozen
        ticket.status = "on_hold"
        ticket.save()
        services.sla_status_changed(ticket=ticket, at=T0 + timedelta(minutes=20))
        services.sla_stop(ticket=ticket, metric="response", at=T0 + timedelta(minutes=30))
        ticket = DemoTicket.objects.prefetch_related(*SLA_PREFETCH).get(pk=ticket.pk)
        response, resolution = badges(render_clocks([ticket], T0 + timedelta(hours=3)))
        assert (response["state"], response["text"]) == ("met", "Response met")
        assert (resolution["state"], resolution["text"]) == ("paused", "Resolution paused, 7 h 40 min left")
        assert resolution["due"] == ""

    def test_the_working_windows_let_the_browser_skip_the_lunch_break(self):
        T0 = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
        calendar = CalendarFactory()
        services.calendar_save(calendar=calendar, name=calendar.name, timezone_name="UTC",
                               hours=[(d, 540, 780) for d in range(5)] + [(d, 840, 1080) for d in range(5)],
                               holidays=[])
        PolicyFactory(calendar=calendar, response_minutes=120, resolution_minutes=None)
        ticket = TicketFactory()
        services.sla_start(ticket=ticket, at=T0)
        ticket = DemoTicket.objects.prefetch_related(*SLA_PREFETCH).get(pk=ticket.pk)
        [clock] = badges(render_clocks([ticket], T0))
        noon, one, two, three = (int((T0 + timedelta(hours=h)).timestamp()) for h in range(4))
        assert clock["due"] == "2026-11-23T15:00:00+00:00"
        assert clock["windows"] == f"{noon}-{one} {two}-{three}"

    def test_the_script_is_included_once_per_page(self, rf):
        PolicyFactory()
        tickets = [TicketFactory(), TicketFactory()]
        for ticket in tickets:
            services.sla_start(ticket=ticket)
        html = CLOCKS.render(Context({"tickets": DemoTicket.objects.prefetch_related(*SLA_PREFETCH),
                                      "request": rf.get("/")}))
        assert html.count("sla-clock.js") == 1 and html.count('data-testid="sla-clock"') == 4

    def test_a_ticket_without_timers_renders_nothing(self):
        assert render_clocks([TicketFactory()], now()).strip() == "<div></div>"

    def test_a_queue_renders_clocks_with_a_fixed_number_of_queries(self):
        calendar = office_hours(CalendarFactory())
        PolicyFactory(calendar=calendar)

        def render(count):
            for _ in range(count):
                services.sla_start(ticket=TicketFactory())
            with CaptureQueriesContext(connection) as ctx:
                html = render_clocks(DemoTicket.objects.prefetch_related(*SLA_PREFETCH), now())
            return len(ctx.captured_queries), html.count('data-testid="sla-clock"')

        few, shown = render(2)
        assert shown == 4
        many, shown = render(8)
        assert shown == 20 and many == few <= 4
