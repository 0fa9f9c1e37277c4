"""``{% all_hands major %}``: the war room's "Help on the phones" card (issue 24.11): the
one-click join for staff outside the contact center while the major incident is active,
the leave for a helper, and for managers who is helping and how many calls each took."""

from django import template

from core.roles import Role, has_role, is_staff_member
from incidents.choices import ACTIVE_MAJOR_STATUSES

from ..all_hands import helpers_of, standing

register = template.Library()


@register.inclusion_tag("contactcenter/_all_hands.html", takes_context=True)
def all_hands(context, major):
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not is_staff_member(user):
        return {"show": False}
    helping, skilled = standing(user)  # one query
    helping_here = helping == major.pk
    offer = helping is None and not skilled and major.status in ACTIVE_MAJOR_STATUSES
    manager = has_role(user, Role.MANAGER, Role.ADMIN) or major.manager_id == user.pk
    helpers = list(helpers_of(major)) if manager else []
    return {"show": offer or helping_here or bool(helpers), "major": major, "offer": offer,
            "helping_here": helping_here, "manager": manager, "helpers": helpers, "request": request,
            "csrf_token": context.get("csrf_token")}
