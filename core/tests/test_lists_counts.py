"""The staff lists' counts (core.pages.lists through core.api.pagination.CountingPaginator): exact
up to PAGINATION_EXACT_COUNT_LIMIT rows, PostgreSQL's estimate past it ("about N", "Page 1 of
about M"), and the pages still reaching the last row, decided by the rows, not the estimate."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from catalog.tests.factories import ServiceFactory, TeamFactory
from core.roles import Role
from incidents import services

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("celery_eager")]

postgres_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="estimates are PostgreSQL's")


@pytest.fixture
def queue(make_user):
    ann = make_user(Role.AGENT, username="ann")
    desk = TeamFactory(name="Desk")
    desk.members.add(ann)
    service = ServiceFactory(name="Mail", owner_team=desk)
    client = Client()
    client.force_login(ann)

    def add(count):
        for n in range(count):
            services.incident_create(title=f"Row {n}", actor=ann, service=service)

    return client, add


def total_text(response) -> str:
    html = response.content.decode()
    return re.search(r'data-testid="queue-total">([^<]*)<', html).group(1).strip()


def walk(client, url):
    """Every page of ``url`` by its "Next" links: (numbers seen, each page's response)."""
    seen, responses, page = [], [], 1
    while True:
        response = client.get(f"{url}&page={page}")
        assert response.status_code == 200
        responses.append(response)
        seen += [row.number for row in response.context["object_list"]]
        if not response.context["page_obj"].has_next():
            return seen, responses
        assert 'rel="next"' in response.content.decode()
        page = response.context["page_obj"].next_page_number()
        assert page <= 10, "paging does not end"


URL = "/incidents/?tab=all&sort=-created&per_page=10"


def test_below_the_limit_the_count_is_exact(queue, settings):
    client, add = queue
    settings.PAGINATION_EXACT_COUNT_LIMIT = 20
    add(12)
    response = client.get(URL)
    assert response.context["paginator"].count == 12 and response.context["paginator"].count_exact
    assert total_text(response) == "12 incidents"
    assert "Page 1 of 2" in response.content.decode() and "about" not in total_text(response)
    seen, _ = walk(client, URL)
    assert len(seen) == len(set(seen)) == 12


@postgres_only
def test_past_the_limit_the_page_says_about_and_paging_reaches_the_last_row(queue, settings):
    client, add = queue
    settings.PAGINATION_EXACT_COUNT_LIMIT = 5
    add(12)
    first = client.get(URL)
    paginator = first.context["paginator"]
    assert paginator.count_exact is False and paginator.count >= 6
    assert total_text(first) == f"about {paginator.count} incidents"
    assert f"Page 1 of about {paginator.num_pages}" in first.content.decode()
    seen, responses = walk(client, URL)
    assert len(seen) == len(set(seen)) == 12  # every row once, whatever the estimate said
    last = responses[-1]
    # the last page knows every row: its count is exact again
    assert last.context["paginator"].count_exact and total_text(last) == "12 incidents"
    assert len(responses) == 2
    # a page far past the end shows a page of rows, never an error
    far = client.get(f"{URL}&page=999")
    assert far.status_code == 200 and len(far.context["object_list"]) == 10


@postgres_only
def test_the_estimated_queue_queries_do_not_grow_with_the_rows(queue, settings, django_assert_max_num_queries):
    client, add = queue
    settings.PAGINATION_EXACT_COUNT_LIMIT = 5

    def queries():
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(URL)
        assert response.context["paginator"].count_exact is False
        return len(ctx.captured_queries)

    add(12)
    few = queries()
    add(20)
    many = queries()
    assert many == few, f"{few} queries for 12 rows, {many} for 32"
    with django_assert_max_num_queries(13):
        client.get(URL)
