"""The crm part of ``manage.py seed_demo``: each helper's step is one function called here."""

from datetime import timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from catalog.models import Contact
from contactcenter.models import Call

from .models import Opportunity
from .services import opportunity as opportunity_services

# --- opportunities (crm-360) ---
# title, product, value, currency, stage to reach, days until the expected close
OPPORTUNITIES = [
    ("Home insurance for the new flat", "Home insurance plus", "480.00", "EUR", "new", 30),
    ("Gold card upgrade", "Gold credit card", "120.00", "EUR", "qualified", 14),
    ("Travel insurance for the family", "Annual travel insurance", "350.00", "EUR", "proposal", 7),
    ("Car insurance renewal", "Car insurance comprehensive", "910.00", "EUR", "won", -3),
    ("Business hosting plan", "Managed hosting business", "2400.00", "EUR", "proposal", 21),
    ("Savings account", "Savings plus", "0.00", "BRL", "lost", -10),
]


@transaction.atomic
def _seed_opportunities(context: dict) -> None:
    """Leads raised from recent calls of known contacts (else from contacts), at every stage,
    by the demo agents; found again by title, so seeding twice changes nothing."""
    users = context.get("users", {})
    agents = [users[name] for name in ("agent", "agent2", "agent3") if name in users] or [None]
    calls = list(Call.objects.filter(contact__isnull=False).select_related("contact").order_by("-started_at")[:20])
    contacts = list(Contact.objects.order_by("id")[:len(OPPORTUNITIES)])
    if not calls and not contacts:
        return
    made = []
    for i, (title, product, value, currency, stage, close_in) in enumerate(OPPORTUNITIES):
        if Opportunity.objects.filter(title=title).exists():
            continue
        call = calls[i % len(calls)] if calls else None
        contact = call.contact if call else contacts[i % len(contacts)]
        agent = agents[i % len(agents)]
        opportunity = opportunity_services.opportunity_create(
            actor=agent, title=title, product=product, value=Decimal(value), currency=currency, contact=contact,
            call=call, expected_close=(timezone.now() + timedelta(days=close_in)).date())
        steps = {"new": [], "qualified": ["qualify"], "proposal": ["qualify", "propose"],
                 "won": ["qualify", "propose", "win"], "lost": ["qualify", "lose"]}[stage]
        for step in steps:
            if step == "lose":
                opportunity_services.opportunity_lose(opportunity=opportunity, actor=agent,
                                                      reason="Chose a competitor's offer")
            else:
                getattr(opportunity_services, f"opportunity_{step}")(opportunity=opportunity, actor=agent)
        made.append(opportunity)
    context.setdefault("crm", {})["opportunities"] = made


# --- complaints and surveys (crm-complaints) ---
# kind, subject, channel, severity, the step it reaches, the answer given
COMPLAINTS = [
    ("complaint", "Charged twice for the same card payment", "phone", 1, "closed",
     "We refunded the second charge on the 3rd; it shows within two working days."),
    ("complaint", "Nobody called back after three promises", "email", 2, "responded",
     "You are right: the callback was lost in a queue change. An agent now owns it and calls you today."),
    ("complaint", "Internet banking logged me out during a transfer", "portal", 2, "investigating", ""),
    ("complaint", "Rude answer at the branch", "letter", 1, "escalated", ""),
    ("suggestion", "Let me choose the hour of a callback", "portal", 3, "acknowledged", ""),
    ("compliment", "The agent solved my card block in five minutes", "phone", 3, "received", ""),
]
SURVEY_ANSWERS = [(5, "Quick and kind."), (4, ""), (2, "It took three days."), (5, "")]


@transaction.atomic
def _seed_complaints(context: dict) -> None:
    """A complaint SLA policy (a business day to acknowledge, five to respond), six
    complaints, compliments and suggestions at every step through the services, and answered
    surveys on resolved incidents; found again by subject, so seeding twice changes nothing."""
    from sla.models import BusinessCalendar, SLAPolicy  # only the demo makes a complaint policy
    from sla.services import policy_save

    from .models import Complaint, Survey
    from .services import complaint as complaint_services
    from .services.survey import survey_answer, survey_send, survey_token

    users = context.get("users", {})
    agent = users.get("agent") or users.get("admin")
    calendar = BusinessCalendar.objects.order_by("id").first()
    if calendar is not None and not SLAPolicy.objects.filter(applies_to="complaint").exists():
        policy_save(name="Complaints (ISO 10002)", applies_to="complaint", calendar=calendar,
                    response_minutes=8 * 60, resolution_minutes=5 * 8 * 60, pause_on=[], escalations=[])
    contacts = list(Contact.objects.order_by("id")[:len(COMPLAINTS)])
    calls = list(Call.objects.filter(contact__isnull=False).order_by("-started_at")[:2])
    made = []
    for i, (kind, subject, channel, severity, step, answer) in enumerate(COMPLAINTS):
        if not contacts or Complaint.objects.filter(subject=subject).exists():
            continue
        call = calls[i] if channel == "phone" and i < len(calls) else None
        complaint = complaint_services.complaint_create(
            actor=agent, subject=subject, kind=kind, channel=channel, severity=severity, call=call,
            contact=call.contact if call else contacts[i % len(contacts)])
        if step == "escalated":
            complaint_services.complaint_escalate(complaint=complaint, actor=agent,
                                                  reason="The customer wrote to the ombudsman")
        if step in ("acknowledged", "investigating", "responded", "closed"):
            complaint_services.complaint_acknowledge(complaint=complaint, actor=agent)
        if step in ("investigating", "responded", "closed"):
            complaint_services.complaint_investigate(complaint=complaint, actor=agent)
        if step in ("responded", "closed"):
            complaint_services.complaint_respond(complaint=complaint, actor=agent, response=answer)
        if step == "closed":
            complaint_services.complaint_close(complaint=complaint, actor=agent, satisfied=True)
        made.append(complaint)
    # Surveys on resolved incidents (and the closed complaint), sent and answered as a contact would.
    from incidents.models import Incident

    tickets = [("incident", pk) for pk in Incident.objects.filter(status__in=["resolved", "closed"],
                                                                   contact__isnull=False)
               .order_by("-resolved_at").values_list("pk", flat=True)[:len(SURVEY_ANSWERS)]]
    tickets += [("complaint", pk) for pk in Complaint.objects.filter(pk__in=[c.pk for c in made], status="closed")
                .values_list("pk", flat=True)]
    for (kind, pk), (score, comment) in zip(tickets, SURVEY_ANSWERS, strict=False):
        survey = survey_send(ticket_kind=kind, ticket_id=pk) or Survey.objects.filter(
            ticket_kind=kind, ticket_id=pk, answered_at__isnull=True).first()
        if survey is not None:
            survey_answer(token=survey_token(survey), score=score, comment=comment)
    context.setdefault("crm", {})["complaints"] = made


def seed_demo(context: dict) -> None:
    _seed_opportunities(context)
    _seed_complaints(context)
