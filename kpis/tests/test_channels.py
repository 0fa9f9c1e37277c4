# ruff: noqa: F811 - the fixtures imported from factories are taken as test arguments
"""The channel dimension of the ITSM figures (issue 17, item 6): incidents and their SLA
timers on several channels → the rollup → ``kpis/itsm/``'s ``by_channel`` and ``?channel=``,
the dashboard's "By channel" table, the published schema of that response, and query
counts that do not move with the number of channels or timers."""

from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from jsonschema import Draft202012Validator

from catalog.tests.factories import ServiceFactory, TeamFactory
from core.roles import Role
from incidents.tests.factories import IncidentFactory
from kpis.caching import rollups_changed
from kpis.models import IncidentDaily
from kpis.rollups import rollup_itsm
from kpis.selectors import itsm_kpis
from problems.tests.factories import ProblemFactory
from servicerequests.tests.factories import ServiceRequestFactory
from sla.models import SLATimer
from sla.tests.factories import CalendarFactory, PolicyFactory

from .factories import D, at

pytestmark = pytest.mark.django_db
NOW = D + timedelta(days=2)
ITSM = "/api/v1/kpis/itsm/"
DAY = {"from": "2025-03-03", "to": "2025-03-04"}


def timer(ticket, *, kind: str, status: str, minute: int, metric: str = "response", team=None, service=None,
          priority=None) -> SLATimer:
    """A stopped timer of any ticket kind, met or breached at ``minute`` of day D."""
    policy = PolicyFactory(calendar=CalendarFactory())
    moment = at(minute, D)
    return SLATimer.objects.create(
        content_type=ContentType.objects.get_for_model(ticket), object_id=ticket.pk, metric=metric, policy=policy,
        calendar=policy.calendar, status=status, target=timedelta(hours=1), started_at=D, kind=kind,
        met_at=moment if status == "met" else None, breached_at=moment if status == "breached" else None,
        priority=priority, team=team, service=service)


@pytest.fixture
def channels(db):
    """Day D (2025-03-03), team T, priority 3:

    ==  =======  =======  ===========  ==========  ===================================
    #   channel  created  acknowledged  resolved    SLA timers (on D)
    ==  =======  =======  ===========  ==========  ===================================
    e1  email    08:00    08:30 (1800)  12:00 (4 h)  response met 08:30, resolution met 12:00
    e2  email    09:00    11:30 (9000)  open         response breached 11:00
    p1  portal   10:00    10:20 (1200)  11:00 (1 h)  response met 10:20
    p2  portal   13:00    —             open         response breached 14:00
    f1  phone    07:00    07:05 (300)   08:00 (1 h)  —
    ==  =======  =======  ===========  ==========  ===================================

    plus a service request by email whose response timer was met at 09:00 (an email SLA
    figure, not an incident), and a problem whose resolution timer was breached at 15:00
    (no channel).
    """
    team, service = TeamFactory(name="T"), ServiceFactory(name="Mail service")

    def incident(channel, created, acknowledged=None, resolved=None):
        return IncidentFactory(
            team=team, service=service, priority=3, channel=channel, created_at=at(created, D),
            acknowledged_at=at(acknowledged, D) if acknowledged is not None else None,
            resolved_at=at(resolved, D) if resolved is not None else None,
            status="resolved" if resolved is not None else ("in_progress" if acknowledged is not None else "new"))

    e1 = incident("email", 8 * 60, 8 * 60 + 30, 12 * 60)
    e2 = incident("email", 9 * 60, 11 * 60 + 30)
    p1 = incident("portal", 10 * 60, 10 * 60 + 20, 11 * 60)
    p2 = incident("portal", 13 * 60)
    f1 = incident("phone", 7 * 60, 7 * 60 + 5, 8 * 60)
    dims = {"team": team, "service": service, "priority": 3}
    timer(e1, kind="incident", status="met", minute=8 * 60 + 30, **dims)
    timer(e1, kind="incident", status="met", minute=12 * 60, metric="resolution", **dims)
    timer(e2, kind="incident", status="breached", minute=11 * 60, **dims)
    timer(p1, kind="incident", status="met", minute=10 * 60 + 20, **dims)
    timer(p2, kind="incident", status="breached", minute=14 * 60, **dims)
    request = ServiceRequestFactory(channel="email", created_at=at(8 * 60, D), status="fulfilling")
    timer(request, kind="request", status="met", minute=9 * 60, team=team)
    problem = ProblemFactory(created_at=D)
    timer(problem, kind="problem", status="breached", minute=15 * 60, metric="resolution")
    return {"team": team, "service": service, "incidents": {"e1": e1, "e2": e2, "p1": p1, "p2": p2, "f1": f1}}


EXPECTED = [
    {"channel": "phone", "created": 1, "resolved": 1, "sla_met": 0, "sla_breached": 0, "sla_compliance": None,
     "mtta_seconds": 300.0, "mttr_seconds": 3600.0},
    {"channel": "email", "created": 2, "resolved": 1, "sla_met": 3, "sla_breached": 1, "sla_compliance": 0.75,
     "mtta_seconds": 5400.0, "mttr_seconds": 14400.0},  # acknowledged (1800 + 9000) / 2; met: e1 ×2, the request
    {"channel": "portal", "created": 2, "resolved": 1, "sla_met": 1, "sla_breached": 1, "sla_compliance": 0.5,
     "mtta_seconds": 1200.0, "mttr_seconds": 3600.0},
    {"channel": None, "created": 0, "resolved": 0, "sla_met": 0, "sla_breached": 1, "sla_compliance": 0.0,
     "mtta_seconds": None, "mttr_seconds": None},  # the problem's timer
]


def rollup() -> None:
    rollup_itsm(start=D, end=D + timedelta(days=1), now=NOW)


def test_the_rollup_files_each_incident_and_timer_under_its_ticket_s_channel(channels):
    rollup()
    rows = {(row.channel, row.service_id, row.priority): row for row in IncidentDaily.objects.filter(day=D.date())}
    service = channels["service"].pk
    assert set(rows) == {("phone", service, 3), ("email", service, 3), ("portal", service, 3),
                         ("email", 0, 0), ("", 0, 0)}  # the request's timer has no service nor priority
    email = rows[("email", service, 3)]
    assert (email.created, email.acknowledged, email.sla_met, email.sla_breached, email.backlog) == (2, 2, 2, 1, 1)
    assert (rows[("email", 0, 0)].sla_met, rows[("email", 0, 0)].team_id) == (1, channels["team"].pk)
    portal = rows[("portal", service, 3)]
    assert (portal.created, portal.sla_met, portal.sla_breached, portal.backlog) == (2, 1, 1, 1)
    assert (rows[("", 0, 0)].team_id, rows[("", 0, 0)].sla_breached, rows[("", 0, 0)].created) == (0, 1, 0)
    # The totals are the sum of the channels: nothing counted twice, nothing lost.
    figures = itsm_kpis(start=D, end=D + timedelta(days=1), today=NOW)
    assert (figures["created"], figures["sla_met"], figures["sla_breached"], figures["backlog"]) == (5, 4, 3, 2)
    assert figures["sla_compliance"] == 0.5714  # 4 / 7
    assert figures["by_channel"] == EXPECTED


def test_a_timer_follows_its_ticket_s_channel_when_rolled_up_again(channels):
    rollup()
    channels["incidents"]["p2"].__class__.objects.filter(pk=channels["incidents"]["p2"].pk).update(channel="email")
    rollup()
    email = next(row for row in itsm_kpis(start=D, end=D + timedelta(days=1), today=NOW)["by_channel"]
                 if row["channel"] == "email")
    assert (email["created"], email["sla_met"], email["sla_breached"]) == (3, 3, 2)


def test_the_api_splits_by_channel_and_filters_on_one(api, make_user, channels):
    rollup()
    client = api.as_user(make_user(Role.MANAGER, username="mgr-channels"))
    response = client.get(ITSM, DAY)
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["by_channel"] == EXPECTED
    # Additive: every key API.md names is still there, by_priority as before.
    assert {"mtta_seconds", "mttr_seconds", "backlog", "sla_compliance", "reopen_rate", "major_incidents",
            "mtbf_seconds", "change_success_rate", "emergency_change_ratio", "by_priority"} <= set(body)
    assert body["by_priority"] == [{"priority": 3, "acknowledged": 4, "resolved": 3, "mtta_seconds": 3075.0,
                                    "mttr_seconds": 7200.0}]  # the request and problem timers have no priority
    email = client.get(ITSM, {**DAY, "channel": "email"}).json()
    assert (email["created"], email["sla_met"], email["sla_breached"], email["sla_compliance"], email["backlog"],
            email["mtta_seconds"], email["mttr_seconds"]) == (2, 3, 1, 0.75, 1, 5400.0, 14400.0)
    assert email["by_channel"] == [EXPECTED[1]]
    assert client.get(ITSM, {**DAY, "channel": "chat"}).json()["by_channel"] == []
    bad = client.get(ITSM, {**DAY, "channel": "pigeon"})
    assert bad.status_code == 400 and "channel" in bad.json()
    # The CSV leaves the lists to the JSON and keeps its one row of totals.
    csv_body = client.get(ITSM, {**DAY, "format": "csv"}).content.decode()
    assert "by_channel" not in csv_body and len(csv_body.strip().splitlines()) == 2


def _json_schema(node):
    """OpenAPI 3.0's ``nullable`` as JSON Schema (``null`` allowed), for jsonschema."""
    if isinstance(node, list):
        return [_json_schema(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _json_schema(value) for key, value in node.items()}
    if node.pop("nullable", False):
        return {"anyOf": [node, {"type": "null"}]}
    return node


def test_the_schema_describes_the_response_exactly(api, make_user, channels):
    from drf_spectacular.generators import SchemaGenerator

    rollup()
    schema = SchemaGenerator().get_schema(request=None, public=True)
    components = schema["components"]["schemas"]
    body = api.as_user(make_user(Role.MANAGER, username="mgr-schema")).get(ITSM, DAY).json()
    assert set(components["ItsmKpis"]["properties"]) == set(body)
    assert set(components["ItsmKpis"]["required"]) == set(body)
    row_schema = components["ChannelFigures"]
    assert set(row_schema["properties"]) == set(row_schema["required"]) == set(EXPECTED[0])
    validator = Draft202012Validator({"$ref": "#/components/schemas/ItsmKpis",
                                      "components": {"schemas": _json_schema(components)}})
    assert list(validator.iter_errors(body)) == []
    wrong = {**body, "by_channel": [{**EXPECTED[0], "channel": ""}]}
    assert list(validator.iter_errors(wrong)), "the schema lets a blank channel through"
    parameter = next(p for p in schema["paths"][ITSM]["get"]["parameters"] if p["name"] == "channel")
    assert parameter["schema"]["enum"] == ["phone", "email", "portal", "monitoring", "chat"]


def test_days_rolled_up_before_the_channel_existed_count_as_no_channel(db):
    """What the migration leaves: earlier rows summed over every channel, channel ''."""
    IncidentDaily.objects.create(day=D.date(), team_id=1, priority=2, created=4, resolved=2, resolve_seconds_sum=600,
                                 sla_met=3, sla_breached=1)
    figures = itsm_kpis(start=D, end=D + timedelta(days=1), today=NOW)
    assert figures["created"] == 4
    assert figures["by_channel"] == [{"channel": None, "created": 4, "resolved": 2, "sla_met": 3, "sla_breached": 1,
                                      "sla_compliance": 0.75, "mtta_seconds": None, "mttr_seconds": 300.0}]
    assert itsm_kpis(start=D, end=D + timedelta(days=1), channel="email", today=NOW)["created"] == 0


def test_the_dashboard_shows_volume_and_compliance_by_channel(client, make_user, channels):
    rollup()
    client.force_login(make_user(Role.MANAGER, username="dash-channels"))
    page = client.get("/dashboards/", {"start": "2025-03-03", "end": "2025-03-03", "interval": "1d"}).content.decode()
    assert 'data-testid="by-channel"' in page and "By channel" in page
    table = page.split('data-testid="by-channel"', 1)[1].split("</table>", 1)[0]
    rows = table.split("<tr data-channel=")[1:]
    assert [row.split(">", 1)[0] for row in rows] == ['"phone"', '"email"', '"portal"', '""']
    email = rows[1]
    assert "Email" in email and "?channel=email&amp;created_after=" in email
    assert "<td>2</td><td>1</td><td>3</td><td>1</td>" in email  # created, resolved, met, missed
    assert "75.0 %" in email
    assert "(no channel)" in rows[3] and "<a " not in rows[3].split("</th>", 1)[0]


def test_query_counts_do_not_move_with_channels_or_timers(api, make_user, client, channels,
                                                         django_assert_max_num_queries):
    """The rollup keeps its fixed set of statements (the ticket's channel is read inside the
    timers' grouped query), the API its seven and the dashboard its twenty-one (the customers'
    figures are one more read of the crm tables)."""
    with CaptureQueriesContext(connection) as few:
        rollup()
    team, service = channels["team"], channels["service"]
    for number in range(30):
        channel = ("phone", "email", "portal", "monitoring", "chat")[number % 5]
        incident = IncidentFactory(team=team, service=service, priority=1 + number % 5, channel=channel,
                                   created_at=at(number * 10, D), acknowledged_at=at(number * 10 + 5, D))
        timer(incident, kind="incident", status=("met", "breached")[number % 2], minute=number * 10 + 5, team=team,
              priority=incident.priority)
        request = ServiceRequestFactory(channel=channel, created_at=at(number * 10, D))
        timer(request, kind="request", status="met", minute=number * 10 + 7)
    with CaptureQueriesContext(connection) as many:
        rollup()
    assert len(many) == len(few)
    assert IncidentDaily.objects.filter(day=D.date()).values("channel").distinct().count() == 6
    user = make_user(Role.MANAGER, username="mgr-count")
    manager_api = api.as_user(user)
    with django_assert_max_num_queries(7):
        assert manager_api.get(ITSM, {**DAY, "channel": "email"}).status_code == 200
    with django_assert_max_num_queries(7):
        assert manager_api.get(ITSM, DAY).status_code == 200
    rollups_changed()  # the API's reads above are cached under the rollups' version: read afresh
    with CaptureQueriesContext(connection) as selector:
        itsm_kpis(start=D, end=D + timedelta(days=1), today=NOW)
    # backlog, desk, one read grouped by team, priority and channel (the totals: its groups added
    # up), and the customers' figures
    assert len(selector) == 4
    with CaptureQueriesContext(connection) as again:
        itsm_kpis(start=D, end=D + timedelta(days=1), today=NOW)
    assert len(again) == 1  # the same version: only the customers' figures (read live)
    client.force_login(user)
    # and ticket CSAT, opportunities per agent, the knowledge panel's four reads, the providers table (3–5)
    with django_assert_max_num_queries(32):
        assert client.get("/dashboards/", {"start": "2025-03-03", "end": "2025-03-03",
                                           "interval": "1d"}).status_code == 200
