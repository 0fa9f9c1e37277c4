"""All hands on the phones (issue 24.11): the one-click join and the leave, both POST with
CSRF; staff only (404 for everyone else). The button and the managers' list of helpers are
the ``{% all_hands major %}`` tag on the major incident's war room."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.pages import attempt, refusal_message, safe_next
from core.roles import is_staff_member
from incidents.models import MajorIncident

from .all_hands import temporary_agent_join, temporary_agent_leave


def _staff(request) -> None:
    if not is_staff_member(request.user):
        raise Http404


@login_required
@require_POST
def join(request, pk: int):
    _staff(request)
    major = get_object_or_404(MajorIncident, pk=pk)
    if attempt(request, lambda: temporary_agent_join(user=request.user, major=major),
               refusal=lambda exc: refusal_message(exc, _("Someone changed this first; try again."))) is None:
        messages.success(request, _("You are helping on the phones: calls for the affected services come to "
                                    "this console. Leave when you are done."))
        return redirect("contactcenter:console")
    return redirect(safe_next(request, major.get_absolute_url()))


@login_required
@require_POST
def leave(request):
    _staff(request)
    if attempt(request, lambda: temporary_agent_leave(user=request.user),
               refusal=lambda exc: refusal_message(exc, _("Someone changed this first; try again."))) is None:
        messages.success(request, _("Thank you for helping on the phones."))
    return redirect(safe_next(request, reverse("contactcenter:console")))
