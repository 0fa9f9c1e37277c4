"""``alert-sources/<id>/events/`` is posted by a monitoring system, not a person: it proves
who it is with the source's own token (``Authorization: Bearer <token>``). The authenticated
"user" is anonymous; ``request.auth`` is the :class:`~monitoring.models.AlertSource`."""

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions, permissions

from ..models import AlertSource
from ..selectors import alert_source_for_token


class AlertSourceTokenAuthentication(authentication.BaseAuthentication):
    keyword = b"bearer"

    def authenticate(self, request):
        parts = authentication.get_authorization_header(request).split()
        if not parts or parts[0].lower() != self.keyword:
            return None  # no bearer token: 401 from the permission below
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed(_("Send the source's token as: Authorization: Bearer <token>."))
        try:
            token = parts[1].decode("ascii")
        except UnicodeDecodeError as exc:
            raise exceptions.AuthenticationFailed(_("Wrong token for this alert source.")) from exc
        source_id = ((getattr(request, "parser_context", None) or {}).get("kwargs") or {}).get("pk")
        source = alert_source_for_token(source_id=source_id, token=token)
        if source is None:
            raise exceptions.AuthenticationFailed(_("Wrong token for this alert source."))
        return AnonymousUser(), source

    def authenticate_header(self, request) -> str:
        return 'Bearer realm="alert-source"'


class IsAlertSource(permissions.BasePermission):
    """The request carries a valid source token (else 401)."""

    def has_permission(self, request, view) -> bool:
        return isinstance(request.auth, AlertSource)


class AlertSourceTokenScheme(OpenApiAuthenticationExtension):
    target_class = AlertSourceTokenAuthentication
    name = "alertSourceToken"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "bearer",
                "description": "The alert source's own token, shown once when the source is made or its token "
                               "rotated."}
