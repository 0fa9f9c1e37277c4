from django.db import models
from django.utils.translation import gettext_lazy as _


class RequestStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    AWAITING_APPROVAL = "awaiting_approval", _("Awaiting approval")
    APPROVED = "approved", _("Approved")
    FULFILLING = "fulfilling", _("Being fulfilled")
    FULFILLED = "fulfilled", _("Fulfilled")
    CLOSED = "closed", _("Closed")
    REJECTED = "rejected", _("Rejected")
    CANCELLED = "cancelled", _("Cancelled")


OPEN_REQUEST_STATUSES = (RequestStatus.SUBMITTED, RequestStatus.AWAITING_APPROVAL, RequestStatus.APPROVED,
                         RequestStatus.FULFILLING)


class FieldType(models.TextChoices):
    TEXT = "text", _("Text")
    TEXTAREA = "textarea", _("Long text")
    CHOICE = "choice", _("Choice")
    NUMBER = "number", _("Number")
    DATE = "date", _("Date")
    USER = "user", _("Person")
    CI = "ci", _("Configuration item")


class ApproverKind(models.TextChoices):
    MANAGER = "manager", _("The requester's manager")
    GROUP = "group", _("A group")


class ApprovalRule(models.TextChoices):
    ANY = "any", _("Any one of them")
    ALL = "all", _("All of them")


class ApprovalDecision(models.TextChoices):
    PENDING = "pending", _("Waiting")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    SKIPPED = "skipped", _("Not needed")


class TaskStatus(models.TextChoices):
    PENDING = "pending", _("Not started (waiting for earlier tasks)")
    OPEN = "open", _("To do")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")
