"""The floor's pages: ``/dashboards/wallboard/`` and ``/dashboards/staffing/``."""

from django.urls import path

from . import floor_views

urlpatterns = [
    path("wallboard/", floor_views.WallboardView.as_view(), name="wallboard"),
    path("staffing/", floor_views.StaffingView.as_view(), name="staffing"),
]
