"""The Erlang C calculator's query parameters and its answer (``GET kpis/staffing/``)."""

from rest_framework import serializers

from ... import erlang

#: The interval ``calls`` arrive in when the request does not say (a quarter-hour).
DEFAULT_INTERVAL_SECONDS = 900


class StaffingQuerySerializer(serializers.Serializer):
    """The calculator's input (query parameters). Rates are fractions: ``0.8`` is 80 %."""

    calls = serializers.FloatField(min_value=0, help_text="Calls offered in the interval (may be a forecast mean).")
    aht_seconds = serializers.FloatField(help_text="Average handle time: talk + hold + wrap-up, in seconds.")
    interval_seconds = serializers.IntegerField(
        required=False, min_value=1, max_value=86400, default=DEFAULT_INTERVAL_SECONDS,
        help_text="Length of the interval the calls arrive in (default 900: a quarter-hour).")
    target_service_level = serializers.FloatField(
        required=False, help_text="Share of calls to answer within target_seconds, in (0, 1); default "
        "STAFFING_TARGET_SERVICE_LEVEL (0.8).")
    target_seconds = serializers.FloatField(
        required=False, min_value=0, help_text="The service level's answer time; default STAFFING_TARGET_SECONDS (20).")
    shrinkage = serializers.FloatField(
        required=False, help_text="Share of paid time agents are off the phones, in [0, 1); default "
        "STAFFING_SHRINKAGE (0.3).")
    max_asa_seconds = serializers.FloatField(
        required=False, help_text="Optional second target: an average speed of answer at most this.")

    def validate_aht_seconds(self, value: float) -> float:
        if value <= 0:
            raise serializers.ValidationError("A call takes some time: give a positive number of seconds.")
        return value

    def validate_target_service_level(self, value: float) -> float:
        if not 0 < value < 1:
            raise serializers.ValidationError("A fraction between 0 and 1 (exclusive), e.g. 0.8.")
        return value

    def validate_shrinkage(self, value: float) -> float:
        if not 0 <= value < 1:
            raise serializers.ValidationError("A fraction from 0 up to (not including) 1, e.g. 0.3.")
        return value

    def validate_max_asa_seconds(self, value: float) -> float:
        if value <= 0:
            raise serializers.ValidationError("A positive number of seconds.")
        return value

    def validate(self, attrs: dict) -> dict:
        traffic = erlang.traffic_erlangs(calls=attrs["calls"], aht_seconds=attrs["aht_seconds"],
                                         interval_seconds=attrs["interval_seconds"])
        if traffic > erlang.MAX_TRAFFIC_ERLANGS:
            raise serializers.ValidationError(
                {"calls": [f"That is {traffic:,.0f} Erlangs of traffic; at most {erlang.MAX_TRAFFIC_ERLANGS:,.0f}."]})
        return attrs


class StaffingResultSerializer(serializers.Serializer):
    """Erlang C's answer for the fewest agents that meet the target."""

    traffic_erlangs = serializers.FloatField(help_text="calls × aht_seconds / interval_seconds")
    agents = serializers.IntegerField(help_text="On the phones, before shrinkage.")
    agents_with_shrinkage = serializers.IntegerField(help_text="ceil(agents / (1 − shrinkage)): to roster.")
    service_level = serializers.FloatField(help_text="Share answered within target_seconds with that many agents.")
    probability_of_waiting = serializers.FloatField(help_text="Erlang C: the chance a call waits at all.")
    average_speed_of_answer_seconds = serializers.FloatField()
    occupancy = serializers.FloatField(help_text="traffic_erlangs / agents")
