"""Browser pages for change management: the change list, the RFC form (from nothing, from a
change model, from a problem or a major incident), the change page with its lifecycle and
votes, the CAB inbox (one-click votes) and the forward schedule of change (a month
calendar with conflicts and blackout windows).

Staff only: requesters get a 403 everywhere here. Every write goes through
:mod:`changes.services`; views check the input and show the outcome the way the incident
and problem pages do: a service's ``ValidationError`` next to the field it names (400), a
refused or lost change (``InvalidTransitionError``, ``ConflictError``) as a message with the
page as it now stands (409), a refusal of the person (``PermissionDenied``) as a message
(403). Success redirects (POST, redirect, GET). Lists take a number of queries that does not
grow with their rows."""

from __future__ import annotations

import calendar as pycalendar
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import F, Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.dates import WEEKDAYS, WEEKDAYS_ABBR
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from catalog.models import ConfigurationItem, Service
from catalog.views import HistoryDetailView
from core.pages import (
    SAVE_FAILED,
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
    history_records,
    history_timeline,
    staff_only,
)
from incidents.forms import add_service_errors
from incidents.models import Incident, MajorIncident
from problems.models import Problem

from . import selectors, services
from .choices import ApprovalStage, BoardKind, ChangeStatus, ChangeType, Ratification, VoteDecision
from .filtersets import ChangeFilterSet
from .forms import (
    AssessForm,
    CancelForm,
    ChangeEditForm,
    ChangeForm,
    CIRemoveForm,
    CIUpdateForm,
    CompleteForm,
    EvaluationForm,
    LinkForm,
    ReasonForm,
    ReviewForm,
    ScheduleForm,
    VoteForm,
)
from .models import CABBoard, Change, ChangeModel, EvaluationReport
from .selectors import change_available_actions, changes_visible_to, votes_of

User = get_user_model()
#: Before approval everything may be edited; after it, only the plans (``change_update``).
EARLY = (ChangeStatus.DRAFT, ChangeStatus.SUBMITTED, ChangeStatus.ASSESSED)


STAFF_ONLY = gettext_lazy("Only service desk staff can see changes.")
LOST_RACE = gettext_lazy("Someone else changed this change meanwhile; here it is as it now stands.")
staff_required = staff_only(STAFF_ONLY)


def _int(value) -> int | None:
    value = str(value or "").strip()
    return int(value) if value.isdigit() else None


def _by_name(lookup: str, model=Service) -> Prefetch:
    return Prefetch(lookup, queryset=model.objects.order_by("name"))


# --- the list ------------------------------------------------------------------------------------
RESULTS_ID = "change-results"
SORTS = {
    "-created": ("-created_at", "-id"),
    "created": ("created_at", "id"),
    "planned": (F("planned_start").asc(nulls_last=True), "id"),
    "-planned": (F("planned_start").desc(nulls_last=True), "-id"),
    "-updated": ("-updated_at", "-id"),
}
SORT_CHOICES = [
    ("-created", gettext_lazy("Newest first")), ("created", gettext_lazy("Oldest first")),
    ("planned", gettext_lazy("Planned start, soonest first")),
    ("-planned", gettext_lazy("Planned start, latest first")),
    ("-updated", gettext_lazy("Recently updated first")),
]

COLUMNS = [
    Column("number", gettext_lazy("Number"), sort="created", always=True),
    Column("title", gettext_lazy("Title"), always=True),
    Column("type", gettext_lazy("Type")),
    Column("category", gettext_lazy("Category")),
    Column("status", gettext_lazy("Status")),
    Column("window", gettext_lazy("Planned window"), sort="planned"),
    Column("services", gettext_lazy("Services")),
]
#: The list's bulk actions: each row through the service (its guards refuse the rest).
BULK_ACTIONS = {
    "close": BulkAction(gettext_lazy("Close"), lambda change, user, data: services.change_close(
        change=change, actor=user), confirm=gettext_lazy("Close the ticked changes?")),
    "cancel": BulkAction(gettext_lazy("Cancel"), lambda change, user, data: services.change_cancel(
        change=change, actor=user, reason=data["reason"]), form=BulkReasonForm,
        confirm=gettext_lazy("Cancel the ticked changes?")),
}


class ChangeListView(FilteredListView):
    """``/changes/``: the FilterSet (status, type, category, awaiting approval, service,
    search), sorting and pages. HTMX requests aimed at the results get only the results."""

    staff_message = STAFF_ONLY
    filterset_class = ChangeFilterSet
    template_name, partial_template_name = "changes/list.html", "changes/_list_results.html"
    context_object_name = "changes"
    list_url = "changes:list"
    sorts, default_sort, sort_choices = SORTS, "-created", SORT_CHOICES
    results_id = RESULTS_ID
    visible_to = staticmethod(changes_visible_to)
    list_key, columns, bulk_actions = "changes", COLUMNS, BULK_ACTIONS

    def with_list_data(self, qs):
        # Only what the rows show: the services, by name (one query for the page).
        return qs.prefetch_related(Prefetch("services", queryset=Service.objects.order_by("name")))


change_list = ChangeListView.as_view()


# --- the RFC form --------------------------------------------------------------------------------
def _source(kind: str, pk: int | None):
    """The problem or major incident an RFC is raised from (None if there is no such record)."""
    if pk is None:
        return None
    if kind == "problem":
        return (Problem.objects.prefetch_related(_by_name("services"), _by_name("cis", ConfigurationItem))
                .filter(pk=pk).first())
    return (MajorIncident.objects.select_related("incident").prefetch_related(_by_name("services"))
            .filter(pk=pk).first())


def _form_page(request, form, status: int = 200, **extra):
    context = {"form": form, "models": list(ChangeModel.objects.filter(is_active=True).order_by("name")), **extra}
    return render(request, "changes/form.html", context, status=status)


@staff_required
def change_create(request):
    """``/changes/new/``: a blank RFC; ``?model=<id>`` a standard change from a change model;
    ``?problem=<id>`` / ``?major_incident=<id>`` offer one button that drafts the RFC from
    the problem or the major incident (``change_from_problem`` /
    ``change_from_major_incident``), then opens it for editing."""
    if request.method == "POST":
        source = request.POST.get("from")
        if source in ("problem", "major_incident"):
            return _create_from(request, source)
        form = ChangeForm(request.POST)
        if form.is_valid():
            try:
                change = services.change_create(actor=request.user, **form.service_kwargs())
            except ValidationError as exc:
                add_service_errors(form, exc)
            except PermissionDenied as exc:
                messages.error(request, str(exc))
                return _form_page(request, form, status=403)
            else:
                messages.success(request, _("%(number)s is recorded as a draft.") % {"number": change.number})
                return redirect(change)
        messages.error(request, SAVE_FAILED)
        return _form_page(request, form, status=400)
    for kind in ("problem", "major_incident"):
        if kind in request.GET:
            record = _source(kind, _int(request.GET.get(kind)))
            if record is None:
                raise Http404(_("There is no such record to raise a change from."))
            return render(request, "changes/from_source.html", {"kind": kind, "record": record})
    initial = {}
    model_id = _int(request.GET.get("model"))
    if model_id is not None:
        model = ChangeModel.objects.prefetch_related("services").filter(pk=model_id, is_active=True).first()
        if model is not None:
            initial = ChangeForm.initial_for_model(model)
    return _form_page(request, ChangeForm(initial=initial))


def _create_from(request, kind: str):
    record = _source(kind, _int(request.POST.get(kind)))
    if record is None:
        raise Http404(_("There is no such record to raise a change from."))
    drafted = []

    def call():
        if kind == "problem":
            drafted.append(services.change_from_problem(problem=record, actor=request.user))
        else:
            drafted.append(services.change_from_major_incident(major=record, actor=request.user))

    status = attempt(request, call, lost_race=LOST_RACE)
    if status is None:
        change = drafted[0]
        number = record.number if kind == "problem" else record.incident.number
        messages.success(request, _("%(number)s is drafted from %(source)s: complete the RFC, then submit it.")
                         % {"number": change.number, "source": number})
        return redirect("changes:edit", pk=change.pk)
    return render(request, "changes/from_source.html", {"kind": kind, "record": record}, status=status)


@staff_required
def change_edit(request, pk: int):
    """``/changes/<id>/edit/``: the RFC before approval; once it is before the board or
    authorised, only its description, plans and implementer."""
    change = get_object_or_404(changes_visible_to(request.user).select_related("model", "assignee")
                               .prefetch_related("services", "cis", "outage_services"), pk=pk)
    if "edit" not in change_available_actions(request.user, change, board=None):
        messages.error(request, _("A change that is %(status)s can no longer be edited.")
                       % {"status": change.get_status_display().lower()})
        return redirect(change)
    late = change.status not in EARLY
    status = 200
    if request.method == "POST":
        form = ChangeEditForm(request.POST, change=change, late=late)
        if form.is_valid():
            changed = form.changes(change)
            if not changed:
                messages.info(request, _("Nothing changed."))
                return redirect(change)
            status = attempt(request, lambda: services.change_update(change=change, actor=request.user, **changed),
                             lost_race=LOST_RACE, form=form)
            if status is None:
                messages.success(request, _("%(number)s is saved.") % {"number": change.number})
                return redirect(change)
        else:
            status = 400
            messages.error(request, SAVE_FAILED)
    else:
        form = ChangeEditForm(initial=ChangeEditForm.initial_for(change), change=change, late=late)
    return _form_page(request, form, status=status, change=change, late=late)


# --- the change page -----------------------------------------------------------------------------
def _change_for_page(user, pk: int) -> Change:
    qs = (changes_visible_to(user).select_related("model", "requested_by", "assignee", "release", "proposal",
                                                  "evaluation", "evaluation__author")
          .prefetch_related(_by_name("services"), _by_name("cis", ConfigurationItem), _by_name("outage_services"),
                            Prefetch("incidents", queryset=Incident.objects.order_by("id")),
                            Prefetch("caused_incidents", queryset=Incident.objects.order_by("id")),
                            Prefetch("problems", queryset=Problem.objects.order_by("id")), "tasks"))
    return get_object_or_404(qs, pk=pk)


def _default_forms(change: Change) -> dict:
    return {
        "assess": AssessForm(prefix="assess", initial={"impact": change.impact}),
        "reject": ReasonForm(prefix="reject"),
        "cancel": CancelForm(prefix="cancel"),
        "schedule": ScheduleForm(prefix="schedule", initial={
            "planned_start": change.planned_start, "planned_end": change.planned_end,
            "outage_start": change.outage_start, "outage_end": change.outage_end,
            "outage_services": [s.pk for s in change.outage_services.all()]}),
        "complete": CompleteForm(prefix="complete"),
        "review": ReviewForm(prefix="review"),
        "vote": VoteForm(prefix="vote"),
        "link": LinkForm(prefix="link"),
        "cmdb": CIUpdateForm(prefix="cmdb"),
        "evaluate": EvaluationForm(prefix="evaluate", initial=_evaluation_initial(change)),
    }


def _evaluation_initial(change: Change) -> dict:
    report = getattr(change, "evaluation", None) if hasattr(change, "evaluation") else None
    if report is None:
        return {}
    return {name: getattr(report, name) for name in ("risk", "cost", "capacity", "security", "recommendation",
                                                     "summary")}


def missing_labels(change: Change, names: list[str]) -> list[str]:
    """The RFC template's missing parts, as people call them."""
    special = {"services": _("services or configuration items"), "model": _("change model"),
               "risk": _("risk (or the risk questionnaire)")}
    return [str(special.get(name) or Change._meta.get_field(name).verbose_name) for name in names]


def tally_from(change: Change, board: CABBoard, user=None) -> dict:
    """``services.tally`` counted from votes already loaded (``change.votes`` prefetched), so
    a list of changes costs no query per change; ``mine`` is the user's own vote."""
    votes = [v for v in change.votes.all() if v.board_id == board.pk]
    counts = {decision: sum(1 for v in votes if v.decision == decision) for decision in VoteDecision.values}
    mine = next((v for v in votes if user is not None and v.member_id == user.pk), None)
    return {**counts, "quorum": board.quorum, "rule": board.rule, "veto": board.veto, "mine": mine,
            "counted": counts[VoteDecision.APPROVE] + counts[VoteDecision.REJECT],
            "rule_label": board.get_rule_display(), "board": board}


TRACKED = ("status", "title", "type", "risk", "impact", "category", "approval_stage", "planned_start", "planned_end",
           "outage_start", "outage_end", "assignee_id", "outcome", "ratification", "description",
           "implementation_plan", "backout_plan", "test_plan", "review_notes")
EDITED_ONLY = ("description", "implementation_plan", "backout_plan", "test_plan", "review_notes")
WHEN = ("planned_start", "planned_end", "outage_start", "outage_end")
HISTORY_LIMIT = 200
REASONS = {
    "created": gettext_lazy("Recorded"), "edited": gettext_lazy("Edited"), "submitted": gettext_lazy("Submitted"),
    "implementation started": gettext_lazy("Implementation started"), "reviewed": gettext_lazy("Reviewed"),
    "closed": gettext_lazy("Closed"), "cancelled": gettext_lazy("Cancelled"),
    "links changed": gettext_lazy("Links changed"),
}


def history_entries(change: Change) -> list[Entry]:
    """Each saved change of the RFC, newest first, with who, when, why (the service's reason)
    and what changed (old → new); people's names looked up once, not once per row."""
    records = history_records(change, HISTORY_LIMIT)[::-1]
    people = {r.assignee_id for r in records if r.assignee_id}
    names = {u.pk: u.get_full_name() or u.get_username() for u in User.objects.filter(pk__in=people)} \
        if people else {}
    labels = {name: dict(Change._meta.get_field(name).choices)
              for name in ("status", "type", "category", "approval_stage", "outcome", "ratification")}

    def shown(name: str, value) -> str:
        if value in (None, ""):
            return "—"
        if name == "assignee_id":
            return names.get(value, f"#{value}")
        if name in WHEN:
            return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")
        if name in labels:
            return str(labels[name].get(value, value))
        return Truncator(str(value)).chars(80)

    def title(record, reason: str) -> str:
        return str(REASONS.get(reason, reason)) if reason else (
            _("Recorded") if record.history_type == "+" else _("Changed"))

    # Setting services, CIs or links saves a copy with the same reason: one line is enough.
    return history_timeline(records, model=Change, tracked=TRACKED, shown=shown, title=title,
                            edited_only=EDITED_ONLY, echoes=True)[::-1]


def render_change(request, pk: int, bound: dict | None = None, status: int = 200):
    """The change page as it now stands; ``bound`` holds a submitted form (with its errors)."""
    user = request.user
    change = _change_for_page(user, pk)
    board = services.board_for(change)
    forms = _default_forms(change)
    forms.update(bound or {})
    votes = list(change.votes.select_related("member", "board").order_by("created_at", "id"))
    tally = None
    if board is not None and (votes or selectors.awaits_vote(change)):
        tally = {**services.tally(change, board), "board": board, "rule_label": board.get_rule_display()}
        tally["counted"] = tally["approve"] + tally["reject"]
    on_schedule = change.status in (ChangeStatus.AUTHORIZED, ChangeStatus.SCHEDULED, ChangeStatus.IMPLEMENTING)
    missing = services.missing_fields(change) if change.status == ChangeStatus.DRAFT else []
    actions = set(change_available_actions(user, change, board=board))
    open_form = next(iter(bound), None) if bound else None
    edit = {"url": reverse("changes:edit", args=[change.pk]), "label": _("Edit the RFC"), "name": "edit"}
    notes = []
    if change.status == ChangeStatus.SCHEDULED and not change.may_implement_now():
        notes.append({"css": "chg-note", "text": _("Implementation may start at the planned start (%(start)s).") % {
            "start": formats.date_format(timezone.localtime(change.planned_start), "DATETIME_FORMAT")}})
    if change.status in (ChangeStatus.AUTHORIZED, ChangeStatus.SCHEDULED) and change.deployment_authorization_pending():
        notes.append({"css": "chg-note", "testid": "deployment-gate",
                      "text": _("Its deployment needs to be authorised before it is implemented.")})
    if change.routed_to_a_board() and change.status in (ChangeStatus.SUBMITTED, ChangeStatus.ASSESSED) \
            and not change.evaluated_if_needed():
        notes.append({"css": "chg-note", "testid": "evaluation-needed",
                      "text": _("Attach the evaluation report before sending it to the CAB.")})
    if change.status == ChangeStatus.REVIEWING and not change.review_done():
        notes.append({"css": "chg-note", "text": _("It closes after its post-implementation review.")})
    card = action_card(ACTIONS, change, user, actions, forms=forms, open_form=open_form, notes=notes,
                       links=[edit] if "edit" in actions else [],
                       url=lambda name: reverse("changes:action", args=[change.pk, name]))
    context = {
        "change": change, "layout": "chg", "actions": actions, "card": card, "forms": forms, "open_form": open_form,
        "board": board, "votes": votes, "tally": tally, "awaits_vote": selectors.awaits_vote(change),
        "my_vote": next((v for v in votes if v.member_id == user.pk), None),
        "missing": missing_labels(change, missing), "tasks": list(change.tasks.all()),
        "conflicts": services.conflicts_for(change) if on_schedule else [],
        "history": history_entries(change),
        "ci_updates": list(selectors.ci_updates_of(change)), "raci": selectors.raci_of(change),
        "evaluation": getattr(change, "evaluation", None) if hasattr(change, "evaluation") else None,
    }
    return render(request, "changes/detail.html", context, status=status)


@staff_required
def change_detail(request, pk: int):
    return render_change(request, pk)


# --- actions on the change page -----------------------------------------------------------------
def vote_result(change: Change, number: str) -> tuple[int, str]:
    """What a vote led to, said plainly: (message level, text)."""
    if change.status == ChangeStatus.AUTHORIZED:
        return messages.SUCCESS, _("Your vote is recorded: the quorum is met and %(number)s is authorised.") \
            % {"number": number}
    if change.status == ChangeStatus.REJECTED:
        return messages.WARNING, _("Your vote is recorded: the board rejected %(number)s.") % {"number": number}
    if change.approval_stage == ApprovalStage.MANAGEMENT:
        return messages.SUCCESS, _("Your vote is recorded: the CAB approved %(number)s; IT management approves it "
                                   "next.") % {"number": number}
    if change.ratification == Ratification.RATIFIED:
        return messages.SUCCESS, _("Your vote is recorded: the ECAB ratified %(number)s.") % {"number": number}
    if change.ratification == Ratification.REFUSED:
        return messages.WARNING, _("Your vote is recorded: the ECAB refused to ratify %(number)s.") \
            % {"number": number}
    board = services.board_for(change)
    counts = services.tally(change, board) if board else {"approve": 0, "reject": 0, "quorum": 0}
    return messages.SUCCESS, _("Your vote on %(number)s is recorded; no decision yet (%(counted)s of the "
                               "%(quorum)s approve or reject votes needed).") \
        % {"number": number, "counted": counts["approve"] + counts["reject"], "quorum": counts["quorum"]}


def _schedule_done(change: Change, result) -> tuple[int, str]:
    _change, conflicts = result
    if conflicts:
        return messages.WARNING, ngettext(
            "%(number)s is scheduled, but it conflicts with %(count)s other change: see below.",
            "%(number)s is scheduled, but it conflicts with %(count)s other changes: see below.",
            len(conflicts)) % {"number": change.number, "count": len(conflicts)}
    return messages.SUCCESS, _("%(number)s is on the schedule, with no conflicts.") % {"number": change.number}


def _link(change: Change, user, data: dict):
    return services.change_link(change=change, actor=user, **{data["kind"]: [data["record"]]})


def _call(service_name: str, **fixed) -> Callable[[Change, Any, dict], Any]:
    def run(change, user, data):
        return getattr(services, service_name)(change=change, actor=user, **fixed, **data)
    return run


#: The change page's actions: the one-click buttons and the forms of its actions card in this
#: order (``needs``: the ``change_available_actions`` verb each one takes), then the vote and
#: the links, which the page places itself.
ACTIONS = {
    "submit": Action(_call("change_submit"), gettext_lazy("%(number)s is submitted."), label=gettext_lazy("Submit"),
                     primary=True),
    "send-to-cab": Action(_call("change_send_to_cab"),
                          gettext_lazy("%(number)s is before the board: its members are asked to vote."),
                          label=lambda change: _("Send to the ECAB") if change.type == ChangeType.EMERGENCY
                          else _("Send to the CAB"), primary=True),
    "authorize": Action(_call("change_authorize"), gettext_lazy("%(number)s is authorised."),
                        label=gettext_lazy("Authorise"), primary=True),
    "authorize-deployment": Action(_call("change_authorize_deployment"),
                                   gettext_lazy("The deployment of %(number)s is authorised."),
                                   label=gettext_lazy("Authorise the deployment"), primary=True),
    "implement": Action(_call("change_implement"), gettext_lazy("Implementation of %(number)s has started."),
                        label=gettext_lazy("Start implementing"), primary=True),
    "close": Action(_call("change_close"), gettext_lazy("%(number)s is closed."), label=gettext_lazy("Close"),
                    primary=True),
    "assess": Action(_call("change_assess"), gettext_lazy("%(number)s is assessed."), AssessForm,
                     label=gettext_lazy("Assess…"), submit=gettext_lazy("Assess"), primary=True,
                     grid=("risk", "impact"),
                     help=lambda change: _("Now: risk %(risk)s, impact %(impact)s. Confirm or correct them; the "
                                           "category and the approval route follow.")
                     % {"risk": change.risk or "—", "impact": change.impact}),
    "schedule": Action(lambda c, u, d: services.change_schedule(change=c, actor=u, **d), _schedule_done,
                       ScheduleForm,
                       label=lambda change: _("Move on the schedule…") if change.status == ChangeStatus.SCHEDULED
                       else _("Schedule…"), submit=gettext_lazy("Schedule"), primary=True,
                       grid=("planned_start", "planned_end", "outage_start", "outage_end", "outage_services"),
                       help=gettext_lazy("Refused inside a change freeze on its services (unless emergency). "
                                         "Overlaps with other changes are shown for you to weigh.")),
    "complete": Action(_call("change_complete"), gettext_lazy("%(number)s is complete."), CompleteForm,
                       label=gettext_lazy("Complete…"), submit=gettext_lazy("Complete"), primary=True),
    "review": Action(_call("change_review"), gettext_lazy("The review of %(number)s is recorded."), ReviewForm,
                     label=gettext_lazy("Post-implementation review…"), submit=gettext_lazy("Record the review"),
                     primary=True),
    "reject": Action(_call("change_reject"), gettext_lazy("%(number)s is rejected."), ReasonForm,
                     label=gettext_lazy("Reject…"), submit=gettext_lazy("Reject"), primary=True,
                     confirm=gettext_lazy("Reject the change? It cannot go ahead after that.")),
    "cancel": Action(_call("change_cancel"), gettext_lazy("%(number)s is cancelled."), CancelForm,
                     label=gettext_lazy("Cancel the change…"), submit=gettext_lazy("Cancel the change"),
                     confirm=gettext_lazy("Cancel the change? It cannot be taken up again.")),
    "vote": Action(_call("change_vote"),
                   lambda change, result: vote_result(Change.objects.get(pk=change.pk), change.number), VoteForm,
                   card=False),
    "link": Action(_link, gettext_lazy("The link is added to %(number)s."), LinkForm, card=False),
    "evaluate": Action(_call("change_evaluate"), gettext_lazy("The evaluation report of %(number)s is saved."),
                       EvaluationForm, label=gettext_lazy("Evaluation report…"), submit=gettext_lazy("Save the report"),
                       grid=("risk", "cost", "capacity", "security"),
                       help=gettext_lazy("Significant and major changes carry it to the CAB.")),
    "cmdb": Action(lambda c, u, d: services.change_set_ci_update(change=c, actor=u, **d),
                   gettext_lazy("The CMDB update is planned on %(number)s."), CIUpdateForm, card=False),
    "cmdb-remove": Action(lambda c, u, d: services.change_remove_ci_update(change=c, actor=u, ci=d["ci"]),
                          gettext_lazy("The CMDB update is dropped from %(number)s."), CIRemoveForm, inline=False,
                          card=False, needs="cmdb"),
}


class ChangeActionView(StaffRequiredMixin, ActionView):
    """POST ``/changes/<id>/<action>/``: check the form, call the service, back to the change
    page."""

    staff_message = STAFF_ONLY
    lost_race = LOST_RACE
    actions = ACTIONS
    visible_to = staticmethod(changes_visible_to)

    def form_data(self, spec, form):
        if form is None:
            return {}
        if hasattr(form, "service_kwargs"):
            return form.service_kwargs()
        data = dict(form.cleaned_data)
        if spec.form is LinkForm:
            return {"kind": data["kind"], "record": data["record"]}
        return data

    def validation_message(self, spec, exc):
        if spec is ACTIONS["submit"] and hasattr(exc, "error_dict"):
            # The RFC template is incomplete: say what is missing (the page lists it too).
            return _("%(number)s is not submitted: the RFC still needs %(missing)s.") % {
                "number": self.record.number, "missing": ", ".join(missing_labels(self.record, list(exc.message_dict)))}
        return None

    def render_page(self, bound, status):
        return render_change(self.request, self.kwargs["pk"], bound, status=status)


change_action = ChangeActionView.as_view()


class VoteView(ChangeActionView):
    """One click from the CAB inbox: approve, reject (with the reason) or abstain; back to
    the inbox with what the vote led to."""

    actions = {"vote": ACTIONS["vote"]}

    def get_action_name(self):
        return "vote"

    def get_form_kwargs(self, spec):
        return {"prefix": f"vote-{self.kwargs['pk']}"}

    def invalid_form_message(self, spec):
        return _("Your vote on %(number)s is not recorded: please correct the errors below.") % {
            "number": self.record.number}

    def render_page(self, bound, status):
        form = next(iter(bound.values())) if bound else None
        return render_approvals(self.request, {self.kwargs["pk"]: form} if form is not None else None, status=status)

    def success_url(self):
        return reverse("changes:approvals")


# --- the CAB inbox -------------------------------------------------------------------------------
def render_approvals(request, bound: dict | None = None, status: int = 200):
    """The changes awaiting a vote of a board the user sits on, each with its RFC, the tally
    so far and the vote buttons; the user's recent votes with where those changes stand."""
    user = request.user
    boards = list(CABBoard.objects.all())
    seats = set(CABBoard.objects.filter(members=user).values_list("pk", flat=True)) if boards else set()
    mine = [b for b in boards if b.pk in seats]
    by_kind = {b.kind: b for b in boards}
    rows = []
    waiting = list(selectors.awaiting_vote(user))
    reports = {r.change_id: r for r in EvaluationReport.objects.filter(change__in=waiting)}
    for change in waiting:
        # The board deciding it: the ECAB for an emergency change (also when ratifying), else the CAB.
        kind = BoardKind.ECAB if change.approval_stage == ApprovalStage.ECAB \
            or change.ratification == Ratification.PENDING else BoardKind.CAB
        board = by_kind.get(kind)
        if board is None:
            continue
        form = (bound or {}).get(change.pk) or VoteForm(prefix=f"vote-{change.pk}")
        rows.append({"change": change, "board": board, "tally": tally_from(change, board, user), "form": form,
                     "evaluation": reports.get(change.pk)})
    recent = list(votes_of(user)[:10])
    return render(request, "changes/approvals.html", {
        "rows": rows, "boards": mine, "recent": recent, "open_change": next(iter(bound), None) if bound else None,
    }, status=status)


@staff_required
def approvals(request):
    return render_approvals(request)


approval_vote = VoteView.as_view()


# --- the forward schedule of change -----------------------------------------------------------
def _month(text: str | None) -> date | None:
    try:
        year, month = (int(part) for part in (text or "").split("-"))
        return date(year, month, 1) if 1900 < year < 3000 else None
    except ValueError:
        return None


@staff_required
def calendar(request):
    """``/changes/calendar/?month=YYYY-MM``: the weeks of a month (Monday first, in the
    user's timezone) with each change on the schedule as a block on its days, conflicting
    changes marked, and the blackout windows shaded and named."""
    tz = timezone.get_current_timezone()
    today = timezone.localdate()
    first = _month(request.GET.get("month")) or today.replace(day=1)
    last = first.replace(day=pycalendar.monthrange(first.year, first.month)[1])
    grid_start = first - timedelta(days=first.weekday())
    grid_end = last + timedelta(days=6 - last.weekday())
    start = datetime.combine(grid_start, time.min, tzinfo=tz)
    end = datetime.combine(grid_end + timedelta(days=1), time.min, tzinfo=tz)
    schedule = selectors.forward_schedule(start=start, end=end)
    proposed = selectors.proposed_on_schedule(schedule, start, end)

    days = {}
    day = grid_start
    while day <= grid_end:
        days[day] = {"date": day, "in_month": day.month == first.month, "today": day == today,
                     "weekday": WEEKDAYS[day.weekday()], "changes": [], "blackouts": []}
        day += timedelta(days=1)

    def span(begin: datetime, finish: datetime):
        """The grid's days that [begin, finish) touches, in the user's timezone."""
        d = max(timezone.localdate(begin, tz), grid_start)
        stop = min(timezone.localdate(finish - timedelta(microseconds=1), tz), grid_end)
        while d <= stop:
            yield d
            d += timedelta(days=1)

    numbers = {row["change"].pk: row["change"] for row in schedule["changes"]}
    entries = []
    rows = [(row, False) for row in schedule["changes"]] + [(row, True) for row in proposed]
    rows.sort(key=lambda pair: (pair[0]["change"].planned_start, pair[0]["change"].pk))
    for row, is_proposed in rows:
        change = row["change"]
        conflicts = [numbers[pk] for pk in row["conflicts"] if pk in numbers]
        frozen = selectors.freezes_of(change, row["services"], schedule["blackouts"])
        entries.append({"change": change, "conflicts": conflicts, "proposed": is_proposed, "frozen": frozen})
        for d in span(change.planned_start, change.planned_end):
            days[d]["changes"].append({
                "change": change, "conflicts": conflicts, "proposed": is_proposed, "frozen": frozen,
                "starts": d == timezone.localdate(change.planned_start, tz),
                "ends": d == timezone.localdate(change.planned_end - timedelta(microseconds=1), tz)})
    for window in schedule["blackouts"]:
        for d in span(window.start, window.end):
            days[d]["blackouts"].append(window)
    ordered = list(days.values())
    previous = (first - timedelta(days=1)).replace(day=1)
    following = last + timedelta(days=1)
    return render(request, "changes/calendar.html", {
        "weeks": [ordered[i:i + 7] for i in range(0, len(ordered), 7)],
        "weekdays": [(WEEKDAYS[i], WEEKDAYS_ABBR[i]) for i in range(7)],
        "month": first, "previous": f"{previous:%Y-%m}", "next": f"{following:%Y-%m}",
        "this_month": f"{today:%Y-%m}", "is_this_month": first == today.replace(day=1),
        "entries": entries, "blackouts": schedule["blackouts"],
        "scheduled_count": sum(1 for e in entries if not e["proposed"]),
        "proposed_count": sum(1 for e in entries if e["proposed"]),
        "conflict_count": sum(1 for e in entries if e["conflicts"]),
        "frozen_count": sum(1 for e in entries if e["frozen"]),
    })


class ConfigurationItemDetailView(HistoryDetailView):
    """``/changes/cis/<id>/``: a configuration item as change management sees it — its relations,
    its history (a change that set something names itself as the reason) and the changes that
    touched it. It lives here, not in catalog, because catalog sits above changes."""

    queryset = ConfigurationItem.objects.select_related("service", "owner_team")
    template_name = "changes/ci_detail.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["outgoing"] = self.object.outgoing.select_related("target").order_by("kind", "target__name")
        ctx["incoming"] = self.object.incoming.select_related("source").order_by("kind", "source__name")
        ctx["changes"] = list(selectors.changes_touching_ci(self.object)[:50])
        return ctx
