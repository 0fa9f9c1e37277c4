"""Handing out an attachment: the one response the incident page and the API both give.

Files are only ever sent through here, after the caller's right to see them was checked
(``selectors.attachment_visible_to``); ``MEDIA_ROOT`` must never be served directly (see
docs/operations.md)."""

from django.http import FileResponse, Http404

from .models import Attachment


def attachment_response(attachment: Attachment) -> FileResponse:
    """The file as a download, never shown inline and never sniffed into another type, so an
    uploaded page or script cannot run in our origin."""
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(handle, as_attachment=True, filename=attachment.name,
                            content_type=attachment.content_type or "application/octet-stream")
    response["X-Content-Type-Options"] = "nosniff"
    return response
