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
