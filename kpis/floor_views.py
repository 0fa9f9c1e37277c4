"""The contact-center floor's pages under ``/dashboards/``: the live wallboard (managers and
agents: it hangs on a screen over the floor) and the staffing plan with the Erlang C what-if
calculator (managers). Reads only; a fixed number of queries whatever the number of calls,
queues or agents."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from django import forms
from django.conf import settings
from django.contrib.auth.mixins import LoginRequiredMixin, UserPassesTestMixin
from django.core.exceptions import PermissionDenied
from django.db.models import Count, F, IntegerField, Min, Q, Value
from django.db.models.functions import Coalesce
from django.db.models.lookups import LessThanOrEqual
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from contactcenter.choices import AgentStateChoice, CallOutcome
from contactcenter.models import AgentState, Call, Queue
from servicedesk.roles import Role, has_role

from . import erlang, staffing

#: Answer-time target for calls that reached no named queue (the queues' own default).
DEFAULT_SERVICE_LEVEL_SECONDS = 20


# --- access -------------------------------------------------------------------------------------
class RolesRequiredMixin(LoginRequiredMixin, UserPassesTestMixin):
    """Signed in (else the login page) and holding one of ``roles`` (else 403 with ``denied``)."""

    roles: frozenset[str] = frozenset({Role.MANAGER, Role.ADMIN})
    denied = _("Only managers and administrators can see this page.")

    def test_func(self) -> bool:
        return has_role(self.request.user, *self.roles)

    def handle_no_permission(self):
        if self.request.user.is_authenticated:
            raise PermissionDenied(str(self.denied))
        response = super().handle_no_permission()
        if getattr(self.request, "htmx", False):
            # A wallboard whose session ended: the whole screen goes to the login page,
            # not the login form swapped into the panel.
            return HttpResponse(headers={"HX-Redirect": response["Location"]})
        return response


# --- the wallboard ------------------------------------------------------------------------------
@dataclass
class QueueFigures:
    """One queue's line on the wallboard (or the floor's total)."""

    name: str
    service_level_seconds: int | None
    waiting: int = 0
    oldest_queued_at: datetime | None = None
    offered: int = 0
    answered: int = 0
    answered_in_time: int = 0
    abandoned: int = 0
    now: datetime = field(default_factory=timezone.now)

    @property
    def longest_wait_seconds(self) -> int | None:
        if self.oldest_queued_at is None:
            return None
        return max(0, int((self.now - self.oldest_queued_at).total_seconds()))

    @property
    def longest_wait_display(self) -> str:
        """``m:ss`` (``h:mm:ss`` past an hour); an em dash when nobody waits."""
        seconds = self.longest_wait_seconds
        if seconds is None:
            return "—"
        hours, rest = divmod(seconds, 3600)
        return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"

    @property
    def service_level(self) -> float | None:
        return self.answered_in_time / self.offered if self.offered else None

    @property
    def abandonment_rate(self) -> float | None:
        return self.abandoned / self.offered if self.offered else None

    def add(self, other: QueueFigures) -> None:
        self.waiting += other.waiting
        self.offered += other.offered
        self.answered += other.answered
        self.answered_in_time += other.answered_in_time
        self.abandoned += other.abandoned
        if other.oldest_queued_at and (self.oldest_queued_at is None or other.oldest_queued_at < self.oldest_queued_at):
            self.oldest_queued_at = other.oldest_queued_at


def floor_now(*, now: datetime | None = None) -> dict:
    """The wallboard's figures, in three queries.

    - waiting: in a queue, with no agent, not ended; the longest wait is the oldest of them;
    - today (inbound calls started since midnight in the current time zone that reached a
      queue), the definitions of the KPI rollups (docs/kpis.md): offered leaves out callers
      who abandoned within ``KPI_ABANDON_GRACE_SECONDS`` (default 5: they were not really
      offered); service level = answered within the queue's ``service_level_seconds`` ÷
      offered; abandonment = abandoned (after the grace) ÷ offered. Calls still waiting are
      offered and not yet answered, so a long queue shows in the service level at once;
    - agents by state, from ``AgentState``.
    """
    now = now or timezone.now()
    grace = getattr(settings, "KPI_ABANDON_GRACE_SECONDS", 5)
    day_start, _day_end = staffing.day_bounds(timezone.localdate(now))
    waiting = Q(queued_at__isnull=False, agent__isnull=True, ended_at__isnull=True)
    today = Q(direction="inbound", started_at__gte=day_start, started_at__lte=now, queued_at__isnull=False)
    unanswered_abandon = Q(answered_at__isnull=True, outcome=CallOutcome.ABANDONED)
    offered = today & ~(unanswered_abandon & Q(wait_seconds__lt=grace))
    answered = today & Q(answered_at__isnull=False)
    target = Coalesce(F("queue__service_level_seconds"), Value(DEFAULT_SERVICE_LEVEL_SECONDS),
                      output_field=IntegerField())
    in_time = answered & Q(LessThanOrEqual(Coalesce(F("wait_seconds"), Value(0)), target))
    rows = (Call.objects.filter(waiting | today).order_by().values("queue_id")
            .annotate(waiting=Count("id", filter=waiting), oldest=Min("queued_at", filter=waiting),
                      offered=Count("id", filter=offered), answered=Count("id", filter=answered),
                      in_time=Count("id", filter=in_time), abandoned=Count("id", filter=offered & unanswered_abandon)))
    by_queue = {row["queue_id"]: row for row in rows}
    lines = []
    for queue in Queue.objects.only("id", "name", "service_level_seconds").order_by("name"):
        figures = QueueFigures(name=queue.name, service_level_seconds=queue.service_level_seconds, now=now)
        if queue.pk in by_queue:
            _fill(figures, by_queue[queue.pk])
        lines.append(figures)
    if None in by_queue:  # calls that reached no named queue
        other = QueueFigures(name=str(_("No queue")), service_level_seconds=DEFAULT_SERVICE_LEVEL_SECONDS, now=now)
        _fill(other, by_queue[None])
        lines.append(other)
    total = QueueFigures(name=str(_("All queues")), service_level_seconds=None, now=now)
    for line in lines:
        total.add(line)
    states = dict(AgentState.objects.order_by().values_list("state").annotate(n=Count("id")))
    agents = [{"state": value, "label": label, "count": states.get(value, 0)}
              for value, label in AgentStateChoice.choices]
    return {"queues": lines, "total": total, "agents": agents,
            "logged_in": sum(a["count"] for a in agents if a["state"] != AgentStateChoice.OFFLINE), "now": now}


def _fill(figures: QueueFigures, row: dict) -> None:
    figures.waiting, figures.oldest_queued_at = row["waiting"], row["oldest"]
    figures.offered, figures.answered = row["offered"], row["answered"]
    figures.answered_in_time, figures.abandoned = row["in_time"], row["abandoned"]


class WallboardView(RolesRequiredMixin, TemplateView):
    """Live figures for the floor; htmx reloads the panel every ``WALLBOARD_REFRESH_SECONDS``."""

    roles = frozenset({Role.MANAGER, Role.ADMIN, Role.AGENT})
    denied = _("Only agents, managers and administrators can see the wallboard.")
    template_name = "kpis/wallboard.html"

    def get_template_names(self) -> list[str]:
        if getattr(self.request, "htmx", False):
            return ["kpis/wallboard_panel.html"]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(floor_now())
        ctx["refresh_seconds"] = getattr(settings, "WALLBOARD_REFRESH_SECONDS", 5)
        return ctx


# --- staffing ----------------------------------------------------------------------------------
class DayForm(forms.Form):
    date = forms.DateField(label=_("Day"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def clean_date(self) -> date | None:
        day = self.cleaned_data["date"]
        if day is not None and not 1970 <= day.year <= 9000:  # the forecast looks weeks back
            raise forms.ValidationError(_("Pick a day between 1970 and 9000."))
        return day


class WhatIfForm(forms.Form):
    """The calculator's input in the page's units: percentages where the API takes fractions."""

    calls = forms.FloatField(label=_("Calls per interval"), min_value=0)
    interval_seconds = forms.IntegerField(label=_("Interval (seconds)"), min_value=1, max_value=86400, initial=900)
    aht_seconds = forms.FloatField(label=_("Average handle time (seconds)"), min_value=0.001)
    target_percent = forms.FloatField(label=_("Target service level (%)"), min_value=0.001, max_value=99.999)
    target_seconds = forms.FloatField(label=_("Answered within (seconds)"), min_value=0)
    shrinkage_percent = forms.FloatField(label=_("Shrinkage (%)"), min_value=0, max_value=99.999)

    @classmethod
    def defaults(cls) -> dict:
        return {"interval_seconds": 900, "target_percent": round(settings.STAFFING_TARGET_SERVICE_LEVEL * 100, 3),
                "target_seconds": settings.STAFFING_TARGET_SECONDS,
                "shrinkage_percent": round(settings.STAFFING_SHRINKAGE * 100, 3),
                "aht_seconds": settings.STAFFING_DEFAULT_AHT_SECONDS}

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        traffic = erlang.traffic_erlangs(calls=data["calls"], aht_seconds=data["aht_seconds"],
                                         interval_seconds=data["interval_seconds"])
        if traffic > erlang.MAX_TRAFFIC_ERLANGS:
            self.add_error("calls", _("That is more traffic than this calculator plans for."))
        return data

    def result(self) -> erlang.StaffingResult:
        data = self.cleaned_data
        return erlang.required_agents(
            calls=data["calls"], interval_seconds=data["interval_seconds"], aht_seconds=data["aht_seconds"],
            target_service_level=data["target_percent"] / 100, target_seconds=data["target_seconds"],
            shrinkage=round(data["shrinkage_percent"] / 100, 6))


def _trim(plans: list[staffing.IntervalPlan]) -> list[staffing.IntervalPlan]:
    """The intervals from the first to the last with calls forecast or agents logged in."""
    busy = [i for i, p in enumerate(plans) if p.forecast.calls or p.logged_in]
    return plans[busy[0]:busy[-1] + 1] if busy else []


class StaffingView(RolesRequiredMixin, TemplateView):
    """The day's plan (``?date=``, default today) and the what-if calculator."""

    template_name = "kpis/staffing.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        now = timezone.now()
        params = self.request.GET
        day_form = DayForm(params or None)
        day: date = timezone.localdate(now)
        if day_form.is_bound and day_form.is_valid() and day_form.cleaned_data["date"]:
            day = day_form.cleaned_data["date"]
        targets = staffing.Targets.from_settings()
        plans = staffing.plan_day(day=day, targets=targets, now=now)
        what_if = WhatIfForm(params if "calls" in params else None, initial=WhatIfForm.defaults())
        today = day == timezone.localdate(now)
        ctx.update({
            "day": day, "day_form": day_form, "targets": targets, "target_percent": targets.service_level * 100,
            "shrinkage_percent": targets.shrinkage * 100, "weeks": settings.STAFFING_FORECAST_WEEKS,
            "plans": _trim(plans), "logged_in_now": staffing.logged_in_now() if today else None,
            "peak": max((p.requirement.agents_with_shrinkage for p in plans), default=0),
            "what_if": what_if, "result": what_if.result() if what_if.is_bound and what_if.is_valid() else None,
        })
        return ctx
