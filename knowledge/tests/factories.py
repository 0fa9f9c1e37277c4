import factory
from django.utils import timezone

from catalog.tests.factories import AgentFactory
from knowledge.choices import ArticleAudience, ArticleLanguage, ArticleStatus
from knowledge.models import Article, ArticleVersion


class ArticleFactory(factory.django.DjangoModelFactory):
    """A bare draft article row (no version recorded): use knowledge.services when the test is
    about the lifecycle; ``PublishedArticleFactory`` for one readers see."""

    class Meta:
        model = Article

    number = factory.Sequence(lambda n: f"KB9{n:05d}")
    title = factory.Sequence(lambda n: f"How to reset your password {n}")
    body = "Open **Settings**, choose *Password* and follow the steps.\n\n1. One\n2. Two\n"
    language = ArticleLanguage.EN
    audience = ArticleAudience.PUBLIC
    author = factory.SubFactory(AgentFactory)


class PublishedArticleFactory(ArticleFactory):
    """A published article with its version 1 recorded."""

    class Meta:
        skip_postgeneration_save = True

    status = ArticleStatus.PUBLISHED
    version = 1
    published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def recorded(self, create, extracted, **kwargs):
        if create:
            ArticleVersion.objects.create(article=self, version=1, title=self.title, body=self.body,
                                          published_at=self.published_at)


def article_maker(author):
    """A function making a numbered article by ``author`` as the help centre's tests want it
    (published by default, with its services), straight through the model."""
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
