"""The requester portal: ``/portal/`` — the catalogue, my requests, my incidents."""

from django.urls import path

from incidents import views as incident_views

from . import views

app_name = "portal"
urlpatterns = [
    path("", views.portal_home, name="home"),
    path("report/", incident_views.portal_home, name="report"),
    path("incidents/<int:pk>/", incident_views.portal_incident, name="incident"),
    path("catalog/<int:pk>/", views.portal_order, name="order"),
    path("requests/<int:pk>/", views.portal_request, name="request"),
]
