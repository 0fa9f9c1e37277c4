"""The public help centre /help/ (issue 20, item 3): no login anywhere; only published public
articles exist (drafts, internal, retired and unknown numbers are 404); search with any input;
misses recorded; views counted; "this solved it" records a deflection and "No" asks why;
Persian articles right to left; the portal's suggestions; the cache, cleared on publish; query
counts that do not grow with the number of services and articles; the measures
(knowledge/stats.py)."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from catalog.tests.factories import ServiceFactory
from core.roles import Role
from incidents.services.suspected import red_alert_cache_clear
from knowledge import stats
from knowledge.cache import help_cache_clear
from knowledge.models import Article, ArticleFeedback, SearchMiss

pytestmark = pytest.mark.django_db


@pytest.fixture
def author(make_user):
    return make_user(Role.AGENT, username="kb-author")


@pytest.fixture
def make_article(author):
    def make(title, body="Some text.", *, language="en", audience="public", status="published", services=(),
             views=0, translation_of=None):
        article = Article.objects.create(
            title=title, body=body, language=language, audience=audience, status=status, author=author,
            views=views, translation_of=translation_of, version=1 if status == "published" else 0,
            published_at=timezone.now() if status == "published" else None)
        Article.objects.filter(pk=article.pk).update(number=f"KB{article.pk:06d}")
        article.refresh_from_db()
        article.services.set(services)
        return article

    return make


@pytest.fixture
def library(make_article):
    mail, vpn, hidden = ServiceFactory(name="Mail"), ServiceFactory(name="VPN"), ServiceFactory(name="Payroll")
    return {
        "mail": mail, "vpn_service": vpn, "hidden": hidden,
        "outlook": make_article("Outlook keeps asking for my password",
                                "Open **Settings**, remove the saved password and sign in again.",
                                services=[mail], views=30),
        "quota": make_article("Mailbox full", "Empty the deleted items folder.", services=[mail], views=5),
        "vpn": make_article("Connect to the VPN from home", "Install the client, then sign in.", services=[vpn]),
        "faq": make_article("Opening hours of the service desk", "Monday to Friday, 8 to 18."),
        "draft": make_article("Draft about mail passwords", status="draft", services=[mail]),
        "review": make_article("Review about mail passwords", status="in_review", services=[mail]),
        "internal": make_article("Internal: reset a mailbox password", audience="internal", services=[hidden]),
        "retired": make_article("Retired mail password trick", status="retired", services=[mail]),
    }


def numbers(html: str) -> list[str]:
    return re.findall(r'data-number="(KB\d+)"', html)


# --- no login, nothing hidden shown -------------------------------------------------------------
def test_home_is_public_with_services_their_articles_and_the_most_viewed(client, library):
    response = client.get("/help/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Mail" in html and "VPN" in html
    assert "Payroll" not in html  # only an internal article: not a category
    for key in ("outlook", "quota", "vpn", "faq"):
        assert library[key].number in html
    for key in ("draft", "review", "internal", "retired"):
        assert library[key].number not in html
    assert numbers(html)[0] == library["outlook"].number  # most viewed first
    assert response["Cache-Control"] in ("public, max-age=60", "max-age=60, public")
    assert "Accept-Language" in response["Vary"]  # a shared cache keeps one copy per language
    assert "csrftoken" not in response.cookies  # nothing private in a page any cache may keep


@pytest.mark.parametrize("key", ["draft", "review", "internal", "retired"])
def test_what_readers_may_not_see_is_not_found(client, library, key):
    number = library[key].number
    assert client.get(f"/help/{number}/").status_code == 404
    assert client.post(f"/help/{number}/feedback/", {"helpful": "yes"}).status_code == 404
    assert not ArticleFeedback.objects.exists()


@pytest.mark.parametrize("path", ["/help/KB999999/", "/help/nothing/", "/help/KB/", "/help/KB1%00/",
                                  "/help/%F0%9F%98%80/", "/help/KB" + "9" * 40 + "/"])
def test_unknown_numbers_are_not_found(client, library, path):
    assert client.get(path).status_code == 404


def test_signed_in_staff_see_no_more_than_anyone(client, library, make_user):
    client.force_login(make_user(Role.ADMIN, username="kb-admin"))
    assert client.get(f"/help/{library['internal'].number}/").status_code == 404
    assert client.get(f"/help/{library['draft'].number}/").status_code == 404
    response = client.get("/help/")
    assert response.status_code == 200
    assert "public" not in response.get("Cache-Control", "")  # a signed-in page is nobody else's


# --- search ---------------------------------------------------------------------------------
def test_search_finds_published_public_articles_only(client, library):
    response = client.get("/help/search/", {"q": "password"})
    assert response.status_code == 200
    found = numbers(response.content.decode())
    assert found == [library["outlook"].number]
    assert not SearchMiss.objects.exists()


ODD = ["", " ", "'", '"', "\\", "%", "_", "a & b | !c", "(", ")", ":*", "<script>alert(1)</script>", "-", "or",
       '"unclosed', "x" * 10_000, "😀 émoji", "\x00", "KB000001", "DROP TABLE knowledge_article;--", "*", "&&&",
       "\u200c", "ي ك", "1' OR '1'='1"]


@pytest.mark.parametrize("query", ODD)
def test_search_with_any_input_never_errors(client, library, query):
    assert client.get("/help/search/", {"q": query}).status_code == 200
    assert client.get("/help/search/", {"q": query, "service": query, "lang": query}).status_code == 200
    assert client.get("/help/suggest/", {"q": query}).status_code == 200


def test_a_search_that_finds_nothing_is_recorded_each_time(client, library):
    for _ in range(2):  # the second comes from the cache and is still counted
        response = client.get("/help/search/", {"q": "printer on fire"})
        assert response.status_code == 200
        assert 'data-testid="help-no-results"' in response.content.decode()
    miss = SearchMiss.objects.get()
    assert (miss.query, miss.count) == ("printer on fire", 2)
    client.get("/help/search/", {"q": ""})
    assert SearchMiss.objects.count() == 1
    assert stats.search_misses()[0]["query"] == "printer on fire"


def test_search_by_service_lists_its_articles(client, library):
    found = numbers(client.get("/help/search/", {"service": library["mail"].pk}).content.decode())
    assert found == [library["outlook"].number, library["quota"].number]


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


# --- an article -----------------------------------------------------------------------------
def test_article_page_renders_markdown_and_counts_each_view(client, library):
    article = library["outlook"]
    response = client.get(f"/help/{article.number}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<strong>Settings</strong>" in html
    assert 'lang="en" dir="ltr"' in html
    assert "Did this solve your problem?" in html
    assert "private" in response["Cache-Control"]  # it carries a CSRF token
    client.get(f"/help/{article.number.lower()}/")
    client.head(f"/help/{article.number}/")  # a HEAD is not a reader
    article.refresh_from_db()
    assert article.views == 32


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


def csrf_form_token(html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def test_this_solved_it_records_helpful_and_a_deflection_with_csrf_for_anonymous(library):
    client = Client(enforce_csrf_checks=True)
    article = library["vpn"]
    assert client.post(f"/help/{article.number}/feedback/", {"helpful": "yes"}).status_code == 403
    token = csrf_form_token(client.get(f"/help/{article.number}/").content.decode())
    response = client.post(f"/help/{article.number}/feedback/", {"helpful": "yes", "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert response["Location"] == f"/help/{article.number}/?feedback=yes#feedback"
    article.refresh_from_db()
    assert (article.helpful, article.not_helpful, article.deflections) == (1, 0, 1)
    feedback = ArticleFeedback.objects.get()
    assert (feedback.helpful, feedback.deflected, feedback.user) == (True, True, None)
    html = client.get(response["Location"]).content.decode()
    assert 'data-testid="feedback-thanks"' in html and 'data-testid="feedback-yes"' not in html
    # The same visitor again: thanked, not counted twice.
    client.post(f"/help/{article.number}/feedback/", {"helpful": "yes", "csrfmiddlewaretoken": token})
    article.refresh_from_db()
    assert article.deflections == 1


def test_no_asks_why_and_records_not_helpful(client, library, requester):
    article = library["quota"]
    html = client.get(f"/help/{article.number}/").content.decode()
    assert 'data-testid="feedback-no"' in html and 'name="comment"' in html
    client.force_login(requester)
    response = client.post(f"/help/{article.number}/feedback/", {"helpful": "no", "comment": "  My quota is 1 GB. "})
    assert response.status_code == 302 and "feedback=no" in response["Location"]
    article.refresh_from_db()
    assert (article.helpful, article.not_helpful, article.deflections) == (0, 1, 0)
    feedback = ArticleFeedback.objects.get()
    assert (feedback.helpful, feedback.deflected, feedback.comment, feedback.user) == (
        False, False, "My quota is 1 GB.", requester)
    assert "Report an incident" in client.get(response["Location"]).content.decode()


@pytest.mark.parametrize("data", [{}, {"helpful": "maybe"}, {"helpful": "no", "comment": "x" * 2001}])
def test_bad_feedback_is_refused_and_records_nothing(client, library, data):
    response = client.post(f"/help/{library['faq'].number}/feedback/", data)
    assert response.status_code == 400
    assert not ArticleFeedback.objects.exists()


def test_feedback_is_a_post(client, library):
    assert client.get(f"/help/{library['faq'].number}/feedback/").status_code == 405


# --- suggestions in the portal ---------------------------------------------------------------
def test_suggest_returns_a_partial_of_public_articles(client, library):
    response = client.get("/help/suggest/", {"q": "password"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html
    assert numbers(html) == [library["outlook"].number]
    assert 'target="_blank"' in html
    # The portal's form sends its fields by name; short text suggests nothing.
    assert numbers(client.get("/help/suggest/", {"title": "vpn from home"}).content.decode()) == [
        library["vpn"].number]
    assert numbers(client.get("/help/suggest/", {"title": "", "description": "mailbox full"}).content.decode()) == [
        library["quota"].number]
    assert client.get("/help/suggest/", {"q": "pa"}).content.decode().strip() == ""


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


# --- the cache ------------------------------------------------------------------------------
def test_pages_come_from_the_cache_and_publishing_clears_it(client, library, make_article, author):
    client.get("/help/")
    client.get(f"/help/{library['faq'].number}/")
    with CaptureQueriesContext(connection) as home:
        client.get("/help/")
    assert len(home) == 0
    with CaptureQueriesContext(connection) as page:
        client.get(f"/help/{library['faq'].number}/")
    assert len(page) == 1  # the view counter's UPDATE only
    fresh = make_article("Printer jams", "Open the tray.")
    assert fresh.number not in client.get("/help/").content.decode()  # cached
    help_cache_clear()
    assert fresh.number in client.get("/help/").content.decode()


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


# --- the measures ---------------------------------------------------------------------------
def test_stats_count_deflections_by_article_and_service(library, requester):
    from knowledge.services import article_feedback

    now = timezone.now()
    article_feedback(library["outlook"], user=None, helpful=True, deflected=True)
    article_feedback(library["outlook"], user=requester, helpful=True, deflected=True)
    article_feedback(library["vpn"], user=None, helpful=True, deflected=True)
    article_feedback(library["faq"], user=None, helpful=True, deflected=True)
    article_feedback(library["quota"], user=None, helpful=False, comment="no")
    ArticleFeedback.objects.filter(article=library["faq"]).update(created_at=now - timedelta(days=40))
    start, end = now - timedelta(days=1), now + timedelta(minutes=1)
    assert stats.kb_deflections(start, end) == 3
    assert stats.kb_deflections(start, end, service=library["mail"].pk) == 2
    assert stats.kb_deflections(now - timedelta(days=60), end) == 4
    assert [(r["number"], r["deflections"]) for r in stats.deflections_by_article(start, end)] == [
        (library["outlook"].number, 2), (library["vpn"].number, 1)]
    assert [(r["service"], r["deflections"]) for r in stats.deflections_by_service(start, end)] == [
        ("Mail", 2), ("VPN", 1)]
    assert stats.article_feedback_totals(start, end) == {"feedback": 4, "helpful": 3, "not_helpful": 1,
                                                         "deflections": 3}
    assert stats.most_viewed(2)[0]["number"] == library["outlook"].number
    with CaptureQueriesContext(connection) as queries:
        stats.kb_deflections(start, end)
        stats.deflections_by_article(start, end)
        stats.deflections_by_service(start, end)
        stats.article_feedback_totals(start, end)
        stats.search_misses()
    assert len(queries) == 5


def test_lang_in_the_address_is_carried_through_links_and_feedback(client, make_article):
    persian = make_article("بازنشانی رمز عبور", "متن", language="fa")
    response = client.get(f"/help/{persian.number}/", {"lang": "fa"})
    assert response["Content-Language"] == "fa"
    html = response.content.decode()
    assert 'href="/help/?lang=fa"' in html and 'name="lang" value="fa"' in html
    response = client.post(f"/help/{persian.number}/feedback/", {"helpful": "yes", "lang": "fa"})
    assert response["Location"] == f"/help/{persian.number}/?feedback=yes&lang=fa#feedback"
    assert client.get("/help/", {"lang": "xx"}).status_code == 200  # not ours: ignored
