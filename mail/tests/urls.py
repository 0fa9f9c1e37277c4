"""The project's URLs with the mail pages mounted as servicedesk/urls.py will mount them
(``path("mail/", include("mail.urls"))``), for the page tests until it does."""

from django.urls import include, path

from servicedesk.urls import urlpatterns as project_urlpatterns

urlpatterns = [path("mail/", include("mail.urls")), *project_urlpatterns]
