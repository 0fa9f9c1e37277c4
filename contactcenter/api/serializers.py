from django.utils import timezone
from rest_framework import serializers

from catalog.models import Service
from catalog.phone import normalize_phone
from core.api.serializers import ModelSerializer, NullableCharField
from incidents.models import Incident

from ..choices import AgentStateChoice
from ..models import AgentState, Announcement, Call, Callback, DialList, DialListEntry, Line, MenuOption, Queue
from ..services import line_save


class QueueSerializer(ModelSerializer):
    class Meta:
        model = Queue
        fields = ["id", "name", "skill", "priority", "service_level_seconds", "hold_music_url",
                  "record_calls"]  # CC-A (issue 22.3)


class MenuOptionSerializer(serializers.ModelSerializer):
    class Meta:
        model = MenuOption
        fields = ["digit", "label", "queue", "service"]


class LineSerializer(serializers.ModelSerializer):
    """A line with its keypad menu, written whole (``menu`` replaces the options)."""

    menu = MenuOptionSerializer(many=True, required=False)

    class Meta:
        model = Line
        fields = ["id", "number", "name", "service", "calendar", "greeting", "after_hours_message", "queue", "menu",
                  "csat_survey", "is_active",
                  "language", "voice", "record_calls"]  # CC-A (issue 22.1, 22.3)

    def validate_number(self, value):
        try:
            return normalize_phone(value)
        except Exception as exc:
            raise serializers.ValidationError("Give the number in E.164, e.g. +302101234567.") from exc

    # The menu's rule (one option per digit) and the writes are line_save's.
    def create(self, validated_data):
        menu = validated_data.pop("menu", [])
        return line_save(data=validated_data, menu=menu, actor=self._actor())

    def update(self, instance, validated_data):
        menu = validated_data.pop("menu", None)
        return line_save(line=instance, data=validated_data, menu=menu, actor=self._actor())

    def _actor(self):
        request = self.context.get("request")
        return request.user if request is not None else None


class AnnouncementSerializer(serializers.ModelSerializer):
    lines = serializers.PrimaryKeyRelatedField(queryset=Line.objects.all(), many=True, required=False)
    services = serializers.PrimaryKeyRelatedField(queryset=Service.objects.all(), many=True, required=False)

    class Meta:
        model = Announcement
        fields = ["id", "message", "lines", "services", "active", "allow_continue", "major_incident", "created_at",
                  "language"]  # CC-A (issue 22.1): the language the message is written in
        read_only_fields = ["major_incident", "created_at"]


class CallSerializer(ModelSerializer):
    queue = serializers.SerializerMethodField()
    repeat_call = serializers.SerializerMethodField()
    # E.164, or null when the caller withheld it or sent something that is not a number
    # (what Twilio sent is then in from_raw); input_flags lists webhook fields left out.
    from_number = NullableCharField(read_only=True)
    from_raw = NullableCharField(read_only=True)
    input_flags = serializers.JSONField(read_only=True)

    class Meta:
        model = Call
        fields = ["id", "call_sid", "direction", "from_number", "from_raw", "to_number", "contact", "customer",
                  "line", "queue", "queue_id", "service", "agent", "status", "outcome", "started_at", "queued_at",
                  "answered_at", "ended_at", "wait_seconds", "talk_seconds", "hold_seconds", "wrap_up_seconds",
                  "transfers", "incident", "csat", "priority", "repeat_of", "repeat_call", "announcement",
                  "after_hours", "input_flags",
                  # CC-B (issue 22.2): outbound calls
                  "placed_by", "callback_task", "ticket_kind", "ticket_id", "outbound_error"]
        read_only_fields = fields

    def get_queue(self, call) -> str | None:
        return call.queue.name if call.queue_id else None

    def get_repeat_call(self, call) -> bool:
        return call.repeat_of_id is not None


class DialSerializer(serializers.Serializer):
    """CC-B (issue 22.2): ``callbacks/<id>/dial/``: which of the customer's numbers (default: the
    callback's own)."""

    number = serializers.CharField(max_length=32, required=False, allow_blank=True)


class TransferSerializer(serializers.Serializer):
    queue = serializers.PrimaryKeyRelatedField(queryset=Queue.objects.all())


class CallIncidentSerializer(serializers.Serializer):
    incident = serializers.PrimaryKeyRelatedField(queryset=Incident.objects.all())


class CallbackSerializer(ModelSerializer):
    time_to_callback_seconds = serializers.SerializerMethodField()

    class Meta:
        model = Callback
        fields = ["id", "call", "contact", "number", "reason", "recording_url", "recording_seconds", "agent", "status",
                  "created_at", "claimed_at", "done_at", "time_to_callback_seconds"]
        read_only_fields = fields

    def get_time_to_callback_seconds(self, callback) -> int | None:
        """From the task's creation to the call back done."""
        if callback.done_at is None:
            return None
        return max(0, round((callback.done_at - callback.created_at).total_seconds()))


class AgentStateSerializer(serializers.ModelSerializer):
    state = serializers.ChoiceField(choices=AgentStateChoice.choices)

    class Meta:
        model = AgentState
        fields = ["state", "since", "call"]
        read_only_fields = ["since", "call"]


# --- CC-B leftovers (issue 22.2): the auto-dial lists' API (contactcenter/api/dial_lists.py) ----------
class DialListSerializer(ModelSerializer):
    queue_name = serializers.CharField(source="queue.name", read_only=True)
    line_number = serializers.CharField(source="line.number", read_only=True)

    class Meta:
        model = DialList
        fields = ["id", "name", "queue", "queue_name", "line", "line_number", "calendar", "max_attempts",
                  "retry_minutes", "active", "created_at"]
        read_only_fields = fields


class DialListEntrySerializer(ModelSerializer):
    """One number of a dial list; ``contact_name`` and ``callback_reason`` are what the agent
    previews before dialling."""

    contact_name = serializers.SerializerMethodField()
    customer = serializers.SerializerMethodField()
    callback_reason = serializers.SerializerMethodField()
    reserved_by_me = serializers.SerializerMethodField()

    class Meta:
        model = DialListEntry
        fields = ["id", "dial_list", "number", "status", "attempts", "next_attempt_at", "contact", "contact_name",
                  "customer", "callback", "callback_reason", "last_call", "last_result", "reserved_by_me",
                  "reserved_until", "created_at", "done_at"]
        read_only_fields = fields

    def get_contact_name(self, entry) -> str | None:
        return entry.contact.name if entry.contact_id else None

    def get_customer(self, entry) -> int | None:
        return entry.contact.customer_id if entry.contact_id else None

    def get_callback_reason(self, entry) -> str | None:
        return entry.callback.reason if entry.callback_id else None

    def get_reserved_by_me(self, entry) -> bool:
        request = self.context.get("request")
        return bool(request is not None and entry.reserved_by_id == request.user.pk and entry.reserved_until
                    and entry.reserved_until > timezone.now())


class DialListPreviewSerializer(serializers.Serializer):
    """``dial-lists/<id>/next/``: the number to preview (null when none is due or the list is
    closed), whether the list is open now and when it opens, and how many numbers wait."""

    entry = DialListEntrySerializer(allow_null=True)
    is_open = serializers.BooleanField()
    opens_at = serializers.DateTimeField(allow_null=True)
    waiting = serializers.IntegerField(help_text="numbers due now")
    later = serializers.IntegerField(help_text="numbers waiting for their next try")
    detail = serializers.CharField(allow_blank=True, help_text="what to tell the agent")

