from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import prefetch_related_objects
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from core.api.filters import DjangoFilterBackend, OrderingFilter, SearchFilter
from core.api.mixins import HistoryMixin, PaginatedMixin
from core.api.parsers import JSONParser
from core.api.services import call_service as call
from core.api.services import drf_validation_error as _drf
from core.permissions import RolePermission, refuse_unless_visible
from core.roles import STAFF_ROLES, Role, is_staff_member
from sla.selectors import SLA_PREFETCH

from .. import services
from ..choices import NoteVisibility
from ..filtersets import IncidentFilterSet
from ..models import Incident, PriorityMatrix
from ..selectors import incidents_visible_to, major_incidents_with_list_data, notes_visible_to, page_timers
from ..services import suspected
from . import serializers
from .list_rows import ListRows
from .major.serializers import DeclareSerializer, FlagMajorSerializer, MajorIncidentSerializer, SpikeAlertSerializer


def _clocks_loaded(incident) -> bool:
    """Whether the incident carries what ``SLA_PREFETCH`` reads: its timers, their calendars'
    hours and holidays (walking the prefetch again costs ~0.2 ms of CPU per create)."""
    timers = getattr(incident, "_prefetched_objects_cache", {}).get("sla_timers")
    if timers is None or timers._result_cache is None:
        return False
    for timer in timers._result_cache:
        if timer.calendar_id is None:
            continue
        calendar = timer._state.fields_cache.get("calendar")
        cached = getattr(calendar, "_prefetched_objects_cache", {})
        if calendar is None or "hours" not in cached or "holidays" not in cached:
            return False
    return True


class IncidentPermission(IsAuthenticated):
    """Everyone signed in reads (their own, for requesters), reports and comments; staff edit
    and act."""

    message = "Only service desk staff can do this."

    def has_permission(self, request, view) -> bool:
        if not super().has_permission(request, view):
            return False
        if request.method in ("GET", "HEAD", "OPTIONS") or view.action in ("create", "notes", "attachments"):
            return True
        # Everyone reads: an incident the caller does not see answers 404, not this refusal.
        return is_staff_member(request.user) or refuse_unless_visible(request, view)


class StableOrderingFilter(OrderingFilter):
    """Ties (many incidents share a priority) are broken by creation time and id in the
    direction of the first key, so pages never overlap."""

    def get_ordering(self, request, queryset, view):
        ordering = super().get_ordering(request, queryset, view)
        if not ordering:
            return ordering
        keys = [key.lstrip("-") for key in ordering]
        sign = "-" if ordering[0].startswith("-") else ""
        return [*ordering, *(f"{sign}{key}" for key in ("created_at", "id") if key not in keys)]


class IncidentViewSet(PaginatedMixin, HistoryMixin, mixins.CreateModelMixin, mixins.RetrieveModelMixin,
                      mixins.UpdateModelMixin, mixins.ListModelMixin, viewsets.GenericViewSet):
    """Incidents. Lifecycle changes are actions (`assign`, `start`, `hold`, `resume`, `resolve`,
    `close`, `reopen`, `link`); a disallowed one or a lost race answers 409 with the current
    status. `assignee=me` filters the caller's own."""

    permission_classes = [IncidentPermission]
    serializer_class = serializers.IncidentSerializer
    filterset_class = IncidentFilterSet
    filter_backends = [DjangoFilterBackend, SearchFilter, StableOrderingFilter]
    search_fields = ["number", "title", "description"]
    ordering_fields = ["created_at", "priority", "updated_at", "number", "status", "resolved_at"]
    ordering = ["-created_at", "-id"]
    queryset = Incident.objects.none()  # for the schema; get_queryset() narrows by user

    def get_queryset(self):
        # The representation names related records by id: no joins, only the clocks (a list
        # reads its page's clocks in paginate_queryset).
        qs = incidents_visible_to(self.request.user)
        return qs if self._page_clocks() else qs.prefetch_related(*SLA_PREFETCH)

    def _page_clocks(self) -> bool:
        return self.action == "list" and self.paginator is not None

    def list(self, request, *args, **kwargs):
        # The serializer's rows without a serializer per row (list_rows.ListRows: the same
        # JSON, its fields compiled once a request); the schema still shows the serializer.
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        if page is None:
            return super().list(request, *args, **kwargs)
        return self.get_paginated_response(ListRows(self.get_serializer())(page))

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        if page is not None and self._page_clocks():
            timers = page_timers(page)  # the queries of SLA_PREFETCH, without a queryset per row
            for incident in page:
                incident.page_timers = serializers.PageTimers(timers.get(incident.pk, ()))
        return page

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        try:
            serializer.instance = services.incident_create(actor=self.request.user, **data)
        except DjangoValidationError as exc:
            raise _drf(exc) from exc
        if not _clocks_loaded(serializer.instance):  # usually they are: the timers it just started
            prefetch_related_objects([serializer.instance], *SLA_PREFETCH)

    def perform_update(self, serializer):
        try:
            serializer.instance = services.incident_update(incident=serializer.instance, actor=self.request.user,
                                                           **serializer.validated_data)
        except DjangoValidationError as exc:
            raise _drf(exc) from exc
        prefetch_related_objects([serializer.instance], *SLA_PREFETCH)

    def _act(self, request, service, input_serializer=None, **fixed):
        incident = self.get_object()
        params = {}
        if input_serializer is not None:
            payload = input_serializer(data=request.data)
            payload.is_valid(raise_exception=True)
            params = dict(payload.validated_data)
        try:
            service(incident=incident, actor=request.user, **params, **fixed)
        except DjangoValidationError as exc:
            raise _drf(exc) from exc
        except DjangoPermissionDenied as exc:
            raise PermissionDenied(str(exc)) from exc
        fresh = self.get_queryset().get(pk=incident.pk)
        return Response(self.get_serializer(fresh).data)

    @extend_schema(request=serializers.AssignSerializer, responses=serializers.IncidentSerializer)
    @action(detail=True, methods=["post"])
    def assign(self, request, pk=None):
        return self._act(request, services.incident_assign, serializers.AssignSerializer)

    @extend_schema(request=None, responses=serializers.IncidentSerializer)
    @action(detail=True, methods=["post"])
    def start(self, request, pk=None):
        return self._act(request, services.incident_start)

    @extend_schema(request=serializers.HoldSerializer, responses=serializers.IncidentSerializer)
    @action(detail=True, methods=["post"])
    def hold(self, request, pk=None):
        return self._act(request, services.incident_hold, serializers.HoldSerializer)

    @extend_schema(request=None, responses=serializers.IncidentSerializer)
    @action(detail=True, methods=["post"])
    def resume(self, request, pk=None):
        return self._act(request, services.incident_resume)

    @extend_schema(request=serializers.ResolveSerializer, responses=serializers.IncidentSerializer)
    @action(detail=True, methods=["post"])
    def resolve(self, request, pk=None):
        return self._act(request, services.incident_resolve, serializers.ResolveSerializer)

    @extend_schema(request=None, responses=serializers.IncidentSerializer)
    @action(detail=True, methods=["post"])
    def close(self, request, pk=None):
        return self._act(request, services.incident_close)

    @extend_schema(request=serializers.ReopenSerializer, responses=serializers.IncidentSerializer)
    @action(detail=True, methods=["post"])
    def reopen(self, request, pk=None):
        return self._act(request, services.incident_reopen, serializers.ReopenSerializer)

    @extend_schema(request=serializers.LinkSerializer, responses=serializers.IncidentSerializer)
    @action(detail=True, methods=["post"])
    def link(self, request, pk=None):
        payload = serializers.LinkSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        parent = payload.validated_data["parent"]
        if parent is not None and not incidents_visible_to(request.user).filter(pk=parent.pk).exists():
            raise ValidationError({"parent": ["No such incident."]})
        return self._act(request, services.incident_link, parent=parent)

    @extend_schema(request=DeclareSerializer, responses={201: MajorIncidentSerializer})
    @action(detail=True, methods=["post"], url_path="declare-major")
    def declare_major(self, request, pk=None):
        """Declare a major incident with this incident as the master (managers, and agents
        holding the `declare_majorincident` permission). 409 if it is already major, closed or
        resolved, or linked under another master."""
        incident = self.get_object()
        payload = DeclareSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        major = call(services.major_incident_declare, incident=incident, actor=request.user,
                     **payload.validated_data)
        fresh = major_incidents_with_list_data().get(pk=major.pk)
        return Response(MajorIncidentSerializer(fresh, context=self.get_serializer_context()).data,
                        status=status.HTTP_201_CREATED)

    @extend_schema(request=FlagMajorSerializer, responses={201: SpikeAlertSerializer})
    @action(detail=True, methods=["post"], url_path="flag-major")
    def flag_major(self, request, pk=None):
        """Any agent: flag a suspected major incident `{reason}`, a proposal (a spike alert
        with no rule) the duty manager declares or dismisses (`spike-alerts/<id>/declare/`).
        201 with the proposal (the open one if it was already flagged)."""
        payload = FlagMajorSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        alert = call(suspected.incident_flag_major, incident=self.get_object(), actor=request.user,
                     reason=payload.validated_data["reason"])
        return Response(SpikeAlertSerializer(alert).data, status=status.HTTP_201_CREATED)

    @extend_schema(responses=serializers.IncidentBriefSerializer(many=True))
    @action(detail=True, methods=["get"])
    def children(self, request, pk=None):
        incident = self.get_object()
        page = self.paginate_queryset(incident.children.order_by("id"))
        return self.get_paginated_response(serializers.IncidentBriefSerializer(page, many=True).data)

    @extend_schema(methods=["get"], responses=serializers.NoteSerializer(many=True))
    @extend_schema(methods=["post"], request=serializers.NoteSerializer, responses={201: serializers.NoteSerializer})
    @action(detail=True, methods=["get", "post"])
    def notes(self, request, pk=None):
        """Work notes (internal, staff only) and comments (public). Requesters see and write
        comments only."""
        incident = self.get_object()
        if request.method == "GET":
            page = self.paginate_queryset(notes_visible_to(request.user, incident))
            return self.get_paginated_response(serializers.NoteSerializer(page, many=True).data)
        payload = serializers.NoteSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        # Who may write which kind is the service's rule: a requester asking for an internal
        # note is its PermissionDenied (403); one who does not say writes a comment.
        visibility = payload.validated_data["visibility"] if "visibility" in request.data else None
        try:
            note = services.incident_add_note(incident=incident, actor=request.user,
                                              body=payload.validated_data["body"], visibility=visibility)
        except DjangoValidationError as exc:
            raise _drf(exc) from exc
        return Response(serializers.NoteSerializer(note).data, status=status.HTTP_201_CREATED)

    @extend_schema(methods=["get"], responses=serializers.AttachmentSerializer(many=True))
    @extend_schema(methods=["post"], request={"multipart/form-data": serializers.AttachmentSerializer},
                   responses={201: serializers.AttachmentSerializer})
    @action(detail=True, methods=["get", "post"], parser_classes=[MultiPartParser, FormParser, JSONParser])
    def attachments(self, request, pk=None):
        incident = self.get_object()
        if request.method == "GET":
            qs = incident.attachments.all()
            if not is_staff_member(request.user):
                qs = qs.filter(visibility=NoteVisibility.PUBLIC)
            return self.paginated(qs.order_by("created_at", "id"), serializers.AttachmentSerializer)
        payload = serializers.AttachmentSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        try:
            attachment = services.incident_attach(
                incident=incident, actor=request.user, upload=payload.validated_data["file"],
                visibility=payload.validated_data.get("visibility", NoteVisibility.INTERNAL))
        except DjangoValidationError as exc:
            raise _drf(exc) from exc
        return Response(serializers.AttachmentSerializer(attachment).data, status=status.HTTP_201_CREATED)




class PriorityMatrixViewSet(HistoryMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin,
                            mixins.UpdateModelMixin, viewsets.GenericViewSet):
    """The impact × urgency → priority matrix: everyone on the desk reads it, admins change
    cells (new incidents use the new cell; existing ones keep their priority until edited)."""

    permission_classes = [RolePermission]
    read_roles = STAFF_ROLES
    write_roles = frozenset({Role.ADMIN})
    serializer_class = serializers.PriorityCellSerializer

    def get_queryset(self):
        return PriorityMatrix.objects.order_by("impact", "urgency")
