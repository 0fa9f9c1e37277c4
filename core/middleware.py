"""Per-user language and timezone, chosen on the profile page and kept in the session; the
Content-Security-Policy header with its policies built once (ready for MIDDLEWARE, in place of
django-csp's own)."""

import http.client as http_client
import zoneinfo
from dataclasses import asdict

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject, CSPMiddleware, PolicyParts
from csp.utils import build_policy
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils import timezone, translation


class UserPreferencesMiddleware:
    """After LocaleMiddleware: a signed-in user's saved language wins over the browser's,
    and times are shown in the user's own timezone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        language = session.get("sd_language") if session is not None else None
        if language and language in dict(settings.LANGUAGES):
            translation.activate(language)
            request.LANGUAGE_CODE = language
        tzname = session.get("sd_timezone") if session is not None else None
        timezone.deactivate()
        if tzname:
            try:
                timezone.activate(zoneinfo.ZoneInfo(tzname))
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                pass
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()


#: (report only, header, the response's exemption attribute, the setting naming excluded prefixes)
_HEADERS = ((False, HEADER, "_csp_exempt", "CONTENT_SECURITY_POLICY"),
            (True, HEADER_REPORT_ONLY, "_csp_exempt_ro", "CONTENT_SECURITY_POLICY_REPORT_ONLY"))


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's ``CSPMiddleware`` with its two policies (enforced and report-only) built
    once per process for the responses that carry none of their own: no ``@csp_update``,
    ``@csp_replace`` or ``@csp`` on the view and no nonce used by the page (most answers, the
    API's all). django-csp builds both from settings on every response (``build_policy`` over a
    copy of every directive: 50–100 µs of CPU a request); the strings are the same each time in
    a process, so they are kept, and built again when a test changes the settings. Every other
    response, and everything else the middleware does, is django-csp's own."""

    _plain = PolicyParts()
    _built: dict[bool, str] = {}

    def _policy(self, parts: PolicyParts, report_only: bool) -> str:
        if parts != self._plain:
            return build_policy(**asdict(parts), report_only=report_only)
        policy = self._built.get(report_only)
        if policy is None:
            policy = self._built[report_only] = build_policy(report_only=report_only)
        return policy

    def process_response(self, request, response):
        # django-csp 4's CSPMiddleware.process_response (its two halves, enforced and report-only,
        # as one loop), with self._policy for build_policy.
        if response.status_code in (http_client.INTERNAL_SERVER_ERROR, http_client.NOT_FOUND) and settings.DEBUG:
            return response
        for report_only, header, exempt, setting in _HEADERS:
            value = self._policy(self.get_policy_parts(request=request, response=response, report_only=report_only),
                                 report_only)
            if value and header not in response and getattr(response, exempt, False) is False:
                prefixes = (getattr(settings, setting, None) or {}).get("EXCLUDE_URL_PREFIXES", None) or ()
                if not request.path_info.startswith(tuple(prefixes)):
                    response[header] = value
        if getattr(request, "_csp_nonce", None) is None:
            request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response


@receiver(setting_changed)
def _csp_settings_changed(setting, **kwargs):
    if setting in ("CONTENT_SECURITY_POLICY", "CONTENT_SECURITY_POLICY_REPORT_ONLY"):
        ContentSecurityPolicyMiddleware._built.clear()
