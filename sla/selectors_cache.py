"""The SLA configuration a new ticket's clocks need (the matching policy with its escalation
rules, the calendar's spec), cached in each process for the hot path: recording an incident
asks for it every time, an admin changes it a few times a year.

:class:`LocalCache` is the mechanism (the incidents app keeps its priority matrix in one too):

- entries live in the process; a version key in the shared cache (Redis) is read on each
  use (one ``GET``, no SQL) and a different or missing version empties them, so a change
  made by any process is seen by every other at its next use;
- saving or deleting a policy, an escalation rule, a calendar, its working hours or
  holidays (``post_save``/``post_delete``) empties this process's entries at once and
  publishes a new version when the transaction commits;
- a value read inside a transaction is kept only once that transaction commits (a
  rolled-back change is never served);
- whatever happens, entries are read again after ``max_age`` seconds (300): a change that
  bypassed the signals (``QuerySet.update()``, SQL by hand) or a shared cache that was down
  is seen within five minutes.
"""

from __future__ import annotations

import logging
import time
import uuid

from django.core.cache import cache
from django.db import transaction
from django.db.models import prefetch_related_objects
from django.db.models.signals import post_delete, post_save

from .calendar import CalendarSpec
from .models import BusinessCalendar, EscalationRule, Holiday, SLAPolicy, WorkingHours
from .protocol import SLAFacts
from .selectors import policy_for

logger = logging.getLogger(__name__)
_MISSING = object()


class LocalCache:
    """Per-process entries, valid while the shared version key is unchanged."""

    def __init__(self, version_key: str, max_age: float = 300.0):
        self.version_key = version_key
        self.max_age = max_age
        self.version = None
        self.filled = 0.0
        self.entries: dict = {}

    def _fresh(self) -> dict:
        now = time.monotonic()
        try:
            version = cache.get(self.version_key)
            if version is None:  # first use, or the shared cache was emptied: start a new one
                cache.add(self.version_key, uuid.uuid4().hex, None)
                version = cache.get(self.version_key)
        except Exception:  # the shared cache is down: the age limit holds
            version = self.version
        if version is None or version != self.version or now - self.filled > self.max_age:
            self.version, self.entries, self.filled = version, {}, now
        return self.entries

    def get(self, key, load):
        """The entry for ``key``, else ``load()`` (kept after commit)."""
        entries = self._fresh()
        value = entries.get(key, _MISSING)
        if value is _MISSING:
            value = load()

            def keep():
                if entries is self.entries:  # not emptied meanwhile
                    entries[key] = value

            transaction.on_commit(keep)  # outside a transaction: at once
        return value

    def invalidate(self, **kwargs) -> None:
        """Empty this process's entries now, and every process's once the change commits."""
        self.entries = {}

        def publish():
            self.entries = {}
            try:
                cache.set(self.version_key, uuid.uuid4().hex, None)
            except Exception:  # the shared cache is down: the others' entries age out
                logger.warning("shared cache unavailable: %s not published", self.version_key, exc_info=True)

        transaction.on_commit(publish)

    def connect(self, *models) -> None:
        for model in models:
            label = f"{self.version_key}:{model._meta.label}"
            post_save.connect(self.invalidate, sender=model, dispatch_uid=f"{label}:save", weak=False)
            post_delete.connect(self.invalidate, sender=model, dispatch_uid=f"{label}:delete", weak=False)


config = LocalCache("sla:config:version")
config.connect(SLAPolicy, EscalationRule, BusinessCalendar, WorkingHours, Holiday)


def _policy(facts: SLAFacts) -> SLAPolicy | None:
    policy = policy_for(facts)
    if policy is not None:
        list(policy.escalations.all())  # prefetched by policy_for: kept with it
        # The calendar as the API's clocks read it (``SLA_PREFETCH``): a new ticket's timers
        # carry it, so answering with them reads nothing more.
        prefetch_related_objects([policy.calendar], "hours", "holidays")
    return policy


def cached_policy_for(facts: SLAFacts) -> SLAPolicy | None:
    """:func:`sla.selectors.policy_for`, cached by the facts (with the policy's calendar and
    escalation rules loaded)."""
    return config.get(("policy", facts), lambda: _policy(facts))


def cached_spec(calendar_id: int) -> CalendarSpec:
    return config.get(("spec", calendar_id), lambda: BusinessCalendar.objects.prefetch_related(
        "hours", "holidays").get(pk=calendar_id).spec())
