"""API rate limits (core/api/throttling.py): on Redis one script call keeps DRF's sliding window,
with DRF's decisions and DRF's ``wait()`` (the 429's Retry-After), in one round trip."""

import random
import time

import pytest
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.test import RequestFactory
from rest_framework import throttling
from rest_framework.request import Request

from core.api import throttling as ours


class Clock:
    def __init__(self, now):
        self.now = now

    def __call__(self):
        return self.now


def _request(user):
    request = RequestFactory().get("/api/v1/skills/", REMOTE_ADDR="203.0.113.9")
    request.user = user
    drf = Request(request)
    drf._user, drf._authenticator = user, None
    return drf


def _pair(rate, clock, user_throttle=True):
    """Ours (Redis, one script call) and DRF's own (its GET/SET over a private local cache)."""
    base = ours.UserRateThrottle if user_throttle else ours.AnonRateThrottle
    drf_base = throttling.UserRateThrottle if user_throttle else throttling.AnonRateThrottle
    local = LocMemCache(f"drf-reference-{random.random()}", {})
    mine = type("Mine", (base,), {"rate": rate, "timer": clock})
    reference = type("Reference", (drf_base,), {"rate": rate, "timer": clock, "cache": local})
    return mine, reference


def _decisions(mine, reference, request, clock, steps):
    """Run both throttles over the same instants; (allowed, wait) of each, step by step."""
    got, expected = [], []
    for at in steps:
        clock.now = at
        for cls, out in ((mine, got), (reference, expected)):
            throttle = cls()
            allowed = throttle.allow_request(request, None)
            out.append((allowed, None if allowed else throttle.wait()))
    return got, expected


@pytest.mark.parametrize("rate", ["3/s", "5/min", "1/h", "0/min"])
def test_the_script_decides_as_drf_does_with_the_same_wait(rate, agent):
    assert ours.UserRateThrottle()._redis() is not None  # the tests run on Redis
    rng = random.Random(rate)
    clock = Clock(time.time())
    mine, reference = _pair(rate, clock)
    num, duration = throttling.SimpleRateThrottle.parse_rate(None, rate)
    steps, at = [], clock.now
    for _ in range(120):
        # Bursts, gaps and instants exactly one window after an earlier request (the boundary:
        # DRF drops a time equal to now - duration).
        choice = rng.random()
        if choice < 0.2 and steps:
            at = rng.choice(steps) + duration
        elif choice < 0.6:
            at += rng.random() * duration / 10
        else:
            at += rng.random() * duration / (num or 1)
        steps.append(max(at, steps[-1] if steps else at))
    got, expected = _decisions(mine, reference, _request(agent), clock, steps)
    assert got == expected
    assert {allowed for allowed, _ in got} == ({True, False} if num else {False})


def test_anonymous_requests_count_per_address_as_drf_does(db):
    from django.contrib.auth.models import AnonymousUser

    clock = Clock(time.time())
    mine, reference = _pair("2/min", clock, user_throttle=False)
    steps = [clock.now + k * 7.5 for k in range(20)]
    got, expected = _decisions(mine, reference, _request(AnonymousUser()), clock, steps)
    assert got == expected and (False, 45.0) in got


def test_one_round_trip_and_the_key_expires_a_window_after_the_last_request(agent):
    throttle = type("Probe", (ours.UserRateThrottle,), {"rate": "10/min"})()
    client = cache._cache.get_client(None, write=True)
    calls = []
    original = client.evalsha

    def evalsha(*args):
        calls.append(args[0])
        return original(*args)

    client.evalsha = evalsha
    try:
        assert throttle.allow_request(_request(agent), None)
    finally:
        del client.evalsha
    assert len(calls) == 1
    key = cache.make_and_validate_key(throttle.key + ours.UserRateThrottle.list_suffix)
    assert client.lrange(key, 0, -1) == [repr(throttle.now).encode()]
    assert 0 < client.ttl(key) <= 60


def test_a_history_pickled_by_drf_under_the_plain_key_is_left_alone(agent):
    throttle = type("Probe", (ours.UserRateThrottle,), {"rate": "2/min"})
    request = _request(agent)
    cache.set(f"throttle_user_{agent.pk}", [time.time()] * 5, 60)
    assert throttle().allow_request(request, None) and throttle().allow_request(request, None)
    refused = throttle()
    assert not refused.allow_request(request, None)
    assert 59 < refused.wait() <= 60


def test_other_cache_backends_take_drfs_path(agent, settings):
    clock = Clock(time.time())
    local = LocMemCache("throttle-local", {})
    probe = type("Probe", (ours.UserRateThrottle,), {"rate": "1/min", "timer": clock, "cache": local})
    assert probe()._redis() is None
    request = _request(agent)
    assert probe().allow_request(request, None)
    assert local.get(f"throttle_user_{agent.pk}") == [clock.now]
    refused = probe()
    assert not refused.allow_request(request, None) and refused.wait() == 60


def test_the_api_answers_429_with_drfs_retry_after_and_body(api, agent, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {
        **settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "user": "2/min"}}
    client = api.as_user(agent)
    codes = [client.get("/api/v1/skills/").status_code for _ in range(2)]
    refused = client.get("/api/v1/skills/")
    assert codes == [200, 200] and refused.status_code == 429
    wait = int(refused["Retry-After"])
    assert 0 < wait <= 60
    assert refused.json() == {"detail": f"Request was throttled. Expected available in {wait} seconds.",
                              "code": "throttled", "retry_after_seconds": wait + 1}


# --- LocalCache versions read in the same call (core/caching.py) ------------------------------
def _post(user):
    request = RequestFactory().post("/api/v1/incidents/", REMOTE_ADDR="203.0.113.9")
    request.user = user
    drf = Request(request)
    drf._user, drf._authenticator = user, None
    return drf


def test_a_create_reads_every_localcache_version_in_the_throttles_call(agent, monkeypatch):
    from django.core.signals import request_finished, request_started

    from core import caching

    local = caching.LocalCache("test:throttle-prefetch:version")
    cache.set(local.version_key, "v1", None)
    throttle = type("Probe", (ours.UserRateThrottle,), {"rate": "100/s"})
    request_started.send(sender=None)
    try:
        assert throttle().allow_request(_post(agent), None)
        expected = {name: cache.get(name) for name in caching._version_keys}
        assert caching._request.versions == expected and expected[local.version_key] == "v1"

        def no_round_trip(*args, **kwargs):
            raise AssertionError("a version read again")

        monkeypatch.setattr(cache, "get_many", no_round_trip)
        monkeypatch.setattr(cache, "get", no_round_trip)
        assert local.get("k", lambda: "loaded") == "loaded" and local.version == "v1"
    finally:
        request_finished.send(sender=None)


def test_reads_and_refused_requests_leave_the_versions_to_their_first_use(agent):
    from django.core.signals import request_finished, request_started

    from core import caching

    caching.LocalCache("test:throttle-prefetch:version")
    request_started.send(sender=None)
    try:
        assert ours.UserRateThrottle().allow_request(_request(agent), None)  # a GET
        assert caching._request.versions == {}
        refused = type("Probe", (ours.UserRateThrottle,), {"rate": "0/s"})()
        assert not refused.allow_request(_post(agent), None)
        assert caching._request.versions == {}
    finally:
        request_finished.send(sender=None)
    # Outside a request nothing is remembered: every use reads its version.
    assert type("Probe", (ours.UserRateThrottle,), {"rate": "100/s"})().allow_request(_post(agent), None)
    assert caching._request.versions is None


def test_a_version_changed_before_the_request_is_seen_and_a_missing_one_made(
        agent, django_capture_on_commit_callbacks):
    from django.core.signals import request_finished, request_started

    from core import caching

    local = caching.LocalCache("test:throttle-prefetch:version")
    throttle = type("Probe", (ours.UserRateThrottle,), {"rate": "100/s"})
    loads = []
    for version in ("old", "old", "new", "new"):  # another process changes it between requests
        cache.set(local.version_key, version, None)
        request_started.send(sender=None)
        try:
            throttle().allow_request(_post(agent), None)
            with django_capture_on_commit_callbacks(execute=True):  # an entry is kept once its reading commits
                local.get("k", lambda version=version: loads.append(version) or version)
        finally:
            request_finished.send(sender=None)
    assert loads == ["old", "new"]
    cache.delete(local.version_key)
    request_started.send(sender=None)
    try:
        throttle().allow_request(_post(agent), None)
        assert local.get("k", lambda: "reloaded") == "reloaded"
        assert cache.get(local.version_key) == local.version  # a new version made, as before
    finally:
        request_finished.send(sender=None)


def test_a_redis_that_refuses_scripts_gets_drfs_get_and_set(agent, monkeypatch):
    from redis.exceptions import ResponseError

    client = cache._cache.get_client(None, write=True)

    def refused(*args):
        raise ResponseError("NOPERM this user has no permissions to run the 'evalsha' command")

    monkeypatch.setattr(client, "evalsha", refused)
    monkeypatch.setattr(ours, "_scripting", [True])
    throttle = type("Probe", (ours.UserRateThrottle,), {"rate": "1/min"})
    request = _request(agent)
    assert throttle().allow_request(request, None)
    assert ours._scripting == [False] and cache.get(f"throttle_user_{agent.pk}")  # DRF's pickled history
    refused_throttle = throttle()
    assert not refused_throttle.allow_request(request, None) and 59 < refused_throttle.wait() <= 60
