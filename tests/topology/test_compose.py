"""docker-compose.yml describes the production topology (issue 23), and is a valid Compose file.

Docker is not installed where the tests run, so ``docker compose config`` cannot check the file.
Instead it is validated against the Compose Specification's JSON schema that the
check-jsonschema package ships (``--builtin-schema vendor.compose-spec``, kept up to date by its
maintainers: nothing is vendored here), and the topology is then asserted service by service.
"""

from __future__ import annotations

import configparser
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = ROOT / "docker-compose.yml"


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load(COMPOSE.read_text())


def test_the_compose_file_is_valid_against_the_compose_specification():
    try:
        import check_jsonschema  # noqa: F401
    except ImportError:
        pytest.fail("The compose check needs check-jsonschema (the project's test extra).", pytrace=False)
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.compose-spec", str(COMPOSE)],
        capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok -- validation done" in result.stdout


def test_the_validator_refuses_a_broken_compose_file(tmp_path):
    """The check above can fail: a service with an unknown key is refused."""
    pytest.importorskip("check_jsonschema")
    broken = tmp_path / "docker-compose.yml"
    broken.write_text("services:\n  web:\n    image: servicedesk:local\n    replicas_typo: 2\n")
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.compose-spec", str(broken)],
        capture_output=True, text=True, timeout=120)
    assert result.returncode != 0 and "replicas_typo" in result.stdout + result.stderr


def _command(service: dict) -> list[str]:
    command = service.get("command", [])
    return command.split() if isinstance(command, str) else list(command)


def _queues(service: dict) -> set[str]:
    command = _command(service)
    return set(command[command.index("-Q") + 1].split(",")) if "-Q" in command else set()


def test_two_web_containers_stand_behind_the_proxy(compose):
    services = compose["services"]
    webs = [name for name, service in services.items() if "gunicorn" in _command(service)]
    assert sorted(webs) == ["web-1", "web-2"]
    proxy = services["proxy"]
    assert proxy["ports"] == ["8000:8000"] and not any("ports" in services[name] for name in webs)
    assert set(proxy["depends_on"]) == set(webs)
    nginx = compose["configs"]["nginx-conf"]["content"]
    upstream = re.search(r"upstream servicedesk \{(.*?)\}", nginx, re.S).group(1)
    assert sorted(re.findall(r"server (\S+):8000", upstream)) == webs
    # The proxy overwrites the forwarding headers, and the app trusts exactly that one hop.
    assert "proxy_set_header X-Forwarded-For $$remote_addr;" in nginx
    assert "proxy_set_header X-Forwarded-Proto $$scheme;" in nginx
    assert all(services[name]["environment"]["NUM_PROXIES"] == "1" for name in webs)
    assert all("healthcheck" in services[name] for name in webs)


def test_workers_consume_every_queue_and_one_beat_runs(compose):
    services = compose["services"]
    workers = {name: _queues(service) for name, service in services.items()
               if _command(service)[:4] == ["celery", "-A", "servicedesk", "worker"]}
    assert workers == {"worker-fast": {"fast", "celery"}, "worker-slow": {"slow"}}
    # Every queue the settings route to has its worker (names without a test run's prefix).
    from servicedesk.settings.base import celery_queues

    default, queues, routes = celery_queues()
    assert {queue.name for queue in queues} == {default, "fast", "slow"} == set().union(*workers.values())
    assert {route["queue"] for route in routes.values()} <= {queue.name for queue in queues}
    beats = [name for name, service in services.items() if "beat" in _command(service)]
    assert beats == ["beat"] and "deploy" not in services["beat"]


def test_every_app_process_goes_through_pgbouncer_in_transaction_mode(compose):
    services = compose["services"]
    app = [name for name, service in services.items() if service.get("image") == "servicedesk:local"]
    assert set(app) == {"migrate", "web-1", "web-2", "worker-fast", "worker-slow", "beat"}
    for name in set(app) - {"migrate"}:
        environment = services[name]["environment"]
        assert "@pgbouncer:6432/" in environment["DATABASE_URL"], name
        assert environment["DATABASE_TRANSACTION_POOLING"] == "true", name
        assert services[name]["depends_on"]["pgbouncer"]["condition"] == "service_healthy", name
        assert services[name]["depends_on"]["migrate"]["condition"] == "service_completed_successfully", name
    # Migrations go straight to PostgreSQL.
    assert "@postgres:5432/" in services["migrate"]["environment"]["DATABASE_URL"]
    ini = configparser.ConfigParser()
    ini.read_string(compose["configs"]["pgbouncer-ini"]["content"])
    assert ini["pgbouncer"]["pool_mode"] == "transaction"
    assert ini["databases"]["servicedesk"].startswith("host=postgres port=5432")
    assert "pgbouncer" in services["pgbouncer"]["build"]["dockerfile_inline"]
    assert {"postgres", "redis"} <= set(services)


def test_the_settings_follow_the_pooling_switch():
    """What the compose file's DATABASE_TRANSACTION_POOLING turns on, in a fresh interpreter."""
    code = ("import os; os.environ.update(DATABASE_URL='postgres://u@h:6432/d', DATABASE_TRANSACTION_POOLING='true');"
            "from servicedesk.settings import base as b; d = b.DATABASES['default'];"
            "print(d['DISABLE_SERVER_SIDE_CURSORS'], d['OPTIONS']['prepare_threshold'], 'reports' in b.DATABASES)")
    env = {key: value for key, value in __import__("os").environ.items()
           if not key.startswith(("DATABASE_", "DJANGO_SETTINGS"))}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,  # noqa: S603
                            env=env, timeout=60)
    assert result.stdout.split() == ["True", "None", "False"], result.stderr
    assert settings.DATABASE_ROUTERS == ["core.db_router.ReportsRouter"]
