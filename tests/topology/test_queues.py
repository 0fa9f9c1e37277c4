"""The queues of the production topology (fast, slow, Celery's default) and the quick start:
a worker started without ``-Q`` on the embedded filesystem broker consumes all three, so
``python3 dev.py run``'s one worker still runs every task."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from celery import Celery

from servicedesk.settings.base import FAST_TASKS, SLOW_TASKS, celery_queues

from .cluster import ROOT, Budget

pytestmark = pytest.mark.topology


def test_tasks_are_routed_by_name():
    app = Celery("routing-check", set_as_current=False)
    default, queues, routes = celery_queues()
    app.conf.update(task_default_queue=default, task_queues=queues, task_routes=routes)

    def queue(name: str) -> str:
        return app.amqp.router.route({}, name)["queue"].name

    assert {queue(name) for name in ("notifications.tasks.deliver", "sla.tasks.fire_escalations",
                                     "contactcenter.tasks.redirect_call", "statuspage.tasks.notify_subscribers",
                                     "incidents.tasks.linked_resolved", "notifications.tasks.deliver_batch")} \
        == {"fast"}
    assert {queue(name) for name in ("sla.tasks.sweep", "kpis.tasks.rollup_recent", "mail.tasks.fetch_mailbox",
                                     "mail.tasks.fetch_all", "incidents.tasks.auto_close",
                                     "notifications.tasks.retry_stuck_deliveries",
                                     "contactcenter.tasks.purge_call_recordings")} == {"slow"}
    assert queue("servicedesk.tasks.ping") == "celery"
    assert not set(FAST_TASKS) & set(SLOW_TASKS)


def test_the_quick_start_worker_consumes_every_queue(tmp_path):
    var = tmp_path / "var"
    for sub in ("celery/queue", "celery/processed", "celery/control", "celery/results"):
        (var / sub).mkdir(parents=True)
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("DJANGO_", "CELERY_", "DATABASE_", "REDIS_", "TEST_", "PYTEST_"))}
    env.update(DJANGO_SETTINGS_MODULE="servicedesk.settings.local", VAR_DIR=str(var), LOG_LEVEL="WARNING")
    log = tmp_path / "worker.log"
    with log.open("wb") as handle:
        worker = subprocess.Popen(  # noqa: S603
            [str(Path(sys.executable).parent / "celery"), "-A", "servicedesk", "worker", "--pool", "solo",
             "--without-mingle", "--without-gossip", "--without-heartbeat", "--loglevel", "INFO"],
            cwd=ROOT, env=env, stdout=handle, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        default, queues, routes = celery_queues()
        app = Celery("quick-start-producer", broker="filesystem://", backend=f"file://{var / 'celery' / 'results'}",
                     set_as_current=False)
        folder = str(var / "celery" / "queue")
        app.conf.update(task_default_queue=default, task_queues=queues, task_routes=routes,
                        broker_transport_options={"data_folder_in": folder, "data_folder_out": folder,
                                                  "processed_folder": str(var / "celery" / "processed"),
                                                  "control_folder": str(var / "celery" / "control"),
                                                  "store_processed": False})
        sent = {name: app.send_task("servicedesk.tasks.ping", args=[name], queue=name) for name in
                ("celery", "fast", "slow")}
        budget = Budget(60)
        # disable_sync_subtasks=False: an in-process worker another test of this pytest process
        # ran leaves Celery's "inside a task" flag set, and get() would refuse to wait.
        answers = {name: result.get(timeout=budget.left(45), disable_sync_subtasks=False)
                   for name, result in sent.items()}
        assert answers == {name: name for name in sent}, log.read_text()
    finally:
        if worker.poll() is None:
            # Killed: its answers are in. A warm shutdown waits out the filesystem transport's
            # polls (~5 s here), which is the broker's way, not this test's question.
            os.killpg(worker.pid, signal.SIGKILL)
            worker.wait(timeout=15)
