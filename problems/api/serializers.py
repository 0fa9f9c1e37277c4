from django.contrib.auth import get_user_model
from django.utils.translation import gettext
from django_fsm import can_proceed, has_transition_perm
from rest_framework import serializers

from catalog.models import ConfigurationItem, Service, Team
from incidents.models import Incident, MajorIncident
from sla.api.fields import SLATimersField

from ..models import KnownError, Problem, ProblemCandidate, WorkaroundApplication

User = get_user_model()

PROBLEM_ACTIONS = ("investigate", "mark_known_error", "resolve", "close")


class ProblemSerializer(serializers.ModelSerializer):
    incidents = serializers.PrimaryKeyRelatedField(queryset=Incident.objects.all(), many=True, required=False)
    services = serializers.PrimaryKeyRelatedField(queryset=Service.objects.all(), many=True, required=False)
    cis = serializers.PrimaryKeyRelatedField(queryset=ConfigurationItem.objects.all(), many=True, required=False)
    owner = serializers.PrimaryKeyRelatedField(queryset=User.objects.filter(is_active=True), required=False,
                                               allow_null=True)
    team = serializers.PrimaryKeyRelatedField(queryset=Team.objects.all(), required=False, allow_null=True)
    major_incident = serializers.PrimaryKeyRelatedField(queryset=MajorIncident.objects.all(), required=False,
                                                        allow_null=True, help_text="on create only")
    known_error = serializers.SerializerMethodField(help_text="the known error's id, once recorded")
    five_whys = serializers.ListField(child=serializers.CharField(max_length=500), max_length=10, required=False)
    actions = serializers.SerializerMethodField(help_text="the lifecycle actions the caller may take now")
    sla = SLATimersField(help_text="response: the root-cause target; resolution: the fix target")

    class Meta:
        model = Problem
        fields = ["id", "number", "title", "description", "status", "impact", "urgency", "priority", "owner", "team",
                  "services", "cis", "incidents", "major_incident", "root_cause", "contributing_factors",
                  "five_whys", "workaround", "known_error", "resolution", "needs_review", "review_reason",
                  "created_at", "updated_at", "known_error_at", "root_cause_at", "resolved_at", "closed_at", "actions",
                  "sla"]
        read_only_fields = ["number", "status", "priority", "resolution", "needs_review", "review_reason",
                            "created_at", "updated_at", "known_error_at", "root_cause_at", "resolved_at", "closed_at"]
        extra_kwargs = {"title": {"required": False}}

    def get_known_error(self, problem) -> int | None:
        known = getattr(problem, "known_error", None)
        try:
            return known.pk if known is not None else None
        except KnownError.DoesNotExist:  # pragma: no cover - reverse one-to-one
            return None

    def get_actions(self, problem) -> list[str]:
        user = getattr(self.context.get("request"), "user", None)
        if user is None:
            return []
        return [name.replace("_", "-") for name in PROBLEM_ACTIONS
                if can_proceed(getattr(problem, name)) and has_transition_perm(getattr(problem, name), user)]

    def validate(self, attrs):
        if self.instance is None and not attrs.get("title") and not attrs.get("incidents") \
                and not attrs.get("major_incident"):
            raise serializers.ValidationError({"title": ["Give a title, or the incidents the problem comes from."]})
        return attrs


class MarkKnownErrorSerializer(serializers.Serializer):
    root_cause = serializers.CharField(required=False, max_length=20000)
    workaround = serializers.CharField(required=False, max_length=20000)
    symptom = serializers.CharField(required=False, allow_blank=True, max_length=20000)
    publish = serializers.BooleanField(default=True)


class ResolveProblemSerializer(serializers.Serializer):
    """API.md's action body, an optional ``{"note": "..."}``; ``resolution`` is accepted too.
    The problem's resolution text (how the cause was removed) is ``resolution``, else the
    note (both: one after the other); with neither, a plain statement that the root cause was
    removed, so a resolved problem always says something."""

    note = serializers.CharField(required=False, allow_blank=True, allow_null=True, max_length=20000,
                                 help_text="how the cause was removed (optional)")
    resolution = serializers.CharField(required=False, allow_blank=True, allow_null=True, max_length=20000,
                                       help_text="the same as note (kept for existing callers)")

    def validate(self, attrs):
        given = [text.strip() for text in (attrs.get("resolution"), attrs.get("note")) if text and text.strip()]
        return {"resolution": "\n\n".join(dict.fromkeys(given)) or gettext("The root cause was removed.")}


class LinkIncidentsSerializer(serializers.Serializer):
    incidents = serializers.PrimaryKeyRelatedField(queryset=Incident.objects.all(), many=True, allow_empty=False)
    unlink = serializers.BooleanField(default=False)


class KnownErrorSerializer(serializers.ModelSerializer):
    services = serializers.PrimaryKeyRelatedField(queryset=Service.objects.all(), many=True, required=False)
    cis = serializers.PrimaryKeyRelatedField(queryset=ConfigurationItem.objects.all(), many=True, required=False)
    problem = serializers.PrimaryKeyRelatedField(queryset=Problem.objects.all(), required=False, allow_null=True)

    class Meta:
        model = KnownError
        fields = ["id", "number", "title", "symptom", "root_cause", "workaround", "status", "problem", "services",
                  "cis", "applied_count", "created_at", "updated_at"]
        read_only_fields = ["number", "applied_count", "created_at", "updated_at"]


class ApplySerializer(serializers.ModelSerializer):
    incident = serializers.PrimaryKeyRelatedField(queryset=Incident.objects.all())

    class Meta:
        model = WorkaroundApplication
        fields = ["id", "known_error", "incident", "applied_by", "applied_at"]
        read_only_fields = ["known_error", "applied_by", "applied_at"]


class CandidateSerializer(serializers.ModelSerializer):
    incidents = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = ProblemCandidate
        fields = ["id", "service", "ci", "incident_count", "first_seen", "last_seen", "incidents", "status", "problem",
                  "decided_by", "decided_at", "created_at"]
        read_only_fields = fields


class CandidateAcceptSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200, required=False, allow_blank=True)
