"""Browser forms of the contact centre. The call log's filters are the API's
(``CallFilterSet``, same parameters and meaning) with the contact and customer as pickers:
typed by name, phone number or e-mail, never a ``<select>`` of every contact."""

import django_filters

from catalog.models import Contact, Customer
from catalog.pickers import ContactPicker, CustomerPicker

from .filtersets import CallFilterSet


class CallLogFilterSet(CallFilterSet):
    contact = django_filters.ModelChoiceFilter(queryset=Contact.objects.all(), widget=ContactPicker(by_id=True))
    customer = django_filters.ModelChoiceFilter(queryset=Customer.objects.all(), widget=CustomerPicker())
