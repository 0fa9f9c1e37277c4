from django.urls import path

from . import views

app_name = "sla"
urlpatterns = [
    path("", views.DashboardView.as_view(), name="dashboard"),
    path("calendars/", views.CalendarListView.as_view(), name="calendar-list"),
    path("calendars/new/", views.CalendarFormView.as_view(), name="calendar-create"),
    path("calendars/<int:pk>/", views.CalendarFormView.as_view(), name="calendar-edit"),
    path("policies/", views.PolicyListView.as_view(), name="policy-list"),
    path("policies/new/", views.PolicyFormView.as_view(), name="policy-create"),
    path("policies/<int:pk>/", views.PolicyFormView.as_view(), name="policy-edit"),
]
