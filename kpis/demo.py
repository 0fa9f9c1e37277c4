"""The demo's rollups: the dashboards read rollup tables, so make them for the seeded history."""

from datetime import timedelta

from django.utils import timezone

from contactcenter import demo as contactcenter_demo

from .rollups import rollup_window


def seed_demo(context: dict) -> None:
    """``manage.py seed_demo``'s step, after the contact center's calls."""
    now = timezone.now()
    rollup_window(start=now - timedelta(days=contactcenter_demo.DAYS + 1), end=now)
