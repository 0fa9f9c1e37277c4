"""A catalogue item's form definition, turned into a Django form: the same validation for
the portal page, the API and the services, so a bad answer gets the same field error
whichever door it came through."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from catalog.models import ConfigurationItem

from .choices import FieldType

NAME = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


def check_definition(definition) -> list[dict]:
    """Validate a form definition (for the catalogue-item API and admin)."""
    if not isinstance(definition, list):
        raise ValidationError({"form": [_("Give a list of fields.")]})
    seen = set()
    for i, field in enumerate(definition, 1):
        if not isinstance(field, dict):
            raise ValidationError({"form": [_("Field %(n)s is not an object.") % {"n": i}]})
        name, kind = field.get("name", ""), field.get("type", "")
        if not NAME.match(str(name)):
            raise ValidationError({"form": [_("Field %(n)s needs a name of lower-case letters, digits and _.")
                                            % {"n": i}]})
        if name in seen:
            raise ValidationError({"form": [_("The name %(name)s is used twice.") % {"name": name}]})
        seen.add(name)
        if kind not in FieldType.values:
            raise ValidationError({"form": [_("Field %(name)s has an unknown type; use one of %(types)s.")
                                            % {"name": name, "types": ", ".join(FieldType.values)}]})
        if kind == FieldType.CHOICE and not (isinstance(field.get("choices"), list) and field["choices"]):
            raise ValidationError({"form": [_("The choice field %(name)s needs choices.") % {"name": name}]})
    return definition


def _field(spec: dict) -> forms.Field:
    kind = spec.get("type", FieldType.TEXT)
    common = {"label": spec.get("label") or spec["name"].replace("_", " ").capitalize(),
              "required": bool(spec.get("required")), "help_text": spec.get("help", "")}
    if kind == FieldType.TEXT:
        return forms.CharField(max_length=int(spec.get("max_length") or 200), **common)
    if kind == FieldType.TEXTAREA:
        return forms.CharField(max_length=int(spec.get("max_length") or 5000), widget=forms.Textarea(attrs={"rows": 4}),
                               **common)
    if kind == FieldType.CHOICE:
        choices = [(str(c), str(c)) for c in spec.get("choices", [])]
        if not common["required"]:
            choices = [("", "—"), *choices]
        return forms.ChoiceField(choices=choices, **common)
    if kind == FieldType.NUMBER:
        return forms.DecimalField(min_value=spec.get("min"), max_value=spec.get("max"), **common)
    if kind == FieldType.DATE:
        return forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), **common)
    if kind == FieldType.USER:
        return forms.ModelChoiceField(queryset=get_user_model().objects.filter(is_active=True).order_by("username"),
                                      **common)
    if kind == FieldType.CI:
        return forms.ModelChoiceField(queryset=ConfigurationItem.objects.order_by("name"), **common)
    raise ValueError(f"unknown field type {kind!r}")


def build_form(definition: list[dict]) -> type[forms.Form]:
    fields = {spec["name"]: _field(spec) for spec in definition}
    return type("CatalogItemForm", (forms.Form,), fields)


def plain(value):
    """An answer as JSON stores it: numbers as numbers, dates ISO, people and CIs by id."""
    if hasattr(value, "pk"):
        return value.pk
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def clean_answers(definition: list[dict], answers: dict) -> dict:
    """The answers, validated and normalised; field errors as a ValidationError keyed by
    field name. Unknown keys are refused."""
    if not isinstance(answers, dict):
        raise ValidationError({"answers": [_("Give the answers as {field: value}.")]})
    unknown = set(answers) - {spec["name"] for spec in definition}
    form = build_form(definition)(data={k: v for k, v in answers.items() if k not in unknown})
    errors = {}
    if not form.is_valid():
        errors.update({name: list(messages) for name, messages in form.errors.items()})
    for name in unknown:
        errors[name] = [_("This form has no field %(name)s.") % {"name": name}]
    if errors:
        raise ValidationError(errors)
    return {name: plain(value) for name, value in form.cleaned_data.items() if value not in (None, "")}
