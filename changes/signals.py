"""Signals for the apps below this one.

- ``change_outage_changed(change_id)``: sent after commit when a change's projected service
  outage is set, moved or dropped (scheduled, rescheduled, cancelled, completed); the status
  page publishes it as scheduled maintenance and tells that service's subscribers.
"""

from django.dispatch import Signal

change_outage_changed = Signal()
