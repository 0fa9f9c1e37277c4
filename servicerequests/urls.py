"""The service-request pages: ``/requests/`` — the agents' queues and request page (staff),
and the approvals inbox (anyone asked to approve)."""

from django.urls import path

from . import views

app_name = "requests"
urlpatterns = [
    path("", views.request_queue, name="queue"),
    path("approvals/", views.approvals, name="approvals"),
    path("approvals/<int:pk>/", views.approval_decide, name="decide"),
    path("tasks/", views.task_queue, name="tasks"),
    path("tasks/<int:pk>/<slug:action>/", views.task_action, name="task-action"),
    path("<int:pk>/", views.request_detail, name="detail"),
    path("<int:pk>/<slug:action>/", views.request_action, name="action"),
]
