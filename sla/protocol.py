"""What a ticket model (incident, service request, problem, change) offers the SLA engine.

A ticket app makes its model implement :class:`SLATicket`, adds
``sla_timers = GenericRelation("sla.SLATimer")`` to it, and calls the functions in
:mod:`sla.services` when things happen:

================================  ==============================================
the ticket …                      call
================================  ==============================================
is created                        ``sla_start(ticket=…)``
changes status                    ``sla_status_changed(ticket=…)`` (pauses/resumes per policy)
is first answered by an agent     ``sla_stop(ticket=…, metric="response")``
is resolved                       ``sla_stop(ticket=…, metric="resolution")``
is reopened                       ``sla_reopen(ticket=…, metric="resolution")``
changes priority, tier, service   ``sla_retarget(ticket=…)`` (re-matches the policy,
or team                           keeping business time already consumed)
================================  ==============================================

It also names its statuses once, in its ``AppConfig.ready()``:
``register_ticket_statuses(TicketKind.INCIDENT, IncidentStatus.values)``; an SLA policy for
that kind may pause only on those (``SLAPolicy.clean()``).

API serializers embed the clocks with ``sla.api.fields.SLATimersField`` (prefetch with
``sla.selectors.SLA_PREFETCH``).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

_STATUSES: dict[str, tuple[str, ...]] = {}


def register_ticket_statuses(kind: str, statuses: Iterable[str]) -> None:
    """The statuses of a kind of ticket (its model's status choices), declared by the app
    that owns it: the SLA app sits below the ticket apps and imports none of them."""
    _STATUSES[str(kind)] = tuple(str(status) for status in statuses)


_METRIC_LABELS: dict[str, dict[str, object]] = {}


def register_metric_labels(kind: str, labels: dict[str, object]) -> None:
    """What a kind of ticket calls its two clocks when they mean something else than
    response and resolution (a problem's root cause and fix): the clock badges say it."""
    _METRIC_LABELS[str(kind)] = dict(labels)


def metric_label(kind: str, metric: str):
    """The kind's own name for the metric, or None (then the metric's own label)."""
    return _METRIC_LABELS.get(str(kind), {}).get(str(metric))


def ticket_statuses(kind: str) -> tuple[str, ...]:
    """The statuses a ticket of this kind can have (none for a kind no app declared)."""
    return _STATUSES.get(str(kind), ())


@dataclass(frozen=True)
class SLAFacts:
    """The ticket attributes policies match on and escalations are addressed by."""

    kind: str  # sla.choices.TicketKind
    status: str
    priority: int | None = None
    customer_tier: str | None = None
    channel: str | None = None
    service_id: int | None = None
    team_id: int | None = None
    assignee_id: int | None = None
    #: A policy the ticket names itself (a catalogue item's SLA): it wins over matching.
    policy_id: int | None = None
    #: The people who asked for it (escalations to ``requester`` tell them); none for staff work.
    requester_ids: tuple[int, ...] = ()


@runtime_checkable
class SLATicket(Protocol):
    pk: int

    def sla_facts(self) -> SLAFacts: ...

    def sla_label(self) -> str:
        """Short human label for messages, e.g. "INC000123 Internet banking down"."""
        ...

    def get_absolute_url(self) -> str: ...
