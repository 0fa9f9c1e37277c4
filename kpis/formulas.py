"""The KPI formulas of ``docs/kpis.md``, from the sums of rollup rows to the figures the API
and the dashboards show. Pure functions: no queries, so each one is tested by hand.

Rates are fractions 0–1 rounded to 4 places; seconds are rounded to 0.1; a figure whose
denominator is zero is ``None`` (never a division error).
"""

from __future__ import annotations

from collections.abc import Mapping

#: CallInterval columns summed for a period (and per series bucket).
CALL_SUMS = ("arrivals", "offered", "answered", "abandoned", "short_abandoned", "answered_in_sl", "wait_sum",
             "talk_sum", "hold_sum", "wrap_sum", "wrap_count", "transfers", "transferred", "fcr", "csat_count",
             "csat_good", "csat_sum", "deflected", "callbacks_done", "callback_seconds_sum", "outbound",
             "outbound_answered", "recorded", "quality_count", "quality_sum", "fcr_survey_count", "fcr_survey_yes")
#: AgentInterval columns summed for a period.
AGENT_SUMS = ("available_seconds", "busy_seconds", "wrap_seconds", "logged_in_seconds")
#: IncidentDaily columns summed for a period (the backlog ones are read from the last day).
INCIDENT_SUMS = ("created", "acknowledged", "ack_seconds_sum", "resolved", "resolve_seconds_sum",
                 "resolved_after_reopen", "sla_met", "sla_breached", "major_incidents")
BACKLOG_SUMS = ("backlog", "age_lt_1d", "age_1_3d", "age_3_7d", "age_7_30d", "age_gt_30d")
DESK_SUMS = ("mtbf_gaps", "mtbf_seconds_sum", "changes_completed", "changes_successful", "changes_causing_incidents",
             "changes_submitted", "changes_emergency", "problems_known_error", "problem_known_error_seconds_sum",
             "requests_fulfilled", "request_fulfilment_seconds_sum")

#: The contact-center keys of API.md, in order (the CSV columns too).
CONTACT_CENTER_KEYS = ("offered", "answered", "abandoned", "abandonment_rate", "average_speed_of_answer_seconds",
                       "service_level", "average_talk_seconds", "average_hold_seconds", "average_wrap_up_seconds",
                       "average_handle_time_seconds", "transfer_rate", "first_contact_resolution_rate",
                       "csat_percent", "csat_mean", "deflected")
CONTACT_CENTER_EXTRAS = ("arrivals", "short_abandoned", "callbacks_done", "callback_time_seconds", "occupancy",
                         "logged_in_hours", "cost_per_call", "outbound_calls", "outbound_answered", "contact_rate",
                         "recorded_calls", "recorded_share", "quality_evaluations", "quality_score",
                         "fcr_survey_answers", "fcr_survey_rate")
ITSM_KEYS = ("mtta_seconds", "mttr_seconds", "backlog", "sla_compliance", "reopen_rate", "major_incidents",
             "mtbf_seconds", "change_success_rate", "emergency_change_ratio")


def rate(part: float, whole: float) -> float | None:
    return round(part / whole, 4) if whole else None


def mean(total: float, count: float) -> float | None:
    return round(total / count, 1) if count else None


def _zero(sums: Mapping[str, float | None], names: tuple[str, ...]) -> dict[str, float]:
    return {name: sums.get(name) or 0 for name in names}


def contact_center_figures(calls: Mapping, agents: Mapping | None = None, *, cost_per_agent_hour: float,
                           agent_time: bool = True) -> dict:
    """The contact-center KPIs from summed ``CallInterval`` (and ``AgentInterval``) columns.

    ``agent_time=False`` (a queue or service filter: agent time is not kept per queue) makes
    occupancy, logged-in hours and cost per call ``None``."""
    calls = _zero(calls, CALL_SUMS)
    agents = _zero(agents or {}, AGENT_SUMS)
    answered = calls["answered"]
    avg_talk, avg_hold, avg_wrap = mean(calls["talk_sum"], answered), mean(calls["hold_sum"], answered), mean(
        calls["wrap_sum"], calls["wrap_count"])
    handle = (None if avg_talk is None else
              round(avg_talk + (avg_hold or 0) + (avg_wrap or 0), 1))
    logged_in_hours = agents["logged_in_seconds"] / 3600
    return {
        "offered": calls["offered"],
        "answered": answered,
        "abandoned": calls["abandoned"],
        "abandonment_rate": rate(calls["abandoned"], calls["offered"]),
        "average_speed_of_answer_seconds": mean(calls["wait_sum"], answered),
        "service_level": rate(calls["answered_in_sl"], calls["offered"]),
        "average_talk_seconds": avg_talk,
        "average_hold_seconds": avg_hold,
        "average_wrap_up_seconds": avg_wrap,
        "average_handle_time_seconds": handle,
        "transfer_rate": rate(calls["transferred"], answered),
        "first_contact_resolution_rate": rate(calls["fcr"], answered),
        "csat_percent": rate(calls["csat_good"], calls["csat_count"]),
        "csat_mean": round(calls["csat_sum"] / calls["csat_count"], 2) if calls["csat_count"] else None,
        "deflected": calls["deflected"],
        "arrivals": calls["arrivals"],
        "short_abandoned": calls["short_abandoned"],
        "callbacks_done": calls["callbacks_done"],
        "callback_time_seconds": mean(calls["callback_seconds_sum"], calls["callbacks_done"]),
        "occupancy": (rate(agents["busy_seconds"] + agents["wrap_seconds"], agents["logged_in_seconds"])
                      if agent_time else None),
        "logged_in_hours": round(logged_in_hours, 2) if agent_time else None,
        "cost_per_call": (round(cost_per_agent_hour * logged_in_hours / answered, 2)
                          if agent_time and answered else None),
        # issue 22.5: outbound calls, recordings, quality reviews
        "outbound_calls": calls["outbound"],
        "outbound_answered": calls["outbound_answered"],
        "contact_rate": rate(calls["outbound_answered"], calls["outbound"]),
        "recorded_calls": calls["recorded"],
        "recorded_share": rate(calls["recorded"], answered + calls["outbound_answered"]),
        "quality_evaluations": calls["quality_count"],
        "quality_score": mean(calls["quality_sum"], calls["quality_count"]),
        # issue 24.14: first-call resolution asked in the keypad survey (yes / answered); the
        # repeat-call one is ``first_contact_resolution_rate``.
        "fcr_survey_answers": calls["fcr_survey_count"],
        "fcr_survey_rate": rate(calls["fcr_survey_yes"], calls["fcr_survey_count"]),
    }


def provider_figures(calls: Mapping, *, cost_basis: str | None, cost: float | None,
                     logged_in_seconds: float = 0) -> dict:
    """One provider's comparison figures (issue 24.13) from the summed ``CallSums`` columns of
    its queues: service level, abandonment, FCR (repeat calls and survey), CSAT and the cost
    per answered call — the provider's price per call, or its price per agent hour × the
    logged-in hours of its teams' agents / answered calls; ``None`` without answered calls or
    (per hour) without agent time, or for queues with no provider (``cost_basis`` None)."""
    calls = _zero(calls, CALL_SUMS)
    answered = calls["answered"]
    if cost_basis == "per_call" and answered:
        cost_per_call = round(float(cost or 0), 2)
    elif cost_basis == "per_hour" and answered and logged_in_seconds:
        cost_per_call = round(float(cost or 0) * logged_in_seconds / 3600 / answered, 2)
    else:
        cost_per_call = None
    return {
        "offered": calls["offered"],
        "answered": answered,
        "abandoned": calls["abandoned"],
        "service_level": rate(calls["answered_in_sl"], calls["offered"]),
        "abandonment_rate": rate(calls["abandoned"], calls["offered"]),
        "first_contact_resolution_rate": rate(calls["fcr"], answered),
        "fcr_survey_answers": calls["fcr_survey_count"],
        "fcr_survey_rate": rate(calls["fcr_survey_yes"], calls["fcr_survey_count"]),
        "csat_percent": rate(calls["csat_good"], calls["csat_count"]),
        "csat_mean": round(calls["csat_sum"] / calls["csat_count"], 2) if calls["csat_count"] else None,
        "logged_in_hours": round(logged_in_seconds / 3600, 2) if cost_basis == "per_hour" else None,
        "cost_per_call": cost_per_call,
    }


def itsm_figures(incidents: Mapping, backlog: Mapping, desk: Mapping) -> dict:
    """The ITSM KPIs from summed ``IncidentDaily`` columns, the last day's backlog columns and
    summed ``DeskDaily`` columns."""
    incidents, backlog, desk = _zero(incidents, INCIDENT_SUMS), _zero(backlog, BACKLOG_SUMS), _zero(desk, DESK_SUMS)
    return {
        "mtta_seconds": mean(incidents["ack_seconds_sum"], incidents["acknowledged"]),
        "mttr_seconds": mean(incidents["resolve_seconds_sum"], incidents["resolved"]),
        "backlog": backlog["backlog"],
        "sla_compliance": rate(incidents["sla_met"], incidents["sla_met"] + incidents["sla_breached"]),
        "reopen_rate": rate(incidents["resolved_after_reopen"], incidents["resolved"]),
        "major_incidents": incidents["major_incidents"],
        "mtbf_seconds": mean(desk["mtbf_seconds_sum"], desk["mtbf_gaps"]),
        "change_success_rate": rate(desk["changes_successful"], desk["changes_completed"]),
        "emergency_change_ratio": rate(desk["changes_emergency"], desk["changes_submitted"]),
        "created": incidents["created"],
        "acknowledged": incidents["acknowledged"],
        "resolved": incidents["resolved"],
        "sla_met": incidents["sla_met"],
        "sla_breached": incidents["sla_breached"],
        "ageing": {name.removeprefix("age_"): backlog[name] for name in BACKLOG_SUMS[1:]},
        "changes_completed": desk["changes_completed"],
        "changes_submitted": desk["changes_submitted"],
        "changes_causing_incidents": desk["changes_causing_incidents"],
        "problem_to_known_error_seconds": mean(desk["problem_known_error_seconds_sum"], desk["problems_known_error"]),
        "request_fulfilment_seconds": mean(desk["request_fulfilment_seconds_sum"], desk["requests_fulfilled"]),
    }


def priority_figures(priority: int, incidents: Mapping) -> dict:
    """MTTA and MTTR of one priority."""
    incidents = _zero(incidents, INCIDENT_SUMS)
    return {"priority": priority, "acknowledged": incidents["acknowledged"], "resolved": incidents["resolved"],
            "mtta_seconds": mean(incidents["ack_seconds_sum"], incidents["acknowledged"]),
            "mttr_seconds": mean(incidents["resolve_seconds_sum"], incidents["resolved"])}


def channel_figures(channel: str, incidents: Mapping) -> dict:
    """Volume, SLA compliance, MTTA and MTTR of one channel (``""``, none, is answered as
    ``None``: the API says null for "not known", never ``""``; see docs/kpis.md)."""
    incidents = _zero(incidents, INCIDENT_SUMS)
    return {"channel": channel or None, "created": incidents["created"], "resolved": incidents["resolved"],
            "sla_met": incidents["sla_met"], "sla_breached": incidents["sla_breached"],
            "sla_compliance": rate(incidents["sla_met"], incidents["sla_met"] + incidents["sla_breached"]),
            "mtta_seconds": mean(incidents["ack_seconds_sum"], incidents["acknowledged"]),
            "mttr_seconds": mean(incidents["resolve_seconds_sum"], incidents["resolved"])}
