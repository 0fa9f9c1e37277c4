
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers

from core.api.serializers import ItemSerializer
from core.timezones import timezone_names
from notifications.models import StakeholderGroup

from .. import services
from ..calendar import CalendarError, CalendarSpec, fmt_minute, parse_minute
from ..choices import Channel, EscalationTarget, Metric
from ..models import BusinessCalendar, ServiceOutage, SLAEvent, SLAPolicy, SLATimer
from ..selectors import clock


class WorkingIntervalSerializer(ItemSerializer):
    weekday = serializers.IntegerField(min_value=0, max_value=6, help_text="0 = Monday … 6 = Sunday")
    start = serializers.CharField(max_length=5, help_text='"09:00"')
    end = serializers.CharField(max_length=5, help_text='"17:00"; "24:00" is the end of the day')

    def validate(self, attrs):
        try:
            attrs["start_minute"], attrs["end_minute"] = parse_minute(attrs["start"]), parse_minute(attrs["end"])
        except CalendarError as exc:
            raise serializers.ValidationError(str(exc)) from exc
        if attrs["start_minute"] >= attrs["end_minute"]:
            raise serializers.ValidationError(f"{attrs['start']}–{attrs['end']} ends before it starts.")
        return attrs


class BusinessCalendarSerializer(serializers.ModelSerializer):
    hours = WorkingIntervalSerializer(many=True, required=False, help_text="no hours means 24×7")
    holidays = serializers.ListField(child=serializers.DateField(), required=False, max_length=1000)
    is_24x7 = serializers.SerializerMethodField()

    class Meta:
        model = BusinessCalendar
        fields = ["id", "name", "timezone", "description", "hours", "holidays", "is_24x7"]

    def get_is_24x7(self, calendar) -> bool:
        return not calendar.hours.all()  # (documentation only: to_representation builds the output)

    def to_representation(self, calendar):
        hours = list(calendar.hours.all())
        return {
            "id": calendar.pk, "name": calendar.name, "timezone": calendar.timezone,
            "description": calendar.description,
            "hours": [{"weekday": h.weekday, "start": fmt_minute(h.start_minute), "end": fmt_minute(h.end_minute)}
                      for h in hours],
            "holidays": [h.date.isoformat() for h in calendar.holidays.all()],
            "is_24x7": not hours,
        }

    def validate_timezone(self, value):
        if value not in timezone_names():
            raise serializers.ValidationError(f"{value!r} is not a known timezone (e.g. Europe/Athens).")
        return value

    def validate(self, attrs):
        hours = attrs.get("hours")
        if hours is not None:
            triples = [(h["weekday"], h["start_minute"], h["end_minute"]) for h in hours]
            if len(set(triples)) != len(triples):
                raise serializers.ValidationError({"hours": ["The same interval is listed twice."]})
            try:
                CalendarSpec.build(attrs.get("timezone", getattr(self.instance, "timezone", "UTC")), triples)
            except CalendarError as exc:
                raise serializers.ValidationError({"hours": [str(exc)]}) from exc
        return attrs

    def _save(self, calendar, validated):
        instance = calendar
        hours = validated.get("hours")
        if hours is None and instance is not None:
            triples = [(h.weekday, h.start_minute, h.end_minute) for h in instance.hours.all()]
        else:
            triples = [(h["weekday"], h["start_minute"], h["end_minute"]) for h in hours or []]
        holidays = validated.get("holidays")
        if holidays is None and instance is not None:
            pairs = [(h.date, h.name) for h in instance.holidays.all()]
        else:
            names = {h.date: h.name for h in instance.holidays.all()} if instance else {}
            pairs = [(d, names.get(d, "")) for d in sorted(set(holidays or []))]
        request = self.context.get("request")
        try:
            return services.calendar_save(
                calendar=instance, name=validated.get("name", getattr(instance, "name", "")),
                timezone_name=validated.get("timezone", getattr(instance, "timezone", "UTC")),
                description=validated.get("description", getattr(instance, "description", "")),
                hours=triples, holidays=pairs, actor=getattr(request, "user", None))
        except CalendarError as exc:
            raise serializers.ValidationError({"hours": [str(exc)]}) from exc

    def create(self, validated_data):
        return self._save(None, validated_data)

    def update(self, instance, validated_data):
        return self._save(instance, validated_data)


class EscalationSerializer(ItemSerializer):
    metric = serializers.ChoiceField(choices=Metric.choices)
    at_percent = serializers.IntegerField(min_value=1, max_value=1000, help_text="e.g. 75, 100, 150")
    notify = serializers.ChoiceField(choices=EscalationTarget.choices)
    group = serializers.PrimaryKeyRelatedField(queryset=StakeholderGroup.objects.all(), required=False,
                                               allow_null=True)
    channels = serializers.ListField(child=serializers.ChoiceField(choices=Channel.choices), min_length=1,
                                     max_length=3)

    def validate(self, attrs):
        if attrs["notify"] == EscalationTarget.GROUP and not attrs.get("group"):
            raise serializers.ValidationError({"group": ["Name the group to notify."]})
        if attrs["notify"] != EscalationTarget.GROUP:
            attrs["group"] = None
        attrs["channels"] = list(dict.fromkeys(attrs["channels"]))
        return attrs


class SLAPolicySerializer(serializers.ModelSerializer):
    response_minutes = serializers.IntegerField(min_value=1, max_value=525600, required=False, allow_null=True)
    resolution_minutes = serializers.IntegerField(min_value=1, max_value=5256000, required=False, allow_null=True)
    pause_on = serializers.ListField(child=serializers.CharField(max_length=30), required=False, max_length=20)
    escalations = EscalationSerializer(many=True, required=False)

    class Meta:
        model = SLAPolicy
        fields = ["id", "name", "applies_to", "priority", "customer_tier", "channel", "service", "calendar",
                  "response_minutes", "resolution_minutes", "pause_on", "escalations", "is_active"]

    def validate(self, attrs):
        def current(name):
            return attrs.get(name, getattr(self.instance, name, None))

        if not current("response_minutes") and not current("resolution_minutes"):
            raise serializers.ValidationError({"resolution_minutes": ["Give a response or a resolution target."]})
        for rule in attrs.get("escalations") or []:
            if not current(f"{rule['metric']}_minutes"):
                raise serializers.ValidationError(
                    {"escalations": [f"There is no {rule['metric']} target to escalate on."]})
        return attrs

    def _save(self, instance, validated):
        escalations = validated.pop("escalations", None)
        if escalations is not None:
            escalations = [{**rule, "group": rule.get("group")} for rule in escalations]
        request = self.context.get("request")
        try:
            return services.policy_save(policy=instance, escalations=escalations,
                                        actor=getattr(request, "user", None), **validated)
        except DjangoValidationError as exc:
            raise serializers.ValidationError(getattr(exc, "message_dict", {"detail": exc.messages})) from exc

    def create(self, validated_data):
        return self._save(None, validated_data)

    def update(self, instance, validated_data):
        return self._save(instance, validated_data)


class SLATimerSerializer(serializers.ModelSerializer):
    ticket = serializers.SerializerMethodField()
    target_seconds = serializers.SerializerMethodField()
    consumed_seconds = serializers.SerializerMethodField()
    remaining_seconds = serializers.SerializerMethodField()
    breached = serializers.SerializerMethodField()

    class Meta:
        model = SLATimer
        fields = ["id", "ticket", "metric", "status", "policy", "calendar", "target_seconds", "consumed_seconds",
                  "remaining_seconds", "breached", "started_at", "due_at", "next_escalation_at", "met_at",
                  "breached_at", "kind", "priority", "customer_tier", "team", "service"]

    def _clock(self, timer):
        cache = self.context.setdefault("_clocks", {})
        if timer.pk not in cache:
            cache[timer.pk] = clock(timer)
        return cache[timer.pk]

    def get_ticket(self, timer) -> dict:
        return {"type": f"{timer.content_type.app_label}.{timer.content_type.model}", "id": timer.object_id}

    def get_target_seconds(self, timer) -> int:
        return int(timer.target.total_seconds())

    def get_consumed_seconds(self, timer) -> int:
        return int(timer.consumed.total_seconds())

    def get_remaining_seconds(self, timer) -> int:
        return self._clock(timer).remaining_seconds

    def get_breached(self, timer) -> bool:
        return self._clock(timer).breached


class SLAEventSerializer(serializers.ModelSerializer):
    class Meta:
        model = SLAEvent
        fields = ["id", "kind", "at", "data", "actor", "recorded_at"]


class ServiceOutageSerializer(serializers.ModelSerializer):
    class Meta:
        model = ServiceOutage
        fields = ["id", "service", "started_at", "ended_at", "description", "source"]

    def validate(self, attrs):
        start = attrs.get("started_at", getattr(self.instance, "started_at", None))
        end = attrs.get("ended_at", getattr(self.instance, "ended_at", None))
        if start and end and end <= start:
            raise serializers.ValidationError({"ended_at": ["An outage ends after it starts."]})
        return attrs


class ComplianceGroupSerializer(serializers.Serializer):
    key = serializers.JSONField()
    label = serializers.JSONField()
    total = serializers.IntegerField()
    met = serializers.IntegerField()
    breached = serializers.IntegerField()
    compliance = serializers.FloatField(allow_null=True)


class ComplianceSerializer(serializers.Serializer):
    from_ = serializers.DateTimeField(help_text="the period's start (inclusive)")
    to = serializers.DateTimeField(help_text="the period's end (exclusive)")
    total = serializers.IntegerField()
    met = serializers.IntegerField()
    breached = serializers.IntegerField()
    compliance = serializers.FloatField(allow_null=True, help_text="fraction 0–1 met within target")
    groups = ComplianceGroupSerializer(many=True, required=False)

    def get_fields(self):
        # The answer's keys are the period parameters' names, as in kpis/: "from" is a keyword.
        fields = super().get_fields()
        fields["from"] = fields.pop("from_")
        return fields


class AvailabilitySerializer(serializers.Serializer):
    service = serializers.IntegerField()
    name = serializers.CharField()
    target = serializers.FloatField(help_text="fraction, e.g. 0.999")
    measured = serializers.FloatField(allow_null=True)
    downtime_seconds = serializers.IntegerField()
    outages = serializers.IntegerField()
    met = serializers.BooleanField()

