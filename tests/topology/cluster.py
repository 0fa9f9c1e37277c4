"""The production topology on the loopback, as real processes: PgBouncer (transaction pooling)
in front of the test database, two gunicorn instances, Celery workers on separate queues,
Redis as the broker. Every process runs the production settings with the environment
docs/operations.md describes; nothing is mocked.

Each run has its own broker key prefix (kombu's ``global_keyprefix``) and cache key prefix on
the tests' Redis, so it never sees another test's queues, and a short visibility timeout, so a
task a killed worker had taken goes back to its queue within seconds instead of an hour.
"""

from __future__ import annotations

import json
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import redis

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
PGBOUNCER = os.environ.get("PGBOUNCER_BINARY", "/usr/sbin/pgbouncer")
#: Set to 1 to skip the topology test on a machine without PgBouncer (``dev.py test`` installs it).
SKIP_ENV = "SKIP_TOPOLOGY_TESTS"
#: Seconds a task taken by a worker that died waits before it is queued again (kombu's
#: ``visibility_timeout``); the workers look for such tasks every second.
VISIBILITY_TIMEOUT = 4
SECRET_KEY = "topology-test-secret-key-not-for-production-0123456789"
TWILIO_TOKEN = "topology-test-twilio-token"
PUBLIC_BASE_URL = "https://desk.example.test"


class Budget:
    """The whole test's time: every wait takes what is left of it (the test is bounded)."""

    def __init__(self, seconds: float):
        self.end = time.monotonic() + seconds

    @classmethod
    def stretched(cls, seconds: float) -> Budget:
        """``seconds`` on a machine with a core to spare (CI); longer in proportion when the
        machine is busier than that (one load-average per core): the processes the test
        starts then get their share of a core, not a core."""
        load = os.getloadavg()[0] / (os.cpu_count() or 1)
        return cls(seconds * max(1.0, load))

    def left(self, cap: float | None = None) -> float:
        left = max(0.0, self.end - time.monotonic())
        return min(left, cap) if cap is not None else left

    def wait_for(self, what: str, check, *, cap: float | None = None, every: float = 0.1):
        deadline = time.monotonic() + self.left(cap)
        while True:
            value = check()
            if value:
                return value
            if time.monotonic() >= deadline:
                raise AssertionError(f"timed out waiting for {what}")
            time.sleep(every)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


@dataclass
class Process:
    name: str
    popen: subprocess.Popen
    log: Path
    queues: str = ""

    def output(self) -> str:
        return self.log.read_text(errors="replace")[-6000:] if self.log.exists() else ""

    def alive(self) -> bool:
        return self.popen.poll() is None

    def kill(self) -> None:
        """SIGKILL the process and its children (a prefork pool): a machine or container dying."""
        if self.alive():
            try:
                os.killpg(self.popen.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        self.popen.wait(timeout=10)


@dataclass
class Topology:
    database: str
    budget: Budget
    broker_url: str = field(default_factory=lambda: os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15"))
    cache_url: str = field(default_factory=lambda: os.environ.get("TEST_CACHE_URL", "redis://127.0.0.1:6379/14"))
    prefix: str = field(default_factory=lambda: f"topology-{uuid.uuid4().hex[:8]}")
    processes: dict[str, Process] = field(default_factory=dict)
    web_ports: list[int] = field(default_factory=list)

    def __post_init__(self):
        self.root = Path(tempfile.mkdtemp(prefix="sd-topology-"))
        self.root.chmod(0o755)
        (self.root / "static").mkdir()
        self.pgbouncer_port = 0
        self.transport_options = {"global_keyprefix": f"{self.prefix}:", "visibility_timeout": VISIBILITY_TIMEOUT,
                                  "unacked_restore_interval": 1, "unacked_restore_throttle": 1}

    # --- PgBouncer ------------------------------------------------------------------------------
    def start_pgbouncer(self) -> None:
        if not Path(PGBOUNCER).exists():
            raise FileNotFoundError(
                f"The topology test needs PgBouncer ({PGBOUNCER}, Debian package pgbouncer); `python3 dev.py test` "
                f"installs it when run as root. Install it, or set {SKIP_ENV}=1 to skip the test.")
        directory = self.root / "pgbouncer"
        directory.mkdir()
        (directory / "userlist.txt").write_text('"postgres" ""\n')
        self.pgbouncer_port = free_port()
        (directory / "pgbouncer.ini").write_text(f"""[databases]
{self.database} = host=127.0.0.1 port=5432 dbname={self.database} user=postgres

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = {self.pgbouncer_port}
unix_socket_dir =
auth_type = trust
auth_file = {directory}/userlist.txt
pool_mode = transaction
default_pool_size = 20
max_client_conn = 500
ignore_startup_parameters = extra_float_digits,options
logfile = {directory}/pgbouncer.log
pidfile = {directory}/pgbouncer.pid
""")
        command = [PGBOUNCER, str(directory / "pgbouncer.ini")]
        if os.geteuid() == 0:  # PgBouncer refuses to run as root; Debian runs it as postgres
            user = "postgres" if _user_exists("postgres") else "nobody"
            shutil.chown(directory, user)
            for path in directory.iterdir():
                shutil.chown(path, user)
            command[1:1] = ["-u", user]
        self._spawn("pgbouncer", command, env=dict(os.environ))
        self.budget.wait_for("PgBouncer to listen", lambda: answers(self.pgbouncer_port) or self._died("pgbouncer"),
                             cap=15)

    # --- the service desk's processes -----------------------------------------------------------
    def environment(self) -> dict[str, str]:
        env = {key: value for key, value in os.environ.items()
               if not key.startswith(("DJANGO_", "CELERY_", "DATABASE_", "TEST_", "PYTEST_"))}
        env.update({
            "DJANGO_SETTINGS_MODULE": "servicedesk.settings.production",
            "SECRET_KEY": SECRET_KEY,
            "DEBUG": "false",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
            "PUBLIC_BASE_URL": PUBLIC_BASE_URL,
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:{self.pgbouncer_port}/{self.database}",
            "DATABASE_TRANSACTION_POOLING": "true",
            "DATABASE_CONN_MAX_AGE": "60",
            "REDIS_URL": self.cache_url,
            "CACHE_KEY_PREFIX": self.prefix,
            "CELERY_BROKER_URL": self.broker_url,
            "CELERY_RESULT_BACKEND": self.broker_url,
            "CELERY_BROKER_TRANSPORT_OPTIONS": json.dumps(self.transport_options),
            "TWILIO_AUTH_TOKEN": TWILIO_TOKEN,
            "THROTTLE_ANON": "100000/min",
            "THROTTLE_USER": "100000/min",
            "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",
            "SMS_BACKEND": "notifications.sms.OutboxBackend",
            "LOG_LEVEL": "WARNING",
            "VAR_DIR": str(self.root / "var"),
            "STATIC_ROOT": str(self.root / "static"),
            "PYTHONUNBUFFERED": "1",
        })
        return env

    def start_web(self, name: str) -> int:
        port = free_port()
        self._spawn(name, [str(BIN / "gunicorn"), "servicedesk.wsgi:application", "--bind", f"127.0.0.1:{port}",
                           "--workers", "1", "--access-logfile", "-"], env=self.environment())
        self.web_ports.append(port)
        return port

    def start_worker(self, name: str, queues: list[str], *, concurrency: int = 1) -> Process:
        """A worker consuming ``queues`` (names without the run's prefix: fast, slow, celery)."""
        command = [str(BIN / "celery"), "-A", "servicedesk", "worker", "-Q", ",".join(queues),
                   "-n", f"{name}-{uuid.uuid4().hex[:6]}@topology", "--pool", "prefork",
                   "--concurrency", str(concurrency),
                   "--without-mingle", "--without-gossip", "--without-heartbeat", "--loglevel", "INFO"]
        process = self._spawn(name, command, env=self.environment())
        process.queues = ",".join(queues)
        return process

    def wait_web(self, port: int, name: str) -> None:
        import requests

        def healthy():
            self._died(name)
            try:
                return requests.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200
            except requests.RequestException:
                return False

        self.budget.wait_for(f"{name} to answer /healthz", healthy, cap=40, every=0.2)

    def wait_worker(self, name: str) -> None:
        # The whole log, not output()'s tail: a worker that is busy as soon as it is ready (the
        # broker hands it the queue's backlog) logs enough in 0.2 s to push " ready." out of it.
        log = self.processes[name].log
        self.budget.wait_for(f"worker {name} to be ready",
                             lambda: (log.exists() and b" ready." in log.read_bytes()) or self._died(name),
                             cap=40, every=0.2)

    def kill(self, name: str) -> None:
        self.processes[name].kill()

    # --- the broker, seen from the test -----------------------------------------------------------
    def producer(self):
        """A Celery app in the test process that sends to this topology's broker, routed like
        the service desk's (the same task names reach the same queues)."""
        from celery import Celery

        from servicedesk.settings.base import celery_queues

        default, queues, routes = celery_queues()
        app = Celery(f"{self.prefix}-producer", broker=self.broker_url, backend=self.broker_url, set_as_current=False)
        app.conf.update(broker_transport_options=self.transport_options, task_default_queue=default,
                        task_queues=queues, task_routes=routes, task_serializer="json", result_serializer="json",
                        accept_content=["json"], broker_connection_retry_on_startup=True)
        return app

    # --- plumbing -----------------------------------------------------------------------------------
    def _spawn(self, name: str, command: list[str], *, env: dict) -> Process:
        log = self.root / f"{name}.log"
        handle = log.open("ab")
        popen = subprocess.Popen(command, cwd=ROOT, env=env, stdout=handle, stderr=subprocess.STDOUT,  # noqa: S603
                                 start_new_session=True)
        handle.close()
        process = Process(name=name, popen=popen, log=log)
        self.processes[name] = process
        return process

    def _died(self, name: str) -> bool:
        process = self.processes[name]
        if not process.alive() and process.popen.returncode not in (None, -signal.SIGKILL):
            raise AssertionError(f"{name} exited ({process.popen.returncode}):\n{process.output()}")
        return False

    def logs(self) -> str:
        return "\n".join(f"--- {name} ---\n{process.output()[-2500:]}" for name, process in self.processes.items())

    def stop(self) -> None:
        # The test has asked its questions: every process (and its children) is killed at
        # once. Stopped one by one, each waiting for its warm shutdown, they took seconds.
        for process in self.processes.values():
            if process.alive():
                try:
                    os.killpg(process.popen.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
        for process in self.processes.values():
            process.kill()  # reaps it (and kills what the first pass missed)
        for url in (self.broker_url, self.cache_url):
            try:
                client = redis.Redis.from_url(url)
                keys = list(client.scan_iter(match=f"{self.prefix}*", count=1000))
                if keys:
                    client.delete(*keys)
            except redis.RedisError:
                pass
        shutil.rmtree(self.root, ignore_errors=True)


def _user_exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
        return True
    except KeyError:
        return False
