"""What a locked-out login sees (django-axes calls ``lockout_response``; see
``AXES_LOCKOUT_CALLABLE``). One answer whoever the username names, an existing account or
not, so a lockout tells nobody which usernames exist."""

import math

from axes.helpers import get_cool_off
from django.shortcuts import render


def cool_off_seconds(request) -> int:
    cool_off = get_cool_off(request)
    return int(cool_off.total_seconds()) if cool_off else 0


def lockout_response(request, original_response=None, credentials=None):
    """429 Too Many Requests with the login page's layout and a ``Retry-After``."""
    seconds = cool_off_seconds(request)
    response = render(request, "registration/locked_out.html",
                      {"minutes": max(1, math.ceil(seconds / 60))}, status=429)
    if seconds:
        response["Retry-After"] = str(seconds)
    return response
