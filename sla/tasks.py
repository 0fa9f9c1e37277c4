"""Thin tasks around the SLA services. Each imports its service inside the task body: the
services import these tasks at the top (to queue them), so a top-level import here would
be a cycle."""

from celery import shared_task


@shared_task(acks_late=True)
def sweep() -> dict:
    """Beat runs this every ``SLA_SWEEP_SECONDS``."""
    from .services import sla_sweep  # the services import this module (see above)

    result = sla_sweep()
    return {"breached": result.breached, "escalated": result.escalated}


@shared_task(bind=True, acks_late=True, max_retries=5, default_retry_delay=30)
def fire_escalations(self, escalation_ids: list[int]) -> int:
    """Notify the audiences of fired escalations, in order (idempotent: notify() keys on
    each escalation, so a retry of the whole chunk delivers nothing twice)."""
    from .services import escalation_notify  # the services import this module (see above)

    try:
        return sum(escalation_notify(escalation_id=escalation_id) for escalation_id in escalation_ids)
    except Exception as exc:  # the database or a template failed: try again later
        raise self.retry(exc=exc) from exc
