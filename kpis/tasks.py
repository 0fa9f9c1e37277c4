"""Thin Celery tasks around the KPI rollups."""

from celery import shared_task

from .rollups import rollup_recent as _rollup_recent


@shared_task(acks_late=True)
def rollup_recent() -> dict[str, int]:
    """Beat runs this every ``KPI_ROLLUP_SECONDS``: recompute the last
    ``KPI_ROLLUP_LOOKBACK_HOURS`` (idempotent: safe to run twice, late or in parallel)."""
    return _rollup_recent()
