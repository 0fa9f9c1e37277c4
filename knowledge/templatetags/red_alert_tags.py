"""Red Alert on the customer's screens: while a major incident is public (active, with a
public update), the portal and the help centre show a banner per outage — the affected
services, the latest public update — and a one-click "Me too" that links the signed-in
customer to the master instead of opening a new ticket.

    {% load red_alert_tags %}
    {% red_alert_banner %}                    the banner (nothing when all is well)
    {% red_alert_banner form=True %}          the notice a ticket form shows (same data)
"""

from django import template

from incidents.services.suspected import red_alerts_cached

register = template.Library()


@register.inclusion_tag("knowledge/_red_alert.html", takes_context=True)
def red_alert_banner(context, form: bool = False):
    request = context.get("request")
    return {"alerts": red_alerts_cached(), "form": form, "user": getattr(request, "user", None),
            "csrf_token": context.get("csrf_token"), "here": request.get_full_path() if request else ""}
