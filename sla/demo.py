"""The SLA part of ``manage.py seed_demo``: business calendars and the policies our users
described — answer within 1 hour (an email within 2); at 45 minutes the assignee gets an SMS
that 15 minutes are left; at 60 the team manager's phone is notified; VIPs get tighter
targets. Idempotent."""

from datetime import date

from django.db import transaction

from notifications.models import StakeholderGroup

from . import services
from .models import BusinessCalendar, SLAPolicy

WEEKDAYS = range(5)
CALENDARS = {
    "Athens office hours": ("Europe/Athens", [(d, 8 * 60, 13 * 60) for d in WEEKDAYS]
                            + [(d, 14 * 60, 18 * 60) for d in WEEKDAYS],
                            [(date(2026, 12, 25), "Christmas"), (date(2026, 12, 26), "Synaxis of the Theotokos"),
                             (date(2027, 1, 1), "New Year"), (date(2027, 1, 6), "Epiphany")]),
    "Lisbon office hours": ("Europe/Lisbon", [(d, 9 * 60, 18 * 60) for d in WEEKDAYS],
                            [(date(2026, 12, 8), "Immaculate Conception"), (date(2026, 12, 25), "Christmas")]),
    "24×7": ("UTC", [], []),
}

ESCALATE_RESPONSE = [
    {"metric": "response", "at_percent": 75, "notify": "assignee", "channels": ["sms", "in_app"]},
    {"metric": "response", "at_percent": 100, "notify": "team_manager", "channels": ["sms", "email"]},
]
ESCALATE_RESOLUTION = [
    {"metric": "resolution", "at_percent": 75, "notify": "assignee", "channels": ["in_app", "email"]},
    {"metric": "resolution", "at_percent": 100, "notify": "team_manager", "channels": ["sms", "email"]},
    {"metric": "resolution", "at_percent": 150, "notify": "group", "channels": ["email", "in_app"]},
]
# name, match fields, calendar, response, resolution
POLICIES = [
    ("Incidents — standard", {}, "Athens office hours", 60, 8 * 60),
    ("Incidents — by email", {"channel": "email"}, "Athens office hours", 120, 8 * 60),
    ("Incidents — P1", {"priority": 1}, "24×7", 15, 4 * 60),
    ("Incidents — P2", {"priority": 2}, "24×7", 30, 8 * 60),
    ("Incidents — VIP", {"customer_tier": "vip"}, "24×7", 30, 4 * 60),
    ("Incidents — VIP P1", {"customer_tier": "vip", "priority": 1}, "24×7", 10, 2 * 60),
    ("Service requests — standard", {"applies_to": "request"}, "Athens office hours", 4 * 60, 3 * 8 * 60),
]


@transaction.atomic
def seed(*, users: dict) -> dict:
    managers, _ = StakeholderGroup.objects.get_or_create(
        name="Service managers", defaults={"description": "Hear of SLA targets missed by half again."})
    managers.members.add(users["manager"], users["admin"])
    calendars = {}
    for name, (tz, hours, holidays) in CALENDARS.items():
        calendar = BusinessCalendar.objects.filter(name=name).first()
        calendars[name] = services.calendar_save(calendar=calendar, name=name, timezone_name=tz, hours=hours,
                                                 holidays=holidays)
    policies = []
    for name, match, calendar, response, resolution in POLICIES:
        fields = {"applies_to": "incident", "priority": None, "customer_tier": None, "channel": None,
                  "service": None, **match}
        escalations = [{**rule, "group": managers if rule["notify"] == "group" else None}
                       for rule in ESCALATE_RESPONSE + ESCALATE_RESOLUTION]
        policies.append(services.policy_save(
            policy=SLAPolicy.objects.filter(name=name).first(), escalations=escalations, name=name,
            calendar=calendars[calendar], response_minutes=response, resolution_minutes=resolution,
            pause_on=["on_hold"] if fields["applies_to"] == "incident" else ["awaiting_approval"], **fields))
    return {"calendars": calendars, "policies": policies}


def seed_demo(context: dict) -> None:
    """``manage.py seed_demo``'s step: calendars and policies."""
    context["sla"] = seed(users=context["users"])
