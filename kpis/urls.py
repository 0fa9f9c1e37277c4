"""The managers' pages under ``/dashboards/`` (namespace ``dashboards``): the KPI dashboard
(from the rollups), the wallboard and the staffing calculator. The API is in ``api/urls.py``."""

from django.urls import path

from .views import dashboard as dashboard_views
from .views import floor as floor_views

app_name = "dashboards"
urlpatterns = [
    path("", dashboard_views.dashboard, name="index"),
    path("wallboard/", floor_views.WallboardView.as_view(), name="wallboard"),
    path("staffing/", floor_views.StaffingView.as_view(), name="staffing"),
]
