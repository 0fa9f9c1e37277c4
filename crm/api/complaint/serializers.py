from django.contrib.auth import get_user_model
from rest_framework import serializers

from catalog.models import Contact, Service, Team
from contactcenter.models import Call
from core.api.serializers import ModelSerializer
from core.roles import is_staff_member
from incidents.models import Incident
from sla.api.fields import SLATimersField

from ...complaint_selectors import complaint_available_actions
from ...models import Complaint

User = get_user_model()


class ComplaintSerializer(ModelSerializer):
    sla = SLATimersField()
    actions = serializers.SerializerMethodField(help_text="the actions the caller may take now")
    contact = serializers.PrimaryKeyRelatedField(queryset=Contact.objects.all(), required=False, allow_null=True)
    service = serializers.PrimaryKeyRelatedField(queryset=Service.objects.all(), required=False, allow_null=True)
    owner = serializers.PrimaryKeyRelatedField(queryset=User.objects.filter(is_active=True), required=False,
                                               allow_null=True)
    team = serializers.PrimaryKeyRelatedField(queryset=Team.objects.all(), required=False, allow_null=True)
    incidents = serializers.PrimaryKeyRelatedField(queryset=Incident.objects.all(), many=True, required=False)
    call = serializers.PrimaryKeyRelatedField(queryset=Call.objects.all(), required=False, allow_null=True,
                                              help_text="the call it was raised from (on create)")

    class Meta:
        model = Complaint
        fields = ["id", "number", "kind", "contact", "customer", "channel", "subject", "description", "service",
                  "severity", "status", "owner", "team", "requester", "call", "incidents", "created_at", "updated_at",
                  "acknowledged_at", "responded_at", "escalated_at", "closed_at", "response", "satisfied",
                  "escalation_reason", "reopen_count", "sla", "actions"]
        read_only_fields = ["number", "customer", "status", "requester", "created_at", "updated_at",
                            "acknowledged_at", "responded_at", "escalated_at", "closed_at", "response", "satisfied",
                            "escalation_reason", "reopen_count"]

    def get_actions(self, complaint) -> list[str]:
        return complaint_available_actions(getattr(self.context.get("request"), "user", None), complaint)

    def validate(self, attrs):
        user = getattr(self.context.get("request"), "user", None)
        if self.instance is not None and "call" in attrs:
            raise serializers.ValidationError({"call": ["The call is set when the complaint is recorded."]})
        if not is_staff_member(user):
            for field in ("owner", "team", "call", "contact", "channel"):
                attrs.pop(field, None)
        owner = attrs.get("owner")
        if owner is not None and not is_staff_member(owner):
            raise serializers.ValidationError({"owner": [f"{owner} is not service desk staff."]})
        return attrs


class ComplaintBriefSerializer(ModelSerializer):
    class Meta:
        model = Complaint
        fields = ["id", "number", "kind", "subject", "status", "severity"]


class ComplaintRespondSerializer(serializers.Serializer):
    response = serializers.CharField(max_length=10000, help_text="the answer the customer receives")


class ComplaintReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=300)


class ComplaintCloseSerializer(serializers.Serializer):
    satisfied = serializers.BooleanField(allow_null=True, required=False, default=None,
                                         help_text="the customer's satisfaction with the answer (null: not known)")
