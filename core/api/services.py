"""Calling a service from an API view: Django's errors become the API's."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework.exceptions import PermissionDenied, ValidationError


def drf_validation_error(exc: DjangoValidationError, under: str | None = None) -> ValidationError:
    """A service's field errors as a 400 (nested under ``under`` when given)."""
    detail = exc.message_dict if hasattr(exc, "message_dict") else {"detail": exc.messages}
    return ValidationError({under: detail} if under else detail)


def call_service(service, *, errors_under: str | None = None, **kwargs):
    """Run ``service(**kwargs)``: a ``ValidationError`` answers 400, ``PermissionDenied`` 403
    with its reason; domain errors go on to the exception handler (409)."""
    try:
        return service(**kwargs)
    except DjangoValidationError as exc:
        raise drf_validation_error(exc, errors_under) from exc
    except DjangoPermissionDenied as exc:
        raise PermissionDenied(str(exc)) from exc
