"""The agents' knowledge-base pages: the list (filters, search, constant queries), writing an
article and taking it through review to publication by another agent, editing a published
article (a draft beside it; readers keep the published text), the diff between versions, one
click from a known error to an article, sending an article to an incident's customer, the
suggestions on the incident page, and requesters getting a 404 everywhere."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from catalog.tests.factories import ServiceFactory
from core.roles import Role
from incidents.models import IncidentNote
from incidents.tests.factories import IncidentFactory
from knowledge import services
from knowledge.models import Article
from knowledge.selectors import articles_visible_to
from problems.tests.factories import KnownErrorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def author(make_user):
    return make_user(Role.AGENT, username="kb-author")


@pytest.fixture
def reviewer(make_user):
    return make_user(Role.AGENT, username="kb-reviewer")


@pytest.fixture
def as_author(client, author):
    client.force_login(author)
    return client


def _article(author, **fields) -> Article:
    data = {"title": "Reset your password", "body": "Open the portal.\n\nClick *Forgot password*.",
            "language": "en", "audience": "public"}
    data.update(fields)
    return services.article_create(author=author, **data)


def _published(author, reviewer, **fields) -> Article:
    article = _article(author, **fields)
    services.article_submit(article, by=author)
    services.article_publish(Article.objects.get(pk=article.pk), by=reviewer)
    return Article.objects.get(pk=article.pk)


# --- the list ------------------------------------------------------------------------------------
def test_the_list_filters_by_status_language_audience_and_service(as_author, author, reviewer):
    service = ServiceFactory(name="Email")
    draft = _article(author, title="Mailbox full", services=[service])
    published = _published(author, reviewer, title="VPN drops every hour", language="el")
    internal = _article(author, title="Restart the relay", audience="internal")

    def shown(**params):
        response = as_author.get(reverse("knowledge:articles"), params)
        assert response.status_code == 200
        return {a.number for a in response.context["articles"]}

    assert shown() >= {draft.number, published.number, internal.number}
    assert shown(status="published") == {published.number}
    assert shown(language="el") == {published.number}
    assert shown(audience="internal") == {internal.number}
    assert shown(service=service.pk) == {draft.number}
    assert shown(q=published.number.lower()) == {published.number}
    assert draft.number in shown(q="mailbox")
    assert shown(status="nonsense") == set()  # a field error, no rows, no 500
    for odd in ("'\"<script>&|!:*", "a\x00b", "KB", "x" * 500, "-", "فارسی ي ك"):
        assert as_author.get(reverse("knowledge:articles"), {"q": odd, "sort": "relevance"}).status_code == 200
    assert as_author.get(reverse("knowledge:articles"), {"service": "x\x00", "sort": "?"}).status_code == 200


def test_the_list_costs_the_same_queries_for_2_and_12_rows(as_author, author):
    services_ = [ServiceFactory(), ServiceFactory()]

    def queries():
        as_author.get(reverse("knowledge:articles"))  # warm per-process caches
        with CaptureQueriesContext(connection) as ctx:
            response = as_author.get(reverse("knowledge:articles"))
        assert response.status_code == 200
        return len(response.context["articles"]), len(ctx.captured_queries)

    for n in range(2):
        _article(author, title=f"Article {n}", services=services_)
    rows_few, few = queries()
    for n in range(10):
        _article(author, title=f"More {n}", services=services_)
    rows_many, many = queries()
    assert (rows_few, rows_many) == (2, 12)
    assert many == few, f"{few} queries for 2 rows, {many} for 12"


# --- writing, review, publication ----------------------------------------------------------------
def test_create_submit_and_publish_by_another_agent(client, as_author, author, reviewer):
    response = as_author.post(reverse("knowledge:article-new"), {
        "title": "Printer shows offline", "body": "1. Turn it off\n2. Turn it on", "language": "en",
        "audience": "public"})
    article = Article.objects.get(title="Printer shows offline")
    assert response.status_code == 302 and response["Location"] == article.get_absolute_url()
    assert article.status == "draft" and article.author == author

    page = as_author.get(article.get_absolute_url())
    assert page.status_code == 200
    assert "<li>Turn it off</li>" in page.content.decode()  # the Markdown, rendered

    assert as_author.post(reverse("knowledge:article-action", args=[article.pk, "submit"])).status_code == 302
    article.refresh_from_db()
    assert article.status == "in_review"

    # The author may not publish their own public article: not offered; refused, said, nothing changes.
    assert 'data-action="publish"' not in as_author.get(article.get_absolute_url()).content.decode()
    refused = as_author.post(reverse("knowledge:article-action", args=[article.pk, "publish"]), follow=False)
    assert refused.status_code in (403, 409)
    article.refresh_from_db()
    assert article.status == "in_review"

    client.force_login(reviewer)
    assert 'data-action="publish"' in client.get(article.get_absolute_url()).content.decode()
    assert client.post(reverse("knowledge:article-action", args=[article.pk, "publish"])).status_code == 302
    article.refresh_from_db()
    assert article.status == "published" and article.version == 1 and article.reviewer == reviewer
    page = client.get(article.get_absolute_url())
    assert f"/help/{article.number}/" in page.content.decode()  # see it as customers do
    history = page.context["history"]
    assert [e.title for e in history][:3] == ["Published", "Submitted for review", "Written"]
    changes = {label: new for label, old, new in history[0].changes}
    assert changes["reviewer"] == (reviewer.get_full_name() or reviewer.username)


def test_a_bad_form_is_a_400_with_the_errors_and_nothing_saved(as_author):
    response = as_author.post(reverse("knowledge:article-new"), {"title": "", "body": "x", "language": "xx",
                                                                 "audience": "everyone"})
    assert response.status_code == 400
    assert set(response.context["form"].errors) >= {"title", "language", "audience"}
    assert not Article.objects.exists()


def test_a_translation_starts_from_the_original(as_author, author):
    original = _article(author, title="Reset your password")
    page = as_author.get(original.get_absolute_url())
    assert f"translation_of={original.pk}&amp;language=fa" in page.content.decode()
    form = as_author.get(reverse("knowledge:article-new"), {"translation_of": original.pk, "language": "fa"})
    assert form.context["form"].initial["language"] == "fa"
    assert form.context["form"].initial["title"] == "Reset your password"
    as_author.post(reverse("knowledge:article-new"), {
        "title": "بازنشانی گذرواژه", "body": "پورتال را باز کنید.", "language": "fa", "audience": "public",
        "translation_of": original.pk})
    translation = Article.objects.get(language="fa")
    assert translation.translation_of == original
    assert translation.number in as_author.get(original.get_absolute_url()).content.decode()
    # The translation's page lists the original; a language already there is not offered again.
    page = as_author.get(translation.get_absolute_url())
    assert [a.pk for a in page.context["translations"]] == [original.pk]
    assert [code for code, label in page.context["missing_languages"]] == ["el", "pt"]


# --- editing a published article -----------------------------------------------------------------
def test_editing_a_published_article_makes_a_draft_beside_it(as_author, author, reviewer, requester):
    published = _published(author, reviewer, body="Old text")
    response = as_author.post(reverse("knowledge:article-edit", args=[published.pk]), {
        "title": published.title, "body": "New text", "language": "en", "audience": "public"})
    draft = Article.objects.get(draft_of=published)
    assert response.status_code == 302 and response["Location"] == draft.get_absolute_url()
    assert draft.body == "New text"
    published.refresh_from_db()
    assert published.body == "Old text" and published.status == "published"
    # Readers still see the published text.
    assert articles_visible_to(requester).get(pk=published.pk).body == "Old text"
    assert not articles_visible_to(requester).filter(pk=draft.pk).exists()
    # The published article's page points at the new version; editing it again goes there.
    page = as_author.get(published.get_absolute_url()).content.decode()
    assert 'data-testid="draft-beside"' in page and draft.get_absolute_url() in page
    again = as_author.get(reverse("knowledge:article-edit", args=[published.pk]))
    assert again.status_code == 302 and again["Location"] == reverse("knowledge:article-edit", args=[draft.pk])


def test_the_next_version_shows_its_changes_and_publishing_it_goes_back_to_the_article(client, as_author, author,
                                                                                       reviewer):
    published = _published(author, reviewer, body="Step one\nStep two")
    draft = services.article_update(published, by=author, body="Step one\nStep 2")
    page = as_author.get(draft.get_absolute_url())
    assert 'data-testid="draft-of-banner"' in page.content.decode()
    assert ("add", "Step 2") in {(line.kind, line.text) for line in page.context["draft_diff"]}
    as_author.post(reverse("knowledge:article-action", args=[draft.pk, "submit"]))
    client.force_login(reviewer)
    response = client.post(reverse("knowledge:article-action", args=[draft.pk, "publish"]))
    assert response.status_code == 302 and response["Location"] == published.get_absolute_url()
    assert not Article.objects.filter(pk=draft.pk).exists()
    published.refresh_from_db()
    assert published.version == 2 and published.body == "Step one\nStep 2"


def test_the_diff_between_versions_shows_the_changed_lines(client, as_author, author, reviewer):
    published = _published(author, reviewer, body="Step one\nStep two\nStep three")
    draft = services.article_update(published, by=author, body="Step one\nStep 2, faster\nStep three")
    services.article_submit(draft, by=author)
    services.article_publish(Article.objects.get(pk=draft.pk), by=reviewer)
    published.refresh_from_db()
    assert published.version == 2 and published.body.startswith("Step one\nStep 2")

    page = as_author.get(published.get_absolute_url(), {"diff": "1..2"})
    assert page.status_code == 200
    lines = {(line.kind, line.text.strip()) for line in page.context["diff"]["lines"]}
    assert ("del", "Step two") in lines and ("add", "Step 2, faster") in lines
    html = page.content.decode()
    assert 'class="kb-diff-add"' in html and 'class="kb-diff-del"' in html
    for bad in ("2..9", "x", "1..2..3", "-1..2", "9" * 40):
        response = as_author.get(published.get_absolute_url(), {"diff": bad})
        assert response.status_code == 200 and response.context["diff"]["error"]


def test_an_image_is_uploaded_on_the_edit_page_and_its_markdown_shown(as_author, author, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    article = _article(author)
    url = reverse("knowledge:article-image-upload", args=[article.pk])
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    response = as_author.post(url, {"file": SimpleUploadedFile("shot.png", png, "image/png")})
    assert response.status_code == 302 and response["Location"] == reverse("knowledge:article-edit", args=[article.pk])
    image = article.images.get()
    page = as_author.get(response["Location"]).content.decode()
    assert f"]({image.get_absolute_url()})" in page
    # Not an image (whatever its name says): refused with the reason, nothing attached.
    refused = as_author.post(url, {"file": SimpleUploadedFile("x.png", b"<svg onload=alert(1)>", "image/png")},
                             follow=True)
    assert "Only PNG, JPEG, GIF and WebP" in refused.content.decode()
    assert article.images.count() == 1
    assert as_author.post(url, {}).status_code == 302  # no file: said, no 500


# --- known errors and incidents ------------------------------------------------------------------
def test_a_known_error_becomes_an_article_in_one_click(as_author):
    known = KnownErrorFactory(title="Outlook asks for the password again", status="published")
    page = as_author.get(known.get_absolute_url()).content.decode()
    url = reverse("knowledge:article-from-known-error", args=[known.pk])
    assert f'action="{url}"' in page
    response = as_author.post(url)
    article = Article.objects.get(known_error=known)
    assert response.status_code == 302 and response["Location"] == article.get_absolute_url()
    assert article.audience == "public" and article.status == "draft"
    # A second click goes to the same article; the known error's page now links to it.
    assert as_author.post(url)["Location"] == article.get_absolute_url()
    assert Article.objects.filter(known_error=known).count() == 1
    page = as_author.get(known.get_absolute_url()).content.decode()
    assert article.get_absolute_url() in page and f'action="{url}"' not in page
    assert as_author.get(url).status_code == 405


def test_sending_an_article_adds_a_public_comment_to_the_incident(as_author, author, reviewer):
    article = _published(author, reviewer, title="Reset your password")
    incident = IncidentFactory(title="Cannot log in")
    response = as_author.post(reverse("knowledge:article-send", args=[article.pk]),
                              {"incident": incident.pk, "next": "https://evil.example/"})
    assert response.status_code == 302 and response["Location"] == incident.get_absolute_url()
    note = IncidentNote.objects.get(incident=incident)
    assert note.visibility == "public" and "Reset your password" in note.body
    # No such incident, or none named: no 500.
    assert as_author.post(reverse("knowledge:article-send", args=[article.pk]), {"incident": 999999}).status_code \
        == 404
    assert as_author.post(reverse("knowledge:article-send", args=[article.pk]), {}).status_code == 302


def test_the_incident_page_suggests_articles_with_a_send_button(as_author, author, reviewer):
    article = _published(author, reviewer, title="Printer offline after the update",
                         body="Restart the print spooler.")
    incident = IncidentFactory(title="Printer offline", description="Since the update the printer is offline")
    page = as_author.get(incident.get_absolute_url())
    assert page.status_code == 200
    html = page.content.decode()
    assert 'data-testid="incident-articles"' in html
    assert f'data-number="{article.number}"' in html
    assert reverse("knowledge:article-send", args=[article.pk]) in html


def test_the_incident_page_costs_the_same_queries_with_1_or_5_suggestions(as_author, author, reviewer):
    incident = IncidentFactory(title="Printer offline", description="The printer is offline")

    def queries():
        as_author.get(incident.get_absolute_url())  # warm per-process caches
        with CaptureQueriesContext(connection) as ctx:
            response = as_author.get(incident.get_absolute_url())
        assert response.status_code == 200
        return response.content.decode().count('data-testid="article-suggestion"'), len(ctx.captured_queries)

    _published(author, reviewer, title="Printer offline 0", body="Restart the spooler.")
    one, few = queries()
    for n in range(1, 6):
        _published(author, reviewer, title=f"Printer offline {n}", body="Restart the spooler.")
    five, many = queries()
    assert (one, five) == (1, 5)
    # (fewer than five found by every word: suggest fills up with any word, one query more)
    assert many <= few, f"{few} queries for 1 suggestion, {many} for 5"


# --- who may -------------------------------------------------------------------------------------
def test_requesters_get_a_404_everywhere(client, requester, author, reviewer):
    article = _published(author, reviewer)
    known = KnownErrorFactory()
    incident = IncidentFactory()
    client.force_login(requester)
    for url in (reverse("knowledge:articles"), reverse("knowledge:article-new"), article.get_absolute_url(),
                reverse("knowledge:article-edit", args=[article.pk])):
        assert client.get(url).status_code == 404, url
    for url, data in ((reverse("knowledge:article-action", args=[article.pk, "retire"]), {}),
                      (reverse("knowledge:article-from-known-error", args=[known.pk]), {}),
                      (reverse("knowledge:article-send", args=[article.pk]), {"incident": incident.pk})):
        assert client.post(url, data).status_code == 404, url
    article.refresh_from_db()
    assert article.status == "published"
    assert not IncidentNote.objects.exists()


def test_signed_out_visitors_are_sent_to_sign_in(client, author):
    article = _article(author)
    response = client.get(article.get_absolute_url())
    assert response.status_code == 302 and "login" in response["Location"]


def test_staff_see_the_drafts_of_others(client, author, reviewer):
    draft = _article(author, audience="internal", title="Only for us")
    client.force_login(reviewer)
    assert client.get(draft.get_absolute_url()).status_code == 200
    assert draft.number in client.get(reverse("knowledge:articles")).content.decode()
