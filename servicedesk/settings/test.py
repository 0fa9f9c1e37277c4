"""Tests run against the real PostgreSQL and Redis on the loopback (never SQLite, never an
in-memory broker): if either is missing, the test run fails instead of falling back."""

import os
import uuid

# TEST_DATABASE_URL / TEST_REDIS_URL point the tests elsewhere; a DATABASE_URL meant for the
# development server (say, SQLite) never leaks into the test run.
os.environ["DATABASE_URL"] = os.environ.get("TEST_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/servicedesk")
os.environ["REDIS_URL"] = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
os.environ.pop("CELERY_BROKER_URL", None)
os.environ.pop("CELERY_RESULT_BACKEND", None)
os.environ.setdefault("SECRET_KEY", "test-secret-key-not-for-production")

from .base import *  # noqa: E402,F403
from .base import CACHES, DATABASES, VAR_DIR, celery_queues  # noqa: E402

DEBUG = False
DATABASES["default"]["CONN_MAX_AGE"] = 0
# A test database never has to survive a crash: commits do not wait for the write-ahead log to
# reach the disk (4.2–4.7 ms per commit on this VM's disk, 0.12–0.18 ms without; the tests that
# commit for real, the API fuzz run, the seeded demo, the live server). Only these connections.
DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c synchronous_commit=off"
# TEST_DB_NAME lets two test runs on one machine use separate databases.
DATABASES["default"]["TEST"] = {"NAME": os.environ.get("TEST_DB_NAME", "test_servicedesk")}
# One key prefix per test process, so parallel runs on the same Redis never see each
# other's rate-limit counters.
CACHES["default"]["KEY_PREFIX"] = f"test-{uuid.uuid4().hex[:8]}"
# The tests delete their own keys between tests (conftest.py); the cache still lives off the
# broker's database so that nothing there can ever drop a queued task or a result.
CACHES["default"]["LOCATION"] = os.environ.get("TEST_CACHE_URL", "redis://127.0.0.1:6379/14")
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SMS_BACKEND = "notifications.sms.OutboxBackend"
TELEPHONY_BACKEND = "contactcenter.telephony.OutboxBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
VAR_DIR.mkdir(parents=True, exist_ok=True)
# The live server of browser tests serves static files straight from the finders.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Each test process has its own queues (default, fast, slow) on the shared Redis, so a worker
# started by one test run never consumes messages queued by another.
CELERY_TASK_DEFAULT_QUEUE, CELERY_TASK_QUEUES, CELERY_TASK_ROUTES = celery_queues(f"test-{uuid.uuid4().hex[:8]}-")
# A minimal ticket model for the SLA engine's tests.
INSTALLED_APPS = [*INSTALLED_APPS, "sla.tests.ticketapp"]  # noqa: F405
