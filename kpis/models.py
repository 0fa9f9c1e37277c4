"""KPI rollup tables: sums and counts (never averages) per time bucket and dimension, so
that any set of rows adds up to the figures of a longer period or a coarser grouping.

Written only by :mod:`kpis.rollups` (delete-then-upsert per window, so a recomputed window
gives the same rows); read only by :mod:`kpis.selectors`. A dimension that is empty on the
source record (a call that reached no queue, an incident with no team) is stored as ``0``
(``""`` for the channel) rather than NULL: the unique constraints then hold on PostgreSQL and SQLite alike, and the
columns are plain integers (not foreign keys) so that deleting a queue or a team never
rewrites history.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

NONE = 0  #: the dimension value of "none" (no queue, no agent, no team, ...)
NO_CHANNEL = ""  #: the channel of "none" (a ticket kind without channels; rows from before the column)


class CallFigures(models.Model):
    """The call sums themselves, without a bucket or dimensions (shared by every call table)."""

    arrivals = models.PositiveIntegerField(default=0, help_text=_("every inbound call"))
    offered = models.PositiveIntegerField(default=0)
    answered = models.PositiveIntegerField(default=0)
    abandoned = models.PositiveIntegerField(default=0)
    short_abandoned = models.PositiveIntegerField(default=0, help_text=_("hung up within the grace period"))
    answered_in_sl = models.PositiveIntegerField(default=0)
    wait_sum = models.BigIntegerField(default=0, help_text=_("seconds, answered calls"))
    talk_sum = models.BigIntegerField(default=0)
    hold_sum = models.BigIntegerField(default=0)
    wrap_sum = models.BigIntegerField(default=0)
    wrap_count = models.PositiveIntegerField(default=0, help_text=_("answered calls whose wrap-up has ended"))
    transfers = models.PositiveIntegerField(default=0, help_text=_("transfers, summed"))
    transferred = models.PositiveIntegerField(default=0, help_text=_("answered calls transferred at least once"))
    fcr = models.PositiveIntegerField(default=0, help_text=_("answered calls without a repeat call"))
    csat_count = models.PositiveIntegerField(default=0)
    csat_good = models.PositiveIntegerField(default=0, help_text=_("ratings of 4 or 5"))
    csat_sum = models.PositiveIntegerField(default=0)
    deflected = models.PositiveIntegerField(default=0)
    callbacks_done = models.PositiveIntegerField(default=0)
    callback_seconds_sum = models.BigIntegerField(default=0, help_text=_("created → done, completed callbacks"))
    # Issue 22.5 (CC-C): outbound calls, recordings and quality reviews, in the same rows.
    outbound = models.PositiveIntegerField(default=0, help_text=_("outbound calls attempted"))
    outbound_answered = models.PositiveIntegerField(default=0, help_text=_("outbound calls the other side answered"))
    recorded = models.PositiveIntegerField(default=0, help_text=_("calls (both directions) with a recording"))
    quality_count = models.PositiveIntegerField(default=0, help_text=_("quality evaluations submitted"))
    quality_sum = models.FloatField(default=0, help_text=_("their scores (0–100), summed"))
    # W1 (issue 24.14): first-call resolution asked in the keypad survey.
    fcr_survey_count = models.PositiveIntegerField(default=0, help_text=_("answers to \"solved on this call?\""))
    fcr_survey_yes = models.PositiveIntegerField(default=0, help_text=_("of which yes"))

    class Meta:
        abstract = True


class CallSums(CallFigures):
    """The call sums of one bucket, per queue, agent and service (15-minute and daily tables)."""

    start = models.DateTimeField(_("interval start"))
    queue_id = models.PositiveIntegerField(default=NONE, help_text=_("contactcenter.Queue id, 0 = none"))
    agent_id = models.PositiveIntegerField(default=NONE, help_text=_("user id, 0 = none"))
    service_id = models.PositiveIntegerField(default=NONE, help_text=_("catalog.Service id, 0 = none"))

    class Meta:
        abstract = True
        ordering = ["start", "queue_id", "agent_id", "service_id"]
        constraints = [models.UniqueConstraint(fields=["start", "queue_id", "agent_id", "service_id"],
                                               name="%(app_label)s_%(class)s_key")]

    def __str__(self) -> str:
        return f"{self.start:%Y-%m-%d %H:%M} q{self.queue_id} a{self.agent_id} s{self.service_id}"


class CallInterval(CallSums):
    """Inbound calls that started in one 15-minute interval, per queue, agent and service.

    A call belongs to the interval of its ``started_at``; a completed callback to the
    interval of its ``done_at`` (with its call's queue and service, and the callback's agent).
    """

    class Meta(CallSums.Meta):
        pass


class CallDaily(CallSums):
    """The same sums per UTC day (``start`` at midnight), added up from the day's
    ``CallInterval`` rows: a year's dashboard reads 365 buckets, not 35,000."""

    class Meta(CallSums.Meta):
        pass


class CallQueueDaily(CallFigures):
    """The same sums per UTC day, queue and service, every agent together (added up from the
    day's ``CallDaily`` rows): the dashboard's series, totals, queues and providers for a year
    read 365 days × a few queues, not the ~600 agent × queue rows of each day (issue 23)."""

    start = models.DateTimeField(_("day start"))
    queue_id = models.PositiveIntegerField(default=NONE, help_text=_("contactcenter.Queue id, 0 = none"))
    service_id = models.PositiveIntegerField(default=NONE, help_text=_("catalog.Service id, 0 = none"))

    class Meta:
        ordering = ["start", "queue_id", "service_id"]
        verbose_name_plural = _("call queue dailies")
        constraints = [models.UniqueConstraint(fields=["start", "queue_id", "service_id"],
                                               name="%(app_label)s_%(class)s_key")]

    def __str__(self) -> str:
        return f"{self.start:%Y-%m-%d} q{self.queue_id} s{self.service_id}"


class CallAgentMonthly(CallFigures):
    """The same sums per UTC month (``start`` at midnight on the 1st) and agent, every queue
    and service together (added up from the month's ``CallDaily`` rows): the dashboard's
    agents for a year read 12 months × the agents, the edge days coming from ``CallDaily``."""

    start = models.DateTimeField(_("month start"))
    agent_id = models.PositiveIntegerField(default=NONE, help_text=_("user id, 0 = none"))

    class Meta:
        ordering = ["start", "agent_id"]
        verbose_name_plural = _("call agent monthlies")
        constraints = [models.UniqueConstraint(fields=["start", "agent_id"], name="%(app_label)s_%(class)s_key")]

    def __str__(self) -> str:
        return f"{self.start:%Y-%m} agent {self.agent_id}"


class ArrivalHour(models.Model):
    """Inbound calls per UTC hour, queue and service (no agent: arrivals have none yet), for
    the arrival heatmap by hour of week: a year is 8,760 hours per queue and service."""

    start = models.DateTimeField(_("hour start"))
    queue_id = models.PositiveIntegerField(default=NONE)
    service_id = models.PositiveIntegerField(default=NONE)
    arrivals = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["start", "queue_id", "service_id"]
        constraints = [models.UniqueConstraint(fields=["start", "queue_id", "service_id"],
                                               name="%(app_label)s_%(class)s_key")]

    def __str__(self) -> str:
        return f"{self.start:%Y-%m-%d %H:00} q{self.queue_id} s{self.service_id}: {self.arrivals}"


class AgentSums(models.Model):
    """Seconds one agent spent in each logged-in state within one bucket (``AgentStateLog``
    stretches clipped to the bucket; offline time is not stored)."""

    start = models.DateTimeField(_("interval start"))
    agent_id = models.PositiveIntegerField(help_text=_("user id"))
    available_seconds = models.PositiveIntegerField(default=0)
    busy_seconds = models.PositiveIntegerField(default=0)
    wrap_seconds = models.PositiveIntegerField(default=0)
    logged_in_seconds = models.PositiveIntegerField(default=0, help_text=_("available + busy + wrap-up"))

    class Meta:
        abstract = True
        ordering = ["start", "agent_id"]
        constraints = [models.UniqueConstraint(fields=["start", "agent_id"], name="%(app_label)s_%(class)s_key")]

    def __str__(self) -> str:
        return f"{self.start:%Y-%m-%d %H:%M} agent {self.agent_id}"


class AgentInterval(AgentSums):
    """An agent's state seconds within one 15-minute interval."""

    class Meta(AgentSums.Meta):
        pass


class AgentDaily(AgentSums):
    """An agent's state seconds within one UTC day (from the day's ``AgentInterval`` rows)."""

    class Meta(AgentSums.Meta):
        pass


class IncidentDaily(models.Model):
    """Incident and SLA figures of one UTC day, per team, service, priority and channel (of
    the incident, or of the SLA timer's ticket). Each figure says which timestamp puts a
    record in the day; see ``docs/kpis.md``.

    ``channel`` is the ticket's door (phone, email, portal, monitoring, chat) and ``""`` for
    none: the timers of tickets without a channel (problems, changes) and the rows rolled up
    before the column existed, which were summed over every channel and so belong to none of
    them (``rollup_kpis`` over that history splits them)."""

    day = models.DateField(_("day"))
    team_id = models.PositiveIntegerField(default=NONE, help_text=_("catalog.Team id, 0 = none"))
    service_id = models.PositiveIntegerField(default=NONE, help_text=_("catalog.Service id, 0 = none"))
    priority = models.PositiveSmallIntegerField(default=NONE, help_text=_("1–5, 0 = none"))
    channel = models.CharField(_("channel"), max_length=20, blank=True, default=NO_CHANNEL,
                               help_text=_("the ticket's channel, empty = none"))

    created = models.PositiveIntegerField(default=0)
    acknowledged = models.PositiveIntegerField(default=0)
    ack_seconds_sum = models.BigIntegerField(default=0)
    resolved = models.PositiveIntegerField(default=0)
    resolve_seconds_sum = models.BigIntegerField(default=0)
    resolved_after_reopen = models.PositiveIntegerField(default=0)
    backlog = models.PositiveIntegerField(default=0, help_text=_("open at the end of the day"))
    age_lt_1d = models.PositiveIntegerField(default=0)
    age_1_3d = models.PositiveIntegerField(default=0)
    age_3_7d = models.PositiveIntegerField(default=0)
    age_7_30d = models.PositiveIntegerField(default=0)
    age_gt_30d = models.PositiveIntegerField(default=0)
    sla_met = models.PositiveIntegerField(default=0)
    sla_breached = models.PositiveIntegerField(default=0)
    major_incidents = models.PositiveIntegerField(default=0, help_text=_("declared this day"))

    class Meta:
        ordering = ["day", "team_id", "service_id", "priority", "channel"]
        verbose_name_plural = _("incident dailies")
        constraints = [models.UniqueConstraint(fields=["day", "team_id", "service_id", "priority", "channel"],
                                               name="%(app_label)s_%(class)s_key")]

    def __str__(self) -> str:
        return f"{self.day} t{self.team_id} s{self.service_id} P{self.priority} {self.channel or '-'}"


class DeskDaily(models.Model):
    """Figures of one UTC day for the whole desk: changes, problems, requests and the gaps
    between major incidents (records with several services, or none, have no single team
    or service to be filed under)."""

    day = models.DateField(_("day"))
    mtbf_gaps = models.PositiveIntegerField(default=0, help_text=_("major incidents declared with a previous one"))
    mtbf_seconds_sum = models.BigIntegerField(default=0)
    changes_completed = models.PositiveIntegerField(default=0)
    changes_successful = models.PositiveIntegerField(default=0)
    changes_causing_incidents = models.PositiveIntegerField(default=0)
    changes_submitted = models.PositiveIntegerField(default=0)
    changes_emergency = models.PositiveIntegerField(default=0)
    problems_known_error = models.PositiveIntegerField(default=0)
    problem_known_error_seconds_sum = models.BigIntegerField(default=0)
    requests_fulfilled = models.PositiveIntegerField(default=0)
    request_fulfilment_seconds_sum = models.BigIntegerField(default=0)

    class Meta:
        ordering = ["day"]
        verbose_name_plural = _("desk dailies")
        constraints = [models.UniqueConstraint(fields=["day"], name="%(app_label)s_%(class)s_key")]

    def __str__(self) -> str:
        return str(self.day)
