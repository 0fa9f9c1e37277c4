"""Shared fixtures. Tests run against the real PostgreSQL and Redis (see
``servicedesk/settings/test.py``); nothing here mocks the database or the broker."""

import gc
import os
import sys

# Compiled test modules are kept between runs. pytest rewrites the asserts of every test module
# it imports (an AST walk: about 10 s of CPU per test process for this suite's ~250 modules) and
# keeps the result as a .pyc, unless Python may not write bytecode (PYTHONDONTWRITEBYTECODE, set
# in this project's containers). Then, instead of rewriting everything again in every process of
# every run, the .pyc files go outside the checkout (sys.pycache_prefix), next to the SQLite smoke
# test's cache: TEST_PYCACHE_DIR, else $XDG_CACHE_HOME/servicedesk-tests/pycache. Collection of
# the whole suite: 16.9 s CPU a process without, 6.1 s with it (measured; see tests/README.md).
# The Python processes the tests start (the SQLite smoke test's driver, gunicorn and Celery
# workers of the topology test, mail fetches…) are told the same through their environment:
# otherwise each compiled the project's modules from source at every start (setting up Django
# and its URLs: 1.85 s of CPU a process without, 1.48 s with the cache; ~30 starts a run).
# ``dev.py test`` sets the same from the start (PYTHONPYCACHEPREFIX), so that the modules of
# pytest's plugins, imported before this file, are kept too.
if sys.dont_write_bytecode and not sys.pycache_prefix:
    from dev import pycache_dir_for_tests

    sys.pycache_prefix = pycache_dir_for_tests(os.environ)
    sys.dont_write_bytecode = False
    os.environ["PYTHONPYCACHEPREFIX"] = sys.pycache_prefix
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

import pytest  # noqa: E402
from django.conf import settings  # noqa: E402
from django.core.cache import cache  # noqa: E402
from rest_framework.test import APIClient  # noqa: E402

from catalog.tests.factories import UserFactory  # noqa: E402
from core.roles import Role  # noqa: E402
from tests import dbsetup  # noqa: E402

# The longest tests start first, so that pytest-xdist's idle process steals the short ones
# at the end instead of waiting for one long test (see pytest_collection_modifyitems). The
# SQLite smoke test comes first: it needs no PostgreSQL database, so on a machine where the
# migrated template must be built (a new migration, a fresh server) one process runs it while
# the other builds the template, instead of both waiting for the template. The tests that wait
# for child processes (the topology, the mail crash tests) come before the rest too: pytest-django
# puts transactional tests last, where they made a tail with one core idle (~25 s at 60 %).
LONG_FIRST = ("tests/test_sqlite_smoke.py::test_every_beat_task", "tests/test_api_fuzz.py",
              "tests/test_sqlite_smoke.py", "tests/browser/", "tests/test_platform.py", "tests/test_celery_worker.py",
              "tests/topology/", "mail/tests/test_imap_crash.py", "monitoring/tests/test_worker.py")


def pytest_configure(config):
    dbsetup.install_fast_flush()


def pytest_collection_modifyitems(config, items):
    def rank(item):
        return next((index for index, prefix in enumerate(LONG_FIRST) if item.nodeid.startswith(prefix)),
                    len(LONG_FIRST))

    items.sort(key=rank)  # stable: the order within each group is pytest's own


def pytest_xdist_make_scheduler(config, log):
    """``--dist load`` (what ``dev.py test`` asks for) with the tests that mostly wait in a lane
    of their own (tests/xdist_lanes.py)."""
    if config.getoption("dist") == "load":
        from tests.xdist_lanes import WaitingLaneScheduling

        return WaitingLaneScheduling(config, log)
    return None


def pytest_collection_finish(session):
    """What collection imported lives until the end: Python's cyclic garbage collector stops
    walking it (``gc.freeze``), and collects the young generation less often. Measured on
    three view modules (``-n 0``): the collector's CPU 2.45 → 1.33 s of 22 s, its full
    collections 1.94 → 0.60 s; pytest's five full collections at the session's end walk only
    what the tests left."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(10_000, 10, 100)


def pytest_unconfigure(config):
    """At the end pytest collects five times over (an object whose ``__del__`` raised is then
    reported); one collection finds those, and the four after it walked everything the tests
    left alive again, ~0.5 s each in a process that ran half the suite. What survives the first
    is frozen, so the four others have nothing to walk."""
    gc.collect()
    gc.freeze()


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


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the project's default language. A request through LocaleMiddleware
    (a page in Persian, an API call with Accept-Language: el) leaves its language active in the
    thread after the response, as Django does, and a later test in the same process that asserts
    an English message outside a request would see it translated (seen with -n 3: a knowledge
    service test after a Persian page)."""
    from django.utils import translation

    translation.deactivate()
    yield


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
def unthrottled(settings):
    """No API rate limit: for tests that send a request per drawn case (hypothesis), which a
    fast machine sends faster than the production limit of 100 a second per user."""
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {
        "anon": "100000/s", "user": "100000/s", "auth": "100000/s"}}


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


# --- CPU per test (TEST_CPU_REPORT=<file>) ------------------------------------------------------
# The machine the suite runs on is often shared: wall times say little. With TEST_CPU_REPORT set,
# each test's CPU time is measured for its setup, call and teardown: the test process's own
# (time.process_time) and that of the child processes it waited for (phase ``<phase>-children``:
# the SQLite smoke test's migrate…; not servers it left running), written as tab-separated lines
# (nodeid, phase, seconds) to that file, one per xdist process (``<file>.<worker>``).
# ``python tests/cpu_report.py <file>...`` sums them. The database server's CPU is not in it.
_CPU_REPORT = os.environ.get("TEST_CPU_REPORT")

if _CPU_REPORT:
    import time

    _cpu_lines: list[str] = []

    def _cpu_now() -> tuple[float, float]:
        times = os.times()
        return time.process_time(), times.children_user + times.children_system

    #: Where the last test's teardown charges the session's children (pytest ends the session-scoped
    #: fixtures there: the session's Chromium and chromedriver, ~30-60 s a process), so that they are
    #: not taken for that test's.
    SESSION_END = "(session end: the session fixtures' child processes, Chromium…)"

    def _cpu_record(item, phase: str, started: tuple[float, float], *, last: bool = False) -> None:
        own, children = (now - then for now, then in zip(_cpu_now(), started, strict=True))
        _cpu_lines.append(f"{item.nodeid}\t{phase}\t{own:.6f}\n")
        if children:
            _cpu_lines.append(f"{SESSION_END if last else item.nodeid}\t{phase}-children\t{children:.6f}\n")

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_setup(item):
        started = _cpu_now()
        yield
        _cpu_record(item, "setup", started)

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_call(item):
        started = _cpu_now()
        yield
        _cpu_record(item, "call", started)

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_teardown(item, nextitem):
        started = _cpu_now()
        yield
        _cpu_record(item, "teardown", started, last=nextitem is None)

    def pytest_sessionfinish(session):
        if not _cpu_lines:  # the xdist controller runs no test
            return
        worker = os.environ.get("PYTEST_XDIST_WORKER")
        path = f"{_CPU_REPORT}.{worker}" if worker else _CPU_REPORT
        with open(path, "a", encoding="utf-8") as report:
            report.writelines(_cpu_lines)
