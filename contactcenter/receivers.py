"""The IVR announcement follows the major incident: on when declared, its text when edited,
off when resolved (the incidents app's signals, sent after commit)."""

from django.dispatch import receiver

from incidents.signals import major_incident_announcement_changed, major_incident_declared, major_incident_resolved

from .services import announcement_sync


@receiver(major_incident_declared, dispatch_uid="contactcenter.declared")
@receiver(major_incident_announcement_changed, dispatch_uid="contactcenter.announcement")
@receiver(major_incident_resolved, dispatch_uid="contactcenter.resolved")
def sync_announcement(sender, major_incident_id, **kwargs):
    announcement_sync(major_incident_id=major_incident_id)
