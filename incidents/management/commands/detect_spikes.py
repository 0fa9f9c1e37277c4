from django.core.management.base import BaseCommand, CommandError
from django.utils.dateparse import parse_datetime

from incidents.services import detect_spikes


class Command(BaseCommand):
    help = "Evaluate every spike rule once now and raise alerts for new spikes (safe next to the beat task)."

    def add_arguments(self, parser):
        parser.add_argument("--now", help="evaluate as of this ISO 8601 instant (default: now)")

    def handle(self, *args, now=None, **options):
        instant = None
        if now:
            try:
                instant = parse_datetime(now)
            except ValueError:
                instant = None
            if instant is None or instant.tzinfo is None:
                raise CommandError("--now needs an ISO 8601 datetime with an offset, e.g. 2026-11-22T10:00:00Z")
        alerts = detect_spikes(now=instant)
        self.stdout.write(f"Spike detection: {len(alerts)} new alert(s).")
        for alert in alerts:
            self.stdout.write(f"  {alert.service}: {alert.count} in {alert.rule.window_minutes} min "
                              f"({alert.get_status_display().lower()})")
