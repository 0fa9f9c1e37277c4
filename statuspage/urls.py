from django.urls import path

from . import views

app_name = "statuspage"
urlpatterns = [
    path("", views.index, name="index"),
    path("incidents/<int:pk>/", views.incident, name="incident"),
    path("feed.atom", views.StatusFeed(), name="feed"),
    path("status.json", views.status_json, name="json"),
    path("subscribe/", views.subscribe, name="subscribe"),
    path("subscribe/sent/", views.subscribe_sent, name="subscribe-sent"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
