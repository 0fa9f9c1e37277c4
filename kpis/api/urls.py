"""``kpis/contact-center/``, ``kpis/itsm/`` (rollups) and ``kpis/staffing/`` (Erlang C)."""

from django.urls import include, path

urlpatterns = [
    path("", include("kpis.api.rollup_urls")),
    path("", include("kpis.api.staffing_urls")),
]
