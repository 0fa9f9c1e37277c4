"""The page base every app's browser views are declared with (NetBox-style: an app's
``views.py`` declares, it does not re-implement):

- :mod:`.access`: who may open a page — staff only (``staff_only`` for functions,
  ``StaffRequiredMixin`` for classes) or some roles only (``roles_only``, ``RolesRequiredMixin``),
  ``safe_next`` (redirects that stay on this site), ``REFUSALS`` and
  ``refusal_message`` (a refused or lost action is a message and HTTP 409, not an error page;
  a view names its record in its own ``LOST_RACE`` text);
- :mod:`.lists`: ``FilteredListView``, a list with the app's FilterSet, a whitelisted
  ``?sort=``, tabs, pages and the HTMX partial of its rows;
- :mod:`.actions`: ``Action`` (one row of an app's table of actions: what it runs and says,
  its label, confirmation and the selector's verb it needs), ``action_card`` (what the
  record's page offers from that table, drawn by ``core/_actions.html``) and ``ActionView``
  (POST ``/<record>/<action>/``: check the form, call the service, show the outcome);
  ``attempt`` for a page that calls one service by hand, ``refused`` for one that reports
  many (a bulk action), ``message_errors`` for a button's form that did not validate;
- :mod:`.history`: the history timeline builder (what changed, old → new, who and why)."""

from .access import (
    LOST_RACE,
    REFUSALS,
    RolesRequiredMixin,
    StaffRequiredMixin,
    is_partial,
    refusal_message,
    roles_only,
    safe_next,
    staff_only,
)
from .actions import SAVE_FAILED, Action, ActionView, action_card, attempt, message_errors, refused
from .history import Entry, history_records, history_timeline, person
from .lists import BulkAction, BulkReasonForm, Column, FilteredListView, querystring

__all__ = [
    "LOST_RACE", "REFUSALS", "SAVE_FAILED", "Action", "ActionView", "BulkAction", "BulkReasonForm", "Column", "Entry",
    "FilteredListView", "RolesRequiredMixin",
    "StaffRequiredMixin", "action_card", "attempt", "history_timeline", "history_records", "is_partial",
    "message_errors", "person", "querystring", "refusal_message", "refused", "roles_only", "safe_next", "staff_only",
]
