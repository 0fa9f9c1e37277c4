from django.core.management.base import BaseCommand

from servicedesk import partitions


class Command(BaseCommand):
    help = ("Remove SLA events, deliveries and alerts older than their retention (SLA_EVENT_RETENTION_MONTHS, "
            "DELIVERY_RETENTION_MONTHS, ALERT_RETENTION_MONTHS): on PostgreSQL whole monthly partitions, after "
            "the rows pointing at them are dealt with as their on_delete says; elsewhere one set-based DELETE. "
            "docs/operations.md, \"Partitioned tables and retention\".")

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only print what would be removed.")

    def handle(self, *args, dry_run=False, **options):
        done = partitions.prune(dry_run=dry_run)
        verb = "would drop" if dry_run else "dropped"
        for item in done:
            what = f"partition {item.what}" if item.what != "rows" else "rows past the retention"
            if item.note and not item.dropped:
                self.stdout.write(f"{item.table}: kept {what} ({item.rows} row(s)): {item.note}")
            elif item.what == "rows":
                self.stdout.write(f"{item.table}: {'would delete' if dry_run else 'deleted'} {item.rows} "
                                  f"row(s) past the retention")
            else:
                self.stdout.write(f"{item.table}: {verb} {what} ({item.rows} row(s))")
        if not done:
            self.stdout.write("Nothing past the retention.")
