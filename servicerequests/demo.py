"""The service-request part of ``manage.py seed_demo``: a small catalogue — a laptop (the
requester's manager approves, then IT purchasing orders it and the desk delivers it), access
to a system (two approvals: the manager, then the system's owners), a password reset (no
approval) and a web-node restart for the hosting team that raises the pre-authorised
standard change "Restart a web node" — and two requests in flight: Eleni's laptop waiting for
her manager, and her password reset with the desk. Idempotent: items are found again by
name, requests by item and requester."""

from django.db import transaction

from catalog.models import Team
from catalog.services import profile_for
from changes.models import ChangeModel
from core.roles import Role

from . import services
from .models import CatalogItem, ServiceRequest

SYSTEMS = ["Internet banking back office", "Card switch console", "Hosting control panel", "Mail administration"]


def _item(name: str, **fields) -> CatalogItem:
    item, _created = CatalogItem.objects.update_or_create(name=name, defaults=fields)
    return item


@transaction.atomic
def seed(*, users: dict) -> dict:
    requester, manager, agent = users["requester"], users["manager"], users["agent"]
    desk = Team.objects.filter(name="Service Desk").first()
    hosting = Team.objects.filter(name="Hosting Operations").first()
    digital = Team.objects.filter(name="Digital Banking").first()
    purchasing, _created = Team.objects.get_or_create(
        name="IT Purchasing", defaults={"description": "Buys and receives hardware and licences", "manager": manager})
    purchasing.members.add(agent, manager)

    # Line managers approve their people's requests: the demo requester reports to the manager.
    profile = profile_for(requester)
    if profile.manager_id is None:
        profile.manager = manager
        profile.save(update_fields=["manager"])

    laptop = _item("Laptop", category="Hardware", description=(
        "A new or replacement laptop, imaged with the standard tools. Your manager approves it; IT purchasing "
        "orders it and the service desk delivers it to you."), form=[
        {"name": "model", "label": "Model", "type": "choice", "required": True,
         "choices": ["13-inch, light", "15-inch, standard", "16-inch, developer"]},
        {"name": "keyboard", "label": "Keyboard layout", "type": "choice", "required": True,
         "choices": ["English (US)", "Greek", "Portuguese", "Persian"]},
        {"name": "needed_by", "label": "Needed by", "type": "date"},
        {"name": "reason", "label": "Why do you need it?", "type": "textarea", "required": True, "max_length": 1000},
    ], approvals=[{"level": 1, "approver": "manager"}], tasks=[
        {"title": "Order the laptop", "team": purchasing.pk, "order": 1},
        {"title": "Image the laptop and deliver it", "team": desk.pk if desk else None, "order": 2},
    ], roles=[], is_active=True)
    access = _item("Access to a system", category="Access", description=(
        "Access to one of the bank's systems. Your manager approves, then the system's owners."), form=[
        {"name": "system", "label": "System", "type": "choice", "required": True, "choices": SYSTEMS},
        {"name": "level", "label": "Access level", "type": "choice", "required": True,
         "choices": ["Read only", "Read and write", "Administrator"]},
        {"name": "until", "label": "Until (empty: permanent)", "type": "date"},
        {"name": "reason", "label": "What do you need it for?", "type": "textarea", "required": True},
    ], approvals=[{"level": 1, "approver": "manager"},
                  *([{"level": 2, "approver": "group", "group": digital.pk, "rule": "any"}] if digital else [])],
        tasks=[{"title": "Grant the access and tell the user", "team": desk.pk if desk else None, "order": 1}],
        roles=[], is_active=True)
    password = _item("Password reset", category="Access", description=(
        "Locked out? We reset the password of one of your accounts and tell you how to choose a new one."), form=[
        {"name": "system", "label": "Which account?", "type": "choice", "required": True,
         "choices": ["Windows sign-in", "Email", *SYSTEMS]},
        {"name": "username", "label": "Your username there", "type": "text", "max_length": 80},
    ], approvals=[], tasks=[{"title": "Reset the password and call the user", "team": desk.pk if desk else None,
                             "order": 1}], roles=[], is_active=True)
    restart = ChangeModel.objects.filter(name="Restart a web node").first()
    _item("Restart a web node", category="Hosting", description=(
        "A pre-authorised standard change: the hosting team drains the node, restarts it and puts it back."), form=[
        {"name": "node", "label": "Web node", "type": "choice", "required": True,
         "choices": ["web-node-01", "web-node-02", "web-node-03"]},
        {"name": "reason", "label": "Why?", "type": "textarea", "required": True},
    ], approvals=[], tasks=[{"title": "Drain, restart and undrain the node", "team": hosting.pk if hosting else None,
                             "order": 1}], change_model=restart,
        roles=[Role.AGENT, Role.MANAGER, Role.CHANGE_MANAGER, Role.ADMIN], is_active=True)

    # In flight: the laptop waits for the manager; the password reset is with the desk.
    if not ServiceRequest.objects.filter(catalog_item=laptop, requested_by=requester).exists():
        services.request_submit(item=laptop, actor=requester, answers={
            "model": "13-inch, light", "keyboard": "Greek",
            "reason": "My laptop is five years old and no longer takes the security updates."})
    if not ServiceRequest.objects.filter(catalog_item=password, requested_by=requester).exists():
        services.request_submit(item=password, actor=requester, answers={"system": "Card switch console",
                                                                         "username": "eleni.p"})
    return {"items": CatalogItem.objects.filter(is_active=True).count(),
            "requests": ServiceRequest.objects.count(), "access_item": access.pk}


def seed_demo(context: dict) -> None:
    """``manage.py seed_demo``'s step: the catalogue and requests in flight."""
    seed(users=context["users"])
