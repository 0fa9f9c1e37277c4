"""JSON request bodies with a guard on size and depth.

Python's JSON decoder recurses once per nesting level: a body such as ``"[" * 100000``
exhausts the stack (``RecursionError``, a 500). No resource takes input nested more than a
few levels, so a body nested deeper than ``API_JSON_MAX_DEPTH`` (default 64) or larger than
``API_JSON_MAX_BYTES`` (default 2.5 MB, Django's own ``DATA_UPLOAD_MAX_MEMORY_SIZE``) is
refused with a 400 ``{"detail", "code": "too_deep" | "too_large"}`` before it is decoded.
"""

import re

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework import parsers
from rest_framework.exceptions import ParseError
from rest_framework.utils import json

DEFAULT_MAX_DEPTH = 64
DEFAULT_MAX_BYTES = 2_621_440

# A JSON string (skipped whole, so brackets inside it do not count) or a bracket.
_STRING_OR_BRACKET = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]')


def nesting_exceeds(text: str, limit: int) -> bool:
    """Whether JSON ``text`` opens more than ``limit`` arrays/objects inside each other."""
    if text.count("[") + text.count("{") <= limit:
        return False
    depth = 0
    for match in _STRING_OR_BRACKET.finditer(text):
        found = match.group()
        if found in "[{":
            depth += 1
            if depth > limit:
                return True
        elif found in "]}":
            depth -= 1
    return False


class JSONParser(parsers.JSONParser):
    """DRF's JSON parser (same media type, same strictness) that refuses bodies too large or
    too deeply nested with a clear 400 instead of running out of memory or stack."""

    def parse(self, stream, media_type=None, parser_context=None):
        parser_context = parser_context or {}
        encoding = parser_context.get("encoding", settings.DEFAULT_CHARSET)
        max_bytes = getattr(settings, "API_JSON_MAX_BYTES", DEFAULT_MAX_BYTES)
        max_depth = getattr(settings, "API_JSON_MAX_DEPTH", DEFAULT_MAX_DEPTH)
        raw = stream.read(max_bytes + 1)
        if len(raw) > max_bytes:
            raise ParseError(_("The JSON body is larger than %(limit)s bytes.") % {"limit": max_bytes},
                             code="too_large")
        try:
            text = raw.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise ParseError(_("The body is not valid %(encoding)s text.") % {"encoding": encoding},
                             code="parse_error") from exc
        if nesting_exceeds(text, max_depth):
            raise ParseError(_("The JSON body is nested more than %(limit)s levels deep.") % {"limit": max_depth},
                             code="too_deep")
        try:
            return json.loads(text, parse_constant=json.strict_constant if self.strict else None)
        except RecursionError as exc:  # belt and braces: the scan above should have caught it
            raise ParseError(_("The JSON body is nested too deeply."), code="too_deep") from exc
        except ValueError as exc:
            raise ParseError(f"JSON parse error - {exc}", code="parse_error") from exc
