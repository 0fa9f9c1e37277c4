"""/search/ (the results page, straight to the record a number names) and /search/suggest/
(the header box's live suggestions)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.roles import Role
from incidents.tests.factories import IncidentFactory

pytestmark = pytest.mark.django_db


def test_a_number_redirects_to_the_record(client, agent):
    incident = IncidentFactory(number="INC000271")
    client.force_login(agent)
    answer = client.get("/search/", {"q": "inc 271"})
    assert answer.status_code == 302
    assert answer["Location"] == f"/incidents/{incident.pk}/"


def test_words_list_results_with_kind_badges(client, agent):
    IncidentFactory(title="Badge reader <b>broken</b>", description="The badge reader at the door")
    client.force_login(agent)
    answer = client.get("/search/", {"q": "badge reader"})
    assert answer.status_code == 200
    html = answer.content.decode()
    assert 'class="search-kind search-kind-incident">Incident<' in html
    assert "<mark>Badge</mark> <mark>reader</mark> &lt;b&gt;broken&lt;/b&gt;" in html  # escaped, marked
    assert 'role="search"' in html


def test_the_page_without_a_query_and_with_nonsense(client, agent):
    client.force_login(agent)
    assert client.get("/search/").status_code == 200
    for q in ["'", "\x00", "&|!", "a" * 500, "+", "@", "INC"]:
        assert client.get("/search/", {"q": q, "kind": "bogus"}).status_code == 200


def test_requesters_use_the_page_too(client, make_user):
    rita = make_user(Role.REQUESTER)
    mine = IncidentFactory(title="Headset crackles", requester=rita)
    IncidentFactory(title="Headset crackles too")
    client.force_login(rita)
    html = client.get("/search/", {"q": "headset"}).content.decode()
    assert f"/portal/incidents/{mine.pk}/" in html
    assert html.count('class="search-result"') == 1


def test_anonymous_visitors_are_sent_to_log_in(client):
    assert client.get("/search/", {"q": "x"})["Location"].startswith("/login/")
    assert client.get("/search/suggest/", {"q": "x"})["Location"].startswith("/login/")


def test_suggestions_are_options_with_a_link_to_all(client, agent):
    for n in range(12):
        IncidentFactory(title=f"Wifi drops {n}")
    client.force_login(agent)
    html = client.get("/search/suggest/", {"q": "wif"}).content.decode()
    assert html.count('class="searchbox-option"') == 8
    assert 'class="searchbox-option searchbox-all"' in html
    assert "/search/?q=wif" in html
    assert client.get("/search/suggest/", {"q": ""}).content.decode().strip() == ""


def test_suggestions_cost_constant_queries(client, agent):
    client.force_login(agent)
    IncidentFactory(title="Scanner jams")
    client.get("/search/suggest/", {"q": "scanner"})
    with CaptureQueriesContext(connection) as few:
        client.get("/search/suggest/", {"q": "scanner"})
    for n in range(10):
        IncidentFactory(title=f"Scanner jams {n}")
    with CaptureQueriesContext(connection) as many:
        client.get("/search/suggest/", {"q": "scanner"})
    assert len(many.captured_queries) == len(few.captured_queries)


def test_the_header_box_template(client, agent):
    from django.template.loader import render_to_string
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.user = agent
    html = render_to_string("search/_box.html", {"user": agent}, request=request)
    assert 'role="search"' in html and 'name="q"' in html and 'action="/search/"' in html
    assert 'hx-get="/search/suggest/"' in html
    assert 'class="visually-hidden"' in html
    assert "js/search-box.js" in html and "<script>" not in html
