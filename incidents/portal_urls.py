"""The requester portal: ``/portal/``."""

from django.urls import path

from . import views

app_name = "portal"
urlpatterns = [
    path("", views.portal_home, name="home"),
    path("incidents/<int:pk>/", views.portal_incident, name="incident"),
]
