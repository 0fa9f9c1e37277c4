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
