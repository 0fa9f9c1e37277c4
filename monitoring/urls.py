from django.urls import path

from . import views

app_name = "monitoring"
urlpatterns = [
    path("alerts/", views.AlertListView.as_view(), name="alerts"),
]
