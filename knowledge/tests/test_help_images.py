"""An article's images are served by /help/images/<id>/ to whoever may read the article:
anyone for a published public article, staff only for a draft or an internal one (404 for
the rest, as for the article itself), with the type checked at upload and ``nosniff``."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.roles import Role
from knowledge.choices import ArticleAudience
from knowledge.services import article_image_add
from knowledge.tests.factories import ArticleFactory, PublishedArticleFactory

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _image(article, agent):
    return article_image_add(article, file=SimpleUploadedFile("shot.png", PNG, "image/png"), by=agent)


def test_an_image_of_a_published_public_article_is_served_to_anyone(client, make_user):
    agent = make_user(Role.AGENT)
    image = _image(PublishedArticleFactory(), agent)
    response = client.get(image.get_absolute_url())
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PNG
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "public" in response["Cache-Control"]


@pytest.mark.parametrize("make", [lambda: ArticleFactory(),
                                  lambda: PublishedArticleFactory(audience=ArticleAudience.INTERNAL)],
                         ids=["draft", "internal"])
def test_an_image_of_an_article_readers_may_not_see_is_not_found_but_staff_see_it(client, make_user, make):
    agent, requester = make_user(Role.AGENT), make_user(Role.REQUESTER)
    image = _image(make(), agent)
    assert client.get(image.get_absolute_url()).status_code == 404
    client.force_login(requester)
    assert client.get(image.get_absolute_url()).status_code == 404
    client.force_login(agent)
    response = client.get(image.get_absolute_url())
    assert response.status_code == 200 and "private" in response["Cache-Control"]


def test_an_unknown_image_is_not_found(client):
    assert client.get(reverse("knowledge:help-image", args=[987654])).status_code == 404


def test_the_markdown_image_is_kept_by_the_cleaner(make_user):
    from knowledge.markdown import render_markdown

    image = _image(PublishedArticleFactory(), make_user(Role.AGENT))
    html = render_markdown(f"![A screen]({image.get_absolute_url()})")
    assert f'src="{image.get_absolute_url()}"' in html
