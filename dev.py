#!/usr/bin/env python3
"""The two commands of the quick start.

    python3 dev.py run     set up, then run the service desk with demo data at http://127.0.0.1:8000
                           (web, Celery worker and Celery beat; SQLite and a filesystem broker
                           under var/ unless DATABASE_URL / REDIS_URL say otherwise)
    python3 dev.py test    set up, then run the test suite against PostgreSQL and Redis on
                           127.0.0.1 (their standard ports); extra arguments go to pytest.
                           Installs Debian's chromium-headless-shell and chromium-driver
                           (browser tests), dovecot-imapd (email tests) and pgbouncer
                           (topology test) when missing and run as root;
                           SKIP_BROWSER_TESTS=1, SKIP_IMAP_TESTS=1 and SKIP_TOPOLOGY_TESTS=1
                           skip those tests instead

Both create a virtual environment in .venv and install the project into it (again only
when pyproject.toml changes). Nothing but Python 3.11+ is needed for ``run``.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")


def say(message: str) -> None:
    print(f"==> {message}", flush=True)


def fail(message: str, code: int = 1) -> None:
    print(f"ERROR: {message}", file=sys.stderr, flush=True)
    sys.exit(code)


def ensure_venv(extras: str) -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 (dev.py may be started by an older python3)
        fail(f"Python 3.11 or newer is needed; this is {sys.version.split()[0]}.")
    if not PY.exists():
        say(f"creating a virtual environment in {VENV}")
        venv.EnvBuilder(with_pip=True, clear=False).create(VENV)
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extras.encode()).hexdigest()[:16]
    stamp = VENV / f".installed-{digest}"
    if stamp.exists():
        return
    say(f"installing the service desk and its dependencies ({extras or 'runtime'})")
    run([str(PY), "-m", "pip", "install", "--quiet", "--upgrade", "pip"])
    target = f".[{extras}]" if extras else "."
    run([str(PY), "-m", "pip", "install", "--quiet", "-e", target])
    for old in VENV.glob(".installed-*"):
        old.unlink()
    stamp.touch()


def run(cmd: list[str], env: dict | None = None) -> None:
    result = subprocess.run(cmd, cwd=ROOT, env=env)  # noqa: S603
    if result.returncode != 0:
        fail(f"command failed ({result.returncode}): {' '.join(cmd)}", result.returncode)


def manage(*args: str, env: dict) -> None:
    run([str(PY), "manage.py", *args], env=env)


def cmd_run(argv: list[str]) -> None:
    host, port = "127.0.0.1", "8000"
    for arg in argv:
        if arg.startswith("--port="):
            port = arg.split("=", 1)[1]
        elif arg.startswith("--host="):
            host = arg.split("=", 1)[1]
    ensure_venv("")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE",
                                                                  "servicedesk.settings.local")}
    say("applying database migrations")
    manage("migrate", "--noinput", env=env)
    say("loading the demo organisation")
    manage("seed_demo", env=env)
    (ROOT / "var" / "celery").mkdir(parents=True, exist_ok=True)
    processes = {
        "worker": [str(BIN / "celery"), "-A", "servicedesk", "worker", "--loglevel=INFO", "--concurrency=2"],
        "beat": [str(BIN / "celery"), "-A", "servicedesk", "beat", "--loglevel=INFO",
                 "--schedule", str(ROOT / "var" / "celery" / "beat-schedule")],
        "web": [str(PY), "manage.py", "runserver", f"{host}:{port}", "--noreload"],
    }
    children: dict[str, subprocess.Popen] = {}
    for name, cmd in processes.items():
        children[name] = subprocess.Popen(cmd, cwd=ROOT, env=env)  # noqa: S603
    say(f"the service desk runs at http://{host}:{port}/ (worker and beat too); Ctrl-C stops everything")

    stopping = False

    def stop(*_):
        nonlocal stopping
        if stopping:
            return
        stopping = True
        for proc in children.values():
            if proc.poll() is None:
                proc.terminate()
        deadline = time.monotonic() + 10
        for proc in children.values():
            try:
                proc.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                proc.kill()

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    try:
        while not stopping:
            for name, proc in children.items():
                if proc.poll() is not None:
                    print(f"ERROR: the {name} process stopped (exit {proc.returncode}); stopping the rest.",
                          file=sys.stderr)
                    stop()
                    sys.exit(proc.returncode or 1)
            time.sleep(0.5)
    finally:
        stop()


def reachable(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=3):
            return True
    except OSError:
        return False


def ensure_services() -> None:
    missing = [f"{name} on {host}:{port}" for name, host, port in
               (("PostgreSQL", "127.0.0.1", 5432), ("Redis", "127.0.0.1", 6379)) if not reachable(host, port)]
    if missing:
        fail("the tests need " + " and ".join(missing) + ", and nothing answers there. "
             "Start them (see README.md, 'Running the tests') and run again. "
             "The tests never fall back to SQLite or an in-memory broker.")


def ensure_browser() -> None:
    """Browser tests drive Debian's headless Chromium (the headless shell) through its
    chromedriver; install them when missing and we can."""
    if os.environ.get("SKIP_BROWSER_TESTS") == "1":
        say("SKIP_BROWSER_TESTS=1: browser tests will be skipped")
        return
    if Path("/usr/bin/chromium-headless-shell").exists() and Path("/usr/bin/chromedriver").exists():
        return
    apt = shutil.which("apt-get")
    if apt and hasattr(os, "geteuid") and os.geteuid() == 0:
        say("installing Debian's chromium-headless-shell and chromium-driver for the browser tests")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        run([apt, "update", "-qq"], env=env)
        run([apt, "install", "-y", "-qq", "--no-install-recommends", "chromium-headless-shell", "chromium-driver"],
            env=env)
        return
    fail("the browser tests need /usr/bin/chromium-headless-shell and /usr/bin/chromedriver (Debian packages "
         "chromium-headless-shell and chromium-driver). Install them, or set SKIP_BROWSER_TESTS=1 to skip those "
         "tests on this machine.")


def ensure_dovecot() -> None:
    """The email tests run a throw-away Dovecot (Debian's dovecot-imapd); install it when
    missing and we can. Its system service is not used: the tests start their own."""
    if os.environ.get("SKIP_IMAP_TESTS") == "1":
        say("SKIP_IMAP_TESTS=1: the tests that need Dovecot will be skipped")
        return
    if Path(os.environ.get("DOVECOT_BINARY", "/usr/sbin/dovecot")).exists():
        return
    apt = shutil.which("apt-get")
    if apt and hasattr(os, "geteuid") and os.geteuid() == 0:
        say("installing Debian's dovecot-imapd for the email tests")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        run([apt, "update", "-qq"], env=env)
        run([apt, "install", "-y", "-qq", "--no-install-recommends", "dovecot-imapd"], env=env)
        return
    fail("the email tests need Dovecot's IMAP server at /usr/sbin/dovecot (Debian package dovecot-imapd). "
         "Install it, or set SKIP_IMAP_TESTS=1 to skip those tests on this machine.")


def ensure_pgbouncer() -> None:
    """The topology test (tests/topology/) puts Debian's PgBouncer in front of the test database;
    install it when missing and we can. Its system service is not used: the test starts its own."""
    if os.environ.get("SKIP_TOPOLOGY_TESTS") == "1":
        say("SKIP_TOPOLOGY_TESTS=1: the topology test will be skipped")
        return
    if Path(os.environ.get("PGBOUNCER_BINARY", "/usr/sbin/pgbouncer")).exists():
        return
    apt = shutil.which("apt-get")
    if apt and hasattr(os, "geteuid") and os.geteuid() == 0:
        say("installing Debian's pgbouncer for the topology test")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        run([apt, "update", "-qq"], env=env)
        run([apt, "install", "-y", "-qq", "--no-install-recommends", "pgbouncer"], env=env)
        return
    fail("the topology test needs PgBouncer at /usr/sbin/pgbouncer (Debian package pgbouncer). "
         "Install it, or set SKIP_TOPOLOGY_TESTS=1 to skip that test on this machine.")


def pycache_dir_for_tests(environ) -> str:
    """Where the tests keep compiled modules when Python may not write them beside the source:
    ``TEST_PYCACHE_DIR``, else ``$XDG_CACHE_HOME/servicedesk-tests/pycache`` (also conftest.py's)."""
    return environ.get("TEST_PYCACHE_DIR") or str(
        Path(environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "servicedesk-tests" / "pycache")


def cmd_test(argv: list[str]) -> None:
    ensure_services()
    ensure_browser()
    ensure_dovecot()
    ensure_pgbouncer()
    ensure_venv("test")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "servicedesk.settings.test"}
    if env.pop("PYTHONDONTWRITEBYTECODE", None) and "PYTHONPYCACHEPREFIX" not in env:
        # Where Python may not write bytecode (this project's containers), the compiled modules
        # of the tests go outside the checkout instead (conftest.py, which sets this too, but
        # only once pytest has imported its plugins: pytest rewrote the ~300 modules of
        # schemathesis, Hypothesis, Faker and anyio from source in every process, ~1.3 s each).
        env["PYTHONPYCACHEPREFIX"] = pycache_dir_for_tests(env)
    say("running the test suite against PostgreSQL and Redis on 127.0.0.1")
    # One test process per core for the tests that keep the CPU busy, and one more for the
    # tests that mostly wait (the browser tests on Chromium, the topology and worker tests on
    # their child processes): conftest.py hands those to the first process (tests/xdist_lanes.py),
    # so that a core is never left idle while they wait. Each process has its own test
    # database, cache prefix and Celery queue. The conftest puts the longest tests first and
    # each process is handed two tests at a time, so the long ones (the API fuzz run per
    # role, the SQLite smoke test) spread out and the short ones fill the gaps at the end.
    # Pass -n 0 (or any -n) to choose otherwise.
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    parallel = [] if any(arg == "-n" or arg.startswith(("-n", "--numprocesses")) for arg in argv) \
        else ["-n", str(cores + 1), "--dist", "load", "--maxschedchunk", "2"]
    # The migrated schemas' dumps (PostgreSQL: tests/dbsetup.py; SQLite: the smoke test).
    dumps = [ROOT / "tests" / "schema.sql", ROOT / "tests" / "schema_sqlite.sql"]
    before = [dump.read_bytes() if dump.exists() else b"" for dump in dumps]
    code = subprocess.call([str(PY), "-m", "pytest", *parallel, *argv], cwd=ROOT, env=env)  # noqa: S603
    for dump, old in zip(dumps, before, strict=True):
        if dump.exists() and dump.read_bytes() != old:
            # The tests ran the migrations (one changed) and wrote that dump again.
            say(f"tests/{dump.name} was written again from the migrations: commit it with them "
                "(a clean checkout then builds that test database from it in seconds; see tests/README.md)")
    if code == 5:
        fail("pytest collected no tests; that is a failure here.", 5)
    sys.exit(code)


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in {"run", "test"}:
        print(__doc__)
        sys.exit(2)
    {"run": cmd_run, "test": cmd_test}[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    main()
