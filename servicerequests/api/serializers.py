from django.contrib.auth import get_user_model
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from catalog.models import Team
from changes.models import ChangeModel
from incidents.choices import Level
from sla.api.fields import SLATimersField
from sla.models import SLAPolicy
from sla.selectors import expected_by

from ..models import Approval, CatalogItem, FulfilmentTask, RequestComment, ServiceRequest

User = get_user_model()


class CatalogItemSerializer(serializers.ModelSerializer):
    teams = serializers.PrimaryKeyRelatedField(queryset=Team.objects.all(), many=True, required=False)
    sla_policy = serializers.PrimaryKeyRelatedField(queryset=SLAPolicy.objects.all(), required=False,
                                                    allow_null=True)
    change_model = serializers.PrimaryKeyRelatedField(queryset=ChangeModel.objects.all(), required=False,
                                                      allow_null=True)
    form = serializers.JSONField(required=False, help_text=(
        "[{name, label, type (text/textarea/choice/number/date/user/ci), required, choices, min, max, max_length, "
        "help}]"))
    approvals = serializers.JSONField(required=False, help_text=(
        "[{level, approver (manager/group), group (team id), rule (any/all)}]"))
    tasks = serializers.JSONField(required=False, help_text="[{title, team (team id), order}]; equal order = parallel")
    roles = serializers.JSONField(required=False, help_text="roles that may order (empty: everyone)")

    class Meta:
        model = CatalogItem
        fields = ["id", "name", "description", "category", "form", "roles", "teams", "approvals", "tasks",
                  "sla_policy", "change_model", "is_active"]


class ApprovalSerializer(serializers.ModelSerializer):
    class Meta:
        model = Approval
        fields = ["id", "level", "approver", "rule", "decision", "comment", "decided_at"]


class TaskSerializer(serializers.ModelSerializer):
    class Meta:
        model = FulfilmentTask
        fields = ["id", "request", "title", "team", "order", "status", "assignee", "opened_at", "completed_at",
                  "note"]
        read_only_fields = fields


class CatalogRequestSerializer(serializers.ModelSerializer):
    catalog_item = serializers.PrimaryKeyRelatedField(queryset=CatalogItem.objects.filter(is_active=True))
    requested_for = serializers.PrimaryKeyRelatedField(queryset=User.objects.filter(is_active=True), required=False,
                                                       help_text="default: the caller")
    answers = serializers.JSONField(required=False, help_text="{field name: value}, per the item's form")
    approvals = ApprovalSerializer(many=True, read_only=True)
    tasks = TaskSerializer(many=True, read_only=True)
    impact = serializers.ChoiceField(choices=Level.choices, required=False,
                                     help_text="1 (high) – 3 (low); default 3 (one person)")
    urgency = serializers.ChoiceField(choices=Level.choices, required=False,
                                      help_text="1 (high) – 3 (low); default 2")
    due_at = serializers.SerializerMethodField(
        help_text="the expected delivery, from the SLA's resolution target; null without one")
    sla = SLATimersField()

    class Meta:
        model = ServiceRequest
        fields = ["id", "number", "catalog_item", "requested_by", "requested_for", "answers", "status", "impact",
                  "urgency", "priority", "due_at", "current_level", "approvals", "tasks", "change", "created_at",
                  "updated_at", "approved_at", "fulfilled_at", "closed_at", "rejected_at", "cancelled_at", "sla"]
        read_only_fields = ["number", "requested_by", "status", "priority", "current_level", "change", "created_at",
                            "updated_at", "approved_at", "fulfilled_at", "closed_at", "rejected_at", "cancelled_at"]


    @extend_schema_field(serializers.DateTimeField(allow_null=True))
    def get_due_at(self, obj):
        due = expected_by(obj.sla_timers.all())
        return serializers.DateTimeField().to_representation(due) if due else None


class PrioritiseSerializer(serializers.Serializer):
    impact = serializers.ChoiceField(choices=Level.choices)
    urgency = serializers.ChoiceField(choices=Level.choices)


class DecisionSerializer(serializers.Serializer):
    comment = serializers.CharField(max_length=5000, required=False, allow_blank=True)


class CommentSerializer(serializers.ModelSerializer):
    class Meta:
        model = RequestComment
        fields = ["id", "author", "body", "created_at"]
        read_only_fields = ["author", "created_at"]
        extra_kwargs = {"body": {"max_length": 10000}}


class TaskCompleteSerializer(serializers.Serializer):
    note = serializers.CharField(max_length=5000, required=False, allow_blank=True)
