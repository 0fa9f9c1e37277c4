"""A contact's PIN is 4–8 digits and nothing else: spaces (all spaces, or around or inside
the digits) are refused with 400 and change nothing; blank still clears it."""

import pytest
from django.core.exceptions import ValidationError

from catalog import services
from catalog.models import Contact
from catalog.tests.factories import ContactFactory

pytestmark = pytest.mark.django_db

BAD = ["    ", "        ", " 1234", "1234 ", "12 34", "1234\n", "\t1234", "123", "123456789", "12a4", "١٢٣٤",
       "１２３４", None, 1234]


@pytest.mark.parametrize("pin", BAD)
def test_a_pin_that_is_not_4_to_8_digits_is_400_on_create(api, agent, pin):
    response = api.as_user(agent).post("/api/v1/contacts/", {"name": "Z", "pin": pin}, format="json")
    if pin == 1234:  # a JSON number: its digits are the PIN
        assert response.status_code == 201
        return
    assert response.status_code == 400 and "pin" in response.json()
    assert not Contact.objects.exists()


@pytest.mark.parametrize("pin", [p for p in BAD if p != 1234])
def test_and_on_update_the_old_pin_stays(api, agent, pin):
    contact = ContactFactory()
    contact.set_pin("2580")
    contact.save()
    response = api.as_user(agent).patch(f"/api/v1/contacts/{contact.pk}/", {"pin": pin}, format="json")
    assert response.status_code == 400 and "pin" in response.json()
    contact.refresh_from_db()
    assert contact.check_pin("2580")


@pytest.mark.parametrize("pin", ["0000", "12345678", "0042"])
def test_digits_are_a_pin(api, agent, pin):
    response = api.as_user(agent).post("/api/v1/contacts/", {"name": "Z", "pin": pin}, format="json")
    assert response.status_code == 201 and response.json()["has_pin"] is True
    assert Contact.objects.get().check_pin(pin)


def test_blank_clears_it(api, agent):
    contact = ContactFactory()
    contact.set_pin("2580")
    contact.save()
    response = api.as_user(agent).patch(f"/api/v1/contacts/{contact.pk}/", {"pin": ""}, format="json")
    assert response.status_code == 200 and response.json()["has_pin"] is False


def test_the_service_refuses_them_whatever_the_door():
    with pytest.raises(ValidationError) as refused:
        services.contact_create(name="Z", pin="    ")
    assert "pin" in refused.value.message_dict
    contact = ContactFactory()
    with pytest.raises(ValidationError):
        services.contact_update(contact=contact, pin=" 1234")
