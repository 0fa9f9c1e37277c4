"""Thin tasks around the SLA services."""

from celery import shared_task

from .services import escalation_notify, sla_sweep


@shared_task(acks_late=True)
def sweep() -> dict:
    """Beat runs this every ``SLA_SWEEP_SECONDS``."""
    result = sla_sweep()
    return {"breached": result.breached, "escalated": result.escalated}


@shared_task(bind=True, acks_late=True, max_retries=5, default_retry_delay=30)
def fire_escalation(self, escalation_id: int) -> int:
    """Notify one fired escalation's audience (idempotent: notify() keys on the escalation)."""
    try:
        return escalation_notify(escalation_id=escalation_id)
    except Exception as exc:  # the database or a template failed: try again later
        raise self.retry(exc=exc) from exc
