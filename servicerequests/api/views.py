"""The service-request API: ``catalog-items/``, ``requests/`` (order, approve, reject,
close, cancel, comments, ``tasks/<task id>/`` with ``complete``) and ``request-tasks/`` (the
fulfilment queues). Requesters see the items they may order and their own requests (and those
they are asked to approve)."""

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from core.api.filters import DjangoFilterBackend, OrderingFilter, SearchFilter
from core.api.mixins import HistoryMixin, PaginatedMixin
from core.api.services import call_service as call
from core.errors import InvalidTransitionError
from core.permissions import RolePermission
from core.roles import STAFF_ROLES, Role, is_staff_member
from sla.selectors import SLA_PREFETCH

from .. import services
from ..models import CatalogItem, FulfilmentTask, ServiceRequest
from ..selectors import orderable_items, request_available_actions, requests_visible_to
from . import serializers


class CatalogItemViewSet(HistoryMixin, viewsets.ModelViewSet):
    """What can be ordered. Everyone signed in reads the items they may order (staff: all);
    managers and admins define them."""

    permission_classes = [RolePermission]
    read_roles = frozenset({"authenticated"})
    write_roles = frozenset({Role.MANAGER, Role.ADMIN})
    serializer_class = serializers.CatalogItemSerializer
    filter_backends = [DjangoFilterBackend, SearchFilter]
    filterset_fields = ["category", "is_active"]
    search_fields = ["name", "description", "category"]
    queryset = CatalogItem.objects.none()

    def get_queryset(self):
        items = CatalogItem.objects.prefetch_related("teams").order_by("category", "name")
        user = self.request.user
        if is_staff_member(user):
            return items
        return items.filter(pk__in=[item.pk for item in orderable_items(user)])

    def perform_create(self, serializer):
        self._check(serializer.validated_data)
        serializer.save()

    def perform_update(self, serializer):
        self._check({**{f: getattr(serializer.instance, f) for f in ("form", "approvals", "tasks")},
                     **serializer.validated_data})
        serializer.save()

    def _check(self, data):
        call(services.catalog_item_check, form=data.get("form", []), approvals=data.get("approvals", []),
             tasks=data.get("tasks", []))


class ServiceRequestViewSet(PaginatedMixin, HistoryMixin, mixins.CreateModelMixin, mixins.RetrieveModelMixin,
                            mixins.ListModelMixin, viewsets.GenericViewSet):
    """Service requests (`REQ000089`). `POST` orders an item `{catalog_item, requested_for?,
    answers}` (answers checked against the item's form: 400 `{"answers": {field: [..]}}`).
    Actions: `approve`/`reject` `{comment}` (the current level's approvers), `fulfil` (starts
    fulfilment of an approved request; approval of the last level does it at once), `close`
    (after fulfilment), `cancel` (until fulfilment starts); `comments/`; `tasks/<task id>/` and its
    `complete` `{note}` (staff; the same as `request-tasks/<id>/complete/`)."""

    permission_classes = [IsAuthenticated]
    serializer_class = serializers.CatalogRequestSerializer
    filter_backends = [DjangoFilterBackend, SearchFilter, OrderingFilter]
    filterset_fields = ["status", "catalog_item", "requested_by", "requested_for"]
    search_fields = ["number", "catalog_item__name"]
    ordering_fields = ["created_at", "number", "status"]
    ordering = ["-created_at", "-id"]
    queryset = ServiceRequest.objects.none()

    def get_queryset(self):
        return (requests_visible_to(self.request.user).select_related("catalog_item")
                .prefetch_related("approvals", "tasks", *SLA_PREFETCH))

    def _fresh(self, request_obj, code=status.HTTP_200_OK):
        return Response(self.get_serializer(self.get_queryset().get(pk=request_obj.pk)).data, status=code)

    def create(self, request, *args, **kwargs):
        payload = self.get_serializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        call(services.request_levels_check, actor=request.user, impact=data.get("impact"), urgency=data.get("urgency"))
        created = call(services.request_submit, errors_under="answers", item=data["catalog_item"],
                       actor=request.user, answers=data.get("answers") or {},
                       requested_for=data.get("requested_for"), impact=data.get("impact"),
                       urgency=data.get("urgency"))
        return self._fresh(created, status.HTTP_201_CREATED)

    @extend_schema(request=serializers.PrioritiseSerializer, responses=serializers.CatalogRequestSerializer)
    @action(detail=True, methods=["post"])
    def prioritise(self, request, pk=None):
        """Staff set `{impact, urgency}`: the priority follows the incidents' matrix and the
        SLA is re-targeted."""
        target = self.get_object()  # 404 for a request the caller may not see, before the body is read
        payload = serializers.PrioritiseSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        return self._fresh(call(services.request_prioritise, request=target, actor=request.user,
                                impact=payload.validated_data["impact"],
                                urgency=payload.validated_data["urgency"]))

    def _decide(self, request, approve: bool):
        payload = serializers.DecisionSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        decided = call(services.request_decide, request=self.get_object(), actor=request.user, approve=approve,
                       comment=payload.validated_data.get("comment", ""))
        return self._fresh(decided)

    @extend_schema(request=serializers.DecisionSerializer, responses=serializers.CatalogRequestSerializer)
    @action(detail=True, methods=["post"])
    def approve(self, request, pk=None):
        return self._decide(request, True)

    @extend_schema(request=serializers.DecisionSerializer, responses=serializers.CatalogRequestSerializer)
    @action(detail=True, methods=["post"])
    def reject(self, request, pk=None):
        return self._decide(request, False)

    @extend_schema(request=None, responses=serializers.CatalogRequestSerializer)
    @action(detail=True, methods=["post"])
    def fulfil(self, request, pk=None):
        """Fulfilment starts by itself when the last approval is given; this answers 409
        unless the request is approved and not yet being fulfilled."""
        obj = self.get_object()
        if "fulfil" not in request_available_actions(request.user, obj):
            raise InvalidTransitionError(f"{obj.number} is {obj.get_status_display().lower()}: fulfilment starts "
                                         "on approval.", obj.status)
        return self._fresh(obj)

    @extend_schema(request=None, responses=serializers.CatalogRequestSerializer)
    @action(detail=True, methods=["post"])
    def close(self, request, pk=None):
        return self._fresh(call(services.request_close, request=self.get_object(), actor=request.user))

    @extend_schema(request=serializers.DecisionSerializer, responses=serializers.CatalogRequestSerializer)
    @action(detail=True, methods=["post"])
    def cancel(self, request, pk=None):
        payload = serializers.DecisionSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        return self._fresh(call(services.request_cancel, request=self.get_object(), actor=request.user,
                                reason=payload.validated_data.get("comment", "")))

    @extend_schema(methods=["get"], responses=serializers.CommentSerializer(many=True))
    @extend_schema(methods=["post"], request=serializers.CommentSerializer,
                   responses={201: serializers.CommentSerializer})
    @action(detail=True, methods=["get", "post"])
    def comments(self, request, pk=None):
        obj = self.get_object()
        if request.method == "GET":
            return self.paginated(obj.comments.order_by("created_at", "id"), serializers.CommentSerializer)
        payload = serializers.CommentSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        comment = call(services.request_comment, request=obj, actor=request.user,
                       body=payload.validated_data["body"])
        return Response(serializers.CommentSerializer(comment).data, status=status.HTTP_201_CREATED)

    def _task(self, task_id) -> FulfilmentTask:
        """A task of this request (404 for a request the caller may not see, or a task of another)."""
        task = self.get_object().tasks.filter(pk=task_id).first()
        if task is None:
            raise NotFound("No such task.")
        return task

    @extend_schema(responses=serializers.TaskSerializer)
    @action(detail=True, methods=["get"], url_path=r"tasks/(?P<task_id>[0-9]+)", url_name="tasks-detail")
    def task(self, request, pk=None, task_id=None):
        """One of the request's fulfilment tasks."""
        return Response(serializers.TaskSerializer(self._task(task_id)).data)

    @extend_schema(request=serializers.TaskCompleteSerializer, responses=serializers.TaskSerializer)
    @action(detail=True, methods=["post"], url_path=r"tasks/(?P<task_id>[0-9]+)/complete",
            url_name="tasks-complete")
    def complete_task(self, request, pk=None, task_id=None):
        """Complete one of the request's fulfilment tasks `{note}` (staff), as `request-tasks/<id>/complete/`."""
        return _complete(request, self._task(task_id))


def _complete(request, task: FulfilmentTask) -> Response:
    payload = serializers.TaskCompleteSerializer(data=request.data)
    payload.is_valid(raise_exception=True)
    task = call(services.task_complete, task=task, actor=request.user, note=payload.validated_data.get("note", ""))
    return Response(serializers.TaskSerializer(task).data)


class FulfilmentTaskViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Fulfilment tasks: the team queues (`?team=&status=open`); `take` and `complete` `{note}`."""

    permission_classes = [RolePermission]
    read_roles = STAFF_ROLES
    write_roles = STAFF_ROLES
    serializer_class = serializers.TaskSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_fields = ["team", "status", "assignee", "request"]
    queryset = FulfilmentTask.objects.select_related("request").order_by("opened_at", "id")

    @extend_schema(request=None, responses=serializers.TaskSerializer)
    @action(detail=True, methods=["post"])
    def take(self, request, pk=None):
        return Response(self.get_serializer(call(services.task_take, task=self.get_object(),
                                                 actor=request.user)).data)

    @extend_schema(request=serializers.TaskCompleteSerializer, responses=serializers.TaskSerializer)
    @action(detail=True, methods=["post"])
    def complete(self, request, pk=None):
        return _complete(request, self.get_object())
