from rest_framework import serializers

from catalog.models import Service

from ..models import Announcement, Call, Callback, Line


class LineSerializer(serializers.ModelSerializer):
    class Meta:
        model = Line
        fields = ["id", "number", "name", "service", "calendar", "greeting", "after_hours_message", "queue_name",
                  "csat_survey", "is_active"]

    def validate_number(self, value):
        from catalog.phone import normalize_phone

        try:
            return normalize_phone(value)
        except Exception as exc:
            raise serializers.ValidationError("Give the number in E.164, e.g. +302101234567.") from exc


class AnnouncementSerializer(serializers.ModelSerializer):
    lines = serializers.PrimaryKeyRelatedField(queryset=Line.objects.all(), many=True, required=False)
    services = serializers.PrimaryKeyRelatedField(queryset=Service.objects.all(), many=True, required=False)

    class Meta:
        model = Announcement
        fields = ["id", "message", "lines", "services", "active", "allow_continue", "major_incident", "created_at"]
        read_only_fields = ["major_incident", "created_at"]


class CallSerializer(serializers.ModelSerializer):
    queue = serializers.SerializerMethodField()
    agent = serializers.SerializerMethodField()
    incident = serializers.SerializerMethodField()
    csat = serializers.SerializerMethodField()
    hold_seconds = serializers.SerializerMethodField()
    wrap_up_seconds = serializers.SerializerMethodField()

    class Meta:
        model = Call
        fields = ["id", "call_sid", "direction", "from_number", "to_number", "contact", "customer", "line", "queue",
                  "agent", "status", "outcome", "started_at", "answered_at", "ended_at", "wait_seconds",
                  "talk_seconds", "hold_seconds", "wrap_up_seconds", "incident", "csat"]
        read_only_fields = fields

    def get_queue(self, call) -> str | None:
        return call.line.queue_name if call.line_id else None

    # Routing to agents, holds, wrap-up, incidents from calls and the survey come next (issue 9).
    def get_agent(self, call) -> int | None:
        return None

    def get_incident(self, call) -> int | None:
        return None

    def get_csat(self, call) -> int | None:
        return call.csat

    def get_hold_seconds(self, call) -> int | None:
        return None

    def get_wrap_up_seconds(self, call) -> int | None:
        return None


class CallbackSerializer(serializers.ModelSerializer):
    class Meta:
        model = Callback
        fields = ["id", "call", "contact", "number", "reason", "recording_url", "recording_seconds", "agent", "status",
                  "created_at", "claimed_at", "done_at"]
        read_only_fields = fields
