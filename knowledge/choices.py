from django.db import models
from django.utils.translation import gettext_lazy as _


class ArticleLanguage(models.TextChoices):
    """The languages articles are written in (the help centre's languages)."""

    EN = "en", _("English")
    FA = "fa", _("Persian")
    EL = "el", _("Greek")
    PT = "pt", _("Portuguese")


class ArticleAudience(models.TextChoices):
    PUBLIC = "public", _("Public")
    INTERNAL = "internal", _("Internal")


class ArticleStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    PUBLISHED = "published", _("Published")
    RETIRED = "retired", _("Retired")


#: The statuses in which an article's text may still change in place.
EDITABLE_ARTICLE_STATUSES = (ArticleStatus.DRAFT, ArticleStatus.IN_REVIEW)
