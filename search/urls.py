"""The search results page under /search/ (url names in the ``search`` namespace)."""

from django.urls import path

from . import views

app_name = "search"
urlpatterns: list = [
    path("", views.results, name="results"),
    path("suggest/", views.suggest, name="suggest"),
]
