"""The platform as an operator meets it: roles, the first admin, health, settings, demo data."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command

from core.roles import Role, roles_of

ROOT = Path(__file__).resolve().parent.parent
User = get_user_model()


@pytest.mark.django_db
def test_every_role_exists_as_a_group():
    assert set(Group.objects.values_list("name", flat=True)) >= set(Role.values)


@pytest.mark.django_db
def test_the_first_admin_comes_from_createsuperuser(monkeypatch, api):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a-long-pass-phrase-9")
    call_command("createsuperuser", "--noinput", username="root", email="root@example.test", verbosity=0)
    root = User.objects.get(username="root")
    assert Role.ADMIN in roles_of(root)
    assert api.as_user(root).get("/api/v1/users/").status_code == 200


@pytest.mark.django_db
def test_healthz_answers_200_when_database_and_broker_answer(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "broker": "ok"}}


@pytest.mark.django_db
def test_healthz_answers_503_when_the_broker_is_down(client):
    from servicedesk.celery import app

    previous = app.conf.broker_url
    app.conf.broker_url = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    try:
        response = client.get("/healthz")
    finally:
        app.conf.broker_url = previous
    assert response.status_code == 503
    assert response.json()["checks"]["database"] == "ok"
    assert response.json()["checks"]["broker"] != "ok"


def _manage(*args, env_extra=None, settings_module="servicedesk.settings.production"):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "SECRET_KEY"))}
    env.update({"DJANGO_SETTINGS_MODULE": settings_module, **(env_extra or {})})
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)


def test_production_settings_refuse_to_start_without_a_secret_key():
    result = _manage("check", env_extra={"DATABASE_URL": "postgres://postgres@127.0.0.1:5432/postgres"})
    assert result.returncode != 0
    assert "SECRET_KEY is required" in result.stderr


def test_check_deploy_is_clean_with_production_settings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env_extra={
        "SECRET_KEY": "x7#Kq!2mZ9@vT4$wR8^pL6&nB3*eH1(cJ5)fG0-sD_aY+uI=oP" * 2,
        "ALLOWED_HOSTS": "desk.example.org",
        "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/postgres",
        "REDIS_URL": "redis://127.0.0.1:6379/14",
    })
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


@pytest.mark.django_db
def test_embedded_defaults_run_a_real_worker_with_nothing_but_python(tmp_path):
    """SQLite under VAR_DIR and kombu's filesystem broker: a worker process consumes a task
    sent by another process, with no server installed."""
    env = {k: v for k, v in os.environ.items()
           if k not in {"DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL", "CELERY_RESULT_BACKEND"}}
    env.update({"DJANGO_SETTINGS_MODULE": "servicedesk.settings.local", "VAR_DIR": str(tmp_path)})
    celery = str(Path(sys.executable).with_name("celery"))
    worker = subprocess.Popen([celery, "-A", "servicedesk", "worker", "--pool=solo", "--loglevel=WARNING"],
                              cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        sender = subprocess.run([sys.executable, "-c", (
            "import django; django.setup();"
            "from django.conf import settings; assert settings.CELERY_BROKER_URL == 'filesystem://';"
            "assert settings.DATABASES['default']['ENGINE'].endswith('sqlite3');"
            "from servicedesk.tasks import ping; print(ping.delay('embedded').get(timeout=60))")],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=90)
        assert sender.returncode == 0, sender.stderr
        assert sender.stdout.strip() == "embedded"
    finally:
        # Killed: the task's answer is in. A warm shutdown waits out the filesystem transport's
        # polls (4.8 s measured), which is the broker's way, not this test's question.
        worker.kill()
        worker.wait(timeout=20)
