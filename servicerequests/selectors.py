"""Reads for service requests: who sees which requests and what they may do to one, what a
person may order, and what waits for their decision."""

from django.db.models import Exists, F, OuterRef, Prefetch, Q, QuerySet

from catalog.models import Team
from core.roles import has_role, is_staff_member

from .choices import ApprovalDecision, RequestStatus
from .models import Approval, CatalogItem, ServiceRequest, party_or_staff


def requests_visible_to(user) -> QuerySet[ServiceRequest]:
    """Staff see every request; anyone else the requests they made, those made for them and
    those they are (or were) asked to approve. The portal's pages and the API read this."""
    if is_staff_member(user):
        return ServiceRequest.objects.all()
    if not getattr(user, "is_authenticated", False):
        return ServiceRequest.objects.none()
    asked = Approval.objects.filter(request=OuterRef("pk"), approver=user)
    return ServiceRequest.objects.filter(Q(requested_by=user) | Q(requested_for=user) | Exists(asked))


def requests_of(user) -> QuerySet[ServiceRequest]:
    """The requests someone made or that were made for them."""
    return ServiceRequest.objects.filter(Q(requested_by=user) | Q(requested_for=user))


def may_comment(request: ServiceRequest, user) -> bool:
    """Everyone who sees the request writes on it: its requester, the desk and its approvers."""
    return party_or_staff(request, user) or Approval.objects.filter(request=request, approver=user).exists()


#: The verbs on a request and the transition each takes: ``approve`` and ``reject`` are one
#: decision, asked of an approver at the current level (the reject transition's guard);
#: approving the last level approves the request by itself, as the last task fulfils it.
REQUEST_TRANSITIONS = {"approve": "reject", "reject": "reject", "fulfil": "fulfil", "cancel": "cancel",
                       "close": "close"}


def request_available_actions(user, request: ServiceRequest) -> list[str]:
    """What ``user`` may do to ``request`` now: the transitions django-fsm lets them take
    (source state and ``permission=``: the requester or the desk cancels and closes, the
    approvers asked now decide), and ``comment``. The portal's tracker, the approvals inbox,
    the agent's request page and the API offer and accept exactly these; the services
    refuse the rest with the same guards (403 for the person, 409 for the state)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return []
    allowed = {t.name for t in request.get_available_user_status_transitions(user)}
    actions = [verb for verb, name in REQUEST_TRANSITIONS.items() if name in allowed]
    if may_comment(request, user):
        actions.append("comment")
    return actions


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


