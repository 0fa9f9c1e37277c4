import gc

from django.apps import AppConfig


class ServicedeskConfig(AppConfig):
    """The project: settings, root URLs, Celery, WSGI/ASGI, the home page. Its migration
    creates the role groups (kept here so existing databases keep their history)."""

    name = "servicedesk"
    verbose_name = "Service desk"

    def ready(self):
        import servicedesk

        # The collector, paused while the apps were imported (servicedesk/__init__.py), on
        # again; everything imported so far frozen out of its passes.
        if servicedesk._GC_PAUSED:
            servicedesk._GC_PAUSED = False
            gc.freeze()
            gc.enable()
