"""The problem-management API: ``problems/`` with its lifecycle actions, ``known-errors/``
(with full-text ``suggest/`` and ``apply``), and ``problem-candidates/`` from the trend
sweep. Staff only: requesters never see problems (403)."""

from django.contrib.auth import get_user_model
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from core.api.filters import DjangoFilterBackend, OrderingFilter, SearchFilter
from core.api.mixins import HistoryMixin, PaginatedMixin
from core.api.services import call_service as call
from core.permissions import RolePermission
from core.roles import STAFF_ROLES
from incidents.models import Incident
from sla.selectors import SLA_PREFETCH

from .. import services
from ..models import KnownError, Problem, ProblemCandidate
from ..selectors import known_error_suggestions, problems_visible_to, problems_with_list_data
from .serializers import (
    ApplySerializer,
    CandidateAcceptSerializer,
    CandidateSerializer,
    KnownErrorSerializer,
    LinkIncidentsSerializer,
    MarkKnownErrorSerializer,
    ProblemSerializer,
    ResolveProblemSerializer,
)

User = get_user_model()




class StaffOnly(RolePermission):
    pass


class ProblemViewSet(HistoryMixin, mixins.CreateModelMixin, mixins.RetrieveModelMixin, mixins.UpdateModelMixin,
                     mixins.ListModelMixin, viewsets.GenericViewSet):
    """Problems (`PRB000045`). Create from incidents (`incidents: [ids]`) or a major incident
    (`major_incident: id`; its postmortem links back). Lifecycle actions `investigate`,
    `mark-known-error` (needs the root cause and a workaround; publishes the known error),
    `resolve` (tells the owners of its open incidents), `close`; `link-incidents`."""

    permission_classes = [StaffOnly]
    read_roles = STAFF_ROLES
    write_roles = STAFF_ROLES
    serializer_class = ProblemSerializer
    filter_backends = [DjangoFilterBackend, SearchFilter, OrderingFilter]
    filterset_fields = ["status", "priority", "owner", "team", "needs_review", "services", "cis", "incidents"]
    search_fields = ["number", "title", "description"]
    ordering_fields = ["created_at", "priority", "updated_at", "number"]
    ordering = ["-created_at", "-id"]
    queryset = Problem.objects.none()

    def get_queryset(self):
        return problems_with_list_data(problems_visible_to(self.request.user)).prefetch_related(
            "incidents", "cis", *SLA_PREFETCH)

    def _fresh(self, problem):
        return Response(self.get_serializer(self.get_queryset().get(pk=problem.pk)).data)

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        analysis = {k: data.pop(k) for k in ("root_cause", "contributing_factors", "five_whys", "workaround")
                    if k in data}
        problem = call(services.problem_create, actor=request.user, **data)
        if analysis:
            call(services.problem_update, problem=problem, actor=request.user, **analysis)
        fresh = self.get_queryset().get(pk=problem.pk)
        return Response(self.get_serializer(fresh).data, status=status.HTTP_201_CREATED)

    def update(self, request, *args, **kwargs):
        problem = self.get_object()
        serializer = self.get_serializer(problem, data=request.data, partial=kwargs.get("partial", False))
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        incidents = data.pop("incidents", None)
        data.pop("major_incident", None)
        problem = call(services.problem_update, problem=problem, actor=request.user, **data)
        if incidents is not None:
            current = set(problem.incidents.values_list("pk", flat=True))
            wanted = {i.pk for i in incidents}
            if wanted - current:
                call(services.problem_link_incidents, problem=problem, actor=request.user,
                     incidents=[i for i in incidents if i.pk not in current])
            if current - wanted:
                call(services.problem_link_incidents, problem=problem, actor=request.user, unlink=True,
                     incidents=list(Incident.objects.filter(pk__in=current - wanted)))
        return self._fresh(problem)

    @extend_schema(request=None, responses=ProblemSerializer)
    @action(detail=True, methods=["post"])
    def investigate(self, request, pk=None):
        return self._fresh(call(services.problem_investigate, problem=self.get_object(), actor=request.user))

    @extend_schema(request=MarkKnownErrorSerializer, responses=ProblemSerializer)
    @action(detail=True, methods=["post"], url_path="mark-known-error")
    def mark_known_error(self, request, pk=None):
        payload = MarkKnownErrorSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        return self._fresh(call(services.problem_mark_known_error, problem=self.get_object(), actor=request.user,
                                **payload.validated_data))

    @extend_schema(request=ResolveProblemSerializer, responses=ProblemSerializer)
    @action(detail=True, methods=["post"])
    def resolve(self, request, pk=None):
        payload = ResolveProblemSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        return self._fresh(call(services.problem_resolve, problem=self.get_object(), actor=request.user,
                                resolution=payload.validated_data["resolution"]))

    @extend_schema(request=None, responses=ProblemSerializer)
    @action(detail=True, methods=["post"])
    def close(self, request, pk=None):
        return self._fresh(call(services.problem_close, problem=self.get_object(), actor=request.user))

    @extend_schema(request=LinkIncidentsSerializer, responses=ProblemSerializer)
    @action(detail=True, methods=["post"], url_path="link-incidents")
    def link_incidents(self, request, pk=None):
        payload = LinkIncidentsSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        return self._fresh(call(services.problem_link_incidents, problem=self.get_object(), actor=request.user,
                                incidents=payload.validated_data["incidents"],
                                unlink=payload.validated_data.get("unlink", False)))

    @extend_schema(request=None, responses=ProblemSerializer)
    @action(detail=True, methods=["post"], url_path="acknowledge-review")
    def acknowledge_review(self, request, pk=None):
        return self._fresh(call(services.problem_acknowledge_review, problem=self.get_object(), actor=request.user))


class KnownErrorViewSet(PaginatedMixin, HistoryMixin, viewsets.ModelViewSet):
    """Known errors with workarounds. `?search=` is full-text (ranked); `suggest/?text=&service=&ci=`
    gives the published ones that match an incident, best first; `apply` `{incident}` records
    the workaround on the incident and counts it."""

    permission_classes = [StaffOnly]
    read_roles = STAFF_ROLES
    write_roles = STAFF_ROLES
    serializer_class = KnownErrorSerializer
    filter_backends = [DjangoFilterBackend, OrderingFilter]
    filterset_fields = ["status", "problem", "services", "cis"]
    ordering_fields = ["applied_count", "created_at", "title"]
    queryset = KnownError.objects.none()

    def get_queryset(self):
        return KnownError.objects.prefetch_related("services", "cis").order_by("-applied_count", "title", "id")

    def list(self, request, *args, **kwargs):
        text = request.query_params.get("search", "").strip()
        if not text:
            return super().list(request, *args, **kwargs)
        found = known_error_suggestions(text=text, limit=50, include_drafts=True)
        wanted = self.filter_queryset(self.get_queryset()).filter(pk__in=[k.pk for k in found])
        by_pk = {k.pk: k for k in wanted}
        ordered = [by_pk[k.pk] for k in found if k.pk in by_pk]
        page = self.paginate_queryset(ordered)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        svcs, cis = data.pop("services", None), data.pop("cis", None)
        serializer.instance = call(services.known_error_save, actor=self.request.user, services=svcs, cis=cis,
                                   **data)

    def perform_update(self, serializer):
        data = dict(serializer.validated_data)
        svcs, cis = data.pop("services", None), data.pop("cis", None)
        serializer.instance = call(services.known_error_save, actor=self.request.user,
                                   known_error=serializer.instance, services=svcs, cis=cis, **data)

    @extend_schema(parameters=[OpenApiParameter("text", str, required=True), OpenApiParameter("service", int),
                               OpenApiParameter("ci", int)], responses=KnownErrorSerializer(many=True))
    @action(detail=False, methods=["get"])
    def suggest(self, request):
        params = request.query_params
        ids = {}
        for name in ("service", "ci"):
            value = params.get(name, "")
            if value and not value.isdigit():
                raise ValidationError({name: [f"Give a {name} id."]})
            ids[name] = int(value) if value else None
        found = known_error_suggestions(text=params.get("text", ""), service_id=ids["service"], ci_id=ids["ci"])
        return self.paginated(found, KnownErrorSerializer, context=self.get_serializer_context())

    @extend_schema(request=ApplySerializer, responses={201: ApplySerializer})
    @action(detail=True, methods=["post"])
    def apply(self, request, pk=None):
        payload = ApplySerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        application = call(services.known_error_apply, known_error=self.get_object(),
                           incident=payload.validated_data["incident"], actor=request.user)
        return Response(ApplySerializer(application).data, status=status.HTTP_201_CREATED)


class ProblemCandidateViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Clusters of recurring incidents proposed by the trend sweep: `accept` opens a problem
    with them, `dismiss` sets the proposal aside (it comes back only with newer incidents)."""

    permission_classes = [StaffOnly]
    read_roles = STAFF_ROLES
    write_roles = STAFF_ROLES
    serializer_class = CandidateSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_fields = ["status", "service", "ci"]
    queryset = ProblemCandidate.objects.prefetch_related("incidents").order_by("-incident_count", "-last_seen")

    @extend_schema(request=CandidateAcceptSerializer, responses={201: ProblemSerializer})
    @action(detail=True, methods=["post"])
    def accept(self, request, pk=None):
        payload = CandidateAcceptSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        problem = call(services.candidate_accept, candidate=self.get_object(), actor=request.user,
                       title=payload.validated_data.get("title", ""))
        fresh = problems_with_list_data().prefetch_related("incidents", "cis").get(pk=problem.pk)
        return Response(ProblemSerializer(fresh, context=self.get_serializer_context()).data,
                        status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses=CandidateSerializer)
    @action(detail=True, methods=["post"])
    def dismiss(self, request, pk=None):
        candidate = call(services.candidate_dismiss, candidate=self.get_object(), actor=request.user)
        return Response(self.get_serializer(self.get_queryset().get(pk=candidate.pk)).data)

