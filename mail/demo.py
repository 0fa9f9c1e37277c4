"""The email channel's part of ``manage.py seed_demo``: a push mailbox
``support@demo.servicedesk.example`` that opens incidents for the Service Desk team and makes
contacts for new senders, the email SLA (a first answer within 2 hours; the portal's is 1
hour), and one customer's email turned into an incident through the same door real mail
takes. Idempotent: the mailbox is found by address, the policy by name, the message by its
Message-ID (a second run is a ``duplicate``)."""

from email.message import EmailMessage
from email.utils import format_datetime

from django.db import transaction
from django.utils import timezone

from catalog.models import Team
from sla import services as sla_services
from sla.models import BusinessCalendar, SLAPolicy

from .models import Mailbox
from .services.inbound import mail_receive
from .services.mailboxes import mailbox_save

DEMO_ADDRESS = "support@demo.servicedesk.example"
EMAIL_POLICY = "Incidents — by email"  # sla/demo.py makes it; made here if that step changed


def _email_policy() -> SLAPolicy:
    policy = SLAPolicy.objects.filter(applies_to="incident", channel="email").order_by("pk").first()
    if policy is not None:
        return policy
    calendar = BusinessCalendar.objects.order_by("pk").first() or sla_services.calendar_save(
        calendar=None, name="24×7", timezone_name="UTC", hours=[], holidays=[])
    return sla_services.policy_save(policy=None, escalations=[], name=EMAIL_POLICY, calendar=calendar,
                                    applies_to="incident", priority=None, customer_tier=None, channel="email",
                                    service=None, response_minutes=120, resolution_minutes=8 * 60,
                                    pause_on=["on_hold"])


def _first_mail() -> bytes:
    msg = EmailMessage()
    msg["From"] = "Reza Karimi <reza@tehran-textiles.example>"
    msg["To"] = DEMO_ADDRESS
    msg["Subject"] = "Invoice export stops at 10,000 rows"
    msg["Date"] = format_datetime(timezone.now())
    msg["Message-ID"] = "<demo-invoice-export-1@tehran-textiles.example>"
    msg.set_content("Good morning,\n\nthe monthly invoice export in the portal stops at 10,000 rows; "
                    "we have about 14,000 invoices this month.\n\nThank you,\nReza")
    return msg.as_bytes()


@transaction.atomic
def seed(*, users: dict) -> dict:
    mailbox = Mailbox.objects.filter(address=DEMO_ADDRESS).first()
    mailbox = mailbox_save(mailbox=mailbox, actor=users.get("admin"), data={
        "name": "Support (demo)", "address": DEMO_ADDRESS, "protocol": "push", "creates": "incident",
        "default_team": Team.objects.filter(name="Service Desk").first(), "create_contacts": True, "active": True})
    policy = _email_policy()
    outcome = mail_receive(mailbox=mailbox, raw=_first_mail(), source="demo")
    return {"mailbox": mailbox, "policy": policy, "incident": outcome.incident}


def seed_demo(context: dict) -> None:
    """``manage.py seed_demo``'s step: the demo mailbox, the email SLA and a first email."""
    context["mail"] = seed(users=context["users"])
