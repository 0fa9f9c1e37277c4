"""What crm hears from the ticket apps above it: a resolved incident or a fulfilled request
sends its contact a satisfaction survey. The signals come after commit, with ids; the work is
a Celery task."""

from django.dispatch import receiver

from incidents.signals import incident_resolved
from servicerequests.signals import request_fulfilled

from .choices import SurveyTicketKind
from .tasks import send_survey


@receiver(incident_resolved, dispatch_uid="crm.survey.incident_resolved")
def _incident_resolved(sender, incident_id, **kwargs):
    send_survey.delay(SurveyTicketKind.INCIDENT, incident_id)


@receiver(request_fulfilled, dispatch_uid="crm.survey.request_fulfilled")
def _request_fulfilled(sender, request_id, **kwargs):
    send_survey.delay(SurveyTicketKind.REQUEST, request_id)
