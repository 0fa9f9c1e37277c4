"""``manage.py seed_demo``: a realistic demo organisation. Each app seeds its own part
(``catalog/demo.py``, ``sla/demo.py``, ``incidents/demo.py``, ``problems/demo.py``,
``changes/demo.py``, ``statuspage/demo.py``); running it again refreshes the same records."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db import transaction

from catalog import demo as catalog_demo
from changes import demo as changes_demo
from contactcenter import demo as contactcenter_demo
from incidents import demo as incidents_demo
from notifications.services import notify
from problems import demo as problems_demo
from servicerequests import demo as requests_demo
from sla import demo as sla_demo
from statuspage import demo as statuspage_demo


class Command(BaseCommand):
    help = "Create (or refresh) the demo organisation and one user per role. Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument("--password", default=catalog_demo.DEMO_PASSWORD, help="password for every demo user")

    def handle(self, *args, password: str, **options):
        with transaction.atomic():  # all or nothing; the report below is printed after the commit
            made, sla, incidents = self._seed(password)
        self._report(password, made, sla, incidents)

    def _seed(self, password):
        made = catalog_demo.seed(password=password)
        sla = sla_demo.seed(users=made["users"])
        incidents = incidents_demo.seed(users=made["users"])
        problems_demo.seed(users=made["users"])
        changes_demo.seed(users=made["users"])
        requests_demo.seed(users=made["users"])  # the catalogue and requests in flight
        statuspage_demo.seed()  # the status page's maintenance window and subscriber
        contactcenter_demo.seed(users=made["users"])  # the support line, queues and four weeks of calls
        from django.utils import timezone

        from kpis.rollups import rollup_window

        now = timezone.now()  # the dashboards read rollups: make them for the demo's history
        rollup_window(start=now - timedelta(days=contactcenter_demo.DAYS + 1), end=now)
        users = made["users"]
        notify(list(users.values()), "welcome", {}, ["in_app"], idempotency_key="seed-demo-welcome")
        return made, sla, incidents

    def _report(self, password, made, sla, incidents):
        users = made["users"]
        self.stdout.write(self.style.SUCCESS(
            f"Demo organisation ready: {len(made['services'])} services, {len(made['cis'])} CIs, "
            f"{made['customers']} customers, {len(made['contacts'])} contacts, {len(made['teams'])} teams, "
            f"{len(made['skills'])} skills, {len(sla['calendars'])} business calendars, "
            f"{len(sla['policies'])} SLA policies, {len(incidents)} incidents."))
        self.stdout.write(f"Demo users (password: {password}):")
        for username in ["admin", "manager", "agent", "agent2", "agent3", "changemanager", "cab", "requester"]:
            roles = ", ".join(sorted(users[username].groups.values_list("name", flat=True)))
            self.stdout.write(f"  {username:<14} {roles}")
