from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.validators import UniqueValidator

from catalog.models import ConfigurationItem, Service
from core.api.serializers import ItemSerializer, ModelSerializer
from incidents.choices import Level

from ..choices import AlertStatus
from ..models import Alert, AlertSource
from ..payloads import MAX_LABEL_NAME, MAX_LABEL_VALUE, MAX_LABELS
from ..services import alert_source_save


class AlertRuleSerializer(ItemSerializer):
    match = serializers.DictField(
        child=serializers.CharField(max_length=MAX_LABEL_VALUE, allow_blank=True), allow_empty=True,
        help_text=_('Labels and their exact values, e.g. {"job": "payments"}; every pair must match. Empty matches '
                    'every alert.'))
    service = serializers.PrimaryKeyRelatedField(queryset=Service.objects.all(), allow_null=True, required=False)
    ci = serializers.PrimaryKeyRelatedField(queryset=ConfigurationItem.objects.all(), allow_null=True,
                                            required=False)
    impact = serializers.ChoiceField(choices=Level.choices, allow_null=True, required=False,
                                     help_text=_("Null: 2."))
    urgency = serializers.ChoiceField(choices=Level.choices, allow_null=True, required=False,
                                      help_text=_("Null: from the alert's severity (critical 1, warning 2, info 3)."))

    def validate_match(self, value):
        if len(value) > MAX_LABELS or any(not name or len(name) > MAX_LABEL_NAME for name in value):
            raise serializers.ValidationError(_("At most %(count)s labels, each named with 1 to %(limit)s characters.")
                                              % {"count": MAX_LABELS, "limit": MAX_LABEL_NAME})
        return value


class AlertSourceSerializer(ModelSerializer):
    name = serializers.CharField(max_length=120, validators=[UniqueValidator(
        queryset=AlertSource.objects.all(), message=_("Another alert source has this name."))])
    token = serializers.SerializerMethodField(
        help_text=_("The bearer token the source posts with: in the answer that made the source (and in "
                    "rotate-token's), never again (null)."))
    rules = AlertRuleSerializer(many=True, required=False,
                                help_text=_("Tried in order; the first whose labels match decides. Sending the list "
                                            "replaces it."))

    class Meta:
        model = AlertSource
        fields = ["id", "name", "kind", "token", "token_prefix", "token_rotated_at", "default_service", "rules",
                  "auto_resolve", "reopen_minutes", "active", "created_at"]
        read_only_fields = ["token_prefix", "token_rotated_at", "created_at"]

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_token(self, source) -> str | None:
        return getattr(source, "token", None)

    def to_representation(self, source):
        data = super().to_representation(source)
        data["rules"] = [{"match": rule.match, "service": rule.service_id, "ci": rule.ci_id, "impact": rule.impact,
                          "urgency": rule.urgency} for rule in source.rules.all()]
        return data

    def _actor(self):
        return getattr(self.context.get("request"), "user", None)

    def create(self, validated_data):
        rules = validated_data.pop("rules", None)
        return alert_source_save(data=validated_data, rules=rules, actor=self._actor())

    def update(self, instance, validated_data):
        rules = validated_data.pop("rules", None)
        return alert_source_save(source=instance, data=validated_data, rules=rules, actor=self._actor())


class AlertSerializer(ModelSerializer):
    class Meta:
        model = Alert
        fields = ["id", "source", "fingerprint", "status", "labels", "annotations", "title", "description",
                  "severity", "generator_url", "service", "ci", "impact", "urgency", "starts_at", "ends_at",
                  "received_count", "first_received_at", "last_received_at", "resolved_at", "incident", "grouped",
                  "suppressed_by_change", "previous"]
        read_only_fields = fields


# --- the events endpoint (documentation of the bodies, and the answer) ----------------------------
class GenericAlertSerializer(serializers.Serializer):
    fingerprint = serializers.CharField(required=False, max_length=128,
                                        help_text=_("Left out: computed from the labels as Alertmanager does."))
    status = serializers.ChoiceField(choices=AlertStatus.choices, required=False)
    title = serializers.CharField(required=False, max_length=200)
    description = serializers.CharField(required=False)
    severity = serializers.CharField(required=False, max_length=32)
    labels = serializers.DictField(child=serializers.CharField(), required=False)
    annotations = serializers.DictField(child=serializers.CharField(), required=False)
    starts_at = serializers.DateTimeField(required=False, allow_null=True)
    ends_at = serializers.DateTimeField(required=False, allow_null=True)
    generator_url = serializers.URLField(required=False)


class EventsSerializer(serializers.Serializer):
    """The generic shape; Alertmanager's (version 4) and Grafana's webhook bodies carry the
    same ``alerts`` list in their own spelling (``startsAt``, ``generatorURL``...)."""

    version = serializers.CharField(required=False, help_text=_('Alertmanager: "4".'))
    status = serializers.ChoiceField(choices=AlertStatus.choices, required=False)
    alerts = GenericAlertSerializer(many=True)


class EventsAcceptedSerializer(serializers.Serializer):
    accepted = serializers.IntegerField(help_text=_("Alerts taken from the post."))
    incidents = serializers.ListField(child=serializers.IntegerField(),
                                      help_text=_("The incidents the post's alerts are on: opened, reopened, joined "
                                                  "or already open."))
    suppressed = serializers.IntegerField(help_text=_("Alerts held back by a change window (logged, nothing "
                                                      "opened)."))
