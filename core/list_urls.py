"""Page addresses of this part of core (included by servicedesk/urls.py)."""

from django.urls import path  # noqa: F401

app_name = "lists"
urlpatterns: list = []
