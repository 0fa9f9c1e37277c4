"""The supervisors' live calls page (``/contact-center/live/``) and their actions on a live
call (``live/<id>/<listen|whisper|barge|leave>/``, POST), also offered on the wallboard.
Managers and administrators only: anyone else gets a 404 (they may not know the page is
there). See ``contactcenter/supervision.py``."""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.pages import refusal_message
from core.pages.access import REFUSALS, safe_next

from . import supervision
from .models import ConferenceLeg, SupervisionKind


def supervisors_only(view):
    """Signed in (else the login page) and a manager or administrator (else 404)."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not supervision.may_supervise(request.user):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper


def live_calls_context(user) -> dict:
    """The live calls in a conference with the supervisor's own leg on each (two queries)."""
    calls = list(supervision.live_calls()[:100])
    legs = {leg.conference_id: leg for leg in ConferenceLeg.objects.filter(
        conference__call__in=[call.pk for call in calls], user=user, role=ConferenceLeg.Role.SUPERVISOR,
        status__in=supervision.LIVE)}
    for call in calls:
        call.my_leg = legs.get(call.conference.pk)
    return {"live_calls": calls, "supervision_actions": SupervisionKind.choices,
            "conference_routing": supervision.conference_routing()}


@supervisors_only
def live_calls(request):
    return render(request, "contactcenter/live_calls.html", live_calls_context(request.user))


@supervisors_only
@require_POST
def supervise(request, pk: int, action: str):
    if action not in SupervisionKind.values:
        raise Http404
    back = safe_next(request, reverse("contactcenter:live-calls"))
    try:
        supervision.supervise_now(call_id=pk, supervisor=request.user, action=action)
    except REFUSALS as exc:
        messages.error(request, refusal_message(exc, _("The call changed meanwhile; try again.")))
    except supervision.SupervisionDelayed as exc:
        messages.warning(request, str(exc))
    else:
        messages.success(request, {
            SupervisionKind.LISTEN: _("Your phone rings: you join the call muted."),
            SupervisionKind.WHISPER: _("Only the agent hears you now."),
            SupervisionKind.BARGE: _("The caller and the agent both hear you now."),
            SupervisionKind.LEAVE: _("You left the call."),
        }[action])
    return redirect(back)
