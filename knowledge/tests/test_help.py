"""The public help centre /help/ (issue 20, item 3): no login anywhere; only published public
articles exist (drafts, internal, retired and unknown numbers are 404); search with any input;
misses recorded; views counted; "this solved it" records a deflection and "No" asks why;
the cache, cleared on publish; the measures (knowledge/stats.py). All on one library of
articles built once for the module; the tests with articles of their own only (the visitor's
language, translations, suggestions, the services clearing the cache, query counts) are in
test_help_own_articles.py."""

import copy
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from catalog.tests.factories import ServiceFactory
from core.roles import Role
from knowledge import stats
from knowledge.cache import help_cache_clear
from knowledge.models import ArticleFeedback, SearchMiss
from knowledge.tests.factories import article_maker

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def _library(django_db_setup, django_db_blocker):
    """The author and :func:`_build_library`, once for the module (every test here uses the
    library; what a test writes is rolled back with its own transaction, a savepoint inside
    this one): in a transaction of its own, rolled back after the module's last test. The tests
    with articles of their own only are in test_help_own_articles.py."""
    from django.db import transaction

    from catalog.tests.factories import UserFactory

    with django_db_blocker.unblock(), transaction.atomic():
        author = UserFactory(roles=[Role.AGENT], username="kb-author")
        built = {"author": author, **_build_library(article_maker(author))}
        yield built
        transaction.set_rollback(True)


@pytest.fixture
def library(_library, db):
    """Each test its own copies of the records (a test refreshes an article from the database)."""
    return {name: copy.copy(record) for name, record in _library.items() if name != "author"}


@pytest.fixture
def author(_library, db):
    return copy.copy(_library["author"])




@pytest.fixture
def make_article(author):
    return article_maker(author)


def _build_library(make_article):
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




