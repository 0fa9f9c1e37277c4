"""Which address a per-address limit counts (issue 15, item 19): the socket's, unless
``NUM_PROXIES`` says how many reverse proxies' ``X-Forwarded-For`` hops to trust. The API rate
limits and the login lockout use the same rule."""

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.test import Client, RequestFactory, override_settings
from rest_framework.test import APIClient

from core.api.throttling import client_address
from core.roles import Role

PASSWORD = "demo-pass-123"  # catalog.tests.factories.UserFactory
SOCKET = "192.0.2.10"


def _behind_proxies(n: int):
    return override_settings(REST_FRAMEWORK={**settings.REST_FRAMEWORK, "NUM_PROXIES": n})


def _token_requests(user, forwarded: list[str]):
    client = APIClient()
    return [client.post("/api/v1/auth/token/", {"username": user.username, "password": PASSWORD},
                        REMOTE_ADDR=SOCKET, HTTP_X_FORWARDED_FOR=xff).status_code for xff in forwarded]


def _rate() -> int:
    return int(settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["auth"].split("/")[0])


def test_the_default_trusts_no_forwarded_header():
    assert settings.REST_FRAMEWORK["NUM_PROXIES"] == 0
    request = RequestFactory().get("/", REMOTE_ADDR=SOCKET, HTTP_X_FORWARDED_FOR="203.0.113.1")
    assert client_address(request) == SOCKET


def test_behind_proxies_the_address_the_outermost_one_saw_counts():
    # Two proxies: the client forged the first entry; our outer proxy appended the real one.
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.1, 10.0.0.1")
    with _behind_proxies(2):
        assert client_address(request) == "203.0.113.1"
    with _behind_proxies(1):
        assert client_address(request) == "10.0.0.1"


@pytest.mark.django_db
def test_forged_forwarded_for_does_not_escape_the_token_rate_limit(make_user):
    user = make_user(Role.AGENT, username="forger")
    rate = _rate()

    codes = _token_requests(user, [f"203.0.113.{n}" for n in range(rate + 1)])

    assert codes[:rate] == [200] * rate
    assert codes[rate] == 429


@pytest.mark.django_db
def test_with_one_proxy_the_forwarded_address_counts(make_user):
    user = make_user(Role.AGENT, username="behind-nginx")
    rate = _rate()
    with _behind_proxies(1):
        assert _token_requests(user, [f"203.0.113.{n}" for n in range(rate + 1)]) == [200] * (rate + 1)
        same = _token_requests(user, ["198.51.100.1"] * (rate + 1))
    assert same[:rate] == [200] * rate and same[rate] == 429


@pytest.mark.django_db
def test_the_login_lockout_counts_the_same_address():
    client = Client()
    client.post("/login/", {"username": "nobody", "password": "x"}, REMOTE_ADDR=SOCKET,
                HTTP_X_FORWARDED_FOR="203.0.113.5")
    with _behind_proxies(1):
        client.post("/login/", {"username": "nobody-else", "password": "x"}, REMOTE_ADDR=SOCKET,
                    HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.6")

    recorded = dict(AccessAttempt.objects.values_list("username", "ip_address"))
    assert recorded == {"nobody": SOCKET, "nobody-else": "203.0.113.6"}


@pytest.mark.django_db
def test_a_forged_header_does_not_escape_the_address_lockout(make_user):
    agent = make_user(Role.AGENT, username="target")
    client = Client()
    for n in range(settings.AXES_FAILURE_LIMIT):
        client.post("/login/", {"username": f"guess-{n}", "password": "x"}, REMOTE_ADDR=SOCKET,
                    HTTP_X_FORWARDED_FOR=f"203.0.113.{n}")
    response = client.post("/login/", {"username": agent.username, "password": PASSWORD}, REMOTE_ADDR=SOCKET,
                           HTTP_X_FORWARDED_FOR="198.51.100.200")
    assert response.status_code == 429
