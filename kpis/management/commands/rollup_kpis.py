from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.http import QueryDict
from rest_framework.exceptions import ValidationError

from core.api.periods import parse_period
from kpis.rollups import rollup_window


class Command(BaseCommand):
    help = ("Recompute the KPI rollups for a window (from inclusive, to exclusive; a date or an ISO 8601 "
            "datetime, UTC without an offset). Default: the last day. Safe to run again or beside the beat task.")

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="start", help="e.g. 2026-01-01 or 2026-01-01T08:00:00Z")
        parser.add_argument("--to", dest="end", help="e.g. 2026-02-01 (exclusive; default: now)")

    def handle(self, *args, start=None, end=None, **options):
        params = QueryDict(mutable=True)
        for name, value in (("from", start), ("to", end)):
            if value:
                params[name] = value
        try:
            begin, finish = parse_period(params, default_days=1)
        except ValidationError as exc:
            raise CommandError("; ".join(f"--{field}: {' '.join(map(str, messages))}"
                                         for field, messages in exc.detail.items())) from exc
        # The last instant counts (a window ending now still takes the call that just started).
        rows = rollup_window(start=begin, end=finish if end else finish + timedelta(microseconds=1))
        self.stdout.write(f"KPI rollups {begin.isoformat()} → {finish.isoformat()}: "
                          + ", ".join(f"{count} {name.replace('_', ' ')}" for name, count in sorted(rows.items())))
