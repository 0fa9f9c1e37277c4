"""The Celery application.

Configuration comes from Django settings (``CELERY_*``), so the same code runs on the
embedded filesystem broker (nothing to install) and on Redis in production.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "servicedesk.settings.local")

app = Celery("servicedesk")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
