"""The war room's timeline of a major incident, written here only: every service that
records a line on it (declare, lifecycle, team, tasks, updates, links, the postmortem)
calls ``timeline_event`` or one of the named events below."""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .choices import TimelineKind
from .models import Incident, MajorIncident, TimelineEvent


def actor_name(user) -> str:
    """How the timeline names a person (``the system`` for automatic steps)."""
    if user is None:
        return _("the system")
    return user.get_full_name() or user.get_username()


def timeline_event(major: MajorIncident, kind: str, text: str, actor=None,
                   at: datetime | None = None) -> TimelineEvent:
    return TimelineEvent.objects.create(major_incident=major, kind=kind, text=str(text)[:500], actor=actor,
                                        at=at or timezone.now())


def major_incident_declared(major: MajorIncident, *, actor, summary: str, at: datetime) -> TimelineEvent:
    return timeline_event(major, TimelineKind.DECLARED, _("%(who)s declared a major incident: %(summary)s")
                          % {"who": actor_name(actor), "summary": summary}, actor, at)


def incident_linked(major: MajorIncident, incident: Incident, *, actor, at: datetime | None = None) -> TimelineEvent:
    """An incident became one more report of the major incident's outage."""
    return timeline_event(major, TimelineKind.LINK, _("%(number)s linked: %(title)s")
                          % {"number": incident.number, "title": incident.title[:200]}, actor, at)


def incidents_linked(major: MajorIncident, incidents: list[Incident], *, actor,
                     at: datetime | None = None) -> TimelineEvent:
    """Several open reports of the outage joined the master at once (one line, not one each)."""
    return timeline_event(major, TimelineKind.LINK,
                          ngettext("%(count)d incident linked: %(numbers)s", "%(count)d incidents linked: %(numbers)s",
                                   len(incidents))
                          % {"count": len(incidents), "numbers": ", ".join(i.number for i in incidents)}, actor, at)
