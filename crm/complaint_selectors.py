"""Reads of complaints and surveys (crm-complaints; the 360° timeline is crm/selectors.py):
who sees which, and what a person may do on a complaint now."""

from django.db.models import Q, QuerySet

from core.roles import is_staff_member

from .models import Complaint, Survey


def complaints_visible_to(user) -> QuerySet[Complaint]:
    """Staff see every complaint; a requester only those they lodged or that name their
    contact; nobody else any."""
    qs = Complaint.objects.all()
    if user is None or not user.is_authenticated:
        return qs.none()
    if is_staff_member(user):
        return qs
    return qs.filter(Q(requester=user) | Q(contact__user=user))


def surveys_visible_to(user) -> QuerySet[Survey]:
    qs = Survey.objects.all()
    if user is None or not user.is_authenticated:
        return qs.none()
    if is_staff_member(user):
        return qs
    return qs.filter(contact__user=user)


def complaint_available_actions(user, complaint: Complaint) -> list[str]:
    """The transitions ``user`` may take on ``complaint`` now, from the model's own guards
    (source states, ``conditions=``, ``permission=``): the page's buttons and the API's
    ``available_actions`` alike."""
    if user is None or not user.is_authenticated:
        return []
    return [t.name for t in complaint.get_available_user_status_transitions(user)]


def complaints_with_list_data(qs: QuerySet[Complaint]) -> QuerySet[Complaint]:
    """What a register row shows, in the same query: contact, customer, owner, team, service."""
    return qs.select_related("contact", "customer", "owner", "team", "service")


def survey_for_ticket(ticket_kind: str, ticket_id: int) -> Survey | None:
    """A ticket's survey (its score and comment show on the ticket's page)."""
    return Survey.objects.filter(ticket_kind=ticket_kind, ticket_id=ticket_id).first()
