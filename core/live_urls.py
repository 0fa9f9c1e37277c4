"""Page addresses of this part of core (included by servicedesk/urls.py at /live/)."""

from django.urls import path

from . import live

app_name = "live"
urlpatterns = [
    path("", live.changes, name="changes"),
    path("badge/", live.badge, name="badge"),
]
