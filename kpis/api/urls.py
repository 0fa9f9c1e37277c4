"""``kpis/contact-center/`` and ``kpis/itsm/`` (from the rollup tables) and ``kpis/staffing/``
(the Erlang C calculator)."""

from django.urls import path

from .rollup import views as rollup_views
from .staffing import views as staffing_views

urlpatterns = [
    path("kpis/contact-center/", rollup_views.ContactCenterKpisView.as_view(), name="kpis-contact-center"),
    path("kpis/itsm/", rollup_views.ItsmKpisView.as_view(), name="kpis-itsm"),
    path("kpis/providers/", rollup_views.ProviderKpisView.as_view(), name="kpis-providers"),
    path("kpis/staffing/", staffing_views.StaffingView.as_view(), name="kpis-staffing"),
]
