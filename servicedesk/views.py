"""Project-level pages: the home page (its sections by role) and the profile page."""

from datetime import UTC, datetime, time, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.exceptions import Throttled, ValidationError

from catalog.preferences import remember_preferences
from catalog.services import profile_for, profile_update_preferences
from changes.choices import ChangeStatus
from changes.selectors import awaiting_vote, changes_visible_to, forward_schedule, votes_of
from contactcenter.selectors import callbacks_of
from core.api.throttling import AuthRateThrottle
from core.lockout import cool_off_seconds
from core.roles import Role, is_staff_member, roles_of
from crm.choices import OPEN_COMPLAINT_STATUSES, ComplaintKind
from crm.complaint_selectors import complaints_visible_to
from incidents.choices import ACTIVE_MAJOR_STATUSES, OPEN_STATUSES
from incidents.selectors import (
    incidents_reported_by,
    major_incidents_visible_to,
    queue,
    with_list_data,
)
from kpis.selectors import itsm_kpis
from notifications.selectors import notifications_for
from servicerequests.choices import OPEN_REQUEST_STATUSES
from servicerequests.selectors import pending_approvals, requests_of
from sla import selectors as sla_selectors
from sla.views import AT_RISK_WITHIN
from statuspage.selectors import public_incidents

from .forms import ProfileForm


class TokenView(ObtainAuthToken):
    """``POST /api/v1/auth/token/`` with ``{"username", "password"}`` → ``{"token"}``.

    A username or address locked out by the login lockout (django-axes, which counts these
    failures too) answers 429 like any rate limit, whether the password was right or not."""

    throttle_classes = [AuthRateThrottle]

    def post(self, request, *args, **kwargs):
        try:
            return super().post(request, *args, **kwargs)
        except ValidationError:
            if getattr(request, "axes_locked_out", False):
                raise Throttled(wait=cool_off_seconds(request),
                                detail=_("Too many failed attempts to log in. Try again later.")) from None
            raise


#: Rows in each list of the home page; one more is read to know whether to link to the rest.
HOME_ROWS = 8
#: Notifications on the home page (all of them, with their text, on the notifications page).
HOME_NOTIFICATIONS = 10
#: The KPI tiles cover the last days up to today (UTC days, as the dashboards count them).
KPI_DAYS = 7

#: Which roles see which part of the home page; someone with several roles sees each part.
AGENT_ROLES = frozenset({Role.AGENT})
CAB_ROLES = frozenset({Role.CAB_MEMBER})
CHANGE_MANAGER_ROLES = frozenset({Role.CHANGE_MANAGER})
MANAGER_ROLES = frozenset({Role.MANAGER, Role.ADMIN})
REQUESTER_ROLES = frozenset({Role.REQUESTER})


def _first(qs, n: int = HOME_ROWS) -> tuple[list, bool]:
    """The first ``n`` rows and whether there are more, in one query."""
    rows = list(qs[:n + 1])
    return rows[:n], len(rows) > n


def _timer_rows(qs) -> tuple[list[dict], bool]:
    """SLA timers with their tickets: one query, and one per kind of ticket among them
    (incidents, requests, complaints...), never one per row."""
    timers, more = _first(qs.prefetch_related("ticket"))
    return [{"timer": timer, "ticket": timer.ticket} for timer in timers], more


def _notification_groups(user) -> list[dict]:
    """The latest notifications, grouped by day in the user's timezone (today, yesterday, then dates)."""
    today = timezone.localdate()
    groups: list[dict] = []
    for notification in notifications_for(user)[:HOME_NOTIFICATIONS]:
        day = timezone.localdate(notification.created_at)
        if not groups or groups[-1]["day"] != day:
            if day == today:
                label = _("Today")
            elif day == today - timedelta(days=1):
                label = _("Yesterday")
            else:
                label = date_format(day, "DATE_FORMAT")
            groups.append({"day": day, "label": label, "items": []})
        groups[-1]["items"].append(notification)
    return groups


def _agent_part(user, now) -> dict:
    """My work (my open incidents with their clocks, the queues' sizes), the SLA timers due
    soon and the callbacks assigned to me."""
    mine = queue(user, "mine")
    at_risk, more_at_risk = _timer_rows(sla_selectors.at_risk(within=AT_RISK_WITHIN, now=now))
    callbacks, more_callbacks = _first(
        callbacks_of(user))
    return {
        "my_incidents": list(with_list_data(mine).order_by("priority", "created_at", "id")[:10]),
        "queue_counts": {"mine": mine.count(), "team": queue(user, "team").count(),
                         "unassigned": queue(user, "unassigned").count(),
                         "breached": queue(user, "breached").count()},
        "my_teams": list(user.teams.all()),
        "at_risk": at_risk, "more_at_risk": more_at_risk,
        "at_risk_minutes": int(AT_RISK_WITHIN.total_seconds() // 60),
        "callbacks": callbacks, "more_callbacks": more_callbacks,
    }


def _cab_part(user) -> dict:
    """The changes awaiting my vote (the CAB inbox) and, apart, those I voted on lately."""
    awaiting, more_awaiting = _first(awaiting_vote(user).prefetch_related(None))
    voted, more_voted = _first(votes_of(user))
    return {"awaiting_vote": awaiting, "more_awaiting_vote": more_awaiting,
            "voted": voted, "more_voted": more_voted}


def _week(now) -> tuple[datetime, datetime]:
    """This week, Monday to Monday in the user's timezone."""
    today = timezone.localdate(now)
    monday = today - timedelta(days=today.weekday())
    start = timezone.make_aware(datetime.combine(monday, time.min))
    return start, start + timedelta(days=7)


def _change_manager_part(user, now) -> dict:
    """The RFCs submitted and waiting to be assessed, and this week's schedule of change."""
    to_assess, more_to_assess = _first(changes_visible_to(user).filter(status=ChangeStatus.SUBMITTED)
                                       .select_related("requested_by").order_by("submitted_at", "id"))
    start, end = _week(now)
    schedule = forward_schedule(start=start, end=end)
    return {"to_assess": to_assess, "more_to_assess": more_to_assess, "schedule": schedule,
            "week_start": start, "week_end": end - timedelta(days=1)}


def _manager_part(user, now) -> dict:
    """KPI tiles of the last days, the open SLA breaches, the open major incidents and the
    open complaints."""
    today = now.astimezone(UTC).date()
    first_day = today - timedelta(days=KPI_DAYS - 1)
    kpis = itsm_kpis(start=datetime.combine(first_day, time.min, UTC),
                     end=datetime.combine(today + timedelta(days=1), time.min, UTC))
    breaches, more_breaches = _timer_rows(sla_selectors.open_breaches())
    majors, more_majors = _first(major_incidents_visible_to(user).filter(status__in=ACTIVE_MAJOR_STATUSES)
                                 .select_related("incident", "manager").order_by("-declared_at", "-id"))
    complaints, more_complaints = _first(
        complaints_visible_to(user).filter(kind=ComplaintKind.COMPLAINT, status__in=OPEN_COMPLAINT_STATUSES)
        .select_related("customer", "contact").order_by("created_at", "id"))
    return {"kpis": kpis, "kpi_days": KPI_DAYS, "breaches": breaches, "more_breaches": more_breaches,
            "majors": majors, "more_majors": more_majors,
            "complaints": complaints, "more_complaints": more_complaints,
            "open_complaint_statuses": OPEN_COMPLAINT_STATUSES}


def _requester_part(user, now) -> dict:
    """My open incidents and requests, the approvals waiting for me, and the major incidents
    the status page shows as active on the services I reported incidents about."""
    incidents_mine = incidents_reported_by(user)
    my_incidents, more_incidents = _first(incidents_mine.filter(status__in=OPEN_STATUSES)
                                          .select_related("service").order_by("-created_at", "-id"))
    my_requests, more_requests = _first(requests_of(user).filter(status__in=OPEN_REQUEST_STATUSES)
                                        .select_related("catalog_item").order_by("-created_at", "-id"))
    approvals, more_approvals = _first(pending_approvals(user).select_related(
        "request__catalog_item", "request__requested_for").order_by("request__created_at", "id"))
    my_services = set(incidents_mine.filter(service__isnull=False).order_by()
                      .values_list("service_id", flat=True).distinct())
    outages = [incident for incident in public_incidents(now=now) if incident.is_active
               and my_services & {service.id for service in incident.services}] if my_services else []
    return {"requester_incidents": my_incidents, "more_requester_incidents": more_incidents,
            "open_incidents": incidents_mine.filter(status__in=OPEN_STATUSES).count(),
            "requester_requests": my_requests, "more_requester_requests": more_requests,
            "approvals": approvals, "more_approvals": more_approvals, "outages": outages}


@login_required
def home(request):
    """The home page: a part for each of the user's roles (agent, CAB member, change
    manager, manager or administrator, requester) and the latest notifications. A fixed
    number of queries for each role, whatever the number of rows (tests pin it)."""
    user = request.user
    held = roles_of(user)
    now = timezone.now()
    context = {"now": now, "is_staff": is_staff_member(user), "notification_groups": _notification_groups(user)}
    parts = []
    if held & AGENT_ROLES:
        parts.append("agent")
        context.update(_agent_part(user, now))
    if held & CAB_ROLES:
        parts.append("cab")
        context.update(_cab_part(user))
    if held & CHANGE_MANAGER_ROLES:
        parts.append("change_manager")
        context.update(_change_manager_part(user, now))
    if held & MANAGER_ROLES:
        parts.append("manager")
        context.update(_manager_part(user, now))
    if held & REQUESTER_ROLES or not context["is_staff"]:
        parts.append("requester")
        context.update(_requester_part(user, now))
    context["parts"] = parts
    return render(request, "servicedesk/home.html", context)


@login_required
def profile(request):
    agent_profile = profile_for(request.user)
    if request.method == "POST":
        form = ProfileForm(request.POST)
        if form.is_valid():
            profile_update_preferences(user=request.user, **form.cleaned_data)
            remember_preferences(request, **form.cleaned_data)
            messages.success(request, _("Your preferences are saved."))
            return redirect("profile")
    else:
        form = ProfileForm(initial={"language": agent_profile.language or translation.get_language(),
                                    "timezone": agent_profile.timezone or timezone.get_current_timezone_name()})
    return render(request, "servicedesk/profile.html", {"form": form, "profile": agent_profile})
