from django.urls import path

from . import views

app_name = "problems"
urlpatterns = [
    path("", views.problem_list, name="list"),
    path("<int:pk>/", views.problem_detail, name="detail"),
    path("known-errors/<int:pk>/", views.known_error_detail, name="known-error"),
]
