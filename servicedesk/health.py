"""``GET /healthz``: 200 when the database and the Celery broker answer, 503 otherwise."""

from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from servicedesk.celery import app


def _check_database() -> str | None:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # report any failure as unhealthy
        return type(exc).__name__
    return None


def _check_broker() -> str | None:
    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, interval_start=0, timeout=2)
    except Exception as exc:  # report any failure as unhealthy
        return type(exc).__name__
    return None


@never_cache
@require_GET
def healthz(request):
    checks = {"database": _check_database(), "broker": _check_broker()}
    ok = all(value is None for value in checks.values())
    body = {"status": "ok" if ok else "unavailable",
            "checks": {name: ("ok" if err is None else err) for name, err in checks.items()}}
    return JsonResponse(body, status=200 if ok else 503)
