"""The managers' pages under ``/dashboards/``: the dashboards (rollups), the wallboard and
the staffing calculator."""

from django.urls import include, path

app_name = "dashboards"
urlpatterns = [
    path("", include("kpis.dashboard_urls")),
    path("", include("kpis.floor_urls")),
]
