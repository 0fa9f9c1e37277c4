"""A new ticket's clocks go to PostgreSQL as JSON (``sla.services.bulk._insert_new_sql``): each
value as the text psycopg would have sent, cast back by the column's type. The same stored
values for what psycopg adapts itself: durations (days kept apart from hours, negative ones),
instants, floats (JSON has no NaN), decimals, JSON fields (None is SQL's NULL)."""

import json
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from psycopg.types.json import Jsonb

from sla.services.bulk import _json_ready

pytestmark = pytest.mark.django_db


def _stored(sql_type: str, value) -> tuple[str, str]:
    """(psycopg's value, ours) as PostgreSQL writes them back as text."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT (%s::{sql_type})::text, ((%s::jsonb)->>0)::{sql_type}::text",
                       [value, json.dumps([_json_ready(value)])])
        return cursor.fetchone()


@pytest.mark.parametrize("value", [timedelta(0), timedelta(hours=8), timedelta(days=3, minutes=7),
                                   timedelta(days=1, microseconds=5), timedelta(seconds=-1),
                                   timedelta(days=-2, hours=3), timedelta(days=400, seconds=59.25)])
def test_a_duration_is_the_interval_psycopg_stores(value):
    ours, theirs = _stored("interval", value)
    assert ours == theirs


@pytest.mark.parametrize("value", [datetime(2026, 12, 7, 13, 29, 54, 123456, tzinfo=UTC),
                                   datetime(2026, 3, 29, 1, 0, tzinfo=UTC) + timedelta(hours=1)])
def test_an_instant_is_the_same_instant(value):
    ours, theirs = _stored("timestamptz", value)
    assert ours == theirs


@pytest.mark.parametrize("value", [1.5, 1e300, float("inf"), float("-inf"), float("nan")])
def test_floats_even_those_json_cannot_write(value):
    ours, theirs = _stored("float8", value)
    assert ours == theirs


def test_a_decimal_takes_psycopgs_own_text():
    ours, theirs = _stored("numeric", Decimal("12.3400"))
    assert ours == theirs == "12.3400"


def test_a_json_fields_value_is_embedded_and_none_is_null():
    assert _json_ready(Jsonb({"a": [1, 2.5, None]}, dumps=json.dumps)) == {"a": [1, 2.5, None]}
    assert _json_ready(Jsonb(["x"], dumps=lambda obj: json.dumps(obj, sort_keys=True))) == ["x"]
    with connection.cursor() as cursor:
        cursor.execute("SELECT NULLIF((%s::jsonb)->0, 'null'::jsonb) IS NULL", [json.dumps([_json_ready(None)])])
        assert cursor.fetchone()[0]
