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
