"""Browser pages for service levels (managers and administrators): the SLA dashboard
(compliance, open breaches, timers at risk, service availability) and the calendar and
policy pages. Every write goes through :mod:`sla.services`; the reads are in
:mod:`sla.selectors`, with a fixed number of queries whatever the number of rows."""

from __future__ import annotations

from datetime import timedelta
from functools import cached_property

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, ListView, TemplateView

from core.pages import RolesRequiredMixin
from core.roles import Role

from . import selectors, services
from .calendar import CalendarError
from .choices import TimerStatus
from .forms import CalendarForm, EscalationFormSet, PeriodForm, PolicyForm
from .models import BusinessCalendar, EscalationRule, Holiday, SLAPolicy, WorkingHours

#: Running timers due within this are "at risk" on the dashboard.
AT_RISK_WITHIN = timedelta(minutes=60)
#: Rows shown in each of the dashboard's timer lists (the total is shown too).
LIST_LIMIT = 100


class ManagerOnlyMixin(RolesRequiredMixin):
    """Managers and administrators; anyone else signed in gets a 403."""

    roles = frozenset({Role.MANAGER, Role.ADMIN})
    roles_message = gettext_lazy("Only managers and administrators can see the SLA pages.")


def _history(obj):
    return obj.history.select_related("history_user").order_by("-history_date", "-history_id")[:50]


def _timer_rows(queryset) -> tuple[list[dict], int]:
    """Timers with their tickets (one query per ticket type, not per row) and calendars
    (for the clocks), at most LIST_LIMIT of them, and how many there are in all."""
    total = queryset.count()
    timers = list(queryset.select_related("calendar").prefetch_related(
        "ticket", "calendar__hours", "calendar__holidays")[:LIST_LIMIT])
    return [{"timer": timer, "ticket": timer.ticket} for timer in timers], total


def _group_label(group_by: str, label) -> str:
    if group_by == "priority":
        return f"P{label}" if label is not None else _("No priority")
    if group_by == "team":
        return label or _("No team")
    return label or "—"


class DashboardView(ManagerOnlyMixin, TemplateView):
    template_name = "sla/dashboard.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        now = timezone.now()
        form = PeriodForm(self.request.GET or None, initial=PeriodForm.initial_for(now))
        start, end, group_by = form.period(now)
        report = selectors.compliance(start=start, end=end, group_by=group_by)
        for group in report.get("groups", []):
            group["label"] = _group_label(group_by, group["label"])
        breaches, breach_total = _timer_rows(selectors.open_breaches())
        risks, risk_total = _timer_rows(selectors.at_risk(within=AT_RISK_WITHIN, now=now))
        ctx.update({
            "form": form, "start": start, "end": end, "group_by": group_by,
            "group_label": dict(form.fields["group_by"].choices)[group_by],
            "report": report, "breaches": breaches, "breach_total": breach_total,
            "risks": risks, "risk_total": risk_total, "at_risk_minutes": int(AT_RISK_WITHIN.total_seconds() // 60),
            "availability": selectors.service_availability(start=start, end=end), "now": now,
        })
        return ctx


# --- calendars --------------------------------------------------------------------------------
class CalendarListView(ManagerOnlyMixin, ListView):
    template_name = "sla/calendar_list.html"
    queryset = BusinessCalendar.objects.prefetch_related(
        Prefetch("hours", queryset=WorkingHours.objects.order_by("weekday", "start_minute")),
    ).annotate(holiday_count=Count("holidays", distinct=True),
               policy_count=Count("policies", distinct=True)).order_by("name")


class CalendarFormView(ManagerOnlyMixin, FormView):
    """Create (no ``pk``) or change a calendar through :func:`sla.services.calendar_save`."""

    form_class = CalendarForm
    template_name = "sla/calendar_form.html"

    @cached_property
    def calendar(self) -> BusinessCalendar | None:
        if "pk" not in self.kwargs:
            return None
        return get_object_or_404(BusinessCalendar.objects.prefetch_related(
            Prefetch("hours", queryset=WorkingHours.objects.order_by("weekday", "start_minute")),
            Prefetch("holidays", queryset=Holiday.objects.order_by("date"))), pk=self.kwargs["pk"])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "calendar": self.calendar}

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["calendar"] = self.calendar
        if self.calendar is not None:
            ctx["history"] = _history(self.calendar)
            ctx["timer_count"] = self.calendar.timers.filter(
                status__in=[TimerStatus.RUNNING, TimerStatus.PAUSED]).count()
        return ctx

    def form_valid(self, form):
        if self.calendar is not None and not form.has_changed():
            messages.info(self.request, _("Nothing changed."))
            return redirect("sla:calendar-list")
        try:
            calendar = services.calendar_save(**form.service_kwargs(), actor=self.request.user)
        except (CalendarError, ValidationError) as exc:
            form.add_error(None, exc.messages if isinstance(exc, ValidationError) else str(exc))
            return self.form_invalid(form)
        except IntegrityError:  # a calendar of that name was created meanwhile
            form.add_error("name", _("There is already a calendar called “%(name)s”.") % {
                "name": form.cleaned_data["name"]})
            return self.form_invalid(form)
        messages.success(self.request, _("Calendar “%(name)s” saved.") % {"name": calendar.name})
        return redirect("sla:calendar-list")


# --- policies ---------------------------------------------------------------------------------
class PolicyListView(ManagerOnlyMixin, ListView):
    template_name = "sla/policy_list.html"
    queryset = SLAPolicy.objects.select_related("calendar", "service").prefetch_related(
        Prefetch("escalations", queryset=EscalationRule.objects.select_related("group")
                 .order_by("metric", "at_percent", "id")),
    ).annotate(open_timers=Count("timers", filter=Q(timers__status__in=[TimerStatus.RUNNING, TimerStatus.PAUSED])))


class PolicyFormView(ManagerOnlyMixin, FormView):
    """Create (no ``pk``) or change a policy and its escalation rules through
    :func:`sla.services.policy_save`."""

    form_class = PolicyForm
    template_name = "sla/policy_form.html"
    rules_prefix = "rules"

    @cached_property
    def policy(self) -> SLAPolicy | None:
        if "pk" not in self.kwargs:
            return None
        return get_object_or_404(SLAPolicy.objects.prefetch_related(
            Prefetch("escalations", queryset=EscalationRule.objects.order_by("metric", "at_percent", "id"))),
            pk=self.kwargs["pk"])

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        if self.policy is not None:
            kwargs["instance"] = self.policy
        return kwargs

    def get_rules(self, form=None):
        initial = EscalationFormSet.initial_from(self.policy) if self.policy is not None else None
        if self.request.method == "POST":
            # Rules are checked against the targets the policy form accepted (if it did).
            targets, target_fields = None, {"response_minutes", "resolution_minutes"}
            if form is not None and (form.is_valid() or not target_fields & set(form.errors)):
                targets = {"response": form.cleaned_data.get("response_minutes"),
                           "resolution": form.cleaned_data.get("resolution_minutes")}
            return EscalationFormSet(self.request.POST, initial=initial, prefix=self.rules_prefix, targets=targets)
        return EscalationFormSet(initial=initial, prefix=self.rules_prefix)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["policy"] = self.policy
        if "rules" not in ctx:
            ctx["rules"] = self.get_rules()
        if self.policy is not None:
            ctx["history"] = _history(self.policy)
        return ctx

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        rules = self.get_rules(form)
        if not (form.is_valid() and rules.is_valid()):
            return self.render_to_response(self.get_context_data(form=form, rules=rules))
        if self.policy is not None and not (form.has_changed() or rules.has_changed()):
            # Saving re-times every open clock of the policy: not for nothing.
            messages.info(request, _("Nothing changed."))
            return redirect("sla:policy-list")
        try:
            policy = services.policy_save(policy=self.policy, escalations=rules.rules(), actor=request.user,
                                          **form.service_kwargs())
        except ValidationError as exc:
            for field, errors in getattr(exc, "message_dict", {None: exc.messages}).items():
                form.add_error(field if field in form.fields else None, errors)
            return self.render_to_response(self.get_context_data(form=form, rules=rules))
        except IntegrityError:
            form.add_error("name", _("There is already a policy called “%(name)s”.") % {
                "name": form.cleaned_data["name"]})
            return self.render_to_response(self.get_context_data(form=form, rules=rules))
        messages.success(request, _("Policy “%(name)s” saved.") % {"name": policy.name})
        return redirect("sla:policy-list")
