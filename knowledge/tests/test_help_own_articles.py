"""The public help centre /help/ with articles of each test's own (the tests on the shared
library of articles are in test_help.py, which builds it once for its module): the visitor's
language first, translations linked, at most five suggestions, the portal's suggestions, the
cache cleared by the services, query counts that do not grow, ``lang`` in the address."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalog.tests.factories import ServiceFactory
from core.roles import Role
from incidents.services.suspected import red_alert_cache_clear
from knowledge.cache import help_cache_clear
from knowledge.models import Article
from knowledge.tests.factories import article_maker

pytestmark = pytest.mark.django_db


@pytest.fixture
def author(make_user):
    return make_user(Role.AGENT, username="kb-author")


@pytest.fixture
def make_article(author):
    return article_maker(author)


def numbers(html: str) -> list[str]:
    return re.findall(r'data-number="(KB\d+)"', html)


def test_the_visitors_language_comes_first(client, make_article):
    english = make_article("Reset your password", "How to reset the password.", views=50)
    persian = make_article("بازنشانی رمز عبور password", "چگونه رمز عبور را بازنشانی کنیم. password",
                           language="fa", translation_of=english)
    assert numbers(client.get("/help/search/", {"q": "password"}).content.decode()) == [english.number,
                                                                                        persian.number]
    html = client.get("/help/search/", {"q": "password", "lang": "fa"}).content.decode()
    assert numbers(html) == [persian.number, english.number]
    assert 'lang="fa"' in html
    home = client.get("/help/", HTTP_ACCEPT_LANGUAGE="fa").content.decode()
    assert numbers(home)[0] == persian.number


def test_a_persian_article_reads_right_to_left_and_links_its_translations(client, make_article):
    english = make_article("Reset your password")
    persian = make_article("بازنشانی رمز عبور", "متن", language="fa", translation_of=english)
    greek = make_article("Επαναφορά κωδικού", "Κείμενο", language="el", translation_of=english)
    make_article("Draft translation", language="pt", status="draft", translation_of=english)
    html = client.get(f"/help/{persian.number}/").content.decode()
    assert 'lang="fa" dir="rtl"' in html
    links = re.findall(r'href="/help/(KB\d+)/" lang="(\w+)"[^>]*data-testid="help-translation"', html)
    assert links == [(greek.number, "el"), (english.number, "en")]
    html = client.get(f"/help/{greek.number}/").content.decode()
    assert {n for n, _lang in re.findall(r'href="/help/(KB\d+)/" lang="(\w+)"[^>]*data-testid="help-translation"',
                                         html)} == {english.number, persian.number}


def test_suggest_offers_at_most_five(client, make_article):
    for n in range(8):
        make_article(f"Printer problem {n}", "The printer jams.")
    assert len(numbers(client.get("/help/suggest/", {"q": "printer"}).content.decode())) == 5


def test_the_portal_report_form_asks_for_suggestions_as_the_requester_types(client, requester):
    client.force_login(requester)
    html = client.get("/portal/report/").content.decode()
    assert 'hx-get="/help/suggest/"' in html
    assert 'hx-trigger="keyup changed delay:400ms"' in html
    assert 'hx-target="#kb-suggestions"' in html and 'id="kb-suggestions"' in html
    assert 'hx-include="#id_title, #id_description"' in html


def test_publishing_or_retiring_through_the_services_clears_the_cache(client, author, make_user,
                                                                      django_capture_on_commit_callbacks):
    from knowledge import services

    reviewer = make_user(Role.AGENT, username="kb-reviewer")
    client.get("/help/")
    with django_capture_on_commit_callbacks(execute=True):
        article = services.article_create(author=author, title="Printer jams", body="Open the tray.",
                                          language="en", audience="public")
        services.article_submit(article, by=author)
        services.article_publish(article, by=reviewer)
    article.refresh_from_db()
    assert article.number in client.get("/help/").content.decode()
    assert client.get(f"/help/{article.number}/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        services.article_retire(article, by=reviewer)
    assert article.number not in client.get("/help/").content.decode()
    assert client.get(f"/help/{article.number}/").status_code == 404


def test_query_counts_do_not_grow_with_services_and_articles(client, make_article):
    def counts() -> tuple[int, ...]:
        result = []
        for path, params in (("/help/", {}), ("/help/search/", {"q": "printer"}), ("/help/suggest/", {"q": "printer"})):
            help_cache_clear()
            red_alert_cache_clear()  # the Red Alert banner's own cache: cold on every page, as the help cache
            with CaptureQueriesContext(connection) as queries:
                assert client.get(path, params).status_code == 200
            result.append(len(queries))
        help_cache_clear()
        red_alert_cache_clear()
        article = Article.objects.filter(status="published").first()
        with CaptureQueriesContext(connection) as queries:
            client.get(f"/help/{article.number}/")
        return (*result, len(queries))

    def grow(services: int, per: int, tag: str):
        for s in range(services):
            service = ServiceFactory(name=f"Service {tag}{s}")
            for n in range(per):
                make_article(f"Printer {tag}{s}-{n}", "The printer jams.", services=[service])

    grow(2, 2, "a")
    few = counts()
    grow(12, 7, "b")
    assert counts() == few


def test_lang_in_the_address_is_carried_through_links_and_feedback(client, make_article):
    persian = make_article("بازنشانی رمز عبور", "متن", language="fa")
    response = client.get(f"/help/{persian.number}/", {"lang": "fa"})
    assert response["Content-Language"] == "fa"
    html = response.content.decode()
    assert 'href="/help/?lang=fa"' in html and 'name="lang" value="fa"' in html
    response = client.post(f"/help/{persian.number}/feedback/", {"helpful": "yes", "lang": "fa"})
    assert response["Location"] == f"/help/{persian.number}/?feedback=yes&lang=fa#feedback"
    assert client.get("/help/", {"lang": "xx"}).status_code == 200  # not ours: ignored
