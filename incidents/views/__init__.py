"""Browser pages for incidents, one module per kind of ticket like the models and services:
:mod:`.incident` (the workspace, the incident page, create and edit, the requester portal)
and :mod:`.major` (major incidents: the list, the war room, the postmortem, spike alerts).
``incidents.urls`` routes to both; the portal's pages and the queue's tabs, which other apps
use, are importable from here."""

from .incident import TABS, portal_home, portal_incident

__all__ = ["TABS", "portal_home", "portal_incident"]
