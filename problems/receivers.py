"""Listens to the incidents app: a new incident may be a resolved problem coming back."""

from django.dispatch import receiver

from incidents.signals import incident_created


@receiver(incident_created, dispatch_uid="problems-recurrence")
def check_recurrence(sender, incident_id: int, **kwargs) -> None:
    from .tasks import check_recurrence as task

    task.delay(incident_id)
