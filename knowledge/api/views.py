from django.db.models import prefetch_related_objects
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from core.api.filters import DjangoFilterBackend, OrderingFilter
from core.api.mixins import HistoryMixin, PaginatedMixin
from core.api.services import call_service as call
from core.permissions import refuse_unless_visible
from core.roles import is_staff_member

from .. import services
from ..filtersets import ArticleFilterSet
from ..models import Article
from ..search import article_search
from ..selectors import article_versions, articles_visible_to
from . import serializers

SEARCH_PARAMETER = OpenApiParameter(
    "search", str, description="words to look for, ranked by relevance in the article's language "
                               "(with `language`: in that language's configuration)")
SEARCH_MAX_CHARS = 200


class ArticlePermission(permissions.BasePermission):
    """Anyone reads (anonymous visitors and requesters only published public articles: the
    queryset narrows); staff write, act and read the edit history. An article the caller
    does not see answers 404."""

    message = "Only service desk staff can do this."

    def has_permission(self, request, view) -> bool:
        staff = bool(request.user and request.user.is_authenticated and is_staff_member(request.user))
        if request.method in permissions.SAFE_METHODS and getattr(view, "action", None) != "history":
            return True
        if staff:
            return True
        if request.user and request.user.is_authenticated:
            return refuse_unless_visible(request, view)
        return False


@extend_schema_view(list=extend_schema(parameters=[SEARCH_PARAMETER]))
class ArticleViewSet(PaginatedMixin, HistoryMixin, mixins.CreateModelMixin, mixins.RetrieveModelMixin,
                     mixins.UpdateModelMixin, mixins.ListModelMixin, viewsets.GenericViewSet):
    """Knowledge-base articles (`KB000001`), in Markdown, per language, public or internal.
    Anonymous visitors and requesters see only published public articles; staff write, edit
    and act. Editing a published article answers its draft of the next version (`draft_of`),
    readers keep the published text until that draft is published. Lifecycle changes are
    actions (`submit`, `publish`, `retire`); one refused answers 409 with the current status.
    `?search=` ranks by relevance."""

    permission_classes = [ArticlePermission]
    serializer_class = serializers.ArticleSerializer
    filterset_class = ArticleFilterSet
    filter_backends = [DjangoFilterBackend, OrderingFilter]
    ordering_fields = ["published_at", "created_at", "updated_at", "views", "helpful", "deflections", "number",
                       "title"]
    ordering = ["-published_at", "-id"]
    queryset = Article.objects.none()  # for the schema; get_queryset() narrows by user

    def get_queryset(self):
        return (articles_visible_to(self.request.user)
                .select_related("author", "reviewer", "published_by")
                .prefetch_related("services"))

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if self.action == "list":
            query = (self.request.query_params.get("search") or "").replace("\x00", "").strip()[:SEARCH_MAX_CHARS]
            if query:
                language = self.request.query_params.get("language") or None
                queryset = article_search(queryset, query, language=language)
        return queryset

    def perform_create(self, serializer):
        serializer.instance = call(services.article_create, author=self.request.user, **serializer.validated_data)
        prefetch_related_objects([serializer.instance], "services")

    def update(self, request, *args, **kwargs):
        partial = kwargs.pop("partial", False)
        article = self.get_object()
        payload = self.get_serializer(article, data=request.data, partial=partial)
        payload.is_valid(raise_exception=True)
        saved = call(services.article_update, article=article, by=request.user, **payload.validated_data)
        return Response(self.get_serializer(self.get_queryset().get(pk=saved.pk)).data)

    def _act(self, request, service):
        article = self.get_object()
        result = call(service, article=article, by=request.user)
        return Response(self.get_serializer(self.get_queryset().get(pk=result.pk)).data)

    @extend_schema(request=None, responses=serializers.ArticleSerializer)
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        """A draft goes to review."""
        return self._act(request, services.article_submit)

    @extend_schema(request=None, responses=serializers.ArticleSerializer)
    @action(detail=True, methods=["post"])
    def publish(self, request, pk=None):
        """Publish an article in review (an internal one also from its draft); a public one by
        someone other than its author. A draft of the next version answers the published
        article it replaced."""
        return self._act(request, services.article_publish)

    @extend_schema(request=None, responses=serializers.ArticleSerializer)
    @action(detail=True, methods=["post"])
    def retire(self, request, pk=None):
        """No longer shown to readers."""
        return self._act(request, services.article_retire)

    @extend_schema(request=serializers.ArticleFeedbackSerializer,
                   responses={201: serializers.ArticleFeedbackSerializer})
    @action(detail=True, methods=["post"], permission_classes=[permissions.AllowAny])
    def feedback(self, request, pk=None):
        """Did it help? `{helpful, comment, deflected}` by anyone who may read the article (no
        login for a published public one); `deflected`: it solved the problem, no ticket."""
        article = self.get_object()
        payload = serializers.ArticleFeedbackSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        feedback = call(services.article_feedback, article=article, user=request.user, **payload.validated_data)
        return Response(serializers.ArticleFeedbackSerializer(feedback).data, status=status.HTTP_201_CREATED)

    @extend_schema(responses=serializers.ArticleVersionSerializer(many=True))
    @action(detail=True, methods=["get"])
    def versions(self, request, pk=None):
        """Every published version, newest first."""
        article = self.get_object()
        return self.paginated(article_versions(article), serializers.ArticleVersionSerializer)
