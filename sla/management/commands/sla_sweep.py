from django.core.management.base import BaseCommand, CommandError
from django.utils.dateparse import parse_datetime

from sla.services import sla_sweep


class Command(BaseCommand):
    help = "Run one SLA sweep now: mark breaches and fire due escalations (safe next to the beat task)."

    def add_arguments(self, parser):
        parser.add_argument("--now", help="sweep as of this ISO 8601 instant (default: now)")

    def handle(self, *args, now=None, **options):
        instant = None
        if now:
            try:
                instant = parse_datetime(now)
            except ValueError:
                instant = None
            if instant is None or instant.tzinfo is None:
                raise CommandError("--now needs an ISO 8601 datetime with an offset, e.g. 2026-11-22T10:00:00Z")
        result = sla_sweep(now=instant)
        self.stdout.write(f"SLA sweep: {result.breached} breached, {result.escalated} escalations fired.")
