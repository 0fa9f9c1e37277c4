"""Self-service in a real browser (issue 20): a requester starts typing an incident in the
portal, the help centre suggests an article as she types, she opens it (a new tab), clicks
"Yes, this solved it" and sends no incident; her manager then sees the deflection on the
dashboard's Knowledge panel (and in ``kpis/itsm/``'s ``kb_deflections``). The help centre is
public: an anonymous visitor searches it, reads a Persian article right to left and answers
"No" with a reason. Nothing is refused by the Content-Security-Policy (the ``page`` fixture
fails a test that logged a violation)."""

import json

import pytest
from django.utils import timezone

from catalog.tests.factories import ServiceFactory
from core.roles import Role
from incidents.models import Incident
from knowledge.models import Article, ArticleFeedback
from tests.browser.helpers import check_page_fits

PASSWORD = "demo-pass-123"  # catalog.tests.factories.UserFactory's


def publish(title: str, body: str, *, author, language: str = "en", services=(), translation_of=None) -> Article:
    article = Article.objects.create(title=title, body=body, language=language, audience="public",
                                     status="published", author=author, version=1, published_at=timezone.now(),
                                     translation_of=translation_of)
    Article.objects.filter(pk=article.pk).update(number=f"KB{article.pk:06d}")
    article.refresh_from_db()
    article.services.set(services)
    return article


@pytest.fixture
def desk(make_user):
    rita = make_user(Role.REQUESTER, username="kb-rita", first_name="Rita", last_name="Requester")
    mona = make_user(Role.MANAGER, username="kb-mona", first_name="Mona", last_name="Manager")
    author = make_user(Role.AGENT, username="kb-writer")
    mail = ServiceFactory(name="Mail")
    outlook = publish("Outlook keeps asking for my password",
                      "Open **Settings → Accounts**, remove the saved password and sign in again.",
                      author=author, services=[mail])
    publish("Printer jams on the third floor", "Open tray 2 and remove the paper.", author=author)
    return {"rita": rita, "mona": mona, "author": author, "mail": mail, "outlook": outlook}


def itsm_kb_deflections(page) -> int:
    """``kb_deflections`` of ``/api/v1/kpis/itsm/`` as the signed-in browser sees it."""
    body = page.driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "fetch('/api/v1/kpis/itsm/', {credentials: 'same-origin', headers: {Accept: 'application/json'}})"
        ".then(r => r.text()).then(done, () => done(''));")
    return json.loads(body)["kb_deflections"]


def test_a_suggested_article_solves_it_and_the_dashboard_counts_the_deflection(page, desk):
    outlook = desk["outlook"]
    page.login(desk["rita"]).get("/portal/report/")
    assert page.find("[data-testid=kb-suggestions]").text == ""
    page.find("#id_title").send_keys("Outlook asks for my password")
    link = page.wait_for(lambda d: page.find("[data-testid=kb-suggestion]"), message="no article suggested")
    assert link.get_attribute("data-number") == outlook.number
    assert link.text == outlook.title
    assert link.get_attribute("target") == "_blank"

    portal = page.driver.current_window_handle
    link.click()
    page.wait_for(lambda d: len(d.window_handles) == 2, message="the article did not open in a new tab")
    page.driver.switch_to.window(next(h for h in page.driver.window_handles if h != portal))
    page.wait_for_path(f"/help/{outlook.number}/")
    assert page.find("[data-testid=help-article-title]").text == outlook.title
    page.find("[data-testid=feedback-yes]").click()
    thanks = page.wait_for(lambda d: page.find("[data-testid=feedback-thanks]"), message="no thanks")
    assert "glad it solved your problem" in thanks.text
    page.driver.close()
    page.driver.switch_to.window(portal)

    feedback = ArticleFeedback.objects.get()
    assert (feedback.article_id, feedback.helpful, feedback.deflected, feedback.user) == (
        outlook.pk, True, True, desk["rita"])
    assert not Incident.objects.exists()  # no ticket raised
    outlook.refresh_from_db()
    assert (outlook.views, outlook.helpful, outlook.deflections) == (1, 1, 1)

    # The manager's dashboard: the Knowledge panel counts it, under the article and its service,
    # and so does kpis/itsm/.
    page.driver.delete_all_cookies()
    page.login(desk["mona"]).get("/dashboards/")
    page.wait_for_path("/dashboards/")
    panel = page.find("[data-testid=knowledge]")
    assert panel.find_element("css selector", "[data-testid=kb-deflections]").text == "1"
    row = panel.find_element("css selector", f"[data-testid=kb-articles] tr[data-article='{outlook.pk}']")
    assert outlook.number in row.text and row.find_element("css selector", "td").text == "1"
    assert "Mail" in panel.find_element("css selector", "[data-testid=kb-services]").text
    assert itsm_kb_deflections(page) == 1


def test_an_anonymous_visitor_searches_reads_right_to_left_and_says_no(page, desk):
    persian = publish("رمز عبور Outlook را فراموش کرده‌ام", "در **تنظیمات** رمز ذخیره‌شده را حذف کنید.",
                      author=desk["author"], language="fa", translation_of=desk["outlook"], services=[desk["mail"]])
    page.get("/help/")
    assert page.find_all("[data-testid=help-category]")
    page.find("#kb-q").send_keys("password")
    page.find("[data-testid=help-search-form] button[type=submit]").click()
    page.wait_for(lambda d: page.path.startswith("/help/search/"), message="no search")
    results = [r.get_attribute("data-number") for r in page.find_all("[data-testid=help-result]")]
    assert results == [desk["outlook"].number]

    page.get(f"/help/{persian.number}/")
    article = page.find("[data-testid=help-article]")
    assert (article.get_attribute("lang"), article.get_attribute("dir")) == ("fa", "rtl")
    assert page.js("return getComputedStyle(arguments[0]).direction;", article) == "rtl"
    assert [t.get_attribute("lang") for t in page.find_all("[data-testid=help-translation]")] == ["en"]

    page.find("[data-testid=feedback-no]").click()
    comment = page.wait_for(lambda d: page.find("[data-testid=feedback-comment]").is_displayed()
                            and page.find("[data-testid=feedback-comment]"), message="no reason asked")
    comment.send_keys("My Outlook has no Accounts menu.")
    page.find("[data-testid=feedback-send]").click()
    page.wait_for(lambda d: page.find("[data-testid=feedback-thanks]"), message="no thanks")
    feedback = ArticleFeedback.objects.get()
    assert (feedback.article_id, feedback.helpful, feedback.deflected, feedback.comment) == (
        persian.pk, False, False, "My Outlook has no Accounts menu.")


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_the_help_centre_fits(page, desk, width):
    persian = publish("رمز عبور Outlook را فراموش کرده‌ام", "در **تنظیمات** رمز ذخیره‌شده را حذف کنید.\n\n"
                      "| گام | کار |\n|---|---|\n| ۱ | تنظیمات را باز کنید |", author=desk["author"], language="fa",
                      translation_of=desk["outlook"], services=[desk["mail"]])
    if width == "phone":
        page.set_phone()
    check_page_fits(page, f"help-home-{width}", "/help/")
    check_page_fits(page, f"help-search-{width}", "/help/search/?q=password")
    check_page_fits(page, f"help-article-fa-{width}", f"/help/{persian.number}/?lang=fa")
    check_page_fits(page, f"help-article-en-{width}", f"/help/{desk['outlook'].number}/")
    page.login(desk["rita"])
    page.get("/portal/report/")
    page.find("#id_title").send_keys("printer jams")
    page.wait_for(lambda d: page.find("[data-testid=kb-suggestion]"), message="no article suggested")
    assert page.horizontal_overflow() == 0
    page.screenshot(f"help-portal-suggest-{width}")
