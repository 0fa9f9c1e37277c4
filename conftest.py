"""Shared fixtures. Tests run against the real PostgreSQL and Redis (see
``servicedesk/settings/test.py``); nothing here mocks the database or the broker."""

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from catalog.tests.factories import UserFactory
from servicedesk.roles import Role


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters live in Redis: each test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def make_user(db):
    def make(*roles: str, **kwargs):
        return UserFactory(roles=list(roles) or [Role.REQUESTER], **kwargs)

    return make


@pytest.fixture
def admin_user(make_user):
    return make_user(Role.ADMIN, username="root-admin")


@pytest.fixture
def agent(make_user):
    return make_user(Role.AGENT, username="agent-ann")


@pytest.fixture
def requester(make_user):
    return make_user(Role.REQUESTER, username="req-rita")


@pytest.fixture
def api():
    """An API client; ``api.as_user(user)`` authenticates it with a token."""
    from rest_framework.authtoken.models import Token

    client = APIClient()

    def as_user(user):
        token, _ = Token.objects.get_or_create(user=user)
        client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
        return client

    client.as_user = as_user
    return client
