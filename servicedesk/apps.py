import gc

from django.apps import AppConfig

import servicedesk


class ServicedeskConfig(AppConfig):
    """The project: settings, root URLs, Celery, WSGI/ASGI, the home page. Its migration
    creates the role groups (kept here so existing databases keep their history)."""

    name = "servicedesk"
    verbose_name = "Service desk"

    def ready(self):
        # The collector, paused while the apps were imported (servicedesk/__init__.py), on
        # again; everything imported so far frozen out of its passes.
        if servicedesk._GC_PAUSED:
            servicedesk._GC_PAUSED = False
            gc.freeze()
            gc.enable()
