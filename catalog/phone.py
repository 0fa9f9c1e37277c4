"""Phone numbers are stored in E.164 (``+302101234567``) so a caller ID is found with one
exact, indexed lookup."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def normalize_phone(raw: str, region: str | None = None) -> str:
    """Return ``raw`` in E.164, or raise ``ValidationError`` if it is not a valid number."""
    # deferred: phonenumbers costs ~11 ms of CPU to import, and every process imports this
    # module (catalog's services, through mail's and the contact centre's); only a number
    # being normalised needs it.
    import phonenumbers

    text = (raw or "").strip()
    if not text:
        raise ValidationError(_("Enter a phone number."), code="required")
    if len(text) > 40:
        raise ValidationError(_("A phone number has at most 40 characters."), code="max_length")
    try:
        parsed = phonenumbers.parse(text, region or settings.PHONE_DEFAULT_REGION)
    except phonenumbers.NumberParseException as exc:
        raise ValidationError(
            _("%(value)s is not a phone number; write it with its country code, e.g. +30 21 0123 4567.")
            % {"value": text},
            code="invalid",
        ) from exc
    if not phonenumbers.is_valid_number(parsed):
        raise ValidationError(_("%(value)s is not a valid phone number.") % {"value": text}, code="invalid")
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def try_normalize_phone(raw: str | None) -> str | None:
    """E.164 for a caller ID, or None when withheld, anonymous or not a number."""
    try:
        return normalize_phone(raw or "")
    except ValidationError:
        return None


#: What a typed query must look like to be read as a phone number: ``+``, digits, blanks,
#: dashes, dots, slashes and brackets only.
PHONE_QUERY_RE = re.compile(r"^\+?[\d\s().\-/]+$")


def phone_from_query(q: str | None) -> str | None:
    """E.164 for a search or picker query that is only a phone number, in any format people
    type (``+30 210 123 4567``, ``0030-210-1234567``, national with ``PHONE_DEFAULT_REGION``;
    ``00`` read as ``+``), else None. The search box and the contact pickers share it."""
    q = q or ""
    if not PHONE_QUERY_RE.match(q):
        return None
    digits = re.sub(r"\D", "", q)
    if not 6 <= len(digits) <= 17:
        return None
    text = q.lstrip()
    if text.startswith("00"):
        text = "+" + text[2:]
    return try_normalize_phone(text)
