"""The contact-center floor's pages under ``/dashboards/``: the live wallboard (managers and
agents: it hangs on a screen over the floor) and the staffing plan with the Erlang C what-if
calculator (managers). Reads only; a fixed number of queries whatever the number of calls,
queues or agents."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from core.pages import RolesRequiredMixin
from core.roles import Role, has_role

from .. import formulas, selectors, staffing, thresholds
from ..floor import floor_now
from ..forms.floor import DayForm, WhatIfForm
from ..models import NONE
from ..rollups import floor_interval


class ManagersOnly(RolesRequiredMixin):
    roles = frozenset({Role.MANAGER, Role.ADMIN})
    roles_message = _("Only managers and administrators can see this page.")


class WallboardView(RolesRequiredMixin, TemplateView):
    """Live figures for the floor; htmx reloads the panel every ``WALLBOARD_REFRESH_SECONDS``.
    ``?tv=1`` is the TV mode for the screen over the floor: the panel alone, large and dark.
    Each figure is coloured against ``WALLBOARD_THRESHOLDS`` (``kpis.thresholds``)."""

    roles = frozenset({Role.MANAGER, Role.ADMIN, Role.AGENT})
    roles_message = _("Only agents, managers and administrators can see the wallboard.")
    template_name = "kpis/wallboard.html"

    @property
    def tv(self) -> bool:
        return self.request.GET.get("tv") in ("1", "true", "on")

    def get_template_names(self) -> list[str]:
        if getattr(self.request, "htmx", False):
            return ["kpis/wallboard_panel.html"]
        return ["kpis/wallboard_tv.html" if self.tv else self.template_name]

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        board = floor_now()
        for line in board["queues"]:
            line.levels = thresholds.levels_of(line, line.name)
        board["total"].levels = thresholds.levels_of(board["total"])
        ctx.update(board)
        ctx["refresh_seconds"] = getattr(settings, "WALLBOARD_REFRESH_SECONDS", 5)
        ctx["tv"] = self.tv
        self._step2(ctx, board)
        return ctx

    def _step2(self, ctx: dict, board: dict) -> None:
        """Issue 22.5 and 22.4: today's outbound calls, contact rate, recorded share and
        quality score per queue and for the floor (one read of today's 15-minute rollup
        rows: up to ``KPI_ROLLUP_SECONDS`` behind), and, for supervisors off TV mode, the live
        calls they can listen to, whisper in or barge into (two queries)."""
        start, _end = staffing.day_bounds(timezone.localdate(board["now"]))
        sums = selectors.sums_by_queue(floor_interval(start), board["now"])

        def figures(row: dict) -> dict:
            return formulas.contact_center_figures(row, None, cost_per_agent_hour=0, agent_time=False)

        for line in board["queues"]:
            line.step2 = figures(sums.get(line.queue_id if line.queue_id is not None else NONE, {}))
        board["total"].step2 = figures({name: sum(row[name] or 0 for row in sums.values())
                                        for name in formulas.CALL_SUMS})
        ctx["supervise"] = not self.tv and has_role(self.request.user, Role.MANAGER, Role.ADMIN)
        if ctx["supervise"]:
            from contactcenter.supervision_views import live_calls_context

            ctx.update(live_calls_context(self.request.user))


# --- staffing ----------------------------------------------------------------------------------
def _trim(plans: list[staffing.IntervalPlan]) -> list[staffing.IntervalPlan]:
    """The intervals from the first to the last with calls forecast or agents logged in."""
    busy = [i for i, p in enumerate(plans) if p.forecast.calls or p.logged_in]
    return plans[busy[0]:busy[-1] + 1] if busy else []


class StaffingView(ManagersOnly, TemplateView):
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
