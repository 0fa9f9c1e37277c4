"""Every write in the incidents app, by concern: ``incident`` (incidents, notes,
attachments), ``major`` (major incidents), ``spikes`` (spike detection and alerts). The
names are re-exported here, so callers write ``services.incident_resolve(...)``."""

from .incident import (
    ACTION_VERBS,
    EDITABLE,
    default_team,
    incident_add_note,
    incident_assign,
    incident_attach,
    incident_close,
    incident_create,
    incident_hold,
    incident_link,
    incident_link_to_master,
    incident_reopen,
    incident_resolve,
    incident_resume,
    incident_start,
    incident_update,
    incidents_auto_close,
    priority_for,
    validate_upload,
)
from .major import (
    audience_recipients,
    can_declare,
    can_run,
    can_work,
    major_incident_add_member,
    major_incident_add_task,
    major_incident_declare,
    major_incident_post_update,
    major_incident_remind_updates,
    major_incident_remove_member,
    major_incident_set_announcement,
    major_incident_transition,
    major_incident_update_task,
    postmortem_for,
    postmortem_link,
    postmortem_prefill,
    postmortem_save,
)
from .spikes import demand_record, detect_spikes, spike_alert_declare, spike_alert_dismiss, spike_rule_validate

__all__ = [
    "ACTION_VERBS", "EDITABLE", "audience_recipients", "can_declare", "can_run", "can_work", "default_team",
    "demand_record", "detect_spikes", "incident_add_note", "incident_assign", "incident_attach", "incident_close",
    "incident_create", "incident_hold", "incident_link", "incident_link_to_master",
    "incident_reopen", "incident_resolve", "incident_resume",
    "incident_start", "incident_update", "incidents_auto_close", "major_incident_add_member",
    "major_incident_add_task", "major_incident_declare", "major_incident_post_update",
    "major_incident_remind_updates", "major_incident_remove_member", "major_incident_set_announcement",
    "major_incident_transition", "major_incident_update_task", "postmortem_for", "postmortem_link",
    "postmortem_prefill",
    "postmortem_save", "priority_for", "spike_alert_declare", "spike_alert_dismiss", "spike_rule_validate",
    "validate_upload",
]
