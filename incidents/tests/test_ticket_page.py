"""The incident page's timeline filter, composer, canned replies and shortcut marks (issue 21),
through Django's test client: what each ``?show=`` shows, the HTMX partial, the query count
that does not move with the filter or the number of lines, and the canned-reply endpoint."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from catalog.models import CannedReply
from catalog.tests.factories import TeamFactory
from core.roles import Role
from incidents import services

from . import test_views
from .test_views import action_url, report

# The incident page tests' fixtures (a team, its agents, a service, a VIP contact, built once for
# this module too; an agent's client).
desk, _desk, as_agent = test_views.desk, test_views._desk, test_views.as_agent

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("celery_eager")]
ALL = "notes,messages,changes,sla,deliveries"
HX = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "timeline"}


def busy(desk, incident, n: int = 1):
    """``n`` rounds of a note, a comment, a hold and a resume (SLA events and deliveries follow)."""
    agent = desk["agent"]
    if incident.status == "new":
        incident = services.incident_start(incident=incident, actor=agent)
    for i in range(n):
        services.incident_add_note(incident=incident, actor=agent, body=f"Internal {i}", visibility="internal")
        services.incident_add_note(incident=incident, actor=agent, body=f"Public {i}", visibility="public")
        incident = services.incident_hold(incident=incident, actor=agent, reason=f"waiting {i}")
        incident = services.incident_resume(incident=incident, actor=agent)
    return incident


def shown_groups(response) -> set:
    return {e.group for e in response.context["timeline"].entries}


class TestFilter:
    def test_the_default_hides_sla_ticks_and_deliveries(self, as_agent, desk):
        incident = busy(desk, report(desk))
        response = as_agent.get(incident.get_absolute_url())
        assert response.status_code == 200
        assert shown_groups(response) == {"notes", "messages", "changes"}
        counts = {c.key: c.count for c in response.context["timeline"].chips}
        assert counts["sla"] > 0 and counts["deliveries"] > 0 and counts["notes"] == 1 and counts["messages"] == 1
        html = response.content.decode()
        assert html.count('<div id="timeline"') == 1 and 'data-testid="chip-sla"' in html
        assert 'aria-pressed="false" data-chip="sla"' in html and 'aria-pressed="true" data-chip="notes"' in html

    @pytest.mark.parametrize("kind", ["notes", "messages", "changes", "sla", "deliveries"])
    def test_each_kind_in_and_out(self, as_agent, desk, kind):
        incident = busy(desk, report(desk))
        url = incident.get_absolute_url()
        assert shown_groups(as_agent.get(url, {"show": kind})) == {kind}
        rest = [k for k in ALL.split(",") if k != kind]
        assert shown_groups(as_agent.get(url, {"show": ",".join(rest)})) == set(rest)

    @pytest.mark.parametrize("raw", ["bogus", "", "%00", "' OR 1=1 --", "notes" * 2000, "sla\x00"])
    def test_a_bad_value_is_ignored_never_an_error(self, as_agent, desk, raw):
        incident = busy(desk, report(desk))
        for extra in ({}, HX):
            response = as_agent.get(incident.get_absolute_url(), {"show": raw}, **extra)
            assert response.status_code == 200
            assert shown_groups(response) == {"notes", "messages", "changes"}

    def test_an_htmx_request_for_the_timeline_gets_the_timeline_alone(self, as_agent, desk):
        incident = busy(desk, report(desk))
        response = as_agent.get(incident.get_absolute_url(), {"show": "sla"}, **HX)
        html = response.content.decode()
        assert response.status_code == 200 and html.lstrip().startswith('<div id="timeline"')
        assert "note-form" not in html and 'data-group="sla"' in html and 'data-group="notes"' not in html
        assert "HX-Target" in response["Vary"]
        # a history restore is a whole page
        full = as_agent.get(incident.get_absolute_url(), **HX, HTTP_HX_HISTORY_RESTORE_REQUEST="true")
        assert "note-form" in full.content.decode()

    def test_user_text_is_isolated_and_the_reasons_translated(self, as_agent, desk):
        incident = busy(desk, report(desk))
        html = as_agent.get(incident.get_absolute_url(), {"show": ALL}).content.decode()
        assert '<p dir="auto" class="inc-text">Internal 0</p>' in html
        titles = [e.title for e in as_agent.get(incident.get_absolute_url()).context["timeline"].entries]
        assert "On hold: waiting 0" in titles and "Work started" in titles and "Resumed" in titles
        assert "started" not in titles and "resumed" not in titles  # never the services' raw words
        as_agent.cookies["django_language"] = "el"
        greek = as_agent.get(incident.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="el").content.decode()
        assert "Χρονολόγιο" in greek or 'lang="el"' in greek

    def test_the_number_of_queries_does_not_move_with_the_filter_or_the_lines(self, as_agent, desk):
        incident = busy(desk, report(desk), 1)
        url = incident.get_absolute_url()

        def count(**params):
            extra = params.pop("extra", {})
            with CaptureQueriesContext(connection) as ctx:
                assert as_agent.get(url, params, **extra).status_code == 200
            return len(ctx.captured_queries)

        few = {show: count(show=show) for show in ("", "sla", ALL, "bogus")}
        few_partial = {show: count(show=show, extra=HX) for show in ("", "sla", ALL)}
        busy(desk, incident.__class__.objects.get(pk=incident.pk), 4)
        many = {show: count(show=show) for show in ("", "sla", ALL, "bogus")}
        many_partial = {show: count(show=show, extra=HX) for show in ("", "sla", ALL)}
        assert len(set(few.values())) == 1 and few == many, (few, many)
        assert len(set(few_partial.values())) == 1 and few_partial == many_partial
        assert many_partial[""] < many[""]

    def test_the_page_and_the_partial_have_a_pinned_budget(self, as_agent, desk, django_assert_max_num_queries):
        incident = busy(desk, report(desk), 3)
        with django_assert_max_num_queries(60):
            as_agent.get(incident.get_absolute_url(), {"show": ALL})
        with django_assert_max_num_queries(18):
            as_agent.get(incident.get_absolute_url(), {"show": ALL}, **HX)


class TestComposer:
    def test_composer_above_the_timeline_with_its_shortcuts(self, as_agent, desk):
        incident = report(desk)
        html = as_agent.get(incident.get_absolute_url()).content.decode()
        assert html.index('data-testid="note-form"') < html.index('id="timeline"')
        assert 'data-shortcut="n"' in html and 'data-shortcut="a"' in html
        assert "Reply to the customer" in html and "Work note" in html
        incident = services.incident_start(incident=incident, actor=desk["agent"])
        html = as_agent.get(incident.get_absolute_url()).content.decode()
        assert 'data-shortcut="r" data-shortcut-label="Resolve"' in html

    def test_a_reply_to_the_customer_is_a_message_and_a_work_note_a_note(self, as_agent, desk):
        incident = report(desk)
        as_agent.post(action_url(incident, "note"), {"note-body": "We are on it", "note-visibility": "public"})
        as_agent.post(action_url(incident, "note"), {"note-body": "Checked logs", "note-visibility": "internal"})
        entries = as_agent.get(incident.get_absolute_url()).context["timeline"].entries
        assert [(e.body, e.group) for e in entries if e.kind == "note"] == [("Checked logs", "notes"),
                                                                           ("We are on it", "messages")]


class TestCannedReplies:
    @pytest.fixture
    def replies(self, desk):
        other = TeamFactory(name="Network")
        return {
            "global": CannedReply.objects.create(name="Greeting", body="Dear {{ contact.name }}, about "
                                                 "{{ ticket.number }}: {% if x %}<script>alert(1)</script>{% endif %}"),
            "mine": CannedReply.objects.create(name="Desk", body="{{ agent.name }} of {{ team.name }}",
                                               team=desk["team"]),
            "theirs": CannedReply.objects.create(name="Net", body="secret", team=other),
        }

    def url(self, incident):
        return reverse("incidents:canned-reply", args=[incident.pk])

    def test_the_picker_lists_the_teams_and_the_global_replies(self, as_agent, desk, replies):
        html = as_agent.get(report(desk).get_absolute_url()).content.decode()
        assert ">Greeting</option>" in html and ">Desk</option>" in html and ">Net</option>" not in html

    def test_inserting_renders_the_placeholders_and_escapes_the_rest(self, as_agent, desk, replies):
        incident = report(desk, team=desk["team"])
        response = as_agent.post(self.url(incident), {"reply": replies["global"].pk, "note-body": "Draft line"})
        html = response.content.decode()
        assert response.status_code == 200
        name = desk["contact"].name
        assert (f"Draft line\n\nDear {name}, about {incident.number}: "
                "{% if x %}&lt;script&gt;alert(1)&lt;/script&gt;{% endif %}</textarea>") in html
        assert "<script>" not in html and 'data-shortcut="n"' in html and "autofocus" in html
        assert 'hx-swap-oob="true"' in html  # the picker resets itself
        html = as_agent.get(self.url(incident), {"reply": replies["mine"].pk}).content.decode()
        assert f">{desk['agent'].get_full_name() or desk['agent'].username} of Service Desk</textarea>" in html

    def test_another_teams_reply_is_not_found(self, as_agent, desk, replies):
        incident = report(desk)
        assert as_agent.post(self.url(incident), {"reply": replies["theirs"].pk}).status_code == 404
        for bad in ("", "x", "999999", "-1"):
            assert as_agent.post(self.url(incident), {"reply": bad}).status_code == 404
        replies["mine"].is_active = False
        replies["mine"].save()
        assert as_agent.post(self.url(incident), {"reply": replies["mine"].pk}).status_code == 404

    def test_requesters_get_nothing(self, client, desk, replies):
        incident = report(desk)
        client.force_login(desk["requester"])
        assert client.post(self.url(incident), {"reply": replies["global"].pk}).status_code == 404
        client.logout()
        assert client.post(self.url(incident), {"reply": replies["global"].pk}).status_code == 302

    def test_an_incident_the_agent_may_not_see_is_not_found(self, client, desk, replies, make_user):
        incident = report(desk)
        client.force_login(make_user(Role.AGENT, username="zed"))
        assert client.get(self.url(incident), {"reply": replies["global"].pk}).status_code in (200, 404)
        assert client.get(reverse("incidents:canned-reply", args=[999999]),
                          {"reply": replies["global"].pk}).status_code == 404

    def test_a_fixed_number_of_queries(self, as_agent, desk, replies, django_assert_max_num_queries):
        incident = report(desk)
        for i in range(5):
            CannedReply.objects.create(name=f"R{i}", body="x", team=desk["team"])
        with django_assert_max_num_queries(10):
            assert as_agent.get(self.url(incident), {"reply": replies["global"].pk}).status_code == 200
