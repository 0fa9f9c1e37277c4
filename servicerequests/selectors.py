"""Reads for service requests: what a person may order, and what waits for their decision."""

from django.db.models import F, Prefetch, Q

from catalog.models import Team
from core.roles import has_role

from .choices import ApprovalDecision, RequestStatus
from .models import Approval, CatalogItem


def may_order_rule(user, roles: list[str], team_ids: set[int], my_teams) -> bool:
    """The ordering rule: everyone when the item names no roles and no teams; else one of
    its roles, or membership of one of its teams (``my_teams``: a set, or a callable giving
    it, so it is read only when needed)."""
    if not roles and not team_ids:
        return True
    if roles and has_role(user, *roles):
        return True
    if team_ids:
        mine = my_teams() if callable(my_teams) else my_teams
        return bool(team_ids & mine)
    return False


def orderable_items(user, term: str = "") -> list[CatalogItem]:
    """The active items ``user`` may order — the rule of :func:`services.may_order`, checked
    for the whole catalogue in two queries instead of one or two per item."""
    items = (CatalogItem.objects.filter(is_active=True)
             .prefetch_related(Prefetch("teams", queryset=Team.objects.only("pk"))).order_by("category", "name"))
    term = (term or "").strip()
    if term:
        items = items.filter(Q(name__icontains=term) | Q(description__icontains=term) | Q(category__icontains=term))
    cache: dict[str, set[int]] = {}

    def my_teams() -> set[int]:
        if "teams" not in cache:
            cache["teams"] = set(user.teams.values_list("pk", flat=True))
        return cache["teams"]

    return [item for item in items
            if may_order_rule(user, item.roles, {team.pk for team in item.teams.all()}, my_teams)]


def pending_approvals(user):
    """The decisions waiting for this person now: their row at the request's current level."""
    return Approval.objects.filter(approver=user, decision=ApprovalDecision.PENDING,
                                   request__status=RequestStatus.AWAITING_APPROVAL,
                                   level=F("request__current_level"))


