"""The contact-center part of ``manage.py seed_demo``: queues by skill, the bank's support
line with its keypad menu, the agents' states, and four weeks of call history (answered,
abandoned, deflected, voicemail; with waits, talk, hold, wrap-up, surveys and repeat calls)
so the call log, the wallboard, the dashboards and the staffing forecast have figures.

The history is made once (a second run adds nothing) and is reproducible (a fixed seed)."""

from __future__ import annotations

import random
from datetime import timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from catalog.models import AgentProfile, ContactPhone, Service, Skill

from .choices import AgentStateChoice, CallbackReason, CallOutcome
from .models import (
    AgentState,
    AgentStateLog,
    Call,
    Callback,
    CostBasis,
    Line,
    MenuOption,
    Provider,
    ProviderKind,
    Queue,
)

LINE_NUMBER = "+302100000100"
DEMO_SID_PREFIX = "CADEMO"
# queue, skill, priority, menu digit, label, service
QUEUES = [
    ("cards", "cards", 2, "1", "cards and payments", "Card payments"),
    ("internet-banking", "internet-banking", 1, "2", "internet and mobile banking", "Internet banking"),
    ("hosting", "hosting", 0, "3", "web hosting and email", "Web hosting"),
]
DAYS = 28


@transaction.atomic
def seed(*, users: dict) -> dict:
    skills = {skill.name: skill for skill in Skill.objects.all()}
    services = {service.name: service for service in Service.objects.all()}
    queues = {}
    for name, skill, priority, _digit, _label, _service in QUEUES:
        queues[name], _ = Queue.objects.update_or_create(
            name=name, defaults={"skill": skills.get(skill), "priority": priority, "service_level_seconds": 20})
    general, _ = Queue.objects.update_or_create(name="general", defaults={"skill": None, "priority": 0})
    # Who answers (the providers the dashboard compares): the bank's own centre, paid by the
    # agent hour, and an outsourcing vendor, paid by the answered call, taking web hosting.
    own, _ = Provider.objects.update_or_create(name="Aegean Bank contact centre", defaults={
        "kind": ProviderKind.IN_HOUSE, "cost_basis": CostBasis.PER_HOUR, "cost": Decimal("28.00"), "currency": "EUR"})
    vendor, _ = Provider.objects.update_or_create(name="CallPartners (outsourced)", defaults={
        "kind": ProviderKind.OUTSOURCED, "cost_basis": CostBasis.PER_CALL, "cost": Decimal("3.40"), "currency": "EUR"})
    for queue, provider in ((queues["cards"], own), (queues["internet-banking"], own), (general, own),
                            (queues["hosting"], vendor)):
        if queue.provider_id != provider.pk:
            queue.provider = provider
            queue.save(update_fields=["provider"])  # through save(): the queue's history shows it
    line, _ = Line.objects.update_or_create(number=LINE_NUMBER, defaults={
        "name": "Aegean Bank support", "queue": general,
        "greeting": "Welcome to Aegean Bank's service desk. Calls are recorded for quality.",
        "after_hours_message": "We are closed now. Leave a message after the tone and we will call you back."})
    for name, _skill, _priority, digit, label, service in QUEUES:
        MenuOption.objects.update_or_create(line=line, digit=digit, defaults={
            "label": label, "queue": queues[name], "service": services.get(service)})
    agents = [users[name] for name in ("agent", "agent2", "agent3") if name in users]
    for agent in agents:
        AgentState.objects.get_or_create(user=agent, defaults={"state": AgentStateChoice.OFFLINE})
    if not Call.objects.filter(call_sid__startswith=DEMO_SID_PREFIX).exists():
        _history(line, queues, agents)
    return {"line": line, "queues": queues}


def _history(line: Line, queues: dict, agents: list) -> None:
    """Four weeks of weekday calls, busier in the morning, with the usual mix of outcomes."""
    rng = random.Random(2026)
    phones = list(ContactPhone.objects.select_related("contact__customer")[:50])
    held = {agent.pk: set(AgentProfile.skills.through.objects.filter(agentprofile__user=agent)
                          .values_list("skill_id", flat=True)) for agent in agents}
    skill_agents = {name: [a for a in agents if queue.skill_id in held[a.pk]] or agents
                    for name, queue in queues.items()}
    services = dict(line.menu.values_list("queue_id", "service_id"))
    today = timezone.now().replace(hour=0, minute=0, second=0, microsecond=0)
    calls, logs, sequence = [], [], 0
    for day in range(DAYS, 0, -1):
        start_of_day = today - timedelta(days=day)
        if start_of_day.weekday() >= 5:
            continue
        for hour in range(8, 18):
            per_hour = {8: 6, 9: 14, 10: 16, 11: 12, 12: 8, 13: 8, 14: 10, 15: 9, 16: 7, 17: 4}[hour]
            for _ in range(rng.randint(per_hour - 2, per_hour + 2)):
                sequence += 1
                calls.append(_call(rng, sequence, start_of_day + timedelta(hours=hour, seconds=rng.randint(0, 3599)),
                                   line, queues, skill_agents, phones, services))
        for agent in agents:  # a working day: available, busy and wrap-up stretches, then offline
            at = start_of_day + timedelta(hours=8)
            while at < start_of_day + timedelta(hours=17):
                for state, minutes in ((AgentStateChoice.AVAILABLE, rng.randint(2, 9)),
                                       (AgentStateChoice.BUSY, rng.randint(3, 8)),
                                       (AgentStateChoice.WRAP_UP, 1)):
                    logs.append(AgentStateLog(user=agent, state=state, started_at=at,
                                              ended_at=at + timedelta(minutes=minutes)))
                    at += timedelta(minutes=minutes)
            logs.append(AgentStateLog(user=agent, state=AgentStateChoice.OFFLINE, started_at=at,
                                      ended_at=start_of_day + timedelta(days=1, hours=8)))
    Call.objects.bulk_create(calls, batch_size=500)
    AgentStateLog.objects.bulk_create(logs, batch_size=500)
    _repeats_and_callbacks(rng)


def _call(rng, sequence, started, line, queues, skill_agents, phones, services) -> Call:
    name = rng.choices(list(queues), weights=[5, 4, 2])[0]
    queue = queues[name]
    phone = rng.choice(phones) if phones and rng.random() < 0.25 else None
    contact = phone.contact if phone else None
    outcome = rng.choices([CallOutcome.ANSWERED, CallOutcome.ABANDONED, CallOutcome.DEFLECTED,
                           CallOutcome.VOICEMAIL, CallOutcome.TRANSFERRED], weights=[78, 10, 5, 3, 4])[0]
    wait = int(rng.expovariate(1 / 14))
    number = phone.number if phone else f"+30690{rng.randint(1000000, 9999999)}"  # mostly first-time callers
    call = Call(call_sid=f"{DEMO_SID_PREFIX}{sequence:06d}", from_number=number,
                to_number=line.number, line=line, contact=contact, customer=contact.customer if contact else None,
                status="completed", outcome=outcome, started_at=started, queue=queue,
                service_id=services.get(queue.pk) if outcome != CallOutcome.VOICEMAIL else None,
                queued_at=started + timedelta(seconds=20), last_sequence=3,
                priority={"vip": 2, "gold": 1}.get(contact.customer.tier, 0) if contact else 0)
    if outcome in (CallOutcome.ANSWERED, CallOutcome.TRANSFERRED):
        call.agent = rng.choice(skill_agents[queue.name])
        call.answered_at = call.queued_at + timedelta(seconds=wait)
        call.wait_seconds = wait
        call.talk_seconds = int(rng.gauss(240, 80)) if rng.random() > 0.05 else 60
        call.talk_seconds = max(30, call.talk_seconds)
        call.hold_seconds = rng.choice([0, 0, 0, 15, 30, 60])
        call.wrap_up_seconds = rng.randint(20, 90)
        call.transfers = 1 if outcome == CallOutcome.TRANSFERRED else 0
        call.csat = rng.choices([None, 5, 4, 3, 2, 1], weights=[40, 30, 18, 6, 3, 3])[0]
        call.ended_at = call.answered_at + timedelta(seconds=call.talk_seconds + call.hold_seconds)
    elif outcome == CallOutcome.ABANDONED:
        call.wait_seconds = wait + rng.randint(5, 90)
        call.ended_at = call.queued_at + timedelta(seconds=call.wait_seconds)
    else:
        call.queue = None if outcome == CallOutcome.VOICEMAIL else queue
        call.queued_at = None
        call.after_hours = outcome == CallOutcome.VOICEMAIL
        call.ended_at = started + timedelta(seconds=rng.randint(20, 60))
    return call


def _repeats_and_callbacks(rng) -> None:
    """The same contact calling again within three days is a repeat call; abandoned calls and
    voicemails left callback tasks (mostly done)."""
    last_by_contact = {}
    repeats = []
    for call in Call.objects.filter(call_sid__startswith=DEMO_SID_PREFIX, contact__isnull=False).order_by(
            "started_at").only("pk", "contact_id", "started_at"):
        previous = last_by_contact.get(call.contact_id)
        if previous is not None and call.started_at - previous.started_at <= timedelta(hours=72):
            call.repeat_of_id = previous.pk
            repeats.append(call)
        last_by_contact[call.contact_id] = call
    Call.objects.bulk_update(repeats, ["repeat_of"], batch_size=500)
    callbacks = []
    for call in Call.objects.filter(call_sid__startswith=DEMO_SID_PREFIX,
                                    outcome__in=[CallOutcome.ABANDONED, CallOutcome.VOICEMAIL]):
        done = call.ended_at + timedelta(minutes=rng.randint(5, 240)) if rng.random() < 0.85 else None
        callbacks.append(Callback(call=call, contact_id=call.contact_id, number=call.from_number,
                                  reason=CallbackReason.VOICEMAIL if call.outcome == CallOutcome.VOICEMAIL
                                  else CallbackReason.ABANDONED, agent_id=call.agent_id,
                                  status="done" if done else "open", created_at=call.ended_at, done_at=done,
                                  claimed_at=done))
    Callback.objects.bulk_create(callbacks, batch_size=500)


def seed_demo(context: dict) -> None:
    """``manage.py seed_demo``'s step: the support line, queues and four weeks of calls."""
    seed(users=context["users"])
