"""Listens to the incidents app: a new incident may be a resolved problem coming back."""

import logging

from django.dispatch import receiver

from incidents.signals import incident_created

from .tasks import check_recurrence as recurrence_check

logger = logging.getLogger(__name__)


@receiver(incident_created, dispatch_uid="problems-recurrence")
def check_recurrence(sender, incident_id: int, **kwargs) -> None:
    if "created_at" in kwargs:  # the sender said which service, CI and instant: maybe nothing to check
        from .services import recurrence_possible  # the services import the incidents app: not at load time

        if not recurrence_possible(
            service_id=kwargs.get("service_id"), ci_id=kwargs.get("ci_id"), created_at=kwargs["created_at"]
        ):
            return  # no problem fixed lately names its service or CI: the check would find nothing
    try:
        recurrence_check.delay(incident_id)
    except Exception:  # the broker is down: the incident is saved; the check is lost, say so loudly
        logger.exception("could not queue the recurrence check for incident %s", incident_id)
