"""Thin Celery tasks: take ids, call a service. A task imports its service inside its body
(the services import these tasks at the top, to queue them)."""

from celery import shared_task


@shared_task(acks_late=True, max_retries=3)
def send_survey(ticket_kind: str, ticket_id: int) -> int | None:
    """A resolved incident or request, or a closed complaint: its contact's one survey. Safe
    to run twice: the second finds the survey sent and does nothing."""
    from .services.survey import survey_send  # the services import this module

    survey = survey_send(ticket_kind=ticket_kind, ticket_id=ticket_id)
    return survey.pk if survey else None
