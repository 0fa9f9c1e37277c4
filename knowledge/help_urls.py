"""The public help centre under /help/ (no login; url names in the ``knowledge`` namespace)."""

from django.urls import path

from .views import help as views

urlpatterns: list = [
    path("help/", views.help_home, name="help"),
    path("help/search/", views.help_search, name="help-search"),
    path("help/suggest/", views.help_suggest, name="help-suggest"),
    path("help/images/<int:pk>/", views.help_image, name="help-image"),
    path("help/<str:number>/", views.help_article, name="help-article"),
    path("help/<str:number>/feedback/", views.help_feedback, name="help-feedback"),
]
