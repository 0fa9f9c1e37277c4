"""The contact center's API: ``lines/``, ``announcements/``, the read-only call log
``calls/`` and the ``callbacks/`` tasks (``claim``, ``complete``)."""

from django.db import transaction
from django.utils import timezone
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from servicedesk.api.mixins import HistoryMixin
from servicedesk.errors import InvalidTransitionError
from servicedesk.permissions import RolePermission
from servicedesk.roles import STAFF_ROLES, Role

from ..choices import CallbackStatus
from ..models import Announcement, Call, Callback, Line
from . import serializers as s

MANAGERS = frozenset({Role.MANAGER, Role.ADMIN})


class LineViewSet(HistoryMixin, viewsets.ModelViewSet):
    """The numbers callers dial: opening hours (a business calendar), greeting, after-hours
    message, queue, service."""

    permission_classes = [RolePermission]
    read_roles = STAFF_ROLES
    write_roles = MANAGERS
    serializer_class = s.LineSerializer
    queryset = Line.objects.order_by("name")


class AnnouncementViewSet(HistoryMixin, viewsets.ModelViewSet):
    """IVR announcements; declaring a major incident creates an active one for its services
    (switched off on resolve)."""

    permission_classes = [RolePermission]
    read_roles = STAFF_ROLES
    write_roles = MANAGERS
    serializer_class = s.AnnouncementSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_fields = ["active", "major_incident"]
    queryset = Announcement.objects.prefetch_related("lines", "services").order_by("-created_at", "-id")


class CallViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """The call log, built from the telephony webhooks alone (read-only)."""

    permission_classes = [RolePermission]
    read_roles = STAFF_ROLES
    serializer_class = s.CallSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_fields = ["outcome", "status", "contact", "customer", "line", "direction"]
    queryset = Call.objects.select_related("line").order_by("-started_at", "-id")


class CallbackViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Callback tasks from abandoned, missed and after-hours calls and voicemails;
    `claim` (409 if someone has it) and `complete`."""

    permission_classes = [RolePermission]
    read_roles = STAFF_ROLES
    write_roles = STAFF_ROLES
    serializer_class = s.CallbackSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_fields = ["status", "agent", "reason"]
    queryset = Callback.objects.order_by("created_at", "id")

    @extend_schema(request=None, responses=s.CallbackSerializer)
    @action(detail=True, methods=["post"])
    def claim(self, request, pk=None):
        with transaction.atomic():
            callback = Callback.objects.select_for_update().get(pk=self.get_object().pk)
            if callback.status != CallbackStatus.OPEN:
                raise InvalidTransitionError("Someone has already taken this callback.", callback.status)
            callback.status, callback.agent, callback.claimed_at = CallbackStatus.CLAIMED, request.user, \
                timezone.now()
            callback._history_user = request.user
            callback.save()
        return Response(self.get_serializer(callback).data)

    @extend_schema(request=None, responses=s.CallbackSerializer)
    @action(detail=True, methods=["post"])
    def complete(self, request, pk=None):
        with transaction.atomic():
            callback = Callback.objects.select_for_update().get(pk=self.get_object().pk)
            if callback.status == CallbackStatus.DONE:
                raise InvalidTransitionError("This callback is already done.", callback.status)
            callback.status, callback.done_at = CallbackStatus.DONE, timezone.now()
            callback.agent = callback.agent or request.user
            callback._history_user = request.user
            callback.save()
        return Response(self.get_serializer(callback).data)
