"""Browser forms for incidents, split like the views: :mod:`.incident` (the workspace, the
incident page, the portal) and :mod:`.major` (the war room, the postmortem, declaring). The
pieces other apps' forms and pages share are importable from here."""

from .incident import IncidentCreateForm, StaffChoiceField, add_service_errors, contact_reference, staff_users
from .major import LocalDateTimeField

__all__ = [
    "IncidentCreateForm",
    "LocalDateTimeField",
    "StaffChoiceField",
    "add_service_errors",
    "contact_reference",
    "staff_users",
]
