"""``customers/<id>/timeline/`` and ``contacts/<id>/timeline/``: every interaction, newest
first, in the standard list envelope; ``?kind=`` keeps some kinds (repeat it or separate
with commas). Staff only; a contact or customer the caller may not see answers 404."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.views import APIView

from catalog.selectors import contacts_visible_to, customers_visible_to
from core.api.mixins import PaginatedMixin
from core.permissions import RolePermission
from core.roles import STAFF_ROLES

from ...choices import TimelineKind
from ...selectors import KINDS, timeline


class TimelineEntrySerializer(serializers.Serializer):
    at = serializers.DateTimeField()
    kind = serializers.ChoiceField(choices=TimelineKind.choices)
    id = serializers.IntegerField(help_text="The record's id within its kind.")
    number = serializers.CharField(allow_null=True, help_text="INC…, REQ…, CMP… or the ticket an email went to.")
    title = serializers.CharField(allow_blank=True)
    status = serializers.CharField(allow_null=True, help_text="The record's own status (a call's outcome, "
                                                               "an opportunity's stage, a survey sent/answered).")
    channel = serializers.CharField(allow_null=True)


KIND_PARAMETER = OpenApiParameter(
    "kind", str, enum=list(KINDS), many=True, explode=True,
    description="Keep only these kinds (repeat the parameter, or separate with commas).")


def entries(rows) -> list[dict]:
    """The page's rows (:data:`crm.selectors.COLUMNS`) as :class:`TimelineEntrySerializer`
    writes them, without a serializer per row: the same keys in the same order, the time
    through the serializer's own field (the current time zone, ISO 8601, ``Z`` for UTC),
    ``None`` where the serializer writes ``null``. A test holds the two byte for byte."""
    at = serializers.DateTimeField().to_representation
    return [{"at": at(r["t_at"]) if r["t_at"] else None, "kind": r["t_kind"], "id": int(r["t_id"]),
             "number": str(r["t_number"]) if r["t_number"] else None, "title": str(r["t_title"] or ""),
             "status": str(r["t_status"]) if r["t_status"] else None,
             "channel": str(r["t_channel"]) if r["t_channel"] else None} for r in rows]


def _kinds(request) -> list[str] | None:
    wanted = [k.strip() for value in request.query_params.getlist("kind") for k in value.split(",") if k.strip()]
    unknown = sorted(set(wanted) - set(KINDS))
    if unknown:
        raise ValidationError({"kind": [f"Unknown kind: {', '.join(unknown)}. One of: {', '.join(KINDS)}."]})
    return wanted or None


class _TimelineView(PaginatedMixin, APIView):
    permission_classes = [RolePermission]
    read_roles = STAFF_ROLES

    def _page(self, request, **whose):
        kinds = _kinds(request)
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(timeline(kinds=kinds, **whose), request, view=self)
        return paginator.get_paginated_response(entries(page))


class ContactTimelineView(_TimelineView):
    """A contact's interactions: calls, incidents, requests (through its login), complaints,
    surveys, inbound email from its address, opportunities."""

    @extend_schema(operation_id="contacts_timeline_list", parameters=[KIND_PARAMETER],
                   responses=TimelineEntrySerializer(many=True))
    def get(self, request, pk: int):
        contact = get_object_or_404(contacts_visible_to(request.user).prefetch_related(None), pk=pk)
        return self._page(request, contact=contact)


class CustomerTimelineView(_TimelineView):
    """A customer's interactions: those of every one of its contacts, and its own."""

    @extend_schema(operation_id="customers_timeline_list", parameters=[KIND_PARAMETER],
                   responses=TimelineEntrySerializer(many=True))
    def get(self, request, pk: int):
        customer = get_object_or_404(customers_visible_to(request.user), pk=pk)
        return self._page(request, customer=customer)
