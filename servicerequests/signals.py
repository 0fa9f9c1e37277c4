"""Signals for the apps below this one (the mail app's ticket mail). Each is sent after the
transaction commits, with ids, so a receiver never sees a change that was rolled back.

- ``request_submitted(request_id)``: a new service request was recorded.
- ``request_comment_added(request_id, comment_id, by_staff)``: a comment was added (every
  comment on a request is visible to its requester).
"""

from django.dispatch import Signal

request_submitted = Signal()
request_comment_added = Signal()

#: ``request_fulfilled(request_id)``: a service request was fulfilled (its last task done),
#: sent after commit (the crm app sends a satisfaction survey).
request_fulfilled = Signal()
