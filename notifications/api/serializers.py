from django.template import Template, TemplateSyntaxError
from rest_framework import serializers

from ..models import Delivery, MessageTemplate, Notification, StakeholderGroup


class NotificationSerializer(serializers.ModelSerializer):
    read = serializers.SerializerMethodField()

    class Meta:
        model = Notification
        fields = ["id", "subject", "body", "url", "related", "created_at", "read_at", "read"]
        read_only_fields = fields

    def get_read(self, notification) -> bool:
        return notification.read_at is not None


class DeliverySerializer(serializers.ModelSerializer):
    class Meta:
        model = Delivery
        fields = ["id", "channel", "user", "recipient", "template", "subject", "body", "status", "attempts",
                  "last_error", "idempotency_key", "related", "url", "created_at", "sent_at"]
        read_only_fields = fields


class MessageTemplateSerializer(serializers.ModelSerializer):
    class Meta:
        model = MessageTemplate
        fields = ["id", "key", "description", "subject", "body", "sms_body"]

    def validate(self, attrs):
        errors = {}
        for field in ("subject", "body", "sms_body"):
            if field in attrs:
                try:
                    Template(attrs[field])
                except TemplateSyntaxError as exc:
                    errors[field] = [f"Template error: {exc}"]
        if errors:
            raise serializers.ValidationError(errors)
        return attrs


class StakeholderGroupSerializer(serializers.ModelSerializer):
    class Meta:
        model = StakeholderGroup
        fields = ["id", "name", "description", "members"]
