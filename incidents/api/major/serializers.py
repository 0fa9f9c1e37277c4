"""The major-incident API's serializers: major incidents with their team, tasks, stakeholder
updates, timeline, postmortem and metrics; spike rules and spike alerts. The viewsets are in
:mod:`incidents.api.major.views`."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import inline_serializer
from rest_framework import serializers

from catalog.models import Service
from core.api.fields import DayField
from core.api.serializers import ItemSerializer
from core.api.services import drf_validation_error

from ... import services
from ...choices import Audience, ServiceImpact, TaskStatus, TeamRole, UpdateEvent
from ...models import (
    MajorIncident,
    MajorIncidentMember,
    MajorIncidentTask,
    Postmortem,
    SpikeAlert,
    SpikeRule,
    StakeholderUpdate,
    TimelineEvent,
)
from ...selectors import major_incident_available_actions

User = get_user_model()


# --- major incidents ------------------------------------------------------------------------------
class TeamMemberSerializer(serializers.ModelSerializer):
    user = serializers.PrimaryKeyRelatedField(queryset=User.objects.filter(is_active=True))
    name = serializers.SerializerMethodField()
    role = serializers.ChoiceField(choices=TeamRole.choices, default=TeamRole.MEMBER)

    class Meta:
        model = MajorIncidentMember
        fields = ["user", "name", "role", "added_at"]
        read_only_fields = ["added_at"]
        validators = []  # one row per person: adding again changes the role

    def get_name(self, member) -> str:
        return member.user.get_full_name() or member.user.get_username()


class BridgeSerializer(serializers.Serializer):
    number = serializers.CharField(source="bridge_number")
    pin = serializers.CharField(source="bridge_pin")
    war_room = serializers.SerializerMethodField()

    def get_war_room(self, major) -> str:
        return settings.MAJOR_INCIDENT_WAR_ROOM_URL or f"{settings.PUBLIC_BASE_URL}{major.get_absolute_url()}"


class MajorIncidentSerializer(serializers.ModelSerializer):
    number = serializers.CharField(source="incident.number", read_only=True)
    bridge = BridgeSerializer(source="*", read_only=True)
    team = TeamMemberSerializer(source="members", many=True, read_only=True)
    services = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    linked_incidents = serializers.SerializerMethodField()
    actions = serializers.SerializerMethodField(help_text="the lifecycle actions the caller may take now")

    class Meta:
        model = MajorIncident
        fields = ["id", "incident", "number", "summary", "status", "impact", "services", "manager", "declared_by",
                  "started_at", "declared_at", "mobilised_at", "contained_at", "resolved_at", "reviewed_at",
                  "closed_at", "resolution", "bridge", "announcement", "team", "last_update_at", "linked_incidents",
                  "actions"]
        read_only_fields = [f for f in fields if f != "announcement"]

    def get_linked_incidents(self, major) -> int:
        annotated = getattr(major, "linked_incidents", None)
        return annotated if annotated is not None else major.incident.children.count()

    def get_actions(self, major) -> list[str]:
        return major_incident_available_actions(getattr(self.context.get("request"), "user", None), major)


class DeclareSerializer(serializers.Serializer):
    summary = serializers.CharField(max_length=300)
    manager = serializers.PrimaryKeyRelatedField(queryset=User.objects.filter(is_active=True), required=False,
                                                 help_text="the incident manager (default: you)")
    impact = serializers.ChoiceField(choices=ServiceImpact.choices, default=ServiceImpact.MAJOR_OUTAGE)
    services = serializers.PrimaryKeyRelatedField(queryset=Service.objects.all(), many=True, required=False,
                                                  help_text="affected services besides the incident's own")
    announcement = serializers.CharField(max_length=1000, required=False, allow_blank=True,
                                         help_text="what callers hear (default: a standard message)")


class ResolveMajorSerializer(serializers.Serializer):
    resolution = serializers.CharField(max_length=10000)


class UpdateSerializer(serializers.ModelSerializer):
    audiences = serializers.ListField(child=serializers.ChoiceField(choices=Audience.choices), allow_empty=False)
    event = serializers.ChoiceField(choices=UpdateEvent.choices, default=UpdateEvent.UNPLANNED)

    class Meta:
        model = StakeholderUpdate
        fields = ["id", "audiences", "what", "where", "event", "eta", "contact", "body", "status", "author",
                  "created_at"]
        read_only_fields = ["status", "author", "created_at"]


class MajorIncidentTaskSerializer(serializers.ModelSerializer):
    assignee = serializers.PrimaryKeyRelatedField(queryset=User.objects.filter(is_active=True), required=False,
                                                  allow_null=True)
    status = serializers.ChoiceField(choices=TaskStatus.choices, required=False)
    expected_status = serializers.ChoiceField(
        choices=TaskStatus.choices, required=False, write_only=True,
        help_text="the status you saw: if someone changed it first, the answer is 409")

    class Meta:
        model = MajorIncidentTask
        fields = ["id", "title", "assignee", "due_at", "status", "expected_status", "created_by", "created_at",
                  "completed_at"]
        read_only_fields = ["created_by", "created_at", "completed_at"]


class TimelineSerializer(serializers.ModelSerializer):
    class Meta:
        model = TimelineEvent
        fields = ["at", "kind", "text", "actor"]


class ActionRowSerializer(ItemSerializer):
    title = serializers.CharField(max_length=300)
    owner = serializers.PrimaryKeyRelatedField(queryset=User.objects.filter(is_active=True), required=False,
                                               allow_null=True)
    due_at = DayField(required=False, allow_null=True)

    def to_representation(self, row):
        return {"title": row.get("title"), "owner": row.get("owner"), "due_at": row.get("due_at")}


class TimelineRowSerializer(ItemSerializer):
    at = serializers.DateTimeField()
    text = serializers.CharField(max_length=500)

    def to_representation(self, row):
        return {"at": row.get("at"), "text": row.get("text")}


class PostmortemSerializer(serializers.ModelSerializer):
    timeline = TimelineRowSerializer(many=True, required=False)
    actions = ActionRowSerializer(many=True, required=False)

    class Meta:
        model = Postmortem
        fields = ["summary", "root_cause", "contributing_factors", "timeline", "actions", "problem", "change",
                  "complete", "completed_at", "updated_at"]
        read_only_fields = ["completed_at", "updated_at"]

    def to_internal_value(self, data):
        values = super().to_internal_value(data)
        if "timeline" in values:
            values["timeline"] = [{"at": row["at"].isoformat(), "text": row["text"]} for row in values["timeline"]]
        if "actions" in values:
            values["actions"] = [{"title": row["title"], "owner": row["owner"].pk if row.get("owner") else None,
                                  "due_at": row["due_at"].isoformat() if row.get("due_at") else None}
                                 for row in values["actions"]]
        return values


class MetricsSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    mtta_seconds = serializers.FloatField(allow_null=True)
    mttr_seconds = serializers.FloatField(allow_null=True)
    mtbf_seconds = serializers.FloatField(allow_null=True)
    by_service = inline_serializer("MajorIncidentServiceMetrics", many=True, fields={
        "service": serializers.IntegerField(), "name": serializers.CharField(), "count": serializers.IntegerField(),
        "mtta_seconds": serializers.FloatField(allow_null=True),
        "mttr_seconds": serializers.FloatField(allow_null=True),
        "mtbf_seconds": serializers.FloatField(allow_null=True)})


# --- spikes ---------------------------------------------------------------------------------------
class SpikeRuleSerializer(serializers.ModelSerializer):
    window_minutes = serializers.IntegerField(min_value=1, max_value=24 * 60)
    threshold = serializers.IntegerField(min_value=1, required=False, allow_null=True)
    notify = serializers.PrimaryKeyRelatedField(queryset=User.objects.filter(is_active=True), many=True,
                                                required=False)

    class Meta:
        model = SpikeRule
        fields = ["id", "service", "window_minutes", "threshold", "baseline_multiplier", "baseline_weeks",
                  "auto_declare", "notify", "is_active", "created_at"]
        read_only_fields = ["created_at"]

    def validate(self, attrs):
        merged = {f: attrs.get(f, getattr(self.instance, f, None)) for f in
                  ("window_minutes", "threshold", "baseline_multiplier")}
        try:
            services.spike_rule_validate(**merged)
        except DjangoValidationError as exc:
            raise drf_validation_error(exc) from exc
        return attrs


class SpikeAlertSerializer(serializers.ModelSerializer):
    window_minutes = serializers.IntegerField(source="rule.window_minutes", read_only=True, allow_null=True)

    class Meta:
        model = SpikeAlert
        fields = ["id", "rule", "service", "count", "baseline", "window_minutes", "window_start", "window_end",
                  "status", "major_incident", "decided_by", "decided_at", "created_at",
                  # an agent's flag (rule null): the suspected master, who flagged it and why
                  "incident", "flagged_by", "reason"]
        read_only_fields = fields


class FlagMajorSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=500, help_text="why it may be a major incident")


class SpikeDeclareSerializer(serializers.Serializer):
    summary = serializers.CharField(max_length=300, required=False, allow_blank=True)
    manager = serializers.PrimaryKeyRelatedField(queryset=User.objects.filter(is_active=True), required=False)


class SpikeDismissSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=300, required=False, allow_blank=True)
