from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class CallOutcome(models.TextChoices):
    ANSWERED = "answered", _("Answered")
    ABANDONED = "abandoned", _("Abandoned")
    VOICEMAIL = "voicemail", _("Voicemail")
    DEFLECTED = "deflected", _("Deflected by an announcement")
    TRANSFERRED = "transferred", _("Transferred")
    MISSED = "missed", pgettext_lazy("call", "Missed")


#: Twilio's CallStatus values, in the order a call moves through them.
CALL_STATUSES = ["queued", "initiated", "ringing", "in-progress", "completed", "busy", "no-answer", "failed",
                 "canceled"]
FINAL_STATUSES = ("completed", "busy", "no-answer", "failed", "canceled")


class CallbackReason(models.TextChoices):
    ABANDONED = "abandoned", _("Hung up while waiting")
    AFTER_HOURS = "after_hours", _("Called after hours")
    VOICEMAIL = "voicemail", _("Left a voicemail")
    MISSED = "missed", pgettext_lazy("call", "Missed")


class CallbackStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLAIMED = "claimed", _("Claimed")
    DONE = "done", _("Done")


class AgentStateChoice(models.TextChoices):
    AVAILABLE = "available", _("Available")
    BUSY = "busy", _("Busy")
    WRAP_UP = "wrap_up", _("Wrap-up")
    OFFLINE = "offline", _("Offline")


class DialEntryStatus(models.TextChoices):
    """CC-B (issue 22.2): where a number of an auto-dial list stands."""

    PENDING = "pending", _("To dial")
    DONE = "done", _("Reached")
    EXHAUSTED = "exhausted", _("Not reached (attempts used up)")
    REMOVED = "removed", _("Removed")
