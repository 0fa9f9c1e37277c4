"""Reads of the KPI rollup tables (never the source records): a few grouped queries per
request, whatever the call and ticket volume behind them."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.db.models import Count, DurationField, ExpressionWrapper, F, FloatField, Q, QuerySet, Sum, Value
from django.db.models.functions import Cast, Coalesce, Extract, ExtractHour, ExtractIsoWeekDay, Trunc

from catalog.models import Team
from contactcenter.models import CostBasis, Provider, Queue
from crm.choices import ComplaintKind, OpportunityStage
from crm.models import Complaint, Opportunity, Survey
from crm.services.survey import LOW_SCORE
from incidents.choices import Channel
from knowledge.models import ArticleFeedback

from . import formulas
from .caching import rollup_cached
from .models import (
    NO_CHANNEL,
    AgentDaily,
    AgentInterval,
    ArrivalHour,
    CallAgentMonthly,
    CallDaily,
    CallInterval,
    CallQueueDaily,
    DeskDaily,
    IncidentDaily,
)
from .rollups import DAY, INTERVAL, days_touching, floor_interval

#: ``interval`` parameter → (bucket length, Trunc kind; None for the rollup's own 15 minutes).
INTERVALS: dict[str, tuple[timedelta, str | None]] = {
    "15m": (INTERVAL, None), "1h": (timedelta(hours=1), "hour"), "1d": (DAY, "day")}
#: A series longer than this is refused (ask for a coarser interval).
MAX_SERIES_POINTS = 10_000
#: The order of ``by_channel``: the channels as incidents list them, then none.
CHANNEL_ORDER = {channel: index for index, channel in enumerate([*Channel.values, NO_CHANNEL])}


@dataclass(frozen=True)
class CallFilters:
    """The dimension filters of the contact-center figures (ids; None = all)."""

    queue: int | None = None
    team: int | None = None
    agent: int | None = None
    service: int | None = None

    @property
    def agent_time(self) -> bool:
        """Agent time is kept per agent, not per queue or service."""
        return self.queue is None and self.service is None


def _team_members(team: int) -> QuerySet:
    return Team.members.through.objects.filter(team_id=team).values("user_id")


def whole_days(start: datetime, end: datetime, interval: str | None) -> bool:
    """Whether the daily tables answer: the period is whole UTC days and no series finer
    than a day is asked for (a year then reads 365 buckets per dimension, not 35,040)."""
    def midnight(moment: datetime) -> bool:
        moment = moment.astimezone(UTC)
        return (moment.hour, moment.minute, moment.second, moment.microsecond) == (0, 0, 0, 0)

    return interval in (None, "1d") and midnight(start) and midnight(end)


def call_rows(start: datetime, end: datetime, filters: CallFilters, daily: bool = False) -> QuerySet[CallInterval]:
    """The call rows of ``[start, end)`` under ``filters``: the 15-minute ones, or with
    ``daily`` the daily ones — per queue and service only (``CallQueueDaily``, a few rows a
    day) unless an agent or team is asked for (``CallDaily``, a row per agent too). Group
    them by ``start``, ``queue_id`` or ``service_id``; ``agent_id`` needs :func:`agent_call_rows`."""
    if daily and filters.agent is None and filters.team is None:
        model = CallQueueDaily
    else:
        model = CallDaily if daily else CallInterval
    qs = model.objects.filter(start__gte=start, start__lt=end)
    if filters.queue is not None:
        qs = qs.filter(queue_id=filters.queue)
    if filters.service is not None:
        qs = qs.filter(service_id=filters.service)
    if filters.agent is not None:
        qs = qs.filter(agent_id=filters.agent)
    if filters.team is not None:
        qs = qs.filter(agent_id__in=_team_members(filters.team))
    return qs


def agent_rows(start: datetime, end: datetime, filters: CallFilters, daily: bool = False
               ) -> QuerySet[AgentInterval]:
    qs = (AgentDaily if daily else AgentInterval).objects.filter(start__gte=start, start__lt=end)
    if filters.agent is not None:
        qs = qs.filter(agent_id=filters.agent)
    if filters.team is not None:
        qs = qs.filter(agent_id__in=_team_members(filters.team))
    return qs


def _sums(names: tuple[str, ...]) -> dict:
    return {name: Sum(name) for name in names}


def _month_floor(moment: datetime) -> datetime:
    return moment.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def _month_ceil(moment: datetime) -> datetime:
    floor = _month_floor(moment)
    return floor if floor == moment else (floor + timedelta(days=32)).replace(day=1)


def agent_call_sums(start: datetime, end: datetime, filters: CallFilters) -> dict[int, dict]:
    """The ``CALL_SUMS`` per agent id over ``[start, end)`` in one query: for whole days with
    no queue or service filter, the whole UTC months from ``CallAgentMonthly`` (12 rows per
    agent a year) and the days before and after them from ``CallDaily`` (a ``UNION ALL`` of
    the grouped reads, added up here); otherwise the daily or 15-minute rows grouped by agent."""
    daily = whole_days(start, end, None)
    start, end = start.astimezone(UTC), end.astimezone(UTC)
    months_from, months_to = _month_ceil(start), _month_floor(end)
    if not (daily and filters.queue is None and filters.service is None and months_from < months_to):
        rows = (_filtered(CallDaily if daily else CallInterval, start, end, filters).values("agent_id")
                .annotate(**_sums(formulas.CALL_SUMS)).order_by())
        return {row["agent_id"]: row for row in rows}

    def grouped(model, lower: datetime, upper: datetime) -> QuerySet:
        return _filtered(model, lower, upper, filters).values("agent_id").annotate(**_sums(formulas.CALL_SUMS))

    parts = [grouped(CallAgentMonthly, months_from, months_to).order_by()]
    parts += [grouped(CallDaily, lower, upper).order_by() for lower, upper in ((start, months_from), (months_to, end))
              if lower < upper]
    totals: dict[int, dict] = {}
    for row in parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]:
        total = totals.setdefault(row["agent_id"], {"agent_id": row["agent_id"],
                                                    **dict.fromkeys(formulas.CALL_SUMS, 0)})
        for name in formulas.CALL_SUMS:
            total[name] += row[name] or 0
    return totals


def _filtered(model, start: datetime, end: datetime, filters: CallFilters) -> QuerySet:
    """``model``'s rows of ``[start, end)`` under the filters it has columns for."""
    qs = model.objects.filter(start__gte=start, start__lt=end)
    names = {field.name for field in model._meta.concrete_fields}
    for name, value in (("queue_id", filters.queue), ("service_id", filters.service), ("agent_id", filters.agent)):
        if value is not None and name in names:
            qs = qs.filter(**{name: value})
    if filters.team is not None:
        qs = qs.filter(agent_id__in=_team_members(filters.team))
    return qs


def series_buckets(start: datetime, end: datetime, interval: str) -> list[datetime]:
    """Every bucket start of the series over ``[start, end)``, empty ones included."""
    step, kind = INTERVALS[interval]
    cursor = floor_interval(start)
    if kind == "hour":
        cursor = cursor.replace(minute=0)
    elif kind == "day":
        cursor = cursor.replace(hour=0, minute=0)
    buckets = []
    while cursor < end:
        buckets.append(cursor)
        cursor += step
    return buckets


def _grouped(qs: QuerySet, kind: str | None, names: tuple[str, ...]) -> dict[datetime, dict]:
    bucket = F("start") if kind is None else Trunc("start", kind, tzinfo=UTC)
    rows = qs.annotate(bucket=bucket).values("bucket").annotate(**_sums(names)).order_by("bucket")
    return {row["bucket"].astimezone(UTC): row for row in rows}


def _key(*parts) -> tuple:
    """A cache key part for a moment, filters or a setting (``kpis.caching``)."""
    return tuple(part.astimezone(UTC).isoformat() if isinstance(part, datetime) else part for part in parts)


def contact_center_kpis(*, start: datetime, end: datetime, filters: CallFilters = CallFilters(),
                        interval: str | None = None) -> dict:
    """The contact-center figures of ``[start, end)`` (rollup intervals whose start falls in
    it) and, with ``interval``, the same per bucket. Two queries, both with a series
    (the totals are the buckets added up); none while the rollups' version is cached."""
    return rollup_cached(_key("cc", start, end, filters, interval, settings.KPI_COST_PER_AGENT_HOUR),
                         lambda: _contact_center_kpis(start=start, end=end, filters=filters, interval=interval))


def _contact_center_kpis(*, start: datetime, end: datetime, filters: CallFilters, interval: str | None) -> dict:
    daily = whole_days(start, end, interval)
    calls, agents = call_rows(start, end, filters, daily), agent_rows(start, end, filters, daily)
    cost = settings.KPI_COST_PER_AGENT_HOUR

    def figures(call_sums, agent_sums) -> dict:
        return formulas.contact_center_figures(call_sums, agent_sums, cost_per_agent_hour=cost,
                                               agent_time=filters.agent_time)

    if not interval:
        result = figures(calls.aggregate(**_sums(formulas.CALL_SUMS)),
                         agents.aggregate(**_sums(formulas.AGENT_SUMS)) if filters.agent_time else {})
        result.update({"from": start, "to": end})
        return result
    # With a series, the period's totals are the buckets' sums added up (the buckets group the
    # same rows): two reads instead of four.
    kind = INTERVALS[interval][1]
    call_series = _grouped(calls, kind, formulas.CALL_SUMS)
    agent_series = _grouped(agents, kind, formulas.AGENT_SUMS) if filters.agent_time else {}
    result = figures(_added(call_series.values(), formulas.CALL_SUMS),
                     _added(agent_series.values(), formulas.AGENT_SUMS))
    result.update({"from": start, "to": end, "interval": interval})
    result["series"] = [{"start": bucket, **figures(call_series.get(bucket, {}), agent_series.get(bucket, {}))}
                        for bucket in series_buckets(start, end, interval)]
    return result


def _added(rows, names: tuple[str, ...]) -> dict:
    totals = dict.fromkeys(names, 0)
    for row in rows:
        for name in names:
            totals[name] += row[name] or 0
    return totals


def _day_rows(start: datetime, end: datetime, team: int | None, service: int | None,
              channel: str | None = None) -> QuerySet[IncidentDaily]:
    first, last = days_touching(start, end)
    qs = IncidentDaily.objects.filter(day__gte=first, day__lte=last)
    if team is not None:
        qs = qs.filter(team_id=team)
    if service is not None:
        qs = qs.filter(service_id=service)
    if channel is not None:
        qs = qs.filter(channel=channel)
    return qs


def _split(rows: QuerySet[IncidentDaily]) -> tuple[dict[int, dict], dict[str, dict], dict[int, dict]]:
    """The incident sums per priority, per channel and per team, from one read grouped by the
    three (teams × six priorities × six channels come back at most, whatever the period)."""
    by_priority: dict[int, dict] = {}
    by_channel: dict[str, dict] = {}
    by_team: dict[int, dict] = {}
    for row in rows.values("team_id", "priority", "channel").annotate(**_sums(formulas.INCIDENT_SUMS)).order_by():
        for table, key in ((by_priority, row["priority"]), (by_channel, row["channel"]), (by_team, row["team_id"])):
            sums = table.setdefault(key, dict.fromkeys(formulas.INCIDENT_SUMS, 0))
            for name in formulas.INCIDENT_SUMS:
                sums[name] += row[name] or 0
    return by_priority, by_channel, by_team


def _team_rows(by_team: dict[int, dict]) -> list[dict]:
    """``sla_by_team``'s rows from the sums per team: teams with a target met or missed, or an
    incident resolved, by team id."""
    return [{"team": team, "sla_met": sums["sla_met"], "sla_breached": sums["sla_breached"],
             "sla_compliance": formulas.rate(sums["sla_met"], sums["sla_met"] + sums["sla_breached"]),
             "resolved": sums["resolved"], "mttr_seconds": formulas.mean(sums["resolve_seconds_sum"], sums["resolved"])}
            for team, sums in sorted(by_team.items()) if sums["sla_met"] or sums["sla_breached"] or sums["resolved"]]


def itsm_with_teams(*, start: datetime, end: datetime, today: datetime | None = None) -> tuple[dict, list[dict]]:
    """The dashboard's ITSM figures (``itsm_kpis`` with no filter) and its SLA table per team
    (``sla_by_team``) from the same read of the daily rows."""
    return itsm_kpis(start=start, end=end, today=today, teams=True)


def itsm_kpis(*, start: datetime, end: datetime, team: int | None = None, service: int | None = None,
              channel: str | None = None, today: datetime | None = None, teams: bool = False):
    """The ITSM figures of the UTC days touching ``[start, end)``; the backlog and its ageing
    as at the end of the last of those days (today at the latest). Three reads of the daily rows (none while the
    rollups' version is cached) and the customers' one.
    ``team``, ``service`` and ``channel`` narrow the incident, SLA and major-incident figures;
    changes, problems, requests and MTBF are desk-wide (see docs/kpis.md). ``by_channel``
    lists the channels with something counted in the period (created, acknowledged,
    resolved, or a timer met or missed), ``None`` for none (timers of problems and changes)."""
    first, last = days_touching(start, end)
    last_backlog_day = min(last, (today or datetime.now(tz=UTC)).astimezone(UTC).date())
    figures, by_team = rollup_cached(_key("itsm", first, last, team, service, channel, last_backlog_day),
                                     lambda: _itsm_figures(start, end, team, service, channel, last_backlog_day))
    result = dict(figures)
    result.update(customer_kpis(start=start, end=end, team=team, service=service))
    result.update({"from": start, "to": end})
    return (result, _team_rows(by_team)) if teams else result


def _itsm_figures(start: datetime, end: datetime, team: int | None, service: int | None, channel: str | None,
                  last_backlog_day) -> tuple[dict, dict[int, dict]]:
    """The rollup part of :func:`itsm_kpis` and the sums per team (three queries: the period's
    totals are the team × priority × channel groups added up)."""
    first, last = days_touching(start, end)
    rows = _day_rows(start, end, team, service, channel)
    by_priority, by_channel, by_team = _split(rows)
    result = formulas.itsm_figures(
        _added(by_priority.values(), formulas.INCIDENT_SUMS),
        rows.filter(day=last_backlog_day).aggregate(**_sums(formulas.BACKLOG_SUMS)),
        DeskDaily.objects.filter(day__gte=first, day__lte=last).aggregate(**_sums(formulas.DESK_SUMS)))
    result["by_priority"] = [formulas.priority_figures(priority, by_priority[priority])
                             for priority in sorted(by_priority) if priority]
    counted = ("created", "acknowledged", "resolved", "sla_met", "sla_breached")
    result["by_channel"] = [formulas.channel_figures(name, by_channel[name])
                            for name in sorted(by_channel, key=lambda name: (CHANNEL_ORDER.get(name, 99), name))
                            if any(by_channel[name][figure] for figure in counted)]
    return result, by_team


def customer_kpis(*, start: datetime, end: datetime, team: int | None = None, service: int | None = None) -> dict:
    """The customers' figures (API.md "Customers") of the same UTC days, read live from the
    crm and knowledge tables in ONE query (a UNION ALL of four one-row aggregates, whatever
    their size): ``csat_mean``/``csat_responses`` (survey answers given in the period:
    incidents, requests and complaints), ``complaints`` (complaints received, not compliments
    or suggestions), ``complaint_response_seconds`` (received → responded, of those responded
    in the period; wall-clock, not business time) and ``kb_deflections`` (readers an article
    solved the problem for, with no ticket: the count of ``knowledge.stats.kb_deflections``).
    ``team`` narrows the survey and complaint figures (the survey's and the complaint's team;
    deflections have no team), ``service`` the complaint figures and the deflections (the
    articles about it); a channel narrows none (complaint channels are not ticket channels)."""
    first, last = days_touching(start, end)
    since, until = datetime.combine(first, datetime.min.time(), UTC), datetime.combine(
        last + timedelta(days=1), datetime.min.time(), UTC)
    surveys = Survey.objects.filter(answered_at__gte=since, answered_at__lt=until, score__isnull=False)
    complaints = Complaint.objects.filter(kind=ComplaintKind.COMPLAINT)
    if team is not None:
        surveys, complaints = surveys.filter(team_id=team), complaints.filter(team_id=team)
    if service is not None:
        complaints = complaints.filter(service_id=service)
    deflected = ArticleFeedback.objects.filter(deflected=True, created_at__gte=since, created_at__lt=until)
    if service is not None:
        deflected = deflected.filter(article__services=service)
    waited = Extract(ExpressionWrapper(F("responded_at") - F("created_at"), output_field=DurationField()), "epoch")

    def one_row(qs, figure: str, total):
        return (qs.order_by().annotate(figure=Value(figure)).values("figure")
                .annotate(n=Count("pk"), total=Cast(Coalesce(total, 0.0), FloatField())).values("figure", "n", "total"))

    rows = one_row(surveys, "csat", Sum("score")).union(
        one_row(complaints.filter(created_at__gte=since, created_at__lt=until), "received", Value(0.0)),
        one_row(complaints.filter(responded_at__gte=since, responded_at__lt=until), "responded", Sum(waited)),
        one_row(deflected, "deflected", Value(0.0)),
        # issue 24.14: "solved the first time you contacted us?" answered with the score
        one_row(surveys.filter(solved_first_contact__isnull=False), "fcr",
                Count("pk", filter=Q(solved_first_contact=True))),
        all=True)
    got = {row["figure"]: (row["n"], row["total"]) for row in rows}
    answers, score_sum = got.get("csat", (0, 0.0))
    responded, waited_sum = got.get("responded", (0, 0.0))
    return {"csat_mean": round(score_sum / answers, 2) if answers else None, "csat_responses": answers,
            "complaints": got.get("received", (0, 0.0))[0],
            "complaint_response_seconds": formulas.mean(waited_sum, responded),
            "kb_deflections": got.get("deflected", (0, 0.0))[0],
            "ticket_fcr_survey_answers": got.get("fcr", (0, 0.0))[0],
            "ticket_fcr_survey_rate": formulas.rate(got.get("fcr", (0, 0.0))[1], got.get("fcr", (0, 0.0))[0])}


# --- the dashboard's tables -----------------------------------------------------------------------
def queue_sums(start: datetime, end: datetime, filters: CallFilters) -> dict[int, dict]:
    """The ``CALL_SUMS`` per queue id (0 = none), by queue id (one query, cached under the
    rollups' version): ``per_queue`` and ``per_provider``."""
    def build() -> dict[int, dict]:
        rows = (call_rows(start, end, filters, whole_days(start, end, None)).values("queue_id")
                .annotate(**_sums(formulas.CALL_SUMS)).order_by("queue_id"))
        return {row["queue_id"]: row for row in rows}

    return rollup_cached(_key("queues", start, end, filters), build)


def per_queue(start: datetime, end: datetime, filters: CallFilters, sums: dict[int, dict] | None = None
              ) -> list[dict]:
    """Contact-center figures per queue (one query, none with ``sums`` from :func:`queue_sums`);
    ``queue`` is the id, 0 for none."""
    sums = queue_sums(start, end, filters) if sums is None else sums
    return [{"queue": queue_id, **formulas.contact_center_figures(sums[queue_id], None, cost_per_agent_hour=0,
                                                                  agent_time=False)} for queue_id in sorted(sums)]


def sums_by_queue(start: datetime, end: datetime) -> dict[int, dict]:
    """The summed ``CallSums`` columns per queue id (0 = none) of the 15-minute rows starting
    in ``[start, end)`` (one query): the wallboard adds them up for the floor's total."""
    return {row["queue_id"]: row for row in call_rows(start, end, CallFilters()).values("queue_id")
            .annotate(**_sums(formulas.CALL_SUMS)).order_by()}


def per_agent(start: datetime, end: datetime, filters: CallFilters) -> list[dict]:
    """Contact-center figures per agent with their occupancy (two queries; none while the
    rollups' version is cached)."""
    return rollup_cached(_key("agents", start, end, filters, settings.KPI_COST_PER_AGENT_HOUR),
                         lambda: _per_agent(start, end, filters))


def _per_agent(start: datetime, end: datetime, filters: CallFilters) -> list[dict]:
    daily = whole_days(start, end, None)
    calls = agent_call_sums(start, end, filters)
    calls.pop(0, None)  # no agent
    agents = {row["agent_id"]: row for row in agent_rows(start, end, filters, daily)
              .values("agent_id").annotate(**_sums(formulas.AGENT_SUMS)).order_by()}
    cost = settings.KPI_COST_PER_AGENT_HOUR
    return [{"agent": agent_id, **formulas.contact_center_figures(calls.get(agent_id, {}), agents.get(agent_id, {}),
                                                                  cost_per_agent_hour=cost,
                                                                  agent_time=filters.agent_time)}
            for agent_id in sorted(set(calls) | set(agents))]


def arrival_heatmap(start: datetime, end: datetime, filters: CallFilters) -> list[list[int]]:
    """Arrivals by ISO weekday (rows, Monday first) and UTC hour (columns), one query (none
    while the rollups' version is cached)."""
    return rollup_cached(_key("heatmap", start, end, filters), lambda: _arrival_heatmap(start, end, filters))


def _arrival_heatmap(start: datetime, end: datetime, filters: CallFilters) -> list[list[int]]:
    grid = [[0] * 24 for _ in range(7)]
    whole_hours = all(moment == moment.replace(minute=0, second=0, microsecond=0) for moment in (start, end))
    if filters.agent is None and filters.team is None and whole_hours:
        source = ArrivalHour.objects.filter(start__gte=start, start__lt=end)  # 8,760 hours a year per dimension
        if filters.queue is not None:
            source = source.filter(queue_id=filters.queue)
        if filters.service is not None:
            source = source.filter(service_id=filters.service)
        # Summed per hour in SQL (no function per row: the weekday and hour of 96,000 rows took
        # 115 of a 215 ms scan for a year), placed in the grid here: at most 8,760 hours a year.
        for moment, n in source.values("start").annotate(n=Sum("arrivals")).order_by().values_list("start", "n"):
            moment = moment.astimezone(UTC)
            grid[moment.isoweekday() - 1][moment.hour] += n or 0
        return grid
    source = call_rows(start, end, filters)
    rows = (source
            .annotate(weekday=ExtractIsoWeekDay("start", tzinfo=UTC), hour=ExtractHour("start", tzinfo=UTC))
            .values("weekday", "hour").annotate(n=Sum("arrivals")).order_by())
    for row in rows:
        grid[int(row["weekday"]) - 1][int(row["hour"])] += row["n"] or 0
    return grid


def sla_by_team(start: datetime, end: datetime, service: int | None = None) -> list[dict]:
    """SLA compliance and MTTR per team (one query, none while the rollups' version is
    cached); ``team`` is the id, 0 for none."""
    return rollup_cached(_key("sla-teams", start, end, service), lambda: _sla_by_team(start, end, service))


def _sla_by_team(start: datetime, end: datetime, service: int | None) -> list[dict]:
    rows = (_day_rows(start, end, None, service).values("team_id").annotate(**_sums(formulas.INCIDENT_SUMS))
            .filter(Q(sla_met__gt=0) | Q(sla_breached__gt=0) | Q(resolved__gt=0)).order_by("team_id"))
    return [{"team": row["team_id"], "sla_met": row["sla_met"], "sla_breached": row["sla_breached"],
             "sla_compliance": formulas.rate(row["sla_met"], row["sla_met"] + row["sla_breached"]),
             "resolved": row["resolved"], "mttr_seconds": formulas.mean(row["resolve_seconds_sum"], row["resolved"])}
            for row in rows]


def ticket_csat(start: datetime, end: datetime) -> dict[str, list[dict]]:
    """The ticket surveys answered in ``[start, end)`` (incidents, requests and complaints),
    per team and per agent, in ONE query (a UNION ALL of the two grouped reads). The team and
    agent are the ticket's when it was resolved (the survey keeps them when it is sent);
    ``team``/``agent`` 0 for none. ``low`` counts the scores that asked the manager to follow
    up (≤ 2)."""
    answers = Survey.objects.filter(answered_at__gte=start, answered_at__lt=end, score__isnull=False).order_by()

    def grouped(field: str, dimension: str) -> QuerySet:
        return (answers.annotate(dimension=Value(dimension), key=Coalesce(field, 0)).values("dimension", "key")
                .annotate(n=Count("pk"), total=Sum("score"), low=Count("pk", filter=Q(score__lte=LOW_SCORE)))
                .values("dimension", "key", "n", "total", "low"))

    result: dict[str, list[dict]] = {"team": [], "agent": []}
    for row in grouped("team_id", "team").union(grouped("agent_id", "agent"), all=True):
        result[row["dimension"]].append({row["dimension"]: row["key"], "responses": row["n"], "low": row["low"],
                                         "csat_mean": round(row["total"] / row["n"], 2)})
    for rows in result.values():
        rows.sort(key=lambda row: -row["responses"])
    return result


def opportunities_by_agent(start: datetime, end: datetime) -> list[dict]:
    """Per agent (the opportunity's owner): opportunities raised in ``[start, end)``, won in
    it (whenever raised) and the value won, by currency (one query)."""
    raised = Q(created_at__gte=start, created_at__lt=end)
    won = Q(stage=OpportunityStage.WON, closed_at__gte=start, closed_at__lt=end)
    rows = (Opportunity.objects.filter(raised | won, owner__isnull=False).order_by()
            .values("owner_id", "currency")
            .annotate(raised=Count("pk", filter=raised), won=Count("pk", filter=won),
                      won_value=Sum("value", filter=won))
            .order_by("owner_id", "currency"))
    agents: dict[int, dict] = {}
    for row in rows:
        agent = agents.setdefault(row["owner_id"], {"agent": row["owner_id"], "raised": 0, "won": 0, "won_value": {}})
        agent["raised"] += row["raised"]
        agent["won"] += row["won"]
        if row["won"]:
            agent["won_value"][row["currency"]] = row["won_value"]
    return list(agents.values())


# --- providers side by side (issue 24.13) -----------------------------------------------------------
def per_provider(start: datetime, end: datetime, by_queue: dict[int, dict] | None = None) -> list[dict]:
    """The providers compared over ``[start, end)``: the rollup rows summed per queue (one
    grouped read, as ``per_queue``) and added up per queue → provider; the agent hours of
    per-hour providers from the agent rows of their teams' members (two small reads), so
    no call is read. Every provider is listed (zeros without calls), by name; the calls of
    queues without a provider (and of no queue) come last as ``provider: None``. An agent in
    teams of two providers counts for the provider of the lowest team id."""
    daily = whole_days(start, end, None)
    if by_queue is None:
        by_queue = queue_sums(start, end, CallFilters())
    providers = list(Provider.objects.order_by("name"))
    queue_provider = dict(Queue.objects.filter(provider__isnull=False).values_list("id", "provider_id"))
    sums: dict[int | None, dict] = {}
    for queue_id, row in by_queue.items():
        total = sums.setdefault(queue_provider.get(queue_id), dict.fromkeys(formulas.CALL_SUMS, 0))
        for name in formulas.CALL_SUMS:
            total[name] += row[name] or 0
    seconds: dict[int, float] = defaultdict(float)
    if any(provider.cost_basis == CostBasis.PER_HOUR for provider in providers):
        agent_provider: dict[int, int] = {}
        for user_id, provider_id in (Team.members.through.objects.filter(team__provider_link__isnull=False)
                                     .order_by("team_id").values_list("user_id", "team__provider_link__provider_id")):
            agent_provider.setdefault(user_id, provider_id)
        if agent_provider:
            for row in (agent_rows(start, end, CallFilters(), daily).filter(agent_id__in=list(agent_provider))
                        .values("agent_id").annotate(seconds=Sum("logged_in_seconds")).order_by()):
                seconds[agent_provider[row["agent_id"]]] += row["seconds"] or 0
    default_currency = getattr(settings, "KPI_COST_CURRENCY", "") or ""
    result = [{"provider": provider.pk, "name": provider.name, "kind": provider.kind,
               "cost_basis": provider.cost_basis, "cost": float(provider.cost),
               "currency": provider.currency or default_currency,
               **formulas.provider_figures(sums.get(provider.pk, {}), cost_basis=provider.cost_basis,
                                           cost=provider.cost, logged_in_seconds=seconds.get(provider.pk, 0))}
              for provider in providers]
    if None in sums:
        result.append({"provider": None, "name": None, "kind": None, "cost_basis": None, "cost": None,
                       "currency": default_currency,
                       **formulas.provider_figures(sums[None], cost_basis=None, cost=None)})
    return result
