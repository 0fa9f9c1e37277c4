"""The page base every app's browser views are declared with (NetBox-style: an app's
``views.py`` declares, it does not re-implement):

- :mod:`.access`: who may open a page — staff only (``staff_only`` for functions,
  ``StaffRequiredMixin`` for classes) or some roles only (``roles_only``, ``RolesRequiredMixin``),
  ``safe_next`` (redirects that stay on this site), ``REFUSALS`` and
  ``refusal_message`` (a refused or lost action is a message and HTTP 409, not an error page);
- :mod:`.lists`: ``FilteredListView``, a list with the app's FilterSet, a whitelisted
  ``?sort=``, tabs, pages and the HTMX partial of its rows;
- :mod:`.actions`: ``Action`` (one row of an app's table of actions) and ``ActionView``
  (POST ``/<record>/<action>/``: check the form, call the service, show the outcome), and
  ``attempt`` for a page that calls one service by hand;
- :mod:`.history`: the history timeline builder (what changed, old → new, who and why)."""

from .access import (
    REFUSALS,
    RolesRequiredMixin,
    StaffRequiredMixin,
    is_partial,
    refusal_message,
    roles_only,
    safe_next,
    staff_only,
)
from .actions import SAVE_FAILED, Action, ActionView, attempt
from .history import Entry, history_records, history_timeline, person
from .lists import FilteredListView, querystring

__all__ = [
    "REFUSALS", "SAVE_FAILED", "Action", "ActionView", "Entry", "FilteredListView", "RolesRequiredMixin",
    "StaffRequiredMixin", "attempt", "history_timeline", "history_records", "is_partial", "person", "querystring",
    "refusal_message", "roles_only", "safe_next", "staff_only",
]
