"""The monitoring sections other apps' pages include (their templates load this library; the
incidents and changes apps import nothing of monitoring):

    {% load monitoring_tags %}
    {% incident_alerts incident %}          the alerts on an incident: labels, annotations, link
    {% change_suppressed_alerts change %}   the alerts a change's window held back

Each renders nothing when there is nothing to show, and costs one query (two past 50 rows).
"""

from django import template
from django.urls import NoReverseMatch, reverse

from ..selectors import alerts_of_incident, alerts_suppressed_by

register = template.Library()


def _log_url(**params) -> str | None:
    try:
        url = reverse("monitoring:alerts")
    except NoReverseMatch:  # the pages are not mounted (servicedesk/urls.py)
        return None
    query = "&".join(f"{name}={value}" for name, value in params.items())
    return f"{url}?{query}" if query else url


@register.inclusion_tag("monitoring/_incident_alerts.html")
def incident_alerts(incident, limit: int = 50):
    alerts, count = alerts_of_incident(incident, limit=limit)
    return {"alerts": alerts, "count": count, "more": count > len(alerts),
            "log_url": _log_url(incident=incident.pk) if alerts else None}


@register.inclusion_tag("monitoring/_change_suppressed_alerts.html")
def change_suppressed_alerts(change, limit: int = 100):
    alerts, count = alerts_suppressed_by(change, limit=limit)
    return {"alerts": alerts, "count": count, "more": count > len(alerts), "change": change,
            "log_url": _log_url(suppressed_by_change=change.pk) if alerts else None}
