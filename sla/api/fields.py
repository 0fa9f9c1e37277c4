"""Embed a ticket's SLA clocks in its API representation.

    class IncidentSerializer(serializers.ModelSerializer):
        sla = SLATimersField()

with the queryset prefetching ``sla.selectors.SLA_PREFETCH``: no query per row."""

from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ..selectors import clock


class ClockSerializer(serializers.Serializer):
    metric = serializers.CharField()
    status = serializers.CharField()
    due_at = serializers.DateTimeField(allow_null=True)
    remaining_seconds = serializers.IntegerField(help_text="business seconds left (0 once breached)")
    breached = serializers.BooleanField()


@extend_schema_field(ClockSerializer(many=True))
class SLATimersField(serializers.Field):
    def __init__(self, **kwargs):
        kwargs.setdefault("source", "sla_timers")
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, manager):
        now = timezone.now()
        return [
            {"metric": c.metric, "status": c.status, "due_at": serializers.DateTimeField().to_representation(c.due_at)
             if c.due_at else None, "remaining_seconds": c.remaining_seconds, "breached": c.breached}
            for c in (clock(timer, now) for timer in manager.all())
        ]
