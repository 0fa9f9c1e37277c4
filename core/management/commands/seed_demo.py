"""``manage.py seed_demo``: a realistic demo organisation. Each installed app seeds its own
part: a ``demo.py`` with ``seed_demo(context)``, called in ``INSTALLED_APPS`` order (an app
comes after the apps it builds on) with one shared ``context`` (``password``, then what the
apps before it added, e.g. ``users``). Running it again refreshes the same records."""

from importlib import import_module, util

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

DEMO_USERS = ["admin", "manager", "agent", "agent2", "agent3", "changemanager", "cab", "requester"]


def demo_steps():
    """Each installed app's ``seed_demo``, in ``INSTALLED_APPS`` order."""
    steps = []
    for config in apps.get_app_configs():
        name = f"{config.name}.demo"
        if util.find_spec(name) is None:
            continue
        step = getattr(import_module(name), "seed_demo", None)
        if step is not None:
            steps.append((config.label, step))
    return steps


class Command(BaseCommand):
    help = "Create (or refresh) the demo organisation and one user per role. Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument("--password", default=None,
                            help="password for every demo user (default: the catalogue demo's)")

    def handle(self, *args, password: str, **options):
        context = {"password": password}
        with transaction.atomic():  # all or nothing; the report below is printed after the commit
            for _label, step in demo_steps():
                step(context)
        self._report(context)

    def _report(self, context):
        made, users = context["made"], context["users"]
        self.stdout.write(self.style.SUCCESS(
            f"Demo organisation ready: {len(made['services'])} services, {len(made['cis'])} CIs, "
            f"{made['customers']} customers, {len(made['contacts'])} contacts, {len(made['teams'])} teams, "
            f"{len(made['skills'])} skills, {len(context['sla']['calendars'])} business calendars, "
            f"{len(context['sla']['policies'])} SLA policies, {len(context['incidents'])} incidents."))
        self.stdout.write(f"Demo users (password: {context['password']}):")
        for username in DEMO_USERS:
            roles = ", ".join(sorted(users[username].groups.values_list("name", flat=True)))
            self.stdout.write(f"  {username:<14} {roles}")
