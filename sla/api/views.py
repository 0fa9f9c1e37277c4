from datetime import timedelta

from django.db.models import Prefetch, ProtectedError
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from catalog.models import Service
from core.api.exceptions import Conflict
from core.api.mixins import HistoryMixin, PaginatedMixin
from core.api.periods import parse_period
from core.permissions import RolePermission
from core.roles import STAFF_ROLES, Role

from .. import selectors
from ..filtersets import ServiceOutageFilterSet, SLAPolicyFilterSet, SLATimerFilterSet
from ..models import BusinessCalendar, EscalationRule, Holiday, ServiceOutage, SLAPolicy, SLATimer, WorkingHours
from . import serializers

MANAGERS = frozenset({Role.ADMIN, Role.MANAGER})
PERIOD_PARAMETERS = [
    OpenApiParameter("from", OpenApiTypes.STR, description="date or datetime, inclusive (default: 30 days ago)"),
    OpenApiParameter("to", OpenApiTypes.STR, description="date or datetime, exclusive (default: now)"),
]


class SLAConfigViewSet(HistoryMixin, viewsets.ModelViewSet):
    """Staff read; managers and admins configure."""

    permission_classes = [RolePermission]
    read_roles = STAFF_ROLES
    write_roles = MANAGERS

    def destroy(self, request, *args, **kwargs):
        try:
            return super().destroy(request, *args, **kwargs)
        except ProtectedError as exc:
            raise Conflict("It is still in use by policies or timers; deactivate it instead.",
                           current_status="in_use") from exc


class BusinessCalendarViewSet(SLAConfigViewSet):
    """Working hours, holidays and timezone. Changing a calendar keeps the business time its
    running timers already consumed and recomputes their due instants."""

    queryset = BusinessCalendar.objects.prefetch_related(
        Prefetch("hours", queryset=WorkingHours.objects.order_by("weekday", "start_minute")),
        Prefetch("holidays", queryset=Holiday.objects.order_by("date")))
    serializer_class = serializers.BusinessCalendarSerializer
    search_fields = ["name"]
    ordering_fields = ["id", "name"]
    filterset_fields = ["timezone"]


class SLAPolicyViewSet(SLAConfigViewSet):
    """Targets and escalation rules. The most specific active matching policy applies;
    editing one re-targets its open timers, keeping business time already consumed."""

    queryset = SLAPolicy.objects.prefetch_related(
        Prefetch("escalations", queryset=EscalationRule.objects.order_by("metric", "at_percent", "id")))
    serializer_class = serializers.SLAPolicySerializer
    filterset_class = SLAPolicyFilterSet
    search_fields = ["name"]
    ordering_fields = ["id", "name", "priority"]


class SLATimerViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Every SLA clock (read-only; tickets move them). ``events/`` is a timer's event log."""

    permission_classes = [RolePermission]
    read_roles = STAFF_ROLES
    queryset = SLATimer.objects.select_related("content_type", "calendar").prefetch_related(
        "calendar__hours", "calendar__holidays")
    serializer_class = serializers.SLATimerSerializer
    filterset_class = SLATimerFilterSet
    ordering_fields = ["due_at", "started_at", "breached_at", "id"]

    @extend_schema(responses=serializers.SLAEventSerializer(many=True))
    @action(detail=True, methods=["get"])
    def events(self, request, pk=None):
        timer = self.get_object()
        page = self.paginate_queryset(timer.events.order_by("at", "id"))
        return self.get_paginated_response(serializers.SLAEventSerializer(page, many=True).data)


class BreachedTimersView(mixins.ListModelMixin, viewsets.GenericViewSet):
    """Open breaches: past target and still not answered/resolved, oldest first."""

    permission_classes = [RolePermission]
    read_roles = STAFF_ROLES
    serializer_class = serializers.SLATimerSerializer
    filterset_class = SLATimerFilterSet

    def get_queryset(self):
        return selectors.open_breaches().prefetch_related("calendar__hours", "calendar__holidays")


class AtRiskTimersView(mixins.ListModelMixin, viewsets.GenericViewSet):
    """Running timers due within ``within_minutes`` (default 60), soonest first."""

    permission_classes = [RolePermission]
    read_roles = STAFF_ROLES
    serializer_class = serializers.SLATimerSerializer
    filterset_class = SLATimerFilterSet

    @extend_schema(parameters=[OpenApiParameter("within_minutes", int, description="default 60, at most 10080")])
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    def get_queryset(self):
        raw = self.request.query_params.get("within_minutes", "60")
        if not raw.isdigit() or not 1 <= int(raw) <= 10080:
            raise ValidationError({"within_minutes": ["A whole number of minutes from 1 to 10080."]})
        return selectors.at_risk(within=timedelta(minutes=int(raw))).prefetch_related(
            "calendar__hours", "calendar__holidays")


class ComplianceView(APIView):
    """SLA compliance: timers whose outcome fell in the period that were met within target,
    overall and by ``group_by`` (policy, team, priority, metric, kind, customer_tier)."""

    permission_classes = [RolePermission]
    read_roles = STAFF_ROLES

    @extend_schema(parameters=[*PERIOD_PARAMETERS, OpenApiParameter(
        "group_by", OpenApiTypes.STR, enum=list(selectors.GROUPINGS))], responses=serializers.ComplianceSerializer)
    def get(self, request):
        start, end = parse_period(request.query_params)
        group_by = request.query_params.get("group_by") or None
        if group_by and group_by not in selectors.GROUPINGS:
            raise ValidationError({"group_by": ["Choose one of: " + ", ".join(selectors.GROUPINGS) + "."]})
        report = selectors.compliance(start=start, end=end, group_by=group_by)
        return Response({"from": start.isoformat(), "to": end.isoformat(), **report})


class ServiceOutageViewSet(HistoryMixin, viewsets.ModelViewSet):
    """Periods a service was down. Major incidents record them; managers may too."""

    permission_classes = [RolePermission]
    read_roles = STAFF_ROLES
    write_roles = MANAGERS
    queryset = ServiceOutage.objects.select_related("service")
    serializer_class = serializers.ServiceOutageSerializer
    filterset_class = ServiceOutageFilterSet
    ordering_fields = ["started_at", "id"]


class AvailabilityView(PaginatedMixin, APIView):
    """Measured availability per service in the period, from recorded outages, against the
    service's target; paginated like every list, services by name."""

    permission_classes = [RolePermission]
    read_roles = STAFF_ROLES

    @extend_schema(parameters=[*PERIOD_PARAMETERS, OpenApiParameter("service", int)],
                   responses=serializers.AvailabilitySerializer(many=True))
    def get(self, request):
        start, end = parse_period(request.query_params)
        services = Service.objects.filter(is_active=True).order_by("name", "id")
        raw = request.query_params.get("service")
        if raw:
            if not raw.isdigit():
                raise ValidationError({"service": ["A service id."]})
            services = Service.objects.filter(pk=int(raw))
        return self.paginated(selectors.service_availability(start=start, end=end, services=services))
