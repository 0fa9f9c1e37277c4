from django import forms
from django.utils.translation import gettext_lazy as _

from catalog.models import Contact, Customer
from contactcenter.models import Call

from ..currencies import is_iso_4217
from ..models import Opportunity


class OpportunityForm(forms.ModelForm):
    """Raise or edit an opportunity; on a contact's page ``contact`` and ``call`` come hidden."""

    contact = forms.ModelChoiceField(Contact.objects.all(), required=False, widget=forms.HiddenInput)
    customer = forms.ModelChoiceField(Customer.objects.all(), required=False, widget=forms.HiddenInput)
    call = forms.ModelChoiceField(Call.objects.all(), required=False, widget=forms.HiddenInput)

    class Meta:
        model = Opportunity
        fields = ["product", "title", "value", "currency", "expected_close", "contact", "customer", "call"]
        widgets = {"expected_close": forms.DateInput(attrs={"type": "date"}),
                   "currency": forms.TextInput(attrs={"size": 3, "maxlength": 3, "autocapitalize": "characters"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False
        self.fields["value"].min_value = 0

    def clean_currency(self):
        code = (self.cleaned_data.get("currency") or "").strip().upper()
        if not is_iso_4217(code):
            raise forms.ValidationError(_("Give an ISO 4217 currency code (EUR, USD, BRL…)."))
        return code

    def clean(self):
        data = super().clean()
        if not data.get("contact") and not data.get("customer") and not data.get("call"):
            raise forms.ValidationError(_("Give a contact, a customer or a call from one."))
        return data


class LoseForm(forms.Form):
    reason = forms.CharField(label=_("Why was it lost?"), max_length=300)
