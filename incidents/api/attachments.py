"""``GET incidents/<id>/attachments/<attachment id>/download/``: an attachment's file, to
whoever may see it (the ``url`` of every attachment the API lists). The storage's own URL is
never handed out: ``MEDIA_ROOT`` is not served, and serving it would skip this check."""

from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.permissions import IsAuthenticated
from rest_framework.views import APIView

from ..downloads import attachment_response
from ..selectors import attachment_visible_to


class _AnyAccept(BaseContentNegotiation):
    """The file goes out whatever the client accepts (``application/octet-stream``, say);
    errors are JSON, as everywhere under /api/."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class AttachmentDownloadView(APIView):
    permission_classes = [IsAuthenticated]
    content_negotiation_class = _AnyAccept

    @extend_schema(
        operation_id="incidents_attachments_download",
        responses={(200, "application/octet-stream"): OpenApiResponse(OpenApiTypes.BINARY,
                                                                      description="the file, as a download"),
                   404: OpenApiResponse(description="no such attachment, or not one the caller may see")},
    )
    def get(self, request, pk: int, attachment_pk: int):
        """The file as a download (`Content-Disposition: attachment`). Staff get any
        attachment of any incident; a requester the public ones of their own incidents; 404
        for anything else."""
        attachment = attachment_visible_to(request.user, incident_id=pk, attachment_id=attachment_pk)
        if attachment is None:
            raise NotFound(_("No such attachment."))
        return attachment_response(attachment)
