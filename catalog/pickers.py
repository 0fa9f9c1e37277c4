"""The contact and customer pickers: what a typed query suggests, the JSON endpoints under
``/catalog/pick/`` and the widgets the forms of incidents, complaints and calls use.

A query is read like the search box reads it (one rule: :func:`catalog.phone.phone_from_query`):
a phone number in any format finds its owner by the exact E.164 number (indexed), an
e-mail address (or its beginning) the contacts with it, anything else the names that
contain every word. Only what the user may see is suggested: ``contacts_visible_to`` and
``customers_visible_to`` (a requester sees only their own contact and customer).

Each endpoint makes the same few queries whatever it finds (the contacts, their phones;
the customers), pinned by ``catalog/tests/test_pickers.py``."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from core.widgets import PickerWidget

from .models import Contact, Customer
from .phone import phone_from_query
from .selectors import contact_by_phone, contacts_visible_to, customers_visible_to

#: Suggestions shown under the box.
PICKS = 8
#: The longest query read, and the most words matched.
MAX_QUERY = 100
MAX_WORDS = 4


def _clean(q: str | None) -> str:
    return " ".join((q or "")[: MAX_QUERY * 2].split())[:MAX_QUERY]


def _names(qs, text: str):
    for word in text.split()[:MAX_WORDS]:
        qs = qs.filter(name__icontains=word)
    return qs


def contact_suggestions(user, q: str | None, limit: int = PICKS) -> list[Contact]:
    """The contacts ``user`` may see that a typed query names, by name (then id)."""
    text = _clean(q)
    if len(text) < 2:
        return []
    qs = contacts_visible_to(user)
    if "@" in text:
        # A whole address: email__iexact is UPPER(email) = UPPER(%s), the catalog_contact_email_upper index.
        qs = qs.filter(email__iexact=text) if "." in text.rsplit("@", 1)[1] else qs.filter(email__istartswith=text)
    elif (number := phone_from_query(text)) is not None:
        qs = qs.filter(phones__number=number)
    else:
        qs = _names(qs, text)
    return list(qs.order_by("name", "id")[:limit])


def customer_suggestions(user, q: str | None, limit: int = PICKS) -> list[Customer]:
    """The customers ``user`` may see that a typed query names: by name, account number, or
    a contact's phone number or e-mail address."""
    text = _clean(q)
    if len(text) < 2:
        return []
    qs = customers_visible_to(user)
    if "@" in text:
        qs = qs.filter(pk__in=Contact.objects.filter(email__iexact=text).values("customer_id"))
    else:
        number = phone_from_query(text)
        match = Q(pk__in=Contact.objects.filter(phones__number=number).values("customer_id")) if number else Q()
        if text.isdigit():
            match |= Q(account_number__startswith=text)
        qs = qs.filter(match) if match else _names(qs, text)
    return list(qs.order_by("name", "id")[:limit])


def contact_detail(contact: Contact) -> str:
    """What tells two namesakes apart: e-mail, first phone number, customer."""
    phones = list(contact.phones.all())  # prefetched by contacts_visible_to
    parts = [contact.email, phones[0].number if phones else "", contact.customer.name if contact.customer_id else ""]
    return " · ".join(part for part in parts if part)


@login_required
@require_GET
def pick_contacts(request):
    """``GET /catalog/pick/contacts/?q=`` -> ``{"results": [{value, label, detail}], "empty"}``.
    ``value`` is ``#id`` (what the incident form's contact field accepts) or, with
    ``value=id``, the bare id (a field that takes the id)."""
    q = request.GET.get("q", "")
    as_id = request.GET.get("value") == "id"
    results = [{"value": str(c.pk) if as_id else f"#{c.pk}", "id": c.pk, "label": c.name,
                "detail": contact_detail(c)} for c in contact_suggestions(request.user, q)]
    empty = "" if results else _("No contact matches “%(q)s”. Try a name, a phone number or an e-mail address.") % {
        "q": _clean(q)}
    return JsonResponse({"results": results, "empty": empty})


@login_required
@require_GET
def pick_customers(request):
    """``GET /catalog/pick/customers/?q=``: like contacts; ``value`` is the customer's id."""
    q = request.GET.get("q", "")
    results = [{"value": str(c.pk), "id": c.pk, "label": c.name,
                "detail": " · ".join(filter(None, [c.account_number, c.get_tier_display()]))}
               for c in customer_suggestions(request.user, q)]
    empty = "" if results else _(
        "No customer matches “%(q)s”. Try a name, an account number, a phone number or an e-mail address.") % {
        "q": _clean(q)}
    return JsonResponse({"results": results, "empty": empty})


# --- the widgets ------------------------------------------------------------------------------
def contact_label(value: str) -> str:
    """The name shown for a contact field's value (``#id``, an id, an e-mail or a phone
    number): one indexed query; empty when it names nobody (the box then shows the value)."""
    ref = value.strip().removeprefix("#")
    if ref.isdigit():
        return Contact.objects.filter(pk=int(ref)).values_list("name", flat=True).first() or ""
    if "@" in ref:
        return Contact.objects.filter(email__iexact=ref).values_list("name", flat=True).first() or ""
    contact = contact_by_phone(ref)
    return contact.name if contact else ""


def customer_label(value: str) -> str:
    ref = value.strip()
    return Customer.objects.filter(pk=int(ref)).values_list("name", flat=True).first() or "" if ref.isdigit() else ""


class ContactPicker(PickerWidget):
    """A contact by name, phone or e-mail. ``by_id``: the field takes the contact's id
    (a ModelChoiceField); otherwise ``#id`` (the incident form's ``ContactField``, which
    also accepts an e-mail or a phone number typed without the script)."""

    def __init__(self, *, by_id: bool = False, attrs: dict | None = None):
        super().__init__(source="catalog:pick-contacts", params={"value": "id"} if by_id else None,
                         label=contact_label, attrs=attrs)


class CustomerPicker(PickerWidget):
    """A customer by name, account number, or a contact's phone or e-mail; the field takes its id."""

    def __init__(self, *, attrs: dict | None = None):
        super().__init__(source="catalog:pick-customers", label=customer_label, attrs=attrs)
