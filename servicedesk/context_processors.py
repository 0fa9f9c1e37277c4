"""Navigation by role for the base layout."""

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from core.roles import STAFF_ROLES, Role, roles_of

# (label, url name, roles that see it). Apps add their entries as they arrive.
NAVIGATION = [
    (_("Home"), "home", STAFF_ROLES),
    (_("Incidents"), "incidents:queue", STAFF_ROLES),
    (_("Major incidents"), "major:list", STAFF_ROLES),
    (_("Problems"), "problems:list", STAFF_ROLES),
    # STAFF_ROLES includes CAB members: they read the changes they vote on, and the calendar.
    (_("Changes"), "changes:list", STAFF_ROLES),
    (_("Approvals"), "changes:approvals", frozenset({Role.CAB_MEMBER, Role.CHANGE_MANAGER})),
    # Service requests: the agents' queues. Approvers who are requesters find their approvals
    # on the portal (counting them for every page would cost a query per page).
    (_("Requests"), "requests:queue", STAFF_ROLES),
    (_("Phone"), "contactcenter:console", frozenset({Role.AGENT, Role.MANAGER})),
    (_("Alerts"), "monitoring:alerts", STAFF_ROLES),
    (_("Services"), "catalog:service-list", STAFF_ROLES),
    (_("Customers"), "catalog:customer-list", STAFF_ROLES),
    (_("Contacts"), "catalog:contact-list", STAFF_ROLES),
    (_("Complaints"), "crm:complaints", STAFF_ROLES),
    (_("Pipeline"), "crm:opportunities", STAFF_ROLES),
    (_("Knowledge"), "knowledge:articles", STAFF_ROLES),
    (_("Portal"), "portal:home", frozenset({Role.REQUESTER})),
    (_("Help centre"), "knowledge:help", frozenset({Role.REQUESTER})),
    (_("Notifications"), "notifications:list", frozenset({"authenticated"})),
    (_("SLA"), "sla:dashboard", frozenset({Role.MANAGER, Role.ADMIN})),
    (_("Dashboards"), "dashboards:index", frozenset({Role.MANAGER, Role.ADMIN})),
    (_("Wallboard"), "dashboards:wallboard", frozenset({Role.AGENT})),
    (_("Mailboxes"), "mail:mailboxes", frozenset({Role.ADMIN})),
    (_("Administration"), "admin:index", frozenset({Role.ADMIN})),
    (_("API"), "api-docs", STAFF_ROLES),
]


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": [], "user_roles": frozenset()}
    held = roles_of(user)
    items = []
    for label, url_name, roles in NAVIGATION:
        if "authenticated" in roles or held & roles:
            try:
                url = reverse(url_name)
            except NoReverseMatch:
                continue
            items.append({"label": label, "url": url, "active": request.path == url
                          or (url != "/" and request.path.startswith(url))})
    # One entry is current: the most specific (/changes/approvals/ rather than /changes/ too).
    current = max((item for item in items if item["active"]), key=lambda item: len(item["url"]), default=None)
    for item in items:
        item["active"] = item is current
    return {"nav_items": items, "user_roles": held}
