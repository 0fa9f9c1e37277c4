from django.urls import path

from .views import SearchView

urlpatterns: list = [
    path("search/", SearchView.as_view(), name="api-search"),
]
