from django.urls import path

from . import major_views as views

app_name = "major"
urlpatterns = [
    path("", views.major_list, name="list"),
    path("<int:pk>/", views.war_room, name="detail"),
    path("spikes/<int:pk>/", views.spike_alert, name="spike"),
]
