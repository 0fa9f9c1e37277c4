"""The events endpoint's body: JSON, at most ``MONITORING_MAX_BODY_BYTES`` (413 past it, read
no further), nested at most ``API_JSON_MAX_DEPTH`` levels (400). Monitoring systems are not
always careful with ``Content-Type``: any type is read as JSON."""

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework import exceptions, parsers, status
from rest_framework.exceptions import ParseError
from rest_framework.utils import json

from core.api.parsers import DEFAULT_MAX_DEPTH, nesting_exceeds

from ..payloads import max_alerts, max_body_bytes


class TooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "The body is too large."
    default_code = "too_large"


def body_too_large() -> TooLarge:
    return TooLarge(_("The body is larger than %(limit)s bytes, the most one post may carry "
                      "(MONITORING_MAX_BODY_BYTES).") % {"limit": max_body_bytes()})


def too_many_alerts(count: int) -> TooLarge:
    return TooLarge(_("%(count)s alerts in one post; at most %(limit)s are taken (MONITORING_MAX_ALERTS). "
                      "Send them in smaller groups (Alertmanager: max_alerts).") % {"count": count,
                                                                                   "limit": max_alerts()})


class AlertsJSONParser(parsers.BaseParser):
    media_type = "application/json"

    def parse(self, stream, media_type=None, parser_context=None):
        if stream is None:
            raise ParseError(_("The body is empty: post a JSON object with an \"alerts\" list."), code="empty")
        limit = max_body_bytes()
        raw = stream.read(limit + 1)
        if len(raw) > limit:
            raise body_too_large()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ParseError(_("The body is not valid UTF-8 text."), code="parse_error") from exc
        if not text.strip():
            raise ParseError(_("The body is empty: post a JSON object with an \"alerts\" list."), code="empty")
        if nesting_exceeds(text, getattr(settings, "API_JSON_MAX_DEPTH", DEFAULT_MAX_DEPTH)):
            raise ParseError(_("The JSON body is nested too deeply."), code="too_deep")
        try:
            return json.loads(text, parse_constant=json.strict_constant)
        except RecursionError as exc:
            raise ParseError(_("The JSON body is nested too deeply."), code="too_deep") from exc
        except ValueError as exc:
            raise ParseError(_("The body is not JSON: %(error)s") % {"error": exc}, code="parse_error") from exc


class AnyTypeAlertsParser(AlertsJSONParser):
    """The same, for a post sent with another (or no) Content-Type."""

    media_type = "*/*"
