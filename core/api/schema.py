"""The OpenAPI schema tells the whole truth about every operation, errors included.

drf-spectacular documents an operation's success response only; clients (and the fuzz test,
``tests/test_api_fuzz.py``) also meet the error answers API.md promises. ``AutoSchema`` adds
them to every operation, with the shapes the exception handler (``exceptions.py``) gives:

- 400 ``{"field": ["message"]}`` (nested for nested input) or ``{"detail", "code"}``;
- 401, 403, 404, 429 ``{"detail", "code"}`` (429 with ``retry_after_seconds``);
- 409 ``{"detail", "code", "status"}`` on writes (a transition refused or a race lost);
- 415 ``{"detail", "code"}`` on writes whose body is in a media type the operation does not read.
"""

from drf_spectacular import openapi
from drf_spectacular.utils import inline_serializer
from rest_framework import permissions, serializers

ERROR_SCHEMA = {
    "type": "object",
    "properties": {
        "detail": {"type": "string"},
        "code": {"type": "string"},
        "status": {"type": "string", "description": "the record's current status (409)"},
        "retry_after_seconds": {"type": "integer", "description": "when to try again (429)"},
    },
    "required": ["detail", "code"],
}
VALIDATION_ERROR_SCHEMA = {
    "type": "object",
    "description": 'Field errors `{"field": ["message"]}` (nested objects and lists for nested input), '
    'or `{"detail": "...", "code": "..."}`.',
    "additionalProperties": {},
}

ErrorSerializer = inline_serializer("Error", fields={
    "detail": serializers.CharField(),
    "code": serializers.CharField(),
    "status": serializers.CharField(required=False, help_text="the record's current status (409)"),
    "retry_after_seconds": serializers.IntegerField(required=False, help_text="when to try again (429)"),
})


class AutoSchema(openapi.AutoSchema):
    """drf-spectacular's schema, with the error responses every operation may give."""

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if direction != "response":
            return responses
        for code in self._error_codes():
            if code not in responses:
                schema = VALIDATION_ERROR_SCHEMA if code == "400" else ErrorSerializer
                responses[code] = self._get_response_for_code(schema, code, direction=direction)
        return responses

    def _error_codes(self) -> list[str]:
        method = self.method.upper()
        codes = ["400"]
        if not self._allows_anyone():
            codes += ["401", "403"]
        if "{" in self.path or method == "GET":
            codes.append("404")  # a record that does not exist (or is not yours), a page past the end
        if method in {"POST", "PUT", "PATCH", "DELETE"}:
            codes.append("409")
        if method in {"POST", "PUT", "PATCH"}:
            codes.append("415")  # a body in a media type the operation does not read
        codes.append("429")
        return codes

    def _allows_anyone(self) -> bool:
        """Open to anyone and reading no credentials: then neither 401 nor 403 can happen. An
        operation open to anyone that still reads credentials (an article's feedback records
        who gave it) answers 401 to a bad token and 403 to a session without its CSRF token."""
        classes = getattr(self.view, "permission_classes", [])
        anyone = bool(classes) and all(cls is permissions.AllowAny for cls in classes)
        return anyone and not getattr(self.view, "authentication_classes", None)
