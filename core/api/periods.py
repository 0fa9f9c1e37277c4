"""``from``/``to`` query parameters: a date or a datetime; ``from`` inclusive, ``to``
exclusive; a date alone is a UTC day; an instant without offset is UTC."""

from datetime import UTC, datetime, time, timedelta

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from rest_framework.exceptions import ValidationError


def parse_instant(value: str, name: str) -> datetime:
    value = value.strip()
    try:
        moment = parse_datetime(value)
        if moment is None:
            day = parse_date(value)
            if day is None:
                raise ValueError
            return datetime.combine(day, time(0), tzinfo=UTC)
    except ValueError as exc:
        raise ValidationError({name: [f"{value!r} is not a date (YYYY-MM-DD) or an ISO 8601 datetime."]}) from exc
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def parse_period(params, *, default_days: int = 30) -> tuple[datetime, datetime]:
    """The period named by ``params`` (a QueryDict); by default the last ``default_days``."""
    end = parse_instant(params["to"], "to") if params.get("to") else timezone.now()
    start = parse_instant(params["from"], "from") if params.get("from") else end - timedelta(days=default_days)
    if end <= start:
        raise ValidationError({"to": ["`to` must be after `from`."]})
    if end - start > timedelta(days=3660):
        raise ValidationError({"from": ["A period is at most ten years."]})
    return start, end
