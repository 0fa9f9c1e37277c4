from celery import shared_task


@shared_task
def ping(value: str = "pong") -> str:
    """Answer with ``value``: proves a worker is consuming the broker (used by health tooling and tests)."""
    return value
