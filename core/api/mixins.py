"""Pieces shared by every resource's API."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import action

from .pagination import PageNumberPagination


class PaginatedMixin:
    """Lists that are not a viewset's own ``list`` (sub-resources such as ``votes/``, reports
    such as ``service-availability/``) answer the same ``{count, next, previous, results}``
    envelope as every other list, with ``?page=&page_size=``. Declare the action's response
    as ``Serializer(many=True)``: with ``pagination_class`` set (viewsets have it; an
    ``APIView`` gets it from here) drf-spectacular shows the paginated envelope."""

    pagination_class = PageNumberPagination

    def paginated(self, items, serializer_class=None, *, context=None):
        """One page of ``items`` (a queryset, ordered, or a list), serialised with
        ``serializer_class`` (none: the items are already plain data)."""
        paginator = getattr(self, "paginator", None) or PageNumberPagination()
        page = paginator.paginate_queryset(items, self.request, view=self)
        data = serializer_class(page, many=True, context=context or {}).data if serializer_class else page
        return paginator.get_paginated_response(data)


class HistoryEntrySerializer(serializers.Serializer):
    history_id = serializers.IntegerField()
    history_date = serializers.DateTimeField()
    history_type = serializers.CharField(help_text="+ created, ~ changed, - deleted")
    history_user = serializers.IntegerField(source="history_user_id", allow_null=True)
    history_change_reason = serializers.CharField(allow_null=True)
    changes = serializers.SerializerMethodField()

    def get_changes(self, record) -> list[dict]:
        previous = self.context.get("previous", {}).get(record.history_id)
        if previous is None:
            return []
        delta = record.diff_against(previous)
        return [{"field": c.field, "old": _plain(c.old), "new": _plain(c.new)} for c in delta.changes]


def _plain(value):
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return str(value)


class HistoryMixin:
    """``GET <resource>/<id>/history/``: who changed what and when, newest first."""

    @extend_schema(responses=HistoryEntrySerializer(many=True))
    @action(detail=True, methods=["get"])
    def history(self, request, pk=None):
        record = self.get_object()
        entries = record.history.select_related("history_user").order_by("-history_date", "-history_id")
        page = list(self.paginate_queryset(entries))
        # Each entry is diffed against the one before it: the page itself holds all but
        # the oldest one's predecessor, fetched once (the query count stays flat).
        previous = {newer.history_id: older for newer, older in zip(page, page[1:], strict=False)}
        if page:
            previous[page[-1].history_id] = page[-1].prev_record
        serializer = HistoryEntrySerializer(page, many=True, context={"previous": previous})
        return self.get_paginated_response(serializer.data)
