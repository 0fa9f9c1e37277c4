"""The read-only database alias for dashboards and reports (docs/operations.md, "Production
topology").

With ``DATABASE_REPLICA_URL`` set, ``settings.DATABASES`` holds a second alias, ``reports``: a
read-only copy of the database (a PostgreSQL streaming replica, usually a little behind).
The KPI dashboards and reports read it, so a year of calls being summed never competes with
the agents' writes for the primary's CPU and buffers. Unset (one database, the quick start,
the tests), every read stays on ``default``.

Two ways to read from it:

- ``Model.objects.using(reports_db())``, for one queryset;
- ``@reads_from_reports`` on a view (or ``with reading_reports():`` around a block): every
  read inside goes to the replica through :class:`ReportsRouter`. Use it only for pages and
  endpoints that write nothing and can live with data a few seconds old; the request's own
  session and user were read by the middleware before the view, on ``default``.

Writes always go to ``default`` (also for an object read from the replica), and migrations
run on ``default`` only: the replica gets the schema by replication.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS

#: The alias of the read-only copy in ``settings.DATABASES`` (only there with DATABASE_REPLICA_URL).
REPORTS = "reports"

_reading_reports: ContextVar[bool] = ContextVar("reading_reports", default=False)


def reports_db() -> str:
    """The alias dashboards and reports read from: ``reports`` when a replica is configured,
    else ``default``."""
    return REPORTS if REPORTS in settings.DATABASES else DEFAULT_DB_ALIAS


@contextmanager
def reading_reports() -> Iterator[str]:
    """Every read inside the block goes to :func:`reports_db` (yielded)."""
    token = _reading_reports.set(True)
    try:
        yield reports_db()
    finally:
        _reading_reports.reset(token)


def reads_from_reports(view: Callable) -> Callable:
    """A view whose reads go to :func:`reports_db` (a function view, or a method of a class)."""

    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        with reading_reports():
            return view(*args, **kwargs)

    return wrapped


class ReportsRouter:
    """``settings.DATABASE_ROUTERS``: reads inside :func:`reading_reports` go to the replica;
    everything else is Django's default behaviour on ``default``."""

    def db_for_read(self, model, **hints) -> str | None:
        if _reading_reports.get():
            return reports_db()
        return None

    def db_for_write(self, model, **hints) -> str:
        # Never the replica, even for an instance that was read from it.
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints) -> bool | None:
        # The replica holds the same rows as the primary: objects from either may be related.
        aliases = {DEFAULT_DB_ALIAS, REPORTS}
        if obj1._state.db in aliases and obj2._state.db in aliases:
            return True
        return None

    def allow_migrate(self, db, app_label, model_name=None, **hints) -> bool | None:
        if db == REPORTS:
            return False
        return None
