from django.db import models
from django.utils.translation import gettext_lazy as _

# Escalations use the notification channels (email, SMS, in-app).
from notifications.choices import Channel  # noqa: F401


class TicketKind(models.TextChoices):
    INCIDENT = "incident", _("Incident")
    REQUEST = "request", _("Service request")
    PROBLEM = "problem", _("Problem")
    CHANGE = "change", _("Change")
    COMPLAINT = "complaint", _("Complaint")


class Metric(models.TextChoices):
    RESPONSE = "response", _("Response")
    RESOLUTION = "resolution", _("Resolution")


class TimerStatus(models.TextChoices):
    RUNNING = "running", _("Running")
    PAUSED = "paused", _("Paused")
    MET = "met", _("Met")
    BREACHED = "breached", _("Breached")


class EscalationTarget(models.TextChoices):
    ASSIGNEE = "assignee", _("Assignee")
    TEAM_MANAGER = "team_manager", _("Team manager")
    GROUP = "group", _("Group")
    #: The person who asked (a service request's requester, a complaint's contact): told in
    #: plain words that the promised date was missed.
    REQUESTER = "requester", _("Requester")


class EventKind(models.TextChoices):
    START = "start", _("Started")
    PAUSE = "pause", _("Paused")
    RESUME = "resume", _("Resumed")
    STOP = "stop", _("Stopped")
    REOPEN = "reopen", _("Reopened")
    POLICY_CHANGE = "policy_change", _("Policy changed")
    CALENDAR_CHANGE = "calendar_change", _("Calendar changed")
    BREACH = "breach", _("Breached")
    ESCALATION = "escalation", _("Escalated")

