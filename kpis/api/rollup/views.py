"""``kpis/contact-center/`` and ``kpis/itsm/``: KPI figures for managers, read from the
rollup tables only (so a request costs the same whatever the call and ticket volume).
``?format=csv`` answers the same figures as CSV (the series rows when an interval is given)."""

import csv
import io

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import APIView

from core.api.periods import parse_period
from core.db_router import reads_from_reports
from core.permissions import RolePermission
from core.roles import Role

from ... import formulas
from ...selectors import (
    MAX_SERIES_POINTS,
    CallFilters,
    contact_center_kpis,
    itsm_kpis,
    per_provider,
    series_buckets,
)
from . import serializers

MANAGERS = frozenset({Role.MANAGER, Role.ADMIN})


class KpiCSVRenderer(BaseRenderer):
    """One header row and one row per series bucket (or one row of totals). Nested figures
    are flattened one level (``ageing_lt_1d``); lists other than the series are left out
    (``by_priority``, ``by_channel``: ask the JSON)."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None) -> bytes:
        out = io.StringIO()
        writer = csv.writer(out)
        rows = data.get("series") if isinstance(data.get("series"), list) else [data]
        flat = [self._flatten(row) for row in rows]
        header = list(flat[0]) if flat else ["start", *formulas.CONTACT_CENTER_KEYS]
        writer.writerow(header)
        for row in flat:
            writer.writerow(["" if row.get(name) is None else row.get(name) for name in header])
        return out.getvalue().encode()

    @staticmethod
    def _flatten(row: dict) -> dict:
        flat: dict = {}
        for name, value in row.items():
            if isinstance(value, dict):
                flat.update({f"{name}_{key}": item for key, item in value.items()})
            elif not isinstance(value, list):
                flat[name] = value.isoformat() if hasattr(value, "isoformat") else value
        return flat


class KpiView(APIView):
    """Managers and administrators read; everyone else 403, anonymous 401."""

    permission_classes = [RolePermission]
    read_roles = MANAGERS
    renderer_classes = [*api_settings.DEFAULT_RENDERER_CLASSES, KpiCSVRenderer]
    csv_name = "kpis"

    def finalize_response(self, request, response, *args, **kwargs):
        if response.status_code >= 400 and getattr(request, "accepted_renderer", None) is not None \
                and request.accepted_renderer.format == "csv":
            # Errors are JSON under /api/ whatever the export format asked for (as documented).
            request.accepted_renderer, request.accepted_media_type = JSONRenderer(), JSONRenderer.media_type
        response = super().finalize_response(request, response, *args, **kwargs)
        if getattr(request, "accepted_renderer", None) and request.accepted_renderer.format == "csv" \
                and response.status_code == 200:
            response["Content-Disposition"] = f'attachment; filename="{self.csv_name}.csv"'
        return response


CSV_RESPONSE = OpenApiResponse(OpenApiTypes.STR, description="with `?format=csv`")


class ContactCenterKpisView(KpiView):
    """Contact-center KPIs for `[from, to)` (the 15-minute rollup intervals starting in it),
    optionally per `interval` (`series`), narrowed by `queue`, `team` (calls its members
    handled), `agent` or `service`. Rates are fractions 0–1 (`csat_percent` too). Formulas:
    docs/kpis.md."""

    csv_name = "kpis-contact-center"

    @extend_schema(parameters=[serializers.ContactCenterQuerySerializer],
                   responses={200: serializers.ContactCenterKpisSerializer, (200, "text/csv"): CSV_RESPONSE})
    @reads_from_reports  # the read-only copy when there is one (core/db_router.py)
    def get(self, request):
        params = serializers.ContactCenterQuerySerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        start, end = parse_period(request.query_params)
        interval = params.validated_data.get("interval")
        if interval and len(series_buckets(start, end, interval)) > MAX_SERIES_POINTS:
            raise ValidationError({"interval": [f"At most {MAX_SERIES_POINTS} intervals: choose a coarser "
                                                "interval or a shorter period."]})
        filters = CallFilters(**{name: params.validated_data.get(name) for name in ("queue", "team", "agent",
                                                                                    "service")})
        return Response(contact_center_kpis(start=start, end=end, filters=filters, interval=interval))


class ItsmKpisView(KpiView):
    """ITSM KPIs for the UTC days touching `[from, to)`, narrowed by `team`, `service` or
    `channel` (incident, SLA and major-incident figures; changes, problems, requests and MTBF
    are desk-wide), with MTTA/MTTR per priority (`by_priority`) and volume, SLA compliance,
    MTTA and MTTR per channel (`by_channel`). The backlog is the one at the end of the period.
    Formulas: docs/kpis.md."""

    csv_name = "kpis-itsm"

    @extend_schema(parameters=[serializers.ItsmQuerySerializer],
                   responses={200: serializers.ItsmKpisSerializer, (200, "text/csv"): CSV_RESPONSE})
    @reads_from_reports
    def get(self, request):
        params = serializers.ItsmQuerySerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        start, end = parse_period(request.query_params)
        return Response(itsm_kpis(start=start, end=end, team=params.validated_data.get("team"),
                                  service=params.validated_data.get("service"),
                                  channel=params.validated_data.get("channel")))


class ProviderKpisView(KpiView):
    """The providers (in-house, outsourced) side by side for `[from, to)`: cost per call,
    service level, abandonment, first-call resolution (repeat calls and survey) and CSAT,
    from the rollup rows of their queues. Formulas: docs/kpis.md "Providers"."""

    csv_name = "kpis-providers"
    renderer_classes = api_settings.DEFAULT_RENDERER_CLASSES

    @extend_schema(parameters=[serializers.ProvidersQuerySerializer],
                   responses={200: serializers.ProvidersKpisSerializer})
    @reads_from_reports
    def get(self, request):
        start, end = parse_period(request.query_params)
        return Response({"providers": per_provider(start, end), "from": start, "to": end})
