"""The service desk project package."""

import gc

# Start-up without the cyclic garbage collector: setting Django up allocates ~300,000
# long-lived objects (modules, classes, models, URL patterns) and hardly any garbage, yet the
# collector ran ~500 times over them (3 full passes), and once more over all of them when the
# process exits. The project's AppConfig.ready() (servicedesk/apps.py) turns it on again, after
# moving what exists by then out of its reach for good (gc.freeze: never garbage, and a forked
# gunicorn or Celery child no longer touches those pages). Measured (5 runs, medians of user +
# system CPU): django.setup() and the URLs 1.60 -> 1.04 s, `manage.py help` 1.02 -> 0.63 s,
# `manage.py check --deploy` 3.17 -> 2.32 s. A process that imports this package and never
# sets Django up runs without the collector: short scripts only.
_GC_PAUSED = gc.isenabled()
if _GC_PAUSED:
    gc.disable()

from .celery import app as celery_app  # noqa: E402

__all__ = ("celery_app",)
