"""Browser forms for service requests. The order form itself is built from the catalogue
item's definition (:func:`servicerequests.forms_runtime.build_form`), so the portal, the API
and the services validate answers the same way; the forms here carry the rest (for whom,
comments, decisions, notes). The services have the last word: their ``ValidationError``\\ s
go back on the form with :func:`incidents.forms.add_service_errors`."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.forms import DecisionForm as BaseDecisionForm
from core.forms import textarea
from incidents.choices import Level

TEXT = 5000


class OrderForm(forms.Form):
    """What the order page asks besides the item's own questions (prefix ``order``, so an
    item field may be called anything). Only staff see ``requested_for``."""

    requested_for = forms.CharField(
        label=_("Requested for"), required=False, max_length=254,
        help_text=_("Username or e-mail address of the person it is for. Empty: for yourself."))

    def clean_requested_for(self):
        value = (self.cleaned_data.get("requested_for") or "").strip()
        if not value:
            return None
        people = list(get_user_model().objects.filter(Q(username__iexact=value) | Q(email__iexact=value),
                                                      is_active=True)[:2])
        if not people:
            raise ValidationError(_("Nobody with that username or e-mail address."))
        if len(people) > 1:
            raise ValidationError(_("Several people have that e-mail address: give the username."))
        return people[0]


class CommentForm(forms.Form):
    body = forms.CharField(label=_("Add a comment"), max_length=TEXT, widget=textarea())


class CancelForm(forms.Form):
    reason = forms.CharField(label=_("Why cancel it? (optional)"), required=False, max_length=500,
                             widget=textarea(2))


class DecisionForm(BaseDecisionForm):
    """One click in the approvals inbox: the button says approve or reject; a reject needs a
    reason (the service says so, next to the comment)."""

    decision = forms.ChoiceField(choices=[("approve", _("Approve")), ("reject", _("Reject"))],
                                 widget=forms.HiddenInput)
    comment = forms.CharField(label=_("Comment (needed to reject: the requester reads it)"), required=False,
                              max_length=TEXT, widget=textarea(2))


class TaskCompleteForm(forms.Form):
    note = forms.CharField(label=_("What was done (optional)"), required=False, max_length=TEXT,
                           widget=textarea(2))


class PrioritiseForm(forms.Form):
    """Impact × urgency, as on incidents: the priority and the SLA follow."""

    impact = forms.TypedChoiceField(label=_("Impact"), choices=Level.choices, coerce=int)
    urgency = forms.TypedChoiceField(label=_("Urgency"), choices=Level.choices, coerce=int)
