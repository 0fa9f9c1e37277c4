import pytest
from django.core.management import call_command

from knowledge.choices import ArticleAudience, ArticleStatus
from knowledge.models import Article, ArticleFeedback, ArticleVersion
from knowledge.selectors import articles_visible_to

pytestmark = pytest.mark.django_db


def test_the_demo_seeds_a_dozen_articles_in_four_languages_once():
    call_command("seed_demo", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115
    counts = (Article.objects.count(), ArticleVersion.objects.count(), ArticleFeedback.objects.count())
    views = sorted(Article.objects.values_list("views", flat=True))
    call_command("seed_demo", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert (Article.objects.count(), ArticleVersion.objects.count(), ArticleFeedback.objects.count()) == counts
    assert sorted(Article.objects.values_list("views", flat=True)) == views

    published = Article.objects.filter(status=ArticleStatus.PUBLISHED)
    assert published.count() >= 12
    assert set(published.values_list("language", flat=True)) == {"en", "el", "pt", "fa"}
    assert Article.objects.filter(status=ArticleStatus.DRAFT).count() == 1
    internal = published.filter(audience=ArticleAudience.INTERNAL)
    assert internal.count() == 1 and not articles_visible_to(None).filter(pk__in=internal).exists()
    assert published.filter(known_error__isnull=False).count() == 1
    original = Article.objects.get(title="Reset your online banking password")
    assert set(original.translations.values_list("language", flat=True)) == {"el", "pt", "fa"}
    assert all(number.startswith("KB") for number in Article.objects.values_list("number", flat=True))
    assert all(a.version == 1 and a.versions.count() == 1 for a in published)
    assert all(a.reviewer_id != a.author_id for a in published.filter(audience=ArticleAudience.PUBLIC))
    assert Article.objects.filter(deflections__gt=0).exists()
