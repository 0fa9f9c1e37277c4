from django.urls import path

from . import views

app_name = "changes"
urlpatterns = [
    path("", views.change_list, name="list"),
    path("new/", views.change_create, name="create"),
    path("calendar/", views.calendar, name="calendar"),
    path("approvals/", views.approvals, name="approvals"),
    path("approvals/<int:pk>/vote/", views.approval_vote, name="approval-vote"),
    path("<int:pk>/", views.change_detail, name="detail"),
    path("<int:pk>/edit/", views.change_edit, name="edit"),
    # submit, assess, send-to-cab, authorize, reject, schedule, implement, complete, review, close, cancel,
    # vote, link
    path("<int:pk>/<slug:action>/", views.change_action, name="action"),
]
