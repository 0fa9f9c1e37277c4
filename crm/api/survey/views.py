from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response

from core.api.filters import DjangoFilterBackend, OrderingFilter
from core.api.services import call_service as call

from ...complaint_filtersets import SurveyFilterSet
from ...complaint_selectors import surveys_visible_to
from ...models import Survey
from ...services.survey import SurveyTokenError, survey_answer
from . import serializers


class SurveyViewSet(mixins.RetrieveModelMixin, mixins.ListModelMixin, viewsets.GenericViewSet):
    """Satisfaction surveys, one per resolved incident or request and closed complaint
    (read-only: they are sent by the desk and answered by the contact through their link).
    Requesters see their own. `answer` takes the link's token with no login."""

    permission_classes = [IsAuthenticated]
    serializer_class = serializers.SurveySerializer
    filterset_class = SurveyFilterSet
    filter_backends = [DjangoFilterBackend, OrderingFilter]
    ordering_fields = ["sent_at", "answered_at", "score"]
    ordering = ["-sent_at", "-id"]
    queryset = Survey.objects.none()

    def get_queryset(self):
        return surveys_visible_to(self.request.user)

    @extend_schema(request=serializers.SurveyAnswerSerializer, auth=[], responses={
        200: serializers.SurveySerializer,
        400: OpenApiResponse(description="field errors (a score outside 1–5, no token)"),
        404: OpenApiResponse(description="the token is forged, expired or already used: nothing changed")})
    @action(detail=False, methods=["post"], permission_classes=[AllowAny], authentication_classes=[])
    def answer(self, request):
        """The contact's answer with their link's token (no login): 200 once; a forged,
        expired or used token 404 and nothing changes; a score outside 1–5 400."""
        payload = serializers.SurveyAnswerSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        try:
            survey = call(survey_answer, **payload.validated_data)
        except SurveyTokenError as exc:
            raise NotFound(f"This survey link is {exc.reason}.") from exc
        return Response(serializers.SurveySerializer(survey).data)
