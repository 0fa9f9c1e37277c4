"""The wallboard's colours: each figure of a queue (and of the floor's total) is ``ok``,
``warn`` or ``bad`` against thresholds read from the ``WALLBOARD_THRESHOLDS`` setting, with
per-queue overrides under its ``"queues"`` key (by queue name)::

    WALLBOARD_THRESHOLDS = {
        "service_level": {"warn": 0.80, "bad": 0.60},   # share answered in time: below is worse
        "abandonment": {"warn": 0.05, "bad": 0.10},     # share abandoned: at or above is worse
        "waiting": {"warn": 3, "bad": 8},               # callers waiting now: at or above is worse
        "longest_wait": {"warn": 60, "bad": 180},       # seconds the oldest caller has waited
        "queues": {"vip": {"waiting": {"warn": 1, "bad": 3}}},
    }

Anything left out keeps the default below. A figure with no value (no call offered yet)
has no colour."""

from __future__ import annotations

from django.conf import settings

#: Where a figure turns amber and red. ``service_level`` is better high, the others low.
DEFAULTS: dict[str, dict[str, float]] = {
    "service_level": {"warn": 0.80, "bad": 0.60},
    "abandonment": {"warn": 0.05, "bad": 0.10},
    "waiting": {"warn": 3, "bad": 8},
    "longest_wait": {"warn": 60, "bad": 180},
}
HIGHER_IS_BETTER = frozenset({"service_level"})


def thresholds_for(queue: str | None = None) -> dict[str, dict[str, float]]:
    """The thresholds of ``queue`` (a queue name; None: the floor's total)."""
    configured = getattr(settings, "WALLBOARD_THRESHOLDS", None) or {}
    merged = {name: {**limits, **configured.get(name, {})} for name, limits in DEFAULTS.items()}
    if queue is not None:
        for name, limits in (configured.get("queues", {}).get(queue) or {}).items():
            if name in merged:
                merged[name] = {**merged[name], **limits}
    return merged


def level(name: str, value, limits: dict[str, float]) -> str:
    """``ok``, ``warn`` or ``bad`` for ``value`` of figure ``name``; ``""`` when it has none."""
    if value is None:
        return ""
    if name in HIGHER_IS_BETTER:
        return "bad" if value < limits["bad"] else "warn" if value < limits["warn"] else "ok"
    return "bad" if value >= limits["bad"] else "warn" if value >= limits["warn"] else "ok"


def levels_of(figures, queue: str | None = None) -> dict[str, str]:
    """The colour of each figure of a ``floor.QueueFigures``."""
    limits = thresholds_for(queue)
    values = {"service_level": figures.service_level, "abandonment": figures.abandonment_rate,
              "waiting": figures.waiting, "longest_wait": figures.longest_wait_seconds}
    return {name: level(name, value, limits[name]) for name, value in values.items()}
