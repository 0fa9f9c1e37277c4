"""Serializer fields shared by every app's API."""

from datetime import UTC, date, datetime

from django.utils.dateparse import parse_date, parse_datetime
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from rest_framework import serializers


class DayField(serializers.DateField):
    """A day: given as a date (``2026-05-01``) or as an ISO 8601 datetime, of which the UTC
    day is kept (as API.md's period parameters read a date alone as a UTC day, and an
    instant without offset as UTC); always answered as a date."""

    default_error_messages = {
        "invalid": "Give a date (YYYY-MM-DD) or an ISO 8601 datetime.",
    }

    def to_internal_value(self, value):
        if isinstance(value, datetime):
            moment = value
        elif isinstance(value, date):
            return value
        elif isinstance(value, str):
            text = value.strip()
            try:
                day = parse_date(text)
                moment = None if day is not None else parse_datetime(text)
            except ValueError:  # well formed but impossible (2026-02-30)
                self.fail("invalid")
            if day is not None:
                return day
        else:
            self.fail("invalid")
        if moment is None:
            self.fail("invalid")
        return (moment.astimezone(UTC) if moment.tzinfo else moment).date()


class DayFieldSchema(OpenApiSerializerFieldExtension):
    """In the schema: a date or a datetime in, a date out."""

    target_class = DayField

    def map_serializer_field(self, auto_schema, direction):
        schema = {"type": "string", "format": "date"}
        if direction == "request":
            schema = {"type": "string", "anyOf": [{"format": "date"}, {"format": "date-time"}],
                      "description": "a date (YYYY-MM-DD) or an ISO 8601 datetime, of which the UTC day is kept"}
        if self.target.allow_null:
            schema["nullable"] = True
        if self.target.help_text:
            schema["description"] = str(self.target.help_text)
        return schema
