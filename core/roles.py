"""The roles people hold. Each role is a Django group, created by a data migration
(``servicedesk/migrations/0001_roles.py``) and assigned through the ``users/`` API."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    REQUESTER = "requester", _("Requester")
    AGENT = "agent", _("Agent")
    MANAGER = "manager", _("Manager")
    CHANGE_MANAGER = "change_manager", _("Change manager")
    CAB_MEMBER = "cab_member", _("CAB member")
    ADMIN = "admin", _("Administrator")


#: Roles that work inside the service desk (everyone but requesters).
STAFF_ROLES = frozenset(
    {Role.AGENT, Role.MANAGER, Role.CHANGE_MANAGER, Role.CAB_MEMBER, Role.ADMIN}
)


def roles_of(user) -> frozenset[str]:
    """The role names a user holds, read once per request and cached on the user."""
    if user is None or not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_sd_roles", None)
    if cached is None:
        cached = remember_roles(user, user.groups.values_list("name", flat=True))
    return cached


def remember_roles(user, group_names) -> frozenset[str]:
    """Keep on ``user`` the roles its groups ``group_names`` give (read by whoever loaded the
    user: the API's token authentication reads them with the token), for :func:`roles_of`."""
    valid = set(Role.values)
    roles = frozenset(name for name in group_names if name in valid)
    if user.is_superuser:
        roles = roles | {Role.ADMIN}
    user._sd_roles = roles
    return roles


def has_role(user, *roles: str) -> bool:
    return bool(roles_of(user) & set(roles))


def is_staff_member(user) -> bool:
    """True for agents, managers, change managers, CAB members and admins."""
    return bool(roles_of(user) & STAFF_ROLES)


def is_admin(user) -> bool:
    return has_role(user, Role.ADMIN)
