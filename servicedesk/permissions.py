"""API permissions by role. Each class answers 403 with a reason that says what is needed."""

from rest_framework import permissions

from .roles import STAFF_ROLES, Role, roles_of


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
        return False


class IsStaffRole(RolePermission):
    """Default: staff roles read, admins write."""


class IsAdminRole(permissions.BasePermission):
    message = "Only administrators may do this."

    def has_permission(self, request, view) -> bool:
        return Role.ADMIN in roles_of(request.user)
