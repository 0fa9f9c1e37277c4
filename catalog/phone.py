"""Phone numbers are stored in E.164 (``+302101234567``) so a caller ID is found with one
exact, indexed lookup."""

import phonenumbers
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def normalize_phone(raw: str, region: str | None = None) -> str:
    """Return ``raw`` in E.164, or raise ``ValidationError`` if it is not a valid number."""
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
