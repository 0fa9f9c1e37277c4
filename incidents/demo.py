"""The incidents part of ``manage.py seed_demo``: a morning at the desk — a few open
incidents in different states, one resolved, and an outage reported by several customers
linked to a master incident. Idempotent: incidents are found again by title."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from catalog.models import ConfigurationItem, Contact, Service

from . import services
from .models import Incident

# title, service, ci, contact email, impact, urgency, channel, what happened next
STORIES = [
    ("Internet banking login fails with error 503", "Internet banking", "ib-app", "eleni@aegean-bank.example",
     1, 1, "phone", "master"),
    ("Cannot log in to internet banking", "Internet banking", None, "nikos@aegean-bank.example", 2, 1, "email",
     "duplicate"),
    ("Online banking shows a blank page", "Internet banking", None, "sara@tehran-textiles.example", 2, 2, "portal",
     "duplicate"),
    ("Card payments declined at the shop", "Card payments", "card-switch", "oliver@lrg.example", 1, 2, "phone",
     "in_progress"),
    ("Website very slow since this morning", "Web hosting", "web-node-02", "joana@lisboa-hosting.example", 2, 2,
     "email", "on_hold"),
    ("Mailbox full, cannot receive mail", "Email", "mail-store", "maya@ggt.example", 3, 2, "portal", "new"),
    ("SSL certificate expired on the shop site", "Web hosting", None, "rui@lisboa-hosting.example", 2, 1, "chat",
     "resolved"),
]


@transaction.atomic
def seed(*, users: dict) -> list[Incident]:
    agent, agent2, manager = users["agent"], users["agent2"], users["manager"]
    made: list[Incident] = []
    master = None
    for title, service, ci, email, impact, urgency, channel, story in STORIES:
        incident = Incident.objects.filter(title=title).first()
        if incident is None:
            contact = Contact.objects.filter(email=email).first()
            incident = services.incident_create(
                title=title, actor=agent, description=f"Reported by {contact.name if contact else 'a customer'}.",
                channel=channel, impact=impact, urgency=urgency, service=Service.objects.get(name=service),
                ci=ConfigurationItem.objects.filter(name=ci).first() if ci else None, contact=contact,
                requester=contact.user if contact and contact.user_id else None,
                at=timezone.now() - timedelta(minutes=20 * (len(made) + 1)))
            if story == "master":
                incident = services.incident_assign(incident=incident, actor=manager, assignee=agent)
                incident = services.incident_start(incident=incident, actor=agent)
                services.incident_add_note(incident=incident, actor=agent, visibility="internal",
                                           body="Load balancer health checks failing on ib-web-02.")
            elif story == "duplicate" and master is not None:
                incident = services.incident_link(incident=incident, actor=agent, parent=master)
            elif story == "in_progress":
                incident = services.incident_assign(incident=incident, actor=manager, assignee=agent)
                incident = services.incident_start(incident=incident, actor=agent)
            elif story == "on_hold":
                incident = services.incident_assign(incident=incident, actor=manager, assignee=agent2)
                incident = services.incident_start(incident=incident, actor=agent2)
                incident = services.incident_hold(incident=incident, actor=agent2,
                                                  reason="Waiting for the customer's access logs")
            elif story == "resolved":
                incident = services.incident_start(incident=incident, actor=agent2)
                incident = services.incident_resolve(incident=incident, actor=agent2, resolution_code="fixed",
                                                     resolution="Certificate renewed and installed.")
        if story == "master":
            master = incident
        made.append(incident)
    return made
