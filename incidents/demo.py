"""The incidents part of ``manage.py seed_demo``: a morning at the desk — a few open
incidents in different states, one resolved, and an outage reported by several customers
linked to a master incident. Idempotent: incidents are found again by title."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from catalog.models import ConfigurationItem, Contact, Service

from . import services
from .models import Incident, MajorIncident, SpikeRule

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
    seed_past_major(users=users)  # first: declaring links the service's open incidents
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
    seed_major(users=users, master=master)
    return made


def seed_past_major(*, users: dict) -> None:
    """Last month's card-payments outage, reviewed and closed with its postmortem (the
    metrics, the status page's uptime bars and the war-room list have a history)."""
    manager, agent = users["manager"], users["agent"]
    past_title = "Card payments declined everywhere (acquirer link down)"
    cards = Service.objects.filter(name="Card payments").first()
    if cards is None or Incident.objects.filter(title=past_title).exists():
        return
    start = timezone.now() - timedelta(days=24, hours=3)
    past = services.incident_create(title=past_title, actor=agent, channel="monitoring", impact=1, urgency=1,
                                    service=cards, at=start)
    major = services.major_incident_declare(incident=past, actor=manager, summary="Card payments down",
                                            at=start + timedelta(minutes=12))
    services.major_incident_post_update(major=major, actor=manager, audiences=["users", "public"],
                                        what="Card payments", where="All shops and ATMs",
                                        body="Card payments are failing. We are working with the acquirer.",
                                        at=start + timedelta(minutes=14))
    services.major_incident_transition(major=major, actor=manager, action="mobilise",
                                       at=start + timedelta(minutes=15))
    services.major_incident_transition(major=major, actor=manager, action="resolve",
                                       resolution="The acquirer restored the link; payments flow again.",
                                       at=start + timedelta(hours=2, minutes=5))
    services.postmortem_save(major=major, actor=manager, summary="The acquirer's link dropped for two hours.",
                             root_cause="A certificate on the acquirer's gateway expired.",
                             actions=[{"title": "Monitor the acquirer's certificate expiry", "owner": agent.pk,
                                       "due_at": (timezone.now() + timedelta(days=14)).date().isoformat()}],
                             complete=True)
    services.major_incident_transition(major=major, actor=manager, action="review")
    services.major_incident_transition(major=major, actor=manager, action="close")


def seed_major(*, users: dict, master: Incident | None) -> None:
    """Spike rules on the busiest services, and today's internet-banking outage declared and
    mobilised (so the war room, the status page and the IVR announcement show something)."""
    manager, agent = users["manager"], users["agent"]
    for name, threshold in (("Internet banking", 8), ("Card payments", 8), ("Web hosting", 10)):
        service = Service.objects.filter(name=name).first()
        if service and not SpikeRule.objects.filter(service=service).exists():
            SpikeRule.objects.create(service=service, window_minutes=15, threshold=threshold,
                                     baseline_multiplier=3)
    if master is None or MajorIncident.objects.filter(incident=master).exists() or not master.is_open:
        return
    major = services.major_incident_declare(incident=master, actor=manager,
                                            summary="Internet banking unavailable (error 503)")
    services.major_incident_transition(major=major, actor=manager, action="mobilise")
    services.major_incident_add_task(major=major, actor=manager, title="Fail ib-web-02 out of the pool",
                                     assignee=agent, due_at=timezone.now() + timedelta(minutes=20))
    services.major_incident_post_update(
        major=major, actor=manager, audiences=["users", "public"], what="Internet banking",
        where="Web and mobile app", eta=timezone.now() + timedelta(hours=1), contact="Service desk +30 210 000 0000",
        body="Some customers cannot log in to internet banking. We are working on it.")


def seed_demo(context: dict) -> None:
    """``manage.py seed_demo``'s step: incidents in every state and the major incidents."""
    context["incidents"] = seed(users=context["users"])
