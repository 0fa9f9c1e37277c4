"""The call log's contact and customer filters are pickers: the contact's id (what the
picker submits) filters, the box shows their name, and no ``<select>`` lists every contact."""

import pytest
from django.urls import reverse

from catalog.tests.factories import ContactFactory, CustomerFactory
from contactcenter.models import Call

pytestmark = pytest.mark.django_db


def test_the_call_log_filters_by_a_picked_contact_or_customer(client, agent, django_assert_max_num_queries):
    acme = CustomerFactory(name="Acme Bank")
    eleni, nikos = ContactFactory(name="Eleni Papadopoulou", customer=acme), ContactFactory(name="Nikos Georgiou")
    Call.objects.create(call_sid="CA" + "1" * 32, contact=eleni, customer=acme, from_number="+306900000001")
    Call.objects.create(call_sid="CA" + "2" * 32, contact=nikos, customer=nikos.customer, from_number="+306900000002")
    client.force_login(agent)
    with django_assert_max_num_queries(12):
        page = client.get(reverse("contactcenter:calls"), {"contact": eleni.pk}).content.decode()
    assert page.count('data-testid="call-row"') == 1 and "Nikos Georgiou" not in page
    assert 'data-picker-label="Eleni Papadopoulou"' in page
    assert 'data-picker-url="/catalog/pick/contacts/?value=id"' in page
    assert "<option" not in page.split('name="contact"')[1].split("</label>")[0]  # a picker, not a select
    page = client.get(reverse("contactcenter:calls"), {"customer": acme.pk}).content.decode()
    assert page.count('data-testid="call-row"') == 1 and 'data-picker-label="Acme Bank"' in page
