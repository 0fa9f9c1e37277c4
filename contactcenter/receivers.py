"""The IVR announcement follows the major incident: on when declared, its text when edited,
off when resolved (the incidents app's signals, sent after commit); a deleted prompt recording
leaves its line's (or announcement's) prompt map."""

from django.db.models.signals import post_delete
from django.dispatch import receiver

from incidents.signals import major_incident_announcement_changed, major_incident_declared, major_incident_resolved

from .models import PromptRecording
from .services import announcement_sync


@receiver(major_incident_declared, dispatch_uid="contactcenter.declared")
@receiver(major_incident_announcement_changed, dispatch_uid="contactcenter.announcement")
@receiver(major_incident_resolved, dispatch_uid="contactcenter.resolved")
def sync_announcement(sender, major_incident_id, **kwargs):
    announcement_sync(major_incident_id=major_incident_id)


@receiver(major_incident_resolved, dispatch_uid="contactcenter.all_hands_release")
def release_temporary_agents(sender, major_incident_id, **kwargs):
    """All hands on the phones (issue 24.11): the helpers leave the queues when it is resolved."""
    from .all_hands import temporary_agents_release

    temporary_agents_release(major_incident_id=major_incident_id)


@receiver(post_delete, sender=PromptRecording, dispatch_uid="contactcenter.prompt_recording_deleted")
def prompt_recording_deleted(sender, instance, **kwargs):
    """However a recorded prompt is deleted, callers stop being sent to its audio (issue 22.1):
    the prompt falls back to the line's text."""
    from .prompts import forget_recording

    forget_recording(instance)
