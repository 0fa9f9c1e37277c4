"""``manage.py generate_load``: synthetic customers, contacts and phones for the benchmarks."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from catalog.models import Contact, ContactPhone, Customer
from catalog.phone import normalize_phone
from catalog.selectors import contact_by_phone
from catalog.tests.factories import ContactPhoneFactory, CustomerFactory

pytestmark = pytest.mark.django_db


def generate(**options) -> str:
    out = StringIO()
    call_command("generate_load", stdout=out, **options)
    return out.getvalue()


def assert_numbers_valid_and_unique() -> list[str]:
    numbers = list(ContactPhone.objects.values_list("number", flat=True))
    assert len(numbers) == len(set(numbers))
    assert all(normalize_phone(n) == n for n in numbers)
    accounts = list(Customer.objects.values_list("account_number", flat=True))
    assert len(accounts) == len(set(accounts))
    assert all(a.isdigit() for a in accounts)
    return numbers


def test_adds_customers_contacts_and_valid_unique_phones():
    # Given a number and an account number already inside the synthetic ranges
    existing = ContactPhoneFactory(number="+306912345678")
    CustomerFactory(account_number="95000000")

    # When 500 contacts are generated, in batches smaller than the run
    out = generate(contacts=500, customers=40, batch=128, seed=1)

    # Then every row is there, numbers are valid E.164 and nothing clashes
    assert Contact.objects.count() == 1 + 500
    assert Customer.objects.count() == 1 + 1 + 40
    assert ContactPhone.objects.count() == 1 + 500 + 500 // 5
    numbers = assert_numbers_valid_and_unique()
    assert min(n for n in numbers if n != existing.number) > existing.number
    assert Customer.objects.filter(account_number="95000001").exists()
    assert not Contact.objects.filter(email__startswith="c", customer__isnull=True).exists()
    assert "rows/s" in out
    if connection.vendor == "postgresql":
        assert "COPY" in out and "ANALYZE" in out

    # And a generated number identifies its contact, with the customer
    phone = ContactPhone.objects.exclude(pk=existing.pk).select_related("contact").order_by("?").first()
    found = contact_by_phone(phone.number)
    assert found == phone.contact and found.customer_id is not None


def test_second_run_adds_more_without_errors():
    generate(contacts=500, batch=200, seed=2)
    generate(contacts=300, customers=0, seed=3)

    assert Contact.objects.count() == 800
    assert Customer.objects.count() == 50
    assert ContactPhone.objects.count() == 600 + 360
    assert Contact.objects.filter(customer__isnull=True).count() == 300
    assert_numbers_valid_and_unique()


def test_bulk_create_fallback_on_other_databases(monkeypatch):
    generate(contacts=50, customers=5)
    monkeypatch.setattr(connection, "vendor", "other")

    out = generate(contacts=120, customers=7, batch=50)

    assert "bulk_create" in out
    assert Contact.objects.count() == 170
    assert Customer.objects.count() == 12
    assert ContactPhone.objects.count() == 60 + 144
    assert set(ContactPhone.objects.values_list("position", flat=True)) == {0, 1}
    assert_numbers_valid_and_unique()
