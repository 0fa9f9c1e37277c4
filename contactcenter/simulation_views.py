"""The phone console's demo buttons (``DEMO_TELEPHONY``): ring the desk from a demo contact
and hang the simulated call up, through the real webhooks (contactcenter/simulation.py)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.pages import staff_only

from .models import AgentState
from .simulation import (
    can_sign,
    demo_callers,
    is_simulated,
    simulate_call,
    simulate_hangup,
    simulation_enabled,
)

STAFF_ONLY = gettext_lazy("The contact center console is for service desk staff.")


def simulation_context(user) -> dict | None:
    """What the console's "try a call" box needs, or None when simulation is off."""
    if not simulation_enabled():
        return None
    state = AgentState.objects.select_related("call").filter(user=user).first()
    call = state.call if state is not None and state.call_id and state.call.ended_at is None else None
    return {"callers": list(demo_callers()), "can_sign": can_sign(), "call": call if is_simulated(call) else None}


@staff_only(STAFF_ONLY)
@require_POST
def simulate(request):
    if not simulation_enabled():
        raise Http404
    raw = request.POST.get("contact", "")
    contact = demo_callers(None).filter(pk=int(raw)).first() if raw.isdigit() else None
    if contact is None:
        messages.error(request, _("Choose who calls."))
        return redirect("contactcenter:console")
    try:
        result = simulate_call(contact=contact, agent=request.user)
    except (ValidationError, RuntimeError) as exc:
        messages.error(request, " ".join(getattr(exc, "messages", None) or [str(exc)]))
        return redirect("contactcenter:console")
    call = result.call
    if call is None:
        messages.error(request, _("The voice webhook recorded no call (answer %(status)s).")
                       % {"status": result.exchanges[-1].status})
    elif call.agent_id == request.user.pk:
        messages.success(request, _("%(name)s is calling you from %(number)s.")
                         % {"name": contact.name, "number": call.from_number})
    else:
        messages.info(request, _("%(name)s is calling from %(number)s; the call went to %(queue)s.")
                      % {"name": contact.name, "number": call.from_number,
                         "queue": call.queue.name if call.queue_id else "—"})
    return redirect("contactcenter:console")


@staff_only(STAFF_ONLY)
@require_POST
def hangup(request):
    if not simulation_enabled():
        raise Http404
    context = simulation_context(request.user)
    if context and context["call"] is not None:
        try:
            simulate_hangup(call=context["call"])
        except RuntimeError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("The caller hung up."))
    return redirect("contactcenter:console")
