"""Opportunity rows for tests (crm-360). Kept apart from crm-complaints' factories."""

from decimal import Decimal

import factory

from catalog.tests.factories import ContactFactory, UserFactory
from crm.models import Opportunity


class OpportunityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Opportunity

    contact = factory.SubFactory(ContactFactory)
    customer = factory.SelfAttribute("contact.customer")
    title = factory.Sequence(lambda n: f"Home insurance upgrade {n}")
    product = "Home insurance plus"
    value = Decimal("1200.00")
    currency = "EUR"
    owner = factory.SubFactory(UserFactory, roles=["agent"])
