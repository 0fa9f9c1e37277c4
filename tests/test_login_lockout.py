"""Brute-force protection of the login (issue 15, item 18): django-axes counts failed logins
per username and per client address in the database; past the limit, that username or
address is refused, even with the right password, until the cool-off has passed."""

import re
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.db.models import F
from django.test import Client
from rest_framework.test import APIClient

from core.roles import Role

PASSWORD = "demo-pass-123"  # catalog.tests.factories.UserFactory
LIMIT = settings.AXES_FAILURE_LIMIT
ADDRESS, OTHER_ADDRESS = "198.51.100.7", "203.0.113.9"

pytestmark = pytest.mark.django_db


def _login(client: Client, username: str, password: str, address: str = ADDRESS):
    return client.post("/login/", {"username": username, "password": password}, REMOTE_ADDR=address)


def _fail(client: Client, username: str, times: int, address: str = ADDRESS):
    return [_login(client, username, "wrong-password", address) for _ in range(times)]


def _signed_in(client: Client) -> bool:
    return SESSION_KEY in client.session


def _page(response, username: str) -> str:
    """The page without what differs by nature: the CSRF token and the echoed username."""
    html = response.content.decode()
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)
    html = re.sub(r'"X-CSRFToken": "[^"]*"', "", html)
    return html.replace(username, "<username>")


def test_the_settings_count_by_username_and_by_address_separately():
    assert settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesBackend"
    assert settings.MIDDLEWARE[-1] == "axes.middleware.AxesMiddleware"
    assert settings.AXES_LOCKOUT_PARAMETERS == ["username", "ip_address"]
    assert settings.AXES_HANDLER == "axes.handlers.database.AxesDatabaseHandler"
    assert 3 <= LIMIT <= 20 and settings.AXES_COOLOFF_TIME >= timedelta(minutes=1)


def test_wrong_passwords_lock_the_account_and_then_even_the_right_password_is_refused(make_user):
    agent = make_user(Role.AGENT, username="lock-me")
    client = Client()

    responses = _fail(client, agent.username, LIMIT)

    assert [r.status_code for r in responses[:-1]] == [200] * (LIMIT - 1)
    assert "Your username and password didn" in responses[0].content.decode()
    locked = responses[-1]
    assert locked.status_code == 429
    assert int(locked["Retry-After"]) == int(settings.AXES_COOLOFF_TIME.total_seconds())
    assert "Too many failed attempts to log in." in locked.content.decode()

    right = _login(client, agent.username, PASSWORD)
    assert right.status_code == 429 and not _signed_in(client)
    assert 'data-testid="locked-out"' in right.content.decode()


def test_the_lock_follows_the_username_to_another_address(make_user):
    agent = make_user(Role.AGENT, username="roaming")
    _fail(Client(), agent.username, LIMIT, address=ADDRESS)

    elsewhere = Client()
    response = _login(elsewhere, agent.username, PASSWORD, address=OTHER_ADDRESS)

    assert response.status_code == 429 and not _signed_in(elsewhere)


def test_an_address_that_guesses_many_usernames_is_locked_for_all_of_them(make_user):
    agent = make_user(Role.AGENT, username="bystander")
    client = Client()
    for n in range(LIMIT):
        _login(client, f"guess-{n}", "wrong-password")

    assert _login(client, agent.username, PASSWORD).status_code == 429 and not _signed_in(client)
    # The account itself is not locked: from another address it signs in.
    other = Client()
    assert _login(other, agent.username, PASSWORD, address=OTHER_ADDRESS).status_code == 302
    assert _signed_in(other)


def test_an_unknown_username_gets_the_same_answers_as_a_wrong_password(make_user):
    make_user(Role.AGENT, username="real-user")

    wrong = _login(Client(), "real-user", "wrong-password", address=ADDRESS)
    unknown = _login(Client(), "no-such-user", "wrong-password", address=OTHER_ADDRESS)
    assert wrong.status_code == unknown.status_code == 200
    assert _page(wrong, "real-user") == _page(unknown, "no-such-user")

    # And the lockout, when it comes, looks the same too.
    known_locked = _fail(Client(), "real-user", LIMIT - 1, address=ADDRESS)[-1]
    unknown_locked = _fail(Client(), "no-such-user", LIMIT - 1, address=OTHER_ADDRESS)[-1]
    assert known_locked.status_code == unknown_locked.status_code == 429
    assert known_locked["Retry-After"] == unknown_locked["Retry-After"]
    assert _page(known_locked, "real-user") == _page(unknown_locked, "no-such-user")


def test_the_lockout_expires_after_the_cool_off(make_user):
    agent = make_user(Role.AGENT, username="patient")
    client = Client()
    _fail(client, agent.username, LIMIT)
    assert _login(client, agent.username, PASSWORD).status_code == 429

    # Time passes: every recorded failure is now older than the cool-off.
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - settings.AXES_COOLOFF_TIME - timedelta(seconds=1))

    response = _login(client, agent.username, PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/"
    assert _signed_in(client)


def test_failures_below_the_limit_do_not_stop_the_right_password(make_user):
    agent = make_user(Role.AGENT, username="typo")
    client = Client()
    _fail(client, agent.username, LIMIT - 1)

    assert _login(client, agent.username, PASSWORD).status_code == 302 and _signed_in(client)


def test_the_lockout_page_is_translated(make_user):
    from django.utils import translation

    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "el"
    response = _fail(client, "someone", LIMIT)[-1]
    assert response.status_code == 429
    with translation.override("el"):
        login = translation.gettext("Log in")
    assert 'lang="el"' in response.content.decode() and login in response.content.decode()


class TestTheApi:
    def test_the_token_endpoint_still_issues_tokens(self, make_user):
        agent = make_user(Role.AGENT, username="integrator")
        response = APIClient().post("/api/v1/auth/token/", {"username": agent.username, "password": PASSWORD},
                                    REMOTE_ADDR=ADDRESS)
        assert response.status_code == 200 and response.json()["token"]

    def test_token_requests_count_and_a_locked_account_gets_429(self, make_user):
        agent = make_user(Role.AGENT, username="scripted")
        client = APIClient()
        answers = [client.post("/api/v1/auth/token/", {"username": agent.username, "password": "wrong"},
                               REMOTE_ADDR=ADDRESS) for _ in range(LIMIT)]
        assert [a.status_code for a in answers[:-1]] == [400] * (LIMIT - 1)
        assert answers[-1].status_code == 429 and answers[-1].json()["code"] == "throttled"

        # The right password, from an address the API rate limit has not seen: still refused.
        right = client.post("/api/v1/auth/token/", {"username": agent.username, "password": PASSWORD},
                            REMOTE_ADDR=OTHER_ADDRESS)
        assert right.status_code == 429 and "token" not in right.json()
        assert "Too many failed attempts" in right.json()["detail"]
        assert int(right["Retry-After"]) > 0

    def test_a_browser_lockout_also_refuses_a_token(self, make_user):
        agent = make_user(Role.AGENT, username="both-doors")
        _fail(Client(), agent.username, LIMIT)
        response = APIClient().post("/api/v1/auth/token/", {"username": agent.username, "password": PASSWORD},
                                    REMOTE_ADDR=OTHER_ADDRESS)
        assert response.status_code == 429

    def test_session_and_token_authentication_still_work(self, make_user, api):
        agent = make_user(Role.AGENT, username="api-user")
        browser = Client()
        assert _login(browser, agent.username, PASSWORD).status_code == 302
        assert browser.get("/api/v1/incidents/").status_code == 200
        assert api.as_user(agent).get("/api/v1/incidents/").status_code == 200
