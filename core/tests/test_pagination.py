"""What a list's ``count`` is (issue 23): exact up to PAGINATION_EXACT_COUNT_LIMIT rows, one
bounded query; past it PostgreSQL's estimate with ``"count_exact": false``, pages found by
their rows (``next`` while there are more), and the last page exact again. The limit is set
low here so that a few rows cross it."""

import pytest
from django.core.paginator import EmptyPage
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalog.models import Contact
from catalog.tests.factories import ContactFactory
from core.api.pagination import CountingPaginator, count_up_to
from core.roles import Role

pytestmark = pytest.mark.django_db
URL = "/api/v1/contacts/"
ENVELOPE = {"count", "next", "previous", "results"}


@pytest.fixture
def eight(settings):
    settings.PAGINATION_EXACT_COUNT_LIMIT = 5
    for i in range(8):
        ContactFactory(name=f"Contact {i}")
    return Contact.objects.order_by("name", "id")


def test_a_list_within_the_limit_is_counted_exactly_in_one_query(settings):
    settings.PAGINATION_EXACT_COUNT_LIMIT = 5
    for _ in range(5):
        ContactFactory()
    with CaptureQueriesContext(connection) as queries:
        assert count_up_to(Contact.objects.all(), 5) == (5, True)
    assert len(queries) == 1 and "LIMIT 6" in queries[0]["sql"]


def test_past_the_limit_the_count_is_an_estimate_never_below_what_was_counted(eight):
    count, exact = count_up_to(eight, 5)
    assert exact is False and count >= 6
    assert count_up_to(eight, None) == (8, True)
    assert count_up_to(eight, 8) == (8, True)


def test_the_api_says_when_count_is_an_estimate_and_pages_follow_the_rows(api, make_user, eight):
    client = api.as_user(make_user(Role.AGENT))
    first = client.get(URL, {"page_size": 3}).json()
    assert list(first)[:2] == ["count", "count_exact"] and first["count_exact"] is False
    assert isinstance(first["count"], int) and first["count"] >= 6
    assert first["previous"] is None and first["next"] is not None
    assert [c["name"] for c in first["results"]] == ["Contact 0", "Contact 1", "Contact 2"]
    second = client.get(first["next"]).json()
    assert second["count_exact"] is False and second["next"] is not None
    last = client.get(second["next"]).json()
    # the last page knows every row: the count is exact again, and the envelope the usual one
    assert set(last) == ENVELOPE and last["count"] == 8 and last["next"] is None
    assert [c["name"] for c in last["results"]] == ["Contact 6", "Contact 7"]
    assert client.get(URL, {"page_size": 3, "page": 4}).status_code == 404
    assert client.get(URL, {"page_size": 3, "page": 0}).status_code == 404
    assert client.get(URL, {"page_size": 3, "page": "x"}).status_code == 404


def test_a_filtered_list_within_the_limit_stays_exact(api, make_user, eight):
    ContactFactory(name="Zebediah Quist")
    body = api.as_user(make_user(Role.AGENT)).get(URL, {"search": "zebediah"}).json()
    assert set(body) == ENVELOPE and body["count"] == 1


def test_the_paginator_of_pages_estimates_too(eight):
    paginator = CountingPaginator(eight, 3)
    assert paginator.count_exact is False
    page = paginator.get_page(2)
    assert page.has_next() and page.has_previous() and page.next_page_number() == 3
    assert [c.name for c in page] == ["Contact 3", "Contact 4", "Contact 5"]
    assert page.start_index() == 4 and page.end_index() == 6
    with pytest.raises(EmptyPage):
        CountingPaginator(eight, 3).page(9)
    assert len(CountingPaginator(eight, 3).get_page(9)) > 0  # never an error: a page with rows
    last = CountingPaginator(eight, 3)
    assert not last.page(3).has_next() and last.count == 8 and last.count_exact and last.num_pages == 3


def test_the_schema_states_count_exact(api, make_user):
    schema = api.as_user(make_user(Role.AGENT)).get("/api/schema/?format=json").json()
    ref = schema["paths"]["/api/v1/contacts/"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    envelope = schema["components"]["schemas"][ref["$ref"].rsplit("/", 1)[-1]]
    assert envelope["properties"]["count"]["type"] == "integer"
    assert envelope["properties"]["count_exact"]["type"] == "boolean"
    assert "count_exact" not in envelope.get("required", [])
