"""The SLA configuration a new ticket's clocks need (the matching policy with its escalation
rules, the calendar's spec), cached in each process for the hot path: recording an incident
asks for it every time, an admin changes it a few times a year.

:class:`core.caching.LocalCache` is the mechanism (the incidents app keeps its priority matrix in one too):

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

from django.db.models import prefetch_related_objects

from core.caching import LocalCache

from .calendar import CalendarSpec
from .models import BusinessCalendar, EscalationRule, Holiday, SLAPolicy, WorkingHours
from .protocol import SLAFacts
from .selectors import policy_for

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
