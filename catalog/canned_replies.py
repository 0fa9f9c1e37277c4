"""Canned replies: which ones an agent may use, their text for one ticket, and the writes of
the team managers' page (``/catalog/canned-replies/``; admins also use the Django admin).

A reply's body is the agent's own words with a small fixed set of placeholders
(``PLACEHOLDERS``), written ``{{ contact.name }}`` (spaces optional). They are replaced with
plain text by :func:`render_canned_reply`; nothing else in the body has a meaning — no
template engine ever reads it, so ``{% ... %}``, filters or unknown names stay as written, and
the page that shows the result escapes it like any other text."""

import re
from collections.abc import Mapping

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.roles import is_admin, is_staff_member

from .models import CannedReply, Team

#: The placeholders a body may use, with what each stands for (shown to the people who write them).
PLACEHOLDERS = {
    "contact.name": _("the contact's name"),
    "contact.email": _("the contact's email address"),
    "customer.name": _("the customer's name"),
    "ticket.number": _("the ticket's number (INC…, REQ…)"),
    "ticket.title": _("the ticket's title"),
    "agent.name": _("your own name"),
    "team.name": _("the ticket's team"),
}
PLACEHOLDER = re.compile(r"\{\{\s*([a-z]+\.[a-z_]+)\s*\}\}")


def canned_replies_visible_to(user) -> QuerySet[CannedReply]:
    """The active replies of the teams ``user`` belongs to, and the global ones (first), by
    team and name; staff only. A reply has one team and a person is in it once: no duplicates."""
    if not is_staff_member(user):
        return CannedReply.objects.none()
    return (CannedReply.objects.filter(is_active=True)
            .filter(Q(team__isnull=True) | Q(team__members=user)).select_related("team")
            .order_by(F("team__name").asc(nulls_first=True), "name", "id"))


def render_canned_reply(body: str, values: Mapping[str, object]) -> str:
    """``body`` with each known placeholder replaced by ``values[name]`` as plain text ("" when
    the ticket has none); an unknown one is left as written."""
    def replace(match: re.Match) -> str:
        name = match.group(1)
        if name not in PLACEHOLDERS:
            return match.group(0)
        value = values.get(name)
        return "" if value is None else str(value)

    return PLACEHOLDER.sub(replace, body)


def ticket_values(*, number: str = "", title: str = "", contact=None, customer=None, agent=None,
                  team=None) -> dict[str, str]:
    """The placeholders' values for one ticket, from what its page already holds."""
    return {
        "contact.name": getattr(contact, "name", "") or "",
        "contact.email": getattr(contact, "email", "") or "",
        "customer.name": getattr(customer, "name", "") or "",
        "ticket.number": number or "",
        "ticket.title": title or "",
        "agent.name": (agent.get_full_name() or agent.get_username()) if agent is not None else "",
        "team.name": getattr(team, "name", "") or "",
    }


def canned_reply_answer(request, *, form_class, prefix: str, url: str, values: Mapping[str, object]):
    """The answer to a ticket composer's picker (``catalog/_canned_reply.html``): the text box
    of ``form_class`` (``prefix``: its ``body`` field's prefix) holding the draft it was sent
    with the reply (``reply``: an id among those ``canned_replies_visible_to`` the person, else
    404) added, its placeholders filled in from ``values``; and the picker, reset. A read: a
    POST only carries a long draft. The ticket page checks first that the ticket is visible."""
    data = request.POST if request.method == "POST" else request.GET
    reply_id = data.get("reply", "")
    if not reply_id.isdigit():
        raise Http404
    visible = canned_replies_visible_to(request.user)
    reply = get_object_or_404(visible, pk=int(reply_id))
    text = render_canned_reply(reply.body, values)
    draft = data.get(f"{prefix}-body", "").rstrip()
    form = form_class(prefix=prefix, initial={"body": f"{draft}\n\n{text}" if draft else text})
    return render(request, "catalog/_canned_reply.html", {
        "form": form, "canned_url": url, "canned_replies": list(visible), "focus": True})


# --- the team managers' page -------------------------------------------------------------------
def teams_managed_by(user) -> QuerySet[Team]:
    """The teams whose replies ``user`` manages: those they manage; every team for an admin."""
    if is_admin(user):
        return Team.objects.order_by("name")
    if not getattr(user, "is_authenticated", False):
        return Team.objects.none()
    return Team.objects.filter(manager=user).order_by("name")


def may_manage_replies(user) -> bool:
    return is_admin(user) or (is_staff_member(user) and teams_managed_by(user).exists())


def canned_replies_managed_by(user) -> QuerySet[CannedReply]:
    """Every reply (active or not) of the teams ``user`` manages; the global ones too for an admin."""
    qs = CannedReply.objects.select_related("team").order_by(F("team__name").asc(nulls_first=True), "name", "id")
    if is_admin(user):
        return qs
    return qs.filter(team__in=teams_managed_by(user))


def _check_may_manage(actor, team: Team | None) -> None:
    if is_admin(actor):
        return
    if team is None or not teams_managed_by(actor).filter(pk=team.pk).exists():
        raise PermissionDenied(gettext("Only the team's manager or an admin can manage its canned replies."))


@transaction.atomic
def canned_reply_save(*, actor, name: str, body: str, team: Team | None, is_active: bool = True,
                      reply: CannedReply | None = None) -> CannedReply:
    """Create ``reply`` (None) or change it: a manager only in their teams (both the team it
    had and the one it gets), an admin anywhere and for everyone (no team)."""
    if reply is not None:
        _check_may_manage(actor, reply.team)
    _check_may_manage(actor, team)
    reply = reply or CannedReply()
    reply.name, reply.body, reply.team, reply.is_active = name.strip(), body, team, is_active
    reply.full_clean()
    reply._history_user = actor
    reply.save()
    return reply


@transaction.atomic
def canned_reply_delete(*, actor, reply: CannedReply) -> None:
    _check_may_manage(actor, reply.team)
    reply._history_user = actor
    reply.delete()
