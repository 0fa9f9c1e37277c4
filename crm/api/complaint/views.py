from django.db.models import prefetch_related_objects
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from core.api.filters import DjangoFilterBackend, OrderingFilter, SearchFilter
from core.api.mixins import HistoryMixin, PaginatedMixin
from core.api.services import call_service as call
from core.permissions import refuse_unless_visible
from core.roles import is_staff_member
from sla.selectors import SLA_PREFETCH

from ...complaint_filtersets import ComplaintFilterSet
from ...complaint_selectors import complaints_visible_to
from ...models import Complaint
from ...services import complaint as services
from . import serializers


class ComplaintPermission(IsAuthenticated):
    """Everyone signed in reads (requesters their own) and lodges; staff edit and act."""

    message = "Only service desk staff can do this."

    def has_permission(self, request, view) -> bool:
        if not super().has_permission(request, view):
            return False
        if request.method in ("GET", "HEAD", "OPTIONS") or view.action == "create":
            return True
        # A complaint the caller does not see answers 404, not this refusal.
        return is_staff_member(request.user) or refuse_unless_visible(request, view)


class ComplaintViewSet(PaginatedMixin, HistoryMixin, mixins.CreateModelMixin, mixins.RetrieveModelMixin,
                       mixins.UpdateModelMixin, mixins.ListModelMixin, viewsets.GenericViewSet):
    """Complaints, compliments and suggestions (ISO 10002). Lifecycle changes are actions
    (`acknowledge`, `investigate`, `respond`, `escalate`, `close`, `reopen`); one refused from
    the current status or lost to a concurrent change answers 409 with the current status.
    Requesters lodge and read their own."""

    permission_classes = [ComplaintPermission]
    serializer_class = serializers.ComplaintSerializer
    filterset_class = ComplaintFilterSet
    filter_backends = [DjangoFilterBackend, SearchFilter, OrderingFilter]
    search_fields = ["number", "subject", "description"]
    ordering_fields = ["created_at", "severity", "status", "number", "responded_at"]
    ordering = ["-created_at", "-id"]
    queryset = Complaint.objects.none()  # for the schema; get_queryset() narrows by user

    def get_queryset(self):
        return complaints_visible_to(self.request.user).prefetch_related("incidents", *SLA_PREFETCH)

    def perform_create(self, serializer):
        serializer.instance = call(services.complaint_create, actor=self.request.user,
                                   **serializer.validated_data)
        prefetch_related_objects([serializer.instance], "incidents", *SLA_PREFETCH)

    def perform_update(self, serializer):
        serializer.instance = call(services.complaint_update, complaint=serializer.instance,
                                   actor=self.request.user, **serializer.validated_data)
        prefetch_related_objects([serializer.instance], "incidents", *SLA_PREFETCH)

    def _act(self, request, service, input_serializer=None):
        complaint = self.get_object()
        params = {}
        if input_serializer is not None:
            payload = input_serializer(data=request.data)
            payload.is_valid(raise_exception=True)
            params = dict(payload.validated_data)
        call(service, complaint=complaint, actor=request.user, **params)
        fresh = self.get_queryset().get(pk=complaint.pk)
        return Response(self.get_serializer(fresh).data)

    @extend_schema(request=None, responses=serializers.ComplaintSerializer)
    @action(detail=True, methods=["post"])
    def acknowledge(self, request, pk=None):
        return self._act(request, services.complaint_acknowledge)

    @extend_schema(request=None, responses=serializers.ComplaintSerializer)
    @action(detail=True, methods=["post"])
    def investigate(self, request, pk=None):
        return self._act(request, services.complaint_investigate)

    @extend_schema(request=serializers.ComplaintRespondSerializer, responses=serializers.ComplaintSerializer)
    @action(detail=True, methods=["post"])
    def respond(self, request, pk=None):
        return self._act(request, services.complaint_respond, serializers.ComplaintRespondSerializer)

    @extend_schema(request=serializers.ComplaintReasonSerializer, responses=serializers.ComplaintSerializer)
    @action(detail=True, methods=["post"])
    def escalate(self, request, pk=None):
        return self._act(request, services.complaint_escalate, serializers.ComplaintReasonSerializer)

    @extend_schema(request=serializers.ComplaintCloseSerializer, responses=serializers.ComplaintSerializer)
    @action(detail=True, methods=["post"])
    def close(self, request, pk=None):
        return self._act(request, services.complaint_close, serializers.ComplaintCloseSerializer)

    @extend_schema(request=serializers.ComplaintReasonSerializer, responses=serializers.ComplaintSerializer)
    @action(detail=True, methods=["post"])
    def reopen(self, request, pk=None):
        return self._act(request, services.complaint_reopen, serializers.ComplaintReasonSerializer)
