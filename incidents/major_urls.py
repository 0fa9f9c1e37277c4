from django.urls import path

from . import major_views as views

app_name = "major"
urlpatterns = [
    path("", views.major_list, name="list"),
    path("declare/<int:incident_pk>/", views.declare, name="declare"),
    path("spikes/<int:pk>/", views.spike_alert, name="spike"),
    # declare, dismiss
    path("spikes/<int:pk>/<slug:decision>/", views.spike_decide, name="spike-decide"),
    path("<int:pk>/", views.war_room, name="detail"),
    path("<int:pk>/live/", views.war_room_live, name="live"),
    path("<int:pk>/postmortem/", views.postmortem, name="postmortem"),
    # take, done, cancel
    path("<int:pk>/tasks/<int:task_pk>/<slug:move>/", views.task_action, name="task"),
    # mobilise, contain, resolve, review, close, add-member, remove-member, add-task, update, announcement
    path("<int:pk>/<slug:action>/", views.major_action, name="action"),
]
