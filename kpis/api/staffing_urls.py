"""``kpis/staffing/`` (Erlang C calculator)."""

from django.urls import path

from .staffing_views import StaffingView

urlpatterns = [
    path("kpis/staffing/", StaffingView.as_view(), name="kpis-staffing"),
]
