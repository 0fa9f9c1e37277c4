from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from catalog.models import Contact, Service, Team
from catalog.pickers import ContactPicker
from core.forms import textarea
from core.roles import STAFF_ROLES

from ..choices import ComplaintChannel, ComplaintKind, Severity

User = get_user_model()


class ComplaintForm(forms.Form):
    """Record a complaint, compliment or suggestion (an agent; prefilled from a call or an
    incident). Related records are ids in hidden or number fields: no select of every contact."""

    kind = forms.ChoiceField(label=_("Kind"), choices=ComplaintKind.choices, initial=ComplaintKind.COMPLAINT)
    subject = forms.CharField(label=_("Subject"), max_length=200)
    description = forms.CharField(label=_("Description"), required=False, widget=textarea(5))
    channel = forms.ChoiceField(label=_("Channel"), choices=ComplaintChannel.choices, initial=ComplaintChannel.PHONE)
    severity = forms.TypedChoiceField(label=_("Severity"), choices=Severity.choices, coerce=int,
                                      initial=Severity.MEDIUM)
    # The picker finds the contact by name, phone or e-mail and submits the id (typed as is without JavaScript).
    contact = forms.ModelChoiceField(label=_("Contact"), queryset=Contact.objects.all(), required=False,
                                     widget=ContactPicker(by_id=True))
    service = forms.ModelChoiceField(label=_("Service"), queryset=Service.objects.order_by("name"), required=False)
    team = forms.ModelChoiceField(label=_("Team"), queryset=Team.objects.order_by("name"), required=False)
    owner = forms.ModelChoiceField(label=_("Owner"), required=False, queryset=User.objects.filter(
        is_active=True, groups__name__in=list(STAFF_ROLES)).distinct().order_by("username"))
    incident = forms.IntegerField(widget=forms.HiddenInput, required=False)
    call = forms.IntegerField(widget=forms.HiddenInput, required=False)


class RespondForm(forms.Form):
    response = forms.CharField(label=_("Answer to the customer"), max_length=10000, widget=textarea(5))


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=300, widget=textarea(2))


class CloseForm(forms.Form):
    satisfied = forms.NullBooleanField(label=_("Was the customer satisfied?"), required=False,
                                       widget=forms.Select(choices=[("unknown", _("Not known")), ("true", _("Yes")),
                                                                    ("false", _("No"))]))
