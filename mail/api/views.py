"""``mailboxes/`` (admins configure the desk's addresses; ``fetch`` polls IMAP now) and
``mailboxes/<id>/inbound/`` (admins, or an MTA pipe with an admin's token, post one raw
message)."""

from django.conf import settings
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from core.api.mixins import HistoryMixin
from core.api.schema import ErrorSerializer
from core.errors import ConflictError
from core.permissions import IsAdminRole

from ..choices import Protocol
from ..models import Mailbox
from ..services.inbound import MessageTooLarge, mail_receive
from . import serializers
from .parsers import RawMessageParser, too_large


class MailboxViewSet(HistoryMixin, viewsets.ModelViewSet):
    """(Admins) the desk's email addresses: how their mail arrives (IMAP polling or push) and
    what it opens. The password is write-only."""

    permission_classes = [IsAdminRole]
    serializer_class = serializers.MailboxSerializer
    queryset = Mailbox.objects.order_by("name", "id")
    filterset_fields = ["protocol", "creates", "active"]
    search_fields = ["name", "address"]
    ordering_fields = ["name", "address", "last_fetched_at", "id"]

    @extend_schema(request=None, responses={202: serializers.FetchQueuedSerializer})
    @action(detail=True, methods=["post"])
    def fetch(self, request, pk=None):
        """Poll this IMAP mailbox now (a Celery task; ``last_fetched_at``/``last_error`` tell
        how it went)."""
        mailbox = self.get_object()
        if mailbox.protocol != Protocol.IMAP:
            raise ConflictError(_("Only IMAP mailboxes are fetched; push mailboxes receive mail at their inbound "
                                  "address."), status=mailbox.protocol)
        if not mailbox.active:
            raise ConflictError(_("This mailbox is not active."), status="inactive")
        from ..tasks import fetch_mailbox  # the transport's task module; views never run IMAP themselves

        fetch_mailbox.delay(mailbox.pk)
        return Response({"queued": True}, status=status.HTTP_202_ACCEPTED)

    @extend_schema(
        request={"message/rfc822": OpenApiTypes.BINARY},
        responses={201: serializers.InboundResultSerializer,
                   409: OpenApiResponse(ErrorSerializer, description=_("The mailbox is not active.")),
                   413: OpenApiResponse(ErrorSerializer, description=_("Larger than MAIL_MAX_MESSAGE_BYTES."))},
        examples=[OpenApiExample("created", response_only=True, status_codes=["201"],
                                 value={"result": "created", "incident": 42, "request": None, "reason": ""})],
    )
    @action(detail=True, methods=["post"], parser_classes=[RawMessageParser])
    def inbound(self, request, pk=None):
        """One raw message (``Content-Type: message/rfc822``), as an MTA pipe or a provider's
        inbound hook posts it. Answers what became of it; the same message twice is a
        ``duplicate``. 413 over the size limit, 400 for an empty body, 409 for an inactive
        mailbox (an MTA keeps the message queued and tries again)."""
        mailbox = self.get_object()
        if not mailbox.active:
            raise ConflictError(_("This mailbox is not active."), status="inactive")
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.MAIL_MAX_MESSAGE_BYTES:
            raise too_large()  # refused before a byte is read
        raw = request.data
        if not isinstance(raw, bytes) or not raw.strip():
            raise ValidationError({"detail": _("Post one raw message as the body (Content-Type: message/rfc822)."),
                                   "code": "empty"})
        try:
            outcome = mail_receive(mailbox=mailbox, raw=raw, source="push")
        except MessageTooLarge as exc:
            raise too_large() from exc
        return Response(outcome.as_dict(), status=status.HTTP_201_CREATED)
