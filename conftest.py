"""Shared fixtures. Tests run against the real PostgreSQL and Redis (see
``servicedesk/settings/test.py``); nothing here mocks the database or the broker."""

import pytest
from django.conf import settings
from django.core.cache import cache
from rest_framework.test import APIClient

from catalog.tests.factories import UserFactory
from core.roles import Role
from tests import dbsetup

# The longest tests start first, so that pytest-xdist's idle process steals the short ones
# at the end instead of waiting for one long test (see pytest_collection_modifyitems). The
# SQLite smoke test comes first: it needs no PostgreSQL database, so on a machine where the
# migrated template must be built (a new migration, a fresh server) one process runs it while
# the other builds the template, instead of both waiting for the template.
LONG_FIRST = ("tests/test_sqlite_smoke.py::test_every_beat_task", "tests/test_api_fuzz.py",
              "tests/test_sqlite_smoke.py", "tests/browser/", "tests/test_platform.py", "tests/test_celery_worker.py")


def pytest_configure(config):
    dbsetup.install_fast_flush()


def pytest_collection_modifyitems(config, items):
    def rank(item):
        return next((index for index, prefix in enumerate(LONG_FIRST) if item.nodeid.startswith(prefix)),
                    len(LONG_FIRST))

    items.sort(key=rank)  # stable: the order within each group is pytest's own


@pytest.fixture(scope="session")
def django_db_setup(request, django_test_environment, django_db_blocker, django_db_modify_db_settings):
    """Each test process's own database, cloned from a template the real migrations built
    once (tests/dbsetup.py); dropped when the process ends."""
    with django_db_blocker.unblock():
        name = dbsetup.create_test_database()
    yield
    with django_db_blocker.unblock():
        dbsetup.drop_test_database(name)


def _clear_own_cache() -> None:
    """Delete this test process's keys only (its own ``KEY_PREFIX``): a FLUSHDB would also
    empty the counters of a test running at the same moment in another xdist worker."""
    prefix = settings.CACHES["default"].get("KEY_PREFIX", "")
    if not prefix or not hasattr(cache, "_cache"):
        cache.clear()
        return
    client = cache._cache.get_client(None, write=True)
    keys = list(client.scan_iter(match=f"{prefix}:*", count=1000))
    for start in range(0, len(keys), 1000):
        client.delete(*keys[start:start + 1000])


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters live in Redis: each test starts with none."""
    _clear_own_cache()
    yield
    _clear_own_cache()


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


@pytest.fixture
def celery_eager():
    """Run tasks in the calling process (unit tests of task bodies). Tests that need the
    real broker use the worker fixture in tests/test_celery_worker.py instead."""
    from servicedesk.celery import app

    previous = app.conf.task_always_eager, app.conf.task_eager_propagates
    app.conf.task_always_eager = True
    app.conf.task_eager_propagates = True
    yield app
    app.conf.task_always_eager, app.conf.task_eager_propagates = previous
