"""``GET /api/v1/incidents/``'s rows without a serializer per row (issue 23).

:class:`IncidentSerializer` writes each row by asking every one of its ~30 fields for its
attribute (``Field.get_attribute``: a walk along the source, a ``PKOnlyObject`` for each
related record) and its representation, and its SLA clocks with a new ``DateTimeField`` and
the calendar's rules rebuilt for each running clock: at 50 rows, a third of the list's CPU.

:class:`ListRows` reads the same serializer's fields once a request and compiles one step
per field: the attribute read directly where the field's source is a plain attribute (a
related record's id from its column, as ``PrimaryKeyRelatedField`` does), then the field's
own ``to_representation`` (or ``int``/``str``, which is what ``IntegerField``/``CharField``
do); any other field goes through its own ``get_attribute`` as the serializer would. ``None``
stays ``None``, as in ``Serializer.to_representation``. The clocks are
``SLATimersField``'s, with one ``now`` and one set of calendar rules a page, from the page's
timers read as plain values (``sla.selectors.page_timers``: ``TimerValues``, the same
``sla.selectors.clock``).

So a field added to the serializer is in the list too. ``incidents/tests/test_api_list_rows.py``
holds the rows to ``IncidentSerializer(many=True).data`` (JSON, byte for byte) over every
status, clock state and null; ``/api/schema/`` still describes the serializer.
"""

from __future__ import annotations

from datetime import datetime
from operator import attrgetter

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.utils import timezone
from rest_framework import fields as drf_fields
from rest_framework import relations
from rest_framework.fields import SkipField
from rest_framework.settings import ISO_8601, api_settings

from sla.selectors import clock

from . import serializers


def _plain_source(field) -> str | None:
    """The attribute a field reads when its source is a plain attribute and it reads it the
    way ``Field.get_attribute`` does, else None."""
    attrs = field.source_attrs
    if len(attrs) != 1 or field.source == "*" or type(field).get_attribute is not drf_fields.Field.get_attribute:
        return None
    return attrs[0]


def _pk_column(field, model) -> str | None:
    """The column a ``PrimaryKeyRelatedField`` answers (``service`` → ``service_id``, what its
    ``PKOnlyObject`` holds), when it does so unchanged; else None."""
    kind = type(field)
    if (
        not isinstance(field, relations.PrimaryKeyRelatedField)
        or field.pk_field is not None
        or kind.get_attribute is not relations.RelatedField.get_attribute
        or kind.to_representation is not relations.PrimaryKeyRelatedField.to_representation
        or not field.use_pk_only_optimization()
        or len(field.source_attrs) != 1
    ):
        return None
    try:
        model_field = model._meta.get_field(field.source_attrs[0])
    except FieldDoesNotExist:
        return None
    return model_field.attname if model_field.many_to_one or model_field.one_to_one else None


#: Fields whose representation is a plain conversion (their own ``to_representation``).
PLAIN = {drf_fields.IntegerField.to_representation: int, drf_fields.CharField.to_representation: str}


def datetime_writer(field):
    """``field.to_representation`` for an aware datetime, with the request's time zone read
    once (``DateTimeField`` reads the settings, the active zone and the output format for every
    value: a tenth of the list's CPU at ~200 dates a page), when the field is DRF's own
    ``DateTimeField`` writing ISO 8601 in the active zone; else the field's own. Anything but
    an aware datetime goes through the field."""
    kind = type(field)
    if (
        not isinstance(field, drf_fields.DateTimeField)
        or kind.to_representation is not drf_fields.DateTimeField.to_representation
        or kind.enforce_timezone is not drf_fields.DateTimeField.enforce_timezone
        or kind.default_timezone is not drf_fields.DateTimeField.default_timezone
        or hasattr(field, "timezone")
        or not settings.USE_TZ
        or str(getattr(field, "format", api_settings.DATETIME_FORMAT) or "").lower() != ISO_8601
    ):
        return field.to_representation
    zone, slow = timezone.get_current_timezone(), field.to_representation

    def write(value):
        if not isinstance(value, datetime) or value.utcoffset() is None:
            return slow(value)
        try:
            text = value.astimezone(zone).isoformat()
        except OverflowError:
            return slow(value)
        return text[:-6] + "Z" if text.endswith("+00:00") else text

    return write


class ListRows:
    """Rows of the incident list as ``serializer`` (an :class:`IncidentSerializer` bound to
    the request) writes them; call it with the page."""

    def __init__(self, serializer):
        model = serializer.Meta.model
        self.clocks = PageClocks()
        self.steps = []  # (name, how, reader, writer)
        for name, field in serializer.fields.items():
            if field.write_only:
                continue
            column = _pk_column(field, model)
            if column is not None:
                self.steps.append((name, "value", attrgetter(column), None))
                continue
            if isinstance(field, serializers.PageTimersField):
                self.steps.append((name, "field", field, self.clocks))
                continue
            attr = _plain_source(field)
            if attr is None:
                self.steps.append((name, "field", field, field.to_representation))
                continue
            writer = PLAIN.get(type(field).to_representation) or datetime_writer(field)
            self.steps.append((name, "value", attrgetter(attr), writer))

    def __call__(self, page) -> list[dict]:
        return [self.row(incident) for incident in page]

    def row(self, incident) -> dict:
        out = {}
        for name, how, reader, writer in self.steps:
            if how == "value":
                value = reader(incident)
                out[name] = None if value is None else (value if writer is None else writer(value))
                continue
            try:  # the field's own reading, as Serializer.to_representation does it
                value = reader.get_attribute(incident)
            except SkipField:
                continue
            check = value.pk if isinstance(value, relations.PKOnlyObject) else value
            out[name] = None if check is None else writer(value)
        return out


class PageClocks:
    """``SLATimersField.to_representation`` for a page: the same keys and values, with one
    ``now``, one ``DateTimeField`` and each calendar's rules (``spec()``) built once."""

    def __init__(self):
        self.now = timezone.now()
        self.due = datetime_writer(drf_fields.DateTimeField())
        self.specs = {}

    def spec(self, calendar):
        spec = self.specs.get(id(calendar))
        if spec is None:
            spec = self.specs[id(calendar)] = (calendar, calendar.spec())  # keep the calendar: id() stays its own
        return spec[1]

    def __call__(self, manager) -> list[dict]:
        out = []
        for timer in manager.all():
            c = clock(timer, self.now, self.spec(timer.calendar))
            out.append(
                {
                    "metric": c.metric,
                    "status": c.status,
                    "due_at": self.due(c.due_at) if c.due_at else None,
                    "remaining_seconds": c.remaining_seconds,
                    "breached": c.breached,
                }
            )
        return out
