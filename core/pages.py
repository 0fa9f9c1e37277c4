"""Pieces the browser pages of every app share: staff-only views, and the message a page
shows when a service refused an action or lost a race."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django_fsm import ConcurrentTransition, TransitionNotAllowed

from .errors import DomainError
from .roles import is_staff_member

#: What a page catches from a service to show as a message (409) instead of an error page.
REFUSALS = (DomainError, ConcurrentTransition, TransitionNotAllowed)


def staff_only(message):
    """A view decorator: signed in (else the login page) and service desk staff (else 403
    with ``message``)."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not is_staff_member(request.user):
                raise PermissionDenied(str(message))
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def refusal_message(exc: Exception, lost_race: str) -> str:
    """The service's own words for a refusal; ``lost_race`` when someone else got there first."""
    return str(exc) if isinstance(exc, DomainError) else str(lost_race)
