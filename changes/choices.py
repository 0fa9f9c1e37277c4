from django.db import models
from django.utils.translation import gettext_lazy as _


class ChangeStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    ASSESSED = "assessed", _("Assessed")
    CAB_REVIEW = "cab_review", _("Awaiting approval")
    AUTHORIZED = "authorized", _("Authorised")
    SCHEDULED = "scheduled", _("Scheduled")
    IMPLEMENTING = "implementing", _("Implementing")
    REVIEWING = "reviewing", _("In review")
    CLOSED = "closed", _("Closed")
    REJECTED = "rejected", _("Rejected")
    CANCELLED = "cancelled", _("Cancelled")
    FAILED = "failed", _("Failed")


class ChangeType(models.TextChoices):
    STANDARD = "standard", _("Standard")
    NORMAL = "normal", _("Normal")
    EMERGENCY = "emergency", _("Emergency")


class ChangeCategory(models.TextChoices):
    MINOR = "minor", _("Minor")
    SIGNIFICANT = "significant", _("Significant")
    MAJOR = "major", _("Major")


class Outcome(models.TextChoices):
    SUCCESSFUL = "successful", _("Successful")
    FAILED = "failed", _("Failed")
    BACKED_OUT = "backed_out", _("Backed out")


class BoardKind(models.TextChoices):
    CAB = "cab", _("Change Advisory Board")
    ECAB = "ecab", _("Emergency CAB")


class VoteRule(models.TextChoices):
    MAJORITY = "majority", _("Majority")
    UNANIMOUS = "unanimous", _("Unanimous")


class VoteDecision(models.TextChoices):
    APPROVE = "approve", _("Approve")
    REJECT = "reject", _("Reject")
    ABSTAIN = "abstain", _("Abstain")


class ApprovalStage(models.TextChoices):
    """Who must approve next while a change awaits approval."""

    NONE = "", _("—")
    CHANGE_MANAGER = "change_manager", _("Change manager")
    CAB = "cab", _("CAB vote")
    ECAB = "ecab", _("ECAB vote")
    MANAGEMENT = "management", _("IT management")


class Ratification(models.TextChoices):
    NOT_NEEDED = "", _("—")
    PENDING = "pending", _("Implemented first; ECAB ratification pending")
    RATIFIED = "ratified", _("Ratified by the ECAB")
    REFUSED = "refused", _("Refused by the ECAB after implementation")


class ReleaseStatus(models.TextChoices):
    PLANNING = "planning", _("Planning")
    AUTHORIZED = "authorized", _("Deployment authorised")
    DEPLOYED = "deployed", _("Deployed")
    CANCELLED = "cancelled", _("Cancelled")


class ProposalStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Awaiting IT management")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Recommendation(models.TextChoices):
    GO = "go", _("Go")
    NO_GO = "no_go", _("No go")


class ApplyOn(models.TextChoices):
    IMPLEMENT = "implement", _("When implementation starts")
    COMPLETE = "complete", _("When it completes successfully")


class RaciStep(models.TextChoices):
    ASSESS = "assess", _("Assess")
    CAB = "cab", _("CAB review")
    AUTHORIZE = "authorize", _("Authorise")
    DEPLOYMENT = "deployment", _("Authorise the deployment")
    IMPLEMENT = "implement", _("Implement")
    REVIEW = "review", _("Review")
    CLOSE = "close", _("Close")


class Raci(models.TextChoices):
    RESPONSIBLE = "R", _("Responsible")
    ACCOUNTABLE = "A", _("Accountable")
    CONSULTED = "C", _("Consulted")
    INFORMED = "I", _("Informed")
