"""kpis/itsm/'s customers' figures (API.md "Customers"): CSAT of the survey answers in the
period, complaints received, their mean time to a response, the knowledge base's deflections;
one query for the five. The dashboard's ticket CSAT per team and agent, opportunities per
agent, and its knowledge panel."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalog.tests.factories import ServiceFactory, TeamFactory, UserFactory
from core.roles import Role
from crm.tests.factories_complaint import ComplaintFactory, SurveyFactory
from crm.tests.factories_opportunity import OpportunityFactory
from knowledge.models import ArticleFeedback, SearchMiss
from knowledge.services import article_create
from knowledge.stats import kb_deflections
from kpis.selectors import customer_kpis, itsm_kpis, opportunities_by_agent, ticket_csat

pytestmark = pytest.mark.django_db

D = datetime(2025, 3, 3, tzinfo=UTC)
DAY = {"from": "2025-03-03", "to": "2025-03-04"}


@pytest.fixture
def figures():
    team = TeamFactory()
    for score, hour in ((5, 1), (4, 2), (1, 3)):
        SurveyFactory(score=score, answered_at=D + timedelta(hours=hour), team=team)
    SurveyFactory(score=1, answered_at=D - timedelta(hours=1))  # the day before
    SurveyFactory()  # not answered
    ComplaintFactory(created_at=D + timedelta(hours=1), responded_at=D + timedelta(hours=3), team=team)
    ComplaintFactory(created_at=D - timedelta(days=1), responded_at=D + timedelta(hours=4))  # received before
    ComplaintFactory(created_at=D + timedelta(hours=5))  # not answered yet
    ComplaintFactory(created_at=D + timedelta(hours=5), kind="compliment")
    return team


def test_the_figures_of_the_day(figures):
    with CaptureQueriesContext(connection) as queries:
        got = customer_kpis(start=D, end=D + timedelta(days=1))
    assert len(queries) == 1
    assert got == {"csat_mean": 3.33, "csat_responses": 3, "complaints": 2,
                   "complaint_response_seconds": (2 * 3600 + 28 * 3600) / 2, "kb_deflections": 0,
                   "ticket_fcr_survey_answers": 0, "ticket_fcr_survey_rate": None}
    narrowed = customer_kpis(start=D, end=D + timedelta(days=1), team=figures.pk)
    assert narrowed == {"csat_mean": 3.33, "csat_responses": 3, "complaints": 1,
                        "complaint_response_seconds": 7200.0, "kb_deflections": 0,
                        "ticket_fcr_survey_answers": 0, "ticket_fcr_survey_rate": None}


def test_nothing_answered_is_null_not_zero():
    got = customer_kpis(start=D, end=D + timedelta(days=1))
    assert got == {"csat_mean": None, "csat_responses": 0, "complaints": 0, "complaint_response_seconds": None,
                   "kb_deflections": 0, "ticket_fcr_survey_answers": 0,
                   "ticket_fcr_survey_rate": None}


def test_the_api_answers_them(api, make_user, figures):
    body = api.as_user(make_user(Role.MANAGER, username="mgr-csat")).get("/api/v1/kpis/itsm/", DAY).json()
    assert (body["csat_mean"], body["csat_responses"], body["complaints"], body["kb_deflections"]) == (3.33, 3, 2, 0)
    assert itsm_kpis(start=D, end=D + timedelta(days=1))["csat_responses"] == 3


def test_the_dashboard_shows_ticket_csat_beside_call_csat(client, make_user, figures):
    client.force_login(make_user(Role.MANAGER, username="dash-csat"))
    page = client.get("/dashboards/", {"start": "2025-03-03", "end": "2025-03-03", "interval": "1d"})
    assert page.status_code == 200
    html = page.content.decode()
    assert 'data-testid="ticket-csat">3.33 (3)<' in html and 'data-testid="complaints">2<' in html


# --- ticket CSAT per team and agent, opportunities per agent (the dashboard's tables) -------------
@pytest.fixture
def per_agent():
    """Two teams, two agents: Ann (team A) has 5 and 4, Bob (team B) 2, and a survey with no
    agent or team 3; outside the day a 1 for Ann. Ann raised two opportunities in the day
    and won one (600 EUR) plus an older one (1,000 EUR); Bob raised one and lost it."""
    team_a, team_b = TeamFactory(name="Claims"), TeamFactory(name="Cards")
    ann = UserFactory(username="ann-agent", roles=["agent"])
    bob = UserFactory(username="bob-agent", roles=["agent"])
    SurveyFactory(score=5, answered_at=D + timedelta(hours=1), team=team_a, agent=ann)
    SurveyFactory(score=4, answered_at=D + timedelta(hours=2), team=team_a, agent=ann)
    SurveyFactory(score=2, answered_at=D + timedelta(hours=3), team=team_b, agent=bob)
    SurveyFactory(score=3, answered_at=D + timedelta(hours=4))
    SurveyFactory(score=1, answered_at=D + timedelta(days=1, hours=1), team=team_a, agent=ann)  # the next day
    SurveyFactory(agent=ann, team=team_a)  # sent, not answered
    OpportunityFactory(owner=ann, created_at=D + timedelta(hours=1))
    OpportunityFactory(owner=ann, created_at=D + timedelta(hours=2), stage="won", value=600,
                       closed_at=D + timedelta(hours=5))
    OpportunityFactory(owner=ann, created_at=D - timedelta(days=30), stage="won", value=1000,
                       closed_at=D + timedelta(hours=6))
    OpportunityFactory(owner=ann, created_at=D - timedelta(days=30))  # neither raised nor won in the day
    OpportunityFactory(owner=bob, created_at=D + timedelta(hours=3), stage="lost", closed_at=D + timedelta(hours=4),
                       lost_reason="Too dear")
    return {"teams": (team_a, team_b), "agents": (ann, bob)}


def test_ticket_csat_per_team_and_agent_in_one_query(per_agent):
    (team_a, team_b), (ann, bob) = per_agent["teams"], per_agent["agents"]
    with CaptureQueriesContext(connection) as queries:
        got = ticket_csat(D, D + timedelta(days=1))
    assert len(queries) == 1
    assert sorted(got["team"], key=lambda row: row["team"]) == sorted([
        {"team": team_a.pk, "responses": 2, "low": 0, "csat_mean": 4.5},
        {"team": team_b.pk, "responses": 1, "low": 1, "csat_mean": 2.0},
        {"team": 0, "responses": 1, "low": 0, "csat_mean": 3.0}], key=lambda row: row["team"])
    assert got["agent"][0] == {"agent": ann.pk, "responses": 2, "low": 0, "csat_mean": 4.5}
    assert {row["agent"]: row["csat_mean"] for row in got["agent"]} == {ann.pk: 4.5, bob.pk: 2.0, 0: 3.0}


def test_opportunities_raised_and_won_in_the_period_per_agent(per_agent):
    ann, bob = per_agent["agents"]
    with CaptureQueriesContext(connection) as queries:
        got = {row["agent"]: row for row in opportunities_by_agent(D, D + timedelta(days=1))}
    assert len(queries) == 1
    assert got[ann.pk] == {"agent": ann.pk, "raised": 2, "won": 2, "won_value": {"EUR": Decimal("1600.00")}}
    assert got[bob.pk] == {"agent": bob.pk, "raised": 1, "won": 0, "won_value": {}}


def test_the_dashboard_shows_them_per_team_and_agent(client, make_user, per_agent):
    ann = per_agent["agents"][0]
    client.force_login(make_user(Role.MANAGER, username="dash-per-agent"))
    html = client.get("/dashboards/", {"start": "2025-03-03", "end": "2025-03-03", "interval": "1d"}).content.decode()
    assert 'data-testid="ticket-csat-by-team"' in html
    team_row = html[html.index(f'data-team="{per_agent["teams"][0].pk}"'):]
    assert "Claims" in team_row[:400] and "<td>4.5</td><td>2</td><td>0</td>" in team_row[:600]
    agent_row = html[html.index(f'data-agent="{ann.pk}"'):]
    agent_row = agent_row[:agent_row.index("</tr>")]
    assert ann.get_full_name() in agent_row and "ann-agent" not in agent_row  # by name, not username
    assert f'href="/api/v1/surveys/?agent={ann.pk}&amp;answered=true">4.5 (2)</a>' in agent_row
    assert 'data-testid="agent-raised">2<' in agent_row and 'data-testid="agent-won">2<' in agent_row
    assert "1,600.00 EUR" in agent_row  # grouped, with its currency code


# --- the knowledge base (issue 20): deflections on kpis/itsm/ and the dashboard's panel -----------
@pytest.fixture
def knowledge(make_user):
    """Two articles: the card one (about Cards) solved two readers' problems in the day and
    one the day before, and helped a third without solving it; the VPN one (no service)
    solved one in the day and did not help one. Two searches found nothing."""
    author = make_user(Role.AGENT, username="kb-author")
    cards = ServiceFactory(name="Cards")
    card = article_create(author=author, title="Unblock a card abroad", body="Call us.", services=[cards])
    vpn = article_create(author=author, title="Reset the VPN token", body="Open the app.")
    for article, helpful, deflected, at in (
            (card, True, True, D + timedelta(hours=1)), (card, True, True, D + timedelta(hours=2)),
            (card, True, True, D - timedelta(hours=1)),  # the day before: not counted
            (card, True, False, D + timedelta(hours=3)),  # helped, did not solve
            (vpn, True, True, D + timedelta(hours=4)), (vpn, False, False, D + timedelta(hours=5))):
        ArticleFeedback.objects.create(article=article, helpful=helpful, deflected=deflected, created_at=at)
    SearchMiss.objects.create(query="lost pin abroad", count=7)
    SearchMiss.objects.create(query="mortgage holiday", language="en", count=2)
    return {"cards": cards, "card": card, "vpn": vpn}


def test_deflections_in_the_period_count_on_kpis_itsm(knowledge):
    with CaptureQueriesContext(connection) as queries:
        got = customer_kpis(start=D, end=D + timedelta(days=1))
    assert len(queries) == 1  # still one read for the customers' figures
    assert got["kb_deflections"] == 3 == kb_deflections(D, D + timedelta(days=1))
    assert customer_kpis(start=D, end=D + timedelta(days=1), service=knowledge["cards"].pk)["kb_deflections"] == 2
    assert customer_kpis(start=D - timedelta(days=1), end=D)["kb_deflections"] == 1
    assert customer_kpis(start=D + timedelta(days=1), end=D + timedelta(days=2))["kb_deflections"] == 0


def test_the_api_answers_the_deflections(api, make_user, knowledge):
    body = api.as_user(make_user(Role.MANAGER, username="mgr-kb")).get("/api/v1/kpis/itsm/", DAY).json()
    assert body["kb_deflections"] == 3


def test_the_dashboard_has_a_knowledge_panel(client, make_user, knowledge):
    client.force_login(make_user(Role.MANAGER, username="dash-kb"))
    html = client.get("/dashboards/", {"start": "2025-03-03", "end": "2025-03-03", "interval": "1d"}).content.decode()
    assert 'data-testid="knowledge"' in html
    assert 'id="kb-deflections" data-testid="kb-deflections">3<' in html
    assert 'data-testid="kb-helpful">4<' in html and 'data-testid="kb-not-helpful">1<' in html
    articles = html[html.index('data-testid="kb-articles"'):html.index('data-testid="kb-services"')]
    assert articles.index(knowledge["card"].number) < articles.index(knowledge["vpn"].number)
    assert "Unblock a card abroad</bdi></th><td>2<" in articles
    services = html[html.index('data-testid="kb-services"'):html.index('data-testid="kb-misses"')]
    assert "Cards</bdi></th><td>2<" in services and "(no service)</bdi></th><td>1<" in services
    misses = html[html.index('data-testid="kb-misses"'):]
    assert misses.index("lost pin abroad") < misses.index("mortgage holiday")
