"""Browser pages for service requests.

- The requester portal (``/portal/``, anyone signed in): the catalogue by category, the order
  form built from the item's definition, my requests with a progress tracker, my incidents
  (reporting one and following it, written through :mod:`incidents.services`), and the
  approvals waiting for me.
- The approvals inbox (``/requests/approvals/``, anyone asked to approve: line managers are
  often requesters themselves): one-click approve or reject (with the reason).
- The agent side (``/requests/``, staff only; requesters get a 403): the request queue, the
  fulfilment task queue (take, complete) and the request page.

Every write goes through the services; views check the input and show the
outcome the way the incident and change pages do: a service's ``ValidationError`` next to the
field it names (400), a refusal of the person (``PermissionDenied``) as a message (403), a
refused or lost transition (``InvalidTransitionError``) as a message with the page as it now
stands (409). Success redirects (POST, redirect, GET). Lists take a number of queries that
does not grow with their rows."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from itertools import groupby
from types import SimpleNamespace
from urllib.parse import urlsplit

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Case, IntegerField, Prefetch, Q, Value, When
from django.http import Http404, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats
from django.utils.cache import patch_vary_headers
from django.utils.timezone import now
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from catalog.canned_replies import canned_replies_visible_to, canned_reply_answer, ticket_values
from catalog.models import ConfigurationItem, Team
from core.forms import add_service_errors
from core.pages import (
    Action,
    ActionView,
    BulkAction,
    BulkReasonForm,
    Column,
    Entry,
    FilteredListView,
    StaffRequiredMixin,
    action_card,
    attempt,
    is_partial,
    person,
    querystring,
    safe_next,
    staff_only,
)
from core.pages.history import filter_timeline
from core.roles import is_staff_member
from incidents import services as incident_services
from incidents.choices import OPEN_STATUSES as OPEN_INCIDENT_STATUSES
from incidents.choices import Channel, IncidentStatus, NoteVisibility
from incidents.forms.incident import AttachmentForm, PortalCommentForm, PortalReportForm
from incidents.models import Incident
from incidents.selectors import incidents_reported_by, incidents_visible_to
from incidents.services import suspected
from notifications.selectors import delivery_entries
from sla.models import SLAEvent
from sla.selectors import SLA_PREFETCH, expected_by

from . import services
from .choices import (
    OPEN_REQUEST_STATUSES,
    ApprovalDecision,
    ApprovalRule,
    ApproverKind,
    FieldType,
    RequestStatus,
    TaskStatus,
)
from .filtersets import RequestFilterSet, TaskFilterSet
from .forms import CancelForm, CommentForm, DecisionForm, OrderForm, PrioritiseForm, TaskCompleteForm
from .forms_runtime import build_form, plain
from .models import Approval, CatalogItem, FulfilmentTask, ServiceRequest
from .selectors import (
    orderable_items,
    pending_approvals,
    request_available_actions,
    requests_of,
    requests_visible_to,
)

User = get_user_model()
SAVE_FAILED = gettext_lazy("Nothing was saved: please correct the errors below.")
MY_REQUESTS = 20
MY_INCIDENTS = 10
HISTORY_LIMIT = 200


STAFF_ONLY = gettext_lazy("Only service desk staff can work service requests.")
staff_required = staff_only(STAFF_ONLY)


LOST_RACE = gettext_lazy("Someone else changed this request meanwhile; here it is as it now stands.")


# --- reads ---------------------------------------------------------------------------------------
def approval_levels(item: CatalogItem) -> dict[int, list[dict]]:
    """The item's approval chain by level (a level without a number is its position), the
    way the services read it."""
    levels: dict[int, list[dict]] = {}
    for i, spec in enumerate(item.approvals or [], 1):
        if isinstance(spec, dict):
            levels.setdefault(int(spec.get("level") or i), []).append(spec)
    return dict(sorted(levels.items()))


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def team_names(items) -> dict[int, str]:
    """The names of the teams the items' approval chains and tasks name, in one query."""
    ids = set()
    for item in items:
        ids |= {_int(spec.get("group")) for spec in item.approvals or [] if isinstance(spec, dict)}
        ids |= {_int(task.get("team")) for task in item.tasks or [] if isinstance(task, dict)}
    ids.discard(None)
    return dict(Team.objects.filter(pk__in=ids).values_list("pk", "name")) if ids else {}


def who_approves(specs: list[dict], teams: dict[int, str]) -> str:
    """A level's approvers in words: "The requester's manager", "Finance (any one of them)"."""
    parts = []
    for spec in specs:
        if spec.get("approver") == ApproverKind.MANAGER:
            parts.append(str(ApproverKind.MANAGER.label))
        else:
            rule = ApprovalRule.ALL if spec.get("rule") == ApprovalRule.ALL else ApprovalRule.ANY
            parts.append(_("%(team)s (%(rule)s)") % {"team": teams.get(_int(spec.get("group"))) or _("a team"),
                                                     "rule": str(rule.label).lower()})
    return ", ".join(parts)


# --- answers, as people read them ----------------------------------------------------------------
def _specs(item: CatalogItem) -> dict[str, dict]:
    return {spec["name"]: spec for spec in item.form or [] if isinstance(spec, dict) and spec.get("name")}


def with_answers(requests: list[ServiceRequest]) -> None:
    """Set ``answer_rows`` — [(label, value shown)] in the form's order — on each request;
    people and configuration items named by id are looked up once for all of them."""
    wanted = {FieldType.USER: set(), FieldType.CI: set()}
    for req in requests:
        for name, spec in _specs(req.catalog_item).items():
            if spec.get("type") in wanted and str(req.answers.get(name, "")).isdigit():
                wanted[spec["type"]].add(int(req.answers[name]))
    people = {u.pk: person(u) for u in User.objects.filter(pk__in=wanted[FieldType.USER])} \
        if wanted[FieldType.USER] else {}
    cis = dict(ConfigurationItem.objects.filter(pk__in=wanted[FieldType.CI]).values_list("pk", "name")) \
        if wanted[FieldType.CI] else {}
    for req in requests:
        specs, answers, rows = _specs(req.catalog_item), req.answers or {}, []
        for name, spec in specs.items():
            if name in answers:
                label = spec.get("label") or name.replace("_", " ").capitalize()
                rows.append((label, _shown(spec.get("type"), answers[name], people, cis)))
        for name, value in answers.items():
            if name not in specs:  # the item's form changed since
                rows.append((name.replace("_", " ").capitalize(), str(value)))
        req.answer_rows = rows


def _shown(kind, value, people: dict, cis: dict) -> str:
    if kind == FieldType.USER:
        return people.get(_int(value), f"#{value}")
    if kind == FieldType.CI:
        return cis.get(_int(value), f"#{value}")
    if kind == FieldType.DATE:
        try:
            return formats.date_format(date.fromisoformat(str(value)), "DATE_FORMAT")
        except ValueError:
            return str(value)
    return str(value)


# --- the progress tracker ------------------------------------------------------------------------
STATE_LABELS = {
    "done": gettext_lazy("done"), "current": gettext_lazy("in progress"), "pending": gettext_lazy("not yet"),
    "failed": gettext_lazy("stopped here"), "skipped": gettext_lazy("not needed"),
}
TASK_STATES = {TaskStatus.DONE: "done", TaskStatus.OPEN: "current", TaskStatus.PENDING: "pending",
               TaskStatus.CANCELLED: "skipped"}


@dataclass
class Step:
    """One step of a request's way: submitted, an approval level, a fulfilment task,
    fulfilled, closed (or where it stopped: rejected, cancelled)."""

    kind: str
    label: str
    state: str  # done, current, pending, failed, skipped
    at: datetime | None = None
    who: str = ""
    note: str = ""
    people: list = field(default_factory=list)  # an approval level's approvers and their decisions
    team: str = ""

    @property
    def state_label(self) -> str:
        return str(STATE_LABELS[self.state])


def cancellation(records) -> tuple[str, str]:
    """Who cancelled and why, from the request's history (the service records it there)."""
    for record in records:
        reason = record.history_change_reason or ""
        if reason == "cancelled" or reason.startswith("cancelled: "):
            return person(record.history_user), reason.partition(": ")[2]
    return "", ""


def tracker(req: ServiceRequest, approvals: list[Approval], tasks: list[FulfilmentTask], teams: dict[int, str],
            cancelled: tuple[str, str] = ("", "")) -> list[Step]:
    """Every step of the request in order, each done, current, pending, failed or skipped. A
    rejected or cancelled request shows the steps it went through and where it stopped."""
    steps = [Step("submitted", _("Submitted"), "done", at=req.created_at, who=person(req.requested_by),
                  note=_("for %(person)s") % {"person": person(req.requested_for)}
                  if req.requested_for_id != req.requested_by_id else "")]
    specs = approval_levels(req.catalog_item)
    levels = sorted(set(specs) | {a.level for a in approvals})
    for n, level in enumerate(levels, 1):
        rows = [a for a in approvals if a.level == level]
        decisions = {a.decision for a in rows}
        if ApprovalDecision.REJECTED in decisions:
            state = "failed"
        elif ApprovalDecision.APPROVED in decisions and ApprovalDecision.PENDING not in decisions:
            state = "done"
        elif req.status == RequestStatus.AWAITING_APPROVAL and req.current_level == level:
            state = "current"
        elif not rows and (req.approved_at or (req.status == RequestStatus.AWAITING_APPROVAL
                                               and (req.current_level or 0) > level)):
            state = "skipped"  # nobody could approve it (no manager on record, an empty team)
        else:
            state = "pending"
        decided = [a.decided_at for a in rows
                   if a.decided_at and a.decision in (ApprovalDecision.APPROVED, ApprovalDecision.REJECTED)]
        label = _("Approval") if len(levels) == 1 else _("Approval %(n)s of %(total)s") % {"n": n,
                                                                                         "total": len(levels)}
        steps.append(Step("approval", label, state, at=max(decided) if decided else None,
                          who=who_approves(specs.get(level, []), teams),
                          people=[{"name": person(a.approver), "decision": a.decision,
                                   "label": a.get_decision_display(), "at": a.decided_at, "comment": a.comment}
                                  for a in rows]))
    for task in tasks:
        state = TASK_STATES.get(task.status, "pending")
        steps.append(Step("task", task.title, state, at=task.completed_at if state == "done" else None,
                          who=person(task.assignee), team=task.team.name if task.team_id else ""))
    fulfilled = req.status in (RequestStatus.FULFILLED, RequestStatus.CLOSED)
    steps.append(Step("fulfilled", _("Fulfilled"), "done" if fulfilled else "pending", at=req.fulfilled_at))
    steps.append(Step("closed", _("Closed"), "done" if req.status == RequestStatus.CLOSED else "pending",
                      at=req.closed_at))
    if req.status == RequestStatus.REJECTED:
        rejection = next((a for a in approvals if a.decision == ApprovalDecision.REJECTED), None)
        steps = [s for s in steps if s.state in ("done", "failed")]
        steps.append(Step("rejected", _("Not approved"), "failed", at=req.rejected_at,
                          who=person(rejection.approver) if rejection else "",
                          note=rejection.comment if rejection else ""))
    elif req.status == RequestStatus.CANCELLED:
        who, reason = cancelled
        steps = [s for s in steps if s.state in ("done", "failed")]
        steps.append(Step("cancelled", _("Cancelled"), "failed", at=req.cancelled_at, who=who, note=reason))
    return steps


def compact_progress(req: ServiceRequest) -> list[dict]:
    """The portal list's small tracker: submitted → approval → fulfilment → fulfilled →
    closed; a stopped request ends at the phase it stopped in. Reads the prefetched tasks."""
    phases = [("submitted", _("Submitted"))]
    if approval_levels(req.catalog_item) or req.status == RequestStatus.AWAITING_APPROVAL:
        phases.append(("approval", _("Approval")))
    tasks = [t for t in req.tasks.all() if t.status != TaskStatus.CANCELLED]
    work = _("Fulfilment")
    if tasks and req.status in (RequestStatus.APPROVED, RequestStatus.FULFILLING):
        work = _("Fulfilment (%(done)s of %(total)s)") % {
            "done": sum(1 for t in tasks if t.status == TaskStatus.DONE), "total": len(tasks)}
    phases += [("fulfilment", work), ("fulfilled", _("Fulfilled")), ("closed", _("Closed"))]
    keys = [key for key, _label in phases]
    stopped = req.status in (RequestStatus.REJECTED, RequestStatus.CANCELLED)
    if stopped:
        at = "approval" if "approval" in keys and not req.approved_at else "submitted"
    else:
        at = {RequestStatus.SUBMITTED: "submitted", RequestStatus.AWAITING_APPROVAL: "approval",
              RequestStatus.APPROVED: "fulfilment", RequestStatus.FULFILLING: "fulfilment",
              RequestStatus.FULFILLED: "fulfilled", RequestStatus.CLOSED: "closed"}[req.status]
    current = keys.index(at)
    if stopped:
        phases = phases[:current + 1]
    return [{"key": key, "label": label, "done": i < current or (i == current and req.status == RequestStatus.CLOSED),
             "current": i == current and not stopped, "failed": i == current and stopped}
            for i, (key, label) in enumerate(phases)]


# --- the portal ----------------------------------------------------------------------------------
@login_required
def portal_home(request):
    """The catalogue (what I may order, by category, with a search box), my requests each
    with a small tracker, my incidents, and the approvals waiting for me. A POST is the
    incident report form, which used to live here (now at ``/portal/report/``)."""
    if request.method == "POST":
        return portal_report(request)
    user = request.user
    q = request.GET.get("q", "").strip()[:100]
    items = orderable_items(user, q)
    catalogue = [(category or _("Other"), list(group)) for category, group in groupby(items, key=lambda i: i.category)]
    open_first = Case(When(status__in=OPEN_REQUEST_STATUSES, then=Value(0)), default=Value(1),
                      output_field=IntegerField())
    mine = list(requests_of(user).select_related("catalog_item")
                .prefetch_related(Prefetch("tasks", queryset=FulfilmentTask.objects.only("id", "request_id",
                                                                                         "status")))
                .annotate(open_rank=open_first).order_by("open_rank", "-created_at", "-id")[:MY_REQUESTS])
    for req in mine:
        req.progress = compact_progress(req)
    more_requests = requests_of(user).count() - len(mine) if len(mine) == MY_REQUESTS else 0
    incidents = list(incidents_reported_by(user).select_related("service")
                     .annotate(closed_rank=Case(When(status__in=OPEN_INCIDENT_STATUSES, then=Value(0)),
                                                default=Value(1), output_field=IntegerField()))
                     .order_by("closed_rank", "-created_at", "-id")[:MY_INCIDENTS])
    waiting = list(pending_approvals(user).select_related("request__catalog_item", "request__requested_for")
                   .order_by("request__created_at", "id")[:5])
    return render(request, "servicerequests/portal_home.html", {
        "q": q, "catalogue": catalogue, "item_count": len(items), "my_requests": mine,
        "more_requests": more_requests, "incidents": incidents, "waiting": waiting,
        "waiting_count": pending_approvals(user).count() if len(waiting) == 5 else len(waiting),
    })


# --- the portal: my incidents ----------------------------------------------------------------------
#: An incident's progress in the portal: (key, label, statuses at that step).
INCIDENT_STEPS = [
    ("new", gettext_lazy("Reported"), {IncidentStatus.NEW}),
    ("assigned", gettext_lazy("Assigned"), {IncidentStatus.ASSIGNED}),
    ("working", gettext_lazy("Being worked on"), {IncidentStatus.IN_PROGRESS, IncidentStatus.ON_HOLD}),
    ("resolved", gettext_lazy("Resolved"), {IncidentStatus.RESOLVED}),
    ("closed", gettext_lazy("Closed"), {IncidentStatus.CLOSED}),
]


def incident_progress(incident: Incident) -> list[dict]:
    current = next(i for i, (_key, _label, statuses) in enumerate(INCIDENT_STEPS) if incident.status in statuses)
    return [{"key": key, "label": label, "done": i < current, "current": i == current}
            for i, (key, label, _statuses) in enumerate(INCIDENT_STEPS)]


@login_required
def portal_report(request):
    """``/portal/report/``: the requester's own incidents (open first) and a form to report one."""
    if request.method == "POST":
        form = PortalReportForm(request.POST)
        if form.is_valid():
            try:
                incident = incident_services.incident_create(actor=request.user, requester=request.user,
                                                             channel=Channel.PORTAL, **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Thank you: your incident is %(number)s. We will keep you posted.")
                                 % {"number": incident.number})
                return redirect("portal:incident", pk=incident.pk)
    else:
        form = PortalReportForm()
    mine = (incidents_reported_by(request.user).select_related("service")
            .annotate(closed_rank=Case(When(status__in=OPEN_INCIDENT_STATUSES, then=Value(0)), default=Value(1),
                                       output_field=IntegerField()))
            .order_by("closed_rank", "-created_at", "-id"))
    page = Paginator(mine, 20).get_page(request.GET.get("page"))
    return render(request, "servicerequests/portal_report.html", {"form": form, "page_obj": page,
                                                                  "incidents": page.object_list},
                  status=400 if form.is_bound else 200)


@login_required
@require_POST
def portal_me_too(request, pk: int):
    """Red Alert's "Me too" (the portal's and the help centre's banner, the report form's
    notice): the customer is linked to the major incident's master as a duplicate is — their
    own child incident, which hears every update — instead of a new ticket. Then their
    incident's page."""
    linked: list[Incident] = []
    status = attempt(request, lambda: linked.append(suspected.major_incident_me_too(major=pk, actor=request.user)),
                     lost_race=LOST_RACE)
    if status is not None:
        return redirect(safe_next(request, reverse("portal:report")))
    messages.success(request, _("Thank you: we know about this problem and have added you (%(number)s). We will "
                                "tell you when it is fixed.") % {"number": linked[0].number})
    return redirect("portal:incident", pk=linked[0].pk)


@login_required
def portal_incident(request, pk: int):
    """``/portal/incidents/<id>/``: where the requester's incident stands, its public comments
    (never work notes), a comment box and public files. Someone else's incident is a 404."""
    incident = get_object_or_404(incidents_visible_to(request.user).select_related("service", "assignee"), pk=pk)
    form = PortalCommentForm()
    attach_form = AttachmentForm(prefix="attach")
    status = 200
    if request.method == "POST":
        # What the requester adds is always public: a file, or (the comment box) a comment.
        if request.POST.get("kind") == "attach":
            posted = attach_form = AttachmentForm({"attach-visibility": NoteVisibility.PUBLIC}, request.FILES,
                                                  prefix="attach")
            done = _("The file is attached.")

            def call():
                incident_services.incident_attach(incident=incident, actor=request.user,
                                                  upload=posted.cleaned_data["file"], visibility=NoteVisibility.PUBLIC)
        else:
            posted = form = PortalCommentForm(request.POST)
            done = _("Your comment is sent.")

            def call():
                incident_services.incident_add_note(incident=incident, actor=request.user,
                                                    body=posted.cleaned_data["body"], visibility=NoteVisibility.PUBLIC)
        if posted.is_valid():
            try:
                call()
            except ValidationError as exc:
                add_service_errors(posted, exc)
            else:
                messages.success(request, done)
                return redirect("portal:incident", pk=pk)
        status = 400
    comments = incident.notes.filter(visibility=NoteVisibility.PUBLIC).select_related("author")
    attachments = incident.attachments.filter(visibility=NoteVisibility.PUBLIC)
    return render(request, "servicerequests/portal_incident.html", {
        "incident": incident, "progress": incident_progress(incident), "comments": comments, "form": form,
        "attach_form": attach_form, "attachments": attachments,
    }, status=status)


def _order_page(request, item: CatalogItem, form, order_form, status: int = 200):
    teams = team_names([item])
    levels = [who_approves(specs, teams) for specs in approval_levels(item).values()]
    tasks = sorted((t for t in item.tasks or [] if isinstance(t, dict)), key=lambda t: int(t.get("order") or 1))
    return render(request, "servicerequests/order.html", {
        "item": item, "form": form, "order_form": order_form, "approvers": levels,
        "tasks": [{"title": t.get("title", ""), "team": teams.get(_int(t.get("team")), "")} for t in tasks],
    }, status=status)


@login_required
def portal_order(request, pk: int):
    """The order form of one catalogue item, built from its definition: the same fields and
    checks as the API. Staff may order on someone's behalf."""
    item = get_object_or_404(CatalogItem, pk=pk, is_active=True)
    if not services.may_order(item, request.user):
        raise PermissionDenied(_("You may not order %(item)s.") % {"item": item.name})
    staff = is_staff_member(request.user)
    answers_form = build_form(item.form)
    if request.method != "POST":
        return _order_page(request, item, answers_form(prefix="answers"), OrderForm(prefix="order") if staff else None)
    form = answers_form(request.POST, prefix="answers")
    order_form = OrderForm(request.POST, prefix="order") if staff else None
    valid = form.is_valid()
    if order_form is not None and not order_form.is_valid():
        valid = False
    if not valid:
        messages.error(request, SAVE_FAILED)
        return _order_page(request, item, form, order_form, status=400)
    answers = {name: plain(value) for name, value in form.cleaned_data.items() if value not in (None, "")}
    made: list[ServiceRequest] = []
    status = attempt(request, lambda: made.append(services.request_submit(
        item=item, actor=request.user, answers=answers,
        requested_for=order_form.cleaned_data["requested_for"] if order_form is not None else None)),
        lost_race=LOST_RACE, form=form)
    if status is not None:
        return _order_page(request, item, form, order_form, status=status)
    req = made[0]
    messages.success(request, _("Thank you: your request is %(number)s. We will tell you at every step.")
                     % {"number": req.number})
    return redirect("portal:request", pk=req.pk)


#: The agent's request page's actions (``needs``: the ``request_available_actions`` verb of
#: each); the comment box is placed by the page itself.
REQUEST_ACTIONS = {
    "close": Action(lambda req, user, data: services.request_close(request=req, actor=user),
                    gettext_lazy("%(number)s is closed. Thank you."), label=gettext_lazy("Close"), primary=True),
    "cancel": Action(lambda req, user, data: services.request_cancel(request=req, actor=user, reason=data["reason"]),
                     gettext_lazy("%(number)s is cancelled."), CancelForm, label=gettext_lazy("Cancel the request…"),
                     submit=gettext_lazy("Cancel the request"),
                     confirm=gettext_lazy("Cancel the request? It cannot be taken up again."),
                     help=gettext_lazy("The requester is told, with your reason.")),
    "comment": Action(lambda req, user, data: services.request_comment(request=req, actor=user, body=data["body"]),
                      gettext_lazy("Your comment on %(number)s is saved."), CommentForm, card=False),
    "prioritise": Action(lambda req, user, data: services.request_prioritise(
                         request=req, actor=user, impact=data["impact"], urgency=data["urgency"]),
                         gettext_lazy("%(number)s: the priority and the expected delivery follow."), PrioritiseForm,
                         label=gettext_lazy("Impact and urgency…"), submit=gettext_lazy("Set the priority"),
                         # not a transition: the desk, on an open request (the service checks it too)
                         needs=None, when=lambda req, user: req.is_open and is_staff_member(user)),
}
#: The same on the requester's tracker, in the requester's words.
PORTAL_ACTIONS = {**{name: spec for name, spec in REQUEST_ACTIONS.items() if name != "prioritise"},
                  "cancel": replace(REQUEST_ACTIONS["cancel"], help=""),
                  "close": replace(REQUEST_ACTIONS["close"], label=gettext_lazy("Close the request"))}


def _request_data(req: ServiceRequest, history: list | None = None) -> dict:
    """What the tracker and the request page show: approvals, tasks, comments, the steps."""
    approvals = list(req.approvals.select_related("approver").order_by("level", "id"))
    tasks = list(req.tasks.select_related("team", "assignee").order_by("order", "id"))
    comments = list(req.comments.select_related("author").order_by("created_at", "id"))
    cancelled = ("", "")
    if req.status == RequestStatus.CANCELLED:
        records = history if history is not None else \
            req.history.select_related("history_user").order_by("-history_date", "-history_id")[:20]
        cancelled = cancellation(records)
    with_answers([req])
    steps = tracker(req, approvals, tasks, team_names([req.catalog_item]), cancelled)
    return {"approvals": approvals, "tasks": tasks, "comments": comments, "steps": steps}


def render_tracker(request, pk: int, bound: dict | None = None, status: int = 200):
    user = request.user
    req = get_object_or_404(requests_visible_to(user).select_related("catalog_item", "requested_by",
                                                                      "requested_for")
                            .prefetch_related(*SLA_PREFETCH), pk=pk)
    forms = {"comment": CommentForm(prefix="comment"), "cancel": CancelForm(prefix="cancel")}
    forms.update(bound or {})
    open_form = next(iter(bound), None) if bound else None
    available = request_available_actions(user, req)
    expected = expected_by(req.sla_timers.all()) if req.is_open else None
    # The tracker's forms post back here, naming their action.
    card = action_card(PORTAL_ACTIONS, req, user, available, forms=forms, open_form=open_form, name_field="action",
                       url=lambda name: reverse("portal:request", args=[pk]))
    context = {
        "req": req, **_request_data(req), "forms": forms, "open_form": open_form, "card": card,
        "can_cancel": "cancel" in available, "can_close": "close" in available, "asks_me": "approve" in available,
        "staff": is_staff_member(user), "expected": expected,
        "late": expected is not None and expected <= now(),
    }
    return render(request, "servicerequests/portal_request.html", context, status=status)


class PortalActionView(ActionView):
    """The tracker's POST: its form names the action (cancel, close, comment); back to the
    tracker."""

    actions = PORTAL_ACTIONS
    lost_race = LOST_RACE
    visible_to = staticmethod(requests_visible_to)

    def get_action_name(self):
        return self.request.POST.get("action", "")

    def unknown_action(self):
        self.get_record()  # someone else's request is a 404 whatever it asks
        messages.error(self.request, _("Unknown action."))
        return self.render_page(None, 400)

    def render_page(self, bound, status):
        return render_tracker(self.request, self.kwargs["pk"], bound, status=status)

    def success_url(self):
        return reverse("portal:request", args=[self.record.pk])


@login_required
def portal_request(request, pk: int):
    """The requester's tracker: each step with who and when, the answers, the comments, and
    Cancel (until fulfilment starts) or Close (once fulfilled). Someone else's request is a
    404; its approvers may read it too."""
    if request.method != "POST":
        return render_tracker(request, pk)
    return PortalActionView.as_view()(request, pk=pk)


# --- the approvals inbox -------------------------------------------------------------------------
def render_approvals(request, bound: dict | None = None, status: int = 200):
    """The requests waiting for this person's decision at their current level, each with its
    answers and the decisions so far; then the person's recent decisions."""
    user = request.user
    rows = list(pending_approvals(user)
                .select_related("request__catalog_item", "request__requested_by", "request__requested_for")
                .prefetch_related(Prefetch("request__approvals",
                                           queryset=Approval.objects.select_related("approver").order_by("level",
                                                                                                         "id")))
                .order_by("request__created_at", "id"))
    requests = [row.request for row in rows]
    with_answers(requests)
    teams = team_names([r.catalog_item for r in requests])
    items = []
    for row in rows:
        req = row.request
        levels = approval_levels(req.catalog_item)
        others = [a for a in req.approvals.all()
                  if a.pk != row.pk and a.decision in (ApprovalDecision.APPROVED, ApprovalDecision.REJECTED)]
        items.append({
            "req": req, "approval": row, "level": list(levels).index(row.level) + 1 if row.level in levels else 1,
            "levels": max(len(levels), 1), "who": who_approves(levels.get(row.level, []), teams),
            "all_needed": row.rule == ApprovalRule.ALL, "decided": others,
            "form": (bound or {}).get(req.pk) or DecisionForm(prefix=f"decide-{req.pk}"),
        })
    recent = list(Approval.objects.filter(approver=user,
                                          decision__in=(ApprovalDecision.APPROVED, ApprovalDecision.REJECTED))
                  .select_related("request__catalog_item").order_by("-decided_at", "-id")[:10])
    return render(request, "servicerequests/approvals.html", {
        "rows": items, "recent": recent, "staff": is_staff_member(user),
    }, status=status)


@login_required
def approvals(request):
    return render_approvals(request)


def _decision_result(req: ServiceRequest, approve: bool) -> str:
    if not approve:
        return _("You rejected %(number)s; the requester is told why.") % {"number": req.number}
    if req.status in (RequestStatus.FULFILLING, RequestStatus.FULFILLED):
        return _("You approved %(number)s: fulfilment has started.") % {"number": req.number}
    return _("You approved %(number)s; it now waits for the other approvers.") % {"number": req.number}


@login_required
@require_POST
def approval_decide(request, pk: int):
    """One click from the inbox: approve, or reject with the reason; back to the inbox."""
    req = get_object_or_404(requests_visible_to(request.user), pk=pk)
    form = DecisionForm(request.POST, prefix=f"decide-{pk}")
    if not form.is_valid():
        messages.error(request, _("Your decision on %(number)s is not recorded: please correct the errors below.")
                       % {"number": req.number})
        return render_approvals(request, {pk: form}, status=400)
    approve = form.cleaned_data["decision"] == "approve"
    status = attempt(request, lambda: services.request_decide(request=req, actor=request.user, approve=approve,
                                                               comment=form.cleaned_data["comment"]),
                     lost_race=LOST_RACE, form=form)
    if status is not None:
        return render_approvals(request, {pk: form} if status == 400 else None, status=status)
    messages.success(request, _decision_result(ServiceRequest.objects.get(pk=pk), approve))
    return redirect(reverse("requests:approvals"))


# --- the agent side: the request queue -----------------------------------------------------------
TABS = [("open", gettext_lazy("Open")), ("all", gettext_lazy("All"))]
QUEUE_SORTS = {"-created": ("-created_at", "-id"), "created": ("created_at", "id"),
               "number": ("id",), "-number": ("-id",)}
QUEUE_COLUMNS = [
    Column("number", gettext_lazy("Number"), sort="number", always=True),
    Column("item", gettext_lazy("Item"), always=True),
    Column("for", gettext_lazy("For")),
    Column("status", gettext_lazy("Status")),
    Column("tasks", gettext_lazy("Open tasks")),
    Column("submitted", gettext_lazy("Submitted"), sort="created"),
    Column("sla", gettext_lazy("SLA")),
]
#: The queue's bulk actions: each row through the service (who may, and the request's state).
QUEUE_BULK_ACTIONS = {
    "close": BulkAction(gettext_lazy("Close"), lambda req, user, data: services.request_close(request=req, actor=user),
                        confirm=gettext_lazy("Close the ticked requests? Only fulfilled ones can be closed.")),
    "cancel": BulkAction(gettext_lazy("Cancel"), lambda req, user, data: services.request_cancel(
        request=req, actor=user, reason=data["reason"]), form=BulkReasonForm,
        confirm=gettext_lazy("Cancel the ticked requests?")),
}


class RequestQueueView(FilteredListView):
    """``/requests/``: open (or all) requests with the FilterSet (status, item, a team's open
    tasks, search) and pages; each row with its open tasks and SLA clocks. Ticked statuses
    apply whichever tab is shown."""

    staff_message = STAFF_ONLY
    filterset_class = RequestFilterSet
    template_name = "servicerequests/queue.html"
    context_object_name = "rows"
    list_url = "requests:queue"
    tabs = TABS
    sorts, default_sort = QUEUE_SORTS, "-created"
    list_key, columns, bulk_actions = "requests", QUEUE_COLUMNS, QUEUE_BULK_ACTIONS
    visible_to = staticmethod(requests_visible_to)

    def get_base_queryset(self):
        base = requests_visible_to(self.request.user)
        if self.tab == "open" and not any(self.request.GET.getlist("status")):  # ticked statuses say it all
            base = base.filter(status__in=OPEN_REQUEST_STATUSES)
        return base

    def with_list_data(self, qs):
        open_tasks = FulfilmentTask.objects.filter(status=TaskStatus.OPEN).select_related("team", "assignee")
        return (qs.select_related("catalog_item", "requested_for")
                .prefetch_related(Prefetch("tasks", queryset=open_tasks.order_by("order", "id"), to_attr="open_tasks"),
                                  *SLA_PREFETCH)
                .order_by("-created_at", "-id"))


request_queue = RequestQueueView.as_view()


# --- the agent side: the fulfilment task queue ---------------------------------------------------
def render_task_queue(request, params: QueryDict, bound: dict | None = None, status: int = 200):
    """Open fulfilment tasks, oldest first: of my teams by default (``scope=all``: every
    team; ``team=<id>``: one team), with Take and Complete."""
    user = request.user
    my_teams = list(user.teams.order_by("name"))
    scope = "all" if params.get("scope") == "all" or not my_teams else "mine"
    filterset = TaskFilterSet(params, queryset=FulfilmentTask.objects.filter(status=TaskStatus.OPEN), request=request)
    qs = filterset.qs if filterset.is_valid() else FulfilmentTask.objects.none()
    if scope == "mine" and not params.get("team"):
        qs = qs.filter(Q(team__in=my_teams) | Q(assignee=user))
    qs = (qs.select_related("request__catalog_item", "request__requested_for", "team", "assignee")
          .order_by("opened_at", "id"))
    page = Paginator(qs, 50).get_page(params.get("page"))
    tasks = list(page.object_list)
    for task in tasks:
        task.complete_form = (bound or {}).get(task.pk) or TaskCompleteForm(prefix=f"task-{task.pk}")
    here = reverse("requests:tasks")
    return render(request, "servicerequests/tasks.html", {
        "filter": filterset, "page_obj": page, "tasks": tasks, "paginator": page.paginator, "scope": scope,
        "my_teams": my_teams, "here": here, "querystring": querystring(params),
        "scopes": [{"name": n, "label": label, "url": f"{here}?{querystring(params, scope=n)}", "active": n == scope}
                   for n, label in (("mine", _("My teams")), ("all", _("All teams")))],
        "next_url": f"{here}?{params.urlencode()}" if params else here,
        "open_task": next(iter(bound), None) if bound else None,
    }, status=status)


@staff_required
def task_queue(request):
    return render_task_queue(request, request.GET)


TASK_DONE = {"take": gettext_lazy("“%(title)s” (%(number)s) is yours."),
             "complete": gettext_lazy("“%(title)s” (%(number)s) is done.")}


@staff_required
@require_POST
def task_action(request, pk: int, action: str):
    """Take or complete a fulfilment task from the task queue or the request page; back to
    where it came from."""
    if action not in TASK_DONE:
        raise Http404
    task = get_object_or_404(FulfilmentTask.objects.select_related("request"), pk=pk)
    back = safe_next(request, reverse("requests:detail", args=[task.request_id]))
    form = TaskCompleteForm(request.POST, prefix=f"task-{pk}") if action == "complete" else None

    def again(bound, status):
        if request.POST.get("from") == "tasks":
            return render_task_queue(request, QueryDict(urlsplit(back).query), bound, status)
        return render_request(request, task.request_id, {f"task-{pk}": bound[pk]} if bound else None, status)

    if form is not None and not form.is_valid():
        messages.error(request, SAVE_FAILED)
        return again({pk: form}, 400)
    if action == "take":
        status = attempt(request, lambda: services.task_take(task=task, actor=request.user), lost_race=LOST_RACE)
    else:
        status = attempt(request, lambda: services.task_complete(task=task, actor=request.user,
                                                                 note=form.cleaned_data["note"]),
                         lost_race=LOST_RACE, form=form)
    if status is not None:
        return again({pk: form} if status == 400 and form is not None else None, status)
    messages.success(request, TASK_DONE[action] % {"title": task.title, "number": task.request.number})
    return redirect(back)


# --- the agent side: the request page ------------------------------------------------------------
REASONS = {
    "submitted": gettext_lazy("Submitted"), "awaiting approval": gettext_lazy("Sent for approval"),
    "approved": gettext_lazy("Approved"), "fulfilment started": gettext_lazy("Fulfilment started"),
    "fulfilled": gettext_lazy("Fulfilled"), "closed": gettext_lazy("Closed"), "rejected": gettext_lazy("Rejected"),
    "cancelled": gettext_lazy("Cancelled"),
}


def history_entries(records, approvals: list[Approval], tasks: list[FulfilmentTask]) -> list[Entry]:
    """The request's status changes (with the service's reason), the decisions and the
    completed tasks, newest first."""
    entries = []
    for record in records:
        head, _sep, rest = (record.history_change_reason or "").partition(": ")
        title = REASONS.get(head)
        if title is None:
            continue  # a save that changed nothing shown here (the number, the level)
        entries.append(Entry(at=record.history_date, kind="change", title=str(title), who=record.history_user,
                             body=rest))
    for a in approvals:
        if a.decided_at and a.decision in (ApprovalDecision.APPROVED, ApprovalDecision.REJECTED):
            entries.append(Entry(at=a.decided_at, kind="approval", who=a.approver, body=a.comment,
                                 title=_("%(decision)s (approval level %(level)s)")
                                 % {"decision": a.get_decision_display(), "level": a.level}))
    for t in tasks:
        if t.completed_at:
            entries.append(Entry(at=t.completed_at, kind="task", who=t.assignee, body=t.note,
                                 title=_("Task done: %(title)s") % {"title": t.title}))
    entries.sort(key=lambda e: e.at, reverse=True)
    return entries


TIMELINE_LIMIT = 200  # SLA events and deliveries each


def timeline_entries(req: ServiceRequest, history: list[Entry], comments) -> list[Entry]:
    """The request page's timeline, newest first: the history (status changes, decisions,
    completed tasks), the comments (customer messages), the SLA events and the deliveries;
    three queries whatever the number of lines."""
    entries = list(history)
    for c in comments:
        entries.append(Entry(at=c.created_at, kind="comment", who=c.author, body=c.body, order=1))
    events = (SLAEvent.objects.filter(timer__content_type=ContentType.objects.get_for_model(ServiceRequest),
                                      timer__object_id=req.pk)
              .select_related("timer", "actor").order_by("-at", "-id")[:TIMELINE_LIMIT])
    for event in events:
        title = _("%(metric)s clock: %(event)s") % {"metric": event.timer.get_metric_display(),
                                                   "event": event.get_kind_display().lower()}
        detail = _("at %(percent)s %% of the target") % {"percent": event.data["at_percent"]} \
            if event.data.get("at_percent") else ""
        entries.append(Entry(at=event.at, kind="sla", who=event.actor, title=title, body=detail, order=2))
    entries += delivery_entries(f"requests.servicerequest:{req.pk}", TIMELINE_LIMIT)
    entries.sort(key=lambda e: (e.at, e.order), reverse=True)
    return entries


TIMELINE_ID = "timeline"


def render_request(request, pk: int, bound: dict | None = None, status: int = 200):
    """The agent's request page: where it stands, answers, approvals, tasks (take, complete
    with a note), and the timeline (history, comments, SLA events, deliveries: ``?show=``
    filters it; an HTMX request aimed at it gets it alone) under the comment box."""
    req = get_object_or_404(requests_visible_to(request.user).select_related(
        "catalog_item", "requested_by", "requested_for", "change").prefetch_related(*SLA_PREFETCH), pk=pk)
    records = list(req.history.select_related("history_user").order_by("-history_date", "-history_id")
                   [:HISTORY_LIMIT])
    data = _request_data(req, history=records)
    bound = bound or {}
    for task in data["tasks"]:
        task.complete_form = bound.get(f"task-{task.pk}") or TaskCompleteForm(prefix=f"task-{task.pk}")
    forms = {"comment": CommentForm(prefix="comment"), "cancel": CancelForm(prefix="cancel"),
             "prioritise": PrioritiseForm(prefix="prioritise", initial={"impact": req.impact, "urgency": req.urgency})}
    forms.update({k: v for k, v in bound.items() if k in forms})
    open_form = next(iter(bound), None) if bound else None
    available = request_available_actions(request.user, req)
    card = action_card(REQUEST_ACTIONS, req, request.user, available, forms=forms, open_form=open_form,
                       url=lambda name: reverse("requests:action", args=[req.pk, name]))
    history = history_entries(records, data["approvals"], data["tasks"])
    timeline = filter_timeline(timeline_entries(req, history, data["comments"]), request)
    if not bound and is_partial(request, TIMELINE_ID):
        response = render(request, "core/_timeline.html", {"timeline": timeline})
    else:
        response = render(request, "servicerequests/detail.html", {
            "req": req, "layout": "req", **data, "forms": forms, "open_form": open_form, "card": card,
            "history": history, "timeline": timeline,
            "canned_replies": list(canned_replies_visible_to(request.user)),
            "canned_url": reverse("requests:canned-reply", args=[req.pk]),
            "can_cancel": "cancel" in available, "can_close": "close" in available,
            "next_url": reverse("requests:detail", args=[req.pk]),
            "expected": expected_by(req.sla_timers.all()),
        }, status=status)
    patch_vary_headers(response, ("HX-Request", "HX-Target"))
    return response


@staff_required
@require_http_methods(["GET", "POST"])
def canned_reply(request, pk: int):
    """The comment box with a canned reply added to the draft, its placeholders filled in for
    this request (catalog.canned_replies.canned_reply_answer)."""
    req = get_object_or_404(requests_visible_to(request.user).select_related("catalog_item", "requested_for"),
                            pk=pk)
    who = req.requested_for
    values = ticket_values(number=req.number, title=req.catalog_item.name, agent=request.user,
                           contact=SimpleNamespace(name=person(who), email=who.email) if who else None)
    return canned_reply_answer(request, form_class=CommentForm, prefix="comment", values=values,
                               url=reverse("requests:canned-reply", args=[pk]))


@staff_required
def request_detail(request, pk: int):
    return render_request(request, pk)


class RequestActionView(StaffRequiredMixin, ActionView):
    """POST ``/requests/<id>/<action>/`` (comment, cancel, close): back to the request page."""

    staff_message = STAFF_ONLY
    actions = REQUEST_ACTIONS
    lost_race = LOST_RACE
    visible_to = staticmethod(requests_visible_to)

    def render_page(self, bound, status):
        return render_request(self.request, self.kwargs["pk"], bound, status=status)


request_action = RequestActionView.as_view()
