"""The auto-dial lists' API (issue 22.2, preview mode; the rules are ``contactcenter.outbound``'s):

- ``GET  dial-lists/`` and ``dial-lists/<id>/``: the active lists of the callback queues the
  caller works (their skill; a queue without one: every agent; managers all). Any other list
  is a 404.
- ``GET  dial-lists/<id>/entries/`` (``?status=pending|done|exhausted|removed``): its numbers,
  the next due first.
- ``POST dial-lists/<id>/next/``: the number to preview now — the caller's own if they are
  previewing one, else the longest-due one nobody previews, kept for them 5 minutes; the list
  fills itself with the queue's open callbacks first. Outside opening hours no number, and
  when dialling starts again.
- ``POST dial-lists/<id>/entries/<entry>/skip/``: not now (back after the list's retry delay;
  not an attempt). 409 when the number left the list.
- ``POST dial-lists/<id>/entries/<entry>/dial/``: call it (the agent's phone first, then the
  customer), as ``callbacks/<id>/dial/``: 201 with the call; 202 while Twilio is retried by
  the task; 400 with the reason when Twilio refuses, the list is closed, the number's tries are
  used up or its retry time has not come; 409 when another agent previews it or the agent is
  on a call.

Writes are for staff (``STAFF_ROLES``), as ``callbacks/``.
"""

from __future__ import annotations

from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from core.permissions import RolePermission
from core.roles import STAFF_ROLES

from .. import outbound
from ..choices import DialEntryStatus
from ..models import Call, DialList, DialListEntry
from . import serializers

ENTRY = OpenApiParameter("entry", OpenApiTypes.INT, OpenApiParameter.PATH, description="the entry's id")
STATUS = OpenApiParameter("status", OpenApiTypes.STR, OpenApiParameter.QUERY, enum=DialEntryStatus.values,
                          description="only the entries in this state")
MAX_ID_DIGITS = 18  # beyond a bigint no record exists


class DialListViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Auto-dial lists of callback queues (preview mode): the entries, the next number to
    preview, skip and dial."""

    permission_classes = [RolePermission]
    read_roles = STAFF_ROLES
    write_roles = STAFF_ROLES
    serializer_class = serializers.DialListSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema is built without a user
            return DialList.objects.none()
        return outbound.dial_lists_for(self.request.user).order_by("name", "id")

    def _entry(self, dial_list: DialList, entry: str) -> DialListEntry:
        found = (DialListEntry.objects.select_related("dial_list__line", "contact", "callback")
                 .filter(pk=int(entry), dial_list=dial_list).first() if len(entry) <= MAX_ID_DIGITS else None)
        if found is None:
            raise Http404
        return found

    @extend_schema(parameters=[STATUS], responses=serializers.DialListEntrySerializer(many=True))
    @action(detail=True, methods=["get"])
    def entries(self, request, pk=None):
        dial_list = self.get_object()
        rows = (DialListEntry.objects.filter(dial_list=dial_list).select_related("contact", "callback")
                .order_by("next_attempt_at", "id"))
        wanted = request.query_params.get("status")
        if wanted:
            if wanted not in DialEntryStatus.values:
                raise ValidationError({"status": [_("Choose one of: %(values)s.") % {
                    "values": ", ".join(DialEntryStatus.values)}]})
            rows = rows.filter(status=wanted)
        page = self.paginate_queryset(rows)
        context = self.get_serializer_context()
        if page is not None:
            return self.get_paginated_response(serializers.DialListEntrySerializer(page, many=True,
                                                                                  context=context).data)
        return Response(serializers.DialListEntrySerializer(rows, many=True, context=context).data)

    @extend_schema(request=None, responses=serializers.DialListPreviewSerializer)
    @action(detail=True, methods=["post"], url_path="next")
    def next_entry(self, request, pk=None):
        """The number to preview now (kept for the caller a few minutes), or none."""
        dial_list = self.get_object()
        preview = outbound.dial_list_next(dial_list=dial_list, agent=request.user)
        detail = ""
        if not preview.is_open:
            detail = outbound._closed_message(preview.opens_at)
        elif preview.entry is None:
            detail = _("Nobody to call now.")
        data = {"entry": preview.entry, "is_open": preview.is_open, "opens_at": preview.opens_at,
                "waiting": preview.waiting, "later": preview.later, "detail": detail}
        return Response(serializers.DialListPreviewSerializer(data, context=self.get_serializer_context()).data)

    @extend_schema(request=None, parameters=[ENTRY], responses=serializers.DialListEntrySerializer)
    @action(detail=True, methods=["post"], url_path=r"entries/(?P<entry>[0-9]+)/skip")
    def skip(self, request, pk=None, entry=None):
        """Not now: the number comes back after the list's retry delay (not an attempt)."""
        found = self._entry(self.get_object(), entry)
        skipped = outbound.dial_entry_skip(entry_id=found.pk, actor=request.user)
        return Response(serializers.DialListEntrySerializer(skipped, context=self.get_serializer_context()).data)

    @extend_schema(request=None, parameters=[ENTRY],
                   responses={201: serializers.CallSerializer, 202: serializers.CallSerializer})
    @action(detail=True, methods=["post"], url_path=r"entries/(?P<entry>[0-9]+)/dial")
    def dial(self, request, pk=None, entry=None):
        """Call the number: the desk rings the agent's mobile, then the customer (201); 202 when
        Twilio could not take it at once and the task retries; 400 with the reason otherwise."""
        found = self._entry(self.get_object(), entry)
        placed = outbound.outbound_dial(actor=request.user, target=outbound.target_for_entry(found),
                                        number=found.number)
        if not placed.ok and not placed.retrying:
            raise ValidationError({"detail": placed.message, "code": "telephony_refused"})
        call = Call.objects.select_related("queue").get(pk=placed.call.pk)
        return Response(serializers.CallSerializer(call, context=self.get_serializer_context()).data,
                        status=status.HTTP_201_CREATED if placed.ok else status.HTTP_202_ACCEPTED)
