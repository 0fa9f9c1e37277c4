"""One rule for values that are not known yet: the API answers ``null``, never ``""``.

Several models keep "nothing yet" as a blank string in a NOT NULL column (an incident's
``resolution_code`` before it is resolved, a call's ``outcome`` while it runs, a callback's
``recording_url`` without a voicemail). The published schema lists only the real values of
such a field, so ``""`` contradicted it. ``ModelSerializer`` below maps every blank-able
choice or URL ``CharField`` of a model to a field that

- answers ``""`` as ``null`` and is declared nullable in the schema (enum + ``null``);
- on input accepts what it accepted before (``""``, a valid value) and also ``null``, both
  stored as ``""`` (the column stays as it is: no migration).

Use it instead of DRF's ``ModelSerializer``; an explicitly declared field may use
``NullableChoiceField``/``NullableURLField`` directly.
"""

import copy

from django.db import models
from django.utils.functional import cached_property
from rest_framework import serializers
from rest_framework.utils.serializer_helpers import BindingDict


class BlankAsNullMixin:
    def __init__(self, **kwargs):
        kwargs["allow_null"] = True
        super().__init__(**kwargs)

    def validate_empty_values(self, data):
        if data is None:
            return True, ""  # null in, "" stored: the column is NOT NULL
        return super().validate_empty_values(data)

    def to_representation(self, value):
        if value in ("", None):
            return None
        return super().to_representation(value)


class NullableChoiceField(BlankAsNullMixin, serializers.ChoiceField):
    """A choice that may be unknown: ``""`` is answered as ``null``."""


class NullableURLField(BlankAsNullMixin, serializers.URLField):
    """A URL that may be absent: ``""`` is answered as ``null``."""


class NullableCharField(BlankAsNullMixin, serializers.CharField):
    """A text that may be unknown (a withheld caller's number): ``""`` is answered as ``null``."""


def blank_as_null_class(model_field):
    """The nullable serializer field for a blank-able, NOT NULL choice/URL model field, or None."""
    if not isinstance(model_field, models.CharField) or not model_field.blank or model_field.null:
        return None
    if model_field.choices:
        return NullableChoiceField
    if isinstance(model_field, models.URLField):
        return NullableURLField
    return None


class ModelSerializer(serializers.ModelSerializer):
    """DRF's ModelSerializer where a blank choice or URL reads as ``null`` (see above)."""

    def build_standard_field(self, field_name, model_field):
        field_class, field_kwargs = super().build_standard_field(field_name, model_field)
        nullable = blank_as_null_class(model_field)
        if nullable is not None:
            field_class = nullable
            if nullable is NullableURLField:
                field_kwargs.pop("choices", None)
        return field_class, field_kwargs


#: The ``bind`` methods that only name a field (name, label, source, a method field's method):
#: a field bound once can be copied bound.
_NAMING_BINDS = (serializers.Field.bind, serializers.SerializerMethodField.bind)


class FieldsBuiltOnceMixin:
    """A ``ModelSerializer`` whose fields are built from the model once per process: DRF
    builds them again for every serializer, i.e. for every request (an incident's 29: about
    1.2 ms of CPU, a tenth of an API create). Each serializer gets its own shallow copy of the
    built fields (bound to it, as DRF binds them), so no state is shared between requests.

    Only for serializers whose fields do not depend on the instance, context or request
    (``get_fields`` not overridden to do so) and hold no bound child field (lists, nested
    serializers, many-related fields): those are built the usual way, every time. Its model
    validators (unique-together, unique-for-date) are worked out once per class too."""

    def get_fields(self):
        cls = type(self)
        built = cls.__dict__.get("_fields_built_once")
        if built is None:
            built = super().get_fields()
            if any(
                isinstance(
                    field,
                    serializers.BaseSerializer
                    | serializers.ListField
                    | serializers.ManyRelatedField
                    | serializers.DictField
                    | serializers.HStoreField,
                )
                for field in built.values()
            ):
                return built
            cls._fields_built_once = built
        return {name: copy.copy(field) for name, field in built.items()}

    @cached_property
    def fields(self):
        """DRF's ``BindingDict`` of this serializer's fields, each a copy of the field built
        (``get_fields`` above) and bound (its name, label, source) once per process,
        given this serializer as its parent: the same fields as ``get_fields()`` bound one by
        one, at about a fifth of the CPU (``copy.copy`` and ``bind`` of 29 fields: ~0.1 ms of
        an incident's API create). A field whose ``bind`` does more is bound the usual way (all are)."""
        cls = type(self)
        templates = cls.__dict__.get("_fields_bound_once")
        if templates is None:
            fields = super().fields
            if "_fields_built_once" not in cls.__dict__ or any(
                    type(field).bind not in _NAMING_BINDS for field in fields.values()):
                cls._fields_bound_once = False
                return fields
            templates = {}
            for name, field in fields.items():
                template = templates[name] = copy.copy(field)
                template.parent = None  # bound to no serializer: each copy gets its own
            cls._fields_bound_once = templates
            return fields
        if templates is False:
            return super().fields
        fields = BindingDict(self)
        bound, new = fields.fields, object.__new__
        for name, template in templates.items():
            field = new(type(template))
            field.__dict__.update(template.__dict__)
            field.parent = self
            bound[name] = field
        return fields

    def get_validators(self):
        # ModelSerializer's (the model's unique-together and unique-for-date checks: none for
        # an incident today) depend on the class only: worked out once per process, not on
        # every request (~0.1 ms of an API create's CPU).
        cls = type(self)
        if "_validators_once" not in cls.__dict__:
            cls._validators_once = tuple(super().get_validators())
        return list(cls._validators_once)


class WholeItemMixin:
    """An item of a nested list (a calendar's hours, a policy's escalations, a postmortem's
    actions). Sending the list replaces it, so every item is validated whole, with its
    required keys, even inside a PATCH: DRF skips a missing key when the *root* serializer
    is partial, and the item's ``validate()`` then met a ``KeyError`` (a 500). A missing key
    is a 400 ``{"hours": [{"start": ["This field is required."]}]}``."""

    def run_validation(self, data=serializers.empty):
        if self.parent is None or data is serializers.empty or data is None:
            return super().run_validation(data)  # standalone (the copy below): DRF's own validation
        whole = type(self)(data=data, context=self.context)  # its own root: never partial
        whole.is_valid(raise_exception=True)
        return whole.validated_data


class ItemSerializer(WholeItemMixin, serializers.Serializer):
    """Base for the items of a nested, writable list (see ``WholeItemMixin``)."""
