"""One exception handler for the whole API, giving the error shapes API.md promises.

- 400: ``{"field": ["message"]}`` or ``{"detail": "...", "code": "..."}``
- 401/403/404/429: ``{"detail": "...", "code": "..."}``
- 409: ``{"detail": "...", "code": "invalid_transition" | "conflict", "status": "<current>"}``;
  a record that is not a state machine has no current status: deleting one that other
  records still use answers ``status: "in_use"``, and a duplicate of an existing record
  (a unique constraint) ``status: "exists"``
- anything else under ``/api/`` (no route, an unhandled error) answers the same JSON shape
  through ``api_page_not_found`` and ``api_server_error`` (``handler404``/``handler500``)
"""

import logging

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError, IntegrityError
from django.db.models import ProtectedError, RestrictedError
from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from django.views import defaults
from django_fsm import ConcurrentTransition, TransitionNotAllowed
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from core.errors import ConflictError, InvalidTransitionError

logger = logging.getLogger(__name__)


class Conflict(exceptions.APIException):
    """A transition not allowed from the current state, or a lost concurrent race."""

    status_code = status.HTTP_409_CONFLICT
    default_detail = "The record changed or is in a state that does not allow this."
    default_code = "conflict"

    def __init__(self, detail=None, code=None, current_status=None):
        super().__init__(detail=detail, code=code)
        self.current_status = current_status


class InvalidTransition(Conflict):
    default_detail = "This action is not allowed in the record's current state."
    default_code = "invalid_transition"


def _detail(exc: exceptions.APIException) -> dict:
    codes = exc.get_codes()
    return {"detail": str(exc.detail), "code": codes if isinstance(codes, str) else exc.default_code}


def exception_handler(exc, context):
    if isinstance(exc, InvalidTransitionError):
        exc = InvalidTransition(str(exc), current_status=exc.status)
    elif isinstance(exc, ConflictError):
        exc = Conflict(str(exc), current_status=exc.status)
    elif isinstance(exc, TransitionNotAllowed):
        current = getattr(getattr(exc, "object", None), "status", None)
        exc = InvalidTransition(current_status=current)
    elif isinstance(exc, ConcurrentTransition):
        exc = Conflict("Someone else changed this record first; reload it and try again.")
    if isinstance(exc, DjangoValidationError):
        if hasattr(exc, "message_dict"):
            exc = exceptions.ValidationError(exc.message_dict)
        else:
            exc = exceptions.ValidationError({"detail": exc.messages, "code": "invalid"})
    elif isinstance(exc, ProtectedError | RestrictedError):
        # Deleting a record others still point at (PROTECT/RESTRICT): nothing was deleted.
        users = getattr(exc, "protected_objects", None) or getattr(exc, "restricted_objects", None) or ()
        kinds = ", ".join(sorted({str(obj._meta.verbose_name_plural) for obj in users}))
        exc = Conflict(_("It is still in use by other records (%(kinds)s); it cannot be deleted.") % {"kinds": kinds}
                       if kinds else _("It is still in use by other records; it cannot be deleted."),
                       current_status="in_use")
    elif isinstance(exc, IntegrityError):
        # A unique constraint lost a race with a concurrent request: nothing was saved.
        logger.info("integrity error answered as 409: %s", exc)
        exc = Conflict("This conflicts with a record that already exists.", current_status="exists")
    elif isinstance(exc, DataError):
        # Values the database refuses (out of range, NUL bytes...) are bad input, not a 500.
        exc = exceptions.ValidationError({"detail": "A value is not valid.", "code": "invalid"})
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(str(exc) or None)

    response = drf_exception_handler(exc, context)
    if response is None:
        return None

    if isinstance(exc, exceptions.ValidationError):
        data = exc.detail
        if isinstance(data, list):
            data = {"detail": " ".join(str(item) for item in data), "code": "invalid"}
        elif isinstance(data, dict) and set(data) in ({"detail", "code"}, {"detail"}):
            code = data.get("code") or "invalid"  # `{"detail": [...]}` alone gains its code
            data = {"detail": " ".join(map(str, data["detail"]))
                    if isinstance(data["detail"], list) else str(data["detail"]),
                    "code": str(code[0] if isinstance(code, list) else code)}
        response.data = data
        return response

    if isinstance(exc, exceptions.APIException):
        body = _detail(exc)
        if isinstance(exc, Conflict) and exc.current_status is not None:
            body["status"] = exc.current_status
        if isinstance(exc, exceptions.Throttled) and exc.wait is not None:
            body["retry_after_seconds"] = int(exc.wait) + 1
        response.data = body
    return response


def json_error(status_code: int, detail: str, code: str) -> Response:
    return Response({"detail": detail, "code": code}, status=status_code)


# --- errors raised outside the API's views (no route matched, an unhandled exception) -----------
def _under_api(request) -> bool:
    return request.path_info.startswith("/api/")


def _json(status_code: int, detail: str, code: str) -> JsonResponse:
    return JsonResponse({"detail": detail, "code": code}, status=status_code)


def api_bad_request(request, exception, template_name=defaults.ERROR_400_TEMPLATE_NAME):
    if _under_api(request):
        return _json(400, _("Bad request."), "bad_request")
    return defaults.bad_request(request, exception, template_name)


def api_permission_denied(request, exception, template_name=defaults.ERROR_403_TEMPLATE_NAME):
    if _under_api(request):
        return _json(403, _("You do not have permission to perform this action."), "permission_denied")
    return defaults.permission_denied(request, exception, template_name)


def api_page_not_found(request, exception, template_name=defaults.ERROR_404_TEMPLATE_NAME):
    """``handler404``: an unknown path under ``/api/`` answers the API's JSON 404."""
    if _under_api(request):
        return _json(404, _("Not found."), "not_found")
    return defaults.page_not_found(request, exception, template_name)


def api_server_error(request, template_name=defaults.ERROR_500_TEMPLATE_NAME):
    """``handler500``: an unhandled error under ``/api/`` answers JSON (Django has already
    logged it and sent ``got_request_exception``); the pages keep the HTML error page."""
    if _under_api(request):
        return _json(500, _("A server error occurred."), "server_error")
    return defaults.server_error(request, template_name)
