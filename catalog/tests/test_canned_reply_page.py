"""The team managers' page of canned replies (/catalog/canned-replies/): a manager adds,
changes and deletes their teams' replies only; an admin any, global ones too; agents get 403."""

import pytest
from django.urls import reverse

from catalog.canned_replies import canned_reply_save
from catalog.models import CannedReply
from catalog.tests.factories import TeamFactory
from core.roles import Role

pytestmark = pytest.mark.django_db
URL = "/catalog/canned-replies/"


@pytest.fixture
def teams(make_user):
    boss = make_user(Role.MANAGER, username="mia")
    desk, network = TeamFactory(name="Desk", manager=boss), TeamFactory(name="Network")
    return {"boss": boss, "desk": desk, "network": network,
            "mine": CannedReply.objects.create(name="Desk hello", body="Hi", team=desk),
            "theirs": CannedReply.objects.create(name="Net hello", body="Hi", team=network),
            "global": CannedReply.objects.create(name="Global hello", body="Hi")}


def test_a_manager_sees_and_changes_only_their_teams_replies(client, teams, django_assert_max_num_queries):
    client.force_login(teams["boss"])
    with django_assert_max_num_queries(12):
        response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200 and "Desk hello" in html
    assert "Net hello" not in html and "Global hello" not in html
    assert "{{ contact.name }}" in html  # the placeholders are listed
    response = client.post(URL, {"name": "Desk bye", "body": "Bye {{ contact.name }}", "team": teams["desk"].pk,
                                 "is_active": "on"})
    assert response.status_code == 302
    made = CannedReply.objects.get(name="Desk bye")
    assert made.team == teams["desk"] and made.history.get().history_user == teams["boss"]
    # another team's, or none (global): refused
    assert client.post(URL, {"name": "x", "body": "x", "team": teams["network"].pk}).status_code == 400
    assert client.post(URL, {"name": "x", "body": "x", "team": ""}).status_code == 400
    edit = reverse("catalog:canned-reply-edit", args=[teams["mine"].pk])
    assert client.post(edit, {"name": "Desk hi", "body": "Hello", "team": teams["desk"].pk}).status_code == 302
    teams["mine"].refresh_from_db()
    assert (teams["mine"].name, teams["mine"].is_active) == ("Desk hi", False)
    for reply in (teams["theirs"], teams["global"]):
        assert client.get(reverse("catalog:canned-reply-edit", args=[reply.pk])).status_code == 404
        assert client.post(reverse("catalog:canned-reply-delete", args=[reply.pk])).status_code == 404
    assert client.post(reverse("catalog:canned-reply-delete", args=[teams["mine"].pk])).status_code == 302
    assert not CannedReply.objects.filter(pk=teams["mine"].pk).exists()


def test_a_duplicate_name_is_a_field_error(client, teams):
    client.force_login(teams["boss"])
    response = client.post(URL, {"name": "Desk hello", "body": "x", "team": teams["desk"].pk})
    assert response.status_code == 400 and response.context["form"].errors


def test_an_admin_manages_every_reply_and_global_ones(client, teams, make_user):
    client.force_login(make_user(Role.ADMIN, username="root"))
    html = client.get(URL).content.decode()
    assert "Net hello" in html and "Global hello" in html
    assert client.post(URL, {"name": "New global", "body": "x", "team": ""}).status_code == 302
    assert CannedReply.objects.get(name="New global").team is None


def test_agents_and_requesters_are_refused(client, teams, make_user):
    for role in (Role.AGENT, Role.REQUESTER):
        client.force_login(make_user(role, username=f"u-{role}"))
        assert client.get(URL).status_code == 403
        assert client.post(reverse("catalog:canned-reply-delete", args=[teams["global"].pk])).status_code == 403
    client.logout()
    assert client.get(URL).status_code == 302


def test_the_service_refuses_a_manager_outside_their_teams(teams):
    from django.core.exceptions import PermissionDenied
    with pytest.raises(PermissionDenied):
        canned_reply_save(actor=teams["boss"], name="x", body="x", team=teams["network"])
    with pytest.raises(PermissionDenied):
        canned_reply_save(actor=teams["boss"], reply=teams["theirs"], name="x", body="x", team=teams["desk"])
