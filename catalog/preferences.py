"""Carry a user's saved language and timezone into their session at login."""

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from .models import AgentProfile


def remember_preferences(request, *, language: str, timezone: str) -> None:
    request.session["sd_language"] = language or ""
    request.session["sd_timezone"] = timezone or ""


@receiver(user_logged_in, dispatch_uid="servicedesk_preferences_on_login")
def _on_login(sender, request, user, **kwargs):
    profile = AgentProfile.objects.filter(user=user).only("language", "timezone").first()
    if profile is not None and request is not None:
        remember_preferences(request, language=profile.language, timezone=profile.timezone)
