from django.db import models
from django.utils.translation import gettext_lazy as _


class Protocol(models.TextChoices):
    IMAP = "imap", _("IMAP (polled)")
    PUSH = "push", _("Push (raw message posted)")


class Creates(models.TextChoices):
    INCIDENT = "incident", _("Incidents")
    REQUEST = "request", _("Service requests")


class Direction(models.TextChoices):
    IN = "in", _("Received")
    OUT = "out", _("Sent")


class MessageStatus(models.TextChoices):
    PROCESSED = "processed", _("Processed")
    IGNORED = "ignored", _("Ignored")
    FAILED = "failed", _("Failed")


class Result(models.TextChoices):
    """What ``mail_receive`` did with a message (the ``inbound/`` API's ``result``)."""

    CREATED = "created", _("Created a ticket")
    APPENDED = "appended", _("Appended to a ticket")
    REOPENED = "reopened", _("Reopened a ticket")
    IGNORED = "ignored", _("Ignored")
    DUPLICATE = "duplicate", _("Duplicate")
