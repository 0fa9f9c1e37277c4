from celery import shared_task


@shared_task
def ping(value: str = "pong") -> str:
    """Answer with ``value``: proves a worker is consuming the broker (used by health tooling and tests)."""
    return value


@shared_task(acks_late=True)
def maintain_partitions() -> dict:
    """Daily: the coming months' partitions (idempotent), then the retention
    (docs/operations.md, "Partitioned tables and retention"). Safe to run twice or late."""
    from servicedesk import partitions

    created = partitions.create_ahead()
    pruned = partitions.prune()
    return {"created": created, "dropped": [p.what for p in pruned if p.dropped and p.what != "rows"],
            "deleted_rows": sum(p.rows for p in pruned if p.dropped and p.what == "rows")}
