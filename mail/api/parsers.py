"""The inbound API's body: one raw RFC 822 message, as bytes."""

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework import exceptions, parsers, status


class MessageTooLargeError(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "The message is too large."
    default_code = "too_large"


def too_large() -> MessageTooLargeError:
    limit = settings.MAIL_MAX_MESSAGE_BYTES
    return MessageTooLargeError(_("The message is larger than %(limit)s bytes (%(mb)s MB), the most this desk "
                                  "takes (MAIL_MAX_MESSAGE_BYTES).") % {"limit": limit, "mb": limit // (1024 * 1024)})


class RawMessageParser(parsers.BaseParser):
    """``Content-Type: message/rfc822``: the body's bytes, unchanged. Reads at most one byte
    more than ``MAIL_MAX_MESSAGE_BYTES``, so a huge body is refused (413) without being held
    in memory whole."""

    media_type = "message/rfc822"

    def parse(self, stream, media_type=None, parser_context=None) -> bytes:
        if stream is None:
            return b""
        limit = settings.MAIL_MAX_MESSAGE_BYTES
        raw = stream.read(limit + 1)
        if len(raw) > limit:
            raise too_large()
        return raw
