from django.db import models
from django.utils.translation import gettext_lazy as _


class ServiceState(models.TextChoices):
    """What the status page says about a service (and, for the worst of them, overall)."""

    OPERATIONAL = "operational", _("Operational")
    UNDER_MAINTENANCE = "under_maintenance", _("Under maintenance")
    DEGRADED = "degraded", _("Degraded performance")
    PARTIAL_OUTAGE = "partial_outage", _("Partial outage")
    MAJOR_OUTAGE = "major_outage", _("Major outage")


#: Higher is worse: the worst state wins. Maintenance ranks below any incident impact, so a
#: major incident during a maintenance window still shows as the outage it is.
SEVERITY = {
    ServiceState.OPERATIONAL: 0,
    ServiceState.UNDER_MAINTENANCE: 1,
    ServiceState.DEGRADED: 2,
    ServiceState.PARTIAL_OUTAGE: 3,
    ServiceState.MAJOR_OUTAGE: 4,
}

#: The banner at the top of the page, by overall state.
HEADLINES = {
    ServiceState.OPERATIONAL: _("All systems operational"),
    ServiceState.UNDER_MAINTENANCE: _("Scheduled maintenance in progress"),
    ServiceState.DEGRADED: _("Some services are running slowly"),
    ServiceState.PARTIAL_OUTAGE: _("Some services are partly unavailable"),
    ServiceState.MAJOR_OUTAGE: _("Some services are unavailable"),
}


class IncidentPhase(models.TextChoices):
    """A major incident's lifecycle as the public sees it: the internal steps (mobilised,
    reviewed, closed) are the desk's business."""

    INVESTIGATING = "investigating", _("Investigating")
    MITIGATED = "mitigated", _("Mitigated")
    RESOLVED = "resolved", _("Resolved")


#: Major incident status → public phase.
PHASES = {
    "declared": IncidentPhase.INVESTIGATING,
    "mobilised": IncidentPhase.INVESTIGATING,
    "contained": IncidentPhase.MITIGATED,
    "resolved": IncidentPhase.RESOLVED,
    "reviewed": IncidentPhase.RESOLVED,
    "closed": IncidentPhase.RESOLVED,
}


class MaintenanceState(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    IN_PROGRESS = "in_progress", _("In progress")


def phase_of(status: str) -> str:
    """The public phase of a major incident status (investigating for any status added later)."""
    return PHASES.get(status, IncidentPhase.INVESTIGATING)
