import zoneinfo
from datetime import time

from django.contrib.auth import get_user_model
from django_fsm import can_proceed, has_transition_perm
from rest_framework import serializers

from catalog.models import ConfigurationItem, Service
from core.api.serializers import ModelSerializer
from incidents.models import Incident
from problems.models import Problem

from ..choices import ApplyOn, Outcome, Recommendation, VoteDecision
from ..models import (
    BlackoutWindow,
    CABBoard,
    CABDecision,
    CABMeeting,
    Change,
    ChangeCIUpdate,
    ChangeModel,
    ChangeProposal,
    ChangeTask,
    EvaluationReport,
    Release,
    Vote,
)
from ..selectors import proposal_available_actions, release_available_actions

User = get_user_model()

CHANGE_ACTIONS = ("submit", "assess", "send_to_cab", "authorize", "schedule", "implement", "complete_successfully",
                  "review", "close", "reject", "cancel", "authorize_deployment")


class OutageSerializer(serializers.Serializer):
    start = serializers.DateTimeField()
    end = serializers.DateTimeField()
    services = serializers.PrimaryKeyRelatedField(queryset=Service.objects.all(), many=True, required=False)


class ChangeTaskSerializer(serializers.ModelSerializer):
    class Meta:
        model = ChangeTask
        fields = ["id", "title", "order", "done_at", "done_by"]


class ChangeSerializer(ModelSerializer):
    model = serializers.PrimaryKeyRelatedField(queryset=ChangeModel.objects.filter(is_active=True), required=False,
                                               allow_null=True)
    services = serializers.PrimaryKeyRelatedField(queryset=Service.objects.all(), many=True, required=False)
    cis = serializers.PrimaryKeyRelatedField(queryset=ConfigurationItem.objects.all(), many=True, required=False)
    incidents = serializers.PrimaryKeyRelatedField(queryset=Incident.objects.all(), many=True, required=False)
    problems = serializers.PrimaryKeyRelatedField(queryset=Problem.objects.all(), many=True, required=False)
    caused_incidents = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    assignee = serializers.PrimaryKeyRelatedField(queryset=User.objects.filter(is_active=True), required=False,
                                                  allow_null=True)
    risk_answers = serializers.DictField(child=serializers.BooleanField(), required=False)
    outage = serializers.SerializerMethodField(help_text="the projected service outage {start, end, services}")
    tasks = ChangeTaskSerializer(many=True, read_only=True)
    actions = serializers.SerializerMethodField(help_text="the lifecycle actions the caller may take now")
    proposal = serializers.PrimaryKeyRelatedField(queryset=ChangeProposal.objects.all(), required=False,
                                                  allow_null=True,
                                                  help_text="the approved change proposal it is raised from "
                                                            "(set on create)")
    major_criteria = serializers.ListField(child=serializers.CharField(max_length=60), required=False,
                                           help_text="keys of the change policy's major criteria that apply")

    class Meta:
        model = Change
        fields = ["id", "number", "title", "description", "type", "model", "status", "risk", "risk_answers",
                  "impact", "category", "services", "cis", "planned_start", "planned_end", "implementation_plan",
                  "backout_plan", "test_plan", "outage", "incidents", "problems", "caused_incidents",
                  "requested_by", "assignee", "approval_stage", "ratification", "outcome", "review_notes",
                  "rejection_reason", "tasks", "created_at", "updated_at", "submitted_at", "authorized_at",
                  "implemented_at", "completed_at", "reviewed_at", "closed_at", "actions", "proposal",
                  "major_criteria", "release", "deployment_authorized_at"]
        read_only_fields = ["number", "status", "category", "requested_by", "approval_stage", "ratification",
                            "release", "deployment_authorized_at",
                            "outcome", "review_notes", "rejection_reason", "created_at", "updated_at",
                            "submitted_at", "authorized_at", "implemented_at", "completed_at", "reviewed_at",
                            "closed_at"]
        extra_kwargs = {"title": {"required": False}, "risk": {"min_value": 1, "max_value": 5},
                        "impact": {"min_value": 1, "max_value": 3}}

    def get_outage(self, change) -> dict | None:
        if change.outage_start is None:
            return None
        return {"start": serializers.DateTimeField().to_representation(change.outage_start),
                "end": serializers.DateTimeField().to_representation(change.outage_end),
                "services": [s.pk for s in change.outage_services.all()]}

    def get_actions(self, change) -> list[str]:
        user = getattr(self.context.get("request"), "user", None)
        if user is None:
            return []
        names = []
        for name in CHANGE_ACTIONS:
            method = getattr(change, name)
            if can_proceed(method, check_conditions=name != "implement") and has_transition_perm(method, user):
                names.append({"send_to_cab": "send-to-cab", "complete_successfully": "complete",
                              "authorize_deployment": "authorize-deployment"}.get(name, name))
        return names


class AssessSerializer(serializers.Serializer):
    risk = serializers.IntegerField(min_value=1, max_value=5, required=False)
    impact = serializers.IntegerField(min_value=1, max_value=3, required=False)
    risk_answers = serializers.DictField(child=serializers.BooleanField(), required=False)


class ScheduleSerializer(serializers.Serializer):
    planned_start = serializers.DateTimeField(required=False)
    planned_end = serializers.DateTimeField(required=False)
    outage = OutageSerializer(required=False, allow_null=True)


class CompleteSerializer(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=Outcome.choices)


class ReviewSerializer(serializers.Serializer):
    notes = serializers.CharField(max_length=20000)


class ReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=5000, required=False, allow_blank=True)


class ChangeLinkSerializer(serializers.Serializer):
    incidents = serializers.PrimaryKeyRelatedField(queryset=Incident.objects.all(), many=True, required=False)
    problems = serializers.PrimaryKeyRelatedField(queryset=Problem.objects.all(), many=True, required=False)
    caused_incidents = serializers.PrimaryKeyRelatedField(queryset=Incident.objects.all(), many=True,
                                                          required=False)
    unlink = serializers.BooleanField(default=False)


class VoteSerializer(serializers.ModelSerializer):
    decision = serializers.ChoiceField(choices=VoteDecision.choices)

    class Meta:
        model = Vote
        fields = ["id", "board", "member", "decision", "comment", "created_at", "updated_at"]
        read_only_fields = ["board", "member", "created_at", "updated_at"]


class ChangeModelSerializer(serializers.ModelSerializer):
    services = serializers.PrimaryKeyRelatedField(queryset=Service.objects.all(), many=True, required=False)
    tasks = serializers.ListField(child=serializers.CharField(max_length=300), required=False)

    class Meta:
        model = ChangeModel
        fields = ["id", "name", "description", "tasks", "services", "risk", "impact", "implementation_plan",
                  "backout_plan", "test_plan", "allowed_windows", "timezone", "is_active"]

    def validate_allowed_windows(self, windows):
        if not isinstance(windows, list):
            raise serializers.ValidationError("Give a list of {weekdays, start, end}.")
        for window in windows:
            try:
                days = window.get("weekdays", list(range(7)))
                if not all(isinstance(d, int) and 0 <= d <= 6 for d in days):
                    raise ValueError
                time.fromisoformat(window["start"])
                time.fromisoformat(window["end"])
            except (AttributeError, KeyError, TypeError, ValueError) as exc:
                raise serializers.ValidationError(
                    'Each window is {"weekdays": [0-6], "start": "HH:MM", "end": "HH:MM"}.') from exc
        return windows

    def validate_timezone(self, value):
        try:
            zoneinfo.ZoneInfo(value)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
            raise serializers.ValidationError("Unknown time zone.") from exc
        return value


class CABBoardSerializer(serializers.ModelSerializer):
    members = serializers.PrimaryKeyRelatedField(queryset=User.objects.filter(is_active=True), many=True,
                                                 required=False)
    quorum = serializers.IntegerField(min_value=1)

    class Meta:
        model = CABBoard
        fields = ["id", "name", "kind", "members", "quorum", "rule", "veto", "implement_before_ratification"]


class BlackoutWindowSerializer(serializers.ModelSerializer):
    services = serializers.PrimaryKeyRelatedField(queryset=Service.objects.all(), many=True, required=False)

    class Meta:
        model = BlackoutWindow
        fields = ["id", "name", "start", "end", "services", "reason"]

    def validate(self, attrs):
        start = attrs.get("start", getattr(self.instance, "start", None))
        end = attrs.get("end", getattr(self.instance, "end", None))
        if start and end and end <= start:
            raise serializers.ValidationError({"end": ["The end must be after the start."]})
        return attrs


class CABDecisionSerializer(serializers.ModelSerializer):
    class Meta:
        model = CABDecision
        fields = ["id", "change", "decision", "notes"]


class CABMeetingSerializer(serializers.ModelSerializer):
    decisions = CABDecisionSerializer(many=True, read_only=True)
    attendees = serializers.PrimaryKeyRelatedField(queryset=User.objects.filter(is_active=True), many=True,
                                                   required=False)

    class Meta:
        model = CABMeeting
        fields = ["id", "board", "starts_at", "duration_minutes", "repeat_days", "minutes", "attendees", "decisions"]


class ReleaseSerializer(ModelSerializer):
    owner = serializers.PrimaryKeyRelatedField(queryset=User.objects.filter(is_active=True), required=False,
                                               allow_null=True)
    changes = serializers.PrimaryKeyRelatedField(many=True, read_only=True,
                                                 help_text="the changes deployed with it (add-changes / remove-change)")
    actions = serializers.SerializerMethodField(help_text="the actions the caller may take now")

    class Meta:
        model = Release
        fields = ["id", "number", "name", "description", "owner", "window_start", "window_end", "plan", "status",
                  "changes", "created_by", "created_at", "updated_at", "authorized_at", "authorized_by",
                  "deployed_at", "cancel_reason", "actions"]
        read_only_fields = ["number", "status", "created_by", "created_at", "updated_at", "authorized_at",
                            "authorized_by", "deployed_at", "cancel_reason"]
        extra_kwargs = {"name": {"required": False}}

    def get_actions(self, release) -> list[str]:
        user = getattr(self.context.get("request"), "user", None)
        return release_available_actions(user, release) if user is not None else []


class ReleaseChangesSerializer(serializers.Serializer):
    changes = serializers.PrimaryKeyRelatedField(queryset=Change.objects.all(), many=True)


class ReleaseChangeSerializer(serializers.Serializer):
    change = serializers.PrimaryKeyRelatedField(queryset=Change.objects.all())


class ChangeCIUpdateSerializer(serializers.ModelSerializer):
    ci = serializers.PrimaryKeyRelatedField(queryset=ConfigurationItem.objects.all())
    attributes = serializers.DictField(required=False, help_text="{status, description, location, ci_type, "
                                                                 "service (id), owner_team (id)}")
    relations = serializers.ListField(child=serializers.DictField(), required=False,
                                      help_text='[{"op": "add"/"remove", "kind", "target": CI id}]')
    apply_on = serializers.ChoiceField(choices=ApplyOn.choices, default=ApplyOn.COMPLETE)

    class Meta:
        model = ChangeCIUpdate
        fields = ["id", "ci", "attributes", "relations", "apply_on", "before", "applied_at", "restored_at"]
        read_only_fields = ["before", "applied_at", "restored_at"]


class CIRefSerializer(serializers.Serializer):
    ci = serializers.PrimaryKeyRelatedField(queryset=ConfigurationItem.objects.all())


class ChangeEvaluationSerializer(serializers.ModelSerializer):
    recommendation = serializers.ChoiceField(choices=Recommendation.choices)

    class Meta:
        model = EvaluationReport
        fields = ["risk", "cost", "capacity", "security", "recommendation", "summary", "author", "created_at",
                  "updated_at"]
        read_only_fields = ["author", "created_at", "updated_at"]
        extra_kwargs = {name: {"max_length": 20000} for name in ("risk", "cost", "capacity", "security", "summary")}


class ChangeProposalSerializer(ModelSerializer):
    services = serializers.PrimaryKeyRelatedField(queryset=Service.objects.all(), many=True, required=False)
    cost = serializers.DecimalField(max_digits=14, decimal_places=2, min_value=0, required=False, allow_null=True)
    changes = serializers.PrimaryKeyRelatedField(many=True, read_only=True, help_text="the RFCs raised from it")
    actions = serializers.SerializerMethodField(help_text="the actions the caller may take now")

    class Meta:
        model = ChangeProposal
        fields = ["id", "number", "title", "business_case", "cost", "benefit", "risks", "services", "status",
                  "requested_by", "decided_by", "decided_at", "decision_notes", "changes", "created_at",
                  "updated_at", "actions"]
        read_only_fields = ["number", "status", "requested_by", "decided_by", "decided_at", "decision_notes",
                            "created_at", "updated_at"]
        extra_kwargs = {"title": {"required": False}}

    def get_actions(self, proposal) -> list[str]:
        user = getattr(self.context.get("request"), "user", None)
        return proposal_available_actions(user, proposal) if user is not None else []


class ProposalDecisionSerializer(serializers.Serializer):
    notes = serializers.CharField(max_length=5000, required=False, allow_blank=True)
