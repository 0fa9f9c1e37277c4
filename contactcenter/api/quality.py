"""CC-A (issue 22.3): the API's reads of recordings and quality reviews — ``calls/<id>/recordings/``
(supervisors and the call's agent; 404 for anyone else), ``evaluations/`` (supervisors: all;
an agent: the reviews of their own calls) and ``evaluation-forms/`` (staff)."""

from django.urls import reverse
from rest_framework import mixins, serializers, viewsets

from core.api.filters import DjangoFilterBackend
from core.permissions import RolePermission
from core.roles import STAFF_ROLES

from ..models import CallRecording, Evaluation, EvaluationAnswer, EvaluationForm, EvaluationQuestion
from ..quality import may_review


class CallRecordingSerializer(serializers.ModelSerializer):
    audio_url = serializers.SerializerMethodField(help_text="the permission-checked audio, once fetched")

    class Meta:
        model = CallRecording
        fields = ["id", "call", "recording_sid", "status", "duration_seconds", "channels", "content_type", "size",
                  "fetched_at", "delete_after", "deleted_at", "audio_url"]
        read_only_fields = fields

    def get_audio_url(self, recording) -> str | None:
        if not recording.file or recording.deleted_at is not None:
            return None
        path = reverse("contactcenter:recording-audio", args=[recording.pk])
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request is not None else path


class EvaluationQuestionSerializer(serializers.ModelSerializer):
    class Meta:
        model = EvaluationQuestion
        fields = ["id", "text", "weight", "position"]


class EvaluationFormSerializer(serializers.ModelSerializer):
    questions = EvaluationQuestionSerializer(many=True, read_only=True)

    class Meta:
        model = EvaluationForm
        fields = ["id", "name", "queue", "active", "questions"]


class EvaluationAnswerSerializer(serializers.ModelSerializer):
    class Meta:
        model = EvaluationAnswer
        fields = ["question", "points", "weight"]


class EvaluationSerializer(serializers.ModelSerializer):
    answers = EvaluationAnswerSerializer(many=True, read_only=True)

    class Meta:
        model = Evaluation
        fields = ["id", "call", "form", "agent", "queue", "evaluator", "score", "comment", "submitted_at", "answers"]
        read_only_fields = fields


class EvaluationFormViewSet(viewsets.ReadOnlyModelViewSet):
    """Quality-review forms with their weighted questions (managed in the admin)."""

    permission_classes = [RolePermission]
    read_roles = STAFF_ROLES
    write_roles = frozenset()
    serializer_class = EvaluationFormSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_fields = ["queue", "active"]
    queryset = EvaluationForm.objects.prefetch_related("questions").order_by("name", "id")


class EvaluationViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Quality reviews of calls (0–100): supervisors see all, an agent the reviews of their calls."""

    permission_classes = [RolePermission]
    read_roles = STAFF_ROLES
    write_roles = frozenset()
    serializer_class = EvaluationSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_fields = ["call", "agent", "queue", "form"]

    queryset = Evaluation.objects.none()  # the schema's model; the rows are get_queryset's

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # drf-spectacular describing the view
            return Evaluation.objects.none()
        rows = Evaluation.objects.prefetch_related("answers").order_by("-submitted_at", "-id")
        return rows if may_review(self.request.user) else rows.filter(agent=self.request.user)
