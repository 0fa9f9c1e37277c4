"""Live pages (core/live.py): versions bumped when a change commits, the "what changed since"
endpoint (its query count, what it hides), presence and the collision banners."""

import time

import pytest
from django.core.cache import cache
from django.db import transaction
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse

from core import live
from core.roles import Role
from incidents.services import incident_add_note, incident_assign, incident_create
from incidents.tests.factories import IncidentFactory
from notifications.models import Notification
from notifications.services import notifications_mark_all_read

URL = "/live/"


def version(topic):
    value = cache.get(live.version_key(topic))
    return value[0] if value else ""


@pytest.fixture
def agent2(make_user):
    return make_user(Role.AGENT, username="agent-bob", first_name="Bob", last_name="Builder")


# --- versions --------------------------------------------------------------------------------
@pytest.mark.django_db(transaction=True)
def test_a_committed_change_bumps_its_ticket_and_its_list(agent):
    incident = incident_create(title="Mail down", actor=agent)
    first = version(f"incident:{incident.pk}")
    assert first and version("incidents") == first
    incident_assign(incident=incident, actor=agent, assignee=agent)
    assert version(f"incident:{incident.pk}") not in ("", first)
    # Who changed it travels with the version (the banner's name).
    assert cache.get(live.version_key(f"incident:{incident.pk}"))[1] == agent.pk


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_change_bumps_nothing(agent):
    incident = IncidentFactory()
    before = version(f"incident:{incident.pk}")
    with pytest.raises(RuntimeError), transaction.atomic():
        incident_assign(incident=incident, actor=agent, assignee=agent)
        raise RuntimeError("rolled back")
    assert version(f"incident:{incident.pk}") == before
    # The next transaction starts afresh: only what it changed is bumped.
    with transaction.atomic():
        incident_add_note(incident=incident, actor=agent, body="seen")
    assert version(f"incident:{incident.pk}") != before


@pytest.mark.django_db
def test_a_note_bumps_its_ticket_not_the_list(agent, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        incident = IncidentFactory()
    cache.delete_many([live.version_key("incidents"), live.version_key(f"incident:{incident.pk}")])
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        incident_add_note(incident=incident, actor=agent, body="on it")
        incident_add_note(incident=incident, actor=agent, body="still on it")
    # One write per transaction, whatever it saved.
    assert len([c for c in callbacks if isinstance(c, live._Pending)]) == 1
    assert version(f"incident:{incident.pk}")
    assert version("incidents") == ""


@pytest.mark.django_db
def test_notifications_bump_their_owner_only(agent, agent2, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        Notification.objects.create(user=agent, subject="Hello")
    mine = version(f"notifications:{agent.pk}")
    assert mine and version(f"notifications:{agent2.pk}") == ""
    time.sleep(0.001)
    with django_capture_on_commit_callbacks(execute=True):  # QuerySet.update: bumped by the service
        notifications_mark_all_read(user=agent)
    assert version(f"notifications:{agent.pk}") not in ("", mine)


# --- the endpoint ----------------------------------------------------------------------------
@pytest.mark.django_db
def test_nothing_changed_is_a_204_read_from_the_cache(client, agent, django_assert_max_num_queries):
    incident = IncidentFactory()
    live.bump(["incidents", f"incident:{incident.pk}"])
    client.force_login(agent)
    query = {"incidents": version("incidents"), f"incident:{incident.pk}": version(f"incident:{incident.pk}")}
    assert client.get(URL, query).status_code == 204  # the first poll checks and caches the grants
    # The session only (a database session; none with cached_db): not the user, not the tickets.
    with django_assert_max_num_queries(1):
        response = client.get(URL, query)
    assert response.status_code == 204


@pytest.mark.django_db
def test_a_new_password_ends_the_polls_of_old_sessions(client, agent):
    client.force_login(agent)
    assert client.get(URL, {"incidents": ""}).status_code == 204
    agent.set_password("a-new-secret-123")
    agent.save()  # drops the cached hash: the next poll asks Django, which logs the session out
    response = client.get(URL, {"incidents": ""})
    assert response.status_code == 302 and response["Location"].startswith("/login/")


@pytest.mark.django_db
def test_a_change_is_answered_with_its_topic(client, agent, django_assert_max_num_queries):
    incident = IncidentFactory()
    client.force_login(agent)
    query = {"incidents": "", f"incident:{incident.pk}": ""}
    assert client.get(URL, query).status_code == 204
    new = live.bump(["incidents"])
    with django_assert_max_num_queries(1):
        response = client.get(URL, query)
    assert response.status_code == 200
    assert response.json()["changed"] == {"incidents": new}
    assert response["Cache-Control"].startswith("max-age=0")


@pytest.mark.django_db
def test_a_topic_the_user_may_not_see_is_ignored(client, agent, requester):
    theirs = incident_create(title="Printer", actor=requester)
    internal = IncidentFactory()
    live.bump(["incidents", f"incident:{theirs.pk}", f"incident:{internal.pk}"])
    client.force_login(requester)
    response = client.get(URL, {"incidents": "", f"incident:{internal.pk}": "", f"incident:{theirs.pk}": "",
                                "presence": f"incident:{internal.pk}"})
    assert response.status_code == 200
    # Their own incident only: neither the staff list nor someone else's ticket, nor its viewers.
    assert list(response.json()["changed"]) == [f"incident:{theirs.pk}"]
    assert cache.get(live.presence_key(f"incident:{internal.pk}")) is None
    # Presence is between staff: not on their own ticket either.
    client.get(URL, {f"incident:{theirs.pk}": "", "presence": f"incident:{theirs.pk}"})
    assert cache.get(live.presence_key(f"incident:{theirs.pk}")) is None


@pytest.mark.django_db
def test_login_required_and_get_only(client, agent):
    assert client.get(URL, {"incidents": ""}).status_code == 302
    client.force_login(agent)
    assert client.post(URL, {"incidents": ""}).status_code == 405


# --- presence and banners --------------------------------------------------------------------
@pytest.mark.django_db
def test_another_viewer_shows_and_expires(client, agent, agent2, monkeypatch):
    incident = IncidentFactory()
    topic = f"incident:{incident.pk}"
    other = client_class_login(agent2)
    other.get(URL, {topic: "", "presence": topic})
    client.force_login(agent)
    response = client.get(URL, {topic: "", "presence": topic})
    body = response.json()
    assert body["viewers"] == str(agent2.pk)
    assert "<bdi>Bob Builder</bdi> is also viewing this ticket." in body["viewing"]
    # The same viewers as last time: nothing to say.
    assert client.get(URL, {topic: "", "presence": topic, "viewers": body["viewers"]}).status_code == 204
    # Bob stops polling: after the TTL he is gone.
    later = time.time() + live.PRESENCE_TTL + 1
    monkeypatch.setattr(live.time, "time", lambda: later)
    response = client.get(URL, {topic: "", "presence": topic, "viewers": body["viewers"]})
    assert response.status_code == 200
    assert response.json()["viewers"] == "" and response.json()["viewing"] is None


def client_class_login(user):
    from django.test import Client

    other = Client()
    other.force_login(user)
    return other


@pytest.mark.django_db
def test_someone_elses_change_raises_the_changed_banner(client, agent, agent2):
    incident = IncidentFactory()
    topic = f"incident:{incident.pk}"
    seen = live.bump([topic], actor=agent)
    client.force_login(agent)
    live.bump([topic], actor=agent)  # my own change: no banner
    response = client.get(URL, {topic: seen, "presence": topic})
    assert response.json()["changed_by"] is None
    mine = response.json()["changed"][topic]
    live.bump([topic], actor=agent2)
    body = client.get(URL, {topic: mine, "presence": topic, "viewers": ""}).json()
    assert "<bdi>Bob Builder</bdi> changed this ticket just now." in body["changed_by"]


@pytest.mark.django_db
def test_the_region_tag_writes_the_topic_and_its_version(agent):
    new = live.bump(["incidents"])
    request = RequestFactory().get("/")
    request.user = agent
    html = Template('{% load live_tags %}<div{% live_region "incidents" url="/x/" %}></div>').render(
        Context({"request": request}))
    assert html == f'<div data-live="incidents" data-live-version="{new}" data-live-url="/x/"></div>'


@pytest.mark.django_db
def test_the_badge_is_its_own_region(client, agent):
    Notification.objects.create(user=agent, subject="Hello")
    client.force_login(agent)
    response = client.get(reverse("live:badge"))
    assert b'id="unread-badge"' in response.content and b">1</span>" in response.content
    assert b'data-live="notifications"' in response.content


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["incident", "request", "problem", "change"])
def test_every_ticket_page_is_live(client, make_user, kind):
    from changes.tests.factories import ChangeFactory
    from problems.tests.factories import ProblemFactory
    from servicerequests.tests.factories import ServiceRequestFactory

    ticket = {"incident": IncidentFactory, "request": ServiceRequestFactory, "problem": ProblemFactory,
              "change": ChangeFactory}[kind]()
    seen = live.bump([f"{kind}:{ticket.pk}"])
    client.force_login(make_user(Role.AGENT, Role.CHANGE_MANAGER))
    path = {"request": f"/requests/{ticket.pk}/", "problem": f"/problems/{ticket.pk}/",
            "change": f"/changes/{ticket.pk}/"}.get(kind) or ticket.get_absolute_url()
    html = client.get(path).content.decode()
    # The header's badges, the details and the history refresh; the banners sit above them.
    assert html.count(f'data-live="{kind}:{ticket.pk}" data-live-version="{seen}"') == (4 if kind == "incident" else 3)
    assert f'data-live-presence="{kind}:{ticket.pk}" data-live-version="{seen}"' in html


@pytest.mark.django_db
def test_the_cache_backend_keeps_one_redis_client(client, agent):
    """Django's Redis backend makes a ``redis.Redis`` per call; core.redis_cache keeps one per
    pool, which the polls (one ``get_many`` each) read through (bench/README.md)."""
    backend = cache._cache
    assert backend.get_client() is backend.get_client() is backend.get_client(write=True)
    live.bump(["incidents"])
    keys = [live.version_key("incidents"), live.version_key("nothing-here")]
    assert cache.get_many(keys) == {keys[0]: cache.get(keys[0])}
    client.force_login(agent)
    assert client.get(URL, {"incidents": version("incidents")}).status_code == 204


@pytest.mark.django_db
def test_polls_work_on_any_cache_backend(client, agent, settings):
    client.force_login(agent)
    # (Django's setting_changed receiver gives this thread a fresh backend, and back afterwards.)
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    new = live.bump(["incidents"])
    assert client.get(URL, {"incidents": ""}).json()["changed"] == {"incidents": new}
    assert client.get(URL, {"incidents": new}).status_code == 204


# --- the write -------------------------------------------------------------------------------
def test_a_bump_writes_what_cache_set_many_writes_in_one_call(agent, monkeypatch):
    client = cache._cache.get_client(None, write=True)
    calls = []
    original = client.evalsha
    monkeypatch.setattr(client, "evalsha", lambda *args: calls.append(args[0]) or original(*args))
    version = live.bump(["incidents", "incident:7", "incident:7"], actor=agent)
    assert len(calls) == 1
    raw = {t: client.get(cache.make_and_validate_key(live.version_key(t))) for t in ("incidents", "incident:7")}
    ttls = [client.ttl(cache.make_and_validate_key(live.version_key(t))) for t in ("incidents", "incident:7")]
    value = (version, agent.pk, live.display_name(agent))
    cache.set_many({"probe:a": value}, live.VERSION_TTL)
    assert set(raw.values()) == {client.get(cache.make_and_validate_key("probe:a"))}
    assert all(live.VERSION_TTL - 5 < ttl <= live.VERSION_TTL for ttl in ttls)
    assert live.current_version("incidents") == version and cache.get(live.version_key("incident:7")) == value


def test_other_caches_are_bumped_with_set_many(settings):
    from django.core.cache import caches

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                                   "LOCATION": "live-bump-test"}}
    try:
        version = live.bump(["incidents"])
        assert caches["default"].get(live.version_key("incidents"))[0] == version
    finally:
        caches["default"].clear()


def test_a_redis_that_refuses_scripts_is_bumped_with_set_many(monkeypatch):
    from redis.exceptions import ResponseError

    client = cache._cache.get_client(None, write=True)

    def refused(*args):
        raise ResponseError("NOPERM this user has no permissions to run the 'evalsha' command")

    monkeypatch.setattr(client, "evalsha", refused)
    version = live.bump(["incidents"])
    assert live.current_version("incidents") == version
