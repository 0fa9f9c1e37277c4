"""The names people read for each kind of result (the badges and the kind filter)."""

from django.utils.translation import gettext_lazy as _

KIND_LABELS = {
    "incident": _("Incident"),
    "major_incident": _("Major incident"),
    "request": _("Request"),
    "problem": _("Problem"),
    "change": _("Change"),
    "known_error": _("Known error"),
    "article": _("Article"),
    "complaint": _("Complaint"),
    "contact": _("Contact"),
    "customer": _("Customer"),
    "call": _("Call"),
}
