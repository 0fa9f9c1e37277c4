"""The change-management API: ``changes/`` (RFCs with their lifecycle actions and
``votes/``), ``change-models/``, ``cab-boards/``, ``blackout-windows/``, ``cab-meetings/``,
``change-schedule/`` and ``changes/metrics/``. Every write calls ``changes.services``."""

from datetime import timedelta

from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import fields, mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.filters import DjangoFilterBackend, OrderingFilter, SearchFilter
from core.api.mixins import HistoryMixin, PaginatedMixin
from core.api.periods import parse_period
from core.api.services import call_service as call
from core.permissions import RolePermission
from core.roles import STAFF_ROLES, Role

from .. import services
from ..models import BlackoutWindow, CABBoard, CABMeeting, ChangeModel, ChangeProposal, EvaluationReport, Release
from ..selectors import (
    change_policy,
    changes_for_the_api,
    changes_visible_to,
    changes_with_list_data,
    ci_updates_of,
    forward_schedule,
    proposals_visible_to,
    raci_of,
    releases_visible_to,
    releases_with_list_data,
    under_change_control,
)
from . import serializers

CHANGE_ADMINS = frozenset({Role.CHANGE_MANAGER, Role.ADMIN})


def _outage(data) -> dict:
    """``outage`` in a request body: {start, end, services} or null."""
    if "outage" not in data:
        return {}
    if data["outage"] is None:
        return {"outage_start": None, "outage_end": None, "outage_services": []}
    payload = serializers.OutageSerializer(data=data["outage"])
    if not payload.is_valid():
        raise ValidationError({"outage": payload.errors})
    value = payload.validated_data
    return {"outage_start": value["start"], "outage_end": value["end"],
            "outage_services": value.get("services", [])}


class ChangeViewSet(PaginatedMixin, HistoryMixin, mixins.CreateModelMixin, mixins.RetrieveModelMixin,
                    mixins.UpdateModelMixin, mixins.ListModelMixin, viewsets.GenericViewSet):
    """Requests for change. Created as drafts; `submit` checks the RFC template (400 with what
    is missing); `assess` (change manager) sets risk/impact/category and the approval route;
    `send-to-cab`; `authorize` (change manager for minor changes, IT management after the CAB
    for major ones); the CAB/ECAB decide by `votes/`; `schedule` (409 in a blackout unless
    emergency; conflicts returned); `implement` (409 before `planned_start` unless
    emergency); `complete` `{outcome}`; `review` `{notes}`; `close`; `reject`; `cancel`."""

    permission_classes = [RolePermission]
    read_roles = STAFF_ROLES
    write_roles = STAFF_ROLES
    serializer_class = serializers.ChangeSerializer
    filter_backends = [DjangoFilterBackend, SearchFilter, OrderingFilter]
    filterset_fields = ["status", "type", "category", "services", "cis", "approval_stage", "model", "assignee"]
    search_fields = ["number", "title", "description"]
    ordering_fields = ["created_at", "planned_start", "number", "updated_at"]
    ordering = ["-created_at", "-id"]
    queryset = changes_with_list_data().none()

    #: What reads the change with what its answer shows; the other actions (``update`` and
    #: ``partial_update`` too) load the bare change to act on it (a refused action never pays
    #: for the prefetches) and answer with :meth:`_fresh`, which reads it again with them.
    SERIALIZED_ACTIONS = frozenset({"list", "retrieve", "create", "metadata", None})

    def get_queryset(self):
        visible = changes_visible_to(self.request.user)
        if self.action not in self.SERIALIZED_ACTIONS:
            return visible
        return changes_for_the_api(visible)

    def _fresh(self, change, **extra):
        body = self.get_serializer(changes_for_the_api(changes_visible_to(self.request.user)).get(pk=change.pk)).data
        return Response({**body, **extra})

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        change = call(services.change_create, actor=request.user, **serializer.validated_data,
                      **_outage(request.data))
        body = self.get_serializer(changes_for_the_api(changes_visible_to(request.user)).get(pk=change.pk)).data
        return Response(body, status=status.HTTP_201_CREATED)

    def update(self, request, *args, **kwargs):
        change = self.get_object()
        serializer = self.get_serializer(change, data=request.data, partial=kwargs.get("partial", False))
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        data.pop("model", None)
        if "proposal" in data and data.pop("proposal") != change.proposal:
            raise ValidationError({"proposal": ["The proposal is set when the RFC is raised."]})
        change = call(services.change_update, change=change, actor=request.user, **data, **_outage(request.data))
        return self._fresh(change)

    def _act(self, request, service, payload_class=None, **fixed):
        params = {}
        if payload_class is not None:
            payload = payload_class(data=request.data)
            payload.is_valid(raise_exception=True)
            params = dict(payload.validated_data)
        result = call(service, change=self.get_object(), actor=request.user, **params, **fixed)
        return self._fresh(result)

    @extend_schema(request=None, responses=serializers.ChangeSerializer)
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        return self._act(request, services.change_submit)

    @extend_schema(request=serializers.AssessSerializer, responses=serializers.ChangeSerializer)
    @action(detail=True, methods=["post"])
    def assess(self, request, pk=None):
        return self._act(request, services.change_assess, serializers.AssessSerializer)

    @extend_schema(request=None, responses=serializers.ChangeSerializer)
    @action(detail=True, methods=["post"], url_path="send-to-cab")
    def send_to_cab(self, request, pk=None):
        return self._act(request, services.change_send_to_cab)

    @extend_schema(request=None, responses=serializers.ChangeSerializer)
    @action(detail=True, methods=["post"])
    def authorize(self, request, pk=None):
        return self._act(request, services.change_authorize)

    @extend_schema(request=serializers.ScheduleSerializer, responses=serializers.ChangeSerializer)
    @action(detail=True, methods=["post"])
    def schedule(self, request, pk=None):
        """Schedule (or move) an authorised change. The answer carries `conflicts`: the other
        changes overlapping it on the same service, CI or connected CIs."""
        payload = serializers.ScheduleSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = dict(payload.validated_data)
        outage = _outage(request.data)
        change, conflicts = call(services.change_schedule, change=self.get_object(), actor=request.user,
                                 planned_start=data.get("planned_start"), planned_end=data.get("planned_end"),
                                 outage_start=outage.get("outage_start"), outage_end=outage.get("outage_end"),
                                 outage_services=outage.get("outage_services"))
        return self._fresh(change, conflicts=conflicts)

    @extend_schema(request=None, responses=serializers.ChangeSerializer)
    @action(detail=True, methods=["post"])
    def implement(self, request, pk=None):
        return self._act(request, services.change_implement)

    @extend_schema(request=None, responses=serializers.ChangeSerializer)
    @action(detail=True, methods=["post"], url_path="authorize-deployment")
    def authorize_deployment(self, request, pk=None):
        """The deployment authorisation (change manager): the gate before `implement` for the
        changes that need it by their change model or category (the change policy)."""
        return self._act(request, services.change_authorize_deployment)

    @extend_schema(methods=["get"], responses=serializers.ChangeCIUpdateSerializer(many=True))
    @extend_schema(methods=["post"], request=serializers.ChangeCIUpdateSerializer,
                   responses={201: serializers.ChangeCIUpdateSerializer})
    @action(detail=True, methods=["get", "post"])
    def cmdb(self, request, pk=None):
        """What the change sets on each CI: `POST {ci, attributes: {status, description, location,
        ci_type, service, owner_team}, relations: [{op: add/remove, kind, target}], apply_on:
        implement/complete}` (again for the same CI: replaced; 409 once implemented). Applied to
        the CIs when the change is implemented or completes, restored when it is backed out."""
        change = self.get_object()
        if request.method == "GET":
            return self.paginated(ci_updates_of(change), serializers.ChangeCIUpdateSerializer)
        payload = serializers.ChangeCIUpdateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        update = call(services.change_set_ci_update, change=change, actor=request.user, ci=data["ci"],
                      attributes=data.get("attributes", {}), relations=data.get("relations", []),
                      apply_on=data["apply_on"])
        return Response(serializers.ChangeCIUpdateSerializer(update).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=serializers.CIRefSerializer, responses=serializers.ChangeSerializer)
    @action(detail=True, methods=["post"], url_path="cmdb/remove")
    def cmdb_remove(self, request, pk=None):
        payload = serializers.CIRefSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        return self._fresh(call(services.change_remove_ci_update, change=self.get_object(), actor=request.user,
                                ci=payload.validated_data["ci"]))

    @extend_schema(methods=["get"], responses={200: serializers.ChangeEvaluationSerializer})
    @extend_schema(methods=["put"], request=serializers.ChangeEvaluationSerializer,
                   responses={200: serializers.ChangeEvaluationSerializer})
    @action(detail=True, methods=["get", "put"])
    def evaluation(self, request, pk=None):
        """The evaluation report (risk, cost, capacity, security, recommendation go/no_go,
        summary): `PUT` by the change manager before the CAB decides; 404 while there is none."""
        change = self.get_object()
        if request.method == "GET":
            report = EvaluationReport.objects.filter(change=change).first()
            if report is None:
                raise NotFound("This change has no evaluation report.")
            return Response(serializers.ChangeEvaluationSerializer(report).data)
        payload = serializers.ChangeEvaluationSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        report = call(services.change_evaluate, change=change, actor=request.user, **payload.validated_data)
        return Response(serializers.ChangeEvaluationSerializer(report).data)

    @extend_schema(responses=inline_serializer("ChangeRaci", many=True, fields={
        "step": fields.CharField(), "label": fields.CharField(),
        "R": fields.ListField(child=fields.CharField()), "A": fields.ListField(child=fields.CharField()),
        "C": fields.ListField(child=fields.CharField()), "I": fields.ListField(child=fields.CharField())}))
    @action(detail=True, methods=["get"])
    def raci(self, request, pk=None):
        """Who is responsible, accountable, consulted and informed for each step (its change
        model's RACI, else the default one)."""
        return self.paginated(raci_of(self.get_object()))

    @extend_schema(request=serializers.CompleteSerializer, responses=serializers.ChangeSerializer)
    @action(detail=True, methods=["post"])
    def complete(self, request, pk=None):
        return self._act(request, services.change_complete, serializers.CompleteSerializer)

    @extend_schema(request=serializers.ReviewSerializer, responses=serializers.ChangeSerializer)
    @action(detail=True, methods=["post"])
    def review(self, request, pk=None):
        return self._act(request, services.change_review, serializers.ReviewSerializer)

    @extend_schema(request=None, responses=serializers.ChangeSerializer)
    @action(detail=True, methods=["post"])
    def close(self, request, pk=None):
        return self._act(request, services.change_close)

    @extend_schema(request=serializers.ReasonSerializer, responses=serializers.ChangeSerializer)
    @action(detail=True, methods=["post"])
    def reject(self, request, pk=None):
        payload = serializers.ReasonSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        return self._fresh(call(services.change_reject, change=self.get_object(), actor=request.user,
                                reason=payload.validated_data.get("reason", "")))

    @extend_schema(request=serializers.ReasonSerializer, responses=serializers.ChangeSerializer)
    @action(detail=True, methods=["post"])
    def cancel(self, request, pk=None):
        return self._act(request, services.change_cancel, serializers.ReasonSerializer)

    @extend_schema(request=serializers.ChangeLinkSerializer, responses=serializers.ChangeSerializer)
    @action(detail=True, methods=["post"])
    def link(self, request, pk=None):
        """Link the incidents and problems it resolves, or the incidents it caused."""
        return self._act(request, services.change_link, serializers.ChangeLinkSerializer)

    @extend_schema(methods=["get"], responses=serializers.VoteSerializer(many=True))
    @extend_schema(methods=["post"], request=serializers.VoteSerializer, responses={201: serializers.VoteSerializer})
    @action(detail=True, methods=["get", "post"])
    def votes(self, request, pk=None):
        """The board's votes. `POST {decision: approve/reject/abstain, comment}` votes as the
        caller (members of the change's board only; voting again replaces your vote); the
        decision is taken the moment the board's rule is met."""
        change = self.get_object()
        if request.method == "GET":
            return self.paginated(change.votes.order_by("created_at", "id"), serializers.VoteSerializer)
        payload = serializers.VoteSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        vote = call(services.change_vote, change=change, actor=request.user,
                    decision=payload.validated_data["decision"], comment=payload.validated_data.get("comment", ""))
        return Response(serializers.VoteSerializer(vote).data, status=status.HTTP_201_CREATED)

    @extend_schema(responses=inline_serializer("ChangeConflicts", many=True, fields={
        "change": fields.IntegerField(), "number": fields.CharField(), "title": fields.CharField(),
        "planned_start": fields.DateTimeField(), "planned_end": fields.DateTimeField(),
        "reasons": fields.ListField(child=fields.CharField())}))
    @action(detail=True, methods=["get"])
    def conflicts(self, request, pk=None):
        return self.paginated(services.conflicts_for(self.get_object()))

    @extend_schema(parameters=[OpenApiParameter("from", str), OpenApiParameter("to", str)],
                   responses=inline_serializer("ChangeMetrics", fields={
                       "completed": fields.IntegerField(), "successful": fields.IntegerField(),
                       "change_success_rate": fields.FloatField(allow_null=True),
                       "submitted": fields.IntegerField(), "emergency": fields.IntegerField(),
                       "emergency_change_ratio": fields.FloatField(allow_null=True),
                       "changes_causing_incidents": fields.IntegerField()}))
    @action(detail=False, methods=["get"])
    def metrics(self, request):
        """Change success rate, emergency change ratio and changes causing incidents (rates 0–1)."""
        start, end = parse_period(request.query_params)
        return Response(services.change_metrics(start=start, end=end))


class ChangeModelViewSet(HistoryMixin, viewsets.ModelViewSet):
    """Pre-authorised standard changes: `{name, description, tasks: [text], services, risk,
    impact, plans, allowed_windows: [{weekdays, start, end}], timezone}`."""

    permission_classes = [RolePermission]
    read_roles = STAFF_ROLES
    write_roles = CHANGE_ADMINS
    serializer_class = serializers.ChangeModelSerializer
    queryset = ChangeModel.objects.prefetch_related("services").order_by("name")


class CABBoardViewSet(HistoryMixin, viewsets.ModelViewSet):
    """The CAB and the ECAB (one board per kind): members, quorum, rule, veto."""

    permission_classes = [RolePermission]
    read_roles = STAFF_ROLES
    write_roles = CHANGE_ADMINS
    serializer_class = serializers.CABBoardSerializer
    queryset = CABBoard.objects.prefetch_related("members").order_by("kind")


class BlackoutWindowViewSet(HistoryMixin, viewsets.ModelViewSet):
    """Change freezes: no change but an emergency one may be scheduled into them on their
    services (none: every service)."""

    permission_classes = [RolePermission]
    read_roles = STAFF_ROLES
    write_roles = CHANGE_ADMINS
    serializer_class = serializers.BlackoutWindowSerializer
    queryset = BlackoutWindow.objects.prefetch_related("services").order_by("start")


class CABMeetingViewSet(viewsets.ModelViewSet):
    """CAB meetings: `agenda/` (changes awaiting the board, recent ones awaiting review),
    `decide` `{change, decision (approve/reject/defer/reviewed), notes}` (the chair records
    the board's decision), `next` (creates the next occurrence of a recurring meeting)."""

    permission_classes = [RolePermission]
    read_roles = STAFF_ROLES
    write_roles = CHANGE_ADMINS
    action_roles = {"decide": CHANGE_ADMINS}
    serializer_class = serializers.CABMeetingSerializer
    queryset = CABMeeting.objects.select_related("board").prefetch_related("decisions", "attendees")

    @extend_schema(responses=inline_serializer("CABAgenda", fields={
        "approval": serializers.ChangeSerializer(many=True), "review": serializers.ChangeSerializer(many=True),
        "evaluations": fields.DictField(child=serializers.ChangeEvaluationSerializer(),
                                        help_text="the evaluation report of each change awaiting approval, "
                                                  "by change id")}))
    @action(detail=True, methods=["get"])
    def agenda(self, request, pk=None):
        agenda = services.meeting_agenda(self.get_object())
        context = self.get_serializer_context()
        body = {key: serializers.ChangeSerializer(agenda[key], many=True, context=context).data
                for key in ("approval", "review")}
        body["evaluations"] = {str(pk): serializers.ChangeEvaluationSerializer(report).data
                               for pk, report in agenda["evaluations"].items()}
        return Response(body)

    @extend_schema(request=inline_serializer("CABDecide", fields={
        "change": fields.IntegerField(), "decision": fields.CharField(),
        "notes": fields.CharField(required=False)}), responses={201: serializers.CABDecisionSerializer})
    @action(detail=True, methods=["post"])
    def decide(self, request, pk=None):
        payload = serializers.CABDecisionSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        record = call(services.meeting_record_decision, meeting=self.get_object(),
                      change=payload.validated_data["change"], actor=request.user,
                      decision=payload.validated_data["decision"], notes=payload.validated_data.get("notes", ""))
        return Response(serializers.CABDecisionSerializer(record).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses=serializers.CABMeetingSerializer)
    @action(detail=True, methods=["post"])
    def next(self, request, pk=None):
        following = services.meeting_next(meeting=self.get_object())
        if following is None:
            raise ValidationError({"repeat_days": ["This meeting does not repeat."]})
        return Response(self.get_serializer(following).data)


class ChangeScheduleView(APIView):
    """`change-schedule/?from=&to=`: the forward schedule of change — changes planned in the
    period with the ids of the changes each conflicts with; `conflicts`, each conflicting pair
    once (`changes` ids, their `numbers`, `reasons`: service/ci/connected_ci, and the `start`
    and `end` of the time they share); and the blackout windows."""

    permission_classes = [RolePermission]
    read_roles = STAFF_ROLES

    @extend_schema(parameters=[OpenApiParameter("from", str), OpenApiParameter("to", str)],
                   responses=inline_serializer("ChangeSchedule", fields={
                       "from": fields.DateTimeField(), "to": fields.DateTimeField(),
                       "changes": fields.ListField(child=fields.DictField()),
                       "conflicts": inline_serializer("ChangeScheduleConflict", many=True, fields={
                           "changes": fields.ListField(child=fields.IntegerField()),
                           "numbers": fields.ListField(child=fields.CharField()),
                           "reasons": fields.ListField(child=fields.ChoiceField(
                               choices=["service", "ci", "connected_ci"])),
                           "start": fields.DateTimeField(), "end": fields.DateTimeField()}),
                       "blackouts": serializers.BlackoutWindowSerializer(many=True)}))
    def get(self, request):
        params = request.query_params
        if params.get("from") or params.get("to"):
            start, end = parse_period(params)
        else:  # the forward schedule: the next 30 days
            start = timezone.now()
            end = start + timedelta(days=30)
        schedule = forward_schedule(start=start, end=end)
        rows = [{"id": row["change"].pk, "number": row["change"].number, "title": row["change"].title,
                 "type": row["change"].type, "status": row["change"].status, "category": row["change"].category,
                 "planned_start": row["change"].planned_start, "planned_end": row["change"].planned_end,
                 "services": row["services"], "cis": row["cis"], "conflicts": row["conflicts"]}
                for row in schedule["changes"]]
        conflicts = [{"changes": [c.pk for c in pair["changes"]], "numbers": [c.number for c in pair["changes"]],
                      "reasons": pair["reasons"], "start": pair["start"], "end": pair["end"]}
                     for pair in schedule["conflicts"]]
        return Response({"from": start, "to": end, "changes": rows, "conflicts": conflicts,
                         "blackouts": serializers.BlackoutWindowSerializer(schedule["blackouts"], many=True).data})


class ReleaseViewSet(PaginatedMixin, HistoryMixin, mixins.CreateModelMixin, mixins.RetrieveModelMixin,
                     mixins.UpdateModelMixin, mixins.ListModelMixin, viewsets.GenericViewSet):
    """Releases: authorised changes deployed together in one window `{name, description, owner,
    window_start, window_end, plan}` (created and edited by the change manager while
    `planning`). `add-changes` `{changes}` (authorised or scheduled, in no other release,
    planned inside the window; 400 otherwise), `remove-change` `{change}`, `authorize` (the
    deployment authorisation of every change in it; 409 without a window, a plan and
    changes), `complete` (409 while a change is still to be implemented), `cancel` `{reason}`
    (its owner or the change manager)."""

    permission_classes = [RolePermission]
    read_roles = STAFF_ROLES
    write_roles = CHANGE_ADMINS
    action_roles = {"complete": STAFF_ROLES, "cancel": STAFF_ROLES, "add_changes": STAFF_ROLES,
                    "remove_change": STAFF_ROLES}
    serializer_class = serializers.ReleaseSerializer
    filter_backends = [DjangoFilterBackend, SearchFilter, OrderingFilter]
    filterset_fields = ["status", "owner"]
    search_fields = ["number", "name"]
    ordering_fields = ["created_at", "window_start", "number"]
    ordering = ["-created_at", "-id"]
    queryset = Release.objects.none()

    def get_queryset(self):
        return releases_with_list_data(releases_visible_to(self.request.user))

    def _fresh(self, release):
        return Response(self.get_serializer(self.get_queryset().get(pk=release.pk)).data)

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        release = call(services.release_create, actor=request.user, name=data.pop("name", ""), **data)
        return Response(self.get_serializer(self.get_queryset().get(pk=release.pk)).data,
                        status=status.HTTP_201_CREATED)

    def update(self, request, *args, **kwargs):
        release = self.get_object()
        serializer = self.get_serializer(release, data=request.data, partial=kwargs.get("partial", False))
        serializer.is_valid(raise_exception=True)
        return self._fresh(call(services.release_update, release=release, actor=request.user,
                                **serializer.validated_data))

    @extend_schema(request=serializers.ReleaseChangesSerializer, responses=serializers.ReleaseSerializer)
    @action(detail=True, methods=["post"], url_path="add-changes")
    def add_changes(self, request, pk=None):
        payload = serializers.ReleaseChangesSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        return self._fresh(call(services.release_add_changes, release=self.get_object(), actor=request.user,
                                changes=payload.validated_data["changes"]))

    @extend_schema(request=serializers.ReleaseChangeSerializer, responses=serializers.ReleaseSerializer)
    @action(detail=True, methods=["post"], url_path="remove-change")
    def remove_change(self, request, pk=None):
        payload = serializers.ReleaseChangeSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        return self._fresh(call(services.release_remove_change, release=self.get_object(), actor=request.user,
                                change=payload.validated_data["change"]))

    @extend_schema(request=None, responses=serializers.ReleaseSerializer)
    @action(detail=True, methods=["post"])
    def authorize(self, request, pk=None):
        return self._fresh(call(services.release_authorize, release=self.get_object(), actor=request.user))

    @extend_schema(request=None, responses=serializers.ReleaseSerializer)
    @action(detail=True, methods=["post"])
    def complete(self, request, pk=None):
        return self._fresh(call(services.release_complete, release=self.get_object(), actor=request.user))

    @extend_schema(request=serializers.ReasonSerializer, responses=serializers.ReleaseSerializer)
    @action(detail=True, methods=["post"])
    def cancel(self, request, pk=None):
        payload = serializers.ReasonSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        return self._fresh(call(services.release_cancel, release=self.get_object(), actor=request.user,
                                reason=payload.validated_data.get("reason", "")))


class ChangeProposalViewSet(PaginatedMixin, HistoryMixin, mixins.CreateModelMixin, mixins.RetrieveModelMixin,
                            mixins.UpdateModelMixin, mixins.ListModelMixin, viewsets.GenericViewSet):
    """Change proposals for major changes `{title, business_case, cost, benefit, risks,
    services}`: `submit` (409 until the business case, benefit and risks are written),
    `approve` / `reject` `{notes}` (IT management: a manager), `withdraw`, `raise-rfc` (an RFC
    raised from the approved proposal, linked back: 201 with the change)."""

    permission_classes = [RolePermission]
    read_roles = STAFF_ROLES
    write_roles = STAFF_ROLES
    serializer_class = serializers.ChangeProposalSerializer
    filter_backends = [DjangoFilterBackend, SearchFilter, OrderingFilter]
    filterset_fields = ["status"]
    search_fields = ["number", "title"]
    ordering_fields = ["created_at", "number"]
    ordering = ["-created_at", "-id"]
    queryset = ChangeProposal.objects.none()

    def get_queryset(self):
        return proposals_visible_to(self.request.user).prefetch_related("services", "changes")

    def _fresh(self, proposal):
        return Response(self.get_serializer(self.get_queryset().get(pk=proposal.pk)).data)

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        proposal = call(services.proposal_create, actor=request.user, title=data.pop("title", ""), **data)
        return Response(self.get_serializer(self.get_queryset().get(pk=proposal.pk)).data,
                        status=status.HTTP_201_CREATED)

    def update(self, request, *args, **kwargs):
        proposal = self.get_object()
        serializer = self.get_serializer(proposal, data=request.data, partial=kwargs.get("partial", False))
        serializer.is_valid(raise_exception=True)
        return self._fresh(call(services.proposal_update, proposal=proposal, actor=request.user,
                                **serializer.validated_data))

    @extend_schema(request=None, responses=serializers.ChangeProposalSerializer)
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        return self._fresh(call(services.proposal_submit, proposal=self.get_object(), actor=request.user))

    @extend_schema(request=serializers.ProposalDecisionSerializer, responses=serializers.ChangeProposalSerializer)
    @action(detail=True, methods=["post"])
    def approve(self, request, pk=None):
        payload = serializers.ProposalDecisionSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        return self._fresh(call(services.proposal_approve, proposal=self.get_object(), actor=request.user,
                                notes=payload.validated_data.get("notes", "")))

    @extend_schema(request=serializers.ProposalDecisionSerializer, responses=serializers.ChangeProposalSerializer)
    @action(detail=True, methods=["post"])
    def reject(self, request, pk=None):
        payload = serializers.ProposalDecisionSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        return self._fresh(call(services.proposal_reject, proposal=self.get_object(), actor=request.user,
                                notes=payload.validated_data.get("notes", "")))

    @extend_schema(request=None, responses=serializers.ChangeProposalSerializer)
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None):
        return self._fresh(call(services.proposal_withdraw, proposal=self.get_object(), actor=request.user))

    @extend_schema(request=None, responses={201: serializers.ChangeSerializer})
    @action(detail=True, methods=["post"], url_path="raise-rfc")
    def raise_rfc(self, request, pk=None):
        """Raise a draft RFC from the approved proposal (400 until IT management approved it)."""
        change = call(services.change_from_proposal, proposal=self.get_object(), actor=request.user)
        body = serializers.ChangeSerializer(changes_for_the_api().get(pk=change.pk),
                                            context=self.get_serializer_context()).data
        return Response(body, status=status.HTTP_201_CREATED)


class ChangePolicyView(APIView):
    """`change-policy/`: the change policy administrators keep in `/admin/`: the services and
    CIs under change control, the criteria that make a change major, the categories needing a
    deployment authorisation and an evaluation report, whether major changes need an approved
    proposal. `?services=1,2&cis=3` adds `check`: which of those are under change control."""

    permission_classes = [RolePermission]
    read_roles = STAFF_ROLES

    @extend_schema(parameters=[OpenApiParameter("services", str), OpenApiParameter("cis", str)],
                   responses=inline_serializer("ChangePolicy", fields={
                       "services": fields.ListField(child=fields.IntegerField()),
                       "cis": fields.ListField(child=fields.IntegerField()),
                       "major_criteria": fields.ListField(child=fields.DictField()),
                       "deployment_categories": fields.ListField(child=fields.CharField()),
                       "evaluation_categories": fields.ListField(child=fields.CharField()),
                       "major_needs_proposal": fields.BooleanField(),
                       "check": inline_serializer("ChangeControlCheck", required=False, fields={
                           "controlled": fields.BooleanField(),
                           "services": fields.ListField(child=fields.IntegerField()),
                           "cis": fields.ListField(child=fields.IntegerField())})}))
    def get(self, request):
        policy = change_policy()
        saved = policy.pk is not None
        body = {"services": sorted(policy.services.values_list("pk", flat=True)) if saved else [],
                "cis": sorted(policy.cis.values_list("pk", flat=True)) if saved else [],
                "major_criteria": [{"key": k, "text": t} for k, t in policy.criteria().items()],
                "deployment_categories": list(policy.deployment_categories),
                "evaluation_categories": list(policy.evaluation_categories),
                "major_needs_proposal": policy.major_needs_proposal}
        asked = {}
        for name in ("services", "cis"):
            raw = request.query_params.get(name, "")
            parts = [p.strip() for p in raw.split(",") if p.strip()]
            if any(not p.isdigit() for p in parts):
                raise ValidationError({name: ["Give ids separated by commas."]})
            asked[name] = [int(p) for p in parts]
        if asked["services"] or asked["cis"]:
            body["check"] = under_change_control(services=asked["services"], cis=asked["cis"])
        return Response(body)
