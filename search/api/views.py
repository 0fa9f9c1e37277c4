"""``GET /api/v1/search/?q=&kind=&limit=``: the search box for integrators and scripts.

Capped, not paginated: the best ``limit`` results (default 20, at most 50), best first, in
``{match, results}``. Any signed-in person may search; each sees only what they may see
(``search.engine``). A missing or blank ``q`` and an unknown ``kind`` answer 400 with the
field's error."""

from dataclasses import asdict

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from core.permissions import RolePermission

from ..engine import DEFAULT_LIMIT, KINDS, MAX_LIMIT, search
from .serializers import SearchQuerySerializer, SearchResponseSerializer


class SearchView(APIView):
    permission_classes = [RolePermission]
    read_roles = frozenset({"authenticated"})

    @extend_schema(
        operation_id="search",
        parameters=[
            OpenApiParameter("q", str, required=True, description=(
                "A record number (INC000123, inc123, REQ…, CHG…, PRB…, KE…, KB…, CMP…), a phone number in any "
                "format, an email address, or words.")),
            OpenApiParameter("kind", str, enum=list(KINDS), description="Keep only results of this kind."),
            OpenApiParameter("limit", int, description=f"At most this many results (1–{MAX_LIMIT}, "
                                                       f"default {DEFAULT_LIMIT})."),
        ],
        responses=SearchResponseSerializer,
    )
    def get(self, request):
        params = SearchQuerySerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        data = params.validated_data
        outcome = search(request.user, data["q"], kind=data.get("kind"), limit=data.get("limit", DEFAULT_LIMIT))
        return Response(SearchResponseSerializer({"match": outcome.match,
                                                  "results": [asdict(h) for h in outcome.hits]}).data)
