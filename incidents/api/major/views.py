"""The major-incident API: ``major-incidents/`` with its lifecycle actions, team, tasks,
stakeholder updates, postmortem and metrics; ``spike-rules/`` and ``spike-alerts/``.
Every write calls a service in ``incidents.services``; the services check who may.
The serializers are in :mod:`incidents.api.major.serializers`."""

from django.db import transaction
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.response import Response

from catalog.models import Service
from core.api.filters import DjangoFilterBackend
from core.api.mixins import HistoryMixin, PaginatedMixin
from core.api.periods import parse_period
from core.api.services import call_service as call
from core.permissions import RolePermission
from core.roles import STAFF_ROLES, Role

from ... import services
from ...filtersets import MajorIncidentFilterSet
from ...models import (
    MajorIncident,
    SpikeAlert,
    SpikeRule,
)
from ...selectors import major_incident_metrics, major_incidents_visible_to, major_incidents_with_list_data
from .serializers import (
    MajorIncidentSerializer,
    MajorIncidentTaskSerializer,
    MetricsSerializer,
    PostmortemSerializer,
    ResolveMajorSerializer,
    SpikeAlertSerializer,
    SpikeDeclareSerializer,
    SpikeDismissSerializer,
    SpikeRuleSerializer,
    TeamMemberSerializer,
    TimelineSerializer,
    UpdateSerializer,
)


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
    filterset_class = MajorIncidentFilterSet
    queryset = MajorIncident.objects.none()

    def get_queryset(self):
        visible = major_incidents_visible_to(self.request.user)
        return major_incidents_with_list_data(visible).order_by("-declared_at", "-id")

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
