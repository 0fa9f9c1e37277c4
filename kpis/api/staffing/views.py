"""``GET kpis/staffing/``: the Erlang C calculator. Query parameters in, the fewest agents
that meet the target out; nothing is stored."""

from django.conf import settings
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.permissions import RolePermission
from core.roles import Role

from ... import erlang
from .serializers import DEFAULT_INTERVAL_SECONDS, StaffingQuerySerializer, StaffingResultSerializer


def _parameter(name: str, kind: type, description: str, required: bool = False) -> OpenApiParameter:
    return OpenApiParameter(name, kind, required=required, description=description)


class StaffingView(APIView):
    """Erlang C: how many agents answer ``calls`` per interval within the target."""

    permission_classes = [RolePermission]
    read_roles = frozenset({Role.MANAGER, Role.ADMIN})

    @extend_schema(
        operation_id="kpis_staffing",
        parameters=[
            _parameter("calls", float, "Calls offered in the interval.", required=True),
            _parameter("aht_seconds", float, "Average handle time in seconds (> 0).", required=True),
            _parameter("interval_seconds", int, f"Interval length; default {DEFAULT_INTERVAL_SECONDS}."),
            _parameter("target_service_level", float, "Fraction in (0, 1); default from settings (0.8)."),
            _parameter("target_seconds", float, "Answer-time target; default from settings (20)."),
            _parameter("shrinkage", float, "Fraction in [0, 1); default from settings (0.3)."),
            _parameter("max_asa_seconds", float, "Optional: the average speed of answer must not exceed this."),
        ],
        responses=StaffingResultSerializer,
    )
    def get(self, request: Request) -> Response:
        query = StaffingQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        params = query.validated_data
        result = erlang.required_agents(
            calls=params["calls"], interval_seconds=params["interval_seconds"], aht_seconds=params["aht_seconds"],
            target_service_level=params.get("target_service_level", settings.STAFFING_TARGET_SERVICE_LEVEL),
            target_seconds=params.get("target_seconds", settings.STAFFING_TARGET_SECONDS),
            shrinkage=params.get("shrinkage", settings.STAFFING_SHRINKAGE),
            max_asa_seconds=params.get("max_asa_seconds"),
        )
        return Response(StaffingResultSerializer(result.as_dict()).data)
