from django.core.management.base import BaseCommand
from django.db import connection

from servicedesk import partitions


class Command(BaseCommand):
    help = ("Create the monthly partitions of the partitioned tables (SLA events, deliveries, alerts) for this "
            "month and the next ones, on PostgreSQL; idempotent. docs/operations.md, "
            "\"Partitioned tables and retention\".")

    def add_arguments(self, parser):
        parser.add_argument("--months", type=int, default=None,
                            help="How many months after this one (default: PARTITIONS_AHEAD_MONTHS, 3).")

    def handle(self, *args, months=None, **options):
        if connection.vendor != "postgresql":
            self.stdout.write(f"{connection.vendor}: plain tables, no partitions to create.")
            return
        created = partitions.create_ahead(months=months)
        for name in created:
            self.stdout.write(f"created {name}")
        self.stdout.write(f"{len(created)} partition(s) created.")
