from rest_framework import serializers

from core.api.serializers import ModelSerializer

from ...models import Survey


class SurveySerializer(ModelSerializer):
    ticket = serializers.IntegerField(source="ticket_id", read_only=True, help_text="the ticket's id")

    class Meta:
        model = Survey
        fields = ["id", "ticket_kind", "ticket", "ticket_number", "contact", "customer", "agent", "team", "channel",
                  "sent_at", "answered_at", "score", "comment", "solved_first_contact"]
        read_only_fields = fields


class SurveyAnswerSerializer(serializers.Serializer):
    token = serializers.CharField(max_length=200, help_text="the token of the link the contact received")
    score = serializers.IntegerField(min_value=1, max_value=5)
    comment = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")
    solved = serializers.BooleanField(required=False, allow_null=True, default=None,
                                      help_text="was the issue solved the first time the contact asked? (optional)")
