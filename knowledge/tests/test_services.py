"""The article lifecycle through the services: who may publish what, the draft beside a
published article, versions, retiring, feedback counters, views, images, known errors and
sending an article to an incident."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from catalog.tests.factories import ServiceFactory
from core.errors import InvalidTransitionError
from core.roles import Role
from incidents.choices import NoteVisibility
from incidents.tests.factories import IncidentFactory
from knowledge import services
from knowledge.choices import ArticleAudience, ArticleStatus
from knowledge.models import Article, ArticleFeedback, ArticleImage, ArticleVersion
from knowledge.selectors import article_available_actions, article_diff, articles_visible_to
from problems.tests.factories import KnownErrorFactory

from .factories import ArticleFactory, PublishedArticleFactory

pytestmark = pytest.mark.django_db
S = ArticleStatus


@pytest.fixture
def author(make_user):
    return make_user(Role.AGENT, username="kb-author")


@pytest.fixture
def reviewer(make_user):
    return make_user(Role.MANAGER, username="kb-reviewer")


def _draft(author, **kwargs):
    kwargs.setdefault("title", "Reset your password")
    kwargs.setdefault("body", "Go to **Settings** and choose *Reset password*.")
    kwargs.setdefault("language", "en")
    kwargs.setdefault("audience", ArticleAudience.PUBLIC)
    return services.article_create(author=author, **kwargs)


def _published(author, reviewer, **kwargs):
    article = _draft(author, **kwargs)
    services.article_submit(article, by=author)
    return services.article_publish(article, by=reviewer)


# --- create ----------------------------------------------------------------------------------
def test_a_new_article_is_a_draft_with_a_kb_number_and_its_services(author):
    service = ServiceFactory()
    article = _draft(author, services=[service])
    assert article.number == f"KB{article.pk:06d}"
    assert article.status == S.DRAFT and article.version == 0
    assert list(article.services.all()) == [service]
    assert article.history.first().number == article.number


def test_requesters_do_not_write_articles(requester):
    with pytest.raises(PermissionDenied):
        _draft(requester)
    assert not Article.objects.exists()


@pytest.mark.parametrize(("fields", "field"), [
    ({"language": "de"}, "language"),
    ({"audience": "everyone"}, "audience"),
    ({"title": "  "}, "title"),
    ({"title": "x" * 201}, "title"),
    ({"body": "   "}, "body"),
])
def test_bad_fields_are_field_errors(author, fields, field):
    with pytest.raises(ValidationError) as caught:
        _draft(author, **fields)
    assert field in caught.value.message_dict


def test_a_body_over_the_limit_is_refused(author, settings):
    settings.KNOWLEDGE_BODY_MAX_CHARS = 100
    with pytest.raises(ValidationError) as caught:
        _draft(author, body="x" * 101)
    assert "body" in caught.value.message_dict
    assert _draft(author, body="x" * 100).pk


def test_a_translation_links_to_the_original_in_another_language(author):
    original = _draft(author)
    greek = _draft(author, language="el", title="Επαναφορά κωδικού", translation_of=original)
    assert greek.translation_of == original
    # A translation of a translation points at the original too.
    persian = _draft(author, language="fa", title="بازنشانی گذرواژه", translation_of=greek)
    assert persian.translation_of == original
    with pytest.raises(ValidationError) as caught:
        _draft(author, language="en", translation_of=original)
    assert "language" in caught.value.message_dict
    with pytest.raises(ValidationError):
        _draft(author, language="el", translation_of=original)  # there is a Greek one already


# --- the lifecycle ---------------------------------------------------------------------------
def test_a_public_article_is_reviewed_and_published_by_someone_else(author, reviewer):
    article = _draft(author)
    with pytest.raises(InvalidTransitionError):
        services.article_publish(article, by=reviewer)  # a public draft goes to review first
    services.article_submit(article, by=author)
    with pytest.raises(InvalidTransitionError) as caught:
        services.article_publish(article, by=author)
    assert "other than its author" in str(caught.value)
    published = services.article_publish(article, by=reviewer)
    assert published.status == S.PUBLISHED and published.version == 1
    assert published.reviewer == reviewer and published.published_by == reviewer and published.published_at
    version = ArticleVersion.objects.get(article=published)
    assert (version.version, version.title, version.body, version.published_by) == (
        1, published.title, published.body, reviewer)


def test_an_internal_article_may_be_published_by_its_author_from_the_draft(author):
    article = _draft(author, audience=ArticleAudience.INTERNAL)
    assert "publish" in article_available_actions(article, author)
    published = services.article_publish(article, by=author)
    assert published.status == S.PUBLISHED and published.version == 1


def test_available_actions_follow_the_guards(author, reviewer, requester):
    article = _draft(author)
    assert set(article_available_actions(article, author)) == {"submit", "retire"}
    assert article_available_actions(article, requester) == []
    services.article_submit(article, by=author)
    article.refresh_from_db()
    assert set(article_available_actions(article, author)) == {"retire"}
    assert set(article_available_actions(article, reviewer)) == {"publish", "retire"}


def test_editing_a_published_article_makes_a_draft_beside_it_readers_keep_the_published_one(author, reviewer,
                                                                                              make_user):
    service = ServiceFactory()
    article = _published(author, reviewer)
    editor = make_user(Role.AGENT, username="kb-editor")
    draft = services.article_update(article, by=editor, body="New steps: open **Security**.", services=[service])
    assert draft.pk != article.pk and draft.draft_of_id == article.pk and draft.status == S.DRAFT
    assert draft.author == editor and draft.number.startswith("KB")
    article.refresh_from_db()
    assert article.body == "Go to **Settings** and choose *Reset password*." and article.version == 1
    # A second edit goes into the same draft.
    again = services.article_update(article, by=author, title="Reset a forgotten password")
    assert again.pk == draft.pk and again.title == "Reset a forgotten password"
    assert again.body == "New steps: open **Security**."
    # Readers still see only the published article.
    visible = articles_visible_to(None)
    assert list(visible) == [article]
    services.article_submit(draft, by=editor)
    result = services.article_publish(draft, by=reviewer)
    assert result.pk == article.pk
    article.refresh_from_db()
    assert (article.title, article.body, article.version) == (
        "Reset a forgotten password", "New steps: open **Security**.", 2)
    assert list(article.services.all()) == [service]
    assert not Article.objects.filter(pk=draft.pk).exists()
    versions = list(article.versions.order_by("version").values_list("version", "title"))
    assert versions == [(1, "Reset your password"), (2, "Reset a forgotten password")]
    lines = article_diff(*article.versions.order_by("version"))
    assert ("add", "New steps: open **Security**.") in [(line.kind, line.text) for line in lines]
    assert ("del", "Go to **Settings** and choose *Reset password*.") in [(line.kind, line.text) for line in lines]


def test_the_author_of_a_draft_beside_a_public_article_does_not_publish_it(author, reviewer):
    article = _published(author, reviewer)
    draft = services.article_update(article, by=reviewer, body="Changed")
    services.article_submit(draft, by=reviewer)
    with pytest.raises(InvalidTransitionError):
        services.article_publish(draft, by=reviewer)
    assert services.article_publish(draft, by=author).version == 2


def test_a_draft_or_article_in_review_is_edited_in_place(author):
    article = _draft(author)
    assert services.article_update(article, by=author, title="Better title").pk == article.pk
    services.article_submit(article, by=author)
    edited = services.article_update(article, by=author, body="Changed in review")
    assert edited.pk == article.pk and edited.status == S.IN_REVIEW and edited.body == "Changed in review"


def test_retire_hides_it_and_refuses_edits(author, reviewer):
    article = _published(author, reviewer)
    draft = services.article_update(article, by=author, body="Next")
    retired = services.article_retire(article, by=reviewer)
    assert retired.status == S.RETIRED
    draft.refresh_from_db()
    assert draft.status == S.RETIRED  # the draft of its next version is abandoned with it
    assert not articles_visible_to(None).exists()
    with pytest.raises(InvalidTransitionError):
        services.article_update(article, by=author, body="again")
    with pytest.raises(InvalidTransitionError):
        services.article_retire(article, by=reviewer)
    assert article.versions.count() == 1  # kept


def test_publish_and_retire_clear_the_help_centre_cache_on_commit(author, reviewer, django_capture_on_commit_callbacks,
                                                                  monkeypatch):
    cleared = []
    monkeypatch.setattr("knowledge.cache.help_cache_clear", lambda: cleared.append(1))
    article = _draft(author)
    services.article_submit(article, by=author)
    with django_capture_on_commit_callbacks(execute=True):
        services.article_publish(article, by=reviewer)
    assert cleared == [1]
    with django_capture_on_commit_callbacks(execute=True):
        services.article_retire(article, by=reviewer)
    assert cleared == [1, 1]


# --- visibility ------------------------------------------------------------------------------
def test_requesters_and_anonymous_visitors_see_only_published_public_articles(author, reviewer, requester):
    public = _published(author, reviewer)
    internal = services.article_publish(_draft(author, audience=ArticleAudience.INTERNAL), by=author)
    draft = _draft(author, title="Draft")
    for user in (None, requester):
        assert set(articles_visible_to(user)) == {public}
    assert set(articles_visible_to(author)) == {public, internal, draft}


# --- readers ---------------------------------------------------------------------------------
def test_feedback_counts_on_the_article(author, reviewer, requester):
    article = _published(author, reviewer)
    services.article_feedback(article, user=None, helpful=True, deflected=True)
    services.article_feedback(article, user=requester, helpful=True)
    services.article_feedback(article, user=None, helpful=False, comment="Step 3 is missing")
    article.refresh_from_db()
    assert (article.helpful, article.not_helpful, article.deflections) == (2, 1, 1)
    assert ArticleFeedback.objects.filter(article=article, user=requester).count() == 1
    assert ArticleFeedback.objects.get(helpful=False).comment == "Step 3 is missing"


def test_feedback_needs_a_published_article_and_consistent_answers(author, reviewer):
    with pytest.raises(InvalidTransitionError):
        services.article_feedback(_draft(author), user=None, helpful=True)
    article = _published(author, reviewer, title="Other")
    with pytest.raises(ValidationError):
        services.article_feedback(article, user=None, helpful=False, deflected=True)
    with pytest.raises(ValidationError):
        services.article_feedback(article, user=None, helpful=False, comment="x" * 2001)


def test_a_view_is_one_update(author, reviewer, django_assert_num_queries):
    article = _published(author, reviewer)
    with django_assert_num_queries(1):
        services.article_viewed(article.pk)
    article.refresh_from_db()
    assert article.views == 1


# --- images ----------------------------------------------------------------------------------
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def test_an_image_is_attached_by_its_content(author, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    article = _draft(author)
    image = services.article_image_add(article, file=SimpleUploadedFile("shot.png", PNG, "image/png"), by=author)
    assert image.content_type == "image/png" and image.size == len(PNG)
    assert image.file.name.startswith("knowledge/") and image.file.name.endswith(".png")


@pytest.mark.parametrize(("content", "name"), [
    (b"<svg onload='alert(1)'></svg>", "x.svg"),
    (b"<script>alert(1)</script>", "x.png"),  # a script named as an image
    (b"MZ\x90\x00", "x.gif"),
])
def test_what_is_not_an_image_is_refused(author, settings, tmp_path, content, name):
    settings.MEDIA_ROOT = tmp_path
    with pytest.raises(ValidationError) as caught:
        services.article_image_add(_draft(author), file=SimpleUploadedFile(name, content, "image/png"), by=author)
    assert "file" in caught.value.message_dict
    assert not ArticleImage.objects.exists()


def test_a_huge_image_is_refused(author, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.KNOWLEDGE_IMAGE_MAX_BYTES = 1024
    huge = SimpleUploadedFile("big.png", PNG + b"\x00" * 2048, "image/png")
    with pytest.raises(ValidationError) as caught:
        services.article_image_add(_draft(author), file=huge, by=author)
    assert "file" in caught.value.message_dict
    assert not ArticleImage.objects.exists()


def test_images_of_a_draft_beside_move_to_the_published_article(author, reviewer, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    article = _published(author, reviewer)
    draft = services.article_update(article, by=reviewer, body="With a picture")
    services.article_image_add(draft, file=SimpleUploadedFile("a.png", PNG, "image/png"), by=reviewer)
    services.article_submit(draft, by=reviewer)
    services.article_publish(draft, by=author)
    assert article.images.count() == 1


# --- known errors and incidents --------------------------------------------------------------
def test_a_known_error_becomes_a_public_draft_in_one_click_and_a_second_click_returns_it(author):
    service = ServiceFactory()
    known = KnownErrorFactory(title="Mail stuck in the outbox", symptom="Messages stay in the Outbox.",
                              workaround="Remove the large attachment and send again.")
    known.services.add(service)
    article = services.article_from_known_error(known, by=author)
    assert article.known_error == known and article.status == S.DRAFT
    assert article.audience == ArticleAudience.PUBLIC and article.language == "en"
    assert article.title == known.title
    assert "Messages stay in the Outbox." in article.body and "Remove the large attachment" in article.body
    assert list(article.services.all()) == [service]
    assert services.article_from_known_error(known, by=author).pk == article.pk
    assert Article.objects.filter(known_error=known).count() == 1
    assert list(known.articles.all()) == [article]


def test_the_article_is_written_in_the_authors_language(make_user):
    from catalog.models import AgentProfile

    greek = make_user(Role.AGENT, username="kb-greek")
    AgentProfile.objects.update_or_create(user=greek, defaults={"language": "el"})
    greek.refresh_from_db()
    article = services.article_from_known_error(KnownErrorFactory(), by=greek)
    assert article.language == "el"


def test_sending_an_article_adds_a_public_comment_to_the_incident(author, reviewer):
    article = _published(author, reviewer, title="Reset your password",
                         body="Open **Settings** and choose *Reset password*. " + "More words here. " * 40)
    incident = IncidentFactory()
    note = services.article_send_to_incident(article, incident, by=author)
    assert note.visibility == NoteVisibility.PUBLIC and note.incident == incident
    assert "Reset your password" in note.body
    assert f"/help/{article.number}/" in note.body
    assert "Open Settings and choose Reset password." in note.body  # plain text, not Markdown
    assert "**" not in note.body


def test_only_published_public_articles_are_sent(author):
    with pytest.raises(InvalidTransitionError):
        services.article_send_to_incident(_draft(author), IncidentFactory(), by=author)


def test_factories_build_rows(author):
    assert ArticleFactory().status == S.DRAFT
    published = PublishedArticleFactory()
    assert published.versions.count() == 1 and articles_visible_to(None).filter(pk=published.pk).exists()
