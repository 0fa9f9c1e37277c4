from django.urls import path

from . import views

app_name = "incidents"
urlpatterns = [
    path("", views.QueueView.as_view(), name="queue"),
    path("new/", views.IncidentCreateView.as_view(), name="create"),
    path("bulk-assign/", views.bulk_assign, name="bulk-assign"),
    path("<int:pk>/", views.incident_detail, name="detail"),
    path("<int:pk>/edit/", views.IncidentEditView.as_view(), name="edit"),
    path("<int:pk>/attachments/<int:attachment_pk>/", views.attachment_download, name="attachment"),
    # take, assign, start, hold, resume, resolve, close, reopen, link, unlink, note, attach
    path("<int:pk>/<slug:action>/", views.incident_action, name="action"),
]
