from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Article, ArticleFeedback, ArticleImage, ArticleVersion, SearchMiss


class ArticleVersionInline(admin.TabularInline):
    model = ArticleVersion
    extra = 0
    fields = ["version", "title", "published_at", "published_by"]
    readonly_fields = fields
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Article)
class ArticleAdmin(SimpleHistoryAdmin):
    """Read-mostly: articles are written, reviewed and published on the knowledge pages and the API."""

    list_display = ["number", "title", "language", "audience", "status", "version", "views", "helpful",
                    "not_helpful", "deflections", "published_at"]
    list_filter = ["status", "language", "audience"]
    list_select_related = ["author"]
    search_fields = ["number", "title"]
    readonly_fields = ["number", "status", "version", "views", "helpful", "not_helpful", "deflections",
                       "published_at", "published_by", "reviewer", "draft_of", "created_at", "updated_at"]
    raw_id_fields = ["author", "known_error", "translation_of", "services"]
    inlines = [ArticleVersionInline]


@admin.register(ArticleFeedback)
class ArticleFeedbackAdmin(admin.ModelAdmin):
    list_display = ["article", "helpful", "deflected", "user", "created_at"]
    list_filter = ["helpful", "deflected"]
    list_select_related = ["article", "user"]
    raw_id_fields = ["article", "user"]
    readonly_fields = ["article", "user", "helpful", "comment", "deflected", "created_at"]


@admin.register(ArticleImage)
class ArticleImageAdmin(admin.ModelAdmin):
    list_display = ["file", "article", "content_type", "size", "uploaded_by", "created_at"]
    raw_id_fields = ["article", "uploaded_by"]
    readonly_fields = ["content_type", "size", "uploaded_by", "created_at"]


@admin.register(SearchMiss)
class SearchMissAdmin(admin.ModelAdmin):
    """The searches that found nothing: what to write next."""

    list_display = ["query", "language", "count", "first_searched_at", "last_searched_at"]
    list_filter = ["language"]
    search_fields = ["query"]
    readonly_fields = ["query", "language", "count", "first_searched_at", "last_searched_at"]
