"""Erlang C: how many agents a queue needs for a service-level target.

Calls arrive at random (Poisson) and wait in one queue for ``N`` identical agents; a call
takes ``AHT`` seconds on average (exponential). With ``A = calls × AHT / interval`` Erlangs
of traffic, the probability that a call must wait is Erlang's C formula. It is computed
here from Erlang B by the usual recursion ``B(0) = 1, B(n) = A·B(n−1) / (n + A·B(n−1))``,
whose terms stay between 0 and 1, so it is exact to float precision for thousands of
agents where the textbook form (``Aᴺ/N!``) overflows. ``C = N·B / (N − A·(1 − B))``.

From it:

- service level (answered within ``T`` seconds) ``= 1 − C·e^(−(N − A)·T / AHT)``;
- average speed of answer ``= C·AHT / (N − A)``;
- occupancy ``= A / N``.

With ``N ≤ A`` the queue grows without end: every call waits (``C = 1``), the service level
is 0 and the speed of answer infinite. Pure functions, no Django: the API, the pages and the
forecast all call :func:`required_agents`.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from fractions import Fraction

#: Beyond this much traffic the answer is a planning error, not a queue (and the search
#: would take a while): the API refuses it.
MAX_TRAFFIC_ERLANGS = 100_000.0
#: Service levels within this of the target count as meeting it (float rounding).
_TOLERANCE = 1e-12


@dataclass(frozen=True)
class StaffingResult:
    """The fewest agents that meet a target, and how that many agents perform."""

    traffic_erlangs: float
    agents: int
    agents_with_shrinkage: int
    service_level: float
    probability_of_waiting: float
    average_speed_of_answer_seconds: float
    occupancy: float

    def as_dict(self) -> dict:
        return asdict(self)


def traffic_erlangs(*, calls: float, aht_seconds: float, interval_seconds: float) -> float:
    """Offered traffic in Erlangs: the agent-seconds of work per second of the interval."""
    if interval_seconds <= 0:
        raise ValueError("interval_seconds must be positive")
    return calls * aht_seconds / interval_seconds


def erlang_b(agents: int, traffic: float) -> float:
    """Blocking probability for ``agents`` servers and no queue (iterative, stable)."""
    if agents < 0 or traffic < 0:
        raise ValueError("agents and traffic must not be negative")
    b = 1.0
    for n in range(1, agents + 1):
        b = traffic * b / (n + traffic * b)
    return b


def _erlang_c_from_b(agents: int, traffic: float, b: float) -> float:
    if agents <= traffic:
        return 1.0
    return agents * b / (agents - traffic * (1.0 - b))


def erlang_c(agents: int, traffic: float) -> float:
    """The probability that a call waits (1 when the agents cannot keep up)."""
    if traffic == 0:
        return 0.0
    return _erlang_c_from_b(agents, traffic, erlang_b(agents, traffic))


def service_level(*, agents: int, traffic: float, aht_seconds: float, target_seconds: float,
                  probability_of_waiting: float | None = None) -> float:
    """The share of calls answered within ``target_seconds``."""
    if traffic == 0:
        return 1.0
    if agents <= traffic:
        return 0.0
    c = erlang_c(agents, traffic) if probability_of_waiting is None else probability_of_waiting
    return max(0.0, 1.0 - c * math.exp(-(agents - traffic) * target_seconds / aht_seconds))


def average_speed_of_answer(*, agents: int, traffic: float, aht_seconds: float,
                            probability_of_waiting: float | None = None) -> float:
    """Mean wait over all calls, in seconds (``inf`` when the agents cannot keep up)."""
    if traffic == 0:
        return 0.0
    if agents <= traffic:
        return math.inf
    c = erlang_c(agents, traffic) if probability_of_waiting is None else probability_of_waiting
    return c * aht_seconds / (agents - traffic)


def occupancy(*, agents: int, traffic: float) -> float:
    """The share of the agents' time spent handling calls."""
    return min(1.0, traffic / agents) if agents else 0.0


def with_shrinkage(agents: int, shrinkage: float) -> int:
    """Agents to roster so that ``agents`` are on the phones: ``ceil(agents / (1 − shrinkage))``.

    Computed in exact fractions of the decimal the caller wrote (``0.3`` is 3/10), so that 7
    agents at 30 % shrinkage are 10, not 11 through float rounding."""
    if not 0 <= shrinkage < 1:
        raise ValueError("shrinkage must be in [0, 1)")
    return math.ceil(Fraction(agents) / (1 - Fraction(str(shrinkage))))


def required_agents(*, calls: float, interval_seconds: float, aht_seconds: float,
                    target_service_level: float, target_seconds: float, shrinkage: float = 0.0,
                    max_asa_seconds: float | None = None) -> StaffingResult:
    """The fewest agents ``N > A`` whose service level meets ``target_service_level`` (and,
    if given, whose average speed of answer is at most ``max_asa_seconds``).

    No calls (or no handle time) need no agents. Erlang B is carried from one ``N`` to the
    next, so the search costs one step per agent."""
    if calls < 0 or aht_seconds < 0 or target_seconds < 0:
        raise ValueError("calls, aht_seconds and target_seconds must not be negative")
    if not 0 < target_service_level < 1:
        raise ValueError("target_service_level must be in (0, 1)")
    if max_asa_seconds is not None and max_asa_seconds <= 0:
        raise ValueError("max_asa_seconds must be positive")
    traffic = traffic_erlangs(calls=calls, aht_seconds=aht_seconds, interval_seconds=interval_seconds)
    if traffic > MAX_TRAFFIC_ERLANGS:
        raise ValueError(f"traffic above {MAX_TRAFFIC_ERLANGS:g} Erlangs")
    if traffic == 0:
        return StaffingResult(traffic_erlangs=0.0, agents=0, agents_with_shrinkage=0, service_level=1.0,
                              probability_of_waiting=0.0, average_speed_of_answer_seconds=0.0, occupancy=0.0)
    agents = math.floor(traffic) + 1  # the first N > A
    # Square-root staffing: N = A + β·√A with β ≈ 5 already makes waiting one call in a
    # million; far beyond that the target is one no queue meets (e.g. an ASA of a microsecond).
    limit = agents + math.ceil(50 * math.sqrt(traffic)) + 100
    b = erlang_b(agents, traffic)
    while agents <= limit:
        c = _erlang_c_from_b(agents, traffic, b)
        sl = service_level(agents=agents, traffic=traffic, aht_seconds=aht_seconds, target_seconds=target_seconds,
                           probability_of_waiting=c)
        asa = average_speed_of_answer(agents=agents, traffic=traffic, aht_seconds=aht_seconds,
                                      probability_of_waiting=c)
        if sl >= target_service_level - _TOLERANCE and (max_asa_seconds is None or asa <= max_asa_seconds):
            return StaffingResult(
                traffic_erlangs=traffic, agents=agents, agents_with_shrinkage=with_shrinkage(agents, shrinkage),
                service_level=sl, probability_of_waiting=c, average_speed_of_answer_seconds=asa,
                occupancy=occupancy(agents=agents, traffic=traffic))
        agents += 1
        b = traffic * b / (agents + traffic * b)
    raise ValueError("no number of agents meets this target")
