"""The changes part of ``manage.py seed_demo``: the CAB and the ECAB, two change models, a
year-end freeze, the change policy (major criteria, change control, evaluation and
deployment gates), and RFCs in the states a change manager sees on a Monday: one awaiting the
CAB's vote (with its evaluation report, one approve already in), one scheduled with a
projected outage (deployed with a release whose deployment is authorised), one minor awaiting
authorisation, and a change proposal IT management approved with the RFC raised from it.
Idempotent: found again by title / name."""

from datetime import UTC, datetime, timedelta

from django.db import transaction
from django.utils import timezone

from catalog.models import ConfigurationItem, Service

from . import services
from .models import BlackoutWindow, CABBoard, Change, ChangeModel, ChangePolicy, ChangeProposal, Release


def _change(title: str, actor, **fields) -> tuple[Change, bool]:
    existing = Change.objects.filter(title=title).first()
    if existing:
        return existing, False
    return services.change_create(actor=actor, title=title, **fields), True


@transaction.atomic
def seed(*, users: dict) -> dict:
    cm, agent, cab, manager = users["changemanager"], users["agent"], users["cab"], users["manager"]
    board, _ = CABBoard.objects.get_or_create(kind="cab", defaults={"name": "Change Advisory Board", "quorum": 2,
                                                                    "rule": "majority"})
    board.members.add(cab, cm, manager)
    ecab, _ = CABBoard.objects.get_or_create(kind="ecab", defaults={"name": "Emergency CAB", "quorum": 2,
                                                                    "rule": "majority",
                                                                    "implement_before_ratification": True})
    ecab.members.add(cab, cm)
    hosting = Service.objects.filter(name="Web hosting").first()
    banking = Service.objects.filter(name="Internet banking").first()
    restart, _ = ChangeModel.objects.get_or_create(
        name="Restart a web node", defaults={
            "description": "Take one web node out of the pool, restart it, put it back.",
            "tasks": ["Drain the node in the load balancer", "Restart the node", "Check health", "Undrain"],
            "allowed_windows": [{"weekdays": [0, 1, 2, 3, 4, 5, 6], "start": "22:00", "end": "06:00"}],
            "implementation_plan": "Drain, restart, check, undrain.", "backout_plan": "Leave the node drained.",
            "test_plan": "Health check green for 5 minutes."})
    if hosting:
        restart.services.add(hosting)
    ChangeModel.objects.get_or_create(name="Add a user to a group", defaults={
        "description": "Grant access by adding a user to an existing directory group.",
        "tasks": ["Check the approval in the request", "Add the user", "Tell the user"]})
    year = timezone.now().year
    BlackoutWindow.objects.get_or_create(name=f"Year-end freeze {year}", defaults={
        "start": datetime(year, 12, 20, tzinfo=UTC),
        "end": datetime(year + 1, 1, 3, tzinfo=UTC),
        "reason": "Year-end closing: no changes but emergencies."})
    policy = ChangePolicy.objects.order_by("pk").first()
    if policy is None:
        policy = ChangePolicy.objects.create(
            name="Change policy", deployment_categories=["major"], evaluation_categories=["significant", "major"],
            major_needs_proposal=True,
            major_criteria=[{"key": "ledger", "text": "Touches the core banking ledger"},
                            {"key": "regulator", "text": "Must be reported to the regulator"}])
        if banking:
            policy.services.add(banking)
    soon = (timezone.now() + timedelta(days=2)).replace(hour=22, minute=0, second=0, microsecond=0)
    plans = {"implementation_plan": "1. Announce 2. Apply 3. Verify", "backout_plan": "Roll back to the snapshot",
             "test_plan": "Smoke tests of login and payments"}
    db = ConfigurationItem.objects.filter(name="core-banking-db").first()
    upgrade, new = _change("Upgrade the internet-banking database to 16.4", agent, description="Minor upgrade.",
                           risk=3, impact=2, planned_start=soon, planned_end=soon + timedelta(hours=2),
                           services=[banking] if banking else [], cis=[db] if db else [], **plans)
    if new:
        services.change_submit(change=upgrade, actor=agent)
        services.change_assess(change=upgrade, actor=cm)
        services.change_evaluate(change=upgrade, actor=cm, risk="Medium: a minor version, rehearsed in staging.",
                                 cost="Two engineers for the evening.", capacity="No change in load.",
                                 security="Closes two CVEs.", recommendation="go",
                                 summary="Go: tested, and the snapshot gives a way back.")
        services.change_send_to_cab(change=upgrade, actor=cm)
        services.change_vote(change=upgrade, actor=manager, decision="approve", comment="Tested in staging.")
    certs, new = _change("Renew the TLS certificates of the shop sites", agent, description="Yearly renewal.",
                         risk=1, impact=3, planned_start=soon + timedelta(days=1),
                         planned_end=soon + timedelta(days=1, hours=1), services=[hosting] if hosting else [],
                         outage_start=soon + timedelta(days=1), outage_end=soon + timedelta(days=1, minutes=10),
                         **plans)
    if new:
        services.change_submit(change=certs, actor=agent)
        services.change_assess(change=certs, actor=cm)
        services.change_authorize(change=certs, actor=cm)
        services.change_schedule(change=certs, actor=cm)
    if not Release.objects.filter(name="Shop sites, December").exists() and certs.status == "scheduled":
        release = services.release_create(
            actor=cm, name="Shop sites, December", owner=agent, description="The month's shop-site changes.",
            window_start=certs.planned_start - timedelta(hours=1), window_end=certs.planned_end + timedelta(hours=3),
            plan="1. Announce on the status page 2. Deploy each change in order 3. Smoke tests 4. All clear")
        services.release_add_changes(release=release, actor=cm, changes=[certs])
        services.release_authorize(release=release, actor=cm)
    if not ChangeProposal.objects.filter(title="Move internet banking to the new data centre").exists():
        proposal = services.proposal_create(
            actor=agent, title="Move internet banking to the new data centre", cost="180000",
            business_case="The lease of the old data centre ends next year.",
            benefit="Lower hosting cost and a second availability zone.",
            risks="Downtime during the cut-over; latency to the branch network.",
            services=[banking] if banking else [])
        services.proposal_submit(proposal=proposal, actor=agent)
        services.proposal_approve(proposal=proposal, actor=manager, notes="Approved for Q1.")
        services.change_from_proposal(proposal=proposal, actor=agent, title="Cut internet banking over to DC2")
    minor, new = _change("Raise the mail relay size limit", agent, description="From 25 to 50 MB.", risk=1,
                         impact=3, planned_start=soon + timedelta(days=3),
                         planned_end=soon + timedelta(days=3, hours=1),
                         services=list(Service.objects.filter(name="Email")), **plans)
    if new:
        services.change_submit(change=minor, actor=agent)
        services.change_assess(change=minor, actor=cm)
    return {"changes": Change.objects.count(), "boards": CABBoard.objects.count()}


def seed_demo(context: dict) -> None:
    """``manage.py seed_demo``'s step."""
    seed(users=context["users"])
