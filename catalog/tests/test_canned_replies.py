"""Canned replies: the fixed placeholders (never a template engine on what people wrote), and
who may use which (their teams' and the global ones)."""

import pytest

from catalog.canned_replies import canned_replies_visible_to, render_canned_reply, ticket_values
from catalog.models import CannedReply
from catalog.tests.factories import ContactFactory, TeamFactory
from core.roles import Role

VALUES = {"contact.name": "Maria Papadopoulou", "ticket.number": "INC000042", "agent.name": "Ann Agent",
          "customer.name": "Acme", "ticket.title": "Cannot log in", "contact.email": "maria@example.com",
          "team.name": "Service Desk"}


class TestRendering:
    def test_each_placeholder_is_replaced(self):
        body = ("Dear {{ contact.name }}, about {{ticket.number}} ({{  ticket.title  }}) for {{ customer.name }} "
                "<{{ contact.email }}> — {{ agent.name }}, {{ team.name }}")
        assert render_canned_reply(body, VALUES) == (
            "Dear Maria Papadopoulou, about INC000042 (Cannot log in) for Acme <maria@example.com> — Ann Agent, "
            "Service Desk")

    def test_template_tags_filters_and_unknown_names_stay_as_written(self):
        body = ("{% load static %}{% debug %}{{ contact.name|upper }} {{ settings.SECRET_KEY }} "
                "{{ request.user.password }} {{ contact.__class__ }} {# note #} {{ ticket.number }}")
        assert render_canned_reply(body, VALUES) == (
            "{% load static %}{% debug %}{{ contact.name|upper }} {{ settings.SECRET_KEY }} "
            "{{ request.user.password }} {{ contact.__class__ }} {# note #} INC000042")

    def test_a_value_is_put_in_as_plain_text_and_not_read_again(self):
        values = {**VALUES, "contact.name": "{{ ticket.number }} <b>{% now 'Y' %}</b>"}
        assert render_canned_reply("Hi {{ contact.name }}", values) == "Hi {{ ticket.number }} <b>{% now 'Y' %}</b>"

    def test_a_missing_value_is_empty(self):
        assert render_canned_reply("Hi {{ contact.name }}!", {}) == "Hi !"

    @pytest.mark.django_db
    def test_ticket_values_from_what_the_page_holds(self, make_user):
        agent = make_user(Role.AGENT, username="ann", first_name="Ann", last_name="Agent")
        contact = ContactFactory(name="Maria", email="maria@example.com", customer__name="Acme")
        values = ticket_values(number="INC000001", title="Down", contact=contact, customer=contact.customer,
                               agent=agent, team=None)
        assert values == {"contact.name": "Maria", "contact.email": "maria@example.com", "customer.name": "Acme",
                          "ticket.number": "INC000001", "ticket.title": "Down", "agent.name": "Ann Agent",
                          "team.name": ""}


@pytest.mark.django_db
class TestVisibility:
    def test_an_agent_gets_their_teams_and_the_global_ones(self, make_user):
        agent = make_user(Role.AGENT, username="ann")
        mine, theirs = TeamFactory(name="Desk"), TeamFactory(name="Network")
        mine.members.add(agent)
        theirs.members.add(make_user(Role.AGENT, username="bob"))
        CannedReply.objects.create(name="Hello", body="Hi", team=None)
        CannedReply.objects.create(name="Desk reply", body="x", team=mine)
        CannedReply.objects.create(name="Network reply", body="x", team=theirs)
        CannedReply.objects.create(name="Old", body="x", team=mine, is_active=False)
        assert [r.name for r in canned_replies_visible_to(agent)] == ["Hello", "Desk reply"]

    def test_requesters_and_anonymous_people_get_none(self, make_user):
        from django.contrib.auth.models import AnonymousUser
        CannedReply.objects.create(name="Hello", body="Hi")
        assert not canned_replies_visible_to(make_user(Role.REQUESTER, username="rita")).exists()
        assert not canned_replies_visible_to(AnonymousUser()).exists()

    def test_names_are_unique_per_team_and_among_the_global_ones(self):
        from django.db import IntegrityError, transaction
        team = TeamFactory()
        CannedReply.objects.create(name="Hello", body="a")
        CannedReply.objects.create(name="Hello", body="b", team=team)  # a team may have its own
        for kwargs in ({"team": None}, {"team": team}):
            with pytest.raises(IntegrityError), transaction.atomic():
                CannedReply.objects.create(name="Hello", body="c", **kwargs)

    def test_changes_are_kept_in_history(self):
        reply = CannedReply.objects.create(name="Hello", body="a")
        reply.body = "b"
        reply.save()
        assert [h.body for h in reply.history.order_by("history_id")] == ["a", "b"]


@pytest.mark.django_db
class TestApi:
    URL = "/api/v1/canned-replies/"

    def test_agents_read_their_teams_and_the_global_replies_as_written(self, api, make_user,
                                                                        django_assert_max_num_queries):
        agent = make_user(Role.AGENT, username="ann")
        mine, theirs = TeamFactory(name="Desk"), TeamFactory(name="Network")
        mine.members.add(agent)
        hello = CannedReply.objects.create(name="Hello", body="Dear {{ contact.name }}")
        desk = CannedReply.objects.create(name="Desk", body="x", team=mine)
        other = CannedReply.objects.create(name="Net", body="x", team=theirs)
        for i in range(5):
            CannedReply.objects.create(name=f"More {i}", body="x", team=mine)
        client = api.as_user(agent)
        with django_assert_max_num_queries(8):
            response = client.get(self.URL)
        assert response.status_code == 200 and response.json()["count"] == 7
        first = response.json()["results"][0]
        assert first == {"id": hello.pk, "name": "Hello", "body": "Dear {{ contact.name }}", "team": None,
                         "updated_at": first["updated_at"]}
        assert client.get(f"{self.URL}{desk.pk}/").status_code == 200
        assert client.get(f"{self.URL}{other.pk}/").status_code == 404
        assert [r["name"] for r in client.get(self.URL, {"team": mine.pk}).json()["results"]][:1] == ["Desk"]
        assert client.get(self.URL, {"team": "x"}).status_code == 400
        assert client.post(self.URL, {"name": "New", "body": "x"}, format="json").status_code in (403, 405)

    def test_requesters_may_not_read_them(self, api, make_user):
        CannedReply.objects.create(name="Hello", body="x")
        assert api.as_user(make_user(Role.REQUESTER, username="rita")).get(self.URL).status_code == 403
