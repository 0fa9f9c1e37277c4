"""The bodies monitoring systems post, read into one shape (:class:`ParsedAlert`), with the
checks that answer 400 (:class:`PayloadError`) or 413 (:class:`PayloadTooLarge`) before
anything is stored.

- **Alertmanager** webhook, version 4: ``{"version": "4", "groupKey", "status", "receiver",
  "alerts": [{"status", "labels", "annotations", "startsAt", "endsAt", "generatorURL",
  "fingerprint"}], ...}``.
- **Grafana** alerting's webhook contact point: the same family (``alerts[]`` with
  ``status``, ``labels``, ``annotations``, ``startsAt``, ``endsAt``, ``generatorURL``,
  ``fingerprint``, and ``valueString``, which is kept as an annotation).
- **Generic**: ``{"alerts": [{"fingerprint", "status", "title", "description", "severity",
  "labels", "annotations", "starts_at", "ends_at", "generator_url"}]}``.

Each shape's own spelling is read first and the other's accepted too (``startsAt`` or
``starts_at``), so a hand-written body is not refused for its style.

A missing fingerprint is computed from the labels exactly as Alertmanager computes its own
(``prometheus/common`` ``model.LabelSet.Fingerprint``: FNV-1a 64-bit over the label names
in byte order, each name and value followed by the separator byte 0xFF, written as 16
lower-case hexadecimal digits), so an alert posted with and without its fingerprint is the
same alert. A generic alert with no labels is fingerprinted as ``{alertname: <title>}``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from django.conf import settings
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from .choices import AlertStatus, SourceKind
from .models import FINGERPRINT_MAX

#: Limits per alert; past them the post answers 400 (the whole post: nothing is stored).
MAX_LABELS = 64
MAX_LABEL_NAME = 256
MAX_LABEL_VALUE = 2048
MAX_ANNOTATIONS = 64
MAX_ANNOTATION_VALUE = 16384
MAX_TITLE = 200
MAX_DESCRIPTION = 10000
MAX_SEVERITY = 32
MAX_URL = 2000
#: At most this many problems are listed in one 400 answer.
MAX_ERRORS = 20


def max_alerts() -> int:
    """Alerts one post may carry (``MONITORING_MAX_ALERTS``, default 1000); more answers 413."""
    return getattr(settings, "MONITORING_MAX_ALERTS", 1000)


def max_body_bytes() -> int:
    """The largest body read (``MONITORING_MAX_BODY_BYTES``, default 5 MiB); larger answers 413."""
    return getattr(settings, "MONITORING_MAX_BODY_BYTES", 5 * 1024 * 1024)


class PayloadError(Exception):
    """The body is not the declared shape: ``errors`` is ``{"field": ["message"]}``."""

    def __init__(self, errors: dict[str, list[str]]):
        super().__init__(errors)
        self.errors = errors


class PayloadTooLarge(Exception):
    """More alerts in one post than ``MONITORING_MAX_ALERTS``."""


@dataclass
class ParsedAlert:
    fingerprint: str
    status: str
    labels: dict[str, str]
    annotations: dict[str, str] = field(default_factory=dict)
    title: str = ""
    description: str = ""
    severity: str = ""
    generator_url: str = ""
    starts_at: datetime | None = None
    ends_at: datetime | None = None


# --- the fingerprint -------------------------------------------------------------------------
_FNV_OFFSET = 14695981039346656037
_FNV_PRIME = 1099511628211
_MASK = (1 << 64) - 1
_SEPARATOR = 0xFF


def fingerprint(labels: dict[str, str]) -> str:
    """Alertmanager's fingerprint of a label set (see the module): 16 hexadecimal digits."""
    value = _FNV_OFFSET
    for name in sorted(labels, key=lambda n: n.encode("utf-8")):
        for part in (name, labels[name]):
            for byte in part.encode("utf-8"):
                value = ((value ^ byte) * _FNV_PRIME) & _MASK
            value = ((value ^ _SEPARATOR) * _FNV_PRIME) & _MASK
    return f"{value:016x}"


# --- reading ---------------------------------------------------------------------------------
def _unstorable(value: str) -> bool:
    """NUL (PostgreSQL text and JSON refuse it) or a lone surrogate (JSON's "\\ud800" escape:
    not encodable as UTF-8)."""
    if "\x00" in value:
        return True
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


class _Errors:
    def __init__(self):
        self.found: dict[str, list[str]] = {}

    def add(self, where: str, message: str) -> None:
        if len(self.found) < MAX_ERRORS:
            self.found.setdefault(where, []).append(message)

    def __bool__(self) -> bool:
        return bool(self.found)


def _pick(item: dict, *names: str):
    for name in names:
        if name in item:
            return name, item[name]
    return names[0], None


def _text(value, where: str, errors: _Errors, *, limit: int, truncate: bool = False) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        errors.add(where, _("Expected text."))
        return ""
    if _unstorable(value):
        errors.add(where, _("Text may not contain NUL characters or invalid Unicode."))
        return ""
    if len(value) > limit:
        if truncate:
            return value[:limit]
        errors.add(where, _("At most %(limit)s characters.") % {"limit": limit})
        return ""
    return value


def _mapping(value, where: str, errors: _Errors, *, count: int, name_limit: int, value_limit: int) -> dict:
    if value is None:
        return {}
    if not isinstance(value, dict):
        errors.add(where, _("Expected an object of names and text values."))
        return {}
    if len(value) > count:
        errors.add(where, _("At most %(count)s entries.") % {"count": count})
        return {}
    result = {}
    for name, item in value.items():
        if not name or len(name) > name_limit or _unstorable(name):
            errors.add(where, _("Names must have 1 to %(limit)s characters.") % {"limit": name_limit})
            return {}
        if isinstance(item, bool) or not isinstance(item, str | int | float):
            errors.add(f"{where}.{name}"[:300], _("Expected text."))
            return {}
        item = str(item)
        if len(item) > value_limit or _unstorable(item):
            errors.add(f"{where}.{name}"[:300].encode("utf-8", "replace").decode("utf-8"),
                       _("At most %(limit)s characters, no NUL or invalid Unicode.") % {"limit": value_limit})
            return {}
        result[name] = item
    return result


def _when(value, where: str, errors: _Errors) -> datetime | None:
    if value in (None, ""):
        return None
    parsed = None
    if isinstance(value, str):
        try:
            parsed = parse_datetime(value)
        except ValueError:
            parsed = None
    if parsed is None:
        errors.add(where, _("Expected a date and time (RFC 3339), e.g. 2030-01-31T09:30:00Z."))
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    if parsed.year <= 1:  # Go's zero time: Alertmanager's "no end yet"
        return None
    return parsed


def _url(value) -> str:
    """Kept only when it is an http(s) address of sensible length; anything else is dropped
    (a bad link is no reason to lose the alert)."""
    if not isinstance(value, str) or len(value) > MAX_URL or _unstorable(value):
        return ""
    value = value.strip()
    return value if value.lower().startswith(("http://", "https://")) else ""


def parse(kind: str, body) -> list[ParsedAlert]:
    """The alerts of one post, or :class:`PayloadError` / :class:`PayloadTooLarge`."""
    if not isinstance(body, dict):
        raise PayloadError({"detail": [_("The body must be a JSON object with an \"alerts\" list.")]})
    errors = _Errors()
    if kind == SourceKind.ALERTMANAGER and "version" in body and str(body["version"]) != "4":
        errors.add("version", _("Only version 4 of Alertmanager's webhook body is understood."))
    items = body.get("alerts")
    if items is None:
        raise PayloadError({"alerts": [_("This field is required.")]})
    if not isinstance(items, list):
        raise PayloadError({"alerts": [_("Expected a list of alerts.")]})
    if len(items) > max_alerts():
        raise PayloadTooLarge(len(items))
    group_status = body.get("status") if body.get("status") in AlertStatus.values else None
    alerts = []
    for index, item in enumerate(items):
        where = f"alerts[{index}]"
        if not isinstance(item, dict):
            errors.add(where, _("Expected an object."))
            continue
        alert = _one(kind, item, where, errors, group_status)
        if alert is not None:
            alerts.append(alert)
    if errors:
        raise PayloadError(errors.found)
    return alerts


def _one(kind: str, item: dict, where: str, errors: _Errors, group_status: str | None) -> ParsedAlert | None:
    before = len(errors.found)
    status = item.get("status", group_status or (AlertStatus.FIRING if kind == SourceKind.GENERIC else None))
    if status not in AlertStatus.values:
        errors.add(f"{where}.status", _("Expected \"firing\" or \"resolved\"."))
    labels = _mapping(item.get("labels"), f"{where}.labels", errors, count=MAX_LABELS,
                      name_limit=MAX_LABEL_NAME, value_limit=MAX_LABEL_VALUE)
    annotations = _mapping(item.get("annotations"), f"{where}.annotations", errors, count=MAX_ANNOTATIONS,
                           name_limit=MAX_LABEL_NAME, value_limit=MAX_ANNOTATION_VALUE)
    value_string = item.get("valueString") if kind == SourceKind.GRAFANA else None
    if isinstance(value_string, str) and value_string and not _unstorable(value_string):
        annotations.setdefault("valueString", value_string[:MAX_ANNOTATION_VALUE])
    given_title = _text(item.get("title"), f"{where}.title", errors, limit=MAX_TITLE, truncate=True)
    title = (given_title or annotations.get("summary") or labels.get("alertname") or "")[:MAX_TITLE]
    name, value = _pick(item, "fingerprint")
    print_ = _text(value, f"{where}.{name}", errors, limit=FINGERPRINT_MAX).strip()
    if not print_:
        if not labels and not title:
            errors.add(where, _("Give labels, a title or a fingerprint: an alert needs something to be known by."))
        print_ = fingerprint(labels or {"alertname": title})
    description = _text(item.get("description"), f"{where}.description", errors, limit=MAX_DESCRIPTION,
                        truncate=True) or annotations.get("description", "")[:MAX_DESCRIPTION]
    severity = (_text(item.get("severity"), f"{where}.severity", errors, limit=MAX_SEVERITY, truncate=True)
                or labels.get("severity", ""))[:MAX_SEVERITY]
    starts_name, starts = _pick(item, "startsAt", "starts_at") if kind != SourceKind.GENERIC else \
        _pick(item, "starts_at", "startsAt")
    ends_name, ends = _pick(item, "endsAt", "ends_at") if kind != SourceKind.GENERIC else \
        _pick(item, "ends_at", "endsAt")
    _url_name, url = _pick(item, "generatorURL", "generator_url")
    starts_at = _when(starts, f"{where}.{starts_name}", errors)
    ends_at = _when(ends, f"{where}.{ends_name}", errors)
    if len(errors.found) > before:
        return None
    return ParsedAlert(fingerprint=print_, status=status, labels=labels, annotations=annotations,
                       title=title or _("Alert %(fingerprint)s") % {"fingerprint": print_},
                       description=description, severity=severity, generator_url=_url(url),
                       starts_at=starts_at, ends_at=ends_at)
