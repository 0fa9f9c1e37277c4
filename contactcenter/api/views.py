"""The contact center's API: ``lines/`` (with their keypad menus), ``queues/``,
``announcements/``, the call log ``calls/`` (read-only but for the agent's own live call:
``hold``, ``resume``, ``transfer``, ``link-incident``), the ``callbacks/`` tasks (``claim``,
``complete``) and ``agents/me/state/``."""

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import generics, mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.response import Response

from core.api.filters import DjangoFilterBackend, OrderingFilter
from core.api.mixins import HistoryMixin
from core.permissions import RolePermission
from core.roles import STAFF_ROLES, Role

from .. import outbound, routing
from ..filtersets import CallFilterSet
from ..models import AgentState, Announcement, Call, Callback, Line, Queue
from ..recording import may_hear
from ..services import call_link_incident, callback_claim, callback_complete
from . import serializers
from .quality import CallRecordingSerializer

MANAGERS = frozenset({Role.MANAGER, Role.ADMIN})


class LineViewSet(HistoryMixin, viewsets.ModelViewSet):
    """The numbers callers dial: opening hours (a business calendar), greeting, after-hours
    message, queue, service."""

    permission_classes = [RolePermission]
    read_roles = STAFF_ROLES
    write_roles = MANAGERS
    serializer_class = serializers.LineSerializer
    queryset = Line.objects.prefetch_related("menu").order_by("name")


class QueueViewSet(HistoryMixin, viewsets.ModelViewSet):
    """Call queues: the skill an agent needs to take their calls, and their priority."""

    permission_classes = [RolePermission]
    read_roles = STAFF_ROLES
    write_roles = MANAGERS
    serializer_class = serializers.QueueSerializer
    queryset = Queue.objects.order_by("name")


class AnnouncementViewSet(HistoryMixin, viewsets.ModelViewSet):
    """IVR announcements; declaring a major incident creates an active one for its services
    (switched off on resolve)."""

    permission_classes = [RolePermission]
    read_roles = STAFF_ROLES
    write_roles = MANAGERS
    serializer_class = serializers.AnnouncementSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_fields = ["active", "major_incident"]
    queryset = Announcement.objects.prefetch_related("lines", "services").order_by("-created_at", "-id")


class CallViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """The call log, built from the telephony webhooks alone. Agents act on their own live
    call: ``hold``, ``resume``, ``transfer`` ``{queue}``; ``link-incident`` ``{incident}``."""

    permission_classes = [RolePermission]
    read_roles = STAFF_ROLES
    write_roles = STAFF_ROLES
    serializer_class = serializers.CallSerializer
    filter_backends = [DjangoFilterBackend, OrderingFilter]
    filterset_class = CallFilterSet
    ordering_fields = ["started_at", "wait_seconds", "talk_seconds"]
    queryset = Call.objects.select_related("queue").order_by("-started_at", "-id")

    def _done(self, call: Call) -> Response:
        """The call; 202 with ``detail`` when Twilio did not take a conference request (hold,
        resume or transfer in conference mode) at once and the task tries again."""
        data = self.get_serializer(self.get_queryset().get(pk=call.pk)).data
        problem = getattr(call, "provider_problem", None)
        if problem:
            return Response({**data, "detail": problem}, status=status.HTTP_202_ACCEPTED)
        return Response(data)

    @extend_schema(request=None, responses={200: serializers.CallSerializer, 202: serializers.CallSerializer})
    @action(detail=True, methods=["post"])
    def hold(self, request, pk=None):
        return self._done(routing.call_hold(call_id=self.get_object().pk, user=request.user))

    @extend_schema(request=None, responses={200: serializers.CallSerializer, 202: serializers.CallSerializer})
    @action(detail=True, methods=["post"])
    def resume(self, request, pk=None):
        return self._done(routing.call_resume(call_id=self.get_object().pk, user=request.user))

    @extend_schema(request=serializers.TransferSerializer,
                   responses={200: serializers.CallSerializer, 202: serializers.CallSerializer})
    @action(detail=True, methods=["post"])
    def transfer(self, request, pk=None):
        call = self.get_object()
        data = serializers.TransferSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return self._done(routing.call_transfer(call_id=call.pk, user=request.user, queue=data.validated_data["queue"]))

    @extend_schema(request=serializers.CallIncidentSerializer, responses=serializers.CallSerializer)
    @action(detail=True, methods=["post"], url_path="link-incident")
    def link_incident(self, request, pk=None):
        call = self.get_object()
        data = serializers.CallIncidentSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return self._done(call_link_incident(call=call, incident=data.validated_data["incident"]))

    # CC-A (issue 22.3): the call's recordings, to supervisors and the call's agent (404 otherwise).
    @extend_schema(request=None, responses=CallRecordingSerializer(many=True),
                   description="The call's recordings, oldest first (a plain list: a call has a few).")
    @action(detail=True, methods=["get"], pagination_class=None, filter_backends=[])
    def recordings(self, request, pk=None):
        call = self.get_object()
        if not may_hear(request.user, call):
            raise Http404
        rows = call.recordings.order_by("created_at", "id")
        return Response(CallRecordingSerializer(rows, many=True, context=self.get_serializer_context()).data)


class CallbackViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Callback tasks from abandoned, missed and after-hours calls and voicemails;
    `claim` (409 if someone has it) and `complete`."""

    permission_classes = [RolePermission]
    read_roles = STAFF_ROLES
    write_roles = STAFF_ROLES
    serializer_class = serializers.CallbackSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_fields = ["status", "agent", "reason"]
    queryset = Callback.objects.order_by("created_at", "id")

    @extend_schema(request=None, responses=serializers.CallbackSerializer)
    @action(detail=True, methods=["post"])
    def claim(self, request, pk=None):
        callback = callback_claim(callback_id=self.get_object().pk, actor=request.user)
        return Response(self.get_serializer(callback).data)

    @extend_schema(request=None, responses=serializers.CallbackSerializer)
    @action(detail=True, methods=["post"])
    def complete(self, request, pk=None):
        callback = callback_complete(callback_id=self.get_object().pk, actor=request.user)
        return Response(self.get_serializer(callback).data)

    # CC-B (issue 22.2): click-to-call.
    @extend_schema(request=serializers.DialSerializer,
                   responses={201: serializers.CallSerializer, 202: serializers.CallSerializer})
    @action(detail=True, methods=["post"])
    def dial(self, request, pk=None):
        """Call the customer back: the desk rings the agent's mobile, then the customer (201);
        202 when Twilio could not take it at once and the desk retries. The agent's own or an
        unassigned callback (a manager: any), else 404; a refusal is 400 with Twilio's reason."""
        data = serializers.DialSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        target = (outbound.target_for_callback(request.user, int(pk))
                  if str(pk).isdigit() and len(str(pk)) < 19 else None)
        if target is None:
            raise NotFound()
        placed = outbound.outbound_dial(actor=request.user, target=target,
                                        number=data.validated_data.get("number") or None)
        if not placed.ok and not placed.retrying:
            raise ValidationError({"detail": placed.message, "code": "telephony_refused"})
        call = Call.objects.select_related("queue").get(pk=placed.call.pk)
        return Response(serializers.CallSerializer(call, context=self.get_serializer_context()).data,
                        status=status.HTTP_201_CREATED if placed.ok else status.HTTP_202_ACCEPTED)


class AgentStateView(generics.RetrieveUpdateAPIView):
    """The caller's own agent state: ``GET``, and ``PUT`` ``{state}`` (available, busy,
    wrap_up, offline). Becoming available takes the next waiting call at once."""

    permission_classes = [RolePermission]
    read_roles = STAFF_ROLES
    write_roles = STAFF_ROLES
    serializer_class = serializers.AgentStateSerializer
    http_method_names = ["get", "put", "head", "options"]

    def get_object(self):
        return AgentState.objects.get_or_create(user=self.request.user)[0]

    def update(self, request, *args, **kwargs):
        data = serializers.AgentStateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        state = routing.agent_set_state(user=request.user, state=data.validated_data["state"])
        return Response(serializers.AgentStateSerializer(state).data)
