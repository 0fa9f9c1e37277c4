"""``kpis/contact-center/`` and ``kpis/itsm/`` (from the rollup tables)."""

from django.urls import path

from .rollup_views import ContactCenterKpisView, ItsmKpisView

urlpatterns = [
    path("kpis/contact-center/", ContactCenterKpisView.as_view(), name="kpis-contact-center"),
    path("kpis/itsm/", ItsmKpisView.as_view(), name="kpis-itsm"),
]
