from django.db import models
from django.utils.translation import gettext_lazy as _


# --- opportunities (crm-360) ---
class OpportunityStage(models.TextChoices):
    NEW = "new", _("New")
    QUALIFIED = "qualified", _("Qualified")
    PROPOSAL = "proposal", _("Proposal")
    WON = "won", _("Won")
    LOST = "lost", _("Lost")


OPEN_OPPORTUNITY_STAGES = (OpportunityStage.NEW, OpportunityStage.QUALIFIED, OpportunityStage.PROPOSAL)


class TimelineKind(models.TextChoices):
    CALL = "call", _("Call")
    INCIDENT = "incident", _("Incident")
    REQUEST = "request", _("Request")
    COMPLAINT = "complaint", _("Complaint")
    SURVEY = "survey", _("Survey")
    EMAIL = "email", _("Email")
    OPPORTUNITY = "opportunity", _("Opportunity")


# --- complaints and surveys (crm-complaints) ---
class ComplaintKind(models.TextChoices):
    COMPLAINT = "complaint", _("Complaint")
    COMPLIMENT = "compliment", _("Compliment")
    SUGGESTION = "suggestion", _("Suggestion")


class ComplaintChannel(models.TextChoices):
    PHONE = "phone", _("Phone")
    EMAIL = "email", _("Email")
    PORTAL = "portal", _("Portal")
    LETTER = "letter", _("Letter")
    SOCIAL = "social", _("Social media")


class ComplaintStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    ACKNOWLEDGED = "acknowledged", _("Acknowledged")
    INVESTIGATING = "investigating", _("Investigating")
    ESCALATED = "escalated", _("Escalated")
    RESPONDED = "responded", _("Responded")
    CLOSED = "closed", _("Closed")


OPEN_COMPLAINT_STATUSES = (ComplaintStatus.RECEIVED, ComplaintStatus.ACKNOWLEDGED, ComplaintStatus.INVESTIGATING,
                           ComplaintStatus.ESCALATED)


class Severity(models.IntegerChoices):
    HIGH = 1, _("1 - High")
    MEDIUM = 2, _("2 - Medium")
    LOW = 3, _("3 - Low")


class SurveyTicketKind(models.TextChoices):
    INCIDENT = "incident", _("Incident")
    REQUEST = "request", _("Service request")
    COMPLAINT = "complaint", _("Complaint")


class SurveyChannel(models.TextChoices):
    EMAIL = "email", _("Email")
    SMS = "sms", _("SMS")
    CALL = "call", _("Call")
