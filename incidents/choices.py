from django.db import models
from django.utils.translation import gettext_lazy as _


class IncidentStatus(models.TextChoices):
    NEW = "new", _("New")
    ASSIGNED = "assigned", _("Assigned")
    IN_PROGRESS = "in_progress", _("In progress")
    ON_HOLD = "on_hold", _("On hold")
    RESOLVED = "resolved", _("Resolved")
    CLOSED = "closed", _("Closed")


OPEN_STATUSES = (IncidentStatus.NEW, IncidentStatus.ASSIGNED, IncidentStatus.IN_PROGRESS, IncidentStatus.ON_HOLD)


class Channel(models.TextChoices):
    PHONE = "phone", _("Phone")
    EMAIL = "email", _("Email")
    PORTAL = "portal", _("Portal")
    MONITORING = "monitoring", _("Monitoring")
    CHAT = "chat", _("Chat")


class ResolutionCode(models.TextChoices):
    FIXED = "fixed", _("Fixed")
    WORKAROUND = "workaround", _("Workaround applied")
    DUPLICATE = "duplicate", _("Duplicate")
    NOT_REPRODUCIBLE = "not_reproducible", _("Not reproducible")
    USER_ERROR = "user_error", _("User error")
    CANCELLED = "cancelled", _("Cancelled")


class NoteVisibility(models.TextChoices):
    INTERNAL = "internal", _("Work note (internal)")
    PUBLIC = "public", _("Comment (customer-visible)")


class Level(models.IntegerChoices):
    HIGH = 1, _("1 – High")
    MEDIUM = 2, _("2 – Medium")
    LOW = 3, _("3 – Low")


class MajorIncidentStatus(models.TextChoices):
    DECLARED = "declared", _("Declared")
    MOBILISED = "mobilised", _("Mobilised")
    CONTAINED = "contained", _("Contained")
    RESOLVED = "resolved", _("Resolved")
    REVIEWED = "reviewed", _("Reviewed")
    CLOSED = "closed", _("Closed")


#: A major incident in one of these is still hurting someone.
ACTIVE_MAJOR_STATUSES = (MajorIncidentStatus.DECLARED, MajorIncidentStatus.MOBILISED, MajorIncidentStatus.CONTAINED)


class TeamRole(models.TextChoices):
    INCIDENT_MANAGER = "incident_manager", _("Incident manager")
    TECHNICAL_LEAD = "technical_lead", _("Technical lead")
    COMMUNICATIONS_LEAD = "communications_lead", _("Communications lead")
    SLA_MANAGER = "sla_manager", _("SLA manager")
    EXTERNAL_EXPERT = "external_expert", _("External expert")
    MEMBER = "member", _("Team member")


class TaskStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


class Audience(models.TextChoices):
    TECHNICAL = "technical", _("Technical staff")
    MANAGEMENT = "management", _("Management")
    STAKEHOLDERS = "stakeholders", _("Key stakeholders")
    USERS = "users", _("Affected users")
    PUBLIC = "public", _("Public status page")


class UpdateEvent(models.TextChoices):
    UNPLANNED = "unplanned", _("Unplanned")
    PLANNED = "planned", _("Planned")


class ServiceImpact(models.TextChoices):
    """How badly a major incident hurts its services (the status page shows the worst)."""

    DEGRADED = "degraded", _("Degraded performance")
    PARTIAL_OUTAGE = "partial_outage", _("Partial outage")
    MAJOR_OUTAGE = "major_outage", _("Major outage")


class TimelineKind(models.TextChoices):
    DECLARED = "declared", _("Declared")
    TRANSITION = "transition", _("Status change")
    UPDATE = "update", _("Stakeholder update")
    TEAM = "team", _("Team")
    TASK = "task", _("Task")
    LINK = "link", _("Linked incident")
    ANNOUNCEMENT = "announcement", _("Announcement")
    NOTIFICATION = "notification", _("Notification")
    NOTE = "note", _("Note")


class SpikeAlertStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DECLARED = "declared", _("Declared")
    DISMISSED = "dismissed", _("Dismissed")


class DemandSource(models.TextChoices):
    CALL = "call", _("Inbound call")
    EMAIL = "email", _("Email")
    CHAT = "chat", _("Chat")
    MONITORING = "monitoring", _("Monitoring alert")
    OTHER = "other", _("Other")
