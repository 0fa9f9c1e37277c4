"""The problems part of ``manage.py seed_demo``: known errors agents will be offered on
matching incidents, a problem opened from today's major incident, and one that was fixed
last month. Idempotent: records are found again by title."""

from django.db import transaction

from catalog.models import ConfigurationItem, Service
from incidents.models import MajorIncident

from . import services
from .models import KnownError, Problem

# title, service, symptom, workaround
KNOWN_ERRORS = [
    ("Outlook asks for the password again after a password change", "Email",
     "Outlook keeps prompting for the password after the user changed it.",
     "Close Outlook, remove the cached credential in Windows Credential Manager, start Outlook and sign in."),
    ("Mailbox full: cannot receive mail", "Email", "Senders get 'mailbox full' bounces; the user receives nothing.",
     "Archive mail older than a year to the online archive; the quota frees at once."),
    ("Card terminal shows 'Host unreachable' after a router reboot", "Card payments",
     "The shop's card terminal declines every card with 'Host unreachable'.",
     "Power-cycle the terminal after the router is fully up (lights steady), then run a test transaction."),
    ("Internet banking blank page in old browsers", "Internet banking",
     "A blank white page after login in Internet Explorer or very old browsers.",
     "Use a current browser (Edge, Chrome, Firefox, Safari) or the mobile app."),
    ("Internet banking one-time code SMS delayed", "Internet banking",
     "The one-time code by SMS arrives minutes late or not at all.",
     "Use the mobile app's push approval instead, or request a new code after 60 seconds."),
    ("Website returns 502 after a deploy", "Web hosting",
     "The customer's website answers 502 Bad Gateway right after a deploy.",
     "Restart the PHP-FPM pool of the site from the hosting panel; the 502 clears within a minute."),
    ("SSL certificate not renewed for sites behind a CDN", "Web hosting",
     "The browser warns that the certificate expired; the site is behind a CDN.",
     "Switch the domain's validation to DNS in the panel and renew; the CDN picks it up in minutes."),
]


@transaction.atomic
def seed(*, users: dict) -> dict:
    agent, manager = users["agent"], users["manager"]
    for title, service, symptom, workaround in KNOWN_ERRORS:
        if not KnownError.objects.filter(title=title).exists():
            services.known_error_save(actor=agent, title=title, symptom=symptom, workaround=workaround,
                                      status="published", services=list(Service.objects.filter(name=service)))
    banking = MajorIncident.objects.filter(summary__startswith="Internet banking").first()
    if banking is not None and not Problem.objects.filter(major_incident=banking).exists():
        problem = services.problem_create(actor=manager, major_incident=banking, impact=1, urgency=2,
                                          owner=agent, description="Why did ib-web-02 fail its health checks?")
        services.problem_investigate(problem=problem, actor=agent)
        services.problem_update(problem=problem, actor=agent, five_whys=[
            "Logins failed with 503 because the load balancer had no healthy node.",
            "ib-web-02 failed health checks while ib-web-01 was out for patching.",
        ])
    title = "Mail relay drops messages over 25 MB"
    if not Problem.objects.filter(title=title).exists():
        relay = ConfigurationItem.objects.filter(name="mail-store").first()
        problem = services.problem_create(actor=manager, title=title, owner=agent,
                                          services=list(Service.objects.filter(name="Email")),
                                          cis=[relay] if relay else [])
        services.problem_investigate(problem=problem, actor=agent)
        services.problem_mark_known_error(problem=problem, actor=agent,
                                          root_cause="The relay's message size limit was left at the default.",
                                          workaround="Share large files by link instead of attaching them.",
                                          symptom="Large attachments never arrive; no bounce is sent.")
        services.problem_resolve(problem=problem, actor=agent, resolution="Raised the relay limit to 50 MB.")
    return {"known_errors": KnownError.objects.count(), "problems": Problem.objects.count()}


def seed_demo(context: dict) -> None:
    """``manage.py seed_demo``'s step."""
    seed(users=context["users"])
