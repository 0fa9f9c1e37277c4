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


def seed_demo(context: dict) -> None:
    _seed_opportunities(context)
