from csp.constants import UNSAFE_INLINE
from csp.decorators import csp_update
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog
from drf_spectacular.views import SpectacularSwaggerSplitView

from core.api.schema_view import SchemaView
from core.urls import IndexedResolver
from incidents import urls as incidents_urls
from servicerequests import urls as servicerequests_urls

from . import health, views

api_v1 = [
    path("auth/token/", views.TokenView.as_view(), name="api-token"),
    path("", include("catalog.api.urls")),
    path("", include("notifications.api.urls")),
    path("", include("sla.api.urls")),
    path("", include("incidents.api.urls")),
    path("", include("problems.api.urls")),
    path("", include("changes.api.urls")),
    path("", include("servicerequests.api.urls")),
    path("", include("mail.api.urls")),
    path("", include("monitoring.api.urls")),
    path("", include("contactcenter.api.urls")),
    path("", include("crm.api.urls")),
    path("", include("knowledge.api.urls")),
    path("", include("kpis.api.urls")),
    path("", include("search.api.urls")),
]

urlpatterns = [
    # The busiest addresses first: Django tries the patterns in order (a live poll, a Twilio
    # webhook or an API call used to pass some 25 patterns first).
    path("live/", include("core.live_urls")),
    path("telephony/", include("contactcenter.webhooks.urls")),
    # The API's routers share /api/v1/: only those whose patterns the path can match are tried
    # (core/urls.py; the same matches, views and names as Django's loop).
    IndexedResolver.of(path("api/v1/", include(api_v1))),
    path("", views.home, name="home"),
    path("profile/", views.profile, name="profile"),
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("catalog/", include("catalog.urls")),
    path("notifications/", include("notifications.urls")),
    path("incidents/", include("incidents.urls")),
    path("major-incidents/", include(incidents_urls.major)),
    path("problems/", include("problems.urls")),
    path("changes/", include("changes.urls")),
    path("portal/", include(servicerequests_urls.portal)),
    path("requests/", include("servicerequests.urls")),
    path("mail/", include("mail.urls")),
    path("monitoring/", include("monitoring.urls")),
    path("contact-center/", include("contactcenter.urls")),
    # /customers/<id>/, /contacts/<id>/ (the 360° view) and /complaints/… (API.md, Pages)
    path("", include("crm.urls")),
    # /knowledge/… (agents) and /help/… (the public help centre, no login)
    path("", include("knowledge.urls")),
    path("status/", include("statuspage.urls")),
    path("dashboards/", include("kpis.urls")),
    path("search/", include("search.urls")),
    path("sla/", include("sla.urls")),
    path("lists/", include("core.list_urls")),
    path("healthz", health.healthz, name="healthz"),
    path("healthz/", health.healthz),
    path("api/schema/", SchemaView.as_view(), name="api-schema"),
    # Swagger UI under the Content-Security-Policy: its start-up script is served as a file
    # (the split view); its page keeps a small <style> block.
    path("api/docs/", csp_update({"style-src": [UNSAFE_INLINE]})(
        SpectacularSwaggerSplitView.as_view(url_name="api-schema")), name="api-docs"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("admin/", admin.site.urls),
]

# Browsers ask for /favicon.ico whatever the page says; answer with ours instead of a 404.
# The static URL is resolved per request: the manifest storage of production only knows it
# after collectstatic.
urlpatterns.append(path("favicon.ico", lambda request: redirect(static("img/favicon.svg"), permanent=True)))

# Under /api/ every error is JSON `{"detail", "code"}` (API.md), also when no route matches or
# a view fails unexpectedly; elsewhere Django's error pages.
handler400 = "core.api.exceptions.api_bad_request"
handler403 = "core.api.exceptions.api_permission_denied"
handler404 = "core.api.exceptions.api_page_not_found"
handler500 = "core.api.exceptions.api_server_error"
