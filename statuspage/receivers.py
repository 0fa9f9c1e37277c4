"""Reacts to the incidents app's signals (sent after commit): news on a major incident
refreshes the status page at once, and a public update is mailed to the subscribers."""

import logging

from django.dispatch import receiver

from changes.signals import change_outage_changed
from incidents.signals import major_incident_declared, major_incident_resolved, stakeholder_update_posted

from . import caching
from .tasks import notify_subscribers, sync_change_maintenance

logger = logging.getLogger(__name__)


@receiver(major_incident_declared, dispatch_uid="statuspage.declared")
@receiver(major_incident_resolved, dispatch_uid="statuspage.resolved")
def refresh_page(sender, major_incident_id, **kwargs):
    caching.invalidate()


@receiver(stakeholder_update_posted, dispatch_uid="statuspage.update")
def update_posted(sender, major_incident_id, update_id, public, **kwargs):
    if not public:  # only public updates are on the page or in anyone's mail from here
        return
    caching.invalidate()
    try:
        notify_subscribers.delay(update_id)
    except Exception:  # the broker is down: the update is saved and shown; say so loudly
        logger.exception("could not queue the subscriber mail for stakeholder update %s", update_id)


@receiver(change_outage_changed, dispatch_uid="statuspage.change-outage")
def change_outage(sender, change_id, **kwargs):
    try:
        sync_change_maintenance.delay(change_id)
    except Exception:  # the broker is down: the change is saved; say so loudly
        logger.exception("could not queue the maintenance window of change %s", change_id)
