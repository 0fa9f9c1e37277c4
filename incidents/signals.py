"""Signals for the apps below this one (the contact center's IVR announcements, the status
page's subscribers). Each is sent after the transaction commits, with the major incident's
id, so a receiver never sees a change that was rolled back and may hand the id to Celery.

- ``major_incident_declared(major_incident_id)``
- ``major_incident_announcement_changed(major_incident_id, announcement)``
- ``major_incident_resolved(major_incident_id)``
- ``stakeholder_update_posted(major_incident_id, update_id, public)``
"""

from django.dispatch import Signal

major_incident_declared = Signal()
major_incident_announcement_changed = Signal()
major_incident_resolved = Signal()
stakeholder_update_posted = Signal()

#: ``incident_created(incident_id, channel, service_id, ci_id, created_at)``: a new incident was
#: recorded (problem management checks whether a resolved problem came back, when one fixed
#: lately names its service or CI; the mail channel acknowledges an email's).
incident_created = Signal()

#: ``incident_note_added(incident_id, note_id, visibility, by_staff)``: a work note or a comment
#: was added, sent after commit (the mail app emails an agent's public comment to the
#: contact of an email ticket).
incident_note_added = Signal()

#: ``incident_resolved(incident_id)``: an incident was resolved, sent after commit (the crm
#: app sends its contact a satisfaction survey).
incident_resolved = Signal()
