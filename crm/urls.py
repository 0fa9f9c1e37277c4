from django.urls import path  # noqa: F401 (the pages arrive with issue 19)

app_name = "crm"
urlpatterns: list = []
