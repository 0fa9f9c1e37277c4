"""core.middleware.ContentSecurityPolicyMiddleware: django-csp's headers, its policies built once."""

import re

import pytest
from csp.constants import NONCE, SELF
from csp.decorators import csp_exempt, csp_replace, csp_update
from csp.middleware import CSPMiddleware
from django.http import HttpResponse, HttpResponseNotFound
from django.test import RequestFactory

from core.middleware import ContentSecurityPolicyMiddleware

HEADERS = ("Content-Security-Policy", "Content-Security-Policy-Report-Only")


def _view(request):
    return HttpResponse("ok")


def _nonce_view(request):
    return HttpResponse(f"<script nonce='{request.csp_nonce}'></script>")


VIEWS = {
    "plain": _view,
    "update": csp_update({"style-src": ["'unsafe-inline'"]})(_view),
    "replace": csp_replace({"img-src": [SELF]})(_view),
    "exempt": csp_exempt()(_view),
    "nonce": csp_update({"script-src": [NONCE]})(_nonce_view),
    "404": lambda request: HttpResponseNotFound("no"),
}


def _headers(middleware_class, view, path="/x/"):
    request = RequestFactory().get(path)
    request._csp_nonce = "fixed-nonce"  # the same nonce both ways (it is random otherwise)
    response = middleware_class(view)(request)
    return {name: response.get(name) for name in HEADERS}, request


@pytest.mark.parametrize("name", list(VIEWS))
@pytest.mark.parametrize("report_only", [False, True])
@pytest.mark.parametrize("debug", [False, True])
def test_the_headers_are_django_csps(name, report_only, debug, settings):
    settings.DEBUG = debug
    if report_only:
        settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = {"DIRECTIVES": {"default-src": [SELF], "report-uri": "/r/"}}
    for _ in range(2):  # built, then kept
        ours, _ = _headers(ContentSecurityPolicyMiddleware, VIEWS[name])
        theirs, _ = _headers(CSPMiddleware, VIEWS[name])
        assert ours == theirs
    skipped = debug and name == "404"  # DEBUG's error pages go without
    assert (ours["Content-Security-Policy"] is not None) == (name != "exempt" and not skipped)
    assert (ours["Content-Security-Policy-Report-Only"] is not None) == (report_only and not skipped)


def test_a_settings_change_builds_the_policy_again(settings):
    first, _ = _headers(ContentSecurityPolicyMiddleware, _view)
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": [SELF], "img-src": ["data:"]}}
    second, _ = _headers(ContentSecurityPolicyMiddleware, _view)
    assert second == _headers(CSPMiddleware, _view)[0] and second != first
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": [SELF]},
                                        "EXCLUDE_URL_PREFIXES": ["/x/"]}
    assert _headers(ContentSecurityPolicyMiddleware, _view)[0] == _headers(CSPMiddleware, _view)[0]


def test_a_nonce_asked_after_the_header_is_written_fails_as_with_django_csp():
    from csp.exceptions import CSPNonceError

    request = RequestFactory().get("/x/")
    ContentSecurityPolicyMiddleware(_view)(request)
    with pytest.raises(CSPNonceError):
        str(request.csp_nonce)


@pytest.mark.django_db
def test_the_project_pages_answer_the_same_headers(client, agent, settings):
    ours = list(settings.MIDDLEWARE)
    assert "core.middleware.ContentSecurityPolicyMiddleware" in ours  # the one the project runs
    theirs = [m if m != "core.middleware.ContentSecurityPolicyMiddleware" else "csp.middleware.CSPMiddleware"
              for m in ours]
    client.force_login(agent)
    answers = {}
    for middleware in (theirs, ours):
        settings.MIDDLEWARE = middleware
        answers[tuple(middleware)] = [
            {name: re.sub(r"'nonce-[^']+'", "'nonce-…'", client.get(path).get(name) or "") for name in HEADERS}
            for path in ("/login/", "/incidents/", "/api/v1/skills/", "/api/docs/", "/dashboards/", "/nope/")]
    theirs, mine = answers.values()
    assert mine == theirs and all(h["Content-Security-Policy"] for h in mine)
