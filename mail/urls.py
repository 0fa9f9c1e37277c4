from django.urls import path

from . import views

app_name = "mail"
urlpatterns = [
    path("mailboxes/", views.MailboxListView.as_view(), name="mailboxes"),
]
