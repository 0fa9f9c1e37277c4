"""Browser pages for major incidents: the list (with the open spike alerts), the war room and
its actions, the postmortem, a spike alert, and declaring from the incident page.

Staff only. Every write goes through :mod:`incidents.services`; views check the input and
show the outcome the way the incident pages do: a service's ``ValidationError`` next to the
field it names (400), a refused or lost change (``InvalidTransitionError``,
``ConflictError``) as a message with the page as it now stands (409), a refusal of the
person (``PermissionDenied``) as a message (403). Success redirects back (POST, redirect,
GET). The war room's live part (status, counts, timeline) is a partial that the page polls;
the page's queries do not grow with its events, tasks, members or linked incidents."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Case, Count, IntegerField, OuterRef, Prefetch, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django_fsm import can_proceed

from catalog.models import Service
from core.pages import (
    SAVE_FAILED,
    Action,
    ActionView,
    BulkAction,
    Column,
    FilteredListView,
    StaffRequiredMixin,
    action_card,
    attempt,
    safe_next,
    staff_only,
)
from core.roles import is_staff_member

from .. import services
from ..choices import ACTIVE_MAJOR_STATUSES, Audience, MajorIncidentStatus, SpikeAlertStatus
from ..filtersets import MajorIncidentFilterSet
from ..forms.incident import staff_users
from ..forms.major import (
    ActionFormSet,
    AnnouncementForm,
    DeclareForm,
    MemberForm,
    PostmortemForm,
    RemoveMemberForm,
    ResolveForm,
    TaskForm,
    TaskStatusForm,
    UpdateForm,
    action_initial,
    owner_choices,
)
from ..models import Incident, MajorIncident, MajorIncidentTask, Postmortem, SpikeAlert
from ..selectors import incidents_visible_to, major_incident_available_actions, major_incidents_visible_to
from ..services import suspected
from .incident import _incident_for_page, render_incident

TIMELINE_LIMIT = 50  # newest first; the postmortem holds the whole story
UPDATES_LIMIT = 50
LIVE_ID = "major-live"


STAFF_ONLY = gettext_lazy("Only service desk staff can see major incidents.")
LOST_RACE = gettext_lazy("Someone else changed this major incident meanwhile; here it is as it now stands.")
staff_required = staff_only(STAFF_ONLY)


def _linked_count():
    """How many incidents are linked to the master, as one subquery per row."""
    rows = (Incident.objects.filter(parent_id=OuterRef("incident_id")).order_by().values("parent_id")
            .annotate(n=Count("*")).values("n"))
    return Coalesce(Subquery(rows, output_field=IntegerField()), Value(0))


def _services_prefetch():
    return Prefetch("services", queryset=Service.objects.order_by("name"))


# --- the list ------------------------------------------------------------------------------------
MAJOR_SORTS = {"active": ("active_rank", "-declared_at", "-id"),
               "declared": ("declared_at", "id"), "-declared": ("-declared_at", "-id"),
               "linked": ("linked_count", "-declared_at", "-id"), "-linked": ("-linked_count", "-declared_at", "-id")}
MAJOR_COLUMNS = [
    Column("number", gettext_lazy("Master incident"), always=True),
    Column("summary", gettext_lazy("Summary"), always=True),
    Column("status", gettext_lazy("Status")),
    Column("services", gettext_lazy("Services")),
    Column("declared", gettext_lazy("Declared"), sort="declared"),
    Column("linked", gettext_lazy("Linked incidents"), sort="linked"),
    Column("manager", gettext_lazy("Incident manager")),
]


def _major_step(action: str):
    return lambda major, user, data: services.major_incident_transition(major=major, actor=user, action=action)


#: The list's bulk actions: each row through major_incident_transition (who may: managers and
#: the incident manager; the major incident's state), refusals per row.
MAJOR_BULK_ACTIONS = {
    "mobilise": BulkAction(gettext_lazy("Team mobilised"), _major_step("mobilise")),
    "contain": BulkAction(gettext_lazy("Impact contained"), _major_step("contain"),
                          confirm=gettext_lazy("Mark the ticked major incidents contained? The audiences are told.")),
    "close": BulkAction(gettext_lazy("Close"), _major_step("close"),
                        confirm=gettext_lazy("Close the ticked major incidents? Only reviewed ones can be closed.")),
}


def _majors_for_bulk(user):
    return major_incidents_visible_to(user).select_related("incident")


class MajorListView(FilteredListView):
    """Active major incidents first, then the most recent (the FilterSet's ``status``,
    ``service``, ``active``... from the address bar, as in the API); the open spike alerts on
    top."""

    staff_message = STAFF_ONLY
    filterset_class = MajorIncidentFilterSet
    template_name = "incidents/major/list.html"
    context_object_name = "majors"
    list_url = "major:list"
    sorts, default_sort = MAJOR_SORTS, "active"
    visible_to = staticmethod(major_incidents_visible_to)
    bulk_visible_to = staticmethod(_majors_for_bulk)
    list_key, columns, bulk_actions = "majors", MAJOR_COLUMNS, MAJOR_BULK_ACTIONS

    def with_list_data(self, qs):
        active_first = Case(When(status__in=ACTIVE_MAJOR_STATUSES, then=Value(0)), default=Value(1),
                            output_field=IntegerField())
        return (qs.select_related("incident", "manager").prefetch_related(_services_prefetch())
                .annotate(active_rank=active_first, linked_count=_linked_count()))

    def get_context_data(self, **kwargs):
        alerts = list(SpikeAlert.objects.filter(status=SpikeAlertStatus.OPEN)
                      .select_related("service", "rule", "flagged_by")
                      .order_by("-created_at", "-id")[:50])
        return {**super().get_context_data(**kwargs), "alerts": alerts,
                "can_declare": services.can_declare(self.request.user), "next_url": self.request.get_full_path()}


major_list = MajorListView.as_view()


# --- the war room -------------------------------------------------------------------------------
def _major_for_page(user, pk: int) -> MajorIncident:
    qs = (major_incidents_visible_to(user).select_related("incident", "incident__service", "manager", "postmortem")
          .prefetch_related(_services_prefetch()).annotate(linked_count=_linked_count()))
    return get_object_or_404(qs, pk=pk)


def _postmortem_complete(major: MajorIncident) -> bool:
    try:
        return major.postmortem.complete  # selected with the major incident: no query
    except Postmortem.DoesNotExist:
        return False


def _live_context(major: MajorIncident) -> dict:
    timeline = list(major.timeline.select_related("actor").order_by("-at", "-id")[:TIMELINE_LIMIT])
    milestones = [(MajorIncident._meta.get_field(name).verbose_name, getattr(major, name))
                  for name in ("started_at", "declared_at", "mobilised_at", "contained_at", "resolved_at",
                               "reviewed_at", "closed_at") if getattr(major, name)]
    return {"major": major, "timeline": timeline, "milestones": milestones, "live_id": LIVE_ID,
            "timeline_limit": TIMELINE_LIMIT, "postmortem_complete": _postmortem_complete(major),
            "refresh_seconds": settings.MAJOR_INCIDENT_REFRESH_SECONDS}


def _default_forms(major: MajorIncident) -> dict:
    return {
        "resolve": ResolveForm(prefix="resolve"),
        "member": MemberForm(prefix="member"),
        "task": TaskForm(prefix="task"),
        "update": UpdateForm(prefix="update", initial={
            "what": major.summary, "where": ", ".join(s.name for s in major.services.all())}),
        "announcement": AnnouncementForm(prefix="announcement", initial={"announcement": major.announcement}),
    }


def render_war_room(request, pk: int, bound: dict | None = None, status: int = 200):
    """The war room as it now stands; ``bound`` holds a submitted form (with its errors)."""
    user = request.user
    major = _major_for_page(user, pk)
    runs = services.can_run(major, user)
    forms = _default_forms(major)
    forms.update(bound or {})
    tasks = list(major.tasks.select_related("assignee").order_by("created_at", "id"))
    for task in tasks:
        task.moves = task_moves(task)
    updates = list(major.updates.select_related("author").order_by("-created_at", "-id")[:UPDATES_LIMIT])
    for update in updates:
        update.audience_labels = [(a, Audience(a).label if a in Audience.values else a) for a in update.audiences]
    open_form = next(iter(bound), None) if bound else None
    # Review is offered before the postmortem is complete too: pressing it says what is missing.
    actions = major_incident_available_actions(user, major, waiting=True)
    can_work = runs or services.can_work(major, user)
    live = _live_context(major)
    postmortem = {"url": reverse("major:postmortem", args=[major.pk]), "name": "postmortem",
                  "label": _("Postmortem") + (" ✓" if live["postmortem_complete"] else "")}
    notes = [] if runs else [{"css": "major-note", "text": " ".join(
        [_("Managers and the incident manager change the status and the team."),
         *([] if can_work else [_("Ask them to add you to the team to work tasks and post updates.")])])}]
    context = {
        **live, "forms": forms, "open_form": open_form, "actions": actions, "can_run": runs, "can_work": can_work,
        "card": action_card(ACTIONS, major, user, actions, forms=forms, open_form=open_form, links=[postmortem],
                            notes=notes, always=True,
                            url=lambda name: reverse("major:action", args=[major.pk, name])),
        "members": list(major.members.select_related("user").order_by("added_at", "id")),
        "tasks": tasks, "updates": updates,
        "people": list(staff_users().only("username", "first_name", "last_name")),
        "war_room_url": settings.MAJOR_INCIDENT_WAR_ROOM_URL or request.build_absolute_uri(major.get_absolute_url()),
        "is_closed": major.status == MajorIncidentStatus.CLOSED,
    }
    return render(request, "incidents/major/war_room.html", context, status=status)


@staff_required
def war_room(request, pk: int):
    return render_war_room(request, pk)


def war_room_live(request, pk: int):
    """The part of the war room the page refreshes by itself (htmx polling). A session that
    ran out reloads the whole page (to the login page) rather than swapping the login form
    into the war room."""
    if not request.user.is_authenticated:
        if getattr(request, "htmx", False):
            return HttpResponse(status=204, headers={"HX-Refresh": "true"})
        return redirect_to_login(request.get_full_path())
    if not is_staff_member(request.user):
        raise PermissionDenied(_("Only service desk staff can see major incidents."))
    major = _major_for_page(request.user, pk)
    response = render(request, "incidents/major/_live.html", {**_live_context(major), "partial": True})
    patch_vary_headers(response, ("HX-Request",))
    return response


# --- war room actions ---------------------------------------------------------------------------
def _transition(name: str) -> Callable:
    def run(major, user, data):
        return services.major_incident_transition(major=major, actor=user, action=name,
                                                  resolution=data.get("resolution", ""))
    return run


def _add_member(major, user, data):
    return services.major_incident_add_member(major=major, actor=user, user=data["user"], role=data["role"])


def _remove_member(major, user, data):
    return services.major_incident_remove_member(major=major, actor=user, user=data["user"])


def _add_task(major, user, data):
    return services.major_incident_add_task(major=major, actor=user, title=data["title"],
                                            assignee=data.get("assignee"), due_at=data.get("due_at"))


def _post_update(major, user, data):
    return services.major_incident_post_update(major=major, actor=user, **data)


def _set_announcement(major, user, data):
    return services.major_incident_set_announcement(major=major, actor=user, announcement=data["announcement"])


#: The war room's actions: the lifecycle in its actions card (``needs``: the verb of
#: ``major_incident_available_actions``), then the team, tasks, updates and announcement,
#: which the page places itself (the services check who may).
ACTIONS = {
    "mobilise": Action(_transition("mobilise"), gettext_lazy("The team is mobilised."),
                       label=gettext_lazy("Team mobilised"), primary=True),
    "contain": Action(_transition("contain"), gettext_lazy("The impact is contained."),
                      label=gettext_lazy("Impact contained")),
    "review": Action(_transition("review"), gettext_lazy("The major incident is reviewed."),
                     label=gettext_lazy("Mark reviewed"), primary=True),
    "close": Action(_transition("close"), gettext_lazy("The major incident is closed."), label=gettext_lazy("Close")),
    "resolve": Action(_transition("resolve"),
                      gettext_lazy("The major incident is resolved, with its master and linked incidents."),
                      ResolveForm, label=gettext_lazy("Service restored…"), submit=gettext_lazy("Resolve"),
                      primary=True, help=gettext_lazy("The master incident and its linked incidents are resolved "
                                                      "with it, and the announcement is switched off.")),
    "add-member": Action(_add_member, gettext_lazy("The team is updated."), MemberForm, key="member", needs=None,
                         card=False),
    "remove-member": Action(_remove_member, gettext_lazy("The team is updated."), RemoveMemberForm, key="remove",
                            inline=False, needs=None, card=False),
    "add-task": Action(_add_task, gettext_lazy("The task is on the board."), TaskForm, key="task", needs=None,
                       card=False),
    "update": Action(_post_update, gettext_lazy("The update is sent."), UpdateForm, needs=None, card=False),
    "announcement": Action(_set_announcement, gettext_lazy("The announcement is saved."), AnnouncementForm,
                           needs=None, card=False),
}


class MajorActionView(StaffRequiredMixin, ActionView):
    """POST ``/major-incidents/<id>/<action>/``: check the form, call the service, back to
    the war room."""

    staff_message = STAFF_ONLY
    lost_race = LOST_RACE
    actions = ACTIONS

    def get_record(self):
        return get_object_or_404(major_incidents_visible_to(self.request.user).select_related("incident"),
                                 pk=self.kwargs["pk"])

    def render_page(self, bound, status):
        return render_war_room(self.request, self.kwargs["pk"], bound, status=status)

    def message_args(self):
        return {}


major_action = MajorActionView.as_view()


#: A task button: the task's transition it runs (the model's guard says which are offered).
TASK_MOVES = {"take": "start", "done": "complete", "cancel": "cancel"}
TASK_SERVICES = {"take": services.major_incident_task_start, "done": services.major_incident_task_complete,
                 "cancel": services.major_incident_task_cancel}
TASK_DONE = {"take": gettext_lazy("The task is yours."), "done": gettext_lazy("The task is done."),
             "cancel": gettext_lazy("The task is cancelled.")}


def task_moves(task: MajorIncidentTask) -> list[str]:
    return [move for move, action in TASK_MOVES.items() if can_proceed(getattr(task, action))]


@staff_required
@require_POST
def task_action(request, pk: int, task_pk: int, move: str):
    """Take, finish or cancel a task. The status the person saw comes with the request, so
    of two people taking the same task at once, one gets it and the other is told."""
    if move not in TASK_MOVES:
        raise Http404
    task = get_object_or_404(MajorIncidentTask.objects.select_related("major_incident"), pk=task_pk,
                             major_incident_id=pk)
    form = TaskStatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Nothing was saved: the form was incomplete; reload the page."))
        return render_war_room(request, pk, status=400)
    extra = {"assignee": request.user} if move == "take" else {}
    status = attempt(request, lambda: TASK_SERVICES[move](
        task=task, actor=request.user, expected_status=form.cleaned_data["expected_status"], **extra),
        lost_race=LOST_RACE)
    if status is not None:
        return render_war_room(request, pk, status=status)
    messages.success(request, TASK_DONE[move])
    return redirect(task.major_incident)


# --- the postmortem -----------------------------------------------------------------------------
@staff_required
def postmortem(request, pk: int):
    """Write the postmortem: the timeline comes prefilled from the war room."""
    major = get_object_or_404(major_incidents_visible_to(request.user).select_related("incident", "postmortem"), pk=pk)
    record = services.postmortem_for(major)
    editable = services.can_work(major, request.user) and major.status not in (MajorIncidentStatus.REVIEWED,
                                                                                  MajorIncidentStatus.CLOSED)
    choices = owner_choices(record.actions)
    status = 200
    if request.method == "POST":
        form = PostmortemForm(request.POST, prefix="pm")
        actions = ActionFormSet(request.POST, prefix="actions", owner_choices=choices)
        if form.is_valid() and actions.is_valid():
            data = form.cleaned_data
            status = attempt(request, lambda: services.postmortem_save(
                major=major, actor=request.user, actions=actions.rows(), **data), lost_race=LOST_RACE, form=form)
            if status is None:
                messages.success(request, _("The postmortem is saved.") if not data["complete"]
                                 else _("The postmortem is complete: the major incident can be reviewed."))
                return redirect(major)
        else:
            status = 400
            messages.error(request, SAVE_FAILED)
    else:
        form = PostmortemForm(prefix="pm", initial=PostmortemForm.initial_for(record))
        actions = ActionFormSet(prefix="actions", initial=action_initial(record.actions), owner_choices=choices)
    return render(request, "incidents/major/postmortem.html", {
        "major": major, "postmortem": record, "form": form, "actions": actions, "editable": editable,
    }, status=status)


# --- declaring ----------------------------------------------------------------------------------
@staff_required
@require_POST
def declare(request, incident_pk: int):
    """From the incident page: declare it a major incident, then go to the new war room."""
    incident = get_object_or_404(incidents_visible_to(request.user), pk=incident_pk)
    form = DeclareForm(request.POST, prefix="declare")

    def again(status: int, bound: bool = True):
        page = _incident_for_page(request.user, incident_pk)
        return render_incident(request, page, {"declare": form} if bound else None, status=status)

    if not form.is_valid():
        messages.error(request, SAVE_FAILED)
        return again(400)
    declared = []
    status = attempt(request, lambda: declared.append(services.major_incident_declare(
        incident=incident, actor=request.user, **form.cleaned_data)), lost_race=LOST_RACE, form=form)
    if status is not None:
        return again(status, bound=status == 400)
    messages.success(request, _("%(number)s is a major incident. Welcome to the war room.")
                     % {"number": incident.number})
    return redirect(declared[0])


@staff_required
@require_POST
def flag_major(request, incident_pk: int):
    """From the incident page: any agent flags a suspected major incident for the duty
    manager (a proposal on the spike alerts' one-click page); back to the incident."""
    incident = get_object_or_404(incidents_visible_to(request.user), pk=incident_pk)
    back = reverse("incidents:detail", args=[incident.pk])
    if attempt(request, lambda: suspected.incident_flag_major(incident=incident, actor=request.user,
                                                              reason=request.POST.get("reason", "")),
               lost_race=LOST_RACE) is not None:
        return redirect(back)
    messages.success(request, _("The duty manager is told: they declare it or dismiss it."))
    return redirect(back)


# --- spike alerts -------------------------------------------------------------------------------
@staff_required
def spike_alert(request, pk: int):
    alert = get_object_or_404(SpikeAlert.objects.select_related("service", "rule", "decided_by", "flagged_by",
                                                                "incident", "major_incident__incident"), pk=pk)
    return render(request, "incidents/major/spike.html", {
        "alert": alert, "can_declare": services.can_declare(request.user),
        "is_open": alert.status == SpikeAlertStatus.OPEN,
    })


@staff_required
@require_POST
def spike_decide(request, pk: int, decision: str):
    """One click: declare a major incident from the alert (then its war room), or dismiss it."""
    if decision not in ("declare", "dismiss"):
        raise Http404
    alert = get_object_or_404(SpikeAlert, pk=pk)
    back = safe_next(request, reverse("major:spike", args=[pk]))
    declared = []

    def call():
        if decision == "declare":
            declared.append(services.spike_alert_declare(alert=alert, actor=request.user))
        else:
            services.spike_alert_dismiss(alert=alert, actor=request.user)

    if attempt(request, call, lost_race=LOST_RACE) is not None:
        return redirect(back)
    if decision == "declare":
        alert = declared[0]
        messages.success(request, _("A major incident is declared for %(service)s.") % {"service": alert.service})
        return redirect(alert.major_incident)
    messages.success(request, _("The alert is dismissed."))
    return redirect(back)
