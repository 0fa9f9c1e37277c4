"""The catalogue part of ``manage.py seed_demo``: a bank's and a hosting company's
services, the CIs behind them, customers (some VIP) with contacts that call in, the desk's
teams and skills, and one user per role with a known demo password.

Idempotent: running it again updates the same records instead of adding copies.
"""

from django.contrib.auth import get_user_model
from django.db import transaction

from catalog import services
from catalog.models import CIRelation, ConfigurationItem, Contact, Customer, Service, Skill, Team
from core.roles import Role

User = get_user_model()
DEMO_PASSWORD = "demo-desk-2026"  # noqa: S105 (printed on purpose: it is a demo)

SKILLS = {
    "cards": "Card payments, disputes, blocked cards",
    "internet-banking": "Online and mobile banking access",
    "hosting": "Web hosting, DNS, certificates",
    "email": "Mailboxes, delivery, spam",
    "network": "Links, firewalls, load balancers",
    "greek": "Speaks Greek", "portuguese": "Speaks Portuguese", "persian": "Speaks Persian",
    "english": "Speaks English", "vip-desk": "Handles VIP customers",
}

TEAMS = {
    "Service Desk": ("First line: phones, chat, portal", ["english", "greek", "portuguese", "persian", "vip-desk"]),
    "Payments Platform": ("Card switch, HSMs, payment gateways", ["cards"]),
    "Digital Banking": ("Internet and mobile banking", ["internet-banking"]),
    "Hosting Operations": ("Web nodes, storage, DNS", ["hosting", "network"]),
    "Messaging": ("Email and collaboration", ["email"]),
}

SERVICES = [
    ("Internet banking", "Customers' online banking, web and mobile.", "Digital Banking", "99.950"),
    ("Card payments", "Card authorisation and clearing for issuing and acquiring.", "Payments Platform", "99.990"),
    ("Web hosting", "Shared and managed web hosting for business customers.", "Hosting Operations", "99.900"),
    ("Email", "Hosted mailboxes and outbound relay.", "Messaging", "99.500"),
    ("Mobile app", "The bank's iOS and Android app back end.", "Digital Banking", "99.900"),
]

# name, type, service, owner team
CIS = [
    ("ib-web-01", "server", "Internet banking", "Digital Banking"),
    ("ib-web-02", "server", "Internet banking", "Digital Banking"),
    ("ib-app", "application", "Internet banking", "Digital Banking"),
    ("core-banking-db", "database", "Internet banking", "Digital Banking"),
    ("mobile-api", "application", "Mobile app", "Digital Banking"),
    ("card-switch", "application", "Card payments", "Payments Platform"),
    ("hsm-01", "server", "Card payments", "Payments Platform"),
    ("lb-dc1", "network", None, "Hosting Operations"),
    ("web-node-01", "server", "Web hosting", "Hosting Operations"),
    ("web-node-02", "server", "Web hosting", "Hosting Operations"),
    ("web-node-03", "server", "Web hosting", "Hosting Operations"),
    ("san-01", "storage", "Web hosting", "Hosting Operations"),
    ("mail-mx-01", "server", "Email", "Messaging"),
    ("mail-store", "application", "Email", "Messaging"),
]
RELATIONS = [
    ("ib-app", "runs_on", "ib-web-01"), ("ib-app", "runs_on", "ib-web-02"),
    ("ib-app", "depends_on", "core-banking-db"), ("ib-web-01", "depends_on", "lb-dc1"),
    ("ib-web-02", "depends_on", "lb-dc1"), ("mobile-api", "depends_on", "ib-app"),
    ("card-switch", "depends_on", "hsm-01"), ("card-switch", "depends_on", "core-banking-db"),
    ("web-node-01", "depends_on", "san-01"), ("web-node-02", "depends_on", "san-01"),
    ("web-node-03", "depends_on", "san-01"), ("web-node-01", "depends_on", "lb-dc1"),
    ("mail-store", "runs_on", "mail-mx-01"), ("mail-store", "part_of", "mail-mx-01"),
]

# name, tier, account number, contacts: (name, email, phones, pin)
CUSTOMERS = [
    ("Aegean Shipping Bank", "vip", "0010001", [
        ("Eleni Papadopoulou", "eleni@aegean-bank.example", ["+30 210 123 4567", "+30 691 234 5678"], "4321"),
        ("Nikos Georgiou", "nikos@aegean-bank.example", ["+30 231 012 3456"], None),
    ]),
    ("Lisboa Hosting Lda", "gold", "0020002", [
        ("Joana Silva", "joana@lisboa-hosting.example", ["+351 21 345 6789"], "2468"),
        ("Rui Costa", "rui@lisboa-hosting.example", ["+351 912 345 678"], None),
    ]),
    ("Tehran Textiles", "standard", "0030003", [
        ("Sara Ahmadi", "sara@tehran-textiles.example", ["+98 21 2233 4455"], "1357"),
        ("Reza Karimi", "reza@tehran-textiles.example", ["+98 912 123 4567"], None),
    ]),
    ("Golden Gate Traders", "standard", "0040004", [
        ("Maya Chen", "maya@ggt.example", ["+1 415 555 0123"], None),
    ]),
    ("London Retail Group", "gold", "0050005", [
        ("Oliver Smith", "oliver@lrg.example", ["+44 20 7946 0123"], "9753"),
    ]),
]

# username, roles, first, last, teams, phone, skills
STAFF = [
    ("admin", [Role.ADMIN], "Ada", "Admin", [], "+30 210 000 0001", []),
    ("manager", [Role.MANAGER], "Maria", "Manager", ["Service Desk"], "+30 691 000 0002", []),
    ("agent", [Role.AGENT], "Alex", "Agent", ["Service Desk"], "+30 691 000 0003",
     ["english", "greek", "cards", "internet-banking"]),
    ("agent2", [Role.AGENT], "Ana", "Pereira", ["Service Desk", "Hosting Operations"], "+351 912 000 004",
     ["portuguese", "english", "hosting", "vip-desk"]),
    ("agent3", [Role.AGENT], "Dariush", "Rahimi", ["Service Desk"], "+98 912 000 0005",
     ["persian", "english", "email"]),
    ("changemanager", [Role.CHANGE_MANAGER], "Chris", "Change", ["Hosting Operations"], "+30 691 000 0006", []),
    ("cab", [Role.CAB_MEMBER], "Kim", "Board", ["Payments Platform"], "+30 691 000 0007", []),
]
TEAM_MANAGERS = {"Service Desk": "manager", "Payments Platform": "manager", "Digital Banking": "manager",
                 "Hosting Operations": "changemanager", "Messaging": "manager"}


@transaction.atomic
def seed(*, password: str = DEMO_PASSWORD) -> dict:
    """Create or refresh the catalogue and people; returns what it made, by kind."""
    skills = {name: Skill.objects.update_or_create(name=name, defaults={"description": d})[0]
              for name, d in SKILLS.items()}
    teams = {}
    for name, (description, team_skills) in TEAMS.items():
        team, _ = Team.objects.update_or_create(name=name, defaults={"description": description})
        team.skills.set([skills[s] for s in team_skills])
        teams[name] = team
    svcs = {}
    for name, description, owner, target in SERVICES:
        svcs[name], _ = Service.objects.update_or_create(
            name=name, defaults={"description": description, "owner_team": teams[owner],
                                 "availability_target": target})
    cis = {}
    for name, ci_type, service, owner in CIS:
        cis[name], _ = ConfigurationItem.objects.update_or_create(
            name=name, defaults={"ci_type": ci_type, "service": svcs.get(service), "owner_team": teams[owner]})
    for source, kind, target in RELATIONS:
        CIRelation.objects.get_or_create(source=cis[source], target=cis[target], kind=kind)

    users = {}
    for username, roles, first, last, team_names, phone, user_skills in STAFF:
        users[username] = _user(username, password, roles=roles, first_name=first, last_name=last,
                                     teams=[teams[t] for t in team_names], phone=phone,
                                     skills=[skills[s] for s in user_skills])
    for team_name, username in TEAM_MANAGERS.items():
        Team.objects.filter(pk=teams[team_name].pk).update(manager=users[username])
        teams[team_name].members.add(users[username])

    contacts = []
    for name, tier, account, people in CUSTOMERS:
        customer, _ = Customer.objects.update_or_create(account_number=account,
                                                        defaults={"name": name, "tier": tier})
        for person, email, phones, pin in people:
            contact = Contact.objects.filter(customer=customer, email=email).first()
            if contact is None:
                contact = services.contact_create(name=person, customer=customer, email=email,
                                                  phone_numbers=phones, pin=pin)
            else:
                contact = services.contact_update(contact=contact, name=person, phone_numbers=phones, pin=pin)
            contacts.append(contact)

    # The requester: Eleni of the VIP bank, who can sign in to the portal.
    requester = _user("requester", password, roles=[Role.REQUESTER], first_name="Eleni",
                           last_name="Papadopoulou", email="eleni@aegean-bank.example",
                           manager=users["manager"])
    eleni = contacts[0]
    if eleni.user_id != requester.pk:
        Contact.objects.filter(user=requester).exclude(pk=eleni.pk).update(user=None)
        services.contact_update(contact=eleni, user=requester)
    users["requester"] = requester

    return {"services": svcs, "cis": cis, "teams": teams, "skills": skills, "users": users,
            "contacts": contacts, "customers": len(CUSTOMERS)}


def _user(username, password, *, roles, **fields):
    email = fields.pop("email", f"{username}@demo.servicedesk.example")
    user = User.objects.filter(username=username).first()
    if user is None:
        return services.user_create(username=username, password=password, email=email, roles=roles, **fields)
    return services.user_update(user=user, password=password, email=email, roles=roles, **fields)


def seed_demo(context: dict) -> None:
    """``manage.py seed_demo``'s step: the organisation and one user per role."""
    context["password"] = context.get("password") or DEMO_PASSWORD
    made = seed(password=context["password"])
    context.update(made=made, users=made["users"])
