from django.urls import path

from . import views

app_name = "incidents"
urlpatterns = [
    path("<int:pk>/", views.incident_detail, name="detail"),
]
