from django.urls import path

from . import views

app_name = "changes"
urlpatterns = [
    path("", views.change_list, name="list"),
    path("<int:pk>/", views.change_detail, name="detail"),
    path("calendar/", views.calendar, name="calendar"),
    path("approvals/", views.approvals, name="approvals"),
]
