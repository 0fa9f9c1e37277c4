"""Records a whole module (or class) of tests reads, built once instead of once per test.

The house pattern: a module- or class-scoped fixture builds the records in a transaction of its
own and yields them; each test's own transaction is a savepoint inside it, so what a test writes
goes with the test; the whole is rolled back after the scope's last test. A test that changes a
record in memory takes a copy first (the module's own fixture hands out copies where needed).

    @pytest.fixture(scope="module")
    def _desk(django_db_setup, django_db_blocker):
        yield from built_once(django_db_blocker, _build_desk, eager_tasks=True)
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TypeVar

from django.db import transaction

from servicedesk.celery import app

T = TypeVar("T")


def built_once(django_db_blocker, build: Callable[[], T], *, eager_tasks: bool = False) -> Iterator[T]:
    """Yield ``build()``'s records from a transaction rolled back when the fixture ends.
    ``eager_tasks``: the Celery tasks ``build`` queues run in the process while it builds, as
    with the ``celery_eager`` fixture (signals that queue work on a record's creation)."""
    with django_db_blocker.unblock(), transaction.atomic():
        if eager_tasks:
            previous = app.conf.task_always_eager, app.conf.task_eager_propagates
            app.conf.task_always_eager = app.conf.task_eager_propagates = True
            try:
                built = build()
            finally:
                app.conf.task_always_eager, app.conf.task_eager_propagates = previous
        else:
            built = build()
        yield built
        transaction.set_rollback(True)
