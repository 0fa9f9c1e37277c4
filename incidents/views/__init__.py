"""Browser pages for incidents, one module per kind of ticket like the models and services:
:mod:`.incident` (the workspace, the incident page, create and edit) and :mod:`.major`
(major incidents: the list, the war room, the postmortem, spike alerts). ``incidents.urls``
routes to both; the queue's tabs, which other apps use, are importable from here. The
requester portal's incident pages are servicerequests' (the portal is that app's)."""

from .incident import TABS

__all__ = ["TABS"]
