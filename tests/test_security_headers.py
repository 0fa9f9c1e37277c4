"""Content-Security-Policy and Permissions-Policy on every page (issue 15, item 20), and no
template that needs more than the policy allows: no inline script, no ``on…=`` handler, no
inline style."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from core.roles import Role

ROOT = Path(__file__).resolve().parent.parent
STRICT = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "object-src": "'none'",
    "base-uri": "'self'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
}
DENIED_FEATURES = ("camera", "microphone", "geolocation", "payment", "usb")


def _policy(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    return {name: value for name, _, value in (part.strip().partition(" ") for part in header.split(";"))}


def _assert_headers(response, allow: dict[str, str] | None = None):
    policy = _policy(response)
    assert policy == {**STRICT, **(allow or {})}, response.request["PATH_INFO"]
    assert "unsafe-inline" not in policy["script-src"] and "unsafe-eval" not in policy["script-src"]
    features = dict(item.split("=", 1) for item in response["Permissions-Policy"].split(", "))
    for feature in DENIED_FEATURES:
        assert features[feature] == "()", feature


def _inline_scripts(html: str) -> list[str]:
    return [tag for tag in re.findall(r"<script\b[^>]*>", html, re.I)
            if not re.search(r"\ssrc=", tag) and not re.search(r"""\stype=["']application/json["']""", tag)]


@pytest.fixture
def signed_in(make_user):
    def make(*roles):
        client = Client()
        client.force_login(make_user(*roles, username=f"csp-{'-'.join(roles)}"))
        return client
    return make


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/login/", "/status/", "/status/feed.atom", "/status/subscribe/", "/portal/"])
def test_public_pages_carry_the_strict_policy(path):
    response = Client().get(path)
    assert response.status_code in (200, 302), path
    _assert_headers(response)


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/incidents/", "/incidents/?tab=team", "/problems/", "/changes/",
                                  "/catalog/contacts/", "/profile/", "/contact-center/",
                                  "/api/v1/incidents/"])
def test_agent_pages_carry_the_strict_policy(signed_in, path):
    response = signed_in(Role.AGENT).get(path)
    assert response.status_code == 200, path
    _assert_headers(response)
    assert not _inline_scripts(response.content.decode()), path


@pytest.mark.django_db
def test_a_locked_out_login_page_carries_it_too():
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = client.post("/login/", {"username": "x", "password": "y"})
    assert response.status_code == 429
    _assert_headers(response)


@pytest.mark.django_db
def test_the_dashboard_charts_style_is_allowed_by_its_nonce_alone(signed_in):
    response = signed_in(Role.MANAGER).get("/dashboards/")
    assert response.status_code == 200
    nonce = re.fullmatch(r"'self' 'nonce-([A-Za-z0-9+/=]+)'", _policy(response)["style-src"]).group(1)
    _assert_headers(response, allow={"style-src": f"'self' 'nonce-{nonce}'"})
    html = response.content.decode()
    styles = re.findall(r"<style\b[^>]*>", html)
    assert len(styles) == 3 and all(f'nonce="{nonce}"' in tag for tag in styles)  # the three charts
    assert not _inline_scripts(html)
    assert not re.search(r"\sstyle=", html)


@pytest.mark.django_db
def test_the_api_docs_run_swagger_ui_from_files():
    client = Client()
    response = client.get("/api/docs/")
    assert response.status_code == 200
    _assert_headers(response, allow={"style-src": "'self' 'unsafe-inline'"})
    html = response.content.decode()
    assert not _inline_scripts(html)
    script = re.search(r'<script src="([^"]*script=[^"]*)"', html).group(1).replace("&amp;", "&")
    init = client.get(script)
    assert init.status_code == 200 and "javascript" in init["Content-Type"]
    assert "SwaggerUIBundle" in init.content.decode()


def _templates() -> list[Path]:
    folders = [Path(d) for d in settings.TEMPLATES[0]["DIRS"]]
    folders += [p for p in ROOT.glob("*/templates") if p.is_dir()]
    files = sorted({f for folder in folders for f in folder.rglob("*.html")})
    assert len(files) > 50
    return files


def test_no_template_has_an_inline_script_a_handler_attribute_or_an_inline_style():
    problems = []
    for path in _templates():
        text = path.read_text()
        where = path.relative_to(ROOT)
        problems += [f"{where}: inline script {tag}" for tag in _inline_scripts(text)]
        problems += [f"{where}: handler {m.group(0).strip()}" for m in re.finditer(r"\son[a-z]+\s*=", text, re.I)]
        problems += [f"{where}: {m.group(0).strip()}" for m in re.finditer(r"\shx-on\b|\shx-vars\b|javascript:", text)]
        problems += [f"{where}: inline style {m.group(0).strip()}" for m in re.finditer(r"<style\b|\sstyle=", text)]
    assert not problems, "\n".join(problems)
