"""The top bar's entries (servicedesk.context_processors.navigation): reversed once per URL
configuration and script prefix, the current one marked per request."""

import pytest
from django.test import RequestFactory
from django.urls import clear_script_prefix, set_script_prefix

from catalog.tests.factories import UserFactory
from core.roles import Role
from servicedesk import context_processors
from servicedesk.context_processors import navigation

pytestmark = pytest.mark.django_db


def _nav(user, path):
    request = RequestFactory().get(path)
    request.user = user
    return navigation(request)


def test_the_entries_follow_the_roles_and_mark_the_current_page():
    agent, requester = UserFactory(roles=[Role.AGENT]), UserFactory(roles=[Role.REQUESTER])
    staff = _nav(agent, "/changes/approvals/")
    urls = [item["url"] for item in staff["nav_items"]]
    assert "/incidents/" in urls and "/portal/" not in urls
    # the most specific entry the user has is current: approvals are for CAB members and change managers
    assert [item["url"] for item in staff["nav_items"] if item["active"]] == ["/changes/"]
    manager = _nav(UserFactory(roles=[Role.CHANGE_MANAGER]), "/changes/approvals/")
    assert [item["url"] for item in manager["nav_items"] if item["active"]] == ["/changes/approvals/"]
    assert [item["url"] for item in _nav(agent, "/incidents/42/")["nav_items"] if item["active"]] == ["/incidents/"]
    portal = [item["url"] for item in _nav(requester, "/portal/")["nav_items"]]
    assert "/portal/" in portal and "/incidents/" not in portal


def test_under_a_script_prefix_every_entry_carries_it():
    agent = UserFactory(roles=[Role.AGENT])
    plain = [item["url"] for item in _nav(agent, "/")["nav_items"]]
    set_script_prefix("/desk/")
    try:
        prefixed = [item["url"] for item in _nav(agent, "/desk/")["nav_items"]]
    finally:
        clear_script_prefix()
    assert prefixed == ["/desk" + url for url in plain]
    assert [item["url"] for item in _nav(agent, "/")["nav_items"]] == plain  # each prefix its own


def test_another_url_configuration_is_reversed_again(settings):
    agent = UserFactory(roles=[Role.AGENT])
    before = [item["url"] for item in _nav(agent, "/")["nav_items"]]
    settings.ROOT_URLCONF = "core.tests.urls"  # the project's pages and a few failing views
    assert context_processors._resolved == {}  # the change forgot what was reversed
    assert [item["url"] for item in _nav(agent, "/")["nav_items"]] == before
    assert [key[0] for key in context_processors._resolved] == ["core.tests.urls"]
