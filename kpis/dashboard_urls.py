"""``/dashboards/``: the managers' KPI dashboard (from the rollups)."""

from django.urls import path

from . import dashboard_views

urlpatterns = [
    path("", dashboard_views.dashboard, name="index"),
]
