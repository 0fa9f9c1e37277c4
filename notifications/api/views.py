import django_filters
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from core.api.mixins import HistoryMixin
from core.permissions import IsAdminRole, RolePermission
from core.roles import STAFF_ROLES, Role

from .. import services
from ..models import Delivery, MessageTemplate, StakeholderGroup
from ..selectors import notifications_for
from . import serializers


class NotificationViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """The caller's own in-app notifications. ``?unread=true`` lists the unread ones."""

    permission_classes = [IsAuthenticated]
    serializer_class = serializers.NotificationSerializer
    filterset_fields: list[str] = []
    ordering_fields = ["created_at", "id"]

    def get_queryset(self):
        qs = notifications_for(self.request.user)
        unread = self.request.query_params.get("unread")
        if unread in ("true", "1"):
            qs = qs.filter(read_at__isnull=True)
        elif unread in ("false", "0"):
            qs = qs.filter(read_at__isnull=False)
        return qs

    @extend_schema(request=None, responses=serializers.NotificationSerializer)
    @action(detail=True, methods=["post"])
    def read(self, request, pk=None):
        notification = services.notification_mark_read(notification=self.get_object())
        return Response(self.get_serializer(notification).data)

    @extend_schema(request=None, responses={200: {"type": "object", "properties": {"marked": {"type": "integer"}}}})
    @action(detail=False, methods=["post"], url_path="read-all")
    def read_all(self, request):
        return Response({"marked": services.notifications_mark_all_read(user=request.user)})


class DeliveryFilterSet(django_filters.FilterSet):
    class Meta:
        model = Delivery
        fields = ["channel", "user", "template", "related", "status"]


class DeliveryViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """(Admins) the delivery log."""

    permission_classes = [IsAdminRole]
    queryset = Delivery.objects.all()
    serializer_class = serializers.DeliverySerializer
    filterset_class = DeliveryFilterSet
    search_fields = ["recipient", "subject", "idempotency_key"]
    ordering_fields = ["created_at", "sent_at", "id"]


class MessageTemplateViewSet(HistoryMixin, viewsets.ModelViewSet):
    """(Admins) the wording of messages; subject and bodies are Django templates."""

    permission_classes = [IsAdminRole]
    queryset = MessageTemplate.objects.all()
    serializer_class = serializers.MessageTemplateSerializer
    search_fields = ["key", "description", "subject"]
    ordering_fields = ["key", "id"]
    filterset_fields = ["key"]


class StakeholderGroupViewSet(HistoryMixin, viewsets.ModelViewSet):
    """Audiences for stakeholder updates. Staff read; managers and admins write."""

    permission_classes = [RolePermission]
    read_roles = STAFF_ROLES
    write_roles = frozenset({Role.ADMIN, Role.MANAGER})
    queryset = StakeholderGroup.objects.prefetch_related("members")
    serializer_class = serializers.StakeholderGroupSerializer
    search_fields = ["name", "description"]
    ordering_fields = ["name", "id"]
    filterset_fields = ["members"]
