"""The agents' pages under /knowledge/ (url names in the ``knowledge`` namespace)."""

from django.urls import path

from .views import agent

urlpatterns: list = [
    path("knowledge/", agent.article_list, name="articles"),
    path("knowledge/new/", agent.article_create, name="article-new"),
    path("knowledge/from-known-error/<int:ke_pk>/", agent.article_from_known_error, name="article-from-known-error"),
    path("knowledge/<int:pk>/", agent.article_detail, name="article"),
    path("knowledge/<int:pk>/edit/", agent.article_edit, name="article-edit"),
    path("knowledge/<int:pk>/images/", agent.article_image_upload, name="article-image-upload"),
    path("knowledge/<int:pk>/send/", agent.article_send, name="article-send"),
    # submit, publish, retire
    path("knowledge/<int:pk>/<slug:action>/", agent.article_action, name="article-action"),
]
