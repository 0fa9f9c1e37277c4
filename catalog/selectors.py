"""Reads of the catalogue that are more than a one-line queryset."""

from django.db.models import QuerySet

from core.roles import is_staff_member

from .models import Contact, ContactPhone, Customer
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
