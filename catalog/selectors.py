"""Reads of the catalogue that are more than a one-line queryset."""

from django.db.models import Q, QuerySet

from core.roles import is_staff_member

from .models import CIRelation, Contact, ContactPhone, Customer
from .phone import try_normalize_phone


def contact_by_phone(raw_number: str | None) -> Contact | None:
    """The contact owning a caller ID, with their customer: one indexed query."""
    number = try_normalize_phone(raw_number)
    if number is None:
        return None
    # The number is unique: no ORDER BY (the model's default ordering would add one).
    phone = (
        ContactPhone.objects.select_related("contact__customer")
        .filter(number=number)
        .order_by()
        .only("number", "contact__id", "contact__name", "contact__email", "contact__pin_hash",
              "contact__language", "contact__user_id", "contact__customer__id",
              "contact__customer__name", "contact__customer__tier", "contact__customer__account_number")
        .first()
    )
    return phone.contact if phone else None


def contact_by_account_and_pin(account_number: str, pin: str) -> Contact | None:
    """Identify a caller who keyed in their customer's account number and their PIN."""
    if not account_number.isdigit() or not pin.isdigit():
        return None
    for contact in Contact.objects.select_related("customer").filter(
        customer__account_number=account_number
    ).exclude(pin_hash=""):
        if contact.check_pin(pin):
            return contact
    return None


def contacts_visible_to(user) -> QuerySet[Contact]:
    """Staff see every contact; a requester only their own."""
    qs = Contact.objects.select_related("customer").prefetch_related("phones")
    if is_staff_member(user):
        return qs
    if not getattr(user, "is_authenticated", False):
        return qs.none()
    return qs.filter(user=user)


def customers_visible_to(user) -> QuerySet[Customer]:
    """Staff see every customer; a requester only the one they belong to."""
    if is_staff_member(user):
        return Customer.objects.all()
    if not getattr(user, "is_authenticated", False):
        return Customer.objects.none()
    return Customer.objects.filter(contacts__user=user)


# --- the CI graph ---------------------------------------------------------------------------------
#: The relations along which trouble travels between configuration items.
CONNECTING = ("depends_on", "runs_on")


def ci_graph(ci_ids: set[int], depth: int = 3) -> dict[int, set[int]]:
    """The "depends on" / "runs on" edges (either way) within ``depth`` hops of ``ci_ids``,
    as an adjacency map: at most ``depth`` queries, whatever the number of CIs."""
    adjacency: dict[int, set[int]] = {}
    seen, frontier = set(ci_ids), set(ci_ids)
    for _hop in range(depth):
        if not frontier:
            break
        edges = CIRelation.objects.filter(Q(source__in=frontier) | Q(target__in=frontier), kind__in=CONNECTING)
        found = set()
        for source, target in edges.values_list("source_id", "target_id"):
            adjacency.setdefault(source, set()).add(target)
            adjacency.setdefault(target, set()).add(source)
            found.update((source, target))
        frontier = found - seen
        seen |= found
    return adjacency


def reachable(start: set[int], adjacency: dict[int, set[int]], depth: int = 3) -> set[int]:
    """The CIs within ``depth`` hops of ``start`` in an adjacency map from ``ci_graph``
    (``start`` included): no query."""
    seen, frontier = set(start), set(start)
    for _hop in range(depth):
        frontier = {n for ci in frontier for n in adjacency.get(ci, ())} - seen
        seen |= frontier
    return seen


def connected_cis(ci_ids: set[int], depth: int = 3) -> set[int]:
    """The CIs linked to ``ci_ids`` through "depends on" / "runs on" edges, either way, up to
    ``depth`` hops (a database server and the applications that run on it)."""
    return reachable(set(ci_ids), ci_graph(set(ci_ids), depth), depth)

