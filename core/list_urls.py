"""Page addresses of this part of core (included by servicedesk/urls.py at ``lists/``):
saved views and the lists' bulk actions (core.views_lists)."""

from django.urls import path

from . import views_lists

app_name = "lists"
urlpatterns: list = [
    path("views/", views_lists.saved_view_list, name="views"),
    path("views/save/", views_lists.saved_view_save, name="view-save"),
    path("views/<int:pk>/", views_lists.saved_view_open, name="view"),
    path("views/<int:pk>/delete/", views_lists.saved_view_delete, name="view-delete"),
    path("bulk/<slug:key>/", views_lists.bulk_action, name="bulk"),
]
