"""Who may open a page, where a page may send people back to, and what a page says when a
service refused an action or lost a race."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import AccessMixin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_fsm import ConcurrentTransition, TransitionNotAllowed

from ..errors import DomainError
from ..roles import has_role, is_staff_member

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


class StaffRequiredMixin(AccessMixin):
    """``staff_only`` for class-based views: signed in (else the login page) and service
    desk staff (else 403 with ``staff_message``)."""

    staff_message = "Only service desk staff can see this page."

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not is_staff_member(request.user):
            raise PermissionDenied(str(self.staff_message))
        return super().dispatch(request, *args, **kwargs)


def roles_only(*roles: str, message):
    """A view decorator: signed in (else the login page) and holding one of ``roles`` (else
    403 with ``message``)."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not has_role(request.user, *roles):
                raise PermissionDenied(str(message))
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


class RolesRequiredMixin(AccessMixin):
    """``roles_only`` for class-based views: signed in and holding one of ``roles`` (else 403
    with ``roles_message``). A signed-out HTMX request (a panel polling after the session
    ended) sends the whole page to the login page, not the login form into the panel."""

    roles: frozenset[str] = frozenset()
    roles_message = "You may not see this page."

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            response = self.handle_no_permission()
            if getattr(request, "htmx", False):
                return HttpResponse(headers={"HX-Redirect": response["Location"]})
            return response
        if not has_role(request.user, *self.roles):
            raise PermissionDenied(str(self.roles_message))
        return super().dispatch(request, *args, **kwargs)


#: What a page says when someone else changed the record first (a view names its record).
LOST_RACE = gettext_lazy("Someone else changed this meanwhile.")


def refusal_message(exc: Exception, lost_race: str = LOST_RACE, *, states=None, current: str | None = None) -> str:
    """The service's own words for a refusal; ``lost_race`` when someone else got there first.
    With ``states`` (the record's status choices), also where the record stands now: the
    status the refusal names, else ``current``."""
    text = str(exc) if isinstance(exc, DomainError) else str(lost_race)
    status = getattr(exc, "status", None) or current
    if states is not None and status in states.values:
        text = _("%(reason)s It is now %(status)s.") % {"reason": text, "status": states(status).label.lower()}
    return text


def safe_next(request, fallback: str) -> str:
    """The ``next`` the form or the address names, if it stays on this site; else ``fallback``."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return fallback


def is_partial(request, target: str) -> bool:
    """An HTMX request aimed at the element ``target`` (not a history restore): answer it with
    that element alone."""
    htmx = getattr(request, "htmx", None)
    return bool(htmx and htmx.target == target and not htmx.history_restore_request)
