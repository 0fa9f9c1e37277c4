"""``opportunities/``: sales leads with their pipeline actions. Staff only; managers and
administrators see every opportunity, other staff their own (404 for the rest)."""

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from core.api.filters import DjangoFilterBackend, OrderingFilter, SearchFilter
from core.api.mixins import HistoryMixin
from core.api.services import call_service as call
from core.permissions import RolePermission
from core.roles import STAFF_ROLES

from ...models import Opportunity
from ...selectors import opportunities_visible_to
from ...services import opportunity as services
from .serializers import LoseSerializer, OpportunitySerializer


class OpportunityViewSet(HistoryMixin, mixins.CreateModelMixin, mixins.RetrieveModelMixin, mixins.UpdateModelMixin,
                         mixins.ListModelMixin, viewsets.GenericViewSet):
    """Opportunities raised by agents, usually from a call (`call` brings its contact and
    customer). `stage` moves through `qualify` (needs a product), `propose` and `win` (need a
    value above zero), `lose` `{reason}`; a refused move answers 409."""

    permission_classes = [RolePermission]
    read_roles = STAFF_ROLES
    write_roles = STAFF_ROLES
    serializer_class = OpportunitySerializer
    filter_backends = [DjangoFilterBackend, SearchFilter, OrderingFilter]
    filterset_fields = ["stage", "owner", "contact", "customer", "call", "currency"]
    search_fields = ["title", "product"]
    ordering_fields = ["created_at", "expected_close", "value"]
    ordering = ["-created_at", "-id"]
    queryset = Opportunity.objects.none()

    def get_queryset(self):
        return opportunities_visible_to(self.request.user).order_by("-created_at", "-id")

    def _fresh(self, opportunity, code=status.HTTP_200_OK):
        return Response(self.get_serializer(self.get_queryset().get(pk=opportunity.pk)).data, status=code)

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        opportunity = call(services.opportunity_create, actor=request.user, **serializer.validated_data)
        return self._fresh(opportunity, status.HTTP_201_CREATED)

    def update(self, request, *args, **kwargs):
        opportunity = self.get_object()
        serializer = self.get_serializer(opportunity, data=request.data, partial=kwargs.get("partial", False))
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        data.pop("call", None)
        return self._fresh(call(services.opportunity_update, opportunity=opportunity, actor=request.user, **data))

    @extend_schema(request=None, responses=OpportunitySerializer)
    @action(detail=True, methods=["post"])
    def qualify(self, request, pk=None):
        return self._fresh(call(services.opportunity_qualify, opportunity=self.get_object(), actor=request.user))

    @extend_schema(request=None, responses=OpportunitySerializer)
    @action(detail=True, methods=["post"])
    def propose(self, request, pk=None):
        return self._fresh(call(services.opportunity_propose, opportunity=self.get_object(), actor=request.user))

    @extend_schema(request=None, responses=OpportunitySerializer)
    @action(detail=True, methods=["post"])
    def win(self, request, pk=None):
        return self._fresh(call(services.opportunity_win, opportunity=self.get_object(), actor=request.user))

    @extend_schema(request=LoseSerializer, responses=OpportunitySerializer)
    @action(detail=True, methods=["post"])
    def lose(self, request, pk=None):
        payload = LoseSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        return self._fresh(call(services.opportunity_lose, opportunity=self.get_object(), actor=request.user,
                                reason=payload.validated_data["reason"]))
