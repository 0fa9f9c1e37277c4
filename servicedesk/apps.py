from django.apps import AppConfig


class ServicedeskConfig(AppConfig):
    """The project: settings, root URLs, Celery, WSGI/ASGI, the home page. Its migration
    creates the role groups (kept here so existing databases keep their history)."""

    name = "servicedesk"
    verbose_name = "Service desk"
