"""Rate limits read from settings at request time (so tests may change them safely) and
counted in the shared cache (Redis in production), so every web process sees the same count."""

from django.conf import settings
from rest_framework import throttling


def client_address(request) -> str | None:
    """The client's address by the one rule every per-address limit uses (the API rate limits
    and the login lockout): REST_FRAMEWORK["NUM_PROXIES"] trusted X-Forwarded-For hops, none
    by default, so a forged header moves nobody to another counter."""
    return throttling.BaseThrottle().get_ident(request)


class _SettingsRate:
    def get_rate(self):
        return settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"].get(self.scope)


class AnonRateThrottle(_SettingsRate, throttling.AnonRateThrottle):
    """Anonymous requests, per client address."""


class UserRateThrottle(_SettingsRate, throttling.UserRateThrottle):
    """Authenticated users, per user."""


class AuthRateThrottle(_SettingsRate, throttling.SimpleRateThrottle):
    """Token requests (password guessing), per client address whoever they claim to be."""

    scope = "auth"

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}
