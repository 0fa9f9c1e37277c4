"""The incidents app's models: incidents and their notes and attachments; major incidents
with their team, tasks, updates, timeline and postmortem; spike rules and alerts."""

from .incident import Attachment, Incident, IncidentNote, PriorityMatrix, attachment_path
from .major import (
    MajorIncident,
    MajorIncidentMember,
    MajorIncidentTask,
    Postmortem,
    StakeholderUpdate,
    TimelineEvent,
)
from .spikes import DemandSignal, SpikeAlert, SpikeRule

__all__ = [
    "Attachment", "DemandSignal", "Incident", "IncidentNote", "MajorIncident", "MajorIncidentMember",
    "MajorIncidentTask", "Postmortem", "PriorityMatrix", "SpikeAlert", "SpikeRule", "StakeholderUpdate",
    "TimelineEvent", "attachment_path",
]
