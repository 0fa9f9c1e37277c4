"""Query parameters and response shapes of ``kpis/contact-center/`` and ``kpis/itsm/``
(the responses are documentation for the schema: the views return the selectors' dicts)."""

from rest_framework import serializers

from core.api.serializers import NullableChoiceField
from incidents.choices import Channel

from ...selectors import INTERVALS


class PeriodQuerySerializer(serializers.Serializer):
    """``from``/``to``: a date (a UTC day) or an ISO 8601 datetime; from inclusive, to exclusive."""

    team = serializers.IntegerField(required=False, min_value=1, help_text="team id")
    service = serializers.IntegerField(required=False, min_value=1, help_text="service id")

    def get_fields(self):
        fields = super().get_fields()
        # "from" is a Python keyword: declared here rather than as a class attribute.
        fields["from"] = serializers.CharField(required=False, help_text="date or datetime, inclusive "
                                                                         "(default: 30 days before `to`)")
        fields["to"] = serializers.CharField(required=False, help_text="date or datetime, exclusive (default: now)")
        return fields


class ContactCenterQuerySerializer(PeriodQuerySerializer):
    interval = serializers.ChoiceField(choices=list(INTERVALS), required=False,
                                       help_text="adds a `series` with one entry per interval")
    queue = serializers.IntegerField(required=False, min_value=1, help_text="queue id")
    agent = serializers.IntegerField(required=False, min_value=1, help_text="agent (user) id")


class ItsmQuerySerializer(PeriodQuerySerializer):
    channel = serializers.ChoiceField(choices=Channel.choices, required=False,
                                      help_text="the tickets' channel: narrows the incident and SLA figures")


RATE = {"allow_null": True, "min_value": 0, "max_value": 1}


class ContactCenterFiguresSerializer(serializers.Serializer):
    offered = serializers.IntegerField(help_text="calls that reached a queue, less short abandons")
    answered = serializers.IntegerField()
    abandoned = serializers.IntegerField(help_text="hung up waiting after the grace period")
    abandonment_rate = serializers.FloatField(**RATE)
    average_speed_of_answer_seconds = serializers.FloatField(allow_null=True)
    service_level = serializers.FloatField(**RATE, help_text="answered within the queue's target / offered")
    average_talk_seconds = serializers.FloatField(allow_null=True)
    average_hold_seconds = serializers.FloatField(allow_null=True)
    average_wrap_up_seconds = serializers.FloatField(allow_null=True)
    average_handle_time_seconds = serializers.FloatField(allow_null=True)
    transfer_rate = serializers.FloatField(**RATE)
    first_contact_resolution_rate = serializers.FloatField(**RATE)
    csat_percent = serializers.FloatField(**RATE, help_text="share of ratings of 4 or 5, a fraction 0–1")
    csat_mean = serializers.FloatField(allow_null=True, help_text="mean rating 1–5")
    deflected = serializers.IntegerField(help_text="hung up after a major-incident announcement")
    arrivals = serializers.IntegerField(help_text="every inbound call")
    short_abandoned = serializers.IntegerField()
    callbacks_done = serializers.IntegerField()
    callback_time_seconds = serializers.FloatField(allow_null=True, help_text="callback created → done")
    occupancy = serializers.FloatField(**RATE, help_text="null with a queue or service filter")
    logged_in_hours = serializers.FloatField(allow_null=True)
    cost_per_call = serializers.FloatField(allow_null=True,
                                           help_text="KPI_COST_PER_AGENT_HOUR × agent hours / answered")
    outbound_calls = serializers.IntegerField(min_value=0, help_text="outbound calls attempted")
    outbound_answered = serializers.IntegerField(min_value=0, help_text="outbound calls the other side answered")
    contact_rate = serializers.FloatField(**RATE, help_text="answered outbound / attempted outbound")
    recorded_calls = serializers.IntegerField(min_value=0, help_text="calls (both directions) with a recording")
    recorded_share = serializers.FloatField(**RATE, help_text="recorded / answered calls (inbound answered + "
                                                              "outbound answered)")
    quality_evaluations = serializers.IntegerField(min_value=0, help_text="quality evaluations submitted in the "
                                                                          "period")
    quality_score = serializers.FloatField(allow_null=True, min_value=0, max_value=100,
                                           help_text="mean evaluation score 0–100 of those evaluations")


    # issue 24.14 (W1): first-call resolution asked in the keypad survey.
    fcr_survey_answers = serializers.IntegerField(min_value=0, help_text='answers to the keypad survey\'s "Was your '
                                                                        'issue solved on this call?"')
    fcr_survey_rate = serializers.FloatField(**RATE, help_text="first-call resolution (survey): yes / answered; "
                                                               "first_contact_resolution_rate is the repeat-call one")


class ContactCenterBucketSerializer(ContactCenterFiguresSerializer):
    start = serializers.DateTimeField()


class ContactCenterKpisSerializer(ContactCenterFiguresSerializer):
    from_ = serializers.DateTimeField()
    to = serializers.DateTimeField()
    interval = serializers.ChoiceField(choices=list(INTERVALS), required=False)
    series = ContactCenterBucketSerializer(many=True, required=False)

    def get_fields(self):
        fields = super().get_fields()
        fields["from"] = fields.pop("from_")
        return fields


class PriorityFiguresSerializer(serializers.Serializer):
    priority = serializers.IntegerField()
    acknowledged = serializers.IntegerField()
    resolved = serializers.IntegerField()
    mtta_seconds = serializers.FloatField(allow_null=True)
    mttr_seconds = serializers.FloatField(allow_null=True)


class ChannelFiguresSerializer(serializers.Serializer):
    channel = NullableChoiceField(choices=Channel.choices,
                                  help_text="null = none: timers of problems and changes, days rolled up before "
                                            "channels were kept")
    created = serializers.IntegerField(help_text="incidents created")
    resolved = serializers.IntegerField(help_text="incidents resolved")
    sla_met = serializers.IntegerField(help_text="timers met, every ticket kind")
    sla_breached = serializers.IntegerField(help_text="timers breached, every ticket kind")
    sla_compliance = serializers.FloatField(**RATE, help_text="met / (met + breached) timers")
    mtta_seconds = serializers.FloatField(allow_null=True, help_text="created → acknowledged")
    mttr_seconds = serializers.FloatField(allow_null=True, help_text="created → resolved")


class AgeingSerializer(serializers.Serializer):
    lt_1d = serializers.IntegerField()
    _1_3d = serializers.IntegerField()
    _3_7d = serializers.IntegerField()
    _7_30d = serializers.IntegerField()
    gt_30d = serializers.IntegerField()

    def get_fields(self):
        return {name.lstrip("_"): field for name, field in super().get_fields().items()}


class ItsmKpisSerializer(serializers.Serializer):
    mtta_seconds = serializers.FloatField(allow_null=True, help_text="created → acknowledged")
    mttr_seconds = serializers.FloatField(allow_null=True, help_text="created → resolved")
    backlog = serializers.IntegerField(help_text="open at the end of the period")
    sla_compliance = serializers.FloatField(**RATE, help_text="met / (met + breached) timers")
    reopen_rate = serializers.FloatField(**RATE)
    major_incidents = serializers.IntegerField()
    mtbf_seconds = serializers.FloatField(allow_null=True)
    change_success_rate = serializers.FloatField(**RATE)
    emergency_change_ratio = serializers.FloatField(**RATE)
    created = serializers.IntegerField()
    acknowledged = serializers.IntegerField()
    resolved = serializers.IntegerField()
    sla_met = serializers.IntegerField()
    sla_breached = serializers.IntegerField()
    ageing = AgeingSerializer()
    changes_completed = serializers.IntegerField()
    changes_submitted = serializers.IntegerField()
    changes_causing_incidents = serializers.IntegerField()
    problem_to_known_error_seconds = serializers.FloatField(allow_null=True)
    request_fulfilment_seconds = serializers.FloatField(allow_null=True)
    by_priority = PriorityFiguresSerializer(many=True)
    by_channel = ChannelFiguresSerializer(many=True, help_text="the channels with something counted in the period")
    csat_mean = serializers.FloatField(allow_null=True, min_value=1, max_value=5,
                                       help_text="mean satisfaction score (1–5) of the survey answers given in the "
                                                 "period (incidents, requests, complaints)")
    csat_responses = serializers.IntegerField(min_value=0, help_text="survey answers given in the period")
    complaints = serializers.IntegerField(min_value=0, help_text="complaints received (not compliments or "
                                                                 "suggestions)")
    complaint_response_seconds = serializers.FloatField(allow_null=True, help_text="received → responded, of the "
                                                        "complaints responded in the period (wall-clock)")
    kb_deflections = serializers.IntegerField(min_value=0, help_text="0 until the knowledge base exists")
    ticket_fcr_survey_answers = serializers.IntegerField(min_value=0, help_text="ticket survey answers to \"Was "
                                                         "your issue solved the first time you contacted us?\"")
    ticket_fcr_survey_rate = serializers.FloatField(**RATE, help_text="first-contact resolution (ticket survey): "
                                                                      "yes / answered")
    from_ = serializers.DateTimeField()
    to = serializers.DateTimeField()

    def get_fields(self):
        fields = super().get_fields()
        fields["from"] = fields.pop("from_")
        return fields


# --- providers side by side (issue 24.13, W1) ---------------------------------------------------------
class ProvidersQuerySerializer(serializers.Serializer):
    def get_fields(self):
        fields = super().get_fields()
        fields["from"] = serializers.CharField(required=False, help_text="date or datetime, inclusive "
                                                                         "(default: 30 days before `to`)")
        fields["to"] = serializers.CharField(required=False, help_text="date or datetime, exclusive (default: now)")
        return fields


class ProviderFiguresSerializer(serializers.Serializer):
    provider = serializers.IntegerField(allow_null=True, help_text="provider id; null = queues without a provider")
    name = serializers.CharField(allow_null=True)
    kind = serializers.ChoiceField(choices=["in_house", "outsourced"], allow_null=True)
    cost_basis = serializers.ChoiceField(choices=["per_call", "per_hour"], allow_null=True)
    cost = serializers.FloatField(allow_null=True, help_text="per answered call or per agent hour")
    currency = serializers.CharField(allow_blank=True, help_text="the provider's, else KPI_COST_CURRENCY")
    offered = serializers.IntegerField()
    answered = serializers.IntegerField()
    abandoned = serializers.IntegerField()
    service_level = serializers.FloatField(**RATE, help_text="answered within the queue's target / offered")
    abandonment_rate = serializers.FloatField(**RATE)
    first_contact_resolution_rate = serializers.FloatField(**RATE, help_text="answered calls without a repeat call "
                                                                             "/ answered")
    fcr_survey_answers = serializers.IntegerField(min_value=0)
    fcr_survey_rate = serializers.FloatField(**RATE, help_text="survey: solved on this call, yes / answered")
    csat_percent = serializers.FloatField(**RATE)
    csat_mean = serializers.FloatField(allow_null=True)
    logged_in_hours = serializers.FloatField(allow_null=True, help_text="per-hour providers: their teams' agents")
    cost_per_call = serializers.FloatField(allow_null=True)


class ProvidersKpisSerializer(serializers.Serializer):
    providers = ProviderFiguresSerializer(many=True)
    from_ = serializers.DateTimeField()
    to = serializers.DateTimeField()

    def get_fields(self):
        fields = super().get_fields()
        fields["from"] = fields.pop("from_")
        return fields
