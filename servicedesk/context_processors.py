"""Navigation by role for the base layout: a few menus (Work, Changes, Customers, Reports,
Admin), the entries outside them (home, the portal), the notifications link with its badge
and the user menu (the API)."""

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils.translation import gettext_lazy as _

from core.roles import STAFF_ROLES, Role, roles_of

#: Where an entry sits: one of the menus, or one of these places in the top bar.
TOP, BELL, USER = "top", "bell", "user"

#: The menus, in the order the top bar shows them (a menu with no entry for the user is left out).
GROUPS = {
    "work": _("Work"),
    "changes": _("Changes"),
    "customers": _("Customers"),
    "reports": _("Reports"),
    "admin": _("Admin"),
}

# (label, url name, roles that see it, where it sits). Apps add their entries as they arrive.
NAVIGATION = [
    (_("Home"), "home", STAFF_ROLES, TOP),
    (_("Incidents"), "incidents:queue", STAFF_ROLES, "work"),
    (_("Major incidents"), "major:list", STAFF_ROLES, "work"),
    (_("Problems"), "problems:list", STAFF_ROLES, "work"),
    # STAFF_ROLES includes CAB members: they read the changes they vote on, and the calendar.
    (_("Changes"), "changes:list", STAFF_ROLES, "changes"),
    (_("Approvals"), "changes:approvals", frozenset({Role.CAB_MEMBER, Role.CHANGE_MANAGER}), "changes"),
    (_("Releases"), "changes:releases", STAFF_ROLES, "changes"),
    (_("Change proposals"), "changes:proposals", STAFF_ROLES, "changes"),
    # Service requests: the agents' queues. Approvers who are requesters find their approvals
    # on the portal (counting them for every page would cost a query per page).
    (_("Requests"), "requests:queue", STAFF_ROLES, "work"),
    (_("Phone"), "contactcenter:console", frozenset({Role.AGENT, Role.MANAGER}), "work"),
    (_("Dial lists"), "contactcenter:dial-lists", frozenset({Role.AGENT, Role.MANAGER}), "work"),
    (_("Alerts"), "monitoring:alerts", STAFF_ROLES, "work"),
    (_("Services"), "catalog:service-list", STAFF_ROLES, "customers"),
    (_("Customers"), "catalog:customer-list", STAFF_ROLES, "customers"),
    (_("Contacts"), "catalog:contact-list", STAFF_ROLES, "customers"),
    (_("Complaints"), "crm:complaints", STAFF_ROLES, "customers"),
    (_("Pipeline"), "crm:opportunities", STAFF_ROLES, "customers"),
    (_("Knowledge"), "knowledge:articles", STAFF_ROLES, "work"),
    (_("Portal"), "portal:home", frozenset({Role.REQUESTER}), TOP),
    (_("Help centre"), "knowledge:help", frozenset({Role.REQUESTER}), TOP),
    (_("Notifications"), "notifications:list", frozenset({"authenticated"}), BELL),
    (_("SLA"), "sla:dashboard", frozenset({Role.MANAGER, Role.ADMIN}), "reports"),
    (_("Dashboards"), "dashboards:index", frozenset({Role.MANAGER, Role.ADMIN}), "reports"),
    (_("Wallboard"), "dashboards:wallboard", frozenset({Role.AGENT}), "reports"),
    (_("Live calls"), "contactcenter:live-calls", frozenset({Role.MANAGER, Role.ADMIN}), "reports"),
    (_("Prompts"), "contactcenter:prompts", frozenset({Role.MANAGER, Role.ADMIN}), "admin"),
    (_("Canned replies"), "catalog:canned-replies", frozenset({Role.MANAGER, Role.ADMIN}), "admin"),
    (_("Mailboxes"), "mail:mailboxes", frozenset({Role.ADMIN}), "admin"),
    (_("Administration"), "admin:index", frozenset({Role.ADMIN}), "admin"),
    (_("Saved views"), "lists:views", STAFF_ROLES, USER),
    (_("API"), "api-docs", STAFF_ROLES, USER),
]

EMPTY = {"nav_items": [], "nav_top": [], "nav_groups": [], "nav_user": [], "nav_notifications": None,
         "user_roles": frozenset()}

#: NAVIGATION with each entry's address, by URL configuration and script prefix: the same for
#: every request of a process (an entry whose name does not reverse is left out). Reversing the
#: ~20 names of a staff member's menus cost ~0.4 ms of every page.
_resolved: dict[tuple[str, str], list[tuple]] = {}


def _entries() -> list[tuple]:
    """``(label, url, roles, group)`` for every entry of NAVIGATION that reverses."""
    key = (get_urlconf() or settings.ROOT_URLCONF, get_script_prefix())
    entries = _resolved.get(key)
    if entries is None:
        entries = []
        for label, url_name, roles, group in NAVIGATION:
            try:
                entries.append((label, reverse(url_name), roles, group))
            except NoReverseMatch:
                continue
        _resolved[key] = entries
    return entries


@receiver(setting_changed)
def _urls_changed(*, setting, **kwargs):
    if setting == "ROOT_URLCONF":
        _resolved.clear()


def navigation(request):
    """``nav_items``: every entry the user sees, in NAVIGATION's order (``label``, ``url``,
    ``active``, ``group``); the same entries by place: ``nav_top``, ``nav_groups`` (``key``,
    ``label``, ``items``, ``active``: the current page is in it), ``nav_user`` and
    ``nav_notifications``. Entries whose url does not reverse (an app not installed) are left out."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return dict(EMPTY)
    held = roles_of(user)
    items = []
    for label, url, roles, group in _entries():
        if "authenticated" in roles or held & roles:
            items.append({"label": label, "url": url, "group": group, "active": request.path == url
                          or (url != "/" and request.path.startswith(url))})
    # One entry is current: the most specific (/changes/approvals/ rather than /changes/ too).
    current = max((item for item in items if item["active"]), key=lambda item: len(item["url"]), default=None)
    for item in items:
        item["active"] = item is current
    groups = []
    for key, label in GROUPS.items():
        entries = [item for item in items if item["group"] == key]
        if entries:
            groups.append({"key": key, "label": label, "items": entries,
                           "active": any(item["active"] for item in entries)})
    return {
        "nav_items": items,
        "nav_top": [item for item in items if item["group"] == TOP],
        "nav_groups": groups,
        "nav_user": [item for item in items if item["group"] == USER],
        "nav_notifications": next((item for item in items if item["group"] == BELL), None),
        "user_roles": held,
    }
