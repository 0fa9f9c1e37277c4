"""Reads of the contact center that are more than a one-line queryset."""

from __future__ import annotations

from incidents.choices import OPEN_STATUSES
from incidents.models import Incident
from servicerequests.choices import OPEN_REQUEST_STATUSES
from servicerequests.models import ServiceRequest

from .choices import CallbackStatus
from .models import AgentState, Call, Callback, Queue

LAST_CALLS = 5


def screen_pop_for(user) -> dict:
    """The agent's current call with what the agent needs to know (constant queries)."""
    state = AgentState.objects.select_related(
        "call__contact", "call__customer", "call__queue", "call__line", "call__incident").filter(user=user).first()
    call = state.call if state is not None else None
    context = {"agent_state": state, "call": call, "queues": Queue.objects.order_by("name")}
    if call is None:
        return context
    incidents = Incident.objects.none()
    requests = []
    last_calls = Call.objects.none()
    if call.contact_id:
        incidents = (Incident.objects.filter(contact=call.contact_id, status__in=OPEN_STATUSES)
                     .select_related("service").order_by("-created_at")[:10])
        last_calls = Call.objects.filter(contact=call.contact_id).exclude(pk=call.pk).select_related(
            "agent", "queue").order_by("-started_at")[:LAST_CALLS]
        if call.contact.user_id:
            requests = (ServiceRequest.objects.filter(requested_for=call.contact.user_id,
                                                      status__in=OPEN_REQUEST_STATUSES)
                        .select_related("catalog_item").order_by("-created_at")[:10])
    elif call.from_number:
        last_calls = Call.objects.filter(from_number=call.from_number).exclude(pk=call.pk).select_related(
            "agent", "queue").order_by("-started_at")[:LAST_CALLS]
    context.update(incidents=incidents, requests=requests, last_calls=last_calls)
    return context


def callbacks_of(user):
    """The callbacks ``user`` has to make (assigned to them and not done), oldest first: the
    phone console and the agent's home."""
    return (Callback.objects.filter(agent=user).exclude(status=CallbackStatus.DONE)
            .select_related("contact", "call").order_by("created_at", "id"))
