"""Whatever a client sends, the API answers with a clear 4xx, never a 500, and saves
nothing half-way."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalog.models import Contact, ContactPhone, Customer

# One request per drawn case: faster than the per-user rate limit on a fast machine.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("unthrottled")]

json_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=300),
)
json_values = st.recursive(json_scalars, lambda inner: st.lists(inner, max_size=4)
                           | st.dictionaries(st.text(max_size=10), inner, max_size=4), max_leaves=8)
contact_payloads = st.fixed_dictionaries({}, optional={
    "name": json_values, "customer": json_values, "email": json_values, "phone_numbers": json_values,
    "pin": json_values, "user": json_values, "language": json_values,
})


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(payload=contact_payloads)
def test_contact_create_never_500s(api, agent, payload):
    before = (Contact.objects.count(), ContactPhone.objects.count())
    response = api.as_user(agent).post("/api/v1/contacts/", payload, format="json")
    assert response.status_code in (201, 400), (response.status_code, response.content)
    if response.status_code == 400:
        assert (Contact.objects.count(), ContactPhone.objects.count()) == before
        assert isinstance(response.json(), dict)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(params=st.dictionaries(
    st.sampled_from(["page", "page_size", "ordering", "search", "tier", "customer", "phone", "email", "user"]),
    st.text(max_size=40), max_size=4))
def test_contact_list_query_parameters_never_500(api, agent, params):
    response = api.as_user(agent).get("/api/v1/contacts/", params)
    assert response.status_code in (200, 400, 404), (response.status_code, response.content)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(payload=st.fixed_dictionaries({}, optional={
    "name": json_values, "tier": json_values, "account_number": json_values, "notes": json_values}))
def test_customer_create_never_500s(api, agent, payload):
    before = Customer.objects.count()
    response = api.as_user(agent).post("/api/v1/customers/", payload, format="json")
    assert response.status_code in (201, 400), (response.status_code, response.content)
    if response.status_code == 400:
        assert Customer.objects.count() == before
