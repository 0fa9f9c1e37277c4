"""The outbound pages (issue 22.2; the rules are in ``contactcenter.outbound``):

- ``dial/<kind>/<pk>/`` — click-to-call from a callback, a contact or a ticket (``incident``,
  ``request``, and the kinds other apps register, e.g. ``complaint``): the person, their
  numbers and a **Call** button (POST, CSRF). Someone the user may not see is a 404.
- ``dial-lists/`` and ``dial-lists/<pk>/`` — the auto-dial lists of the callback queues the
  agent works, in preview mode: the next contact, **Dial** or **Skip**.

Errors are messages on the page (400 for bad input, 409 for a conflict), never a 500.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.errors import DomainError
from core.pages import refusal_message, safe_next, staff_only

from . import outbound
from .models import Call, DialListEntry

STAFF_ONLY = gettext_lazy("Calling out is for service desk staff.")
KIND_LABELS = {"callback": gettext_lazy("Callback"), "contact": gettext_lazy("Contact"),
               "incident": gettext_lazy("Incident"), "request": gettext_lazy("Service request"),
               "complaint": gettext_lazy("Complaint")}


MAX_ID = 2**63 - 1  # beyond a bigint no record exists (and the database would refuse the number)


def _id(pk: int) -> int:
    if pk > MAX_ID:
        raise Http404
    return pk


def _target(request, kind: str, pk: int) -> outbound.DialTarget:
    pk = _id(pk)
    if kind == "callback":
        target = outbound.target_for_callback(request.user, pk)
    elif kind == "contact":
        target = outbound.target_for_contact(request.user, pk)
    else:
        target = outbound.target_for_ticket(request.user, kind, pk)
    if target is None:
        raise Http404
    return target


def _place(request, target: outbound.DialTarget, number: str | None) -> tuple[int, Call | None]:
    """Dial, saying what happened as a message: (HTTP status for the page, the call)."""
    try:
        placed = outbound.outbound_dial(actor=request.user, target=target, number=number)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return 400, None
    except DomainError as exc:
        messages.error(request, refusal_message(exc, _("Someone changed this first; try again.")))
        return 409, None
    if placed.ok:
        messages.success(request, placed.message)
    elif placed.retrying:
        messages.warning(request, placed.message)
    else:
        messages.error(request, placed.message)
    return (200 if placed.ok or placed.retrying else 400), placed.call


def _ticket_url(target: outbound.DialTarget) -> str:
    ticket = target.ticket
    try:
        return ticket.get_absolute_url() if ticket is not None else ""
    except AttributeError:
        return ""


@staff_only(STAFF_ONLY)
def dial(request, kind: str, pk: int):
    """GET: who will be called and from which numbers; POST ``number``: call (the agent's phone
    first). Back to ``next`` (or here) after the call is placed; the page again with the reason
    when it is not."""
    target = _target(request, kind, pk)
    status = 200
    if request.method == "POST":
        status, call = _place(request, target, request.POST.get("number") or None)
        if status == 200:
            return redirect(safe_next(request, request.path))
    calls = Call.objects.none()
    if target.callback is not None:
        calls = target.callback.outbound_calls.all()
    elif target.ticket_kind:
        calls = Call.objects.filter(ticket_kind=target.ticket_kind, ticket_id=target.ticket_id)
    elif target.contact is not None:
        calls = Call.objects.filter(contact=target.contact, direction=outbound.OUTBOUND)
    return render(request, "contactcenter/dial.html", {
        "target": target, "kind": kind, "kind_label": KIND_LABELS.get(kind, kind), "ticket_url": _ticket_url(target),
        "calls": calls.select_related("placed_by").order_by("-started_at", "-id")[:10],
        "next": safe_next(request, ""),
    }, status=status)


@staff_only(STAFF_ONLY)
def dial_lists(request):
    return render(request, "contactcenter/dial_lists.html",
                  {"dial_lists": outbound.dial_lists_for(request.user).order_by("name", "id")})


def _dial_list(request, pk: int):
    return get_object_or_404(outbound.dial_lists_for(request.user), pk=_id(pk))


@staff_only(STAFF_ONLY)
def dial_list(request, pk: int):
    """Preview mode: the next contact to call (kept for this agent a few minutes), with
    **Dial** and **Skip**; outside opening hours, when dialling starts again."""
    return _dial_list_page(request, _dial_list(request, pk))


def _dial_list_page(request, dial_list, status: int = 200):
    preview = outbound.dial_list_next(dial_list=dial_list, agent=request.user)
    recent = (DialListEntry.objects.filter(dial_list=dial_list).exclude(last_call=None)
              .select_related("contact", "last_call").order_by("-last_call__started_at", "-id")[:10])
    return render(request, "contactcenter/dial_list.html",
                  {"dial_list": dial_list, "preview": preview, "recent": recent}, status=status)


@staff_only(STAFF_ONLY)
@require_POST
def dial_entry(request, pk: int, entry: int, action: str):
    """**Dial** or **Skip** the previewed number; a refusal shows the list again with the reason."""
    dial_list = _dial_list(request, pk)
    found = get_object_or_404(DialListEntry.objects.select_related("dial_list__line", "contact", "callback"),
                              pk=_id(entry), dial_list=dial_list)
    if action == "skip":
        try:
            outbound.dial_entry_skip(entry_id=found.pk, actor=request.user)
        except DomainError as exc:
            messages.error(request, refusal_message(exc))
            return _dial_list_page(request, dial_list, 409)
        messages.success(request, _("Skipped: %(number)s comes back later.") % {"number": found.number})
        return redirect(reverse("contactcenter:dial-list", args=[dial_list.pk]))
    if action != "dial":
        raise Http404
    status, _call = _place(request, outbound.target_for_entry(found), found.number)
    if status == 200:
        return redirect(reverse("contactcenter:dial-list", args=[dial_list.pk]))
    return _dial_list_page(request, dial_list, status)
