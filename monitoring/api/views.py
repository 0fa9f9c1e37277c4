"""``alert-sources/`` (admins configure the monitoring systems that post; ``rotate-token``),
``alert-sources/<id>/events/`` (the monitoring system posts alerts with its bearer token) and
``alerts/`` (the alert log, read-only, for staff)."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import exceptions, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from core.api.mixins import HistoryMixin
from core.api.schema import ErrorSerializer
from core.permissions import IsAdminRole

from ..filtersets import AlertFilterSet
from ..models import Alert, AlertSource
from ..payloads import PayloadError, PayloadTooLarge, max_body_bytes, parse
from ..services import alert_source_rotate_token, alerts_receive
from . import serializers
from .authentication import AlertSourceTokenAuthentication, IsAlertSource
from .parsers import AlertsJSONParser, AnyTypeAlertsParser, body_too_large, too_many_alerts

ALERTMANAGER_EXAMPLE = {
    "version": "4", "groupKey": "{}:{alertname=\"ProbeFailure\"}", "status": "firing", "receiver": "servicedesk",
    "alerts": [{"status": "firing",
                "labels": {"alertname": "ProbeFailure", "job": "http_checks", "severity": "critical"},
                "annotations": {"summary": "Probe failure: https://shop.example.com",
                                "description": "Down for over 5 minutes."},
                "startsAt": "2030-02-06T13:08:45.828Z", "endsAt": "0001-01-01T00:00:00Z",
                "generatorURL": "http://prometheus.example.com:9090/graph?g0.expr=probe_success+%3D%3D+0",
                "fingerprint": "1a30ba71cca2921f"}]}
GENERIC_EXAMPLE = {"alerts": [{"status": "firing", "title": "Disk almost full on db1", "severity": "warning",
                               "labels": {"host": "db1", "alertname": "DiskFull"},
                               "starts_at": "2030-01-31T09:30:00Z"}]}


class AlertSourceViewSet(HistoryMixin, viewsets.ModelViewSet):
    """(Admins) the monitoring systems that post alerts, each with its own bearer token
    (returned once: in the answer that makes the source and in ``rotate-token``'s), a
    default service and label rules tried in order."""

    permission_classes = [IsAdminRole]
    serializer_class = serializers.AlertSourceSerializer
    queryset = AlertSource.objects.prefetch_related("rules").order_by("name", "id")
    filterset_fields = ["kind", "active", "default_service"]
    search_fields = ["name"]
    ordering_fields = ["name", "id", "created_at"]

    @extend_schema(request=None, responses={200: serializers.AlertSourceSerializer})
    @action(detail=True, methods=["post"], url_path="rotate-token")
    def rotate_token(self, request, pk=None):
        """A new token for the source, in this answer only; the old one stops working at once."""
        source = alert_source_rotate_token(source=self.get_object(), actor=request.user)
        return Response(self.get_serializer(source).data)

    @extend_schema(
        summary="Post alerts (the monitoring system, with the source's bearer token)",
        request={"application/json": serializers.EventsSerializer},
        responses={202: serializers.EventsAcceptedSerializer,
                   401: OpenApiResponse(ErrorSerializer, description="No token, or not this source's token."),
                   403: OpenApiResponse(ErrorSerializer, description="The source is switched off."),
                   413: OpenApiResponse(ErrorSerializer, description="More than MONITORING_MAX_ALERTS alerts, or a "
                                                                     "body over MONITORING_MAX_BODY_BYTES.")},
        examples=[OpenApiExample("Alertmanager", value=ALERTMANAGER_EXAMPLE, request_only=True),
                  OpenApiExample("generic", value=GENERIC_EXAMPLE, request_only=True),
                  OpenApiExample("accepted", value={"accepted": 1, "incidents": [42], "suppressed": 0},
                                 response_only=True, status_codes=["202"])],
    )
    @action(detail=True, methods=["post"], authentication_classes=[AlertSourceTokenAuthentication],
            permission_classes=[IsAlertSource], throttle_classes=[],
            parser_classes=[AlertsJSONParser, AnyTypeAlertsParser])
    def events(self, request, pk=None):
        """Alerts from a monitoring system: Alertmanager's webhook body (version 4), Grafana's,
        or the generic ``{alerts: [...]}``, by the source's kind. ``Authorization: Bearer
        <token>``; no user. One post is one transaction: everything is stored or nothing.
        202 ``{accepted, incidents, suppressed}``; 400 for a body that is not the shape (the
        answer says where); 413 past the limits; 401 without this source's token."""
        source: AlertSource = request.auth
        if not source.active:
            raise exceptions.PermissionDenied(_("This alert source is switched off."))
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > max_body_bytes():
            raise body_too_large()  # refused before a byte is read
        try:
            alerts = parse(source.kind, request.data)
        except PayloadTooLarge as exc:
            raise too_many_alerts(exc.args[0]) from exc
        except PayloadError as exc:
            raise exceptions.ValidationError(exc.errors) from exc
        result = alerts_receive(source=source, alerts=alerts)
        return Response(result.as_dict(), status=status.HTTP_202_ACCEPTED)


class AlertViewSet(viewsets.ReadOnlyModelViewSet):
    """The alert log (staff): every episode of every alert, newest activity first; filters
    ``source``, ``status``, ``incident``, ``service``, ``suppressed_by_change``."""

    serializer_class = serializers.AlertSerializer
    queryset = Alert.objects.order_by("-last_received_at", "-id")
    filterset_class = AlertFilterSet
    search_fields = ["title", "fingerprint"]
    ordering_fields = ["last_received_at", "first_received_at", "received_count", "id"]

