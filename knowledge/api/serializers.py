from rest_framework import serializers

from catalog.models import Service
from core.api.serializers import ModelSerializer
from problems.models import KnownError

from ..markdown import render_markdown
from ..models import Article, ArticleFeedback, ArticleVersion
from ..selectors import article_available_actions


class ArticleSerializer(ModelSerializer):
    services = serializers.PrimaryKeyRelatedField(queryset=Service.objects.all(), many=True, required=False)
    known_error = serializers.PrimaryKeyRelatedField(queryset=KnownError.objects.all(), required=False,
                                                     allow_null=True)
    translation_of = serializers.PrimaryKeyRelatedField(
        queryset=Article.objects.all(), required=False, allow_null=True,
        help_text="the original article this one translates (on create only)")
    body_html = serializers.SerializerMethodField(help_text="the body rendered and sanitised")
    actions = serializers.SerializerMethodField(help_text="the actions the caller may take now")

    class Meta:
        model = Article
        fields = ["id", "number", "title", "body", "body_html", "language", "audience", "status", "services",
                  "known_error", "translation_of", "draft_of", "version", "views", "helpful", "not_helpful",
                  "deflections", "author", "reviewer", "published_at", "published_by", "created_at", "updated_at",
                  "actions"]
        read_only_fields = ["number", "status", "draft_of", "version", "views", "helpful", "not_helpful",
                            "deflections", "author", "reviewer", "published_at", "published_by", "created_at",
                            "updated_at"]
        extra_kwargs = {"body": {"trim_whitespace": False}}

    def get_body_html(self, article) -> str:
        return str(render_markdown(article.body))

    def get_actions(self, article) -> list[str]:
        return article_available_actions(article, getattr(self.context.get("request"), "user", None))

    def validate(self, attrs):
        if self.instance is not None and "translation_of" in attrs:
            raise serializers.ValidationError(
                {"translation_of": ["An article's original is chosen when the translation is written."]})
        return attrs


class ArticleVersionSerializer(ModelSerializer):
    class Meta:
        model = ArticleVersion
        fields = ["version", "title", "body", "published_at", "published_by"]


class ArticleFeedbackSerializer(ModelSerializer):
    helpful = serializers.BooleanField(help_text="did the article help?")
    deflected = serializers.BooleanField(required=False, default=False,
                                         help_text="it solved the problem: the reader raised no ticket")
    comment = serializers.CharField(required=False, allow_blank=True, default="", max_length=2000,
                                    help_text="why it did not help (or anything else)")

    class Meta:
        model = ArticleFeedback
        fields = ["id", "article", "helpful", "comment", "deflected", "created_at"]
        read_only_fields = ["id", "article", "created_at"]
