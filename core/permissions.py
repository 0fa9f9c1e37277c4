"""API permissions by role. Each class answers 403 with a reason that says what is needed.

A record the caller may not see does not exist for them: on a route that names one
(``<resource>/<id>/…``), a refusal first checks that the caller sees the record through the
view's own queryset (what ``get_object`` would find) and answers 404 when they do not, so
the 403 and its reason are only ever given about a record the caller can see. A caller whose
role may not read the resource at all gets 403 whatever the id: no existence is revealed
either way."""

from django.core.exceptions import ValidationError
from rest_framework import exceptions, permissions

from .roles import STAFF_ROLES, Role, roles_of


def refuse_unless_visible(request, view) -> bool:
    """Called where a permission refuses a caller who may read the resource: raise 404 when
    the route names a record the caller does not see (or that does not exist); otherwise
    return False, the refusal (403 with the permission's message)."""
    lookup = getattr(view, "lookup_url_kwarg", None) or getattr(view, "lookup_field", None)
    value = (getattr(view, "kwargs", None) or {}).get(lookup) if lookup else None
    if value is None or not hasattr(view, "get_queryset"):
        return False
    try:
        visible = view.get_queryset().filter(**{view.lookup_field: value}).exists()
    except (TypeError, ValueError, ValidationError):  # not an id at all
        visible = False
    if not visible:
        raise exceptions.NotFound()
    return False


class RolePermission(permissions.BasePermission):
    """Reads need one of the view's ``read_roles``; writes one of its ``write_roles``.

    Views declare ``read_roles``/``write_roles`` (sets of role names). The special value
    ``"authenticated"`` in ``read_roles`` lets any signed-in user read; what they see is
    then narrowed by the view's queryset (requesters see only their own records).
    """

    default_read = STAFF_ROLES
    default_write = frozenset({Role.ADMIN})

    def has_permission(self, request, view) -> bool:
        if not request.user or not request.user.is_authenticated:
            return False
        held = roles_of(request.user)
        if request.method in permissions.SAFE_METHODS:
            needed = getattr(view, "read_roles", self.default_read)
        else:
            needed = getattr(view, "write_roles", self.default_write)
            action_roles = getattr(view, "action_roles", {}).get(getattr(view, "action", None))
            if action_roles is not None:
                needed = action_roles
        if "authenticated" in needed or held & set(needed):
            return True
        self.message = "This needs one of the roles: " + ", ".join(sorted(needed)) + "."
        readers = getattr(view, "read_roles", self.default_read)
        if request.method not in permissions.SAFE_METHODS and ("authenticated" in readers or held & set(readers)):
            return refuse_unless_visible(request, view)
        return False


class IsStaffRole(RolePermission):
    """Default: staff roles read, admins write."""


class IsAdminRole(permissions.BasePermission):
    message = "Only administrators may do this."

    def has_permission(self, request, view) -> bool:
        return Role.ADMIN in roles_of(request.user)
