"""What every app's browser forms share."""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError


def add_service_errors(form: forms.Form, exc: ValidationError) -> None:
    """Put a service's ValidationError next to the fields it names (the rest on top)."""
    errors = exc.message_dict if hasattr(exc, "error_dict") else {NON_FIELD_ERRORS: exc.messages}
    for field, messages in errors.items():
        form.add_error(field if field in form.fields else None, messages)
