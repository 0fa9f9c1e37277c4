"""The major-incident API: ``major-incidents/`` with its lifecycle actions, team, tasks,
stakeholder updates, postmortem and metrics; ``spike-rules/`` and ``spike-alerts/``.
Every write calls a service in ``incidents.services``; the services check who may."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.response import Response

from catalog.models import Service
from core.api.fields import DayField
from core.api.mixins import HistoryMixin, PaginatedMixin
from core.api.periods import parse_period
from core.api.serializers import ItemSerializer
from core.api.services import call_service as call
from core.api.services import drf_validation_error
from core.permissions import RolePermission
from core.roles import STAFF_ROLES, Role

from .. import services
from ..choices import ACTIVE_MAJOR_STATUSES, Audience, ServiceImpact, TaskStatus, TeamRole, UpdateEvent
from ..models import (
    MajorIncident,
    MajorIncidentMember,
    MajorIncidentTask,
    Postmortem,
    SpikeAlert,
    SpikeRule,
    StakeholderUpdate,
    TimelineEvent,
)
from ..selectors import major_available_actions, major_incident_metrics, major_incidents_with_list_data

User = get_user_model()






# --- serializers -------------------------------------------------------------------------------
class TeamMemberSerializer(serializers.ModelSerializer):
    user = serializers.PrimaryKeyRelatedField(queryset=User.objects.filter(is_active=True))
    name = serializers.SerializerMethodField()
    role = serializers.ChoiceField(choices=TeamRole.choices, default=TeamRole.MEMBER)

    class Meta:
        model = MajorIncidentMember
        fields = ["user", "name", "role", "added_at"]
        read_only_fields = ["added_at"]
        validators = []  # one row per person: adding again changes the role

    def get_name(self, member) -> str:
        return member.user.get_full_name() or member.user.get_username()


class BridgeSerializer(serializers.Serializer):
    number = serializers.CharField(source="bridge_number")
    pin = serializers.CharField(source="bridge_pin")
    war_room = serializers.SerializerMethodField()

    def get_war_room(self, major) -> str:
        return settings.MAJOR_INCIDENT_WAR_ROOM_URL or f"{settings.PUBLIC_BASE_URL}{major.get_absolute_url()}"


class MajorIncidentSerializer(serializers.ModelSerializer):
    number = serializers.CharField(source="incident.number", read_only=True)
    bridge = BridgeSerializer(source="*", read_only=True)
    team = TeamMemberSerializer(source="members", many=True, read_only=True)
    services = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    linked_incidents = serializers.SerializerMethodField()
    actions = serializers.SerializerMethodField(help_text="the lifecycle actions the caller may take now")

    class Meta:
        model = MajorIncident
        fields = ["id", "incident", "number", "summary", "status", "impact", "services", "manager", "declared_by",
                  "started_at", "declared_at", "mobilised_at", "contained_at", "resolved_at", "reviewed_at",
                  "closed_at", "resolution", "bridge", "announcement", "team", "last_update_at", "linked_incidents",
                  "actions"]
        read_only_fields = [f for f in fields if f != "announcement"]

    def get_linked_incidents(self, major) -> int:
        annotated = getattr(major, "linked_incidents", None)
        return annotated if annotated is not None else major.incident.children.count()

    def get_actions(self, major) -> list[str]:
        return major_available_actions(major, getattr(self.context.get("request"), "user", None))


class DeclareSerializer(serializers.Serializer):
    summary = serializers.CharField(max_length=300)
    manager = serializers.PrimaryKeyRelatedField(queryset=User.objects.filter(is_active=True), required=False,
                                                 help_text="the incident manager (default: you)")
    impact = serializers.ChoiceField(choices=ServiceImpact.choices, default=ServiceImpact.MAJOR_OUTAGE)
    services = serializers.PrimaryKeyRelatedField(queryset=Service.objects.all(), many=True, required=False,
                                                  help_text="affected services besides the incident's own")
    announcement = serializers.CharField(max_length=1000, required=False, allow_blank=True,
                                         help_text="what callers hear (default: a standard message)")


class ResolveMajorSerializer(serializers.Serializer):
    resolution = serializers.CharField(max_length=10000)


class UpdateSerializer(serializers.ModelSerializer):
    audiences = serializers.ListField(child=serializers.ChoiceField(choices=Audience.choices), allow_empty=False)
    event = serializers.ChoiceField(choices=UpdateEvent.choices, default=UpdateEvent.UNPLANNED)

    class Meta:
        model = StakeholderUpdate
        fields = ["id", "audiences", "what", "where", "event", "eta", "contact", "body", "status", "author",
                  "created_at"]
        read_only_fields = ["status", "author", "created_at"]


class MajorIncidentTaskSerializer(serializers.ModelSerializer):
    assignee = serializers.PrimaryKeyRelatedField(queryset=User.objects.filter(is_active=True), required=False,
                                                  allow_null=True)
    status = serializers.ChoiceField(choices=TaskStatus.choices, required=False)
    expected_status = serializers.ChoiceField(
        choices=TaskStatus.choices, required=False, write_only=True,
        help_text="the status you saw: if someone changed it first, the answer is 409")

    class Meta:
        model = MajorIncidentTask
        fields = ["id", "title", "assignee", "due_at", "status", "expected_status", "created_by", "created_at",
                  "completed_at"]
        read_only_fields = ["created_by", "created_at", "completed_at"]


class TimelineSerializer(serializers.ModelSerializer):
    class Meta:
        model = TimelineEvent
        fields = ["at", "kind", "text", "actor"]


class ActionRowSerializer(ItemSerializer):
    title = serializers.CharField(max_length=300)
    owner = serializers.PrimaryKeyRelatedField(queryset=User.objects.filter(is_active=True), required=False,
                                               allow_null=True)
    due_at = DayField(required=False, allow_null=True)

    def to_representation(self, row):
        return {"title": row.get("title"), "owner": row.get("owner"), "due_at": row.get("due_at")}


class TimelineRowSerializer(ItemSerializer):
    at = serializers.DateTimeField()
    text = serializers.CharField(max_length=500)

    def to_representation(self, row):
        return {"at": row.get("at"), "text": row.get("text")}


class PostmortemSerializer(serializers.ModelSerializer):
    timeline = TimelineRowSerializer(many=True, required=False)
    actions = ActionRowSerializer(many=True, required=False)

    class Meta:
        model = Postmortem
        fields = ["summary", "root_cause", "contributing_factors", "timeline", "actions", "problem", "change",
                  "complete", "completed_at", "updated_at"]
        read_only_fields = ["completed_at", "updated_at"]

    def to_internal_value(self, data):
        values = super().to_internal_value(data)
        if "timeline" in values:
            values["timeline"] = [{"at": row["at"].isoformat(), "text": row["text"]} for row in values["timeline"]]
        if "actions" in values:
            values["actions"] = [{"title": row["title"], "owner": row["owner"].pk if row.get("owner") else None,
                                  "due_at": row["due_at"].isoformat() if row.get("due_at") else None}
                                 for row in values["actions"]]
        return values


class MetricsSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    mtta_seconds = serializers.FloatField(allow_null=True)
    mttr_seconds = serializers.FloatField(allow_null=True)
    mtbf_seconds = serializers.FloatField(allow_null=True)
    by_service = inline_serializer("MajorIncidentServiceMetrics", many=True, fields={
        "service": serializers.IntegerField(), "name": serializers.CharField(), "count": serializers.IntegerField(),
        "mtta_seconds": serializers.FloatField(allow_null=True),
        "mttr_seconds": serializers.FloatField(allow_null=True),
        "mtbf_seconds": serializers.FloatField(allow_null=True)})


# --- major incidents ------------------------------------------------------------------------------
class MajorIncidentViewSet(PaginatedMixin, HistoryMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin,
                           mixins.UpdateModelMixin, viewsets.GenericViewSet):
    """Major incidents, declared with `POST incidents/<id>/declare-major/` (or from a spike
    alert). Lifecycle actions `mobilise`, `contain`, `resolve`, `review` (refused with 409
    until the postmortem is complete) and `close`; `PATCH` changes only the IVR
    `announcement`. Filters: `status`, `manager`, `incident` (the master), `service`, `active=true`."""

    permission_classes = [RolePermission]
    read_roles = STAFF_ROLES
    write_roles = STAFF_ROLES  # the services decide who may do what
    serializer_class = MajorIncidentSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_fields = ["status", "manager", "incident"]
    queryset = MajorIncident.objects.none()

    def get_queryset(self):
        qs = major_incidents_with_list_data().order_by("-declared_at", "-id")
        params = self.request.query_params
        if params.get("service"):
            try:
                qs = qs.filter(services=int(params["service"]))
            except ValueError as exc:
                raise ValidationError({"service": ["Give a service id."]}) from exc
        if params.get("active") in ("true", "1"):
            qs = qs.filter(status__in=ACTIVE_MAJOR_STATUSES)
        return qs

    def perform_update(self, serializer):
        if "announcement" in serializer.validated_data:
            call(services.major_incident_set_announcement, major=serializer.instance, actor=self.request.user,
                 announcement=serializer.validated_data["announcement"])

    def update(self, request, *args, **kwargs):
        super().update(request, *args, **kwargs)
        return Response(self.get_serializer(self.get_queryset().get(pk=kwargs["pk"])).data)

    def _transition(self, request, action_name: str, **params):
        major = self.get_object()
        call(services.major_incident_transition, major=major, actor=request.user, action=action_name, **params)
        return Response(self.get_serializer(self.get_queryset().get(pk=major.pk)).data)

    @extend_schema(request=None, responses=MajorIncidentSerializer)
    @action(detail=True, methods=["post"])
    def mobilise(self, request, pk=None):
        return self._transition(request, "mobilise")

    @extend_schema(request=None, responses=MajorIncidentSerializer)
    @action(detail=True, methods=["post"])
    def contain(self, request, pk=None):
        return self._transition(request, "contain")

    @extend_schema(request=ResolveMajorSerializer, responses=MajorIncidentSerializer)
    @action(detail=True, methods=["post"])
    def resolve(self, request, pk=None):
        payload = ResolveMajorSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        return self._transition(request, "resolve", resolution=payload.validated_data["resolution"])

    @extend_schema(request=None, responses=MajorIncidentSerializer)
    @action(detail=True, methods=["post"])
    def review(self, request, pk=None):
        return self._transition(request, "review")

    @extend_schema(request=None, responses=MajorIncidentSerializer)
    @action(detail=True, methods=["post"])
    def close(self, request, pk=None):
        return self._transition(request, "close")

    @extend_schema(methods=["get"], responses=TeamMemberSerializer(many=True))
    @extend_schema(methods=["post"], request=TeamMemberSerializer, responses={201: TeamMemberSerializer})
    @action(detail=True, methods=["get", "post"])
    def team(self, request, pk=None):
        """The team; `POST {user, role}` adds someone (or changes their role) and sends them
        the bridge and the war room."""
        major = self.get_object()
        if request.method == "GET":
            return self.paginated(major.members.select_related("user").order_by("added_at", "id"), TeamMemberSerializer)
        payload = TeamMemberSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        member = call(services.major_incident_add_member, major=major, actor=request.user,
                      user=payload.validated_data["user"], role=payload.validated_data["role"])
        return Response(TeamMemberSerializer(member).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses={204: None})
    @action(detail=True, methods=["delete"], url_path=r"team/(?P<user_id>[0-9]+)")
    def remove_member(self, request, pk=None, user_id=None):
        major = self.get_object()
        member = major.members.filter(user_id=user_id).select_related("user").first()
        if member is None:
            raise NotFound("Not on the team.")
        call(services.major_incident_remove_member, major=major, actor=request.user, user=member.user)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(methods=["get"], responses=UpdateSerializer(many=True))
    @extend_schema(methods=["post"], request=UpdateSerializer, responses={201: UpdateSerializer})
    @action(detail=True, methods=["get", "post"])
    def updates(self, request, pk=None):
        """Stakeholder communications in the ALERT shape, newest first. `POST` sends one to
        its audiences; `public` puts it on the status page."""
        major = self.get_object()
        if request.method == "GET":
            page = self.paginate_queryset(major.updates.order_by("-created_at", "-id"))
            return self.get_paginated_response(UpdateSerializer(page, many=True).data)
        payload = UpdateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        update = call(services.major_incident_post_update, major=major, actor=request.user,
                      audiences=data["audiences"], what=data["what"], where=data.get("where", ""),
                      event=data["event"], eta=data.get("eta"), contact=data.get("contact", ""),
                      body=data.get("body", ""))
        return Response(UpdateSerializer(update).data, status=status.HTTP_201_CREATED)

    @extend_schema(methods=["get"], responses=MajorIncidentTaskSerializer(many=True))
    @extend_schema(methods=["post"], request=MajorIncidentTaskSerializer, responses={201: MajorIncidentTaskSerializer})
    @action(detail=True, methods=["get", "post"])
    def tasks(self, request, pk=None):
        major = self.get_object()
        if request.method == "GET":
            return self.paginated(major.tasks.order_by("created_at", "id"), MajorIncidentTaskSerializer)
        payload = MajorIncidentTaskSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        task = call(services.major_incident_add_task, major=major, actor=request.user, title=data["title"],
                    assignee=data.get("assignee"), due_at=data.get("due_at"))
        return Response(MajorIncidentTaskSerializer(task).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=MajorIncidentTaskSerializer, responses=MajorIncidentTaskSerializer)
    @action(detail=True, methods=["patch"], url_path=r"tasks/(?P<task_id>[0-9]+)")
    def task(self, request, pk=None, task_id=None):
        """Change a task; pass `expected_status` to take it safely (409 if someone moved it first)."""
        major = self.get_object()
        task = major.tasks.filter(pk=task_id).first()
        if task is None:
            raise NotFound("No such task.")
        payload = MajorIncidentTaskSerializer(task, data=request.data, partial=True)
        payload.is_valid(raise_exception=True)
        changes = dict(payload.validated_data)
        expected = changes.pop("expected_status", None)
        task = call(services.major_incident_update_task, task=task, actor=request.user, expected_status=expected,
                    **changes)
        return Response(MajorIncidentTaskSerializer(task).data)

    @extend_schema(responses=TimelineSerializer(many=True))
    @action(detail=True, methods=["get"])
    def timeline(self, request, pk=None):
        major = self.get_object()
        page = self.paginate_queryset(major.timeline.order_by("at", "id"))
        return self.get_paginated_response(TimelineSerializer(page, many=True).data)

    @extend_schema(methods=["get"], responses=PostmortemSerializer)
    @extend_schema(methods=["put", "patch"], request=PostmortemSerializer, responses=PostmortemSerializer)
    @action(detail=True, methods=["get", "put", "patch"])
    def postmortem(self, request, pk=None):
        """The postmortem; until first saved, its timeline is prefilled from the war room's.
        `complete: true` needs a summary, a root cause and an owner and due date per action."""
        major = self.get_object()
        postmortem = services.postmortem_for(major)
        if request.method == "GET":
            return Response(PostmortemSerializer(postmortem).data)
        payload = PostmortemSerializer(postmortem, data=request.data, partial=request.method == "PATCH")
        payload.is_valid(raise_exception=True)
        with transaction.atomic():
            saved = call(services.postmortem_save, major=major, actor=request.user, **payload.validated_data)
        return Response(PostmortemSerializer(saved).data)

    @extend_schema(parameters=[OpenApiParameter("from", str), OpenApiParameter("to", str),
                               OpenApiParameter("service", int)], responses=MetricsSerializer)
    @action(detail=False, methods=["get"])
    def metrics(self, request):
        """Count, mean time to acknowledge (impact start → declaration), to resolve (impact
        start → resolution) and between major incidents, for those declared in the period."""
        start, end = parse_period(request.query_params)
        service = None
        if request.query_params.get("service"):
            service = Service.objects.filter(pk=request.query_params["service"]).first() \
                if request.query_params["service"].isdigit() else None
            if service is None:
                raise ValidationError({"service": ["No such service."]})
        return Response(major_incident_metrics(start=start, end=end, service=service))


# --- spikes ---------------------------------------------------------------------------------------
class SpikeRuleSerializer(serializers.ModelSerializer):
    window_minutes = serializers.IntegerField(min_value=1, max_value=24 * 60)
    threshold = serializers.IntegerField(min_value=1, required=False, allow_null=True)
    notify = serializers.PrimaryKeyRelatedField(queryset=User.objects.filter(is_active=True), many=True,
                                                required=False)

    class Meta:
        model = SpikeRule
        fields = ["id", "service", "window_minutes", "threshold", "baseline_multiplier", "baseline_weeks",
                  "auto_declare", "notify", "is_active", "created_at"]
        read_only_fields = ["created_at"]

    def validate(self, attrs):
        merged = {f: attrs.get(f, getattr(self.instance, f, None)) for f in
                  ("window_minutes", "threshold", "baseline_multiplier")}
        try:
            services.spike_rule_validate(**merged)
        except DjangoValidationError as exc:
            raise drf_validation_error(exc) from exc
        return attrs


class SpikeRuleViewSet(HistoryMixin, viewsets.ModelViewSet):
    """Spike rules: a spike is `count >= threshold` (and/or `>= baseline_multiplier ×` the
    usual count for the same weekday and hour over `baseline_weeks`) of incidents and calls
    for the service within `window_minutes`. Staff read; managers and admins write."""

    permission_classes = [RolePermission]
    read_roles = STAFF_ROLES
    write_roles = frozenset({Role.MANAGER, Role.ADMIN})
    serializer_class = SpikeRuleSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_fields = ["service", "is_active", "auto_declare"]
    queryset = SpikeRule.objects.select_related("service").prefetch_related("notify").order_by("id")


class SpikeAlertSerializer(serializers.ModelSerializer):
    window_minutes = serializers.IntegerField(source="rule.window_minutes", read_only=True)

    class Meta:
        model = SpikeAlert
        fields = ["id", "rule", "service", "count", "baseline", "window_minutes", "window_start", "window_end",
                  "status", "major_incident", "decided_by", "decided_at", "created_at"]
        read_only_fields = fields


class SpikeDeclareSerializer(serializers.Serializer):
    summary = serializers.CharField(max_length=300, required=False, allow_blank=True)
    manager = serializers.PrimaryKeyRelatedField(queryset=User.objects.filter(is_active=True), required=False)


class SpikeDismissSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=300, required=False, allow_blank=True)


class SpikeAlertViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Raised spikes. `declare` opens a major incident (the oldest open report in the
    window becomes the master); `dismiss` closes the alert (the spike may alert again in a
    later window)."""

    permission_classes = [RolePermission]
    read_roles = STAFF_ROLES
    write_roles = STAFF_ROLES  # can_declare() decides
    serializer_class = SpikeAlertSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_fields = ["status", "service", "rule"]
    queryset = SpikeAlert.objects.select_related("rule").order_by("-created_at", "-id")

    @extend_schema(request=SpikeDeclareSerializer, responses=SpikeAlertSerializer)
    @action(detail=True, methods=["post"])
    def declare(self, request, pk=None):
        alert = self.get_object()
        payload = SpikeDeclareSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        alert = call(services.spike_alert_declare, alert=alert, actor=request.user,
                     summary=payload.validated_data.get("summary", ""), manager=payload.validated_data.get("manager"))
        return Response(self.get_serializer(self.get_queryset().get(pk=alert.pk)).data)

    @extend_schema(request=SpikeDismissSerializer, responses=SpikeAlertSerializer)
    @action(detail=True, methods=["post"])
    def dismiss(self, request, pk=None):
        alert = self.get_object()
        payload = SpikeDismissSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        alert = call(services.spike_alert_dismiss, alert=alert, actor=request.user,
                     reason=payload.validated_data.get("reason", ""))
        return Response(self.get_serializer(self.get_queryset().get(pk=alert.pk)).data)
