"""The incident queue as a list of core's machinery (core.pages.lists): its columns (click to
sort), the extra sorts they need, and the bulk actions on ticked rows, each row through
:mod:`incidents.services` (its guards and permission rules refuse what may not be done)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from core.pages import BulkAction, BulkReasonForm, Column

from .. import services
from ..choices import Level
from ..forms.incident import SORT_CHOICES, SORTS
from ..forms.queue_widgets import FlatSelect

QUEUE_SORTS = {
    **SORTS,
    "number": ("id",), "-number": ("-id",),
    "title": ("title", "id"), "-title": ("-title", "-id"),
}
QUEUE_SORT_CHOICES = [
    *SORT_CHOICES,
    ("number", _("Number, lowest first")), ("-number", _("Number, highest first")),
    ("title", _("Title, A to Z")), ("-title", _("Title, Z to A")),
]
COLUMNS = [
    Column("number", _("Number"), sort="number", always=True),
    Column("title", _("Title"), sort="title", always=True),
    Column("priority", _("Priority"), sort="priority"),
    Column("status", _("Status")),
    Column("service", _("Service")),
    Column("customer", _("Customer")),
    Column("assignee", _("Assignee")),
    Column("sla", _("SLA")),
]


class BulkPriorityForm(forms.Form):
    """The priority comes from the matrix: impact × urgency (incidents.services.priority_for)."""

    impact = forms.TypedChoiceField(label=_("Impact"), choices=Level.choices, coerce=int, widget=FlatSelect)
    urgency = forms.TypedChoiceField(label=_("Urgency"), choices=Level.choices, coerce=int, widget=FlatSelect)


BULK_ACTIONS = {
    "assign_me": BulkAction(
        _("Assign to me"), lambda incident, user, data: services.incident_assign(
            incident=incident, actor=user, assignee=user), shortcut="a"),
    "start": BulkAction(_("Start work"), lambda incident, user, data: services.incident_start(
        incident=incident, actor=user)),
    "hold": BulkAction(_("Put on hold"), lambda incident, user, data: services.incident_hold(
        incident=incident, actor=user, reason=data["reason"]), form=BulkReasonForm,
        confirm=_("Put the ticked incidents on hold?")),
    "resume": BulkAction(_("Resume"), lambda incident, user, data: services.incident_resume(
        incident=incident, actor=user)),
    "priority": BulkAction(_("Set priority"), lambda incident, user, data: services.incident_update(
        incident=incident, actor=user, impact=data["impact"], urgency=data["urgency"]), form=BulkPriorityForm,
        confirm=_("Change the priority of the ticked incidents?")),
    "close": BulkAction(_("Close"), lambda incident, user, data: services.incident_close(
        incident=incident, actor=user), confirm=_("Close the ticked incidents? Only resolved ones can be closed.")),
}
