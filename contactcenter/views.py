"""The agent's console at ``/contact-center/``: their state, the screen pop of the call
ringing or connected (refreshed every second: who is calling, their customer and tier,
open incidents and requests, last calls), hold / resume / transfer, "create incident from
this call", and their callbacks."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.pages import attempt, refusal_message, staff_only
from incidents import services as incident_services
from incidents.choices import Channel
from incidents.forms import IncidentCreateForm, add_service_errors, contact_reference

from . import routing
from .choices import AgentStateChoice
from .forms import CallLogFilterSet
from .models import Call, Queue
from .selectors import callbacks_of, screen_pop_for
from .services import call_link_incident
from .simulation_views import simulation_context

STAFF_ONLY = gettext_lazy("The contact center console is for service desk staff.")


def _attempt(request, call) -> int | None:
    """Run a routing call; a refused or lost one is a message (the console shows it)."""
    attempt(request, call, refusal=lambda exc: refusal_message(exc, _("Someone changed this first; try again.")),
            invalid=False, denied=False)


@staff_only(STAFF_ONLY)
def console(request):
    context = screen_pop_for(request.user)
    context.update(
        states=AgentStateChoice.choices,
        callbacks=callbacks_of(request.user)[:50],
        waiting=Call.objects.filter(agent__isnull=True, ended_at__isnull=True, queued_at__isnull=False).count(),
        simulation=simulation_context(request.user),
    )
    return render(request, "contactcenter/console.html", context)


@staff_only(STAFF_ONLY)
def call_log(request):
    """``/contact-center/calls/``: the call log with the API's filters (the dashboards'
    figures link here), newest first, 50 a page, constant queries."""
    filterset = CallLogFilterSet(request.GET, queryset=Call.objects.select_related(
        "contact", "customer", "queue", "agent", "incident").order_by("-started_at", "-id"), request=request)
    calls = filterset.qs if filterset.is_valid() else Call.objects.none()
    page = Paginator(calls, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "contactcenter/call_log.html", {"filterset": filterset, "page": page,
                                                           "query": query.urlencode()})


@staff_only(STAFF_ONLY)
def screen_pop(request):
    """The card alone, for the console's once-a-second refresh."""
    return render(request, "contactcenter/_screen_pop.html", screen_pop_for(request.user))


@staff_only(STAFF_ONLY)
@require_POST
def set_state(request):
    state = request.POST.get("state", "")
    if state not in AgentStateChoice.values:
        messages.error(request, _("Choose one of the states."))
        return redirect("contactcenter:console")
    _attempt(request, lambda: routing.agent_set_state(user=request.user, state=state))
    return redirect("contactcenter:console")


@staff_only(STAFF_ONLY)
@require_POST
def call_action(request, pk: int, action: str):
    call = get_object_or_404(Call, pk=pk)
    done = {}  # the call as routing left it: a Twilio problem with the conference is on it
    if action == "hold":
        _attempt(request, lambda: done.setdefault("call", routing.call_hold(call_id=call.pk, user=request.user)))
    elif action == "resume":
        _attempt(request, lambda: done.setdefault("call", routing.call_resume(call_id=call.pk, user=request.user)))
    elif action == "transfer":
        raw = request.POST.get("queue") or ""
        queue = Queue.objects.filter(pk=raw).first() if raw.isascii() and raw.isdigit() and len(raw) < 10 else None
        if queue is None:
            messages.error(request, _("Choose the queue to transfer to."))
            return redirect("contactcenter:console")
        if _attempt(request, lambda: done.setdefault("call", routing.call_transfer(
                call_id=call.pk, user=request.user, queue=queue))) is None:
            messages.success(request, _("The call is transferred to %(queue)s.") % {"queue": queue.name})
    else:
        return HttpResponse(status=404)
    if problem := getattr(done.get("call"), "provider_problem", None):
        messages.warning(request, problem)
    return redirect("contactcenter:console")


@staff_only(STAFF_ONLY)
def incident_from_call(request, pk: int):
    """The incident form prefilled from the call (contact, service, channel phone); the new
    incident is linked to the call."""
    call = get_object_or_404(Call.objects.select_related("contact"), pk=pk)
    initial = {"channel": Channel.PHONE, "contact": contact_reference(call.contact) if call.contact_id else "",
               "service": call.service_id}
    form = IncidentCreateForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            incident = incident_services.incident_create(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            call_link_incident(call=call, incident=incident)
            messages.success(request, _("%(number)s is recorded and linked to the call.") % {"number": incident.number})
            return redirect(incident)
    return render(request, "contactcenter/incident_form.html", {"form": form, "call": call})
