from django.urls import path

from . import views

app_name = "requests"
urlpatterns = [
    path("", views.request_queue, name="queue"),
    path("approvals/", views.approvals, name="approvals"),
    path("<int:pk>/", views.request_detail, name="detail"),
]
